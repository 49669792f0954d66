"""Meine Dienste: every approved member of a Verwaltung (bestellberechtigt or lesend) follows its
orders and ordered services, with status, Gemeinden, contacts, accepted agreements and, once live,
the service's address; nobody else sees any of it."""

import datetime
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from shop.models import Membership, OrderedService, ServiceCoverage
from tests.factories import GemeindeFactory, KreisFactory, UserFactory
from tests.order_factories import (
    amt_with_gemeinden,
    dienst_create,
    member_create,
    order_place,
    terms_of_use_publish,
)

pytestmark = pytest.mark.django_db

OVERVIEW = "/konto/meine-dienste/"
LIVE_URL = "https://wohngeld.amt-huettener-berge.example/antrag"


@pytest.fixture
def amt(db):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=0, name="Amt Hüttener Berge")
    for name in ("Ascheffel", "Bünsdorf", "Holzbunge"):
        GemeindeFactory(verwaltung=amt, name=name)
    return amt


@pytest.fixture
def orderer(amt):
    return member_create(verwaltung=amt, first_name="Hanna", last_name="Hüttmann")


@pytest.fixture
def order(amt, orderer):
    wohngeld = dienst_create(title="Wohngeld")
    return order_place(
        user=orderer,
        verwaltung=amt,
        dienste=[wohngeld],
        wished_start_date=datetime.date(2031, 3, 15),
        remarks="Bitte zuerst Ascheffel.",
    )


def order_url(order) -> str:
    return reverse("shop_orders:order", kwargs={"number": order.number})


def service_url(order) -> str:
    service = order.lines.get().ozg_service
    return reverse(
        "shop_orders:service",
        kwargs={"verwaltung_id": service.verwaltung_id, "dienst_id": service.dienst_id},
    )


def page_text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


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
    assert reverse("shop_orders:order", kwargs={"number": "100001"}) == (
        "/konto/meine-dienste/bestellungen/100001/"
    )
    assert reverse("shop_orders:service", kwargs={"verwaltung_id": 3, "dienst_id": 7}) == (
        "/konto/meine-dienste/3/dienste/7/"
    )


@pytest.mark.parametrize("role", [Membership.Role.ORDERING, Membership.Role.READ_ONLY])
def test_every_approved_member_sees_overview_order_and_service(client, amt, order, role):
    client.force_login(member_create(verwaltung=amt, role=role))

    overview = page_text(client.get(OVERVIEW))
    assert "Amt Hüttener Berge" in overview
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
    assert "15.03.2031" in detail
    assert "Bitte zuerst Ascheffel." in detail
    assert "Ascheffel, Bünsdorf, Holzbunge" in detail

    service = page_text(client.get(service_url(order)))
    assert "Wohngeld für Amt Hüttener Berge</h1>" in service
    assert f"Bestellung {order.number}</a>" in service
    assert "Ascheffel, Bünsdorf, Holzbunge" in service


def test_order_page_shows_contacts_by_role_and_accepted_agreements(client, orderer, order):
    client.force_login(orderer)

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


def test_live_url_is_shown_only_once_the_service_is_live(client, orderer, order):
    client.force_login(orderer)
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


def test_kreis_order_for_itself(client):
    terms_of_use_publish()
    kreis = KreisFactory(name="Kreis Rendsburg-Eckernförde")
    member = member_create(verwaltung=kreis)
    order = order_place(
        user=member, verwaltung=kreis, dienste=[dienst_create(title="Postfach")], gemeinden=[]
    )
    client.force_login(member)

    for url in (OVERVIEW, order_url(order), service_url(order)):
        assert "für die Verwaltung selbst" in page_text(client.get(url))


def test_overview_empty_state_links_to_the_catalogue(client, amt):
    client.force_login(member_create(verwaltung=amt, role=Membership.Role.READ_ONLY))

    html = page_text(client.get(OVERVIEW))

    assert "Amt Hüttener Berge hat noch keine Dienste bestellt." in html
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


