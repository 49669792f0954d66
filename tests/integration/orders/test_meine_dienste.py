"""Meine Dienste: every approved member of a Verwaltung (bestellberechtigt or lesend) follows its
orders and ordered services, with status, Gemeinden, contacts, accepted agreements and, once live,
the service's address; nobody else sees any of it."""

import itertools
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.generations import ORDER_OVERVIEWS
from shop.models import Membership
from shop.models import OrderedService
from shop.models import ServiceCoverage
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import people_outside_create
from tests.orders import LIVE_URL
from tests.orders import order_url
from tests.responses import page_text
from tests.responses import queries_for

pytestmark = pytest.mark.django_db

OVERVIEW = "/konto/meine-dienste/"
ORDERS = "/konto/meine-dienste/bestellungen/"


def service_url(order) -> str:
    service = order.lines.get().ozg_service
    return reverse(
        "shop_orders:service",
        kwargs={"verwaltung_id": service.verwaltung_id, "dienst_id": service.dienst_id},
    )


def go_live(order, url: str = LIVE_URL):
    line = order.lines.get()
    line.status = "Live"
    line.save()
    service = line.ozg_service
    service.service_url = url
    service.save()


def headings(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])\b", html)]


def test_urls_and_names():
    assert reverse("shop_orders:overview") == OVERVIEW
    assert reverse("shop_orders:orders") == ORDERS
    assert reverse("shop_orders:order", kwargs={"number": "100001"}) == (
        "/konto/meine-dienste/bestellungen/100001/"
    )
    assert reverse("shop_orders:service", kwargs={"verwaltung_id": 3, "dienst_id": 7}) == (
        "/konto/meine-dienste/3/dienste/7/"
    )


@pytest.mark.parametrize("role", [Membership.Role.ORDERING, Membership.Role.READ_ONLY])
def test_every_approved_member_sees_overview_order_and_service(
    client, amt, order, role, wished_start
):
    client.force_login(member_create(verwaltung=amt, role=role))

    overview = page_text(client.get(OVERVIEW))
    assert "Hüttener Berge" in overview
    assert f"Ihre Rolle: {role}" in overview
    assert "Wohngeld</a>" in overview
    assert "3 Gemeinden" in overview
    assert "Eingegangen" in overview
    assert f'href="{order_url(order)}">Bestellung {order.number}</a>' in overview
    assert f'href="{service_url(order)}">Wohngeld</a>' in overview
    assert timezone.localtime(order.date_placed).strftime("%d.%m.%Y") in overview
    assert "Hanna Hüttmann" in overview

    detail = page_text(client.get(order_url(order)))
    assert f"Bestellung {order.number}</h1>" in detail
    assert f"{wished_start:%d.%m.%Y}" in detail
    assert "Bitte zuerst Ascheffel." in detail
    assert "Ascheffel, Bünsdorf, Holzbunge" in detail

    service = page_text(client.get(service_url(order)))
    assert "Wohngeld für Hüttener Berge</h1>" in service
    assert f"Bestellung {order.number}</a>" in service
    assert "Ascheffel, Bünsdorf, Holzbunge" in service


def test_order_page_shows_contacts_by_role_and_accepted_agreements(client, member, order):
    client.force_login(member)

    html = page_text(client.get(order_url(order)))

    roles = [
        "Fachliche Ansprechperson",
        "Technische Ansprechperson",
        "Funktionspostfach",
        "Datenschutz",
    ]
    assert [html.index(role) for role in roles] == sorted(html.index(role) for role in roles)
    assert "Frau Fachlich" in html
    assert "technik@amt.example" in html
    record = order.acceptance_records.select_related("agreement_version__agreement").get()
    assert "Allgemeine Nutzungsbedingungen" in html
    assert f">{record.agreement_version.version}<" in html
    assert record.text_sha256 in html
    assert len(record.text_sha256) == 64
    assert "Hanna Hüttmann" in html
    assert timezone.localtime(record.accepted_at).strftime("%d.%m.%Y, %H:%M Uhr") in html
    assert "Eingegangen" in html


