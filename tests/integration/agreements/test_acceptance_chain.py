"""The acceptance records' hash chain: each record numbered, linked to the one before and hashed;
`manage.py verify_acceptance_records` walks the chain and names the first break, whatever was
done below the ORM (raw SQL, on PostgreSQL with the immutability trigger switched off)."""

import datetime

import pytest
from django.core.management import CommandError
from django.core.management import call_command
from django.db import connection
from oscar.test.factories import OrderFactory

from shop.agreements.selectors import ChainPoint
from shop.agreements.selectors import acceptance_chain_verify
from shop.agreements.services import acceptance_records_create
from shop.models import AcceptanceRecord
from shop.models import AgreementKind
from shop.models.agreements import CHAIN_START
from shop.models.agreements import acceptance_chain_hash
from tests.factories import AgreementFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import published_version

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=datetime.UTC)


@pytest.fixture
def versions():
    terms = AgreementFactory(
        kind=AgreementKind.TERMS_OF_USE, title="Nutzungsbedingungen", required_for_every_order=True
    )
    avv = AgreementFactory(kind=AgreementKind.DATA_PROCESSING, title="AVV")
    return [
        published_version(agreement=agreement, version="1.0", valid_from=datetime.date(2025, 1, 1))
        for agreement in (terms, avv)
    ]


@pytest.fixture
def accept(versions):
    """Record an order accepting the versions (two records per order by default)."""
    person = UserFactory(email="amt@huettener-berge.example", first_name="Erika", last_name="M")
    verwaltung = VerwaltungFactory(name="Amt Hüttener Berge")

    def accept(*, count: int = 2, ip_address: str | None = "192.0.2.10", now=NOW):
        return acceptance_records_create(
            order=OrderFactory(),
            versions=versions[:count],
            user=person,
            verwaltung=verwaltung,
            ip_address=ip_address,
            now=now,
        )

    return accept


def below_the_orm(sql: str, *params) -> None:
    """Raw SQL as someone with the owner's rights would run it: on PostgreSQL with the
    immutability trigger switched off for it."""
    trigger = "shop_acceptancerecord_immutable"
    on_postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if on_postgresql:
            # PostgreSQL refuses ALTER TABLE while deferred foreign-key checks of rows written
            # in the same transaction are pending: run them before each one.
            connection.check_constraints()
            cursor.execute(f"ALTER TABLE shop_acceptancerecord DISABLE TRIGGER {trigger}")
        cursor.execute(sql, params)
        if on_postgresql:
            connection.check_constraints()
            cursor.execute(f"ALTER TABLE shop_acceptancerecord ENABLE TRIGGER {trigger}")


def verify(*args: str) -> str:
    """The command's output when the chain is intact; raises CommandError otherwise."""
    from io import StringIO

    out = StringIO()
    call_command("verify_acceptance_records", *args, stdout=out)
    return out.getvalue()


def broken(*args: str) -> str:
    with pytest.raises(CommandError) as error:
        verify(*args)
    assert error.value.returncode == 1
    return str(error.value)


def head_option() -> str:
    """What the last intact verification tells the operator to keep for the next one."""
    return verify().rsplit("--head ", 1)[1].strip()


# == Written as a chain ==


def test_records_are_numbered_linked_and_hashed_in_the_order_they_are_written(accept):
    first = accept()
    second = accept(count=1)

    stored = list(AcceptanceRecord.objects.order_by("sequence"))
    assert [r.pk for r in stored] == [r.pk for r in first + second]
    assert [r.sequence for r in stored] == [1, 2, 3]
    assert stored[0].previous_hash == CHAIN_START
    assert [r.previous_hash for r in stored[1:]] == [r.chain_hash for r in stored[:-1]]
    assert all(r.chain_hash == acceptance_chain_hash(r) for r in stored)
    assert len({r.chain_hash for r in stored}) == 3


