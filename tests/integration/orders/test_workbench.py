"""The dashboard's start page as the fulfilment workbench (shop.orders.staff.workbench_for_staff):
the services per open status, oldest first with their age, the due start dates, the unread
Rückfragen, links into the filtered order list; who sees it; a fixed number of queries. Also the
order list's count, the list's new filters and the typed XLSX export."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from shop.models import OrderDetails
from shop.orders.messages import order_message_post
from shop.orders.rollout import lines_status_change
from shop.orders.staff import WORKBENCH_STATUSES
from shop.orders.staff import workbench_for_staff
from shop.oscar_models import Order
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.responses import queries_for
from tests.responses import redirect_target

INDEX = "/shop/dashboard/"
LIST_URL = "/shop/dashboard/orders/"
WEBSHOP_WORDS = ("Webshop", "Umsatz", "Kunden", "Lager", "Gutschein", "oscar.png", "Verwalten")


def _place(*, member, amt, title, days_ago, start_in_days=30):
    order = order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst_create(title=title)],
        wished_start_date=timezone.localdate() + datetime.timedelta(1),
    )
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(days=days_ago)
    )
    # The checkout allows no start in the past; time has moved on since.
    OrderDetails.objects.filter(order=order).update(
        wished_start_date=timezone.localdate() + datetime.timedelta(start_in_days)
    )
    return order


@pytest.fixture
def world(db, fulfilment):
    """Wohngeld (5 days old, start 3 days overdue, an unread question), Elterngeld (12 days,
    In Prüfung, start in 10 days), Kfz (40 days, Live, start overdue: no longer due),
    Bauantrag (2 days, start in 60 days, a question already read)."""
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2, name="Amt Hüttener Berge")
    member = member_create(verwaltung=amt)
    wohngeld = _place(member=member, amt=amt, title="Wohngeld", days_ago=5, start_in_days=-3)
    elterngeld = _place(member=member, amt=amt, title="Elterngeld", days_ago=12, start_in_days=10)
    kfz = _place(member=member, amt=amt, title="Kfz", days_ago=40, start_in_days=-20)
    bauantrag = _place(member=member, amt=amt, title="Bauantrag", days_ago=2, start_in_days=60)
    lines_status_change(
        lines=list(elterngeld.lines.all()), new_status="In Prüfung", user=fulfilment
    )
    for status in ("In Prüfung", "In Umsetzung", "Im Test"):
        lines_status_change(lines=list(kfz.lines.all()), new_status=status, user=fulfilment)
    lines_status_change(
        lines=list(kfz.lines.all()),
        new_status="Live",
        user=fulfilment,
        service_url="https://kfz.example/amt",
    )
    order_message_post(
        details=wohngeld.ozg_details, author=member, text="Wann geht es los?", from_staff=False
    )
    read = order_message_post(
        details=bauantrag.ozg_details, author=member, text="Schon gelesen", from_staff=False
    )
    read.read_at = timezone.now()
    read.save()
    return {
        "amt": amt,
        "member": member,
        "wohngeld": wohngeld,
        "elterngeld": elterngeld,
        "kfz": kfz,
        "bauantrag": bauantrag,
    }


def test_the_queue_counts_open_services_per_status_oldest_first(world):
    bench = workbench_for_staff()

    queues = {queue.status: queue for queue in bench.queues}
    # A queue per open status, in the pipeline's order (tests/unit/orders/test_rollout_pipeline.py).
    assert tuple(queues) == WORKBENCH_STATUSES
    assert queues["Eingegangen"].count == 2
    assert queues["Eingegangen"].oldest_age_days == 5
    assert [line.title for line in queues["Eingegangen"].lines] == ["Wohngeld", "Bauantrag"]
    assert [line.age_days for line in queues["Eingegangen"].lines] == [5, 2]
    assert queues["In Prüfung"].count == 1
    assert queues["In Prüfung"].lines[0].verwaltung == "Amt Hüttener Berge"
    assert queues["In Umsetzung"].count == 0
    assert queues["In Umsetzung"].oldest_age_days is None


def test_due_start_dates_are_open_ones_within_two_weeks_overdue_first(world):
    bench = workbench_for_staff()

    assert [due.order_number for due in bench.due] == [
        world["wohngeld"].number,
        world["elterngeld"].number,
    ]
    assert bench.due_count == 2
    assert bench.due[0].overdue_days == 3
    assert bench.due[1].days_left == 10
    assert bench.due[0].open_lines == 1


def test_unread_questions_are_the_municipalitys_not_yet_read(world):
    bench = workbench_for_staff()

    assert [thread.order_number for thread in bench.unread] == [world["wohngeld"].number]
    assert bench.unread_count == 1
    assert bench.unread[0].unread == 1


def test_fulfilment_sees_the_workbench_with_links_into_the_order_list(client, fulfilment, world):
    client.force_login(fulfilment)

    response = client.get(INDEX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Arbeitsvorrat</h1>" in html
    assert f'href="{LIST_URL}?status=Eingegangen"><strong>2</strong> Eingegangen</a>' in html
    assert f'href="{LIST_URL}?status=In%20Pr%C3%BCfung"><strong>1</strong> In Prüfung' in html
    assert "ältester seit 5 Tagen" in html
    assert "überfällig seit 3 Tagen" in html
    assert "in 10 Tagen" in html
    assert "Fällige Starttermine (2)" in html
    assert "Ungelesene Rückfragen (1)" in html
    assert f'href="{LIST_URL}?start_due=on"' in html
    assert f'href="{LIST_URL}?unread=on"' in html
    assert f"/umsetzung/bestellungen/{world['wohngeld'].number}/rueckfragen/" in html
    assert ">OZG-Dienste-Shop</a>" in html
    for word in WEBSHOP_WORDS:
        assert word not in html, word


def test_the_order_list_filters_lead_to_the_same_orders(client, fulfilment, world):
    client.force_login(fulfilment)

    due = client.get(LIST_URL, {"start_due": "on"}).context["orders"]
    unread = client.get(LIST_URL, {"unread": "on"}).context["orders"]

    assert {order.number for order in due} == {
        world["wohngeld"].number,
        world["elterngeld"].number,
    }
    assert [order.number for order in unread] == [world["wohngeld"].number]


def test_the_order_list_heading_counts_the_orders(client, fulfilment, world):
    client.force_login(fulfilment)

    html = client.get(LIST_URL).content.decode()
    assert "4 Bestellungen</h2>" in html
    html = client.get(LIST_URL, {"unread": "on"}).content.decode()
    assert "1 Bestellung</h2>" in html


def test_staff_without_the_order_permission_see_no_order_data(client, world):
    client.force_login(UserFactory(is_staff=True))

    response = client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "keine Berechtigung, Bestellungen zu sehen" in html
    assert world["wohngeld"].number not in html


def test_municipal_members_do_not_get_the_workbench(client, world):
    client.force_login(world["member"])

    response = client.get(INDEX)

    assert response.status_code in (302, 403)
    assert world["wohngeld"].number not in response.content.decode()


def test_anonymous_people_are_sent_to_the_login(client, world):
    assert "login" in redirect_target(client.get(INDEX))


def test_the_workbench_takes_a_fixed_number_of_queries(client, fulfilment, world):
    client.force_login(fulfilment)
    few = queries_for(client, INDEX)
    amt, member = world["amt"], world["member"]
    for number in range(30):
        order = _place(member=member, amt=amt, title=f"Dienst {number}", days_ago=number % 7)
        order_message_post(details=order.ozg_details, author=member, text="Frage", from_staff=False)
        if number % 3 == 0:
            lines_status_change(
                lines=list(order.lines.all()), new_status="In Prüfung", user=fulfilment
            )

    assert queries_for(client, INDEX) == few
    assert "Ungelesene Rückfragen (31)" in client.get(INDEX).content.decode()


def test_the_xlsx_export_has_date_and_number_cells(client, fulfilment, world):
    client.force_login(fulfilment)

    response = client.get(LIST_URL, {"export": "xlsx", "unread": "on"})

    sheet = load_workbook(io.BytesIO(response.content))["Bestellungen"]
    header, row = [cell.value for cell in sheet[1]], sheet[2]
    cell = dict(zip(header, row, strict=True))
    assert cell["Bestellnummer"].value == int(world["wohngeld"].number)
    assert cell["Bestellnummer"].data_type == "n"
    assert isinstance(cell["Bestellt am"].value, datetime.datetime)
    assert cell["Bestellt am"].is_date
    assert cell["Bestellt am"].number_format == "DD.MM.YYYY HH:MM"
    assert cell["Bestellt am"].value.date() == timezone.localdate() - datetime.timedelta(5)
    assert cell["Gewünschter Start"].is_date
    assert cell["Gewünschter Start"].value.date() == timezone.localdate() - datetime.timedelta(3)
    assert cell["Gewünschter Start"].number_format == "DD.MM.YYYY"
    assert cell["Anzahl Gemeinden"].value == 2
    assert cell["Anzahl Gemeinden"].data_type == "n"
    # Keys keep their leading zeros: text.
    assert cell["Regionalschlüssel"].data_type == "s"


def test_the_csv_export_writes_german_dates(client, fulfilment, world):
    client.force_login(fulfilment)

    text = client.get(LIST_URL, {"export": "csv", "unread": "on"}).content.decode()

    start = timezone.localdate() - datetime.timedelta(3)
    assert f";{start:%d.%m.%Y}\r\n" in text


def test_a_queue_of_orders_placed_today_says_so(client, fulfilment, db):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=1, name="Amt Hüttener Berge")
    _place(member=member_create(verwaltung=amt), amt=amt, title="Wohngeld", days_ago=0)
    client.force_login(fulfilment)

    html = client.get(INDEX).content.decode()

    assert "alle von heute" in html
    assert "seit 0 Tagen" not in html