def test_live_url_is_shown_only_once_the_service_is_live(client, member, order):
    client.force_login(member)
    service = order.lines.get().ozg_service
    service.service_url = LIVE_URL
    service.save()

    for url in (OVERVIEW, order_url(order), service_url(order)):
        html = page_text(client.get(url))
        assert LIVE_URL not in html
        assert "noch nicht live" in html

    go_live(order)

    for url in (OVERVIEW, order_url(order), service_url(order)):
        html = page_text(client.get(url))
        assert f'<a class="kern-link ozg-break-anywhere" href="{LIVE_URL}">' in html
        assert ">Live<" in html


def test_kreis_order_for_itself(client, kreis_order):
    client.force_login(kreis_order.user)

    for url in (OVERVIEW, order_url(kreis_order), service_url(kreis_order)):
        assert "für die Verwaltung selbst" in page_text(client.get(url))


def test_overview_empty_state_links_to_the_catalogue(client, amt):
    client.force_login(member_create(verwaltung=amt, role=Membership.Role.READ_ONLY))

    html = page_text(client.get(OVERVIEW))

    assert "Hüttener Berge hat noch keine Dienste bestellt." in html
    assert '<a class="kern-link" href="/dienste/">Dienste im Katalog ansehen</a>' in html
    assert "<table" not in html


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (None, "noch keiner Verwaltung zugeordnet"),
        (Membership.Status.REQUESTED, "wird noch geprüft"),
        (Membership.Status.REJECTED, "wurde abgelehnt"),
    ],
)
def test_overview_without_approved_membership_explains(client, amt, order, status, text):
    person = UserFactory()
    if status:
        Membership.objects.create(user=person, verwaltung=amt, status=status)
    client.force_login(person)

    html = page_text(client.get(OVERVIEW))

    assert text in html
    assert 'href="/konto/mitgliedschaften/"' in html
    assert "Wohngeld" not in html
    assert order.number not in html


def test_members_of_several_verwaltungen_choose_which_one_to_see(client, amt, order):
    other = amt_with_gemeinden(count=2, name="Amt Dänischer Wohld")
    person = member_create(verwaltung=amt, role=Membership.Role.READ_ONLY)
    Membership.objects.create(user=person, verwaltung=other, status=Membership.Status.APPROVED)
    other_order = order_place(
        user=member_create(verwaltung=other), verwaltung=other, dienste=[dienst_create()]
    )
    client.force_login(person)

    first = page_text(client.get(OVERVIEW))  # the first by name
    assert "Amt Dänischer Wohld</h2>" in first
    assert other_order.number in first
    assert order.number not in first
    assert f'<a class="kern-link" href="{OVERVIEW}?verwaltung={amt.pk}">Hüttener Berge</a>' in (
        first
    )

    chosen = page_text(client.get(OVERVIEW, {"verwaltung": amt.pk}))
    assert "Hüttener Berge</h2>" in chosen
    assert order.number in chosen
    assert other_order.number not in chosen
    assert '<strong aria-current="true">Hüttener Berge</strong>' in chosen
    # the filter and the list of all orders stay with the chosen Verwaltung
    assert f'<input type="hidden" name="verwaltung" value="{amt.pk}">' in chosen
    assert f'href="{ORDERS}?verwaltung={amt.pk}">Alle Bestellungen von Hüttener Berge</a>' in (
        chosen
    )
    orders = page_text(client.get(ORDERS, {"verwaltung": amt.pk}))
    assert order.number in orders
    assert other_order.number not in orders


