"""The order document: the PDF's content (text read back with pypdf), its accessibility
metadata, the confirmation mail that carries it (also after an SMTP failure, and without it when
making it fails), who may download it, and the print view with the same content."""

import datetime
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from shop.accounts.services import membership_ensure_approved
from shop.agreements.selectors import agreements_required_for
from shop.mail.services import mail_sweep
from shop.mail.services import outgoing_mail_resend
from shop.models import AcceptanceRecord
from shop.models import Membership
from shop.models import OutgoingMail
from shop.orders import documents
from shop.orders.selectors import gemeinden_for_ordering
from shop.orders.selectors import order_record_for_staff
from shop.orders.services import OrderSubmission
from shop.orders.services import order_place as order_place_service
from tests.factories import DEFAULT_CONTACTS
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import published_version

pytestmark = pytest.mark.django_db

AVV_TEXT = (
    "<h2>§ 1 Gegenstand der Auftragsverarbeitung</h2>"
    "<p>Der Auftragnehmer verarbeitet personenbezogene Daten nur auf dokumentierte Weisung.</p>"
)


def pdf_text(content: bytes) -> str:
    """The PDF's text, its lines joined by spaces (WeasyPrint breaks long lines)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def avv_order(amt, member, wished_start):
    """Wohngeld with an AVV of its own, for all three Gemeinden of the Amt."""
    version = published_version(
        agreement__kind="avv",
        agreement__title="Auftragsverarbeitungsvertrag Wohngeld",
        agreement__slug="avv-wohngeld",
        version="2.1",
        text=AVV_TEXT,
    )
    dienst = dienst_create(title="Wohngeld", agreement_ids=[version.agreement_id])
    return order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst],
        wished_start_date=wished_start,
        remarks="Bitte zuerst Ascheffel.",
    )


def document_url(order) -> str:
    return reverse("shop_orders:document", kwargs={"number": order.number})


def test_the_pdf_holds_the_order_and_every_accepted_agreement_in_full(avv_order, wished_start):
    record = order_record_for_staff(number=avv_order.number)

    text = pdf_text(documents.order_document_pdf(record=record))

    assert f"Bestellung {avv_order.number}" in text
    assert "Hüttener Berge" in text
    for gemeinde in ("Ascheffel (01058008)", "Bünsdorf (01058035)", "Holzbunge (01058081)"):
        assert gemeinde in text
    assert "Wohngeld" in text
    assert wished_start.strftime("%d.%m.%Y") in text
    assert "Bitte zuerst Ascheffel." in text
    for contact in record.contacts:
        assert contact.email in text
    records = list(AcceptanceRecord.objects.filter(order=avv_order))
    assert len(records) == 2  # the general terms of use and the AVV
    for acceptance in records:
        assert acceptance.text_sha256 in text.replace(" ", "")
        assert acceptance.agreement_version.agreement.title in text
        assert timezone.localtime(acceptance.accepted_at).strftime("%d.%m.%Y, %H:%M:%S") in text
    assert "Hanna Hüttmann (hanna@amt.example) für Hüttener Berge" in text
    assert "§ 1 Gegenstand der Auftragsverarbeitung" in text
    assert "verarbeitet personenbezogene Daten nur auf dokumentierte Weisung" in text
    assert "Auftragsverarbeitungsvertrag Wohngeld, Version 2.1" in text


def test_the_pdf_is_tagged_in_german_with_a_title(order):
    content = documents.order_document_pdf(record=order_record_for_staff(number=order.number))

    reader = PdfReader(io.BytesIO(content))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
    assert "/StructTreeRoot" in catalog
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.metadata.title.startswith(f"Bestellung {order.number} – Hüttener Berge")


def test_a_member_of_the_verwaltung_downloads_the_pdf(client, member, order):
    reading = member_create(
        verwaltung=order.ozg_details.verwaltung, role=Membership.Role.READ_ONLY, email="l@a.example"
    )
    for person in (member, reading):
        client.force_login(person)

        response = client.get(document_url(order))

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            f'attachment; filename="Bestellung-{order.number}.pdf"'
        )
        assert "no-store" in response["Cache-Control"]
        assert f"Bestellung {order.number}" in pdf_text(response.content)


def test_a_member_of_another_verwaltung_gets_404(client, order):
    other = member_create(verwaltung=amt_with_gemeinden(count=1, name="Amt Anderswo"))
    client.force_login(other)

    assert client.get(document_url(order)).status_code == 404
    assert (
        client.get(reverse("shop_orders:print", kwargs={"number": order.number})).status_code == 404
    )


def test_anonymous_people_are_sent_to_the_login(client, order):
    print_url = reverse("shop_orders:print", kwargs={"number": order.number})
    staff_url = reverse("shop_staff_orders:document", kwargs={"number": order.number})

    for url, login in (
        (document_url(order), "customer:login"),
        (print_url, "customer:login"),
        (staff_url, "dashboard:login"),
    ):
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse(login)), url


def test_fulfilment_downloads_the_pdf_from_the_dashboard(client, fulfilment, member, order):
    url = reverse("shop_staff_orders:document", kwargs={"number": order.number})
    dashboard = reverse("dashboard:order-detail", kwargs={"number": order.number})
    client.force_login(fulfilment)

    response = client.get(url)
    page = client.get(dashboard)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Hüttener Berge" in pdf_text(response.content)
    assert url in page.content.decode()
    assert client.get(url.replace(order.number, "999999999")).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 403


def test_a_pdf_that_cannot_be_made_gets_a_german_page_not_a_server_error(
    client, member, order, monkeypatch
):
    def broken(**kwargs):
        raise OSError("Pango fehlt")

    monkeypatch.setattr(documents, "order_document_html", broken)
    client.force_login(member)

    response = client.get(document_url(order))

    assert response.status_code == 503
    assert "kann gerade nicht erstellt werden" in response.content.decode()
    assert reverse("shop_orders:print", kwargs={"number": order.number}) in (
        response.content.decode()
    )


def test_the_print_view_shows_the_same_content_with_a_print_stylesheet(client, member, avv_order):
    client.force_login(member)
    order_page = client.get(reverse("shop_orders:order", kwargs={"number": avv_order.number}))
    print_url = reverse("shop_orders:print", kwargs={"number": avv_order.number})

    response = client.get(print_url)

    content = response.content.decode()
    assert response.status_code == 200
    assert print_url in order_page.content.decode()
    assert document_url(avv_order) in order_page.content.decode()
    assert 'media="print"' in content and "css/print" in content
    assert "Ascheffel (01058008)" in content
    for acceptance in AcceptanceRecord.objects.filter(order=avv_order):
        assert acceptance.text_sha256 in content
    assert "verarbeitet personenbezogene Daten nur auf dokumentierte Weisung" in content
    record = order_record_for_staff(number=avv_order.number)
    for contact in record.contacts:
        assert contact.email in content


# The confirmation mail


def test_the_confirmation_mail_carries_the_pdf(amt, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])

    (message,) = mail.outbox
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == (f"Bestellung-{order.number}.pdf", "application/pdf")
    (acceptance,) = AcceptanceRecord.objects.filter(order=order)
    assert acceptance.text_sha256 in pdf_text(content).replace(" ", "")
    assert "hängt an dieser E-Mail" in message.body
    assert document_url(order) in message.body
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT


def test_a_retry_after_an_smtp_failure_still_sends_the_pdf(
    amt, member, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.DisconnectedBackend"
    with django_capture_on_commit_callbacks(execute=True):
        order = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    stored = OutgoingMail.objects.get()
    assert (stored.status, stored.attempts) == (OutgoingMail.Status.PENDING, 1)
    assert [a.filename for a in stored.attachments.all()] == [f"Bestellung-{order.number}.pdf"]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        outgoing_mail_resend(mail_id=stored.pk)

    (message,) = mail.outbox
    assert [name for name, _, _ in message.attachments] == [f"Bestellung-{order.number}.pdf"]


def test_when_the_pdf_fails_the_order_stands_and_the_mail_goes_without_it(
    amt, member, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise documents.DocumentError("kaputt")

    monkeypatch.setattr(documents, "order_document_pdf", broken)

    with django_capture_on_commit_callbacks(execute=True):
        order = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])

    assert order.pk and order.ozg_details.pk
    (message,) = mail.outbox
    assert message.attachments == []
    assert "können Sie hier herunterladen" in message.body
    assert document_url(order) in message.body


def test_a_lost_task_holds_the_mail_only_until_the_sweep_sends_it(
    amt, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        order_place(user=member, verwaltung=amt, dienste=[dienst_create()])

    held = OutgoingMail.objects.get()
    assert held.next_attempt_at > timezone.now() + datetime.timedelta(minutes=9)
    assert mail_sweep().sent == 0
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    assert mail_sweep().sent == 1
    (message,) = mail.outbox
    assert message.attachments == []


def test_without_a_document_the_confirmation_goes_at_once(
    amt, member, django_capture_on_commit_callbacks
):
    """The demo data's orders (seed_demo): fast, the PDF is made on download."""
    dienst = dienst_create()
    submission = OrderSubmission(
        user=member,
        verwaltung=amt,
        gemeinden=tuple(gemeinden_for_ordering(verwaltung=amt)),
        contacts=DEFAULT_CONTACTS,
        wished_start_date=timezone.localdate() + datetime.timedelta(days=30),
        accepted_version_ids=tuple(v.pk for v in agreements_required_for(dienste=[dienst])),
    )
    with django_capture_on_commit_callbacks(execute=True):
        order_place_service(submission=submission, dienste=[dienst], document=False)

    (message,) = mail.outbox
    assert message.attachments == []
    assert "können Sie hier herunterladen" in message.body


