"""The site's frame: home, legal pages and footer, health check, URL layout, 404."""

import json
import re

import pytest
from django.urls import reverse

LEGAL_TITLES = ("Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit")

pytestmark = pytest.mark.usefixtures("page_tree_for_module")


def assert_frame(html: str) -> None:
    assert '<html lang="de"' in html
    assert 'href="#inhalt"' in html
    assert 'id="inhalt"' in html
    assert 'aria-label="Hauptnavigation"' in html
    assert "kern/kern.min.css" in html
    assert "kern-themes/sh.css" in html
    for title in LEGAL_TITLES:
        assert f">{title}</a>" in html


def healthz_answered_200(client, *, status: str, cache: str):
    """/healthz with the database answering and no mail waiting: 200, and the cache's state."""
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": status,
        "database": "ok",
        "cache": cache,
        "mail": {"pending": 0, "failed": 0, "oldest_pending_seconds": None},
    }
    return response


@pytest.mark.django_db
def test_home_page_is_served_by_wagtail_at_root_with_registry_figures(client, page_tree):
    from tests.factories import GemeindeFactory

    GemeindeFactory(population=1234)
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert_frame(html)
    assert "OZG-Dienste für Ihre Kommune" in html
    assert response.context["registry_figures"]["gemeinden"] == 1
    assert response.context["registry_figures"]["population"] == 1234
    assert "1.234" in html  # German thousands separator


@pytest.mark.django_db
def test_home_page_shows_featured_and_newest_services_and_their_number(client, page_tree):
    from tests.pages import service_page_create

    featured = service_page_create(
        parent=page_tree.service_index, title="Empfohlener Dienst", featured=True
    )
    newest = service_page_create(parent=page_tree.service_index, title="Neuer Dienst")
    response = client.get("/")

    html = response.content.decode()
    assert response.context["services"].total == 2
    assert response.context["services"].featured == [featured.pk]
    assert response.context["services"].newest[0] == newest.pk
    recommended, new = html.split('id="empfohlen"')[1].split('id="neu"')
    assert "Empfohlener Dienst" in recommended
    assert "Neuer Dienst" in new


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "title", "must_contain"),
    [
        ("/impressum/", "Impressum", "Digitale-Dienste-Gesetz (DDG)"),
        ("/datenschutz/", "Datenschutzerklärung", "Art. 15"),
        ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit", "Beschwerdestelle"),
    ],
)
def test_each_legal_page_renders_its_content_and_the_footer(
    client, page_tree, path, title, must_contain
):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="kern-heading-x-large">{title}</h1>' in html
    assert must_contain in html
    assert_frame(html)


@pytest.mark.django_db
def test_catalogue_index_lives_at_dienste(client, page_tree):
    response = client.get("/dienste/")

    assert response.status_code == 200
    assert_frame(response.content.decode())


@pytest.mark.django_db
def test_unknown_page_is_a_german_404_with_the_frame(client, page_tree):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Seite nicht gefunden" in html
    assert_frame(html)


@pytest.mark.django_db
def test_home_page_query_count_is_fixed_and_does_not_grow_with_services(client, page_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.pages import service_page_create

    client.get("/")  # warm Wagtail's site root cache, as on a running server
    with CaptureQueriesContext(connection) as empty:
        client.get("/")
    for number in range(8):
        service_page_create(parent=page_tree.service_index, featured=number % 2 == 0)
    client.get("/")  # publishing started a new generation of what cms_pages.caching keeps
    with CaptureQueriesContext(connection) as filled:
        client.get("/")

    assert len(filled) == len(empty)
    # Two of them are the savepoints of ATOMIC_REQUESTS inside the test transaction; the
    # figures and the legal links come from cms_pages.caching once warm.
    assert len(filled) <= 10


@pytest.mark.django_db
def test_healthz_answers_200_with_json_when_the_database_answers(client):
    response = healthz_answered_200(client, status="ok", cache="ok")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_url_layout_keeps_oscar_below_its_prefix():
    assert reverse("basket:summary").startswith("/shop/")
    assert reverse("checkout:index").startswith("/shop/")
    assert reverse("customer:login").startswith("/shop/")
    assert reverse("dashboard:index").startswith("/shop/")
    assert reverse("wagtailadmin_home") == "/cms/"
    assert reverse("admin:index") == "/django-admin/"
    assert reverse("healthz") == "/healthz"


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["basket:summary", "customer:login"])
def test_oscar_pages_link_the_legal_pages_and_load_nothing_from_third_parties(
    client, page_tree, url_name
):
    response = client.get(reverse(url_name))

    html = response.content.decode()
    assert response.status_code == 200
    for title in LEGAL_TITLES:
        assert f">{title}</a>" in html
    assert "googleapis" not in html
    assert "google-analytics" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "person"),
    [
        ("/shop/dashboard/", "fulfilment"),
        ("/shop/dashboard/orders/", "fulfilment"),
        ("/shop/dashboard/login/", None),
        ("/cms/login/", None),
        ("/django-admin/login/", None),
        ("/django-admin/", "superuser"),
    ],
)
def test_the_staff_areas_link_the_legal_pages_too(request, client, page_tree, path, person):
    if person:
        client.force_login(request.getfixturevalue(person))

    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    # Once: a template that extends its own name must not render its additions twice.
    assert html.count('<nav aria-label="Rechtliche Hinweise">') == 1
    for title in LEGAL_TITLES:
        assert f">{title}</a>" in html


@pytest.mark.django_db
def test_every_wagtail_admin_page_links_the_legal_pages_in_its_sidebar(client, page_tree, editor):
    client.force_login(editor)

    html = client.get("/cms/").content.decode()

    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    sidebar = json.dumps(json.loads(props), ensure_ascii=False)
    assert "Rechtliche Hinweise" in sidebar
    paths = ("/impressum/", "/datenschutz/", "/barrierefreiheit/")
    for title, path in zip(LEGAL_TITLES, paths, strict=True):
        assert title in sidebar
        assert path in sidebar
