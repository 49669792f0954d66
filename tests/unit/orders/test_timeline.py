"""The history of an ordered service as the Verwaltung reads it, and the spreadsheets of the
exports, without the database: who changed a status (the rollout team only as "ITVSH/Dataport",
members by name), the entry of the order itself, the wording of the overview's coverage column,
and CSV and XLSX cells (German dates, real date cells, formulas neutralised)."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from shop.models import RolloutEvent
from shop.models import User
from shop.orders.selectors import STAFF_ACTOR
from shop.orders.selectors import UNKNOWN_MEMBER
from shop.orders.selectors import DienstSummary
from shop.orders.selectors import service_timeline
from shop.orders.selectors import timeline_actor
from shop.spreadsheets import Table
from shop.spreadsheets import table_csv
from shop.spreadsheets import table_xlsx

UTC = datetime.UTC
HANNA = User(first_name="Hanna", last_name="Hüttmann", email="hanna@amt.example")
FIETE = User(first_name="Fiete", last_name="Fulfilment", email="fiete@land.example")


class Placed:
    """What service_timeline reads of an order."""

    def __init__(self, *, user, date_placed):
        self.user = user
        self.date_placed = date_placed


@pytest.mark.parametrize(
    ("user", "by_staff", "actor"),
    [
        (FIETE, True, "ITVSH/Dataport"),
        (None, True, "ITVSH/Dataport"),
        (HANNA, False, "Hanna Hüttmann"),
        (User(email="ohne.namen@amt.example"), False, "ohne.namen@amt.example"),
        (None, False, UNKNOWN_MEMBER),
    ],
)
def test_the_actor_is_the_rollout_team_without_name_or_the_member_by_name(user, by_staff, actor):
    assert timeline_actor(user=user, by_staff=by_staff) == actor


def test_staff_is_anonymised_even_when_the_person_has_a_name():
    assert STAFF_ACTOR == "ITVSH/Dataport"
    assert "Fiete" not in timeline_actor(user=FIETE, by_staff=True)


def test_the_timeline_starts_with_the_order_and_lists_each_change_in_order():
    placed = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    events = [
        RolloutEvent(
            old_status="Eingegangen",
            new_status="In Prüfung",
            changed_by=FIETE,
            by_staff=True,
            created_at=placed + datetime.timedelta(days=1),
        ),
        RolloutEvent(
            old_status="In Prüfung",
            new_status="Storniert",
            reason="Doppelt bestellt.",
            changed_by=HANNA,
            by_staff=False,
            created_at=placed + datetime.timedelta(days=2),
        ),
    ]

    entries = service_timeline(order=Placed(user=HANNA, date_placed=placed), events=events)

    assert [(e.at, e.old_status, e.status, e.actor, e.reason) for e in entries] == [
        (placed, "", "Eingegangen", "Hanna Hüttmann", ""),
        (events[0].created_at, "Eingegangen", "In Prüfung", "ITVSH/Dataport", ""),
        (events[1].created_at, "In Prüfung", "Storniert", "Hanna Hüttmann", "Doppelt bestellt."),
    ]


def summary(**fields) -> DienstSummary:
    values = {
        "dienst_id": 1,
        "title": "Wohngeld",
        "status": "Live",
        "order_number": "100001",
        "gemeinden_count": 3,
        "live_count": 2,
        "itself_count": 0,
        "live_url": "",
        "orders_count": 1,
        "last_change": datetime.datetime(2026, 3, 2, tzinfo=UTC),
    }
    return DienstSummary(**(values | fields))


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({}, "live in 2 von 3 Gemeinden"),
        ({"gemeinden_count": 1, "live_count": 0}, "live in 0 von 1 Gemeinde"),
        ({"gemeinden_count": 0, "itself_count": 1}, "für die Verwaltung selbst"),
        ({"gemeinden_count": 0, "live_count": 0}, "keine aktive Bestellung"),
    ],
)
def test_coverage_label_of_the_overview_and_its_export(fields, label):
    assert summary(**fields).coverage_label == label


TABLE = Table(
    title="Meine Dienste",
    header=("Dienst", "letzte Änderung", "Start", "Anzahl"),
    rows=[
        ("=HYPERLINK(1)", datetime.datetime(2026, 3, 2, 9, 30), datetime.date(2026, 4, 1), 3),
        ("Wohngeld", None, None, 0),
    ],
)


def test_csv_is_semicolon_separated_with_bom_and_german_dates():
    assert table_csv(table=TABLE) == (
        "\ufeffDienst;letzte Änderung;Start;Anzahl\r\n"
        "'=HYPERLINK(1);02.03.2026 09:30;01.04.2026;3\r\n"
        "Wohngeld;;;0\r\n"
    )


def test_xlsx_has_real_date_cells_in_german_notation_and_no_formulas():
    sheet = load_workbook(io.BytesIO(table_xlsx(table=TABLE)))["Meine Dienste"]

    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [
        ("Dienst", "letzte Änderung", "Start", "Anzahl"),
        ("'=HYPERLINK(1)", datetime.datetime(2026, 3, 2, 9, 30), datetime.datetime(2026, 4, 1), 3),
        ("Wohngeld", None, None, 0),
    ]
    assert (sheet["B2"].number_format, sheet["C2"].number_format) == (
        "DD.MM.YYYY HH:MM",
        "DD.MM.YYYY",
    )
    assert sheet.freeze_panes == "A2"


@pytest.mark.parametrize(
    ("recorded", "shown"),
    [(LIVE := "https://wohngeld.example/antrag", LIVE), ("javascript:alert(1)", "")],
)
def test_only_a_web_address_of_a_change_becomes_its_link(recorded, shown):
    placed = datetime.datetime(2026, 3, 2, tzinfo=UTC)
    event = RolloutEvent(
        old_status="Im Test", new_status="Live", service_url=recorded, created_at=placed
    )

    entries = service_timeline(order=Placed(user=HANNA, date_placed=placed), events=[event])

    assert entries[-1].service_url == shown