def test_pages_of_another_verwaltung_are_404(client, amt, order):
    for person in people_outside_create(verwaltung=amt):
        client.force_login(person)
        assert client.get(order_url(order)).status_code == 404
        assert client.get(service_url(order)).status_code == 404
        assert order.number not in client.get(OVERVIEW).content.decode()
        assert order.number not in client.get(ORDERS).content.decode()
        for url in (OVERVIEW, ORDERS):
            response = client.get(url, {"verwaltung": amt.pk})
            assert response.status_code == 404
            assert "Seite nicht gefunden" in response.content.decode()
            assert order.number not in response.content.decode()
            assert client.get(url, {"verwaltung": "x"}).status_code == 404


def test_service_page_404_for_a_service_not_ordered_or_unknown_ids(client, amt, member, order):
    client.force_login(member)
    dienst = order.lines.get().ozg_service.dienst
    not_ordered = dienst_create()

    for verwaltung_id, dienst_id in [
        (amt.pk, not_ordered.pk),
        (amt.pk, 999_999),
        (999_999, dienst.pk),
        (amt.pk, 2**70),
    ]:
        url = reverse(
            "shop_orders:service", kwargs={"verwaltung_id": verwaltung_id, "dienst_id": dienst_id}
        )
        assert client.get(url).status_code == 404
    assert client.get(order_url(order) + "x/").status_code == 404
    assert client.get(reverse("shop_orders:order", kwargs={"number": "0" * 300})).status_code == (
        404
    )


def test_anonymous_is_sent_to_login(client, order):
    for url in (OVERVIEW, ORDERS, order_url(order), service_url(order)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("customer:login"))
        assert "next=" in response.url


def test_pages_are_read_only(client, member, order):
    client.force_login(member)
    for url in (OVERVIEW, ORDERS, order_url(order), service_url(order)):
        assert client.post(url).status_code == 405
        assert client.put(url).status_code == 405
        assert client.delete(url).status_code == 405


def test_pages_have_captions_scoped_headers_and_ordered_headings(client, member, order):
    client.force_login(member)
    for url in (OVERVIEW, ORDERS, order_url(order), service_url(order)):
        html = page_text(client.get(url))
        main = html[html.index("<main") : html.index("</main>")]
        levels = headings(main)
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
        assert main.count("<table") == main.count("<caption")
        assert "<th>" not in main
        assert all('scope="' in th for th in re.findall(r"<th\b[^>]*>", main))


def test_header_links_to_meine_dienste_for_signed_in_people(client, member):
    assert "Meine Dienste" not in client.get("/konto/registrieren/").content.decode()
    client.force_login(member)

    html = page_text(client.get(OVERVIEW))

    assert f'href="{OVERVIEW}" aria-current="page">Meine Dienste</a>' in html


def service_rows(html: str) -> int:
    """The rows of the table of ordered services (its body only)."""
    table = html[html.index('id="tabelle-dienste"') :]
    body = table[table.index("<tbody") : table.index("</tbody>")]
    return body.count("<tr ")


def test_overview_query_count_is_fixed_for_2_and_40_ordered_services(client, amt, member):
    client.force_login(member)
    dienste = [dienst_create(title=f"Dienst {number:02}") for number in range(40)]
    order_place(user=member, verwaltung=amt, dienste=dienste[:2])
    two = queries_for(client, OVERVIEW, computed=ORDER_OVERVIEWS)
    assert service_rows(page_text(client.get(OVERVIEW))) == 2

    order_place(user=member, verwaltung=amt, dienste=dienste[2:])
    forty = queries_for(client, OVERVIEW, computed=ORDER_OVERVIEWS)

    assert forty == two
    # Session, person, memberships; the ordered services (counted from the same rows); their
    # orders; the checklists (and, with a checklist, its Gemeinden and answers); the newest orders.
    assert two <= 9
    assert queries_for(client, OVERVIEW + "?seite=2", computed=ORDER_OVERVIEWS) == two
    assert queries_for(client, OVERVIEW + "?status=Eingegangen", computed=ORDER_OVERVIEWS) == two
    assert queries_for(client, ORDERS) == queries_for(client, ORDERS + "?seite=1")


