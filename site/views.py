import sys

from django.db import OperationalError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from shop.catalogue.selectors import dienst_url_for_product
from shop.mail.selectors import mail_backlog

from . import health
from .object_storage import ObjectStoreError
from .odd_input import bad_request_response

# Oscar's catalogue, where a product has no published service profile.
SERVICE_CATALOGUE_URL = "/dienste/"

# How long a client should wait before trying again while the database is unreachable.
DATABASE_OUTAGE_RETRY_AFTER_SECONDS = 30


@require_GET
@never_cache
@transaction.non_atomic_requests
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer the load balancer: 200 while the database answers (the cache may be "degraded":
    the pages are then served uncached), 503 when the database does not."""
    checks = {"database": health.database_status(), "cache": health.cache_status()}
    if checks["database"] != "ok":
        return JsonResponse({"status": "error", **checks}, status=503)
    status = "ok" if all(value == "ok" for value in checks.values()) else "degraded"
    # The mail backlog (shop.mail) for monitoring; undelivered mail does not make the site
    # unhealthy for the load balancer.
    return JsonResponse({"status": status, **checks, "mail": mail_backlog()})


@require_GET
@cache_control(public=True, max_age=86400)
@transaction.non_atomic_requests
def favicon(request: HttpRequest) -> HttpResponse:
    """The shop's mark (includes/ozg_mark.svg, also in the header's logo) as the site icon, at
    /favicon.svg for the pages' <link rel="icon"> and at /favicon.ico for clients that ask
    there unprompted; every browser that shows favicons reads SVG."""
    return HttpResponse(loader.render_to_string("favicon.svg"), content_type="image/svg+xml")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400 (Django's SuspiciousOperation and BadRequest: an unknown host, too many form
    fields, a broken upload), in German. The page is rendered without the request's context: the
    host may be what is wrong, and the footer would ask for it again."""
    return bad_request_response(request, page_context=False)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: an unreachable database (Django's OperationalError: no connection within
    the pool's timeout, a lost connection, also a deadlock) or object store (a document or
    private file while S3 does not answer) is temporary, so 503 with Retry-After, which clients
    and the load balancer retry; anything else a technical error (500). Both pages are plain
    templates that need neither the database nor the cache."""
    _, error, _ = sys.exc_info()
    if isinstance(error, OperationalError | ObjectStoreError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(DATABASE_OUTAGE_RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@require_GET
@never_cache
@transaction.non_atomic_requests
def bench_minimal(request: HttpRequest) -> HttpResponse:
    """The ceiling of the stack for `make bench`: the whole middleware chain, no database, no
    template. Harmless in production (a constant "ok", no data, like /healthz without the
    database), so it stays routed and the benchmark measures it on the production settings."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def oscar_product_redirect(request: HttpRequest, product_id: str) -> HttpResponsePermanentRedirect:
    """Oscar's product page (and its reviews): the service profile of the product."""
    url = dienst_url_for_product(product_id=int(product_id)) or SERVICE_CATALOGUE_URL
    return HttpResponsePermanentRedirect(url)