def _queries(client, url: str) -> int:
    client.get(url)  # warm what a running server keeps (templates, the site)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_print_view_and_pdf_cost_the_same_queries_for_a_small_and_a_large_order(
    client, amt, member, fulfilment
):
    small = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    large_amt = amt_with_gemeinden(count=12, name="Amt Groß")
    membership_ensure_approved(user=member, verwaltung=large_amt, role=Membership.Role.ORDERING)
    dienste = [
        dienst_create(
            agreement_ids=[
                published_version(
                    agreement__kind="dienstspezifisch",
                    agreement__title=f"Bedingungen {number}",
                    agreement__slug=f"bedingungen-{number}",
                ).agreement_id
            ]
        )
        for number in range(4)
    ]
    large = order_place(user=member, verwaltung=large_amt, dienste=dienste)
    assert AcceptanceRecord.objects.filter(order=large).count() == 5

    counts = {}
    for order in (small, large):
        number = {"number": order.number}
        client.force_login(member)
        counts.setdefault("print", []).append(
            _queries(client, reverse("shop_orders:print", kwargs=number))
        )
        counts.setdefault("pdf", []).append(
            _queries(client, reverse("shop_orders:document", kwargs=number))
        )
        client.force_login(fulfilment)
        counts.setdefault("staff pdf", []).append(
            _queries(client, reverse("shop_staff_orders:document", kwargs=number))
        )

    assert counts == {"print": [10, 10], "pdf": [10, 10], "staff pdf": [9, 9]}
