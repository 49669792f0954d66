"""ozg_site.object_storage: which storages the S3_* variables give media and private files."""

import os

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured

from ozg_site.object_storage import PRIVATE_URL_SECONDS
from ozg_site.object_storage import object_storage_from_env

S3 = {
    "S3_BUCKET": "ozg-medien",
    "S3_ENDPOINT_URL": "https://objekte.example.org",
    "S3_REGION": "eu-central-1",
    "S3_ACCESS_KEY_ID": "schluessel",
    "S3_SECRET_ACCESS_KEY": "geheim",
    "S3_ADDRESSING_STYLE": "path",
}


@pytest.fixture(autouse=True)
def without_s3_variables(monkeypatch):
    """CI runs the object_storage tests with its own S3_* variables; these tests set their own."""
    for name in [name for name in os.environ if name.startswith("S3_")]:
        monkeypatch.delenv(name)


def from_env(monkeypatch, **variables):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return object_storage_from_env(env=environ.Env())


def test_without_a_bucket_the_file_system_stays(monkeypatch):
    assert from_env(monkeypatch, S3_ENDPOINT_URL="https://objekte.example.org") is None


def test_media_links_are_unsigned_and_never_overwrite_a_file(monkeypatch):
    media = from_env(monkeypatch, **S3).storages["default"]

    assert media["BACKEND"] == "ozg_site.s3_storage.FailSoftS3Storage"
    expected = {
        "bucket_name": "ozg-medien",
        "location": "media",
        "endpoint_url": "https://objekte.example.org",
        "region_name": "eu-central-1",
        "access_key": "schluessel",
        "secret_key": "geheim",
        "addressing_style": "path",
        "querystring_auth": False,
        "file_overwrite": False,
    }
    assert {name: media["OPTIONS"][name] for name in expected} == expected
    assert "default_acl" not in media["OPTIONS"]  # the bucket policy decides


def test_private_files_are_never_public_and_signed_links_expire_within_a_minute(monkeypatch):
    private = from_env(monkeypatch, **S3, S3_MEDIA_DOMAIN="cdn.example.org").storages["private"]

    assert private["OPTIONS"]["bucket_name"] == "ozg-medien"
    assert private["OPTIONS"]["location"] == "private"
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["querystring_expire"] == PRIVATE_URL_SECONDS <= 60
    assert private["OPTIONS"]["custom_domain"] is None  # never through the CDN, unsigned
    assert private["OPTIONS"]["file_overwrite"] is False


def test_private_files_may_have_a_bucket_of_their_own(monkeypatch):
    storages = from_env(monkeypatch, **S3, S3_PRIVATE_BUCKET="ozg-privat").storages

    assert storages["private"]["OPTIONS"]["bucket_name"] == "ozg-privat"
    assert storages["default"]["OPTIONS"]["bucket_name"] == "ozg-medien"


@pytest.mark.parametrize(
    ("media", "private"), [("media", "media/private"), ("", "private"), ("dateien", "")]
)
def test_private_files_in_the_media_prefix_of_the_same_bucket_refuse_to_start(
    monkeypatch, media, private
):
    with pytest.raises(ImproperlyConfigured, match="eigenes Präfix"):
        from_env(monkeypatch, **S3, S3_MEDIA_LOCATION=media, S3_PRIVATE_LOCATION=private)


def test_the_content_security_policy_gets_the_origin_of_the_media_links(monkeypatch):
    assert from_env(monkeypatch, **S3).media_origin == "https://objekte.example.org"
    assert (
        from_env(monkeypatch, **S3, S3_MEDIA_DOMAIN="cdn.example.org").media_origin
        == "https://cdn.example.org"
    )
