"""A page cache for anonymous visitors of the public Wagtail pages (home, catalogue, profiles,
news, legal pages), built on Django's cache framework.

Why not Django's cache middleware or wagtail-cache: Django's caches every GET of the site (also
/shop/ and /konto/ for visitors without a session) and refuses responses that set the CSRF
cookie, which every profile does (its "In den Warenkorb" form); wagtail-cache 3.0 allows only
Wagtail < 8. This middleware is small and does only what the shop needs:

- What is looked up: GET and HEAD requests without a session, message or basket cookie (so a
  signed-in person, staff or a visitor with a basket always gets a fresh page), outside the
  shop's own areas (EXCLUDED_PREFIXES).
- What is stored: only Wagtail pages (the request was resolved to `wagtail_serve`) answered
  with 200, not marked private/no-cache/no-store, whose rendering did not read the CSP nonce
  (`request.csp_nonce`: a nonce belongs to one response), did not change the session and set no
  cookie other than the CSRF cookie.
- CSRF: a page whose forms carry a CSRF token (the profile's "In den Warenkorb") is stored with a
  placeholder instead of the token; each hit puts in a freshly masked token of that visitor's
  own CSRF cookie (CsrfViewMiddleware, which runs before this middleware, sets the cookie when it
  is new), so POSTs from cached pages pass the CSRF check and no visitor gets another's token.
  A page that uses the token anywhere else than in Django's hidden input is not stored.
- Invalidation: every entry carries the generation shop.generations.PUBLIC_PAGES; the receivers
  below and in cms_pages.signals start a new one when pages are published, unpublished, moved or
  deleted, a view restriction or the legal links change, an order is placed or a service changes
  its status (the home page shows those figures). Whatever else a public page shows (the
  registry after an import, agreements) is at most PAGE_CACHE_SECONDS old.
- Only the response as it leaves this middleware is stored: the middleware before it
  (security headers, Content-Security-Policy, WhiteNoise, sessions, CSRF cookie) runs again on
  each hit. Responses say `X-Page-Cache: hit`, `miss` (stored now) or `skip`.

Settings: PAGE_CACHE_SECONDS (0 turns it off). The store is Django's default cache (Redis, or
files under var/cache/ that every process on the machine shares).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re

from shop.generations import PUBLIC_PAGES, generation_bump, generation_from, generation_key

EXCLUDED_PREFIXES = (
    "/shop/",
    "/konto/",
    "/umsetzung/",
    "/cms/",
    "/api/",
    "/django-admin/",
    "/dokumente/",
    "/bench/",
    "/healthz",
    "/static/",
    "/media/",
)
CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")([^"]+)(")')
CSRF_PLACEHOLDER = b"@@page-cache-csrf-token@@"
STORED_HEADERS = ("content-type", "content-language", "vary", "x-frame-options", "cache-control")
MAX_QUERY_STRING = 500


def _timeout() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def page_cache_clear(**kwargs) -> None:
    """A signal receiver: forget every stored page and what cms_pages.caching keeps."""
    generation_bump(name=PUBLIC_PAGES)


def _personal_cookies() -> tuple[str, ...]:
    """Cookies that make a page personal: the session (signed in, checkout), messages not yet
    shown, an anonymous basket."""
    return (
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
        getattr(settings, "OSCAR_BASKET_COOKIE_OPEN", "oscar_open_basket"),
    )


def _key(request: HttpRequest) -> str | None:
    """The entry's key, or None when the request must not be answered from the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.path
    if path.startswith(EXCLUDED_PREFIXES) or len(request.META.get("QUERY_STRING", "")) > (
        MAX_QUERY_STRING
    ):
        return None
    if any(name in request.COOKIES for name in _personal_cookies()):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    digest = hashlib.sha256(f"{host}{request.get_full_path()}".encode()).hexdigest()
    return f"page-cache:{digest}"


class PageCacheMiddleware:
    """Between CsrfViewMiddleware and AuthenticationMiddleware (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timeout = _timeout()
        key = _key(request) if timeout else None
        if key is None:
            return self.get_response(request)
        found = cache.get_many([generation_key(PUBLIC_PAGES), key])
        generation = generation_from(found, name=PUBLIC_PAGES)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return self._response_from(request, entry)
        response = self.get_response(request)
        stored = self._entry_for(request, response, generation)
        if stored is None:
            response["X-Page-Cache"] = "skip"
        else:
            cache.set(key, stored, timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _entry_for(request: HttpRequest, response: HttpResponse, generation: str):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != "wagtail_serve":
            return None
        if response.status_code != 200 or response.streaming:
            return None
        cache_control = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if cache_control & {"private", "no-cache", "no-store"}:
            return None
        if isinstance(getattr(request, "_csp_nonce", None), str):
            return None  # the page carries a nonce of this response
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return None
        if response.cookies:
            return None
        content = response.content
        uses_csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        if uses_csrf:
            content, replaced = CSRF_INPUT.subn(rb"\1" + CSRF_PLACEHOLDER + rb"\3", content)
            if replaced == 0 or content.count(b"csrfmiddlewaretoken") != replaced:
                return None
        elif b"csrfmiddlewaretoken" in content:
            return None
        headers = [
            (name, value) for name, value in response.items() if name.lower() in STORED_HEADERS
        ]
        return (generation, response.status_code, headers, content, uses_csrf)

    @staticmethod
    def _response_from(request: HttpRequest, entry) -> HttpResponse:
        _, status, headers, content, uses_csrf = entry
        if uses_csrf:
            content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


def page_cache_receivers_connect() -> None:
    """Clear the page cache whenever what a public page shows changes (OzgSiteConfig.ready)."""
    from django.db.models.signals import post_delete, post_save
    from oscar.apps.order.signals import order_line_status_changed, order_placed
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms_pages.models import LegalLinks

    uid = "ozg_site.page_cache"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_cache_clear, dispatch_uid=uid)
    post_delete.connect(_page_deleted, dispatch_uid=uid)
    post_save.connect(page_cache_clear, sender=LegalLinks, dispatch_uid=uid)
    # The home page shows how many services are live and Verwaltungen connected.
    order_placed.connect(page_cache_clear, dispatch_uid=uid)
    order_line_status_changed.connect(page_cache_clear, dispatch_uid=uid)


def _page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        page_cache_clear()
