"""The Wagtail pages editors use read German with correct capitalisation: a sweep over the
listings, edit, add and inspect views of pages, snippets and the Kommunalregister, and the login."""

import re
from html.parser import HTMLParser

import pytest

from shop.models import VerwaltungKind
from tests.factories import GemeindeFactory
from tests.factories import OzgLeistungFactory
from tests.factories import VerwaltungFactory
from tests.factories import published_version
from tests.pages import service_page_create

pytestmark = pytest.mark.django_db

# Words that show English or a generated label where German belongs.
ENGLISH = re.compile(
    r"\b(count|True|False|Password|Inspect|Add|Edit|Delete)\b|Wagtail anmelden|ozg-leistung|"
    r"vereinbarung hinzufügen|EPayment|ePayment nötig|Text \(HTML\)"
)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def test_the_login_page_is_german(client):
    text = visible_text(client.get("/cms/login/").content.decode())

    assert "Passwort" in text
    assert "Anmelden" in text
    assert not ENGLISH.search(text), ENGLISH.search(text)


def test_editors_pages_have_no_english_or_generated_labels(client, editor, page_tree):
    client.force_login(editor)
    amt = VerwaltungFactory(kind=VerwaltungKind.AMT)
    gemeinde = GemeindeFactory(verwaltung=amt)
    profile = service_page_create(
        parent=page_tree.service_index, ozg_leistungen=[OzgLeistungFactory()]
    )
    agreement = published_version().agreement
    paths = [
        "/cms/",
        "/cms/pages/",
        f"/cms/pages/{page_tree.service_index.pk}/",
        f"/cms/pages/{profile.pk}/edit/",
        f"/cms/pages/add/cms_pages/servicepage/{page_tree.service_index.pk}/",
        "/cms/shop/verwaltung/",
        f"/cms/shop/verwaltung/inspect/{amt.pk}/",
        "/cms/shop/gemeinde/",
        f"/cms/shop/gemeinde/inspect/{gemeinde.pk}/",
        "/cms/snippets/shop/ozgleistung/",
        "/cms/snippets/shop/agreement/",
        f"/cms/snippets/shop/agreement/edit/{agreement.pk}/",
        "/cms/snippets/shop/agreementversion/",
        "/cms/snippets/shop/agreementversion/add/",
        "/cms/mitgliedschaften/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = visible_text(response.content.decode())
        found = ENGLISH.search(text)
        assert not found, (path, found, text[max(found.start() - 80, 0) : found.end() + 80])


def test_the_page_search_counts_its_results_as_pages(client, editor, page_tree):
    """Wagtail's page search named them by an empty value: "1-1 von 1 None"."""
    client.force_login(editor)
    profile = service_page_create(parent=page_tree.service_index, title="Wohngeld online")

    one = visible_text(client.get("/cms/pages/search/?q=Wohngeld").content.decode())
    all_pages = visible_text(client.get("/cms/pages/search/?q=").content.decode())

    assert re.search(r"1-1 von 1 Seite\b", one), one
    assert re.search(r"von \d+ Seiten\b", all_pages)
    assert "None" not in one + all_pages
    assert profile.title in one


def test_the_registry_list_and_inspect_view_show_gemeinden_and_yes_or_no(client, editor, page_tree):
    client.force_login(editor)
    amt = VerwaltungFactory(kind=VerwaltungKind.AMT, name="Amt Probe")
    GemeindeFactory(verwaltung=amt)

    listing = client.get("/cms/shop/verwaltung/").content.decode()
    inspect = visible_text(client.get(f"/cms/shop/verwaltung/inspect/{amt.pk}/").content.decode())

    assert re.search(r">\s*Gemeinden\s*<", listing)
    assert "Gemeinden count" not in listing
    assert re.search(r"aktiv\s+ja", inspect)
    assert "css/wagtail_admin.css" in listing
