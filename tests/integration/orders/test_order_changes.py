"""Changes after ordering, through HTTP: members with ordering rights correct an order's
contacts (history with old and new values, fulfilment mailed and shown the old values) and ask
to withdraw a service that is not yet live; the fulfilment staff confirm (the service goes to
Storniert with the reason, the Verwaltung is mailed) or reject (mailed with the reason)."""

import pytest
from django.urls import reverse

from shop.models import ContactChange
from shop.models import ContactRole
from shop.models import ImmutableError
from shop.models import Membership
from shop.models import OrderContact
from shop.models import RolloutEvent
from shop.models import RolloutStatus
from shop.models import WithdrawalRequest
from shop.orders.rollout import lines_status_change
from tests.factories import amt_with_gemeinden
from tests.factories import member_create
from tests.responses import page_text
from tests.responses import queries_for

pytestmark = pytest.mark.django_db

BASE_URL = "https://shop.itvsh.example"
FULFILMENT_MAILBOX = "umsetzung@dataport.example"
CONTACTS = {
    "fachlich_name": "Frau Fachlich",
    "fachlich_email": "fach@amt.example",
    "technisch_name": "Herr Neu",
    "technisch_email": "neu@amt.example",
    "technisch_phone": "04331 12345",
    "funktionspostfach_name": "Bürgerservice",
    "funktionspostfach_email": "postfach@amt.example",
    "datenschutz_name": "Frau Datenschutz",
    "datenschutz_email": "ds@amt.example",
}


@pytest.fixture(autouse=True)
def mail_settings(settings):
    settings.SHOP_BASE_URL = BASE_URL
    settings.FULFILMENT_EMAIL = FULFILMENT_MAILBOX


@pytest.fixture
def reader(amt):
    return member_create(verwaltung=amt, role=Membership.Role.READ_ONLY, email="lars@amt.example")


@pytest.fixture
def line(order):
    return order.lines.get()


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POSTs as `user`, with the e-mails that wait for the commit."""

    def send(url: str, data: dict, *, user, follow: bool = False):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, follow=follow)

    return send


def contacts_url(order) -> str:
    return reverse("shop_orders:contacts", kwargs={"number": order.number})


def withdrawal_url(order, line) -> str:
    return reverse("shop_orders:withdrawal", kwargs={"number": order.number, "line_id": line.pk})


def dashboard_url(order) -> str:
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def confirm(post, order, withdrawal, fulfilment):
    """The fulfilment staff's click on "Stornierung bestätigen", and the page it leads to."""
    data = {"order_action": "confirm_withdrawal", "withdrawal": withdrawal.pk}
    return post(dashboard_url(order), data, user=fulfilment, follow=True)


def withdrawal_request(post, order, line, member, reason="Doppelt bestellt."):
    post(withdrawal_url(order, line), {"reason": reason}, user=member)
    return WithdrawalRequest.objects.filter(ordered_service__line=line).latest("pk")


# Contacts


def test_the_contacts_page_shows_the_current_contacts(client, order, member):
    client.force_login(member)

    text = page_text(client.get(contacts_url(order)))

    assert 'value="technik@amt.example"' in text
    assert "Ansprechpersonen ändern" in text


def test_a_correction_is_recorded_with_old_and_new_values_and_mailed_to_fulfilment(
    post, order, member, mailoutbox
):
    response = post(contacts_url(order), CONTACTS, user=member)

    assert response.status_code == 302
    assert response["Location"].endswith(f"/bestellungen/{order.number}/#ansprechpersonen")
    (change,) = ContactChange.objects.all()
    assert (change.role, change.changed_by) == (ContactRole.TECHNICAL, member)
    assert (change.old_name, change.old_email, change.old_phone) == (
        "Herr Technik",
        "technik@amt.example",
        "",
    )
    assert (change.new_name, change.new_email, change.new_phone) == (
        "Herr Neu",
        "neu@amt.example",
        "04331 12345",
    )
    technical = OrderContact.objects.get(details=order.ozg_details, role=ContactRole.TECHNICAL)
    assert technical.email == "neu@amt.example"
    (mail,) = mailoutbox
    assert mail.to == [FULFILMENT_MAILBOX]
    assert mail.subject == (
        f"Ansprechpersonen der Bestellung {order.number} geändert (Hüttener Berge)"
    )
    assert "bisher: Herr Technik, technik@amt.example" in mail.body
    assert "neu:    Herr Neu, neu@amt.example, 04331 12345" in mail.body
    assert f"{BASE_URL}/shop/dashboard/orders/{order.number}/" in mail.body


