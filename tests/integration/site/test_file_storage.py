"""Files on the configured storages: the file system of `make test`, and in CI's second run
(.ci/run) the buckets of a local S3 server (S3_* variables, ozg_site.object_storage). Every test
holds on both; where they differ, each says what it expects of which."""

import io
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.storage import storages
from django.core.management import CommandError
from django.core.management import call_command
from django.template import Context
from django.template import Template
from django.test import Client
from django.test import override_settings
from PIL import Image as PillowImage
from storages.backends.s3 import S3Storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ozg_site.object_storage import PRIVATE_URL_SECONDS
from ozg_site.object_storage import S3_BACKEND
from ozg_site.s3_storage import FailSoftS3Storage

pytestmark = [pytest.mark.django_db, pytest.mark.object_storage]

ON_S3 = isinstance(default_storage, S3Storage)
# Nothing listens on port 1: refused at once.
UNREACHABLE_STORE = {
    "bucket_name": "ozg-medien",
    "endpoint_url": "http://127.0.0.1:1",
    "region_name": "eu-central-1",
}
PUBLIC_GRANTEES = (
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
)


def png() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "#003064").save(buffer, format="PNG")
    return buffer.getvalue()


def anonymous_get(url: str) -> int:
    """The status a browser without credentials gets for an absolute URL of the bucket."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the local S3 server)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def private_name():
    """A file in the private storage, deleted afterwards."""
    storage = storages["private"]
    name = storage.save(f"pruefung/{uuid.uuid4().hex}/nachweis.txt", ContentFile(b"vertraulich"))
    yield name
    storage.delete(name)


def test_a_private_file_is_saved_read_and_deleted(private_name):
    storage = storages["private"]

    assert storage.exists(private_name)
    with storage.open(private_name, "rb") as stored:
        assert stored.read() == b"vertraulich"
    # A second upload of the same name keeps the first file.
    second = storage.save(private_name, ContentFile(b"andere"))
    assert second != private_name
    storage.delete(second)
    assert not storage.exists(second)
    with storage.open(private_name, "rb") as stored:
        assert stored.read() == b"vertraulich"


def test_a_private_file_gets_no_public_link(client, private_name):
    storage = storages["private"]
    url = storage.url(private_name)

    if ON_S3:
        assert storage.querystring_auth and storage.default_acl == "private"
        assert "X-Amz-Signature=" in url
        assert f"X-Amz-Expires={PRIVATE_URL_SECONDS}" in url
        unsigned = url.split("?")[0]
        assert anonymous_get(unsigned) == 403
        grants = storage.connection.meta.client.get_object_acl(
            Bucket=storage.bucket_name, Key=storage._normalize_name(private_name)
        )["Grants"]
        assert not [g for g in grants if g["Grantee"].get("URI") in PUBLIC_GRANTEES]
    else:
        assert not Path(storage.path(private_name)).is_relative_to(settings.MEDIA_ROOT)
        assert client.get(url).status_code == 404


def test_an_editor_uploads_a_document_that_is_served_through_the_view(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    response = client.post(
        "/cms/documents/add/",
        {
            "title": "Anbindungsleitfaden",
            "file": ContentFile(b"%PDF-1.4 Leitfaden", name="leitfaden.pdf"),
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Anbindungsleitfaden")
    try:
        assert document.url.startswith("/dokumente/")
        client.logout()
        served = client.get(document.url)
        # Streamed from the storage, not a redirect to the bucket (WAGTAILDOCS_SERVE_METHOD).
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == b"%PDF-1.4 Leitfaden"
        if ON_S3:
            # Only the images are public in the bucket (its policy): the document is not.
            assert anonymous_get(default_storage.url(document.file.name)) == 403
    finally:
        # Wagtail deletes the file after the commit.
        with django_capture_on_commit_callbacks(execute=True):
            document.delete()


def test_an_editor_uploads_an_image_whose_renditions_browsers_load(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    response = client.post(
        "/cms/images/add/",
        {"title": "Servicekonto", "file": ContentFile(png(), name="servicekonto.png")},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Servicekonto")
    try:
        assert (image.width, image.height) == (40, 30)
        rendition = image.get_rendition("width-20")
        assert (rendition.width, rendition.height) == (20, 15)
        assert image.get_rendition("width-20").pk == rendition.pk
        if ON_S3:
            for url in (image.file.url, rendition.url):
                assert anonymous_get(url) == 200
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(rendition.url))
            assert origin in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
        else:
            assert rendition.url.startswith(settings.MEDIA_URL)
            assert default_storage.exists(rendition.file.name)
    finally:
        with django_capture_on_commit_callbacks(execute=True):
            image.delete()


def test_a_page_renders_without_the_image_while_the_object_store_is_down(
    django_capture_on_commit_callbacks,
):
    image = get_image_model().objects.create(
        title="Postfach", file=ContentFile(png(), name="postfach.png")
    )
    try:
        image = get_image_model().objects.get(pk=image.pk)
        image.file.storage = FailSoftS3Storage(**UNREACHABLE_STORE)

        html = Template("{% load wagtailimages_tags %}{% image image width-20 %}").render(
            Context({"image": image})
        )

        assert 'alt="Postfach"' in html
        assert not image.renditions.exists()  # made once the store answers again
    finally:
        with django_capture_on_commit_callbacks(execute=True):
            get_image_model().objects.get(pk=image.pk).delete()


def test_a_document_while_the_object_store_is_down_gets_the_503_page(
    django_capture_on_commit_callbacks,
):
    document = get_document_model().objects.create(
        title="Leitfaden", file=ContentFile(b"%PDF-1.4", name="leitfaden.pdf")
    )
    unreachable = {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {**UNREACHABLE_STORE, "access_key": "schluessel", "secret_key": "geheim"},
    }
    try:
        with override_settings(STORAGES={**settings.STORAGES, "default": unreachable}):
            response = Client(raise_request_exception=False).get(document.url)

        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "Vorübergehend nicht erreichbar" in response.content.decode()
    finally:
        with django_capture_on_commit_callbacks(execute=True):
            document.delete()


def test_check_storage_finds_both_storages_in_order():
    output = io.StringIO()

    call_command("check_storage", stdout=output)

    assert output.getvalue().count("in Ordnung") == 2


def test_copy_to_storage_copies_once_and_never_overwrites(tmp_path):
    folder = f"kopie-{uuid.uuid4().hex}"
    (tmp_path / folder / "documents").mkdir(parents=True)
    (tmp_path / folder / "documents" / "vereinbarung.pdf").write_bytes(b"Vereinbarung")
    (tmp_path / folder / "anleitung.txt").write_bytes(b"Anleitung")
    names = [f"{folder}/anleitung.txt", f"{folder}/documents/vereinbarung.pdf"]
    output = io.StringIO()
    try:
        call_command("copy_to_storage", str(tmp_path), stdout=output)
        call_command("copy_to_storage", str(tmp_path), stdout=output)

        assert output.getvalue().splitlines() == [
            "Kopiert: 2, schon vorhanden: 0.",
            "Kopiert: 0, schon vorhanden: 2.",
        ]
        with default_storage.open(names[1], "rb") as copied:
            assert copied.read() == b"Vereinbarung"
        (tmp_path / folder / "anleitung.txt").write_bytes(b"Neue Anleitung")
        with pytest.raises(CommandError, match=f"nicht überschrieben: {names[0]}"):
            call_command("copy_to_storage", str(tmp_path), stdout=output)
        with default_storage.open(names[0], "rb") as kept:
            assert kept.read() == b"Anleitung"
    finally:
        for name in names:
            default_storage.delete(name)


def test_copy_to_storage_refuses_a_missing_directory(tmp_path):
    with pytest.raises(CommandError, match="ist kein Verzeichnis"):
        call_command("copy_to_storage", str(tmp_path / "fehlt"))
