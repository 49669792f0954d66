"""/dienste/: full-text search, combinable filters with counts, sorting, pagination, bad input."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_pages.models import ServicePage
from tests.conftest import built_once_per_module
from tests.factories import LageFactory
from tests.factories import LeikaLeistungFactory
from tests.factories import OzgLeistungFactory
from tests.factories import ThemenfeldFactory
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

BODY_WITH_A_RARE_WORD = [
    ("heading", "Ablauf"),
    ("paragraph", "<p>Der Antrag wird über den Kommunalfahrplan eingereicht.</p>"),
]

IN_PREPARATION = {"availability": "in_vorbereitung"}


def catalogue_build(page_tree) -> dict:
    bauen = ThemenfeldFactory(name="Bauen & Wohnen", slug="bauen-wohnen")
    mobil = ThemenfeldFactory(name="Mobilität & Reisen", slug="mobilitaet-reisen")
    wohnen = LageFactory(themenfeld=bauen, name="Wohnen & Umzug", slug="wohnen-umzug")
    bau = LageFactory(themenfeld=bauen, name="Bauen & Immobilien", slug="bauen-immobilien")
    kfz = LageFactory(themenfeld=mobil, name="Kfz-Besitz", slug="kfz-besitz")
    wohngeld = OzgLeistungFactory(ozg_id="10218", name="Wohngeld", lage=wohnen)
    LeikaLeistungFactory(key="99107004000000", name="Wohngeld Bewilligung", ozg_leistung=wohngeld)
    ummeldung = OzgLeistungFactory(ozg_id="10221", name="Meldebescheinigung", lage=wohnen)
    bauantrag = OzgLeistungFactory(ozg_id="10114", name="Baugenehmigung", lage=bau)
    abmeldung = OzgLeistungFactory(ozg_id="10036", name="Außerbetriebsetzung", lage=kfz)
    # Type, Reifegrad and availability per service: what the filters below choose between.
    # Created in this order, so that the Kfz-Abmeldung is the newest.
    services = [
        ("wohngeld", "Wohngeld", wohngeld, "online_dienst_efa", 3, {"body": BODY_WITH_A_RARE_WORD}),
        ("ummeldung", "Elektronische Wohnsitzanmeldung", ummeldung, "online_dienst_efa", 4, {}),
        ("bauantrag", "Digitaler Bauantrag", bauantrag, "landesdienst", 3, IN_PREPARATION),
        ("kfz", "Kfz-Abmeldung", abmeldung, "basisdienst", 2, {}),
    ]
    return {
        key: service_page_create(
            parent=page_tree.service_index,
            title=title,
            ozg_leistungen=[leistung],
            service_type=service_type,
            reifegrad=reifegrad,
            **more,
        )
        for key, title, leistung, service_type, reifegrad, more in services
    }


catalogue_built = built_once_per_module(catalogue_build)


@pytest.fixture
def catalogue_data(catalogue_built, db):
    return copy.deepcopy(catalogue_built)


def titles(response) -> list[str]:
    """The titles of the listed services in the order of the list."""
    page_ids = response.context["catalogue"].page.object_list
    title_by_id = dict(ServicePage.objects.filter(pk__in=page_ids).values_list("pk", "title"))
    return [title_by_id[page_id] for page_id in page_ids]


def facet(response, name):
    return {
        option.value: option.count
        for option in next(
            f for f in response.context["catalogue"].facets if f.name == name
        ).options
    }


def test_lists_all_live_services_by_name(client, catalogue_data):
    response = client.get("/dienste/")

    assert response.status_code == 200
    assert titles(response) == [
        "Digitaler Bauantrag",
        "Elektronische Wohnsitzanmeldung",
        "Kfz-Abmeldung",
        "Wohngeld",
    ]
    assert "4</strong> Dienste" in response.content.decode()


def test_drafts_are_not_listed(client, catalogue_data):
    catalogue_data["kfz"].unpublish()

    assert "Kfz-Abmeldung" not in titles(client.get("/dienste/"))


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("Kommunalfahrplan", ["Wohngeld"]),  # a word of the body
        ("10114", ["Digitaler Bauantrag"]),  # an OZG-ID
        ("99107004000000", ["Wohngeld"]),  # a LeiKa key
        ("Wohnsitzanmeldung", ["Elektronische Wohnsitzanmeldung"]),  # the title
    ],
)
def test_search_finds_by_body_ozg_id_and_leika_key(client, catalogue_data, search, expected):
    assert titles(client.get("/dienste/", {"q": search})) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"themenfeld": "bauen-wohnen"},
            ["Digitaler Bauantrag", "Elektronische Wohnsitzanmeldung", "Wohngeld"],
        ),
        ({"lage": "kfz-besitz"}, ["Kfz-Abmeldung"]),
        ({"typ": "online_dienst_efa"}, ["Elektronische Wohnsitzanmeldung", "Wohngeld"]),
        ({"reifegrad": "3"}, ["Digitaler Bauantrag", "Wohngeld"]),
        ({"verfuegbarkeit": "in_vorbereitung"}, ["Digitaler Bauantrag"]),
        ({"typ": ["basisdienst", "landesdienst"]}, ["Digitaler Bauantrag", "Kfz-Abmeldung"]),
    ],
)
def test_each_filter(client, catalogue_data, params, expected):
    assert titles(client.get("/dienste/", params)) == expected


def test_filters_combine_and_counts_follow_the_other_filters(client, catalogue_data):
    response = client.get(
        "/dienste/", {"themenfeld": "bauen-wohnen", "reifegrad": "3", "typ": "online_dienst_efa"}
    )

    assert titles(response) == ["Wohngeld"]
    # Counts per option: what the result would be with that option, all other filters kept.
    assert facet(response, "typ") == {"online_dienst_efa": 1, "landesdienst": 1}
    assert facet(response, "reifegrad") == {"3": 1, "4": 1}
    assert facet(response, "themenfeld") == {"bauen-wohnen": 1}
    assert facet(response, "lage") == {"wohnen-umzug": 1}


def test_search_and_filter_combine(client, catalogue_data):
    response = client.get("/dienste/", {"q": "Wohngeld", "typ": "landesdienst"})

    assert titles(response) == []
    assert "Kein Dienst passt" in response.content.decode()
    assert "alle Filter zurück" in response.content.decode()


def test_sorting_by_newest(client, catalogue_data):
    assert titles(client.get("/dienste/", {"sortierung": "neu"}))[0] == "Kfz-Abmeldung"


def test_pagination_keeps_the_filters_in_the_links(client, catalogue_data, page_tree):
    for number in range(13):
        service_page_create(parent=page_tree.service_index, title=f"Zusatzdienst {number:02d}")

    first = client.get("/dienste/", {"typ": "online_dienst_efa"})
    html = first.content.decode()
    assert len(titles(first)) == 12
    assert 'href="?typ=online_dienst_efa&amp;seite=2"' in html

    second = client.get("/dienste/", {"typ": "online_dienst_efa", "seite": 2})
    assert len(titles(second)) == 3


@pytest.mark.parametrize(
    "params",
    [
        {"seite": "x"},
        {"seite": "999"},
        {"sortierung": "<script>"},
        {"reifegrad": "drei"},
        {"themenfeld": "gibt-es-nicht"},
        {"q": "%27;--"},
        {"q": "a" * 5000},
        {"lage": ["x"] * 500},
    ],
)
def test_invalid_parameters_are_ignored_never_an_error(client, catalogue_data, params):
    response = client.get("/dienste/", params)

    assert response.status_code == 200


def test_filter_options_show_counts_and_state_in_the_form(client, catalogue_data):
    html = client.get("/dienste/", {"typ": "basisdienst"}).content.decode()

    assert 'name="typ" value="basisdienst" checked' in html
    assert 'Basisdienst <span class="site-facet__count">(1)</span>' in html


def test_query_count_does_not_grow_with_the_services_shown(client, page_tree):
    """A fixed number of queries, whether the cards are rendered (the first request after a
    publication) or kept (cms_pages.cards)."""
    service_page_create(parent=page_tree.service_index, ozg_leistungen=[OzgLeistungFactory()])
    with CaptureQueriesContext(connection) as first_of_one:
        client.get("/dienste/")
    with CaptureQueriesContext(connection) as one:
        client.get("/dienste/")

    for _ in range(59):
        service_page_create(
            parent=page_tree.service_index, ozg_leistungen=[OzgLeistungFactory(lage=LageFactory())]
        )
    with CaptureQueriesContext(connection) as first_of_sixty:
        client.get("/dienste/", {"seite": 2})
    with CaptureQueriesContext(connection) as sixty:
        response = client.get("/dienste/", {"seite": 2})

    assert len(titles(response)) == 12
    assert len(first_of_sixty) == len(first_of_one)
    assert len(sixty) == len(one) < len(first_of_one)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="deutsche Stammformen nur mit PostgreSQL"
)
def test_search_uses_german_stemming_on_postgresql(client, page_tree):
    service_page_create(
        parent=page_tree.service_index,
        title="Eheschließung",
        body=[("paragraph", "<p>Die Anmeldung erfolgt beim Standesamt.</p>")],
    )

    assert titles(client.get("/dienste/", {"q": "Anmeldungen"})) == ["Eheschließung"]


@pytest.mark.parametrize("query_string", ['q="Wohngeld', "q=%22%22%22", "q=%7F", "q=%01"])
def test_control_characters_and_unpaired_quotes_in_the_url_are_no_error(
    client, page_tree, query_string
):
    response = client.get(f"/dienste/?{query_string}")

    assert response.status_code == 200


@pytest.mark.parametrize("query_string", ["q=Wohn%00geld", "lage=%00", "themenfeld=a%00b"])
def test_a_nul_character_in_the_url_is_a_400_with_a_message(client, page_tree, query_string):
    """Refused before the catalogue reads it (ozg_site.odd_input), like anywhere in the shop."""
    response = client.get(f"/dienste/?{query_string}")

    assert response.status_code == 400
    assert "Steuerzeichen (NUL-Byte" in response.content.decode()


def test_the_profile_shows_the_declared_facts_in_their_sections(client, page_tree):
    """The facts come from cms_pages.profile_fields: choices by their label, booleans as
    erforderlich or not, an empty text by its replacement or not at all."""
    page = service_page_create(
        parent=page_tree.service_index,
        service_type="basisdienst",
        reifegrad=4,
        operating_model="",
        requires_servicekonto=True,
        transport_route="fit_connect",
        vertrauensniveau="substantiell",
        fachverfahren_interface="",
    )

    html = client.get(page.url).content.decode()

    steckbrief = html[html.index('id="steckbrief"') : html.index('id="voraussetzungen"')]
    assert "Art des Dienstes</dt>" in steckbrief
    assert ">Basisdienst</dd>" in steckbrief
    assert ">4 – Online-Leistung plus</dd>" in steckbrief
    assert "Betriebsmodell" not in steckbrief
    voraussetzungen = html[html.index('id="voraussetzungen"') :]
    for fact in (
        "<li>Servicekonto: erforderlich</li>",
        "<li>Postfach: nicht erforderlich</li>",
        "<li>Transportweg: FIT-Connect</li>",
        "<li>Vertrauensniveau: substanziell</li>",
        "<li>Schnittstelle zum Fachverfahren: keine</li>",
    ):
        assert fact in voraussetzungen
