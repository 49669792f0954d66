"""Agreement versions: publishing, immutability once published, the current version, the set of
agreements an order must accept, and the demo agreements."""

import datetime
import re
from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from oscar.test.factories import ProductFactory

from ozg_site.demo_content import demo_agreements
from shop.agreements.demo import demo_agreements_ensure
from shop.agreements.selectors import agreement_current_version
from shop.agreements.selectors import agreements_required_for
from shop.agreements.selectors import agreements_without_current_version
from shop.agreements.selectors import requires_data_protection_contact
from shop.agreements.services import agreement_version_publish
from shop.models import Agreement
from shop.models import AgreementKind
from shop.models import AgreementVersion
from shop.models import Dienst
from shop.models import ImmutableError
from shop.models.agreements import text_hash
from tests.factories import AgreementFactory
from tests.factories import AgreementVersionFactory
from tests.factories import publish
from tests.factories import published_version

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC)


@contextmanager
def refused(match: str | None = None):
    """Expects ImmutableError. A refused delete raises inside Django's atomic block, which breaks
    the surrounding transaction: the savepoint keeps the test's transaction usable."""
    with pytest.raises(ImmutableError, match=match) as raised, transaction.atomic():
        yield raised


def date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def dienst_requiring(*agreements: Agreement, title: str = "Dienst") -> Dienst:
    dienst = Dienst.objects.create(product=ProductFactory(title=title), title=title)
    dienst.required_agreements.set(agreements)
    return dienst


# == Publishing ==


def test_publishing_sets_the_time_and_the_hash_of_the_text():
    draft = AgreementVersionFactory(text="<p>Die Kommune nutzt den Dienst.</p>")
    assert not draft.is_published
    assert draft.text_sha256 == ""

    returned = agreement_version_publish(version=draft, now=NOON)

    assert returned is draft
    stored = AgreementVersion.objects.get(pk=draft.pk)
    assert stored.published_at == NOON
    assert stored.text_sha256 == text_hash("<p>Die Kommune nutzt den Dienst.</p>")
    assert re.fullmatch(r"[0-9a-f]{64}", stored.text_sha256)
    assert draft.published_at == NOON and draft.text_sha256 == stored.text_sha256


def test_publishing_hashes_the_stored_text_not_unsaved_changes():
    draft = AgreementVersionFactory(text="<p>gespeichert</p>")
    draft.text = "<p>nicht gespeichert</p>"

    agreement_version_publish(version=draft)

    assert draft.text == "<p>gespeichert</p>"
    assert draft.text_sha256 == text_hash("<p>gespeichert</p>")


def test_a_published_version_is_not_published_again():
    version = published_version()
    first_published_at = version.published_at

    with pytest.raises(ImmutableError, match="bereits veröffentlicht"):
        agreement_version_publish(version=version, now=NOON)

    version.refresh_from_db()
    assert version.published_at == first_published_at


def test_a_version_valid_before_the_published_one_is_refused():
    current = published_version(valid_from=date("2026-01-01"))
    older = AgreementVersionFactory(agreement=current.agreement, valid_from=date("2025-06-01"))

    with pytest.raises(ValidationError) as refused:
        agreement_version_publish(version=older)

    assert "ab 01.01.2026" in refused.value.message_dict["valid_from"][0]
    older.refresh_from_db()
    assert not older.is_published


# == Immutability ==


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "<p>geändert</p>"),
        ("version", "9.9"),
        ("valid_from", datetime.date(2030, 1, 1)),
        ("published_at", None),
        ("text_sha256", "0" * 64),
    ],
)
def test_a_published_version_cannot_be_changed_by_save(field, value):
    version = published_version(text="<p>Original</p>")
    setattr(version, field, value)

    with pytest.raises(ImmutableError, match="veröffentlicht"):
        version.save()

    stored = AgreementVersion.objects.get(pk=version.pk)
    assert stored.text == "<p>Original</p>"
    assert stored.is_published


