"""The rollout pipeline: every allowed and refused transition, Live with its address, reasons,
the order's status following its lines, and the status e-mails."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from shop.models import OrderedService
from shop.models import RolloutEvent
from shop.models import ServiceCoverage
from shop.orders.pipeline import mail_type_defaults
from shop.orders.rollout import lines_status_change
from shop.orders.rollout import rollout_mail_types_ensure
from shop.orders.selectors import order_plan
from shop.oscar_models import CommunicationEventType
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish

PIPELINE = settings.OSCAR_LINE_STATUS_PIPELINE
ALL_STATUSES = list(PIPELINE)
ALLOWED = [(old, new) for old, targets in PIPELINE.items() for new in targets]
REFUSED = [
    (old, new)
    for old in ALL_STATUSES
    for new in ALL_STATUSES
    if new not in PIPELINE[old] and new != old
]
URL = "https://amt-beispiel.example/dienste/wohngeld"


@pytest.fixture
def setting(db):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2, name="Amt Beispiel")
    wohngeld = dienst_create(title="Wohngeld")
    elterngeld = dienst_create(title="Elterngeld")
    user = member_create(verwaltung=amt, email="bestellerin@amt.example")
    order = order_place(user=user, verwaltung=amt, dienste=[wohngeld, elterngeld])
    return {
        "amt": amt,
        "order": order,
        "lines": list(order.lines.order_by("pk")),
        "staff": UserFactory(email="umsetzung@land.example", is_staff=True),
        "dienste": [wohngeld, elterngeld],
    }


def line_at(line, status):
    line.status = status
    line.save(update_fields=["status"])
    return line


def extra_for(new_status):
    if new_status in ("Abgelehnt", "Storniert"):
        return {"reason": "Die Verwaltung hat zurückgezogen."}
    if new_status == "Live":
        return {"service_url": URL}
    return {}


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_allowed_transition(setting, old, new, django_capture_on_commit_callbacks):
    line = line_at(setting["lines"][0], old)
    with django_capture_on_commit_callbacks(execute=True):
        (event,) = lines_status_change(
            lines=[line], new_status=new, user=setting["staff"], **extra_for(new)
        )
    line.refresh_from_db()
    assert line.status == new
    assert (event.old_status, event.new_status, event.changed_by) == (old, new, setting["staff"])


@pytest.mark.parametrize(("old", "new"), REFUSED)
def test_refused_transition(setting, old, new, django_capture_on_commit_callbacks):
    line = line_at(setting["lines"][0], old)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as error:
        lines_status_change(lines=[line], new_status=new, user=setting["staff"], **extra_for(new))
    assert f"kann nicht von „{old}“ auf „{new}“ gesetzt werden" in " ".join(error.value.messages)
    line.refresh_from_db()
    assert line.status == old
    assert not RolloutEvent.objects.exists()
    assert mail.outbox == []


def test_unknown_status_is_refused(setting):
    with pytest.raises(ValidationError, match="kein Status"):
        lines_status_change(lines=setting["lines"][:1], new_status="Erledigt", user=None)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "dauerhafte Adresse des Dienstes nötig"),
        ("   ", "dauerhafte Adresse des Dienstes nötig"),
        ("http://amt.example/wohngeld", "https-Adresse"),
        ("https://", "https-Adresse"),
        ("javascript:alert(1)", "https-Adresse"),
    ],
)
def test_live_needs_an_https_address(setting, url, message):
    line = line_at(setting["lines"][0], "Im Test")
    with pytest.raises(ValidationError, match=message):
        lines_status_change(lines=[line], new_status="Live", user=None, service_url=url)
    line.refresh_from_db()
    assert line.status == "Im Test"
    assert OrderedService.objects.get(line=line).service_url == ""


def test_live_records_the_address(setting):
    line = line_at(setting["lines"][0], "Im Test")
    lines_status_change(lines=[line], new_status="Live", user=None, service_url=f" {URL} ")
    service = OrderedService.objects.get(line=line)
    assert service.service_url == URL
    assert RolloutEvent.objects.get().service_url == URL


def test_live_is_set_per_line(setting):
    lines = [line_at(line, "Im Test") for line in setting["lines"]]
    with pytest.raises(ValidationError, match="einzeln"):
        lines_status_change(lines=lines, new_status="Live", user=None, service_url=URL)


@pytest.mark.parametrize("status", ["Abgelehnt", "Storniert"])
def test_ending_needs_a_reason_and_frees_the_gemeinden(setting, status):
    line = setting["lines"][0]
    with pytest.raises(ValidationError, match="Begründung"):
        lines_status_change(lines=[line], new_status=status, user=None, reason="  ")
    lines_status_change(lines=[line], new_status=status, user=None, reason="Doppelt bestellt.")
    service = OrderedService.objects.get(line=line)
    assert not service.is_active
    assert not ServiceCoverage.objects.filter(ordered_service=service, is_active=True).exists()
    assert RolloutEvent.objects.get().reason == "Doppelt bestellt."
    # The Verwaltung may order the service again for the same Gemeinden.
    (planned,) = order_plan(
        verwaltung=setting["amt"],
        gemeinden=list(setting["amt"].gemeinden.all()),
        dienste=[service.dienst],
    )
    assert planned.is_possible and not planned.already_ordered


def test_several_lines_move_together_or_not_at_all(setting):
    first, second = setting["lines"]
    line_at(second, "In Umsetzung")
    with pytest.raises(ValidationError):
        lines_status_change(lines=[first, second], new_status="In Prüfung", user=None)
    first.refresh_from_db()
    assert first.status == "Eingegangen"
    line_at(second, "Eingegangen")
    lines_status_change(lines=[first, second], new_status="In Prüfung", user=None)
    assert {line.status for line in setting["order"].lines.all()} == {"In Prüfung"}


def test_lines_of_two_orders_are_refused(setting):
    other = order_place(
        user=member_create(verwaltung=setting["amt"]),
        verwaltung=setting["amt"],
        dienste=[dienst_create()],
    )
    with pytest.raises(ValidationError, match="einer Bestellung"):
        lines_status_change(
            lines=[setting["lines"][0], other.lines.get()], new_status="In Prüfung", user=None
        )


def test_order_status_changes_with_its_history(setting):
    order = setting["order"]
    first, second = setting["lines"]
    lines_status_change(lines=[first], new_status="In Prüfung", user=None)
    order.refresh_from_db()
    assert order.status == "Eingegangen"  # the second service is not yet in review
    lines_status_change(lines=[second], new_status="In Prüfung", user=None)
    order.refresh_from_db()
    assert order.status == "In Prüfung"
    lines_status_change(lines=[first], new_status="Abgelehnt", user=None, reason="Nicht möglich.")
    lines_status_change(lines=[second], new_status="Abgelehnt", user=None, reason="Nicht möglich.")
    order.refresh_from_db()
    assert order.status == "Abgelehnt"
    changes = order.status_changes.order_by("date_created", "pk")
    assert list(changes.values_list("old_status", "new_status")) == [
        ("Eingegangen", "In Prüfung"),
        ("In Prüfung", "Abgelehnt"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "subject", "body"),
    [
        ("Eingegangen", "In Prüfung", "„Wohngeld“ wird geprüft", "wird jetzt geprüft"),
        ("In Prüfung", "In Umsetzung", "„Wohngeld“ wird eingerichtet", "eingerichtet"),
        ("In Umsetzung", "Im Test", "„Wohngeld“ ist im Test", "wird getestet"),
        ("Im Test", "Live", "„Wohngeld“ ist live", URL),
        ("Eingegangen", "Abgelehnt", "„Wohngeld“ abgelehnt", "Die Verwaltung hat zurückgezogen."),
        ("Live", "Storniert", "„Wohngeld“ storniert", "Die Verwaltung hat zurückgezogen."),
    ],
)
def test_each_transition_mails_the_contacts(
    setting, old, new, subject, body, django_capture_on_commit_callbacks
):
    line = line_at(setting["lines"][0], old)
    with django_capture_on_commit_callbacks(execute=True):
        lines_status_change(lines=[line], new_status=new, user=None, **extra_for(new))
    (message,) = mail.outbox
    number = setting["order"].number
    assert message.subject == f"Bestellung {number}: {subject}"
    assert body in message.body
    assert "Amt Beispiel" in message.body
    assert f"/konto/meine-dienste/bestellungen/{number}/" in message.body
    assert "&quot;" not in message.body and "&#x27;" not in message.body
    assert set(message.to) == {
        "bestellerin@amt.example",
        "fach@amt.example",
        "technik@amt.example",
        "postfach@amt.example",
        "ds@amt.example",
    }


def test_edited_mail_text_is_used(setting, django_capture_on_commit_callbacks):
    event_type = CommunicationEventType.objects.get(code="ROLLOUT_IN_REVIEW")
    event_type.email_subject_template = "Geprüft wird: {{ dienst.title }}"
    event_type.save()
    with django_capture_on_commit_callbacks(execute=True):
        lines_status_change(lines=setting["lines"][:1], new_status="In Prüfung", user=None)
    assert mail.outbox[0].subject == "Geprüft wird: Wohngeld"


def test_every_status_mail_exists_after_migrate_and_edits_stay(db):
    event_types = CommunicationEventType.objects
    defaults = {mail.code: mail for mail in mail_type_defaults()}
    assert set(event_types.filter(code__startswith="ROLLOUT_").values_list("code", flat=True)) == (
        set(defaults)
    )
    event_types.filter(code="ROLLOUT_LIVE").update(email_subject_template="Live: {{ dienst }}")
    event_types.filter(code="ROLLOUT_IN_TEST").delete()

    assert rollout_mail_types_ensure() == ["ROLLOUT_IN_TEST"]
    assert rollout_mail_types_ensure() == []
    assert event_types.get(code="ROLLOUT_LIVE").email_subject_template == "Live: {{ dienst }}"
    recreated = event_types.get(code="ROLLOUT_IN_TEST")
    expected = defaults["ROLLOUT_IN_TEST"]
    assert (recreated.name, recreated.email_subject_template, recreated.email_body_template) == (
        expected.name,
        expected.subject,
        expected.body,
    )


# The status e-mails in the dashboard (Oscar's e-mail page)


def comms_page(code: str) -> str:
    return reverse("dashboard:comms-update", kwargs={"slug": code})


def comms_post(setting, **fields):
    event_type = CommunicationEventType.objects.get(code="ROLLOUT_IN_REVIEW")
    return {
        "name": event_type.name,
        "email_subject_template": event_type.email_subject_template,
        "email_body_template": event_type.email_body_template,
        "preview_order_number": "",
        "preview_email": "",
        **fields,
    }


def test_the_mail_pages_are_named_as_in_the_menu(client, fulfilment, db):
    """Named "E-Mail-Vorlagen" as in the dashboard's menu, not Oscar's "E-Mails" beside the
    menu's "E-Mail-Versand" (the outbox)."""
    client.force_login(fulfilment)
    listing = client.get(reverse("dashboard:comms-list")).content.decode()
    detail = client.get(comms_page("ROLLOUT_LIVE")).content.decode()

    assert "<h1>E-Mail-Vorlagen</h1>" in listing
    assert "<title>E-Mail-Vorlagen | Umsetzung |" in " ".join(listing.split())
    assert '<nav aria-label="Brotkrümelnavigation">' in detail
    assert f'<a href="{reverse("dashboard:comms-list")}">E-Mail-Vorlagen</a>' in detail
    assert ">E-Mails<" not in listing + detail


