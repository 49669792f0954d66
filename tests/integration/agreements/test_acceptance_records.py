"""Acceptance records are evidence: created once with copies of names and the text hash, then
never changed or deleted, not through the ORM, not in the Django admin (superusers included),
not in the Wagtail admin, and on PostgreSQL not even with raw SQL."""

import datetime
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db import connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from oscar.test.factories import OrderFactory

from shop.agreements.services import acceptance_records_create
from shop.models import AcceptanceRecord
from shop.models import AgreementKind
from shop.models import AgreementVersion
from shop.models import ImmutableError
from shop.models.agreements import text_hash
from tests.factories import AgreementFactory
from tests.factories import AgreementVersionFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import published_version

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
NOW = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


@contextmanager
def refused(exception=ImmutableError, match: str | None = None):
    """A refused write raises inside Django's atomic block; the savepoint keeps the test's
    transaction usable."""
    with pytest.raises(exception, match=match) as raised, transaction.atomic():
        yield raised


@pytest.fixture
def terms():
    agreement = AgreementFactory(
        kind=AgreementKind.TERMS_OF_USE,
        title="Allgemeine Nutzungsbedingungen",
        required_for_every_order=True,
    )
    old = published_version(
        agreement=agreement, version="1.0", valid_from=datetime.date(2025, 1, 1)
    )
    current = published_version(
        agreement=agreement, version="1.1", valid_from=datetime.date(2026, 1, 1)
    )
    return {"old": old, "current": current}


@pytest.fixture
def avv():
    return published_version(
        agreement=AgreementFactory(kind=AgreementKind.DATA_PROCESSING, title="AVV"),
        version="1.0",
        valid_from=datetime.date(2025, 1, 1),
    )


@pytest.fixture
def person():
    return UserFactory(email="amt@huettener-berge.example", first_name="Erika", last_name="Muster")


@pytest.fixture
def verwaltung():
    return VerwaltungFactory(name="Amt Hüttener Berge")


@pytest.fixture
def order():
    return OrderFactory()


@pytest.fixture
def record(terms, avv, person, verwaltung, order) -> AcceptanceRecord:
    return acceptance_records_create(
        order=order,
        versions=[terms["current"]],
        user=person,
        verwaltung=verwaltung,
        ip_address="192.0.2.10",
        now=NOW,
    )[0]


def accept(versions, *, order, person, verwaltung, now=NOW):
    return acceptance_records_create(
        order=order, versions=versions, user=person, verwaltung=verwaltung, ip_address=None, now=now
    )


# == Creating ==


def test_records_copy_names_and_the_hash_of_the_accepted_text(
    terms, avv, person, verwaltung, order, django_assert_max_num_queries
):
    # Versions, current versions, (PostgreSQL: chain lock,) chain head, INSERT.
    with django_assert_max_num_queries(5):
        records = acceptance_records_create(
            order=order,
            versions=[terms["current"], avv, terms["current"]],
            user=person,
            verwaltung=verwaltung,
            ip_address="192.0.2.10",
            now=NOW,
        )

    assert [r.agreement_version for r in records] == [terms["current"], avv]  # each once
    stored = AcceptanceRecord.objects.get(agreement_version=avv)
    assert stored.order == order
    assert stored.text_sha256 == avv.text_sha256 == text_hash(avv.text)
    assert stored.user == person
    assert stored.person_name == "Erika Muster"
    assert stored.person_email == "amt@huettener-berge.example"
    assert stored.verwaltung == verwaltung
    assert stored.verwaltung_name == "Amt Hüttener Berge"
    assert stored.accepted_at == NOW
    assert stored.ip_address == "192.0.2.10"


def test_the_copies_stay_when_person_and_verwaltung_change(record, person, verwaltung):
    person.first_name = "Erika-Maria"
    person.email = "neu@huettener-berge.example"
    person.save()
    verwaltung.name = "Amt Hüttener Berge (neu)"
    verwaltung.save()

    stored = AcceptanceRecord.objects.get(pk=record.pk)
    assert (stored.person_name, stored.person_email, stored.verwaltung_name) == (
        "Erika Muster",
        "amt@huettener-berge.example",
        "Amt Hüttener Berge",
    )


def test_a_person_without_a_name_is_recorded_by_email(terms, verwaltung, order):
    nameless = UserFactory(email="ohne-name@kommune.example", first_name="", last_name="")

    [record] = accept([terms["current"]], order=order, person=nameless, verwaltung=verwaltung)

    assert record.person_name == "ohne-name@kommune.example"


def test_an_unpublished_version_is_refused_and_nothing_is_recorded(
    terms, person, verwaltung, order
):
    draft = AgreementVersionFactory(
        agreement=terms["current"].agreement, version="2.0", valid_from=datetime.date(2026, 2, 1)
    )

    with pytest.raises(ValidationError) as error:
        accept([terms["current"], draft], order=order, person=person, verwaltung=verwaltung)

    assert error.value.messages == [
        "„Allgemeine Nutzungsbedingungen“ in Version 2.0 ist nicht veröffentlicht und kann nicht "
        "angenommen werden."
    ]
    assert not AcceptanceRecord.objects.exists()


