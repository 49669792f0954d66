"""Every log line written while a request is handled names the client (shop.http.client_address,
the address behind the configured proxies), the method and the path; a line written outside a
request (a management command, the task worker) shows "-" there.

The middleware comes first in MIDDLEWARE, so that the lines of every later middleware and the
view carry it. It is forgotten when the response is closed (request_finished), not when the
middleware returns: Django writes its "Not Found" and "Internal Server Error" lines after the
middleware chain. The filter sits on the log handler, so that it reaches the records of every
logger (a filter on a logger would miss its children's).
"""

import logging
from contextvars import ContextVar
from typing import NamedTuple

from django.http import HttpRequest, HttpResponse

from shop.http import client_address


class RequestContext(NamedTuple):
    client: str
    method: str
    path: str


OUTSIDE_REQUESTS = RequestContext(client="-", method="-", path="-")
_current: ContextVar[RequestContext] = ContextVar("request_log_context", default=OUTSIDE_REQUESTS)


def _printable(text: str) -> str:
    """A path as one log line: a decoded %0A or %00 in it must not start a forged line."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


class RequestLogContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        _current.set(
            RequestContext(
                client=client_address(request) or "-",
                method=request.method or "-",
                path=_printable(request.path),
            )
        )
        return self.get_response(request)


def _request_context_forget(**kwargs) -> None:
    _current.set(OUTSIDE_REQUESTS)


def request_log_receivers_connect() -> None:
    """Forget the request's context once its response is closed (OzgSiteConfig.ready)."""
    from django.core.signals import request_finished

    request_finished.connect(_request_context_forget, dispatch_uid="ozg_site.request_log")


class RequestContextFilter(logging.Filter):
    """Adds `client`, `method` and `path` to each record (for the formatter in LOGGING)."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = _current.get()
        record.client = context.client
        record.method = context.method
        record.path = context.path
        return True