def test_members_of_several_verwaltungen_see_each_separately(client, amt, order):
    other = amt_with_gemeinden(count=2, name="Amt Dänischer Wohld")
    person = member_create(verwaltung=amt, role=Membership.Role.READ_ONLY)
    Membership.objects.create(user=person, verwaltung=other, status=Membership.Status.APPROVED)
    other_order = order_place(
        user=member_create(verwaltung=other), verwaltung=other, dienste=[dienst_create()]
    )
    client.force_login(person)

    html = page_text(client.get(OVERVIEW))

    assert html.index("Amt Dänischer Wohld</h2>") < html.index("Amt Hüttener Berge</h2>")
    assert html.index(other_order.number) < html.index("Amt Hüttener Berge</h2>")
    assert html.index(order.number) > html.index("Amt Hüttener Berge</h2>")


def isolated_people(amt, other):
    """An approved member of another Verwaltung; people whose membership of `amt` is requested
    or rejected."""
    outsider = member_create(verwaltung=other)
    requested = UserFactory()
    Membership.objects.create(user=requested, verwaltung=amt, status=Membership.Status.REQUESTED)
    rejected = UserFactory()
    Membership.objects.create(user=rejected, verwaltung=amt, status=Membership.Status.REJECTED)
    return [outsider, requested, rejected]


def test_pages_of_another_verwaltung_are_404(client, amt, order):
    other = amt_with_gemeinden(count=1, name="Amt Anderswo")
    for person in isolated_people(amt, other):
        client.force_login(person)
        assert client.get(order_url(order)).status_code == 404
        assert client.get(service_url(order)).status_code == 404
        assert order.number not in client.get(OVERVIEW).content.decode()


def test_service_page_404_for_a_service_not_ordered_or_unknown_ids(client, amt, orderer, order):
    client.force_login(orderer)
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
    for url in (OVERVIEW, order_url(order), service_url(order)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("customer:login"))
        assert "next=" in response.url


def test_pages_are_read_only(client, orderer, order):
    client.force_login(orderer)
    for url in (OVERVIEW, order_url(order), service_url(order)):
        assert client.post(url).status_code == 405
        assert client.put(url).status_code == 405
        assert client.delete(url).status_code == 405


def test_pages_have_captions_scoped_headers_and_ordered_headings(client, orderer, order):
    client.force_login(orderer)
    for url in (OVERVIEW, order_url(order), service_url(order)):
        html = page_text(client.get(url))
        main = html[html.index("<main") : html.index("</main>")]
        levels = headings(main)
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
        assert main.count("<table") == main.count("<caption")
        assert "<th>" not in main
        assert all('scope="' in th for th in re.findall(r"<th\b[^>]*>", main))


def test_header_links_to_meine_dienste_for_signed_in_people(client, orderer):
    assert "Meine Dienste" not in client.get("/konto/registrieren/").content.decode()
    client.force_login(orderer)

    html = page_text(client.get(OVERVIEW))

    assert f'href="{OVERVIEW}" aria-current="page">Meine Dienste</a>' in html


def place_orders(amt, orderer, count: int) -> None:
    for _ in range(count):
        order_place(user=orderer, verwaltung=amt, dienste=[dienst_create()])


def queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_overview_query_count_does_not_grow_with_orders(client, amt, orderer):
    client.force_login(orderer)
    place_orders(amt, orderer, 1)
    one = queries_for(client, OVERVIEW)

    place_orders(amt, orderer, 9)
    ten = queries_for(client, OVERVIEW)

    assert ten == one
    assert page_text(client.get(OVERVIEW)).count("Bestellung 1") >= 20


def test_order_and_service_page_query_counts_do_not_grow(client, amt, orderer):
    client.force_login(orderer)
    dienste = [dienst_create() for _ in range(11)]
    small = order_place(user=orderer, verwaltung=amt, dienste=dienste[:1])
    large = order_place(user=orderer, verwaltung=amt, dienste=dienste[1:])

    assert queries_for(client, order_url(large)) == queries_for(client, order_url(small))

    one = queries_for(client, service_url(small))
    line = small.lines.get()
    line.status = "Storniert"
    line.save()
    OrderedService.objects.filter(pk=line.ozg_service.pk).update(is_active=False)
    ServiceCoverage.objects.filter(ordered_service=line.ozg_service).update(is_active=False)
    again = order_place(user=orderer, verwaltung=amt, dienste=dienste[:1])

    assert queries_for(client, service_url(again)) == one
    html = page_text(client.get(service_url(again)))
    assert f"Bestellung {small.number}</a>" in html
    assert f"Bestellung {again.number}</a>" in html
    assert html.index(again.number) < html.index(small.number)
    assert "Storniert" in html