def test_staff_change_a_status_mail_without_writing_html(
    client, fulfilment, setting, django_capture_on_commit_callbacks
):
    """The mails are plain text; Oscar's form required an HTML template nobody receives."""
    client.force_login(fulfilment)
    page = client.get(comms_page("ROLLOUT_IN_REVIEW")).content.decode()
    assert "E-Mail-Vorlage bearbeiten" in page
    assert "{{ dienst.title }}" in page
    assert "email_body_html_template" not in page

    body = "{{ dienst.title }} für {{ verwaltung.name }} wird geprüft."
    response = client.post(
        comms_page("ROLLOUT_IN_REVIEW"), comms_post(setting, email_body_template=body)
    )

    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        lines_status_change(lines=setting["lines"][:1], new_status="In Prüfung", user=None)
    assert mail.outbox[0].body == "Wohngeld für Amt Beispiel wird geprüft."


def test_the_preview_shows_the_mail_of_an_order_and_saves_nothing(client, fulfilment, setting):
    client.force_login(fulfilment)
    before = CommunicationEventType.objects.get(code="ROLLOUT_IN_REVIEW").email_body_template
    data = comms_post(
        setting,
        email_body_template="{{ dienst.title }} ({{ gemeinden|join:', ' }}), {{ status_url }}",
        preview_order_number=setting["order"].number,
        show_preview="",
    )

    page = client.post(comms_page("ROLLOUT_IN_REVIEW"), data).content.decode()

    gemeinden = ", ".join(sorted(g.name for g in setting["amt"].gemeinden.all()))
    assert f"Wohngeld ({gemeinden}), " in page
    assert f"/konto/meine-dienste/bestellungen/{setting['order'].number}/" in page
    assert (
        CommunicationEventType.objects.get(code="ROLLOUT_IN_REVIEW").email_body_template == before
    )


