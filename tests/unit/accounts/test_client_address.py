"""shop.http.client_address: the client behind 0, 1 or 2 reverse proxies, counted from the
right of X-Forwarded-For, never what a client wrote there itself."""

import pytest
from django.test import RequestFactory

from shop.http import client_address

PROXY = "127.0.0.1"


def address(proxies: int, settings, forwarded_for: str | None = None, remote_addr=PROXY):
    settings.CLIENT_PROXY_COUNT = proxies
    meta = {} if forwarded_for is None else {"HTTP_X_FORWARDED_FOR": forwarded_for}
    request = RequestFactory().get("/", **meta)
    if remote_addr is None:
        del request.META["REMOTE_ADDR"]
    else:
        request.META["REMOTE_ADDR"] = remote_addr
    return client_address(request)


def test_without_proxies_the_connected_address_counts_and_the_header_is_ignored(settings):
    assert address(0, settings, remote_addr="203.0.113.9") == "203.0.113.9"
    assert address(0, settings, "198.51.100.1", remote_addr="203.0.113.9") == "203.0.113.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        # The outermost proxy appends the address that connected to it.
        (1, "203.0.113.9", "203.0.113.9"),
        # Whatever the client wrote before it is ignored.
        (1, "198.51.100.66, 203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.66,203.0.113.9", "203.0.113.9"),
        # Two proxies: the inner one appends the outer one's address.
        (2, "203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "198.51.100.66, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
    ],
)
def test_behind_proxies_the_address_the_outermost_proxy_appended(
    settings, proxies, forwarded_for, expected
):
    assert address(proxies, settings, forwarded_for) == expected


def test_a_client_in_a_private_network_behind_a_proxy_with_a_public_address(settings):
    # Municipal staff come from the Landesnetz; the proxy's own (globally routed) address is no
    # client's, although it looks "more public".
    assert address(1, settings, "10.20.30.40", remote_addr="91.0.0.10") == "10.20.30.40"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for"),
    [
        (1, None),  # the header is missing: the request did not come through the proxy
        (1, ""),
        (2, "203.0.113.9"),  # a shorter chain than configured
        (1, "keine-adresse"),
        (1, "unknown, ,"),
        (1, "0.0.0.0"),  # noqa: S104  (an address no client can have)
    ],
)
def test_without_a_usable_forwarded_address_the_connected_one_counts(
    settings, proxies, forwarded_for
):
    assert address(proxies, settings, forwarded_for, remote_addr="192.0.2.50") == "192.0.2.50"


def test_garbage_between_entries_is_skipped(settings):
    assert address(1, settings, "<script>, 198.51.100.66, 203.0.113.9") == "203.0.113.9"
    assert address(2, settings, "x, 203.0.113.9, y, 10.0.0.2") == "203.0.113.9"


@pytest.mark.parametrize(
    ("forwarded_for", "expected"),
    [
        ("2001:db8::7", "2001:db8::7"),
        ("198.51.100.66, 2001:db8::7", "2001:db8::7"),
        ("[2001:db8::7]:4711", "2001:db8::7"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
    ],
)
def test_ipv6_clients(settings, forwarded_for, expected):
    assert address(1, settings, forwarded_for) == expected


def test_ipv6_connected_address(settings):
    assert address(0, settings, remote_addr="2001:db8::1") == "2001:db8::1"
    assert address(1, settings, remote_addr="::1") == "::1"


def test_a_request_without_any_address_has_none(settings):
    assert address(0, settings, remote_addr=None) is None
    assert address(1, settings, "keine-adresse", remote_addr=None) is None


def test_the_address_is_read_once_per_request(settings):
    settings.CLIENT_PROXY_COUNT = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_address(request) == "203.0.113.9"

    request.META["HTTP_X_FORWARDED_FOR"] = "198.51.100.1"

    assert client_address(request) == "203.0.113.9"
