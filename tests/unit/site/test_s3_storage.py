"""ozg_site.s3_storage: an object store that refuses or does not answer fails soon, as an OSError
(the file system's error), never with botocore's own."""

import time

import pytest
from django.core.files.base import ContentFile

from ozg_site import s3_storage
from ozg_site.s3_storage import FailSoftS3Storage
from tests.faults import SilentServer


def storage_at(port: int) -> FailSoftS3Storage:
    return FailSoftS3Storage(
        bucket_name="ozg-medien",
        endpoint_url=f"http://127.0.0.1:{port}",
        region_name="eu-central-1",
        access_key="schluessel",
        secret_key="geheim",
        addressing_style="path",
        signature_version="s3v4",
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda storage: storage.open("documents/leitfaden.pdf"),
        lambda storage: storage.save("documents/leitfaden.pdf", ContentFile(b"PDF")),
        lambda storage: storage.exists("documents/leitfaden.pdf"),
        lambda storage: storage.size("documents/leitfaden.pdf"),
        lambda storage: storage.delete("documents/leitfaden.pdf"),
    ],
    ids=["open", "save", "exists", "size", "delete"],
)
def test_a_store_that_refuses_connections_is_an_os_error(call):
    started = time.monotonic()

    with pytest.raises(OSError, match="Objektspeicher"):
        call(storage_at(1))  # nothing listens on port 1

    assert time.monotonic() - started < 5


def test_a_store_that_never_answers_costs_the_timeouts_not_minutes(monkeypatch):
    monkeypatch.setattr(s3_storage, "READ_SECONDS", 1)
    server = SilentServer()
    try:
        started = time.monotonic()
        with pytest.raises(OSError, match="Objektspeicher"):
            storage_at(server.port).exists("images/servicekonto.png")
        elapsed = time.monotonic() - started
    finally:
        server.close()

    assert server.connections == s3_storage.ATTEMPTS
    assert elapsed < 3 * s3_storage.ATTEMPTS


def test_the_client_keeps_the_addressing_style_and_signature_of_the_settings():
    config = storage_at(1).client_config

    assert config.s3 == {"addressing_style": "path"}
    assert config.signature_version == "s3v4"
    assert (config.connect_timeout, config.read_timeout) == (
        s3_storage.CONNECT_SECONDS,
        s3_storage.READ_SECONDS,
    )
