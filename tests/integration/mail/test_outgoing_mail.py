"""Durable mail through the HTTP layer: an order placed while the SMTP server is down keeps its
confirmation; staff see what failed in the dashboard and send it again; /healthz reports the
backlog; Oscar's own mails take the same path; two sweeps never send a mail twice."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from shop.accounts.services import EDITORS_GROUP
from shop.mail.services import MAX_ATTEMPTS
from shop.mail.services import mail_sweep
from shop.models import OutgoingMail
from tests.checkout import basket_add
from tests.checkout import checkout_complete
from tests.conftest import migration_data_restore
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import terms_of_use_publish
from tests.responses import page_text

pytestmark = pytest.mark.django_db

LIST_URL = reverse("shop_mail:undelivered")


def resend_url(stored: OutgoingMail) -> str:
    return reverse("shop_mail:resend", kwargs={"pk": stored.pk})


def failed_mail(**fields) -> OutgoingMail:
    return OutgoingMail.objects.create(
        **{
            "subject": "Ihre Bestellung 100001 im OZG-Dienste-Shop",
            "body": "Bestätigungslink: https://shop.example/geheim/",
            "from_email": "shop@itvsh.example",
            "recipients": ["person@amt.example", "postfach@amt.example"],
            "status": OutgoingMail.Status.FAILED,
            "attempts": MAX_ATTEMPTS,
            "last_error": "SMTPServerDisconnected: Connection unexpectedly closed",
            **fields,
        }
    )


def test_an_order_placed_while_smtp_is_down_keeps_its_confirmation(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.DisconnectedBackend"
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2)
    dienst = dienst_create()
    client.force_login(member_create(verwaltung=amt, email="person@amt.example"))
    basket_add(client, dienst)

    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(
            client, verwaltung=amt, dienste=[dienst], gemeinden=list(amt.gemeinden.all())
        )

    assert response.status_code == 302
    (stored,) = OutgoingMail.objects.all()
    assert "person@amt.example" in stored.recipients
    assert (stored.status, stored.attempts) == ("pending", 1)
    assert "SMTPServerDisconnected" in stored.last_error

    # The server is back; the sweep's next run after the wait delivers it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    mail_sweep()
    (message,) = mail.outbox
    assert message.subject == stored.subject


def test_fulfilment_sees_a_failed_mail_with_its_error_but_not_its_text(client, fulfilment):
    failed_mail()
    client.force_login(fulfilment)

    page = page_text(client.get(LIST_URL))

    assert "Ihre Bestellung 100001 im OZG-Dienste-Shop" in page
    assert "person@amt.example, postfach@amt.example" in page
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in page
    assert "endgültig fehlgeschlagen" in page
    assert "Erneut senden" in page
    assert "geheim" not in page


def test_the_dashboard_menu_leads_fulfilment_to_the_list(client, fulfilment):
    client.force_login(fulfilment)

    page = client.get("/shop/dashboard/").content.decode()

    assert "E-Mail-Versand" in page
    assert LIST_URL in page


def test_resend_delivers_the_mail_and_says_so(
    client, fulfilment, django_capture_on_commit_callbacks
):
    stored = failed_mail()
    client.force_login(fulfilment)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url(stored), follow=True)

    assert response.redirect_chain == [(LIST_URL, 302)]
    assert "wird erneut gesendet" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["person@amt.example", "postfach@amt.example"]
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == ("sent", 1)


def test_resending_a_delivered_mail_says_why_and_changes_nothing(client, fulfilment):
    stored = failed_mail(status=OutgoingMail.Status.SENT, sent_at=timezone.now())
    client.force_login(fulfilment)

    response = client.post(resend_url(stored), follow=True)

    assert "Diese E-Mail ist bereits zugestellt." in response.content.decode()
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == ("sent", MAX_ATTEMPTS)
    assert mail.outbox == []


def test_resend_of_an_unknown_mail_is_404(client, fulfilment):
    client.force_login(fulfilment)

    assert client.post("/umsetzung/e-mails/99999999999999999999/erneut-senden/").status_code == 404


def test_resend_needs_post_and_the_csrf_token(fulfilment):
    stored = failed_mail()
    client = Client(enforce_csrf_checks=True)
    client.force_login(fulfilment)

    assert client.get(resend_url(stored)).status_code == 405
    assert client.post(resend_url(stored)).status_code == 403
    stored.refresh_from_db()
    assert stored.status == "failed"


def person_without_the_right(who: str):
    if who == "municipal":
        return member_create(verwaltung=amt_with_gemeinden(count=1))
    person = UserFactory(is_staff=True)
    if who == "editor":
        person.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return person


@pytest.mark.parametrize("who", ["municipal", "editor", "staff_without_group"])
def test_others_get_403_and_change_nothing(client, who):
    stored = failed_mail()
    client.force_login(person_without_the_right(who))

    assert client.get(LIST_URL).status_code == 403
    assert client.post(resend_url(stored)).status_code == 403
    stored.refresh_from_db()
    assert stored.status == "failed"


def test_anonymous_people_go_to_the_dashboard_login(client):
    response = client.get(LIST_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("dashboard:login"))


def test_odd_parameters_show_the_whole_list(client, fulfilment):
    failed_mail()
    client.force_login(fulfilment)

    for query in ("?status=sent", "?page=abc", "?page=999999999999999"):
        response = client.get(LIST_URL + query)
        assert response.status_code == 200, query
        assert "Ihre Bestellung 100001" in response.content.decode(), query
    # A NUL character or a number beyond 15 digits is refused before the list (ozg_site.odd_input).
    for query in ("?status=%00", "?page=99999999999999999999"):
        assert client.get(LIST_URL + query).status_code == 400, query


def test_the_status_filter_narrows_the_list(client, fulfilment):
    failed_mail(subject="Endgültig gescheitert")
    failed_mail(subject="Wartet noch", status=OutgoingMail.Status.PENDING, attempts=2)
    client.force_login(fulfilment)

    page = client.get(LIST_URL + "?status=pending").content.decode()

    assert "Wartet noch" in page
    assert "Endgültig gescheitert" not in page


def list_queries(client) -> int:
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST_URL)
    assert response.status_code == 200
    return len(captured)


def test_the_list_costs_the_same_queries_for_one_and_fifty_mails(client, fulfilment):
    client.force_login(fulfilment)
    failed_mail()
    one = list_queries(client)
    for number in range(49):
        failed_mail(subject=f"Rückfrage {number}")
    fifty = list_queries(client)

    assert one == fifty


def test_healthz_reports_the_mail_backlog(client):
    failed_mail()
    failed_mail(
        status=OutgoingMail.Status.PENDING,
        attempts=1,
        created_at=timezone.now() - timedelta(minutes=5),
    )

    response = client.get("/healthz")

    assert response.status_code == 200
    backlog = response.json()["mail"]
    assert (backlog["pending"], backlog["failed"]) == (1, 1)
    assert 300 <= backlog["oldest_pending_seconds"] < 310


def test_oscars_password_reset_mail_goes_through_the_outbox(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="person@amt.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password-reset"), {"email": "person@amt.example"})
        assert OutgoingMail.objects.count() == 1
        assert mail.outbox == []  # stored with the request, sent after its commit

    assert response.status_code == 302
    (stored,) = OutgoingMail.objects.all()
    (message,) = mail.outbox
    assert (message.to, message.subject) == (["person@amt.example"], stored.subject)
    assert "/shop/password-reset/" in message.body
    assert stored.status == "sent"


@pytest.fixture(scope="module", autouse=True)
def _migration_data_restored(django_db_blocker):
    """The concurrent test below commits for real and flushes the database afterwards."""
    yield
    with django_db_blocker.unblock():
        migration_data_restore()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sweeps_at_once_send_every_mail_once(settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.SlowBackend"
    for number in range(4):
        OutgoingMail.objects.create(
            subject=f"Statusänderung {number}",
            body="…",
            from_email="shop@itvsh.example",
            recipients=["a@amt.example"],
        )
    start = threading.Barrier(2)
    errors = []

    def sweep() -> None:
        try:
            start.wait()
            mail_sweep()
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=sweep) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    assert sorted(message.subject for message in mail.outbox) == [
        f"Statusänderung {number}" for number in range(4)
    ]
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}
