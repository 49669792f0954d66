"""The history of each ordered service under Meine Dienste (order page and members' API) and the
overview's export as CSV and XLSX: dates, who changed what (the rollout team only as
"ITVSH/Dataport", members by name), the same filters as the page, nothing of another
Verwaltung, and a fixed number of queries however many services and changes."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from shop.accounts.services import membership_ensure_approved
from shop.models import Membership
from shop.models import RolloutEvent
from shop.orders.rollout import lines_status_change
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.orders import LIVE_URL
from tests.orders import order_url
from tests.responses import page_text
from tests.responses import queries_for
from tests.responses import redirect_target

pytestmark = pytest.mark.django_db

CSV_URL = "/konto/meine-dienste/export.csv"
XLSX_URL = "/konto/meine-dienste/export.xlsx"


def local(moment: datetime.datetime, pattern: str = "%d.%m.%Y, %H:%M") -> str:
    return timezone.localtime(moment).strftime(pattern)


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(io.BytesIO(response.content))["Meine Dienste"].values)


@pytest.fixture
def moved(order, fulfilment, member):
    """The order's Wohngeld moved by the rollout team to In Prüfung, In Umsetzung, Im Test and
    Live; then a change recorded as the member's own (as a withdrawal would be)."""
    line = order.lines.get()
    for status in ("In Prüfung", "In Umsetzung", "Im Test"):
        lines_status_change(lines=[line], new_status=status, user=fulfilment)
    lines_status_change(lines=[line], new_status="Live", user=fulfilment, service_url=LIVE_URL)
    lines_status_change(
        lines=[line],
        new_status="Storniert",
        user=member,
        reason="Wird nicht mehr gebraucht.",
        by_staff=False,
    )
    return order


# The order page


def timeline_rows(text: str) -> list[list[str]]:
    """The cells of the history tables' body rows, as text."""
    timeline = text[text.index('id="verlauf"') : text.index("Ansprechpersonen der Bestellung")]
    return [
        [
            " ".join(re.sub(r"<[^>]+>", "", cell).split())
            for cell in re.findall(r">(.*?)</t[hd]>", row)
        ]
        for body in re.findall(r"<tbody[^>]*>(.*?)</tbody>", timeline)
        for row in re.findall(r"<tr class=\"kern-table__row\">(.*?)</tr>", body)
    ]


def test_order_page_shows_each_change_with_date_and_actor_staff_anonymised(client, member, moved):
    client.force_login(member)

    text = page_text(client.get(order_url(moved)))

    events = list(RolloutEvent.objects.order_by("created_at", "pk"))
    assert timeline_rows(text) == [
        [
            f"{local(moved.date_placed)} Uhr",
            "bestellt, Status „Eingegangen“",
            "Hanna Hüttmann",
            "–",
        ],
        *(
            [f"{local(event.created_at)} Uhr", *cells]
            for event, cells in zip(
                events,
                [
                    ["von „Eingegangen“ auf „In Prüfung“", "ITVSH/Dataport", "–"],
                    ["von „In Prüfung“ auf „In Umsetzung“", "ITVSH/Dataport", "–"],
                    ["von „In Umsetzung“ auf „Im Test“", "ITVSH/Dataport", "–"],
                    ["von „Im Test“ auf „Live“", "ITVSH/Dataport", LIVE_URL],
                    ["von „Live“ auf „Storniert“", "Hanna Hüttmann", "Wird nicht mehr gebraucht."],
                ],
                strict=True,
            )
        ),
    ]
    assert f'<time datetime="{timezone.localtime(events[0].created_at).isoformat()}"' in text
    assert "Fiete" not in text and "fiete@land.example" not in text
    assert 'id="tabelle-verlauf-' in text


def test_a_change_by_nobody_counts_as_the_rollout_team(client, member, order):
    lines_status_change(lines=list(order.lines.all()), new_status="In Prüfung", user=None)
    client.force_login(member)

    rows = timeline_rows(page_text(client.get(order_url(order))))

    assert [row[1:3] for row in rows] == [
        ["bestellt, Status „Eingegangen“", "Hanna Hüttmann"],
        ["von „Eingegangen“ auf „In Prüfung“", "ITVSH/Dataport"],
    ]