def test_order_and_service_page_query_counts_do_not_grow(client, amt, member):
    client.force_login(member)
    dienste = [dienst_create() for _ in range(11)]
    small = order_place(user=member, verwaltung=amt, dienste=dienste[:1])
    large = order_place(user=member, verwaltung=amt, dienste=dienste[1:])

    assert queries_for(client, order_url(large)) == queries_for(client, order_url(small))

    one = queries_for(client, service_url(small))
    line = small.lines.get()
    line.status = "Storniert"
    line.save()
    OrderedService.objects.filter(pk=line.ozg_service.pk).update(is_active=False)
    ServiceCoverage.objects.filter(ordered_service=line.ozg_service).update(is_active=False)
    again = order_place(user=member, verwaltung=amt, dienste=dienste[:1])

    assert queries_for(client, service_url(again)) == one
    html = page_text(client.get(service_url(again)))
    assert f"Bestellung {small.number}</a>" in html
    assert f"Bestellung {again.number}</a>" in html
    assert html.index(again.number) < html.index(small.number)
    assert "Storniert" in html


@pytest.fixture
def thirty_services(amt, member):
    """30 services in one order, titled so that they sort as numbered."""
    dienste = [dienst_create(title=f"Dienst {number:02}") for number in range(1, 31)]
    return order_place(user=member, verwaltung=amt, dienste=dienste)


def test_overview_shows_25_services_a_page_with_a_german_pager(client, member, thirty_services):
    client.force_login(member)

    first = page_text(client.get(OVERVIEW))
    assert service_rows(first) == 25
    assert "<strong>30</strong> Dienste, Seite 1 von 2" in first
    assert ">Dienst 01</a>" in first
    assert ">Dienst 25</a>" in first
    assert ">Dienst 26</a>" not in first
    assert '<nav class="site-pagination" aria-label="Seiten der bestellten Dienste">' in first
    assert '<span aria-current="page">Seite 1 von 2</span>' in first
    assert '<a class="kern-link" href="?seite=2" rel="next">Nächste Seite</a>' in first
    assert "Vorherige Seite" not in first

    second = page_text(client.get(OVERVIEW, {"seite": 2}))
    assert service_rows(second) == 5
    assert ">Dienst 26</a>" in second
    assert ">Dienst 30</a>" in second
    assert ">Dienst 25</a>" not in second
    assert '<a class="kern-link" href="?seite=1" rel="prev">Vorherige Seite</a>' in second
    assert "Nächste Seite" not in second
    assert "Meine Dienste: Hüttener Berge (Seite 2) – " in second


@pytest.mark.parametrize(("seite", "shown"), [("99", 2), ("0", 2), ("-1", 2), ("x", 1), ("", 1)])
def test_overview_page_out_of_range_or_invalid_shows_last_or_first(
    client, member, thirty_services, seite, shown
):
    client.force_login(member)

    html = page_text(client.get(OVERVIEW, {"seite": seite}))

    assert f'<span aria-current="page">Seite {shown} von 2</span>' in html


def test_overview_without_pager_for_one_page(client, member, order):
    client.force_login(member)

    html = page_text(client.get(OVERVIEW))

    assert "site-pagination" not in html
    assert "<strong>1</strong> Dienst</p>" in html