def test_a_double_submit_records_the_correction_once(post, order, member, mailoutbox):
    post(contacts_url(order), CONTACTS, user=member)
    response = post(contacts_url(order), CONTACTS, user=member, follow=True)

    assert ContactChange.objects.count() == 1
    assert len(mailoutbox) == 1
    assert "Sie haben nichts geändert." in page_text(response)


def test_an_optional_role_can_be_removed_and_added_again(post, order, member):
    without_dsb = {k: v for k, v in CONTACTS.items() if not k.startswith("datenschutz")}
    post(contacts_url(order), without_dsb, user=member)
    post(contacts_url(order), CONTACTS, user=member)

    removed, added = ContactChange.objects.filter(role=ContactRole.DATA_PROTECTION).order_by("pk")
    assert (removed.old_email, removed.new_email) == ("ds@amt.example", "")
    assert (added.old_email, added.new_email) == ("", "ds@amt.example")
    assert OrderContact.objects.filter(role=ContactRole.DATA_PROTECTION).count() == 1


def test_bad_contacts_get_a_german_message_and_change_nothing(post, order, member, mailoutbox):
    response = post(
        contacts_url(order),
        {**CONTACTS, "technisch_email": "kein-at", "fachlich_name": ""},
        user=member,
    )

    text = page_text(response)
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an." in text
    assert "Bitte geben Sie den Namen (Fachliche Ansprechperson) an." in text
    assert not ContactChange.objects.exists()
    assert OrderContact.objects.get(role=ContactRole.TECHNICAL).email == "technik@amt.example"
    assert mailoutbox == []


def test_the_fulfilment_staff_see_the_old_values_on_the_dashboard(
    client, post, order, member, fulfilment
):
    post(contacts_url(order), CONTACTS, user=member)
    client.force_login(fulfilment)

    text = page_text(client.get(dashboard_url(order)))

    assert "Frühere Angaben der Ansprechpersonen" in text
    assert "Herr Technik technik@amt.example" in text
    assert "Herr Neu neu@amt.example 04331 12345" in text


def test_a_contact_change_is_never_changed_or_deleted(post, order, member):
    post(contacts_url(order), CONTACTS, user=member)
    change = ContactChange.objects.get()

    with pytest.raises(ImmutableError):
        change.save()
    with pytest.raises(ImmutableError):
        change.delete()
    with pytest.raises(ImmutableError):
        ContactChange.objects.update(new_email="x@amt.example")
    with pytest.raises(ImmutableError):
        ContactChange.objects.all().delete()


# Who may


def test_a_reading_member_can_neither_change_nor_withdraw(client, post, order, line, reader):
    client.force_login(reader)
    for url, data in (
        (contacts_url(order), CONTACTS),
        (withdrawal_url(order, line), {"reason": "x"}),
    ):
        assert client.get(url).status_code == 403
        response = post(url, data, user=reader)
        assert response.status_code == 403
        assert "nur mit Leserecht" in response.content.decode()
    assert not ContactChange.objects.exists()
    assert not WithdrawalRequest.objects.exists()

    text = page_text(client.get(reverse("shop_orders:order", kwargs={"number": order.number})))
    assert "Ansprechpersonen ändern" not in text
    assert "stornieren lassen" not in text


def test_members_of_another_verwaltung_get_404(client, post, order, line):
    outsider = member_create(verwaltung=amt_with_gemeinden(count=1, name="Amt Anderswo"))
    client.force_login(outsider)
    for url in (contacts_url(order), withdrawal_url(order, line)):
        assert client.get(url).status_code == 404
        assert post(url, {"reason": "x", **CONTACTS}, user=outsider).status_code == 404
    assert not ContactChange.objects.exists()
    assert not WithdrawalRequest.objects.exists()


def test_a_line_of_another_order_is_404(client, order, member, kreis_order):
    client.force_login(member)

    assert client.get(withdrawal_url(order, kreis_order.lines.get())).status_code == 404


# Withdrawal


def test_the_order_page_offers_the_withdrawal_of_a_service_not_yet_live(client, order, member):
    client.force_login(member)

    text = page_text(client.get(reverse("shop_orders:order", kwargs={"number": order.number})))

    assert "„Wohngeld“ stornieren lassen" in text
    assert "Ansprechpersonen ändern" in text