def test_a_published_version_cannot_move_to_another_agreement_or_pdf():
    from wagtail.documents.models import Document

    version = published_version()
    other = AgreementFactory()
    document = Document.objects.create(title="Nutzungsbedingungen als PDF")

    version.agreement = other
    with pytest.raises(ImmutableError):
        version.save()
    version.refresh_from_db()
    version.pdf = document
    with pytest.raises(ImmutableError):
        version.save()

    stored = AgreementVersion.objects.get(pk=version.pk)
    assert stored.agreement_id != other.pk
    assert stored.pdf_id is None


def test_saving_a_published_version_unchanged_is_allowed():
    version = published_version()
    version.save()
    version.save(update_fields=["text"])


def test_a_published_version_cannot_be_changed_by_queryset_update():
    """Needs AgreementVersionQuerySet as the model's manager (see the report); on PostgreSQL
    the trigger refuses it as well."""
    version = published_version(text="<p>Original</p>")

    with refused():
        AgreementVersion.objects.filter(pk=version.pk).update(text="<p>geändert</p>")
    with refused():
        AgreementVersion.objects.bulk_update([version], ["text"])

    assert AgreementVersion.objects.get(pk=version.pk).text == "<p>Original</p>"


def test_a_published_version_cannot_be_deleted():
    version = published_version()
    draft = AgreementVersionFactory(agreement=version.agreement)

    with refused("nie gelöscht"):
        version.delete()
    with refused():
        AgreementVersion.objects.filter(pk=version.pk).delete()
    with refused():
        # The published one in the same queryset stops the whole delete.
        AgreementVersion.objects.filter(agreement=version.agreement).delete()

    assert set(AgreementVersion.objects.values_list("pk", flat=True)) == {version.pk, draft.pk}


def test_a_stale_instance_of_a_published_version_cannot_be_deleted():
    version = published_version()
    stale = AgreementVersion.objects.get(pk=version.pk)
    stale.published_at = None  # what the instance claims does not count

    with refused():
        stale.delete()

    assert AgreementVersion.objects.filter(pk=version.pk).exists()


def test_drafts_can_be_changed_and_deleted():
    draft = AgreementVersionFactory(text="<p>Entwurf</p>")

    draft.text = "<p>Entwurf, überarbeitet</p>"
    draft.valid_from = date("2026-07-01")
    draft.save()
    AgreementVersion.objects.filter(pk=draft.pk).update(version="2.0")

    stored = AgreementVersion.objects.get(pk=draft.pk)
    assert (stored.text, stored.version) == ("<p>Entwurf, überarbeitet</p>", "2.0")

    draft.delete()
    other = AgreementVersionFactory()
    AgreementVersion.objects.filter(pk=other.pk).delete()
    assert not AgreementVersion.objects.exists()


# == The current version ==


@pytest.fixture
def terms() -> Agreement:
    agreement = AgreementFactory(kind=AgreementKind.TERMS_OF_USE, required_for_every_order=True)
    published_version(agreement=agreement, version="1.0", valid_from=date("2025-01-01"))
    published_version(agreement=agreement, version="1.1", valid_from=date("2026-01-01"))
    published_version(agreement=agreement, version="1.2", valid_from=date("2027-01-01"))
    AgreementVersionFactory(agreement=agreement, version="2.0", valid_from=date("2026-06-01"))
    return agreement


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2024-12-31", None),
        ("2025-01-01", "1.0"),
        ("2025-12-31", "1.0"),
        ("2026-01-01", "1.1"),
        ("2026-11-30", "1.1"),  # the draft 2.0 (from 2026-06-01) does not count
        ("2027-01-01", "1.2"),
    ],
)
def test_the_current_version_is_the_latest_published_one_valid_on_the_day(terms, on, expected):
    current = agreement_current_version(agreement=terms, on=date(on))

    assert (current.version if current else None) == expected


def test_the_current_version_defaults_to_today():
    agreement = AgreementFactory()
    published_version(agreement=agreement, version="1.0", valid_from=date("2025-01-01"))
    published_version(
        agreement=agreement,
        version="morgen",
        valid_from=timezone.localdate() + datetime.timedelta(days=1),
    )

    assert agreement_current_version(agreement=agreement).version == "1.0"


