"""The acceptance records' chain across transactions: two orders appending at the same moment
(PostgreSQL; SQLite lets one writer in at a time)."""

import datetime
import threading
import time

import pytest
from django.db import IntegrityError
from django.db import connection
from django.db import transaction
from oscar.test.factories import OrderFactory

from shop.agreements.selectors import acceptance_chain_verify
from shop.agreements.services import acceptance_records_create
from shop.models import AcceptanceRecord
from shop.models import AgreementKind
from tests.conftest import migration_data_restore
from tests.factories import AgreementFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import published_version

# Each test commits for real and flushes the database afterwards; the module puts back what the
# migrations wrote when it is done.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
