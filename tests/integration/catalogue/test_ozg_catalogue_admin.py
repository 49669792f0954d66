"""Editors browse the OZG-Leistungen in the Wagtail admin and pick them in choosers, read-only;
nobody adds, edits or deletes them there, and people without the permission are turned away."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from shop.accounts.services import EDITORS_GROUP
from shop.models import OzgLeistung
from tests.factories import LageFactory
from tests.factories import LeikaLeistungFactory
from tests.factories import OzgLeistungFactory
from tests.factories import ThemenfeldFactory
from tests.factories import UserFactory
from tests.factories import add_permission
from tests.responses import assert_listing_filters
from tests.responses import queries_for

INDEX = "/cms/snippets/shop/ozgleistung/"
CHOOSER = "/cms/snippets/choose/shop/ozgleistung/"


def url(name: str, *args: object) -> str:
    return reverse(f"wagtailsnippets_shop_ozgleistung:{name}", args=args)


@pytest.fixture(autouse=True)
def _editors_view_the_catalogue(db):
    # Not (yet) among the group's permissions in shop.accounts.services.EDITOR_PERMISSIONS.
    add_permission(Group.objects.get(name=EDITORS_GROUP), "shop.view_ozgleistung")


@pytest.fixture
def catalogue(db) -> dict[str, OzgLeistung]:
    familie = ThemenfeldFactory(name="Familie & Kind", slug="familie-kind")
    querschnitt = ThemenfeldFactory(name="Querschnitt", slug="querschnitt")
    geburt = LageFactory(themenfeld=familie, name="Geburt", slug="geburt")
    buerger = LageFactory(
        themenfeld=querschnitt, name="Querschnitt Bürger", slug="querschnitt-buerger"
    )
    elterngeld = OzgLeistungFactory(ozg_id="10000", name="Elterngeld", lage=geburt)
    LeikaLeistungFactory(
        key="99041006000000", name="Elterngeld Bewilligung", ozg_leistung=elterngeld
    )
    ausweis = OzgLeistungFactory(ozg_id="10119", name="Personalausweis", lage=buerger)
    return {"elterngeld": elterngeld, "ausweis": ausweis}


@pytest.fixture
def admin_without_catalogue(db):
    """May enter the Wagtail admin, but has no permission on the catalogue."""
    user = UserFactory(email="nur-admin@example.org")
    add_permission(user, "wagtailadmin.access_admin")
    return user


def test_editor_finds_the_listing_in_the_menu_and_sees_lage_and_themenfeld(
    client, editor, catalogue
):
    client.force_login(editor)

    assert INDEX in client.get("/cms/").content.decode()
    listing = client.get(INDEX)

    html = listing.content.decode()
    assert listing.status_code == 200
    assert "OZG-Leistungen" in html
    for text in ("10000", "Elterngeld", "Geburt", "Familie &amp; Kind", "Personalausweis"):
        assert text in html


# The query of each search or filter, made from the catalogue fixture's records.
@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        pytest.param(lambda _: {"q": "Elterng"}, "Elterngeld", "Personalausweis", id="by-name"),
        pytest.param(lambda _: {"q": "10119"}, "Personalausweis", "Elterngeld", id="by-ozg-id"),
        pytest.param(
            lambda catalogue: {"lage__themenfeld": catalogue["ausweis"].lage.themenfeld.pk},
            "Personalausweis",
            "Elterngeld",
            id="by-themenfeld",
        ),
    ],
)
def test_editor_searches_and_filters_ozg_leistungen(
    client, editor, catalogue, query, shown, hidden
):
    client.force_login(editor)

    assert_listing_filters(client.get(INDEX, query(catalogue)), shown=shown, hidden=hidden)


def test_editor_inspects_an_ozg_leistung_with_its_leika_leistungen(client, editor, catalogue):
    client.force_login(editor)

    response = client.get(url("inspect", catalogue["elterngeld"].pk))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Familie &amp; Kind" in html
    assert "LeiKa-Leistungen" in html
    assert "Elterngeld Bewilligung (99041006000000)" in html


@pytest.mark.parametrize("user_fixture", ["editor", "superuser"])
def test_nobody_adds_edits_or_deletes_ozg_leistungen(request, client, catalogue, user_fixture):
    """The catalogue changes only by import; Wagtail answers a denied action with a redirect."""
    client.force_login(request.getfixturevalue(user_fixture))
    elterngeld = catalogue["elterngeld"]

    listing = client.get(INDEX).content.decode()
    assert url("add") not in listing
    assert url("edit", elterngeld.pk) not in listing
    assert url("delete", elterngeld.pk) not in listing

    for method, path in [
        ("get", url("add")),
        ("post", url("add")),
        ("get", url("edit", elterngeld.pk)),
        ("post", url("edit", elterngeld.pk)),
        ("get", url("delete", elterngeld.pk)),
        ("post", url("delete", elterngeld.pk)),
    ]:
        response = getattr(client, method)(path, {"name": "Geändert", "ozg_id": "10999"})
        assert (method, path, response.status_code) == (method, path, 302)
        assert response["Location"] == "/cms/"

    bulk_delete = reverse("wagtail_bulk_action", args=("shop", "ozgleistung", "delete"))
    refused = client.get(bulk_delete, {"id": elterngeld.pk}).content.decode()
    assert "Sie haben nicht die Berechtigung" in refused
    client.post(f"{bulk_delete}?id={elterngeld.pk}")

    elterngeld.refresh_from_db()
    assert elterngeld.name == "Elterngeld"
    assert OzgLeistung.objects.count() == 2


def test_choosing_needs_nothing_but_admin_access(client, admin_without_catalogue, catalogue):
    """Snippet choosers check no model permission; the Wagtail admin access is enough."""
    client.force_login(admin_without_catalogue)

    chooser = client.get(CHOOSER)
    found = client.get(f"{CHOOSER}results/", {"q": "Personal"})

    assert chooser.status_code == 200
    assert "Elterngeld" in chooser.json()["html"]
    assert found.status_code == 200
    assert "Personalausweis" in found.content.decode()
    assert "Elterngeld" not in found.content.decode()


def test_admin_without_the_view_permission_gets_no_listing(
    client, admin_without_catalogue, catalogue
):
    client.force_login(admin_without_catalogue)

    assert INDEX not in client.get("/cms/").content.decode()
    response = client.get(INDEX)

    assert response.status_code == 302
    assert response["Location"] == "/cms/"


@pytest.mark.parametrize(("logged_in", "status"), [(True, 403), (False, 302)])
def test_user_without_the_group_gets_403_or_the_wagtail_login(client, catalogue, logged_in, status):
    if logged_in:
        client.force_login(UserFactory(email="amt@example.org"))

    response = client.get(INDEX)

    assert response.status_code == status
    if not logged_in:
        assert "/cms/login/" in response["Location"]


def test_listing_query_count_does_not_grow_with_rows(client, editor, catalogue):
    client.force_login(editor)
    few = queries_for(client, INDEX)

    OzgLeistungFactory.create_batch(40, lage=catalogue["elterngeld"].lage)

    assert queries_for(client, INDEX) == few
