"""The Wagtail pages editors use, at 1280 and 320 px, as a member of the Redaktion and, for what
only a superuser reaches, as a superuser: no control on top of another, no horizontal scrolling,
no untranslated English, no word broken apart, no JavaScript error.

The full pages of the admin without parameters (listings, reports, search, account) come from the
URL resolver, so a new one is swept without anyone listing it; the pages of one object (edit,
history, inspect, decide) are built from the data below. The sidebar may link no page that is not
swept."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page

from cms_pages.services import editorial_workflow_ensure
from cms_pages.services import news_pages_ensure
from ozg_site.demo_content import demo_news
from shop.accounts.services import EDITORS_GROUP
from shop.models import Agreement
from shop.models import Dienst
from shop.models import DienstInterest
from shop.models import Gemeinde
from shop.models import Membership
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.layout import horizontal_overflow
from tests.e2e.layout import overlapping_elements
from tests.e2e.layout import tables_without_scroll_hint
from tests.e2e.layout import words_broken_apart
from tests.e2e.layout import words_found
from tests.e2e.session import log_in_to_cms
from tests.e2e.session import log_out
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.url_routes import ShadowedRoute
from tests.url_routes import routes

# Words of Wagtail's English interface where the German translation is missing or overridden,
# and Python's values where a template shows an empty one ("1-1 von 1 None").
ENGLISH = re.compile(
    r"\b(Password|Save draft|Publish|Edit|Add child page|Search|Settings|Sign out|count|True|"
    r"False|None)\b"
)

# Wagtail's sidebar draws its search button into its search field, as its design has it.
DESIGNED_OVERLAPS = {"button „Suche“ überdeckt input#menu-search-q „Suche“"}

# Admin URLs without parameters that are no page of their own: partial results of a listing,
# dialogs and choosers, forms for adding, JSON and scripts, the way in and out.
NOT_A_PAGE = re.compile(
    r"results|/add|create|/new/|choose|autocomplete|/api/|import|login|logout|password_reset|"
    r"sprite|jsi18n|dismissibles|block-preview|select_type|test404|\.\*"
)


def admin_pages() -> list[str]:
    """The full pages of Wagtail's admin that take no parameter, from the URL resolver."""
    paths = []
    for route in routes():
        if not route.text.startswith("/cms/") or route.parameters or NOT_A_PAGE.search(route.text):
            continue
        try:
            paths.append(route.path({}))
        except ShadowedRoute:
            continue
    return paths


def sidebar_links(page: Page) -> set[str]:
    """The addresses of the admin that the sidebar's menu links (its items, also those of closed
    submenus), read from the data Wagtail's sidebar is drawn from. Not the public legal pages of
    "Rechtliche Hinweise": test_accessibility.py checks those."""
    props = json.loads(page.locator("#wagtail-sidebar-props").text_content())
    links = set()

    def collect(value):
        if isinstance(value, dict):
            if str(value.get("url", "")).startswith("/cms/"):  # not Wagtail's guide and news
                links.add(urlsplit(value["url"]).path)
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(props)
    return links - {"/cms/logout/"}