def test_of_two_versions_valid_from_the_same_day_the_later_published_is_current():
    agreement = AgreementFactory()
    first = AgreementVersionFactory(
        agreement=agreement, version="1.0", valid_from=date("2026-01-01")
    )
    correction = AgreementVersionFactory(
        agreement=agreement, version="1.0.1", valid_from=date("2026-01-01")
    )
    publish(first, now=NOON)
    publish(correction, now=NOON + datetime.timedelta(hours=1))

    assert agreement_current_version(agreement=agreement, on=date("2026-02-01")) == correction


# == What an order must accept ==


@pytest.fixture
def agreements() -> dict[str, Agreement]:
    def agreement(kind, title, *, every_order=False, current=True) -> Agreement:
        created = AgreementFactory(kind=kind, title=title, required_for_every_order=every_order)
        if current:
            published_version(agreement=created, version="1.0", valid_from=date("2025-01-01"))
        AgreementVersionFactory(agreement=created, version="9.0", valid_from=date("2026-02-01"))
        return created

    return {
        "epayment": agreement(AgreementKind.SERVICE_TERMS, "A Besondere Bedingungen ePayment"),
        "avv": agreement(AgreementKind.DATA_PROCESSING, "Auftragsverarbeitung"),
        "beitritt": agreement(AgreementKind.ACCESSION, "Beitrittserklärung"),
        "nutzung": agreement(AgreementKind.TERMS_OF_USE, "Z Nutzungsbedingungen", every_order=True),
        "postfach": agreement(AgreementKind.SERVICE_TERMS, "B Besondere Bedingungen Postfach"),
        "unused": agreement(AgreementKind.SERVICE_TERMS, "Nie verlangt"),
        "no_version": agreement(AgreementKind.SERVICE_TERMS, "Ohne Version", current=False),
    }


def titles(versions: list[AgreementVersion]) -> list[str]:
    return [version.agreement.title for version in versions]


def test_an_order_needs_the_general_agreements_and_those_of_its_dienste_in_a_fixed_order(
    agreements, django_assert_num_queries
):
    wohngeld = dienst_requiring(agreements["beitritt"], agreements["avv"], title="Wohngeld")
    epayment = dienst_requiring(
        agreements["postfach"], agreements["epayment"], agreements["beitritt"], title="ePayment"
    )

    with django_assert_num_queries(1):
        required = agreements_required_for(dienste=[wohngeld, epayment], on=date("2026-03-01"))
        names = titles(required)

    assert names == [
        "Z Nutzungsbedingungen",
        "Beitrittserklärung",
        "Auftragsverarbeitung",
        "A Besondere Bedingungen ePayment",
        "B Besondere Bedingungen Postfach",
    ]
    assert {version.version for version in required} == {"1.0"}


def test_the_query_count_does_not_grow_with_the_dienste(agreements, django_assert_num_queries):
    dienste = [
        dienst_requiring(agreements["beitritt"], agreements["avv"], title=f"Dienst {n}")
        for n in range(12)
    ]

    with django_assert_num_queries(1):
        required = agreements_required_for(
            dienste=Dienst.objects.filter(pk__in=[d.pk for d in dienste]), on=date("2026-03-01")
        )
        names = titles(required)

    assert names == ["Z Nutzungsbedingungen", "Beitrittserklärung", "Auftragsverarbeitung"]


def test_without_dienste_only_the_general_agreements_are_required(agreements):
    assert titles(agreements_required_for(dienste=[], on=date("2026-03-01"))) == [
        "Z Nutzungsbedingungen"
    ]


def test_a_required_agreement_without_current_version_is_reported(agreements):
    dienst = dienst_requiring(agreements["no_version"], agreements["avv"])

    required = agreements_required_for(dienste=[dienst], on=date("2026-03-01"))
    missing = agreements_without_current_version(dienste=[dienst], on=date("2026-03-01"))

    assert "Ohne Version" not in titles(required)
    assert missing == [agreements["no_version"]]
    assert agreements_without_current_version(dienste=[], on=date("2026-03-01")) == []