def test_an_outdated_version_is_refused_and_nothing_is_recorded(terms, person, verwaltung, order):
    with pytest.raises(ValidationError) as error:
        accept([terms["old"]], order=order, person=person, verwaltung=verwaltung)

    assert error.value.messages == [
        "„Allgemeine Nutzungsbedingungen“ in Version 1.0 ist nicht mehr aktuell; aktuell ist "
        "Version 1.1. Bitte nehmen Sie die aktuelle Fassung an."
    ]
    assert not AcceptanceRecord.objects.exists()


def test_a_version_not_yet_valid_is_refused(terms, person, verwaltung, order):
    future = published_version(
        agreement=terms["current"].agreement, version="2.0", valid_from=datetime.date(2027, 1, 1)
    )

    with pytest.raises(ValidationError) as error:
        accept([future], order=order, person=person, verwaltung=verwaltung)

    assert error.value.messages == [
        "„Allgemeine Nutzungsbedingungen“ in Version 2.0 gilt erst ab 01.01.2027."
    ]

    # A year later it is the current one.
    [record] = accept(
        [future], order=order, person=person, verwaltung=verwaltung, now=NOW.replace(year=2027)
    )
    assert record.agreement_version == future


def test_a_version_whose_text_does_not_match_its_hash_is_refused(person, verwaltung, order):
    tampered = AgreementVersionFactory(
        agreement=AgreementFactory(title="AVV"),
        version="1.0",
        published_at=NOW - datetime.timedelta(days=30),
        text_sha256="0" * 64,
    )

    with pytest.raises(ValidationError) as error:
        accept([tampered], order=order, person=person, verwaltung=verwaltung)

    assert error.value.messages == [
        "Der Text von „AVV“ in Version 1.0 stimmt nicht mit seiner Prüfsumme überein."
    ]
    assert not AcceptanceRecord.objects.exists()


def test_the_current_version_is_judged_on_the_day_of_acceptance(terms, person, verwaltung, order):
    [record] = accept(
        [terms["old"]],
        order=order,
        person=person,
        verwaltung=verwaltung,
        now=datetime.datetime(2025, 12, 31, 12, tzinfo=datetime.UTC),
    )

    assert record.agreement_version == terms["old"]


def test_nothing_to_accept_records_nothing(person, verwaltung, order):
    assert accept([], order=order, person=person, verwaltung=verwaltung) == []


def test_now_defaults_to_the_current_time(terms, person, verwaltung, order):
    before = timezone.now()

    [record] = acceptance_records_create(
        order=order, versions=[terms["current"]], user=person, verwaltung=verwaltung, ip_address=""
    )

    assert before <= record.accepted_at <= timezone.now()
    assert record.ip_address is None


# == Never changed, never deleted: ORM ==


def test_a_record_cannot_be_changed_through_the_instance(record):
    record.person_name = "Jemand anderes"
    with refused(match="nie geändert"):
        record.save()
    with refused():
        record.save_base()  # also what bypasses Model.save()

    assert AcceptanceRecord.objects.get(pk=record.pk).person_name == "Erika Muster"


def test_a_record_cannot_be_deleted_through_the_instance(record):
    with refused(match="nie gelöscht"):
        record.delete()
    with refused(match="nie gelöscht"):
        AcceptanceRecord.delete(record)

    assert AcceptanceRecord.objects.filter(pk=record.pk).exists()


def test_records_cannot_be_changed_or_deleted_through_querysets(record):
    with refused():
        AcceptanceRecord.objects.filter(pk=record.pk).update(person_name="x")
    with refused():
        AcceptanceRecord.objects.all().update(text_sha256="0" * 64)
    with refused():
        AcceptanceRecord.objects.bulk_update([record], ["person_name"])
    with refused():
        AcceptanceRecord.objects.filter(pk=record.pk).delete()
    with refused():
        AcceptanceRecord.objects.all().delete()

    stored = AcceptanceRecord.objects.get(pk=record.pk)
    assert (stored.person_name, stored.text_sha256) == ("Erika Muster", record.text_sha256)


def test_the_accepted_version_and_the_order_cannot_be_deleted(record):
    from django.db.models import ProtectedError

    with refused((ImmutableError, ProtectedError)):
        record.agreement_version.delete()  # published, and protected by the record
    with refused(ProtectedError):
        record.order.delete()

    assert AcceptanceRecord.objects.filter(pk=record.pk).exists()


# == Never changed, never deleted: Django admin ==


def admin_url(name: str, *args) -> str:
    return reverse(f"admin:shop_acceptancerecord_{name}", args=args)


