"""What a worker keeps of the public pages between requests (the site, the service cards), and
that a change is shown at once: the generation of the public pages ends what was kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.pages import service_page_create
from tests.responses import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


def _site_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum("wagtailcore_site" in query["sql"] for query in queries)


def test_the_site_is_looked_up_once_per_generation(client, page_tree):
    assert _site_queries(client, "/") > 0
    assert _site_queries(client, "/") == 0
    assert _site_queries(client, "/dienste/") == 0


def test_a_changed_site_is_used_at_once(client, page_tree):
    client.get("/")
    site = Site.objects.get(is_default_site=True)
    site.root_page = page_tree.service_index
    site.save()

    assert "Suchbegriff, OZG-ID oder LeiKa-Schlüssel" in page_text(client.get("/"))


def test_a_card_shows_a_published_change_at_once(client, page_tree):
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld")
    assert ">Wohngeld</a>" in page_text(client.get("/dienste/"))

    page.title = "Wohngeld beantragen"
    page.save_revision().publish()

    html = page_text(client.get("/dienste/"))
    assert ">Wohngeld beantragen</a>" in html
    assert ">Wohngeld</a>" not in html


def test_a_card_is_the_same_for_everyone(client, page_tree, member):
    """Rendered without the context processors: nothing of the first visitor stays in it."""
    service_page_create(parent=page_tree.service_index, title="Wohngeld")
    client.force_login(member)
    signed_in = page_text(client.get("/dienste/"))
    client.logout()
    anonymous = page_text(client.get("/dienste/"))

    card = '<li class="site-service-card">'
    assert (
        signed_in.split(card)[1].split("</article>")[0]
        == (anonymous.split(card)[1].split("</article>")[0])
    )
    assert member.email not in anonymous


def test_a_profile_shows_a_published_change_at_once(client, page_tree):
    page = service_page_create(parent=page_tree.service_index, provider="Dataport")
    assert "Dataport" in page_text(client.get(page.url))

    page.provider = "ITVSH"
    page.save_revision().publish()

    html = page_text(client.get(page.url))
    assert "ITVSH" in html
    assert "Dataport" not in html


def test_a_preview_shows_the_draft_and_keeps_nothing(client, page_tree):
    """An editor's preview renders the unsaved state; the public page keeps showing what is live,
    before and after the preview."""
    page = service_page_create(parent=page_tree.service_index, provider="Dataport")
    client.get(page.url)

    page.provider = "Entwurf eines Anbieters"
    preview = page.make_preview_request().content.decode()
    public = page_text(client.get(page.url))

    assert "Entwurf eines Anbieters" in preview
    assert "Entwurf eines Anbieters" not in public
    assert "Dataport" in public
