"""Django's admin, the superusers' last resort, on a phone: its list of models reads whole words
and fits the screen (site/static/css/django_admin.css); at 1280 px it is Django's own table."""

from playwright.sync_api import Page

from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.layout import horizontal_overflow
from tests.e2e.layout import words_broken_apart
from tests.e2e.session import log_in
from tests.factories import UserFactory


def test_the_list_of_models_fits_a_phone(page: Page, site_pages):
    UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    log_in(page, "admin@example.org")
    for viewport in (MOBILE, DESKTOP):
        page.set_viewport_size(viewport)
        page.goto("/django-admin/")
        assert page.get_by_role("link", name="Benutzeranschriften").is_visible()
        assert not horizontal_overflow(page), viewport
        assert not words_broken_apart(page), (viewport, words_broken_apart(page))
