"""The onboarding checklist's rules without HTTP: the definition synced from the profile as
versions, values saved as versions, the gate before "In Umsetzung" (single and bulk), the
signal when the required data becomes complete, and reminders once per period."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from shop.dienste.services import dienst_sync
from shop.integrations.services import webhook_subscription_create
from shop.models import OnboardingAnswer
from shop.models import OnboardingChecklist
from shop.models import OnboardingReminder
from shop.models import OutgoingMail
from shop.models import RolloutStatus
from shop.models import WebhookDelivery
from shop.models import WebhookEvent
from shop.onboarding.selectors import ServiceRef
from shop.onboarding.selectors import onboarding_missing_counts
from shop.onboarding.selectors import onboarding_missing_for_lines
from shop.onboarding.selectors import onboarding_state
from shop.onboarding.selectors import onboarding_states
from shop.onboarding.services import onboarding_answers_save
from shop.onboarding.services import onboarding_reminders_send
from shop.onboarding.signals import onboarding_completed
from shop.orders.bulk import bulk_lines_status_change
from shop.orders.rollout import lines_status_change
from tests.factories import ONBOARDING_CHECKLIST
from tests.factories import KreisFactory
from tests.factories import amt_with_gemeinden
from tests.factories import checklist_field
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place

from .conftest import complete_values
from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


def republish(dienst, fields, steps=()):
    return dienst_sync(
        page_id=dienst.page_id,
        title=dienst.title,
        description="",
        url=dienst.url,
        availability=dienst.availability,
        ozg_ids=[],
        onboarding_fields=fields,
        onboarding_steps=steps,
    )


# The definition


def test_publishing_stores_the_checklist_as_plain_values_and_a_change_as_a_new_version(dienst):
    first = OnboardingChecklist.objects.get(dienst=dienst)
    assert first.version == 1
    assert [field["type"] for field in first.fields] == [
        "url",
        "text",
        "email",
        "choice",
        "yesno",
        "date",
        "file",
    ]
    assert first.steps[0] == {"title": "DVDV-Eintrag prüfen", "text": "Mit der Kommune abgleichen."}

    republish(dienst, ONBOARDING_CHECKLIST, first.steps)
    assert OnboardingChecklist.objects.filter(dienst=dienst).count() == 1

    renamed = [dict(field) for field in ONBOARDING_CHECKLIST]
    renamed[1]["label"] = "DVDV-Behördenkennung"
    republish(dienst, renamed, first.steps)
    assert list(
        OnboardingChecklist.objects.filter(dienst=dienst).values_list("version", flat=True)
    ) == [2, 1]


def test_a_service_without_a_checklist_stores_none():
    dienst = dienst_create()
    assert not OnboardingChecklist.objects.filter(dienst=dienst).exists()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (checklist_field("choice", "Fachverfahren", choices=[]), "mindestens eine Möglichkeit"),
        (checklist_field("file", "Formular", extensions=["exe"]), "nicht: exe"),
        (checklist_field("file", "Formular", max_size_mb=500), "zwischen 1 und 50 MB"),
        (checklist_field("telefon", "Telefon"), "keine Art von Angabe"),
        (checklist_field("text", ""), "Bezeichnung"),
    ],
)
def test_a_definition_that_cannot_work_is_refused_in_german_and_nothing_is_stored(field, message):
    with pytest.raises(ValidationError, match=message):
        dienst_create(onboarding_fields=[field])
    assert not OnboardingChecklist.objects.exists()


# Values and versions


def test_each_required_value_per_verwaltung_and_per_gemeinde_is_missing_until_supplied(
    service, amt
):
    state = onboarding_state(ordered_service=service)
    gemeinden = ", ".join(amt.gemeinden.order_by("name").values_list("name", flat=True))
    assert state.missing == [
        "„Eintrag im Zuständigkeitsfinder“",
        f"„DVDV-Adresse“ (für {gemeinden})",
        "„Funktionspostfach“",
        "„Fachverfahren“",
        "„ePayment gewünscht“",
        "„Anbindungsformular“",
    ]
    # Three Gemeinden for the DVDV address, one value for each other required field.
    assert (state.required_count, state.filled_required_count) == (8, 0)


@pytest.mark.object_storage
def test_every_change_is_a_new_version_and_the_earlier_one_stays(service, member, amt):
    onboarding_answers_save(ordered_service=service, user=member, values=complete_values(amt))
    key = ("funktionspostfach", None)
    onboarding_answers_save(
        ordered_service=service, user=member, values={key: "gewerbeamt@amt.example"}
    )
    versions = OnboardingAnswer.objects.filter(ordered_service=service, field_key=key[0])
    assert [(a.value, a.is_current, a.answered_by) for a in versions] == [
        ("gewerbe@amt.example", False, member),
        ("gewerbeamt@amt.example", True, member),
    ]
    # Saving the same value again adds nothing.
    onboarding_answers_save(
        ordered_service=service, user=member, values={key: "gewerbeamt@amt.example"}
    )
    assert versions.count() == 2


@pytest.mark.object_storage
def test_a_value_for_a_field_or_gemeinde_not_in_the_checklist_refuses_the_whole_save(
    service, member, amt
):
    values = complete_values(amt) | {("dvdv-adresse", 999_999): "dvdv:fremd"}
    with pytest.raises(ValidationError, match="gehört nicht zur Checkliste"):
        onboarding_answers_save(ordered_service=service, user=member, values=values)
    assert not OnboardingAnswer.objects.exists()


def test_a_kreis_supplies_per_gemeinde_fields_once_for_itself(dienst):
    kreis = KreisFactory(name="Kreis Rendsburg-Eckernförde")
    order = order_place(
        user=member_create(verwaltung=kreis), verwaltung=kreis, dienste=[dienst], gemeinden=[]
    )
    state = onboarding_state(ordered_service=order.lines.get().ozg_service)
    dvdv = next(field for field in state.fields if field.key == "dvdv-adresse")
    assert [target.gemeinde_id for target in dvdv.targets] == [None]
    assert "„DVDV-Adresse“" in state.missing


# The gate before "In Umsetzung"


@pytest.mark.object_storage
def test_a_line_cannot_move_to_in_umsetzung_while_required_data_is_missing(
    line, service, member, fulfilment, amt
):
    lines_status_change(lines=[line], new_status=RolloutStatus.IN_REVIEW, user=fulfilment)
    values = complete_values(amt)
    del values[("funktionspostfach", None)]
    onboarding_answers_save(ordered_service=service, user=member, values=values)

    with pytest.raises(ValidationError) as refused:
        lines_status_change(lines=[line], new_status=RolloutStatus.IN_PROGRESS, user=fulfilment)
    assert refused.value.messages == [
        "„Gewerbeanmeldung“ kann noch nicht auf „In Umsetzung“ gesetzt werden: Es fehlen noch "
        "Angaben der Kommune: „Funktionspostfach“."
    ]
    line.refresh_from_db()
    assert line.status == RolloutStatus.IN_REVIEW

    onboarding_answers_save(
        ordered_service=service,
        user=member,
        values={("funktionspostfach", None): "gewerbe@amt.example"},
    )
    lines_status_change(lines=[line], new_status=RolloutStatus.IN_PROGRESS, user=fulfilment)
    line.refresh_from_db()
    assert line.status == RolloutStatus.IN_PROGRESS


def test_the_bulk_rollout_refuses_the_whole_batch_naming_the_missing_data(
    line, fulfilment, amt, member
):
    other = dienst_create(title="Wohngeld")
    plain = order_place(user=member, verwaltung=amt, dienste=[other]).lines.get()
    for each in (line, plain):
        lines_status_change(lines=[each], new_status=RolloutStatus.IN_REVIEW, user=fulfilment)

    with pytest.raises(ValidationError) as refused:
        bulk_lines_status_change(
            line_ids=[line.pk, plain.pk],
            new_status=RolloutStatus.IN_PROGRESS,
            urls={},
            user=fulfilment,
        )
    assert len(refused.value.messages) == 1
    assert "„Gewerbeanmeldung“ kann noch nicht auf „In Umsetzung“" in refused.value.messages[0]
    assert "„Funktionspostfach“" in refused.value.messages[0]
    plain.refresh_from_db()
    assert plain.status == RolloutStatus.IN_REVIEW


def test_missing_data_of_many_lines_is_read_with_a_fixed_number_of_queries(
    line, django_assert_num_queries
):
    with django_assert_num_queries(4):
        missing = onboarding_missing_for_lines(line_ids=[line.pk, line.pk + 1000])
    assert list(missing) == [line.pk]


def test_states_follow_the_newest_checklist_and_skip_the_data_of_services_without_one(
    order, line, dienst, amt, member, django_assert_num_queries
):
    republish(dienst, [checklist_field("email", "Funktionspostfach")])
    plain = order_place(user=member, verwaltung=amt, dienste=[dienst_create()]).lines.get()
    with_checklist = ServiceRef(pk=line.ozg_service.pk, dienst_id=dienst.pk)
    without = ServiceRef(pk=plain.ozg_service.pk, dienst_id=plain.ozg_service.dienst_id)

    with django_assert_num_queries(3):
        states = onboarding_states(services=[with_checklist, without])
    # Only the checklist is read while no ordered service has one.
    with django_assert_num_queries(1):
        alone = onboarding_states(services=[without])

    assert states[with_checklist.pk].missing == ["„Funktionspostfach“"]
    assert states[without.pk].fields == [] and alone[without.pk].fields == []


@pytest.mark.object_storage
def test_the_lists_count_what_the_states_name_as_missing(
    service, dienst, amt, member, django_assert_num_queries
):
    first, second, _third = amt.gemeinden.order_by("name")
    onboarding_answers_save(
        ordered_service=service,
        user=member,
        values={
            ("funktionspostfach", None): "gewerbe@amt.example",
            ("anbindungsformular", None): pdf_upload(),
            ("dvdv-adresse", first.pk): f"dvdv:{first.ags}",
        },
    )
    # Blanks supply nothing, as on the form.
    OnboardingAnswer.objects.create(
        ordered_service=service,
        field_key="fachverfahren",
        label="Fachverfahren",
        value="  ",
        answered_by=member,
    )
    kreis = KreisFactory()
    for_itself = order_place(
        user=member_create(verwaltung=kreis), verwaltung=kreis, dienste=[dienst], gemeinden=[]
    ).lines.get()
    plain = order_place(user=member, verwaltung=amt, dienste=[dienst_create()]).lines.get()
    other = amt_with_gemeinden(count=2)
    other_member = member_create(verwaltung=other)
    complete = order_place(user=other_member, verwaltung=other, dienste=[dienst]).lines.get()
    onboarding_answers_save(
        ordered_service=complete.ozg_service, user=other_member, values=complete_values(other)
    )
    refs = [
        ServiceRef(pk=line.ozg_service.pk, dienst_id=line.ozg_service.dienst_id)
        for line in (service.line, for_itself, plain, complete)
    ]

    with django_assert_num_queries(3):
        counts = onboarding_missing_counts(services=refs)

    states = onboarding_states(services=refs)
    assert counts == {pk: len(state.missing) for pk, state in states.items() if state.missing}
    assert counts == {service.pk: 4, for_itself.ozg_service.pk: 6}
    assert second.name in states[service.pk].missing[0] + states[service.pk].missing[1]
    # The newest checklist counts (its one field is supplied except by the Kreis); without a
    # required field per Gemeinde nobody's Gemeinden are read, without a checklist only the
    # checklists are.
    republish(dienst, [checklist_field("email", "Funktionspostfach")])
    with django_assert_num_queries(2):
        assert onboarding_missing_counts(services=refs) == {for_itself.ozg_service.pk: 1}
    with django_assert_num_queries(1):
        assert onboarding_missing_counts(services=refs[2:3]) == {}


# The signal for the webhooks


@pytest.mark.object_storage
def test_onboarding_completed_is_sent_once_when_the_required_data_becomes_complete(
    service, member, amt
):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    onboarding_completed.connect(receiver)
    try:
        values = complete_values(amt)
        onboarding_answers_save(
            ordered_service=service,
            user=member,
            values={k: v for k, v in values.items() if k[0] != "funktionspostfach"},
        )
        assert received == []
        onboarding_answers_save(
            ordered_service=service,
            user=member,
            values={("funktionspostfach", None): "gewerbe@amt.example"},
        )
        onboarding_answers_save(
            ordered_service=service,
            user=member,
            values={("funktionspostfach", None): "gewerbeamt@amt.example"},
        )
    finally:
        onboarding_completed.disconnect(receiver)
    assert [(kwargs["line"], kwargs["verwaltung"]) for kwargs in received] == [(service, amt)]


def test_completed_onboarding_data_reaches_the_subscribed_webhooks_once(
    service, member, amt, django_capture_on_commit_callbacks
):
    webhook_subscription_create(
        name="Ticketsystem",
        url="https://tickets.example/hook",
        events=[WebhookEvent.ONBOARDING_COMPLETED],
        created_by=None,
    )
    with django_capture_on_commit_callbacks():
        onboarding_answers_save(ordered_service=service, user=member, values=complete_values(amt))
        onboarding_answers_save(
            ordered_service=service,
            user=member,
            values={("funktionspostfach", None): "gewerbeamt@amt.example"},
        )
    deliveries = list(WebhookDelivery.objects.all())
    assert [delivery.event for delivery in deliveries] == [WebhookEvent.ONBOARDING_COMPLETED]
    payload = deliveries[0].payload
    assert payload["position_id"] == service.line_id
    assert payload["order_number"] == service.details.order.number
    assert payload["verwaltung"]["id"] == amt.pk


# Reminders


def placed_days_ago(order, days: int) -> None:
    order.date_placed = timezone.now() - datetime.timedelta(days=days)
    order.save(update_fields=["date_placed"])


def test_a_reminder_goes_to_the_contacts_once_per_period(
    order, settings, django_capture_on_commit_callbacks
):
    settings.ONBOARDING_REMINDER_DAYS = 7
    placed_days_ago(order, 3)
    assert onboarding_reminders_send() == 0

    placed_days_ago(order, 8)
    with django_capture_on_commit_callbacks(execute=True):
        assert onboarding_reminders_send() == 1
        assert onboarding_reminders_send() == 0
    assert len(mail.outbox) == 1
    reminder = mail.outbox[0]
    assert reminder.subject == f"Noch benötigte Angaben zur Bestellung {order.number}"
    assert "fach@amt.example" in reminder.to and "hanna@amt.example" in reminder.to
    assert "„Funktionspostfach“" in reminder.body
    assert f"/bestellungen/{order.number}/dienste/" in reminder.body

    placed_days_ago(order, 15)
    with django_capture_on_commit_callbacks(execute=True):
        assert onboarding_reminders_send() == 1
    assert list(OnboardingReminder.objects.values_list("period", flat=True)) == [1, 2]


@pytest.mark.object_storage
def test_no_reminder_once_the_data_is_complete(order, service, member, amt):
    placed_days_ago(order, 30)
    onboarding_answers_save(ordered_service=service, user=member, values=complete_values(amt))
    assert onboarding_reminders_send() == 0
    assert not OutgoingMail.objects.filter(subject__startswith="Noch benötigte").exists()


def test_a_reminder_waits_in_the_outbox_when_smtp_is_down(
    order, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.DisconnectedBackend"
    placed_days_ago(order, 8)
    with django_capture_on_commit_callbacks(execute=True):
        assert onboarding_reminders_send() == 1
    stored = OutgoingMail.objects.get(subject__startswith="Noch benötigte Angaben")
    assert stored.status != OutgoingMail.Status.SENT
    # Recorded: the next run in this period sends no second reminder.
    assert onboarding_reminders_send() == 0


def test_the_command_sends_the_reminders(order, capsys):
    placed_days_ago(order, 8)
    call_command("remind_onboarding")
    assert "1 Erinnerung(en)" in capsys.readouterr().out


@pytest.mark.object_storage
def test_an_uploaded_file_is_stored_privately_without_a_public_url(service, member, amt):
    onboarding_answers_save(
        ordered_service=service,
        user=member,
        values={("anbindungsformular", None): pdf_upload()},
    )
    answer = OnboardingAnswer.objects.get(field_key="anbindungsformular")
    assert answer.file.storage is storages["private"]
    assert answer.file_name == "anbindung.pdf"
    assert answer.content_type == "application/pdf"
    assert "anbindung" not in answer.file.name
    # On the file system (CI runs this again on S3, where there is no path): not below the
    # public media folder.
    if isinstance(answer.file.storage, FileSystemStorage):
        assert not answer.file.path.startswith(settings.MEDIA_ROOT)