@pytest.fixture
def editorial(demo_site, amt_huettener_berge):
    """A Redaktion with one profile awaiting the second person, a news item, a membership
    request, and a superuser."""
    group = Group.objects.get(name=EDITORS_GROUP)
    workflow = editorial_workflow_ensure(approvers=group)
    author = UserFactory(email="autorin@example.org", first_name="Anke", last_name="Autorin")
    editor = UserFactory(email="redaktion@example.org", first_name="Rieke", last_name="Redaktion")
    for person in (author, editor):
        person.groups.add(group)
    UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)

    profile = demo_site.service_index.get_children().specific().first()
    profile.short_description += " Überarbeitet."
    profile.save_revision(user=author)
    workflow.start(profile, author)

    (news,) = news_pages_ensure(parent=demo_site.news_index, items=demo_news()[:1])
    membership = Membership.objects.create(
        user=UserFactory(first_name="Mara", last_name="Mitglied"),
        verwaltung=VerwaltungFactory(name="Amt Probsteierhagen"),
        status=Membership.Status.REQUESTED,
    )
    upcoming = Dienst.objects.get(title="Anmeldung der Eheschließung")
    DienstInterest.objects.create(dienst=upcoming, verwaltung=membership.verwaltung, note="Bald")
    agreement = Agreement.objects.first()
    version = agreement.versions.first()
    object_pages = [
        f"/cms/pages/{demo_site.service_index.pk}/",
        f"/cms/pages/{demo_site.news_index.pk}/",
        f"/cms/pages/{profile.pk}/edit/",
        f"/cms/pages/{profile.pk}/history/",
        f"/cms/pages/{profile.pk}/workflow_history/",
        f"/cms/pages/{profile.pk}/revisions/{profile.latest_revision_id}/view/",
        f"/cms/pages/{news.pk}/edit/",
        f"/cms/pages/add/cms_pages/servicepage/{demo_site.service_index.pk}/",
        f"/cms/shop/verwaltung/inspect/{amt_huettener_berge.pk}/",
        f"/cms/shop/gemeinde/inspect/{Gemeinde.objects.first().pk}/",
        f"/cms/snippets/shop/agreement/edit/{agreement.pk}/",
        f"/cms/snippets/shop/agreementversion/inspect/{version.pk}/",
        f"/cms/mitgliedschaften/{membership.pk}/",
        f"/cms/interessen/{upcoming.pk}/",
        f"/cms/mitglieder/{membership.pk}/",
        "/cms/settings/cms_pages/legallinks/",
        "/cms/pages/search/?q=Wohngeld",
    ]
    return editor, object_pages


def sweep(page: Page, paths: list[str], *, required: bool) -> tuple[list[str], list]:
    """Visit each page at both widths; a page the person may not see (Wagtail sends her back
    to the dashboard) is skipped unless `required`. A page may forward to one below it (the
    settings to those of the one site). Returns the pages seen and the problems."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    seen, problems = [], []
    for path in paths:
        for viewport in (DESKTOP, MOBILE):
            page.set_viewport_size(viewport)
            response = page.goto(path)
            arrived = urlsplit(page.url).path.startswith(urlsplit(path).path)
            if not arrived and not required:
                break
            where = f"{path} bei {viewport['width']} px"
            if response.status != 200 or not arrived:
                problems.append((where, response.status, page.url))
                break
            # goto() returned at the load event; two frames later what the admin's scripts
            # draw on load is laid out (waiting for network idle cost half a second a page).
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            for problem in (
                [found for found in overlapping_elements(page) if found not in DESIGNED_OVERLAPS],
                horizontal_overflow(page),
                tables_without_scroll_hint(page),
                words_broken_apart(page),
                words_found(page, ENGLISH),
                errors[:],
            ):
                if problem:
                    problems.append((where, problem))
            errors.clear()
        else:
            seen.append(path)
    return seen, problems


def test_the_pages_of_the_redaktion_and_of_a_superuser(page: Page, editorial):
    editor, object_pages = editorial
    log_in_to_cms(page, editor.email)
    menu = sidebar_links(page)
    seen, problems = sweep(page, admin_pages(), required=False)
    object_seen, object_problems = sweep(page, object_pages, required=True)
    seen += object_seen
    problems += object_problems

    # What differs for a superuser: the pages only she reaches, the editor with "Veröffentlichen".
    log_out(page)
    log_in_to_cms(page, "admin@example.org")
    admin_menu = sidebar_links(page)
    only_admin = [path for path in admin_pages() if path not in seen]
    admin_seen, admin_problems = sweep(page, only_admin, required=False)
    problems += admin_problems + sweep(page, object_pages[2:3], required=True)[1]

    assert not problems, "\n".join(map(str, problems))
    assert "/cms/" in seen
    assert menu <= set(seen), f"Menü verlinkt ungeprüfte Seiten: {menu - set(seen)}"
    assert admin_menu <= {*seen, *admin_seen}, admin_menu - {*seen, *admin_seen}
