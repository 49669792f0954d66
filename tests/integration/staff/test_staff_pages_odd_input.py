"""Server errors that the odd-input sweep (test_odd_input.py) found in the staff areas, each
fixed where it arose: Oscar's admin searches, Wagtail's search on SQLite, Wagtail's workflow
page, the registry lists of wagtail-modeladmin and Wagtail's deliberate error page."""

import pytest
from wagtail.models import Workflow

from tests.factories import UserFactory
from tests.factories import VerwaltungFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/django-admin/order/order/",
        "/django-admin/basket/basket/",
        "/django-admin/address/useraddress/",
        "/django-admin/communication/email/",
    ],
)
def test_oscars_admin_lists_search_without_a_user_name(superuser_client, url):
    """Oscar's admin classes also searched `user__username`, a field the shop's user model
    does not have (FieldError)."""
    assert superuser_client.get(url, {"q": "mitglied@amt.example"}).status_code == 200


@pytest.mark.parametrize("q", ['"', 'Wohn"geld', '""', "'"])
def test_wagtails_admin_search_takes_unpaired_quotes(superuser_client, page_tree, q):
    """On SQLite a `"` inside a term broke FTS5's syntax (ozg_site.search_backend)."""
    for url in ("/cms/pages/", "/cms/pages/search/", "/cms/images/", "/cms/documents/chooser/"):
        assert superuser_client.get(url, {"q": q}).status_code == 200, url


@pytest.mark.parametrize("page", ["abc", "999", "-1"])
def test_the_workflow_page_takes_any_page_number(superuser_client, page):
    workflow = Workflow.objects.create(name="Freigabe")

    response = superuser_client.get(f"/cms/workflows/edit/{workflow.pk}/", {"p": page})

    assert response.status_code == 200
    assert "Freigabe" in response.content.decode()


def test_the_registry_list_ignores_an_unknown_parameter_with_a_note(superuser_client):
    VerwaltungFactory(name="Amt Hüttener Berge")

    response = superuser_client.get("/cms/shop/verwaltung/", {"page": "2"}, follow=True)

    assert response.redirect_chain == [("/cms/shop/verwaltung/", 302)]
    content = response.content.decode()
    assert "Die Adresse enthielt einen unbekannten Filter. Angezeigt wird alles." in content
    assert "Amt Hüttener Berge" in content


def test_wagtails_deliberate_error_page_is_gone(superuser_client):
    assert superuser_client.get("/cms/failwhale/").status_code == 404