def test_the_hash_covers_the_evidence_as_the_database_returns_it(accept):
    """Time with microseconds and an IPv6 address in any spelling hash the same after the round
    trip through the database (PostgreSQL's inet writes it its own way)."""
    accept(count=1, ip_address="2001:DB8:0:0::A")

    stored = AcceptanceRecord.objects.get()
    assert stored.accepted_at == NOW
    assert stored.chain_hash == acceptance_chain_hash(stored)
    assert "Kette der Annahmenachweise intakt: 1 Nachweise geprüft." in verify()


# == Verified ==


def test_an_empty_chain_is_intact():
    assert verify() == "Kette der Annahmenachweise intakt: noch keine Nachweise.\n"


def test_an_intact_chain_is_reported_with_its_count_and_head(accept):
    accept()
    accept()
    head = AcceptanceRecord.objects.get(sequence=4)

    assert verify() == (
        "Kette der Annahmenachweise intakt: 4 Nachweise geprüft. Letzter Nachweis für die "
        f"nächste Prüfung: --head 4:{head.chain_hash}\n"
    )


def test_records_appended_after_a_verification_still_verify(accept):
    accept()
    earlier_head = head_option()

    accept()
    accept(count=1)

    assert "5 Nachweise geprüft" in verify("--head", earlier_head)


def test_the_verification_walks_the_chain_in_chunks(accept, django_assert_num_queries):
    """Constant memory: the records come 2000 at a time (here from one query, as there are
    fewer); the check costs no query per record."""
    for _ in range(3):
        accept()

    with django_assert_num_queries(1):
        report = acceptance_chain_verify()

    assert (report.checked, report.head.sequence, report.intact) == (6, 6, True)


# == Broken below the ORM ==


def test_a_record_changed_below_the_orm_is_named(accept):
    accept()
    changed = AcceptanceRecord.objects.get(sequence=2)

    below_the_orm(
        "UPDATE shop_acceptancerecord SET person_name = %s WHERE id = %s", "Jemand", changed.pk
    )

    message = broken()
    assert f"Nachweis Nr. 2 (ID {changed.pk}, Bestellung-ID {changed.order_id}, " in message
    assert "angenommen am 02.03.2026 10:30) wurde verändert" in message
    assert "Bis dahin geprüft: 1 Nachweise." in message


def test_a_changed_ip_address_or_time_is_found_as_well(accept):
    accept(count=1)
    accept(count=1)
    record_1, record_2 = AcceptanceRecord.objects.order_by("sequence")

    below_the_orm(
        "UPDATE shop_acceptancerecord SET accepted_at = %s WHERE id = %s",
        NOW + datetime.timedelta(microseconds=1),
        record_2.pk,
    )
    assert "Nachweis Nr. 2 " in broken()

    below_the_orm(
        "UPDATE shop_acceptancerecord SET ip_address = %s WHERE id = %s", "192.0.2.11", record_1.pk
    )
    assert "Nachweis Nr. 1 " in broken()


def test_a_deleted_record_is_named_by_its_missing_number(accept):
    accept()
    accept()
    deleted = AcceptanceRecord.objects.get(sequence=2)

    below_the_orm("DELETE FROM shop_acceptancerecord WHERE id = %s", deleted.pk)

    message = broken()
    assert "Vor Nachweis Nr. 3 (ID" in message
    assert "fehlt Nr. 2: gelöscht." in message

    below_the_orm("DELETE FROM shop_acceptancerecord WHERE sequence = 3")
    assert "fehlt Nr. 2 bis 3: gelöscht." in broken()


def test_a_record_changed_and_rehashed_breaks_the_link_of_the_next(accept):
    accept()
    accept(count=1)
    changed = AcceptanceRecord.objects.get(sequence=2)
    changed.person_name = "Jemand"
    rehashed = acceptance_chain_hash(changed)

    below_the_orm(
        "UPDATE shop_acceptancerecord SET person_name = %s, chain_hash = %s WHERE id = %s",
        "Jemand",
        rehashed,
        changed.pk,
    )

    message = broken()
    assert "Nachweis Nr. 3 (ID" in message
    assert (
        "ist nicht mit Nr. 2 verkettet: ein Nachweis davor wurde ersetzt oder seine Prüfsumme "
        "neu berechnet." in message
    )


