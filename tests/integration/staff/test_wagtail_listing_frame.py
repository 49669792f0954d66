"""Wagtail's listings scroll sideways on a phone (wagtail_admin.css): their frame takes the
keyboard focus and is a named region, as the shop's tables are."""

import re

import pytest

pytestmark = pytest.mark.django_db

FRAME = re.compile(r'<div id="listing-results"([^>]*)>')


def frame_of(html: str) -> str:
    (attributes,) = FRAME.findall(html)
    return attributes


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/cms/documents/", "Dokumente: Liste"),
        ("/cms/users/", "Benutzer: Liste"),
        ("/cms/pages/search/?q=Impressum", "Suchen: Liste"),
    ],
)
def test_a_listing_is_a_named_region_the_keyboard_reaches(
    client, superuser, page_tree, path, label
):
    client.force_login(superuser)

    attributes = frame_of(client.get(path).content.decode())

    assert 'role="region"' in attributes
    assert 'tabindex="0"' in attributes
    assert f'aria-label="{label}"' in attributes


def test_the_page_explorer_frames_its_listing_too(client, editor, page_tree):
    client.force_login(editor)

    html = client.get(f"/cms/pages/{page_tree.home.pk}/").content.decode()

    assert frame_of(html) == ' role="region" aria-label="Erkunden: Liste" tabindex="0"'
