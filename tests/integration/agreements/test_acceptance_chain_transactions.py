"""The acceptance records' chain across transactions: two orders appending at the same moment
(PostgreSQL; SQLite lets one writer in at a time), and the migration that chains the records
that existed before the chain."""

import datetime
import threading
import time

import pytest
from django.db import IntegrityError
from django.db import connection
from django.db import transaction
from django.db.migrations.executor import MigrationExecutor
from oscar.test.factories import OrderFactory

from shop.agreements.selectors import acceptance_chain_verify
from shop.agreements.services import acceptance_records_create
from shop.models import AcceptanceRecord
from shop.models import AgreementKind
from shop.models.agreements import CHAIN_START
from tests.conftest import migration_data_restore
from tests.factories import AgreementFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import published_version

# Each test commits for real and flushes the database afterwards; the module puts back what the
# migrations wrote when it is done.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_THE_CHAIN = ("shop", "0009_orderedservice_verwaltung_dienst_index")


@pytest.fixture(scope="module", autouse=True)
def _restored(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        migration_data_restore()


@pytest.fixture
def acceptance():
    """What an acceptance needs besides the order: a published version, a person, a
    Verwaltung."""
    return {
        "versions": [
            published_version(
                agreement=AgreementFactory(kind=AgreementKind.TERMS_OF_USE, title="ANB"),
                version="1.0",
                valid_from=datetime.date(2025, 1, 1),
            )
        ],
        "user": UserFactory(email="amt@kommune.example"),
        "verwaltung": VerwaltungFactory(name="Amt Hüttener Berge"),
    }


def test_two_orders_appending_at_once_keep_one_chain(acceptance):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writes are tested on PostgreSQL (DATABASE_URL=postgres://…).")
    orders = {"first": OrderFactory(), "second": OrderFactory()}
    first_appended = threading.Event()
    outcome: dict[str, str] = {}

    def append(name: str) -> None:
        try:
            with transaction.atomic():
                acceptance_records_create(order=orders[name], ip_address=None, **acceptance)
                if name == "first":
                    first_appended.set()
                    # Keep the transaction open: without the chain lock the second one would
                    # read the same (committed) head now and number its record 1 as well.
                    time.sleep(0.5)
            outcome[name] = "committed"
        except IntegrityError:
            outcome[name] = "refused"
        finally:
            connection.close()

    first = threading.Thread(target=append, args=("first",))
    first.start()
    assert first_appended.wait(timeout=30)
    second = threading.Thread(target=append, args=("second",))
    second.start()
    first.join(timeout=30)
    second.join(timeout=30)

    assert outcome == {"first": "committed", "second": "committed"}
    records = AcceptanceRecord.objects.order_by("sequence")
    assert [(r.order_id, r.sequence) for r in records] == [
        (orders["first"].pk, 1),
        (orders["second"].pk, 2),
    ]
    assert acceptance_chain_verify().intact


def test_the_migration_chains_the_records_that_existed_before_it(acceptance):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_THE_CHAIN])
    try:
        old_apps = executor.loader.project_state([BEFORE_THE_CHAIN]).apps
        OldAcceptanceRecord = old_apps.get_model("shop", "AcceptanceRecord")
        accepted_at = datetime.datetime(2025, 6, 1, 8, tzinfo=datetime.UTC)
        old_ids = [
            OldAcceptanceRecord.objects.create(
                order_id=OrderFactory().pk,
                agreement_version_id=acceptance["versions"][0].pk,
                text_sha256=acceptance["versions"][0].text_sha256,
                user_id=acceptance["user"].pk,
                person_name="Erika Muster",
                person_email="amt@kommune.example",
                verwaltung_id=acceptance["verwaltung"].pk,
                verwaltung_name="Amt Hüttener Berge",
                accepted_at=accepted_at + datetime.timedelta(minutes=minutes),
                ip_address="192.0.2.10",
            ).pk
            for minutes in (0, 5, 10)
        ]
    finally:
        # Forward to the newest migrations, not only to the chain's: later migrations' tables
        # were dropped on the way back and the tests after this one need them.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    records = list(AcceptanceRecord.objects.order_by("sequence"))
    assert [(r.pk, r.sequence) for r in records] == list(zip(old_ids, [1, 2, 3], strict=True))
    assert records[0].previous_hash == CHAIN_START
    report = acceptance_chain_verify()
    assert (report.intact, report.checked) == (True, 3)
    # New records continue the chain.
    acceptance_records_create(order=OrderFactory(), ip_address=None, **acceptance)
    assert AcceptanceRecord.objects.order_by("-sequence").first().sequence == 4
    assert acceptance_chain_verify().intact
    if connection.vendor == "postgresql":
        # The immutability trigger is back after the migration switched it off.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tgenabled FROM pg_trigger WHERE tgname = 'shop_acceptancerecord_immutable'"
            )
            assert cursor.fetchone() == ("O",)