def test_a_withdrawal_request_is_recorded_and_mailed_to_fulfilment(
    post, order, line, member, mailoutbox
):
    response = post(withdrawal_url(order, line), {"reason": "Doppelt bestellt."}, user=member)

    assert response.status_code == 302
    withdrawal = WithdrawalRequest.objects.get()
    assert (withdrawal.reason, withdrawal.requested_by, withdrawal.status) == (
        "Doppelt bestellt.",
        member,
        WithdrawalRequest.Status.OPEN,
    )
    (mail,) = mailoutbox
    assert mail.to == [FULFILMENT_MAILBOX]
    assert f"„Wohngeld“ aus der Bestellung {order.number} zu stornieren" in mail.body
    assert "Doppelt bestellt." in mail.body
    line.refresh_from_db()
    assert line.status == RolloutStatus.RECEIVED


def test_a_second_open_request_and_a_double_submit_are_refused(post, order, line, member):
    post(withdrawal_url(order, line), {"reason": "Doppelt bestellt."}, user=member)
    response = post(withdrawal_url(order, line), {"reason": "Doppelt bestellt."}, user=member)

    assert "liegt bereits ein offener Antrag auf Stornierung vor" in page_text(response)
    assert WithdrawalRequest.objects.count() == 1


def test_a_withdrawal_without_reason_is_refused(post, order, line, member, mailoutbox):
    response = post(withdrawal_url(order, line), {"reason": "  "}, user=member)

    assert "Bitte begründen Sie die Stornierung" in page_text(response)
    assert not WithdrawalRequest.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (("In Prüfung", "In Umsetzung", "Im Test", "Live"), "ist bereits live"),
        (("Storniert",), "ist bereits „Storniert“"),
    ],
)
def test_a_live_or_cancelled_service_cannot_be_withdrawn(
    client, post, order, line, member, fulfilment, path, message
):
    for status in path:
        lines_status_change(
            lines=[line],
            new_status=status,
            user=fulfilment,
            reason="Erledigt." if status == "Storniert" else "",
            service_url="https://amt.example/wohngeld" if status == "Live" else "",
        )
    client.force_login(member)

    assert message in page_text(client.get(withdrawal_url(order, line)))
    assert message in page_text(post(withdrawal_url(order, line), {"reason": "x"}, user=member))
    assert not WithdrawalRequest.objects.exists()


# The dashboard's decision


def test_fulfilment_confirms_and_the_service_is_cancelled_with_the_reason(
    client, post, order, line, member, fulfilment, mailoutbox
):
    withdrawal = withdrawal_request(post, order, line, member)
    mailoutbox.clear()

    response = confirm(post, order, withdrawal, fulfilment)

    assert "Stornierung von „Wohngeld“ auf Antrag der Verwaltung bestätigt." in page_text(response)
    line.refresh_from_db()
    assert line.status == RolloutStatus.CANCELLED
    event = RolloutEvent.objects.get(ordered_service__line=line)
    assert (event.old_status, event.new_status, event.reason, event.changed_by) == (
        RolloutStatus.RECEIVED,
        RolloutStatus.CANCELLED,
        "Doppelt bestellt.",
        fulfilment,
    )
    withdrawal.refresh_from_db()
    assert (withdrawal.status, withdrawal.decided_by) == ("bestaetigt", fulfilment)
    assert withdrawal.decided_at is not None
    (mail,) = mailoutbox
    assert mail.subject == f"Bestellung {order.number}: „Wohngeld“ storniert"
    assert "Begründung: Doppelt bestellt." in mail.body
    assert "postfach@amt.example" in mail.to and member.email in mail.to
    assert order.notes.filter(message__contains="bestätigt").count() == 1


def test_a_request_is_decided_once(post, order, line, member, fulfilment):
    withdrawal = withdrawal_request(post, order, line, member)
    data = {"order_action": "confirm_withdrawal", "withdrawal": withdrawal.pk}
    post(dashboard_url(order), data, user=fulfilment)

    response = post(dashboard_url(order), data, user=fulfilment, follow=True)

    assert "Über diesen Antrag auf Stornierung ist bereits entschieden." in page_text(response)
    assert RolloutEvent.objects.count() == 1


