"""The rollout pipeline, declared once: every status an order line (one ordered service) can
have, how far along it is, where it may go next and the e-mail that tells the Verwaltung.

Everything else derives from STAGES: the enum `shop.models.RolloutStatus`, Oscar's pipeline
settings (site/settings.py), the order's status, the workbench's queues and the status e-mails
(Oscar CommunicationEventTypes, ensured after every migrate). A new status is one more Stage.

Plain Python on purpose: the settings module imports it, before Django's apps are loaded.
"""

from collections.abc import Sequence
from dataclasses import dataclass

# The status e-mails share their greeting and their end; a stage's mail adds its own sentence.
MAIL_SUBJECT_PREFIX = "Bestellung {{ order.number }}: „{{ dienst.title }}“ "
MAIL_INTRO = """Guten Tag,

zu Ihrer Bestellung {{ order.number }} für {{ verwaltung.name }}:
„{{ dienst.title }}“{% if gemeinden %} für {{ gemeinden|join:", " }}{% endif %}
"""
MAIL_FOOTER = """

Den Stand sehen alle bestätigten Mitglieder Ihrer Verwaltung unter „Meine Dienste“:
{{ status_url }}

Mit freundlichen Grüßen
Ihr Umsetzungsteam des OZG-Dienste-Shops Schleswig-Holstein
"""


@dataclass(frozen=True, kw_only=True)
class StatusMail:
    """The default text of a status e-mail; editors change it in the dashboard (Kommunikation),
    and their text is kept. Django template syntax, with order, verwaltung, dienst, gemeinden,
    event (reason, service_url) and status_url."""

    code: str
    subject: str  # after "Bestellung 123: „Dienst“ "
    text: str  # after the greeting that names the order, the service and its Gemeinden


@dataclass(frozen=True, kw_only=True)
class Stage:
    """One status. `status` is stored on Oscar's lines and orders and shown as it is (Oscar's
    dashboard and history print the stored value), so it is also the German label. `rank` orders
    the statuses by how far along a service is; an order shows the lowest rank of its lines, so
    ended statuses rank after all running ones. `ended`: final, the Gemeinden may order the
    service again, and moving there needs a reason. `mail` is None where no e-mail is due (the
    order confirmation already tells of Eingegangen)."""

    name: str  # the member of shop.models.RolloutStatus
    status: str
    rank: int
    next_statuses: tuple[str, ...] = ()
    ended: bool = False
    mail: StatusMail | None = None


STAGES = (
    Stage(
        name="RECEIVED",
        status="Eingegangen",
        rank=10,
        next_statuses=("In Prüfung", "Abgelehnt", "Storniert"),
    ),
    Stage(
        name="IN_REVIEW",
        status="In Prüfung",
        rank=20,
        next_statuses=("In Umsetzung", "Abgelehnt", "Storniert"),
        mail=StatusMail(
            code="ROLLOUT_IN_REVIEW",
            subject="wird geprüft",
            text="wird jetzt geprüft. Bei Fragen melden wir uns bei Ihren Ansprechpersonen.",
        ),
    ),
    Stage(
        name="IN_PROGRESS",
        status="In Umsetzung",
        rank=30,
        next_statuses=("Im Test", "Storniert"),
        mail=StatusMail(
            code="ROLLOUT_IN_PROGRESS",
            subject="wird eingerichtet",
            text="wird jetzt für Ihre Verwaltung eingerichtet.",
        ),
    ),
    Stage(
        name="IN_TEST",
        status="Im Test",
        rank=40,
        next_statuses=("Live", "In Umsetzung", "Storniert"),
        mail=StatusMail(
            code="ROLLOUT_IN_TEST",
            subject="ist im Test",
            text="ist eingerichtet und wird getestet. Bitte prüfen Sie ihn mit Ihrem Fachteam.",
        ),
    ),
    Stage(
        name="LIVE",
        status="Live",
        rank=50,
        next_statuses=("Storniert",),
        mail=StatusMail(
            code="ROLLOUT_LIVE",
            subject="ist live",
            text="ist live. Die dauerhafte Adresse für Ihre Verwaltung lautet:\n"
            "{{ event.service_url }}\n\nBitte verlinken Sie sie auf Ihrer Website.",
        ),
    ),
    # Abgelehnt ranks after Storniert: an order whose services have all ended is Abgelehnt only
    # when every one of them was rejected.
    Stage(
        name="REJECTED",
        status="Abgelehnt",
        rank=70,
        ended=True,
        mail=StatusMail(
            code="ROLLOUT_REJECTED",
            subject="abgelehnt",
            text="kann leider nicht umgesetzt werden.\n\nBegründung: {{ event.reason }}",
        ),
    ),
    Stage(
        name="CANCELLED",
        status="Storniert",
        rank=60,
        ended=True,
        mail=StatusMail(
            code="ROLLOUT_CANCELLED",
            subject="storniert",
            text="ist storniert.\n\nBegründung: {{ event.reason }}",
        ),
    ),
)