def test_deleted_newest_records_are_found_with_the_head_of_an_earlier_verification(accept):
    accept()
    accept()
    earlier_head = head_option()

    below_the_orm("DELETE FROM shop_acceptancerecord WHERE sequence >= 3")

    assert "intakt: 2 Nachweise" in verify()  # nothing in the table itself can tell
    assert (
        "Die Kette endet bei Nr. 2, die frühere Prüfung kannte schon Nr. 4: die neuesten "
        "Nachweise wurden gelöscht." in broken("--head", earlier_head)
    )

    below_the_orm("DELETE FROM shop_acceptancerecord")
    assert "Die Kette endet ohne einen Nachweis" in broken("--head", earlier_head)


def test_a_chain_recomputed_from_a_changed_record_on_differs_from_the_earlier_head(accept):
    accept()
    accept()
    earlier_head = head_option()
    previous_hash = AcceptanceRecord.objects.get(sequence=2).chain_hash
    for record in AcceptanceRecord.objects.filter(sequence__gte=3).order_by("sequence"):
        record.person_name = "Jemand"
        record.previous_hash = previous_hash
        record.chain_hash = previous_hash = acceptance_chain_hash(record)
        below_the_orm(
            "UPDATE shop_acceptancerecord SET person_name = %s, previous_hash = %s, "
            "chain_hash = %s WHERE id = %s",
            record.person_name,
            record.previous_hash,
            record.chain_hash,
            record.pk,
        )

    assert "intakt: 4 Nachweise" in verify()
    assert (
        "Nachweis Nr. 4 (ID" in (message := broken("--head", earlier_head))
        and "hat nicht mehr die Prüfsumme der früheren Prüfung" in message
    )


def test_a_malformed_head_gets_a_german_message():
    with pytest.raises(CommandError) as error:
        verify("--head", "4:abc")

    assert error.value.returncode == 2
    assert "--head „4:abc“ ist keine Angabe der Form Nummer:Prüfsumme" in str(error.value)


def test_the_chain_point_is_written_as_the_command_reads_it():
    point = ChainPoint(sequence=7, chain_hash="a" * 64)

    assert str(point) == f"7:{'a' * 64}"


# == flush refuses ==


def test_flush_refuses_a_database_that_holds_acceptance_records(accept, monkeypatch):
    accept()
    # The test database as an operator would configure production: no test name.
    monkeypatch.setitem(connection.settings_dict, "NAME", "ozg_shop")
    monkeypatch.setitem(connection.settings_dict, "TEST", {})

    with pytest.raises(CommandError) as error:
        call_command("flush", interactive=False, verbosity=0)

    assert error.value.returncode == 1
    assert str(error.value).startswith(
        "Die Datenbank „ozg_shop“ enthält Annahmenachweise. Sie sind Beweismittel und werden nie "
        "gelöscht, deshalb leert „flush“ diese Datenbank nicht."
    )
    assert AcceptanceRecord.objects.count() == 2


def test_flush_empties_a_database_without_acceptance_records(monkeypatch):
    VerwaltungFactory()
    connection.check_constraints()  # TRUNCATE waits for no pending foreign-key checks either
    monkeypatch.setitem(connection.settings_dict, "NAME", "ozg_shop")
    monkeypatch.setitem(connection.settings_dict, "TEST", {})

    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)

    from shop.models import Verwaltung

    assert not Verwaltung.objects.exists()


def test_flush_empties_the_test_database_as_transactional_tests_need_it(accept):
    accept()
    connection.check_constraints()

    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)

    assert not AcceptanceRecord.objects.exists()
