"""Without a database: the webhook signature as a receiver checks it, and which addresses the
shop may call in production."""

import time

import pytest
from django.core.exceptions import ValidationError

from shop.integrations.addresses import webhook_url_check
from shop.integrations.webhooks import webhook_signature
from shop.integrations.webhooks import webhook_signature_verify

BODY = b'{"id":"1","event":"status.geaendert","data":{}}'


def test_the_signature_is_hmac_sha256_over_time_and_body():
    header = webhook_signature(secret="geheim", timestamp=1_700_000_000, body=BODY)

    assert header.startswith("t=1700000000,v1=")
    assert len(header.split("v1=")[1]) == 64
    assert webhook_signature_verify(secret="geheim", header=header, body=BODY, now=1_700_000_010)


@pytest.mark.parametrize(
    ("secret", "body", "now"),
    [
        ("anders", BODY, 1_700_000_000),  # another secret
        ("geheim", BODY + b" ", 1_700_000_000),  # a changed body
        ("geheim", BODY, 1_700_000_000 + 301),  # too old: replayed
    ],
)
def test_a_wrong_secret_body_or_an_old_signature_fails(secret, body, now):
    header = webhook_signature(secret="geheim", timestamp=1_700_000_000, body=BODY)

    assert not webhook_signature_verify(secret=secret, header=header, body=body, now=now)


@pytest.mark.parametrize("header", ["", "v1=abc", "t=x,v1=abc", "kaputt"])
def test_a_malformed_header_fails(header):
    assert not webhook_signature_verify(secret="geheim", header=header, body=BODY, now=time.time())


@pytest.mark.parametrize(
    "url",
    [
        "http://tickets.example/hook",
        "https://127.0.0.1/hook",
        "https://10.0.0.1/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[fd00::1]/hook",
        "https://localhost/hook",
        "https://user:pass@tickets.example/hook",
        "https://tickets.example:99999/hook",
    ],
)
def test_in_production_only_https_to_public_hosts(settings, url):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False

    with pytest.raises(ValidationError):
        webhook_url_check(url=url)


def test_a_public_https_address_is_allowed(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False

    webhook_url_check(url="https://tickets.dataport.example/ozg?x=1")


def test_development_allows_local_http(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = True

    webhook_url_check(url="http://127.0.0.1:8080/hook")