def test_overview_filters_by_status_of_the_newest_order(client, amt, member, thirty_services):
    client.force_login(member)
    lines = list(thirty_services.lines.order_by("pk"))
    for line in lines[:3]:
        line.status = "Live"
        line.save()

    html = page_text(client.get(OVERVIEW, {"status": "Live"}))

    assert service_rows(html) == 3
    assert "<strong>3</strong> Dienste mit dem Status „Live“" in html
    assert '<option value="Live" selected>Live</option>' in html
    assert f'<a class="kern-link" href="{OVERVIEW}">alle anzeigen</a>' in html
    assert "site-pagination" not in html

    none = page_text(client.get(OVERVIEW, {"status": "Storniert"}))
    assert "Kein Dienst von Hüttener Berge hat zurzeit den Status „Storniert“." in none
    assert 'id="tabelle-dienste"' not in none

    unknown = page_text(client.get(OVERVIEW, {"status": "<b>Kaputt</b>"}))  # ignored: all
    assert service_rows(unknown) == 25
    assert "<b>Kaputt" not in unknown

    # the pager keeps the filter
    for line in lines[3:]:
        line.status = "Live"
        line.save()
    paged = page_text(client.get(OVERVIEW, {"status": "Live"}))
    assert 'href="?status=Live&amp;seite=2" rel="next"' in paged


def test_overview_one_row_per_service_with_counts_over_its_orders(client, amt, member, order):
    """Ordered first for one Gemeinde (now live), then for the two others: one row, live in 1
    of 3, the newest order's status and number; the Gemeinden are on the service's page."""
    client.force_login(member)
    wohngeld = order.lines.get().ozg_service.dienst
    ascheffel, *others = amt.gemeinden.order_by("name")
    # replace the fixture's order by one for Ascheffel only
    line = order.lines.get()
    line.status = "Storniert"
    line.save()
    OrderedService.objects.filter(pk=line.ozg_service.pk).update(is_active=False)
    ServiceCoverage.objects.filter(ordered_service=line.ozg_service).update(is_active=False)
    first = order_place(user=member, verwaltung=amt, dienste=[wohngeld], gemeinden=[ascheffel])
    go_live(first)
    second = order_place(user=member, verwaltung=amt, dienste=[wohngeld], gemeinden=others)

    html = page_text(client.get(OVERVIEW))

    assert service_rows(html) == 1
    row = html[html.index(f'href="{service_url(first)}">Wohngeld</a>') :]
    row = row[: row.index("</tr>")]
    assert "live in 1 von 3 Gemeinden" in row
    assert ">Eingegangen<" in row
    assert f'href="{LIVE_URL}"' in row
    assert f">Bestellung {second.number}</a> <span" in row
    assert "(3 Bestellungen)" in row
    assert "Ascheffel" not in row
    service = page_text(client.get(service_url(first)))
    assert "Bünsdorf, Holzbunge" in service
    assert "Ascheffel" in service


def test_order_list_shows_every_order_25_a_page(client, amt, member):
    client.force_login(member)
    orders = [
        order_place(user=member, verwaltung=amt, dienste=[dienst_create()]) for _ in range(27)
    ]

    overview = page_text(client.get(OVERVIEW))
    newest = overview[overview.index("Neueste Bestellungen</h3>") :]
    assert newest.count('<th class="kern-table__cell" scope="row">') == 5
    assert f">Bestellung {orders[-1].number}</a>" in newest
    assert f">Bestellung {orders[0].number}</a>" not in newest
    assert f'href="{ORDERS}">Alle Bestellungen von Hüttener Berge</a>' in newest

    first = page_text(client.get(ORDERS))
    assert "Bestellungen von Hüttener Berge</h1>" in first
    assert "<strong>27</strong> Bestellungen, Seite 1 von 2" in first
    assert f">Bestellung {orders[-1].number}</a>" in first
    assert '<a class="kern-link" href="?seite=2" rel="next">Nächste Seite</a>' in first
    assert '<nav class="site-pagination" aria-label="Seiten der Bestellungen">' in first
    last = page_text(client.get(ORDERS, {"seite": 7}))
    assert '<span aria-current="page">Seite 2 von 2</span>' in last
    assert f">Bestellung {orders[0].number}</a>" in last
    assert f">Bestellung {orders[-1].number}</a>" not in last


def test_order_list_without_membership_goes_to_the_overview(client):
    client.force_login(UserFactory())

    response = client.get(ORDERS)

    assert response.status_code == 302
    assert response.url == OVERVIEW
