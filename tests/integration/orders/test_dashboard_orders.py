"""Oscar's order dashboard as the rollout workbench: filters, search, export, the order page
and status changes, for fulfilment staff."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from shop.models import OrderedService
from shop.models import RolloutEvent
from shop.oscar_models import Order
from tests.factories import GemeindeFactory
from tests.factories import KreisFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish

LIST_URL = "/shop/dashboard/orders/"


@pytest.fixture
def world(db):
    terms_of_use_publish()
    nord = KreisFactory(name="Kreis Nord")
    sued = KreisFactory(name="Kreis Süd")
    amt = VerwaltungFactory(name="Amt Hüttener Berge", kreis=nord)
    ascheffel = GemeindeFactory(verwaltung=amt, name="Ascheffel")
    GemeindeFactory(verwaltung=amt, name="Bünsdorf")
    stadt = VerwaltungFactory(name="Stadt Südhafen", kind="amtsfreie_gemeinde", kreis=sued)
    GemeindeFactory(verwaltung=stadt, name="Südhafen")
    wohngeld, elterngeld = dienst_create(title="Wohngeld"), dienst_create(title="Elterngeld")
    amt_order = order_place(
        user=member_create(verwaltung=amt), verwaltung=amt, dienste=[wohngeld, elterngeld]
    )
    stadt_order = order_place(
        user=member_create(verwaltung=stadt), verwaltung=stadt, dienste=[elterngeld]
    )
    Order.objects.filter(pk=stadt_order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(days=40)
    )
    return {
        "amt": amt,
        "stadt": stadt,
        "nord": nord,
        "ascheffel": ascheffel,
        "wohngeld": wohngeld,
        "amt_order": amt_order,
        "stadt_order": stadt_order,
    }


def listed(client, **params) -> set[str]:
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    return {order.number for order in response.context["orders"]}


def test_list_filters(client, fulfilment, world):
    client.force_login(fulfilment)
    amt_no, stadt_no = world["amt_order"].number, world["stadt_order"].number
    assert listed(client) == {amt_no, stadt_no}
    assert listed(client, verwaltung=world["amt"].pk) == {amt_no}
    assert listed(client, kreis=world["nord"].pk) == {amt_no}
    assert listed(client, dienst=world["wohngeld"].pk) == {amt_no}
    assert listed(client, status="Eingegangen") == {amt_no, stadt_no}
    assert listed(client, status="Live") == set()
    today = timezone.localdate()
    assert listed(client, date_from=f"{today - datetime.timedelta(days=1):%d.%m.%Y}") == {amt_no}
    assert listed(client, date_to=f"{today - datetime.timedelta(days=30):%d.%m.%Y}") == {stadt_no}


def test_list_search(client, fulfilment, world):
    client.force_login(fulfilment)
    amt_no = world["amt_order"].number
    assert listed(client, text=amt_no) == {amt_no}
    assert listed(client, text="hüttener") == {amt_no}
    assert listed(client, text=world["amt"].regional_key) == {amt_no}
    assert listed(client, text=world["ascheffel"].ags) == {amt_no}
    assert listed(client, text=world["ascheffel"].ars) == {amt_no}
    assert listed(client, text="gibt es nicht") == set()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "Erledigt"}, "Diesen Status gibt es nicht."),
        ({"verwaltung": "999999"}, "Diese Verwaltung gibt es nicht."),
        ({"kreis": "abc"}, "Diesen Kreis gibt es nicht."),
        ({"date_from": "31.02.2026"}, "TT.MM.JJJJ"),
        ({"date_from": "02.01.2026", "date_to": "01.01.2026"}, "Das Ende liegt vor dem Anfang."),
    ],
)
def test_bad_filters_are_reported_not_failed(client, fulfilment, world, params, message):
    client.force_login(fulfilment)
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_csv_and_xlsx_export_what_the_list_shows(client, fulfilment, world):
    client.force_login(fulfilment)
    response = client.get(LIST_URL, {"verwaltung": world["amt"].pk, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["Bestellnummer", "Bestellt am", "Status der Bestellung", "Verwaltung"]
    assert len(rows) == 3  # header + the Amt's two services
    assert {row[7] for row in rows[1:]} == {"Wohngeld", "Elterngeld"}
    assert all(row[3] == "Amt Hüttener Berge" for row in rows[1:])
    assert "Ascheffel" in rows[1][9]

    response = client.get(LIST_URL, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Bestellungen"]
    values = list(sheet.values)
    assert values[0][0] == "Bestellnummer"
    assert len(values) == 4  # header + 3 services in both orders


def test_export_neutralises_formulas(client, fulfilment, world):
    world["amt"].name = '=HYPERLINK("http://böse.example")'
    world["amt"].save()
    client.force_login(fulfilment)
    text = client.get(LIST_URL, {"export": "csv"}).content.decode()
    assert "'=HYPERLINK" in text


def test_list_query_count_does_not_grow_with_orders(client, fulfilment, world):
    client.force_login(fulfilment)
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL)
    amt = world["amt"]
    user = member_create(verwaltung=amt)
    for _ in range(98):
        order_place(user=user, verwaltung=amt, dienste=[dienst_create()])
    # The orders started a new generation: the filter's options are read once more.
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST_URL)
    assert len(response.context["orders"]) == 20  # one page
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_order_page_shows_the_municipal_details(client, fulfilment, world):
    client.force_login(fulfilment)
    order = world["amt_order"]
    response = client.get(reverse("dashboard:order-detail", kwargs={"number": order.number}))
    content = response.content.decode()
    for text in (
        "Amt Hüttener Berge",
        "Kreis Nord",
        "Ascheffel",
        "Bünsdorf",
        "postfach@amt.example",
        "Frau Datenschutz",
        "Allgemeine Nutzungsbedingungen",
        order.acceptance_records.get().text_sha256,
        "192.0.2.10",
        "Rückfragen zu dieser Bestellung",
    ):
        assert text in content, text


def test_order_pages_have_german_breadcrumbs(client, fulfilment, world):
    """Oscar's breadcrumbs are labelled "breadcrumb" and end in "#100001"; its heading says
    "Bestellung Nr. 100001"."""
    client.force_login(fulfilment)
    number = world["amt_order"].number
    listing = client.get(reverse("dashboard:order-list")).content.decode()
    detail = client.get(reverse("dashboard:order-detail", kwargs={"number": number})).content
    detail = detail.decode()
    messages = client.get(reverse("shop_staff_orders:messages", kwargs={"number": number}))
    messages = messages.content.decode()

    for page in (listing, detail, messages):
        assert '<nav aria-label="Brotkrümelnavigation">' in page
        assert 'aria-label="breadcrumb"' not in page
    assert f'aria-current="page">Bestellung {number}</li>' in detail
    assert f"<h1>Bestellung {number}</h1>" in detail  # as on the municipal pages, not "Nr. …"
    assert f'<a href="{reverse("dashboard:order-list")}">Bestellungen</a>' in detail
    order_url = reverse("dashboard:order-detail", kwargs={"number": number})
    assert f'<a href="{order_url}">Bestellung {number}</a>' in messages


def test_order_page_moves_lines_and_mails(
    client, fulfilment, world, django_capture_on_commit_callbacks
):
    client.force_login(fulfilment)
    order = world["amt_order"]
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})
    lines = list(order.lines.order_by("pk"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "line_action": "change_line_statuses",
                "selected_line": [line.pk for line in lines],
                "new_status": "In Prüfung",
            },
            follow=True,
        )
    assert "auf „In Prüfung“ gesetzt" in response.content.decode()
    assert {line.status for line in order.lines.all()} == {"In Prüfung"}
    order.refresh_from_db()
    assert order.status == "In Prüfung"
    assert len(mail.outbox) == 2
    assert RolloutEvent.objects.filter(changed_by=fulfilment).count() == 2
    assert order.notes.filter(message__contains="In Prüfung").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"new_status": "Live"}, "kann nicht von „Eingegangen“ auf „Live“ gesetzt werden"),
        ({"new_status": "Abgelehnt"}, "Begründung"),
        ({"new_status": ""}, "Bitte wählen Sie den neuen Status."),
        ({"new_status": "Erledigt"}, "Diesen Status gibt es nicht."),
    ],
)
def test_order_page_refuses_with_a_message(client, fulfilment, world, data, message):
    client.force_login(fulfilment)
    order = world["amt_order"]
    line = order.lines.first()
    response = client.post(
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        {"line_action": "change_line_statuses", "selected_line": [line.pk], **data},
        follow=True,
    )
    assert message in response.content.decode()
    line.refresh_from_db()
    assert line.status == "Eingegangen"


def test_live_needs_the_address_on_the_order_page(client, fulfilment, world):
    client.force_login(fulfilment)
    order = world["amt_order"]
    line = order.lines.first()
    line.status = "Im Test"
    line.save()
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})
    post = {"line_action": "change_line_statuses", "selected_line": [line.pk], "new_status": "Live"}
    response = client.post(url, post, follow=True)
    assert "dauerhafte Adresse" in response.content.decode()
    client.post(url, {**post, "service_url": "https://amt.example/wohngeld"})
    assert OrderedService.objects.get(line=line).service_url == "https://amt.example/wohngeld"


def test_lines_of_another_order_cannot_be_moved(client, fulfilment, world):
    client.force_login(fulfilment)
    other_line = world["stadt_order"].lines.first()
    url = reverse("dashboard:order-detail", kwargs={"number": world["amt_order"].number})
    response = client.post(
        url,
        {
            "line_action": "change_line_statuses",
            "selected_line": [other_line.pk],
            "new_status": "In Prüfung",
        },
        follow=True,
    )
    assert "Bitte wählen Sie die Dienste dieser Bestellung aus." in response.content.decode()
    other_line.refresh_from_db()
    assert other_line.status == "Eingegangen"


def test_oscars_own_order_status_change_is_not_offered(client, fulfilment, world):
    client.force_login(fulfilment)
    order = world["amt_order"]
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})
    client.post(url, {"order_action": "change_order_status", "new_status": "Live"})
    order.refresh_from_db()
    assert order.status == "Eingegangen"


def test_oscars_line_page_leads_to_the_line_on_its_order_page(client, fulfilment, world):
    """Oscar's page of one line is about products, shipping and payment."""
    client.force_login(fulfilment)
    order = world["amt_order"]
    line = order.lines.get(title="Elterngeld")
    order_page = reverse("dashboard:order-detail", kwargs={"number": order.number})
    line_page = reverse(
        "dashboard:order-line-detail", kwargs={"number": order.number, "line_id": line.pk}
    )

    response = client.get(line_page)

    assert response.status_code == 302
    assert response["Location"] == f"{order_page}#dienst-{line.pk}"
    assert f'<tr id="dienst-{line.pk}">' in client.get(order_page).content.decode()
    other_order = reverse(
        "dashboard:order-line-detail",
        kwargs={"number": world["stadt_order"].number, "line_id": line.pk},
    )
    assert client.get(other_order).status_code == 404


