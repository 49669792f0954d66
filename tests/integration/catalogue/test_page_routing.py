"""Routing to the public pages (cms_pages.models.PublicPageMixin): a worker keeps the pages it
has routed to until the generation of the public pages changes, so a page it has served before
costs no routing query, and what editors publish, unpublish, rename or move is served at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_pages.models import ServiceIndexPage
from tests.factories import member_create
from tests.factories import terms_of_use_publish
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


@pytest.fixture
def visitor(client, amt):
    # Signed in, so that no page comes from the page cache.
    client.force_login(member_create(verwaltung=amt))
    return client


def queries_of(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


def test_a_page_routed_before_costs_fewer_queries(visitor, page_tree):
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld")

    first = queries_of(visitor, page.url)
    again = queries_of(visitor, page.url)

    assert first[0] == again[0] == 200
    assert again[1] < first[1]


def test_an_unpublished_page_is_gone_at_once(visitor, page_tree):
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld")
    visitor.get(page.url)

    page.unpublish()

    assert visitor.get(page.url).status_code == 404


def test_a_renamed_page_answers_at_its_new_address_only(visitor, page_tree):
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld", slug="wohngeld")
    assert visitor.get("/dienste/wohngeld/").status_code == 200

    page.slug = "wohngeld-online"
    page.title = "Wohngeld online"
    page.save_revision().publish()

    assert visitor.get("/dienste/wohngeld/").status_code == 404
    assert "Wohngeld online" in visitor.get("/dienste/wohngeld-online/").content.decode()


def test_a_moved_page_answers_below_its_new_parent(visitor, page_tree):
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld", slug="wohngeld")
    other_index = page_tree.home.add_child(
        instance=ServiceIndexPage(title="Landesdienste", slug="landesdienste")
    )
    assert visitor.get("/dienste/wohngeld/").status_code == 200

    page.move(other_index, pos="last-child")

    # Wagtail's redirects app sends the old address on.
    assert visitor.get("/dienste/wohngeld/").url == "/landesdienste/wohngeld/"
    assert visitor.get("/landesdienste/wohngeld/").status_code == 200


def test_a_page_published_after_a_404_is_found(visitor, page_tree):
    assert visitor.get("/dienste/neu/").status_code == 404

    service_page_create(parent=page_tree.service_index, title="Neu", slug="neu")

    assert visitor.get("/dienste/neu/").status_code == 200


def test_the_order_box_follows_a_published_change_of_availability(visitor, page_tree):
    terms_of_use_publish()
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld")
    assert "In den Warenkorb" in visitor.get(page.url).content.decode()

    page.availability = "in_vorbereitung"
    page.save_revision().publish()

    html = visitor.get(page.url).content.decode()
    assert "In den Warenkorb" not in html
    assert "in Vorbereitung" in html