def test_fulfilment_rejects_with_a_reason_the_municipality_is_told(
    post, order, line, member, fulfilment, mailoutbox
):
    withdrawal = withdrawal_request(post, order, line, member)
    mailoutbox.clear()
    url = dashboard_url(order)
    data = {"order_action": "reject_withdrawal", "withdrawal": withdrawal.pk}

    response = post(url, {**data, "reason": ""}, user=fulfilment, follow=True)
    assert "Bitte begründen Sie die Ablehnung" in page_text(response)
    withdrawal.refresh_from_db()
    assert withdrawal.status == WithdrawalRequest.Status.OPEN

    post(url, {**data, "reason": "Die Einrichtung ist fast fertig."}, user=fulfilment)

    withdrawal.refresh_from_db()
    assert (withdrawal.status, withdrawal.decision_reason) == (
        "abgelehnt",
        "Die Einrichtung ist fast fertig.",
    )
    line.refresh_from_db()
    assert line.status == RolloutStatus.RECEIVED
    (mail,) = mailoutbox
    assert mail.subject == f"Bestellung {order.number}: Stornierung von „Wohngeld“ abgelehnt"
    assert "Die Einrichtung ist fast fertig." in mail.body
    assert set(mail.to) == {"postfach@amt.example", member.email}
    # Rejected, the service may be asked for again.
    again = withdrawal_request(post, order, line, member, reason="Noch einmal.")
    assert (again.pk != withdrawal.pk, again.status) == (True, WithdrawalRequest.Status.OPEN)


def test_a_request_of_another_order_cannot_be_decided(
    post, order, line, member, fulfilment, kreis_order
):
    withdrawal = withdrawal_request(post, order, line, member)

    response = post(
        dashboard_url(kreis_order),
        {"order_action": "confirm_withdrawal", "withdrawal": withdrawal.pk},
        user=fulfilment,
        follow=True,
    )

    assert "Diesen Antrag auf Stornierung gibt es hier nicht." in page_text(response)
    withdrawal.refresh_from_db()
    assert withdrawal.status == WithdrawalRequest.Status.OPEN


def test_the_dashboard_lists_the_open_request_with_its_actions(
    client, post, order, line, member, fulfilment
):
    withdrawal_request(post, order, line, member)
    client.force_login(fulfilment)

    text = page_text(client.get(dashboard_url(order)))

    assert "Anträge auf Stornierung" in text
    assert "Doppelt bestellt." in text
    assert "Stornierung bestätigen" in text
    assert "Antrag ablehnen" in text


# Queries


def test_the_order_pages_cost_the_same_for_one_and_many_changes(
    client, post, order, line, member, fulfilment
):
    """The history and the requests are read in one query each, however long they are."""
    member_page = reverse("shop_orders:order", kwargs={"number": order.number})

    def counts() -> tuple[int, int]:
        client.force_login(member)
        on_member_page = queries_for(client, member_page)
        client.force_login(fulfilment)
        return on_member_page, queries_for(client, dashboard_url(order))

    post(contacts_url(order), CONTACTS, user=member)
    withdrawal_request(post, order, line, member)
    one = counts()

    for number in range(3):
        post(contacts_url(order), {**CONTACTS, "technisch_phone": f"0431 {number}"}, user=member)
        withdrawal = WithdrawalRequest.objects.get(status=WithdrawalRequest.Status.OPEN)
        post(
            dashboard_url(order),
            {"order_action": "reject_withdrawal", "withdrawal": withdrawal.pk, "reason": "Nein."},
            user=fulfilment,
        )
        withdrawal_request(post, order, line, member)
    assert ContactChange.objects.count() == 4
    assert WithdrawalRequest.objects.count() == 4

    assert counts() == one


def test_a_request_for_a_service_that_went_live_since_cannot_be_confirmed(
    post, order, line, member, fulfilment
):
    withdrawal = withdrawal_request(post, order, line, member)
    for status in ("In Prüfung", "In Umsetzung", "Im Test", "Live"):
        url = "https://amt.example/wohngeld" if status == "Live" else ""
        lines_status_change(lines=[line], new_status=status, user=fulfilment, service_url=url)

    response = confirm(post, order, withdrawal, fulfilment)

    assert "kann nicht mehr bestätigt werden" in page_text(response)
    line.refresh_from_db()
    assert line.status == RolloutStatus.LIVE
    withdrawal.refresh_from_db()
    assert withdrawal.status == WithdrawalRequest.Status.OPEN