def test_a_preview_mail_is_sent_through_the_outbox_with_the_orders_values(
    client, fulfilment, setting, django_capture_on_commit_callbacks
):
    client.force_login(fulfilment)
    data = comms_post(
        setting,
        preview_order_number=setting["order"].number,
        preview_email="vorschau@land.example",
        send_preview="",
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(comms_page("ROLLOUT_IN_REVIEW"), data)

    (message,) = mail.outbox
    assert message.to == ["vorschau@land.example"]
    assert message.subject == f"Bestellung {setting['order'].number}: „Wohngeld“ wird geprüft"
    assert "Amt Beispiel" in message.body


def test_the_preview_is_the_plain_text_the_shop_sends(
    client, fulfilment, setting, django_capture_on_commit_callbacks
):
    """Shown on the page escaped once, sent without HTML entities, like the real status mail."""
    title = "Müll & Abfall <Sperrmüll>"
    OrderedService.objects.filter(line=setting["lines"][0]).update(
        dienst=dienst_create(title=title)
    )
    client.force_login(fulfilment)
    data = comms_post(setting, preview_order_number=setting["order"].number)

    page = client.post(comms_page("ROLLOUT_IN_REVIEW"), {**data, "show_preview": ""})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            comms_page("ROLLOUT_IN_REVIEW"),
            {**data, "preview_email": "vorschau@land.example", "send_preview": ""},
        )
        lines_status_change(lines=setting["lines"][:1], new_status="In Prüfung", user=None)

    assert "Müll &amp; Abfall &lt;Sperrmüll&gt;" in page.content.decode()
    assert "<Sperrmüll>" not in page.content.decode()
    preview, sent = mail.outbox
    gemeinden = ", ".join(sorted(g.name for g in setting["amt"].gemeinden.all()))
    assert f"„{title}“ für {gemeinden}\n" in sent.body
    assert title in preview.subject
    # The form strips the text's last line break, the stored default keeps it.
    assert (preview.subject, preview.body) == (sent.subject, sent.body.rstrip("\n"))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email_body_template": "{% if %}"}, "Die Vorlage lässt sich nicht lesen"),
        (
            {"preview_order_number": "999999", "show_preview": ""},
            "Keine Bestellung mit dieser Nummer gefunden",
        ),
    ],
)
def test_bad_input_on_the_mail_page_saves_nothing(client, fulfilment, setting, fields, message):
    client.force_login(fulfilment)
    before = CommunicationEventType.objects.get(code="ROLLOUT_IN_REVIEW").email_body_template
    response = client.post(comms_page("ROLLOUT_IN_REVIEW"), comms_post(setting, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (
        CommunicationEventType.objects.get(code="ROLLOUT_IN_REVIEW").email_body_template == before
    )
