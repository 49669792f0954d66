"""The onboarding subdomain's data: a service with a checklist of every field type (the DVDV
address per Gemeinde), ordered by the Amt's member for its three Gemeinden."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shop.models import Membership
from tests.factories import ONBOARDING_CHECKLIST
from tests.factories import ONBOARDING_STEPS
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "anbindung.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def dienst(db):
    return dienst_create(
        title="Gewerbeanmeldung",
        onboarding_fields=ONBOARDING_CHECKLIST,
        onboarding_steps=ONBOARDING_STEPS,
    )


@pytest.fixture
def order(amt, member, dienst):
    return order_place(user=member, verwaltung=amt, dienste=[dienst])


@pytest.fixture
def line(order):
    return order.lines.get()


@pytest.fixture
def service(line):
    return line.ozg_service


@pytest.fixture
def reader(amt):
    return member_create(verwaltung=amt, role=Membership.Role.READ_ONLY, email="lars@amt.example")


def form_url(order, line) -> str:
    return reverse("shop_orders:onboarding", kwargs={"number": order.number, "line_id": line.pk})


def complete_values(amt) -> dict:
    """Every required value, as onboarding_answers_save takes them."""
    values = {
        ("eintrag-im-zuständigkeitsfinder", None): "https://zufi.example/wohngeld",
        ("funktionspostfach", None): "gewerbe@amt.example",
        ("fachverfahren", None): "Migewa",
        ("epayment-gewünscht", None): "Ja",
        ("anbindungsformular", None): pdf_upload(),
    }
    for gemeinde in amt.gemeinden.all():
        values[("dvdv-adresse", gemeinde.pk)] = f"dvdv:{gemeinde.ags}"
    return values
