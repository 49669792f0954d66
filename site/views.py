from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from shop.mail.selectors import mail_backlog


@require_GET
@never_cache
@transaction.non_atomic_requests
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer the load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    payload = {"status": "ok", "database": "ok"}
    # The mail backlog (shop.mail) for monitoring; undelivered mail does not make the site
    # unhealthy for the load balancer.
    payload["mail"] = mail_backlog()
    return JsonResponse(payload)


@require_GET
@never_cache
@transaction.non_atomic_requests
def bench_minimal(request: HttpRequest) -> HttpResponse:
    """The ceiling of the stack for `make bench`: the whole middleware chain, no database, no
    template. Harmless in production (a constant "ok", no data, like /healthz without the
    database), so it stays routed and the benchmark measures it on the production settings."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