def test_before_any_version_is_valid_nothing_is_required_and_everything_is_missing(agreements):
    dienst = dienst_requiring(agreements["avv"])

    assert agreements_required_for(dienste=[dienst], on=date("2024-01-01")) == []
    assert {
        a.title for a in agreements_without_current_version(dienste=[dienst], on=date("2024-01-01"))
    } == {"Z Nutzungsbedingungen", "Auftragsverarbeitung"}


def test_an_avv_among_the_versions_asks_for_a_data_protection_contact(
    agreements, django_assert_num_queries
):
    with_avv = agreements_required_for(
        dienste=[dienst_requiring(agreements["avv"])], on=date("2026-03-01")
    )
    without_avv = agreements_required_for(
        dienste=[dienst_requiring(agreements["epayment"])], on=date("2026-03-01")
    )

    with django_assert_num_queries(0):
        assert requires_data_protection_contact(versions=with_avv) is True
        assert requires_data_protection_contact(versions=without_avv) is False
        assert requires_data_protection_contact(versions=[]) is False


# == Demo agreements (demo/agreements.yaml) ==

TERMS_OF_USE_SLUG = "nutzungsbedingungen"
ACCESSION_SLUG = "beitrittserklaerung-efa"
DATA_PROCESSING_SLUG = "avv"
EPAYMENT_SLUG = "besondere-bedingungen-epayment"


def test_demo_agreements_are_published_and_ensuring_them_again_changes_nothing():
    first = demo_agreements_ensure(agreements=demo_agreements())
    snapshot = list(
        AgreementVersion.objects.order_by("pk").values_list(
            "pk", "agreement__slug", "version", "published_at", "text_sha256", "valid_from"
        )
    )

    second = demo_agreements_ensure(agreements=demo_agreements())

    assert set(first) == {TERMS_OF_USE_SLUG, ACCESSION_SLUG, DATA_PROCESSING_SLUG, EPAYMENT_SLUG}
    assert {slug: a.pk for slug, a in first.items()} == {slug: a.pk for slug, a in second.items()}
    assert Agreement.objects.count() == 4
    assert (
        list(
            AgreementVersion.objects.order_by("pk").values_list(
                "pk", "agreement__slug", "version", "published_at", "text_sha256", "valid_from"
            )
        )
        == snapshot
    )
    assert len(snapshot) == 5
    for version in AgreementVersion.objects.all():
        assert version.is_published
        assert version.text_sha256 == text_hash(version.text)
    terms = first[TERMS_OF_USE_SLUG]
    assert terms.required_for_every_order
    assert agreement_current_version(agreement=terms, on=date("2025-06-01")).version == "1.0"
    assert agreement_current_version(agreement=terms, on=date("2026-06-01")).version == "1.1"


def test_demo_agreement_texts_are_structured_german_html_of_a_fair_length():
    demo_agreements_ensure(agreements=demo_agreements())

    for version in AgreementVersion.objects.all():
        words = re.sub(r"<[^>]+>", " ", version.text).split()
        assert 300 <= len(words) <= 700, (str(version), len(words))
        assert "<h2>" in version.text and "<p>" in version.text
        assert "ITVSH" in version.text or "IT-Verbund" in version.text or "Land" in version.text


def test_demo_repairs_an_edited_agreement_and_publishes_a_leftover_draft():
    leftover = AgreementVersionFactory(
        agreement=AgreementFactory(slug=DATA_PROCESSING_SLUG, title="umbenannt"),
        version="1.0",
        text="<p>halbfertig</p>",
    )
    unrelated = AgreementVersionFactory(agreement=leftover.agreement, version="2.0-entwurf")

    agreements = demo_agreements_ensure(agreements=demo_agreements())

    avv = agreements[DATA_PROCESSING_SLUG]
    assert avv.pk == leftover.agreement_id
    assert avv.title == "Auftragsverarbeitungsvertrag nach Art. 28 DSGVO"
    assert avv.kind == AgreementKind.DATA_PROCESSING
    leftover.refresh_from_db()
    assert leftover.is_published
    assert "Art. 32 DSGVO" in leftover.text
    unrelated.refresh_from_db()
    assert not unrelated.is_published  # not a demo version: left alone
