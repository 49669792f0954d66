"""The shop's identity: favicon, logo, coat of arms, Neuigkeiten and Hilfe in the navigation."""

import pytest
from django.test import override_settings

from cms_pages.models import HelpPage
from cms_pages.services import page_tree_ensure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


@pytest.mark.parametrize("path", ["/favicon.ico", "/favicon.svg"])
def test_favicon_is_the_shops_mark(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/", "/dienste/", "/neuigkeiten/", "/hilfe/", "/impressum/"])
def test_public_pages_carry_logo_icon_and_navigation(client, page_tree, path):
    html = client.get(path).content.decode()
    assert 'role="img" aria-label="OZG-Dienste-Shop"' in html
    assert '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' in html
    assert '<a class="kern-link" href="/neuigkeiten/"' in html
    assert '<a class="kern-link" href="/hilfe/"' in html
    assert "site-brand__arms" not in html  # no coat of arms shipped


@override_settings(SITE_COAT_OF_ARMS="/media/wappen.svg")
def test_coat_of_arms_beside_the_logo_when_configured(client, page_tree):
    html = client.get("/").content.decode()
    assert (
        '<img class="site-brand__arms" src="/media/wappen.svg" '
        'alt="Wappen des Landes Schleswig-Holstein"' in html
    )


def test_help_page_answers_the_main_questions(client, page_tree):
    html = client.get("/hilfe/").content.decode()
    for question in (
        "Wie registriere ich mich?",
        "Wie bestelle ich einen Dienst?",
        "Was passiert nach dem Absenden?",
        "An wen wende ich mich sonst?",
    ):
        assert question in html


def test_page_tree_ensure_creates_the_help_page_once(page_tree):
    assert page_tree.help_page.live
    assert page_tree_ensure().help_page == page_tree.help_page
    assert HelpPage.objects.count() == 1
