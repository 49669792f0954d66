"""The order document made from an order's rows without the database: the PDF's text, its
language and title, and the file name."""

import datetime
import io

from pypdf import PdfReader

from shop.models import AcceptanceRecord
from shop.models import Agreement
from shop.models import AgreementVersion
from shop.models import ContactRole
from shop.models import Gemeinde
from shop.models import OrderContact
from shop.models import OrderDetails
from shop.models import User
from shop.models import Verwaltung
from shop.orders import documents
from shop.orders.selectors import OrderRecord
from shop.orders.selectors import ServiceState
from shop.oscar_models import Line
from shop.oscar_models import Order

HASH = "a" * 64


def record() -> OrderRecord:
    verwaltung = Verwaltung(name="Amt Hüttener Berge", kind="amt", regional_key="010585890")
    order = Order(
        number="100042",
        date_placed=datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC),
        user=User(first_name="Hanna", last_name="Hüttmann", email="hanna@amt.example"),
    )
    order.ozg_details = details = OrderDetails(
        order=order,
        verwaltung=verwaltung,
        wished_start_date=datetime.date(2026, 6, 1),
        remarks="Bitte zuerst Ascheffel.",
    )
    version = AgreementVersion(
        agreement=Agreement(title="Allgemeine Nutzungsbedingungen"),
        version="1.0",
        text="<h2>§ 1 Gegenstand</h2><p>Der Shop stellt Dienste bereit.</p>",
        valid_from=datetime.date(2026, 1, 1),
    )
    return OrderRecord(
        order=order,
        services=[
            ServiceState(
                line=Line(title="Wohngeld"),
                ordered_service=None,
                gemeinden=[Gemeinde(name="Ascheffel", ags="01058008")],
            )
        ],
        contacts=[
            OrderContact(
                details=details, role=ContactRole.SUBJECT, name="Frauke", email="f@amt.example"
            )
        ],
        acceptance_records=[
            AcceptanceRecord(
                pk=7,
                agreement_version=version,
                text_sha256=HASH,
                person_name="Hanna Hüttmann",
                person_email="hanna@amt.example",
                verwaltung_name="Amt Hüttener Berge",
                accepted_at=datetime.datetime(2026, 3, 2, 9, 30, 5, tzinfo=datetime.UTC),
            )
        ],
    )


def test_the_pdf_says_what_was_ordered_and_accepted_in_german():
    reader = PdfReader(io.BytesIO(documents.order_document_pdf(record=record())))

    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in (
        "Bestellung 100042",
        "Amt Hüttener Berge",
        "Ascheffel (01058008)",
        "01.06.2026",
        "Bitte zuerst Ascheffel.",
        "f@amt.example",
        "Allgemeine Nutzungsbedingungen, Version 1.0",
        "§ 1 Gegenstand",
        "Der Shop stellt Dienste bereit.",
        "Hanna Hüttmann (hanna@amt.example) für Amt Hüttener Berge",
    ):
        assert expected in text
    assert HASH in text.replace(" ", "")
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert reader.metadata.title.startswith("Bestellung 100042 – Amt Hüttener Berge")


def test_the_file_is_named_after_the_order():
    assert documents.order_document_filename(number="100042") == "Bestellung-100042.pdf"