def test_the_actor_kind_is_recorded_with_the_change(order, fulfilment, member):
    line = order.lines.get()
    lines_status_change(lines=[line], new_status="In Prüfung", user=fulfilment)
    lines_status_change(
        lines=[line], new_status="Storniert", user=member, reason="x", by_staff=False
    )

    assert list(RolloutEvent.objects.values_list("changed_by", "by_staff")) == [
        (fulfilment.pk, True),
        (member.pk, False),
    ]


def test_order_page_queries_do_not_grow_with_services_and_changes(client, amt, member, fulfilment):
    small = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    lines_status_change(lines=list(small.lines.all()), new_status="In Prüfung", user=fulfilment)
    large = order_place(user=member, verwaltung=amt, dienste=[dienst_create() for _ in range(6)])
    lines = list(large.lines.all())
    for status in ("In Prüfung", "In Umsetzung", "Im Test"):
        lines_status_change(lines=lines, new_status=status, user=fulfilment)
    client.force_login(member)

    assert queries_for(client, order_url(large)) == queries_for(client, order_url(small))


# The members' API


def test_api_gives_the_history_of_each_service(client, member, moved):
    client.force_login(member)

    detail = client.get(f"/api/konto/bestellungen/{moved.number}").json()
    listed = client.get("/api/konto/bestellungen").json()["items"][0]
    service = client.get("/api/konto/dienste").json()["items"][0]

    history = detail["services"][0]["history"]
    assert [(entry["old_status"], entry["status"], entry["changed_by"]) for entry in history] == [
        (None, "Eingegangen", "Hanna Hüttmann"),
        ("Eingegangen", "In Prüfung", "ITVSH/Dataport"),
        ("In Prüfung", "In Umsetzung", "ITVSH/Dataport"),
        ("In Umsetzung", "Im Test", "ITVSH/Dataport"),
        ("Im Test", "Live", "ITVSH/Dataport"),
        ("Live", "Storniert", "Hanna Hüttmann"),
    ]
    assert history[4]["service_url"] == LIVE_URL
    assert history[5]["reason"] == "Wird nicht mehr gebraucht."
    assert [entry["service_url"] for entry in history[:4]] == [None] * 4
    first = datetime.datetime.fromisoformat(history[0]["at"])
    assert abs(first - moved.date_placed) < datetime.timedelta(milliseconds=1)
    assert listed["services"][0]["history"] == history
    assert service["history"] == history
    assert "Fiete" not in str(detail) and "fiete@" not in str(detail)


# The export of the overview


def test_csv_export_has_the_rows_of_the_page(client, amt, member, moved):
    other = order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Postfach")])
    client.force_login(member)

    response = client.get(CSV_URL)

    rows = csv_rows(response)
    assert 'attachment; filename="meine-dienste-huettener-berge-' in response["Content-Disposition"]
    # The header line as a spreadsheet reads it: the columns' names, none quoted.
    assert response.content.decode("utf-8").splitlines()[0] == (
        "\ufeffDienst;eingerichtet für;Gemeinden bestellt;Gemeinden live;"
        "Status der neuesten Bestellung;Adresse des Dienstes;letzte Änderung;neueste Bestellung;"
        "Anzahl Bestellungen"
    )
    last_change = RolloutEvent.objects.order_by("created_at").last().created_at
    assert rows[1:] == [
        [
            "Postfach",
            "live in 0 von 3 Gemeinden",
            "3",
            "0",
            "Eingegangen",
            "",
            local(other.date_placed, "%d.%m.%Y %H:%M"),
            other.number,
            "1",
        ],
        [
            "Wohngeld",
            "keine aktive Bestellung",
            "0",
            "0",
            "Storniert",
            "",
            local(last_change, "%d.%m.%Y %H:%M"),
            moved.number,
            "1",
        ],
    ]