def enum_members(*, stages: Sequence[Stage] = STAGES) -> list[tuple[str, tuple[str, str]]]:
    """The members of the TextChoices enum: name, stored value and label."""
    return [(stage.name, (stage.status, stage.status)) for stage in stages]


def initial_status(*, stages: Sequence[Stage] = STAGES) -> str:
    """Where every order and line starts: the first stage."""
    return stages[0].status


def ended_statuses(*, stages: Sequence[Stage] = STAGES) -> frozenset[str]:
    return frozenset(stage.status for stage in stages if stage.ended)


def progress(*, stages: Sequence[Stage] = STAGES) -> tuple[str, ...]:
    """The running statuses by rank, least advanced first (not a path: a side status such as a
    pause sits between its neighbours); the last is the goal."""
    running = sorted((stage for stage in stages if not stage.ended), key=lambda s: s.rank)
    return tuple(stage.status for stage in running)


def line_status_pipeline(*, stages: Sequence[Stage] = STAGES) -> dict[str, tuple[str, ...]]:
    """OSCAR_LINE_STATUS_PIPELINE: the transitions staff may make on a line."""
    return {stage.status: stage.next_statuses for stage in stages}


def order_status_pipeline(*, stages: Sequence[Stage] = STAGES) -> dict[str, tuple[str, ...]]:
    """OSCAR_ORDER_STATUS_PIPELINE: staff may move a whole order to any other status; the
    cascade then moves each line that may make that step (the line pipeline decides)."""
    statuses = [stage.status for stage in stages]
    return {status: tuple(other for other in statuses if other != status) for status in statuses}


def order_status_cascade(*, stages: Sequence[Stage] = STAGES) -> dict[str, str]:
    """OSCAR_ORDER_STATUS_CASCADE: an order's new status is its lines' new status."""
    return {stage.status: stage.status for stage in stages}


def order_status_for(*, line_statuses: Sequence[str], stages: Sequence[Stage] = STAGES) -> str:
    """The order's status from its lines': the least advanced of those still running; when all
    have ended, Abgelehnt if all were rejected, else Storniert (see the ranks in STAGES). An
    order without lines counts as its lowest-ranked ended status."""
    rank = {stage.status: stage.rank for stage in stages}
    lowest_ended = min((stage for stage in stages if stage.ended), key=lambda s: s.rank)
    return min(line_statuses, key=rank.__getitem__, default=lowest_ended.status)


@dataclass(frozen=True, kw_only=True)
class MailTypeDefaults:
    """An Oscar CommunicationEventType as it is created when missing."""

    code: str
    name: str
    subject: str
    body: str


def mail_type_defaults(*, stages: Sequence[Stage] = STAGES) -> list[MailTypeDefaults]:
    return [
        MailTypeDefaults(
            code=stage.mail.code,
            name=f"Umsetzung: {stage.status}",
            subject=MAIL_SUBJECT_PREFIX + stage.mail.subject,
            body=MAIL_INTRO + "\n" + stage.mail.text + MAIL_FOOTER,
        )
        for stage in stages
        if stage.mail is not None
    ]


def mail_code_for(*, status: str, stages: Sequence[Stage] = STAGES) -> str | None:
    """The CommunicationEventType code of the e-mail sent when a line reaches `status`."""
    stage = next((stage for stage in stages if stage.status == status), None)
    return stage.mail.code if stage is not None and stage.mail is not None else None
