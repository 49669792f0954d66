"""The JSON API: the same services as /dienste/, the OZG catalogue, Wagtail's pages API, and one
OpenAPI 3 document that describes them all."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from cms_pages.api import WagtailPage
from shop.models import Dienst
from tests.conftest import built_once_per_module
from tests.factories import LageFactory
from tests.factories import LeikaLeistungFactory
from tests.factories import OzgLeistungFactory
from tests.factories import ThemenfeldFactory
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


def services_build(page_tree) -> dict:
    themenfeld = ThemenfeldFactory(name="Bauen & Wohnen", slug="bauen-wohnen")
    lage = LageFactory(themenfeld=themenfeld, name="Wohnen & Umzug", slug="wohnen-umzug")
    wohngeld = OzgLeistungFactory(ozg_id="10092", name="Wohngeld", lage=lage)
    LeikaLeistungFactory(key="99107004000000", name="Wohngeld Bewilligung", ozg_leistung=wohngeld)
    parent = page_tree.service_index
    return {
        "wohngeld": service_page_create(
            parent=parent, title="Wohngeld", ozg_leistungen=[wohngeld], reifegrad=3
        ),
        "postfach": service_page_create(
            parent=parent, title="Postfach", service_type="basisdienst", reifegrad=3
        ),
        "bauantrag": service_page_create(
            parent=parent, title="Bauantrag", availability="in_vorbereitung", reifegrad=4
        ),
    }


services_built = built_once_per_module(services_build)


@pytest.fixture
def services(services_built, db):
    return copy.deepcopy(services_built)


def test_service_list_returns_the_same_services_as_the_page(client, services):
    api = client.get("/api/dienste").json()
    page = client.get("/dienste/")

    assert [item["id"] for item in api["results"]] == page.context["catalogue"].page.object_list
    assert [item["title"] for item in api["results"]] == ["Bauantrag", "Postfach", "Wohngeld"]
    assert api["count"] == 3
    assert api["pages"] == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"typ": "basisdienst"}, ["Postfach"]),
        ({"themenfeld": "bauen-wohnen"}, ["Wohngeld"]),
        ({"reifegrad": ["3", "4"], "verfuegbarkeit": "verfuegbar"}, ["Postfach", "Wohngeld"]),
        ({"q": "99107004000000"}, ["Wohngeld"]),
        ({"q": "10092"}, ["Wohngeld"]),
        ({"sortierung": "neu"}, ["Bauantrag", "Postfach", "Wohngeld"]),
        ({"reifegrad": "vier", "seite": "x"}, ["Bauantrag", "Postfach", "Wohngeld"]),
    ],
)
def test_service_list_filters_and_search(client, services, params, expected):
    response = client.get("/api/dienste", params)

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["results"]] == expected


def test_service_list_reports_facet_counts(client, services):
    facets = {facet["name"]: facet for facet in client.get("/api/dienste").json()["facets"]}

    counts = {option["value"]: option["count"] for option in facets["verfuegbarkeit"]["options"]}
    assert counts == {"verfuegbar": 2, "in_vorbereitung": 1}


def test_service_detail_has_metadata_product_and_orderability(client, services):
    page = services["wohngeld"]
    detail = client.get(f"/api/dienste/{page.pk}").json()

    assert detail["ozg_leistungen"] == [
        {
            "ozg_id": "10092",
            "name": "Wohngeld",
            "lage": "Wohnen & Umzug",
            "themenfeld": "Bauen & Wohnen",
        }
    ]
    assert detail["leika_keys"] == ["99107004000000"]
    assert detail["product_id"] == Dienst.objects.get(page_id=page.pk).product_id
    assert detail["is_orderable"] is True
    assert client.get(f"/api/dienste/{services['bauantrag'].pk}").json()["is_orderable"] is False


def test_unpublished_or_unknown_service_is_404(client, services):
    services["postfach"].unpublish()

    assert client.get(f"/api/dienste/{services['postfach'].pk}").status_code == 404
    assert client.get("/api/dienste/999999").status_code == 404
    assert client.get("/api/dienste/keine-zahl").status_code in (404, 422)


def test_service_list_query_count_does_not_grow(client, page_tree):
    service_page_create(parent=page_tree.service_index)
    client.get("/api/dienste")
    with CaptureQueriesContext(connection) as one:
        client.get("/api/dienste")
    for _ in range(11):
        service_page_create(parent=page_tree.service_index, ozg_leistungen=[OzgLeistungFactory()])
    client.get("/api/dienste")  # publishing started a new cache generation
    with CaptureQueriesContext(connection) as twelve:
        response = client.get("/api/dienste")

    assert len(response.json()["results"]) == 12
    assert len(twelve) == len(one)


def test_ozg_catalogue_endpoints(client, services):
    assert client.get("/api/ozg/themenfelder").json() == [
        {"slug": "bauen-wohnen", "name": "Bauen & Wohnen"}
    ]
    lagen = client.get("/api/ozg/lagen", {"themenfeld": "bauen-wohnen"}).json()
    assert [lage["slug"] for lage in lagen] == ["wohnen-umzug"]
    leistungen = client.get("/api/ozg/leistungen", {"q": "Wohngeld"}).json()
    assert leistungen["count"] == 1
    assert leistungen["items"][0]["ozg_id"] == "10092"
    detail = client.get("/api/ozg/leistungen/10092").json()
    assert detail["leika_leistungen"][0]["key"] == "99107004000000"
    assert client.get("/api/ozg/leistungen/00000").status_code == 404


def test_wagtail_pages_api_exposes_service_metadata_product_and_orderability(client, services):
    page = services["wohngeld"]
    listing = client.get(
        "/api/v2/pages/",
        {"type": "cms_pages.ServicePage", "fields": "ozg_ids,product_id,is_orderable"},
    ).json()

    assert listing["meta"]["total_count"] == 3
    item = next(item for item in listing["items"] if item["id"] == page.pk)
    assert item["ozg_ids"] == ["10092"]
    assert item["product_id"] == Dienst.objects.get(page_id=page.pk).product_id
    assert item["is_orderable"] is True
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["leika_keys"] == ["99107004000000"]
    assert detail["service_type"] == "online_dienst_efa"


def test_wagtail_pages_api_answers_as_its_generated_description_says(client, services):
    """The document's description of Wagtail's pages API is generated from the profile's
    field declarations (cms_pages.profile_fields): the answers match it, field by field."""
    page = services["wohngeld"]
    listing = client.get("/api/v2/pages/", {"type": "cms_pages.ServicePage", "fields": "*"})
    detail = client.get(f"/api/v2/pages/{page.pk}/")

    for item in [*listing.json()["items"], detail.json()]:
        WagtailPage.model_validate(item, strict=True)
        assert set(WagtailPage.model_fields) <= set(item)


def test_wagtail_pages_api_listing_query_count_does_not_grow(client, services, page_tree):
    params = {"type": "cms_pages.ServicePage", "fields": "ozg_ids,product_id,is_orderable"}
    client.get("/api/v2/pages/", params)
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v2/pages/", params)
    for _ in range(10):
        service_page_create(parent=page_tree.service_index, ozg_leistungen=[OzgLeistungFactory()])
    client.get("/api/v2/pages/", params)  # publishing started a new cache generation
    with CaptureQueriesContext(connection) as ten:
        response = client.get("/api/v2/pages/", params)

    assert response.json()["meta"]["total_count"] == len(services) + 10
    assert all(item["product_id"] for item in response.json()["items"])
    assert len(ten) == len(few)


def test_openapi_document_is_valid_and_lists_every_endpoint(client):
    document = client.get("/api/openapi.json").json()

    validate(document)
    assert set(document["paths"]) == {
        "/api/dienste",
        "/api/dienste/{page_id}",
        "/api/ozg/themenfelder",
        "/api/ozg/lagen",
        "/api/ozg/leistungen",
        "/api/ozg/leistungen/{ozg_id}",
        "/api/konto/verwaltungen",
        "/api/konto/bestellungen",
        "/api/konto/bestellungen/{number}",
        "/api/konto/dienste",
        "/api/umsetzung/bestellungen",
        "/api/umsetzung/bestellungen/{number}/positionen/{position_id}/status",
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
    }
