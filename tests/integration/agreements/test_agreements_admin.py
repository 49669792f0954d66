"""Editors write agreements and their versions in the Wagtail admin ("Vereinbarungen"), publish a
version, and from then on nobody changes or deletes it there, superusers included; a change is
a new version. People without the permissions are turned away."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data
from wagtail.test.utils.form_data import rich_text

from shop.accounts.services import EDITORS_GROUP
from shop.agreements.admin_views import AGREEMENT_TEXT_FEATURES
from shop.agreements.selectors import agreement_current_version
from shop.models import Agreement
from shop.models import AgreementKind
from shop.models import AgreementVersion
from shop.models.agreements import text_hash
from tests.factories import AgreementFactory
from tests.factories import AgreementVersionFactory
from tests.factories import UserFactory
from tests.factories import add_permission
from tests.factories import published_version
from tests.responses import queries_for

pytestmark = pytest.mark.django_db

AGREEMENTS = "/cms/snippets/shop/agreement/"
VERSIONS = "/cms/snippets/shop/agreementversion/"

# Not (yet) among the group's permissions in shop.accounts.services.EDITOR_PERMISSIONS.
AGREEMENT_EDITOR_PERMISSIONS = [
    f"shop.{action}_{model}"
    for model in ("agreement", "agreementversion")
    for action in ("add", "change", "delete", "view")
]


def agreement_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_shop_agreement:{name}", args=args)


def version_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_shop_agreementversion:{name}", args=args)


@pytest.fixture(autouse=True)
def _editors_manage_agreements(db):
    group = Group.objects.get(name=EDITORS_GROUP)
    for code in AGREEMENT_EDITOR_PERMISSIONS:
        add_permission(group, code)


def version_form(agreement: Agreement, **values) -> dict:
    text = values.pop("text", "<h2>§ 1 Gegenstand</h2><p>Die Kommune nutzt den Dienst.</p>")
    data = {
        "agreement": agreement.pk,
        "version": "1.0",
        "valid_from": "2026-01-01",
        "text": rich_text(text, features=AGREEMENT_TEXT_FEATURES),
        "pdf": "",
    }
    data.update(values)
    return nested_form_data(data)


def test_editor_writes_an_agreement_and_publishes_a_version(client, editor):
    client.force_login(editor)
    assert AGREEMENTS in client.get("/cms/").content.decode()
    assert "Vereinbarungen" in client.get("/cms/").content.decode()

    created = client.post(
        agreement_url("add"),
        nested_form_data(
            {
                "title": "Besondere Bedingungen Postfach",
                "slug": "besondere-bedingungen-postfach",
                "kind": AgreementKind.SERVICE_TERMS,
            }
        ),
    )
    assert created.status_code == 302
    agreement = Agreement.objects.get(slug="besondere-bedingungen-postfach")
    assert not agreement.required_for_every_order

    form = client.get(version_url("add"), {"agreement": agreement.pk})
    assert form.status_code == 200
    assert f'name="agreement" value="{agreement.pk}"' in form.content.decode()  # snippet chooser
    assert "Jetzt veröffentlichen" in form.content.decode()

    draft_saved = client.post(version_url("add"), version_form(agreement))
    assert draft_saved.status_code == 302
    version = AgreementVersion.objects.get(agreement=agreement)
    assert not version.is_published
    assert "Die Kommune nutzt den Dienst." in version.text

    edited = client.post(
        version_url("edit", version.pk),
        version_form(agreement, text="<h2>§ 1 Gegenstand</h2><p>Überarbeitet.</p>"),
    )
    assert edited.status_code == 302
    version.refresh_from_db()
    assert "Überarbeitet." in version.text
    assert not version.is_published

    published = client.post(
        version_url("edit", version.pk),
        version_form(agreement, text="<h2>§ 1 Gegenstand</h2><p>Endfassung.</p>", publish_now="on"),
    )
    assert published.status_code == 302
    version.refresh_from_db()
    assert version.is_published
    assert "Endfassung." in version.text
    assert version.text_sha256 == text_hash(version.text)
    assert "ist veröffentlicht" in client.get(published["Location"]).content.decode()


@pytest.mark.parametrize("user_fixture", ["editor", "superuser"])
def test_nobody_edits_or_deletes_a_published_version(request, client, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    version = published_version(version="1.0", text="<p>Veröffentlicht.</p>")
    inspect = version_url("inspect", version.pk)

    for method, path in [
        ("get", version_url("edit", version.pk)),
        ("post", version_url("edit", version.pk)),
        ("get", version_url("delete", version.pk)),
        ("post", version_url("delete", version.pk)),
    ]:
        data = version_form(version.agreement, text="<p>Geändert.</p>", publish_now="on")
        response = getattr(client, method)(path, data if method == "post" else None)
        assert (method, path, response.status_code, response["Location"]) == (
            method,
            path,
            302,
            inspect,
        )

    bulk_delete = reverse("wagtail_bulk_action", args=("shop", "agreementversion", "delete"))
    client.post(f"{bulk_delete}?id={version.pk}")

    stored = AgreementVersion.objects.get(pk=version.pk)
    assert stored.text == "<p>Veröffentlicht.</p>"
    assert stored.published_at == version.published_at

    page = client.get(inspect)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Veröffentlicht." in html
    assert version.text_sha256 in html
    assert version_url("edit", version.pk) not in html
    assert version_url("delete", version.pk) not in html
    assert "kann weder geändert noch gelöscht werden" in html  # the message of the redirects

    listing = client.get(VERSIONS).content.decode()
    assert inspect in listing
    assert version_url("edit", version.pk) not in listing
    assert version_url("delete", version.pk) not in listing


def test_editor_creates_version_1_1_published_at_once_and_it_becomes_current(client, editor):
    client.force_login(editor)
    old = published_version(version="1.0", valid_from=datetime.date(2025, 1, 1))
    today = timezone.localdate()

    response = client.post(
        version_url("add"),
        version_form(
            old.agreement,
            version="1.1",
            valid_from=today.isoformat(),
            text="<p>Neue Fassung.</p>",
            publish_now="on",
        ),
    )

    assert response.status_code == 302
    new = AgreementVersion.objects.get(agreement=old.agreement, version="1.1")
    assert new.is_published
    assert agreement_current_version(agreement=old.agreement, on=today) == new
    assert AgreementVersion.objects.get(pk=old.pk).text == old.text


def test_copying_a_published_version_prefills_a_new_draft(client, editor):
    client.force_login(editor)
    old = published_version(version="1.0", text="<p>Absatz aus Version 1.0.</p>")

    form = client.get(version_url("copy", old.pk))

    html = form.content.decode()
    assert form.status_code == 200
    assert "Absatz aus Version 1.0." in html
    assert 'name="version" value="1.0"' not in html
    assert f'action="{version_url("add")}' in html


def test_a_version_valid_before_the_published_one_is_not_published(client, editor):
    client.force_login(editor)
    current = published_version(version="1.1", valid_from=datetime.date(2026, 1, 1))

    response = client.post(
        version_url("add"),
        version_form(current.agreement, version="1.2", valid_from="2025-06-01", publish_now="on"),
    )

    assert response.status_code == 200
    assert "Eine neue Version muss ab demselben oder einem späteren Tag gelten" in (
        response.content.decode()
    )
    assert not AgreementVersion.objects.filter(version="1.2").exists()


def test_a_draft_can_be_deleted(client, editor):
    client.force_login(editor)
    draft = AgreementVersionFactory()

    assert version_url("delete", draft.pk) in client.get(VERSIONS).content.decode()
    response = client.post(version_url("delete", draft.pk))

    assert response.status_code == 302
    assert not AgreementVersion.objects.filter(pk=draft.pk).exists()


def test_an_agreement_with_versions_is_not_deleted(client, editor):
    client.force_login(editor)
    with_versions = AgreementVersionFactory().agreement
    without_versions = AgreementFactory()

    listing = client.get(AGREEMENTS).content.decode()
    assert agreement_url("delete", with_versions.pk) not in listing
    assert agreement_url("delete", without_versions.pk) in listing

    refused = client.post(agreement_url("delete", with_versions.pk))
    deleted = client.post(agreement_url("delete", without_versions.pk))

    assert refused.status_code == 302
    assert refused["Location"] == agreement_url("inspect", with_versions.pk)
    assert Agreement.objects.filter(pk=with_versions.pk).exists()
    assert deleted.status_code == 302
    assert not Agreement.objects.filter(pk=without_versions.pk).exists()


def test_agreement_listing_shows_the_current_version_and_filters_and_searches(client, editor):
    """Rows are told apart by their links: the filter form repeats titles and kinds."""
    client.force_login(editor)
    terms = AgreementFactory(
        title="Nutzungsbedingungen Beispiel",
        kind=AgreementKind.TERMS_OF_USE,
        required_for_every_order=True,
    )
    published_version(agreement=terms, version="1.0", valid_from=datetime.date(2025, 1, 1))
    published_version(agreement=terms, version="1.1", valid_from=datetime.date(2026, 1, 1))
    avv = AgreementFactory(title="AVV Beispiel", kind=AgreementKind.DATA_PROCESSING)
    terms_row, avv_row = agreement_url("edit", terms.pk), agreement_url("edit", avv.pk)

    listing = client.get(AGREEMENTS).content.decode()
    by_kind = client.get(AGREEMENTS, {"kind": AgreementKind.DATA_PROCESSING}).content.decode()
    by_search = client.get(AGREEMENTS, {"q": "nutzungsbed"}).content.decode()

    assert terms_row in listing and avv_row in listing
    assert "1.1" in listing and "Aktuelle Version" in listing
    assert avv_row in by_kind and terms_row not in by_kind
    assert terms_row in by_search and avv_row not in by_search

    inspect = client.get(agreement_url("inspect", terms.pk)).content.decode()
    assert "Version 1.0" in inspect and "Version 1.1" in inspect
    assert f"{version_url('add')}?agreement={terms.pk}" in inspect


def test_version_listing_filters_by_agreement(client, editor):
    client.force_login(editor)
    terms = published_version(agreement=AgreementFactory(title="Nutzungsbedingungen"))
    avv = AgreementVersionFactory(agreement=AgreementFactory(title="AVV Beispiel"))

    html = client.get(VERSIONS, {"agreement": avv.agreement_id}).content.decode()

    assert version_url("edit", avv.pk) in html
    assert version_url("inspect", terms.pk) not in html


@pytest.mark.parametrize(("path", "rows"), [(AGREEMENTS, "agreements"), (VERSIONS, "versions")])
def test_listing_query_count_does_not_grow_with_rows(client, editor, path, rows):
    client.force_login(editor)
    published_version()
    few = queries_for(client, path)
    for _ in range(15):
        published_version()
        AgreementVersionFactory()

    assert queries_for(client, path) == few


def test_admin_without_the_permissions_gets_no_agreements(client):
    user = UserFactory(email="nur-admin@example.org")
    add_permission(user, "wagtailadmin.access_admin")
    version = published_version()
    client.force_login(user)

    assert AGREEMENTS not in client.get("/cms/").content.decode()
    for path in [
        AGREEMENTS,
        VERSIONS,
        agreement_url("add"),
        version_url("add"),
        version_url("inspect", version.pk),
    ]:
        response = client.get(path)
        assert (path, response.status_code, response["Location"]) == (path, 302, "/cms/")
    client.post(version_url("add"), version_form(version.agreement, version="9.9"))
    assert not AgreementVersion.objects.filter(version="9.9").exists()


@pytest.mark.parametrize(("logged_in", "status"), [(True, 403), (False, 302)])
def test_user_without_admin_access_gets_403_or_the_wagtail_login(client, logged_in, status):
    if logged_in:
        client.force_login(UserFactory(email="amt@kommune.example"))

    for path in (AGREEMENTS, VERSIONS):
        response = client.get(path)
        assert response.status_code == status
        if not logged_in:
            assert "/cms/login/" in response["Location"]
