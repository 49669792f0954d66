"""The base of the middlewares that act on the resolved view, and the client's address: the one
place that reads it, for sign-in throttling (django-axes), the acceptance records, throttling of
mails and the logs.

Behind `CLIENT_PROXY_COUNT` reverse proxies (setting AXES_PROXY_COUNT in the environment) the
client is the address that the outermost proxy appended to X-Forwarded-For, counted from the
right, so that a client cannot forge it by sending its own X-Forwarded-For.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from python_ipware import IpWare

_CONNECTED_PEER = IpWare(precedence=("REMOTE_ADDR",))


def _forwarded_client(proxy_count: int) -> IpWare:
    # Only X-Forwarded-For: with REMOTE_ADDR in the same resolver, python-ipware would prefer
    # whichever address looks "more public", i.e. the proxy's over a client in the Landesnetz.
    # python-ipware counts the proxies listed inside the header; the proxy next to gunicorn is
    # not listed there (it is REMOTE_ADDR), hence one fewer.
    return IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxy_count - 1)


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address as text, or None when the request names none."""
    cached = getattr(request, "_client_address", None)
    if cached is not None:
        return cached or None
    address = None
    if settings.CLIENT_PROXY_COUNT:
        address, _trusted_route = _forwarded_client(settings.CLIENT_PROXY_COUNT).get_client_ip(
            request.META, strict=False
        )
    if address is None:
        # Without proxies, or a request with a shorter chain than configured (it did not come
        # through every proxy): the address that connected is the only one that is not forged.
        address, _trusted_route = _CONNECTED_PEER.get_client_ip(request.META, strict=False)
    request._client_address = str(address) if address is not None else ""
    return request._client_address or None


class ProcessViewMiddleware:
    """A middleware that acts only in `process_view`, once the URL is resolved (the view name is
    known); every request passes through it otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)