def test_xlsx_export_read_back_has_typed_cells(client, amt, member, order, fulfilment):
    line = order.lines.get()
    lines_status_change(lines=[line], new_status="In Prüfung", user=fulfilment)
    client.force_login(member)

    rows = xlsx_rows(client.get(XLSX_URL))

    changed = RolloutEvent.objects.get().created_at
    assert rows[0][0] == "Dienst"
    assert rows[1] == (
        "Wohngeld",
        "live in 0 von 3 Gemeinden",
        3,
        0,
        "In Prüfung",
        None,
        timezone.localtime(changed).replace(tzinfo=None, second=0, microsecond=0),
        int(order.number),
        1,
    )
    assert len(rows) == 2


def test_exports_take_the_status_filter_of_the_page(client, amt, member, order, fulfilment):
    order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Postfach")])
    lines_status_change(lines=list(order.lines.all()), new_status="In Prüfung", user=fulfilment)
    client.force_login(member)

    overview = page_text(client.get("/konto/meine-dienste/?status=In+Prüfung"))
    filtered = csv_rows(client.get(CSV_URL, {"status": "In Prüfung"}))
    xlsx = xlsx_rows(client.get(XLSX_URL, {"status": "In Prüfung"}))
    unknown = csv_rows(client.get(CSV_URL, {"status": "Erledigt"}))

    assert [row[0] for row in filtered[1:]] == ["Wohngeld"] == [row[0] for row in xlsx[1:]]
    assert "Postfach" not in overview and "Wohngeld" in overview
    assert f'href="{CSV_URL}?status=In+Pr%C3%BCfung"' in overview
    assert f'href="{XLSX_URL}?status=In+Pr%C3%BCfung"' in overview
    assert [row[0] for row in unknown[1:]] == ["Postfach", "Wohngeld"]  # ignored, as the page


def test_exports_of_the_chosen_verwaltung_and_404_for_another(client, amt, member, order):
    second = amt_with_gemeinden(count=1, name="Amt Zweite")
    membership_ensure_approved(user=member, verwaltung=second, role=Membership.Role.ORDERING)
    order_place(user=member, verwaltung=second, dienste=[dienst_create(title="Postfach")])
    foreign = amt_with_gemeinden(count=1, name="Amt Fremd")
    order_place(
        user=member_create(verwaltung=foreign),
        verwaltung=foreign,
        dienste=[dienst_create(title="Fremder Dienst")],
    )
    client.force_login(member)

    own = csv_rows(client.get(CSV_URL, {"verwaltung": second.pk}))
    overview = page_text(client.get("/konto/meine-dienste/", {"verwaltung": second.pk}))

    assert [row[0] for row in own[1:]] == ["Postfach"]
    assert f'href="{CSV_URL}?verwaltung={second.pk}"' in overview
    for url in (CSV_URL, XLSX_URL):
        response = client.get(url, {"verwaltung": foreign.pk})
        assert response.status_code == 404
        assert b"Fremder Dienst" not in response.content
        assert client.get(url, {"verwaltung": "x"}).status_code == 404


def test_without_membership_the_export_leads_to_the_overview(client, amt, order):
    client.force_login(UserFactory())

    for url in (CSV_URL, XLSX_URL):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/konto/meine-dienste/")


def test_anonymous_is_sent_to_sign_in(client, order):
    assert "login" in redirect_target(client.get(CSV_URL))


def test_export_queries_do_not_grow_with_services(client, amt, member, fulfilment):
    client.force_login(member)
    order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    one = {url: queries_for(client, url) for url in (CSV_URL, XLSX_URL)}
    for _ in range(30):
        order = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
        lines_status_change(lines=list(order.lines.all()), new_status="In Prüfung", user=fulfilment)

    assert {url: queries_for(client, url) for url in (CSV_URL, XLSX_URL)} == one
    assert len(csv_rows(client.get(CSV_URL))) == 32  # all rows, not a page of 25