def test_unread_questions_are_shown_in_list_and_order_page(client, fulfilment, world):
    from shop.orders.messages import order_message_post

    order = world["amt_order"]
    order_message_post(
        details=order.ozg_details, author=order.user, text="Wann geht es los?", from_staff=False
    )
    client.force_login(fulfilment)
    assert "1 neu" in client.get(LIST_URL).content.decode()
    detail = client.get(reverse("dashboard:order-detail", kwargs={"number": order.number}))
    assert "Rückfragen zu dieser Bestellung (1 neu)" in detail.content.decode()


def test_the_filter_marks_what_is_chosen_and_shows_new_options_at_once(client, fulfilment, world):
    """The options are kept per generation of the coverage report (OptionsSelect): a new
    Verwaltung or service is offered on the next request."""
    client.force_login(fulfilment)
    amt = world["amt"]
    client.get(LIST_URL)
    verwaltung = VerwaltungFactory(name="Amt Neu im Verzeichnis")
    dienst = dienst_create()

    html = client.get(LIST_URL, {"verwaltung": amt.pk, "status": "Live"}).content.decode()

    assert f'<option value="{amt.pk}" selected>' in html
    assert '<option value="Live" selected>' in html
    verwaltung_select = html.split('<select name="verwaltung"')[1].split("</select>")[0]
    assert verwaltung_select.count(" selected>") == 1
    assert f'<option value="{verwaltung.pk}">Amt Neu im Verzeichnis (Amt)</option>' in html
    assert f'<option value="{dienst.pk}">' in html