def test_superuser_reads_records_in_the_django_admin(client, superuser, record):
    client.force_login(superuser)

    listing = client.get(admin_url("changelist"))
    detail = client.get(admin_url("change", record.pk))

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Amt Hüttener Berge" in html
    assert admin_url("add") not in html
    assert 'name="action"' not in html  # no bulk actions, no "delete selected"
    assert detail.status_code == 200
    detail_html = detail.content.decode()
    assert record.text_sha256 in detail_html
    assert record.chain_hash in detail_html  # its place in the chain, read-only
    assert 'name="_save"' not in detail_html
    assert admin_url("delete", record.pk) not in detail_html


def test_superuser_cannot_add_change_or_delete_records_in_the_django_admin(
    client, superuser, record
):
    client.force_login(superuser)
    tampered = {
        "person_name": "Jemand anderes",
        "person_email": "x@example.org",
        "verwaltung_name": "Andere",
        "text_sha256": "0" * 64,
        "accepted_at_0": "01.01.2020",
        "accepted_at_1": "00:00:00",
    }

    responses = {
        "add (GET)": client.get(admin_url("add")),
        "add (POST)": client.post(admin_url("add"), tampered),
        "change (POST)": client.post(admin_url("change", record.pk), tampered),
        "delete (GET)": client.get(admin_url("delete", record.pk)),
        "delete (POST)": client.post(admin_url("delete", record.pk), {"post": "yes"}),
    }
    bulk = client.post(
        admin_url("changelist"),
        {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
    )

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(responses, 403)
    assert bulk.status_code == 200
    stored = AcceptanceRecord.objects.get()
    assert (stored.pk, stored.person_name, stored.text_sha256) == (
        record.pk,
        "Erika Muster",
        record.text_sha256,
    )


def test_staff_without_superuser_gets_no_django_admin(client, record):
    staff = UserFactory(email="redaktion@example.org", is_staff=True)
    client.force_login(staff)

    response = client.get(admin_url("changelist"))

    assert response.status_code == 403


# == Never changed, never deleted: Wagtail admin ==


def test_the_wagtail_admin_has_no_place_for_records(client, superuser, record):
    client.force_login(superuser)
    bulk_delete = reverse("wagtail_bulk_action", args=("shop", "acceptancerecord", "delete"))

    paths = [
        "/cms/snippets/shop/acceptancerecord/",
        f"/cms/snippets/shop/acceptancerecord/edit/{record.pk}/",
        f"/cms/snippets/shop/acceptancerecord/delete/{record.pk}/",
        "/cms/snippets/choose/shop/acceptancerecord/",
        "/cms/shop/acceptancerecord/",
        f"{bulk_delete}?id={record.pk}",
    ]

    assert {path: client.get(path).status_code for path in paths} == dict.fromkeys(paths, 404)
    assert client.post(f"{bulk_delete}?id={record.pk}").status_code == 404
    assert "acceptancerecord" not in client.get("/cms/").content.decode()
    assert AcceptanceRecord.objects.filter(pk=record.pk).exists()


# == PostgreSQL: triggers against raw SQL ==

needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="Trigger nur auf PostgreSQL (DATABASE_URL=postgres://…)"
)


def raw(sql: str, *params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@needs_postgresql
def test_postgresql_refuses_raw_updates_and_deletes_of_records(record):
    with refused(IntegrityError, match="Annahmenachweise"):
        raw("UPDATE shop_acceptancerecord SET person_name = 'x' WHERE id = %s", record.pk)
    with refused(IntegrityError, match="Annahmenachweise"):
        raw("DELETE FROM shop_acceptancerecord WHERE id = %s", record.pk)

    assert AcceptanceRecord.objects.get(pk=record.pk).person_name == "Erika Muster"


@needs_postgresql
def test_postgresql_refuses_raw_changes_of_published_versions_only(terms):
    published = terms["current"]
    draft = AgreementVersionFactory(
        agreement=published.agreement, version="2.0", valid_from=datetime.date(2026, 2, 1)
    )

    with refused(IntegrityError, match="Veröffentlichte Versionen"):
        raw("UPDATE shop_agreementversion SET text = 'x' WHERE id = %s", published.pk)
    with refused(IntegrityError, match="Veröffentlichte Versionen"):
        raw("UPDATE shop_agreementversion SET published_at = NULL WHERE id = %s", published.pk)
    with refused(IntegrityError):
        raw("DELETE FROM shop_agreementversion WHERE id = %s", terms["old"].pk)

    published.save()  # unchanged: allowed
    raw("UPDATE shop_agreementversion SET text = '<p>neu</p>' WHERE id = %s", draft.pk)
    draft.refresh_from_db()
    from shop.agreements.services import agreement_version_publish

    agreement_version_publish(version=draft)
    assert AgreementVersion.objects.get(pk=draft.pk).text_sha256 == text_hash("<p>neu</p>")
    assert AgreementVersion.objects.get(pk=published.pk).text == published.text
    other_draft = AgreementVersionFactory(agreement=published.agreement, version="3.0")
    raw("DELETE FROM shop_agreementversion WHERE id = %s", other_draft.pk)
