"""The page cache for anonymous visitors (ozg_site.page_cache): public Wagtail pages are stored
and served again; publishing clears them; signed-in people, staff areas and the shop's own pages
never come from it; the profile's CSRF-protected form works for every visitor of a stored page."""

import re

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from ozg_site.page_cache import CSRF_PLACEHOLDER
from ozg_site.page_cache import page_cache_clear
from shop.models import Dienst
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache as production runs it (tests run with DEBUG, where it is off), on the
    test settings' local-memory cache, emptied for each test."""
    settings.PAGE_CACHE_SECONDS = 300
    caches["default"].clear()
    page_cache_clear()


def state(response) -> str:
    return response.headers.get("X-Page-Cache", "")


def test_a_public_page_is_stored_then_served_from_the_cache(client, page_tree):
    first = client.get("/")
    second = client.get("/")

    assert (state(first), state(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")
    assert second["X-Frame-Options"] == "DENY"
    # The security middleware before the cache still answers each hit.
    assert "Content-Security-Policy" in second.headers


def test_a_hit_costs_no_query(client, page_tree, django_assert_num_queries):
    client.get("/dienste/")
    with django_assert_num_queries(0):
        assert state(client.get("/dienste/")) == "hit"


def test_the_query_string_is_part_of_the_key(client, page_tree):
    client.get("/dienste/")
    assert state(client.get("/dienste/?q=Wohngeld")) == "miss"
    assert state(client.get("/dienste/?q=Wohngeld")) == "hit"


def test_publishing_a_page_clears_the_cache(client, page_tree):
    client.get("/dienste/")
    assert state(client.get("/dienste/")) == "hit"

    service_page_create(parent=page_tree.service_index, title="Neuer Dienst Hundesteuer")

    response = client.get("/dienste/")
    assert state(response) == "miss"
    assert "Neuer Dienst Hundesteuer" in response.content.decode()


def test_unpublishing_a_page_clears_the_cache(client, page_tree):
    page = service_page_create(parent=page_tree.service_index, title="Bald weg")
    assert "Bald weg" in client.get("/dienste/").content.decode()

    page.unpublish()

    response = client.get("/dienste/")
    assert state(response) == "miss"
    assert "Bald weg" not in response.content.decode()


def test_placing_an_order_clears_the_home_page_figures(client, page_tree):
    amt = amt_with_gemeinden()
    member = member_create(verwaltung=amt)
    client.get("/")
    assert state(client.get("/")) == "hit"

    order_place(user=member, verwaltung=amt, dienste=[dienst_create()])

    assert state(client.get("/")) == "miss"


def test_signed_in_people_never_get_or_fill_the_cache(client, page_tree):
    client.force_login(UserFactory())
    assert state(client.get("/")) == ""
    assert state(client.get("/")) == ""
    anonymous = Client()
    assert state(anonymous.get("/")) == "miss"  # nothing was stored for the signed-in person


def test_staff_and_shop_pages_are_never_cached(client, page_tree):
    for url in (
        reverse("basket:summary"),
        reverse("customer:login"),
        "/konto/registrieren/",
        "/cms/login/",
        "/healthz",
    ):
        client.get(url)
        assert state(client.get(url)) == "", url


def test_a_visitor_with_a_basket_gets_fresh_pages(client, page_tree):
    page = service_page_create(parent=page_tree.service_index)
    dienst = Dienst.objects.get(page_id=page.pk)
    client.get(page.url)
    client.post(reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1})

    assert state(client.get(page.url)) == ""


def test_the_profile_form_gets_each_visitor_their_own_csrf_token(page_tree):
    page = service_page_create(parent=page_tree.service_index, title="Kfz-Abmeldung")
    dienst = Dienst.objects.get(page_id=page.pk)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    stored = first.get(page.url)
    served = second.get(page.url)

    assert (state(stored), state(served)) == ("miss", "hit")
    html = served.content.decode()
    assert "In den Warenkorb" in html
    assert CSRF_PLACEHOLDER.decode() not in html
    token = TOKEN.search(html).group(1)
    assert token != TOKEN.search(stored.content.decode()).group(1)
    # The hit set the visitor's own CSRF cookie, and the form posts with it.
    assert settings.CSRF_COOKIE_NAME in served.cookies
    response = second.post(
        reverse("basket:add", kwargs={"pk": dienst.product_id}),
        {"quantity": 1, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    # Without a token the same POST is refused: the check is still on.
    refused = Client(enforce_csrf_checks=True).post(
        reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1}
    )
    assert refused.status_code == 403


def test_a_page_that_read_the_csp_nonce_is_not_stored(rf, page_tree):
    from django.http import HttpResponse

    from ozg_site.page_cache import PageCacheMiddleware

    def view(request):
        request.resolver_match = type("Match", (), {"url_name": "wagtail_serve"})()
        return HttpResponse(f'<script nonce="{request._csp_nonce}"></script>')

    request = rf.get("/")
    request._csp_nonce = "abc"
    response = PageCacheMiddleware(view)(request)

    assert state(response) == "skip"


def test_off_when_page_cache_seconds_is_zero(client, page_tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert state(client.get("/")) == ""
