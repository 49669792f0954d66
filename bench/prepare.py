"""What the load generator needs from the bench database: session cookies of a member (Meine
Dienste) and of fulfilment staff (dashboard, coverage report), an API client's token (the
operators' status API), and the URLs to measure.

Run as `python -m bench.prepare` with the bench's environment; prints one JSON object.
"""

import datetime
import json
import sys
from urllib.parse import quote

import django

BENCH_CLIENT = "Benchmark"


def prepare() -> dict:
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from bench.dataset import MEMBER_EMAIL, STAFF_EMAIL
    from cms_pages.models import ServicePage
    from ozg_site.page_cache import page_cache_clear
    from shop.integrations.services import api_client_create, api_client_revoke
    from shop.models import ApiClient, ApiScope, RolloutEvent, User

    page_cache_clear()  # pages of an earlier dataset in the same cache

    def session_cookie(email: str) -> str:
        client = Client(SERVER_NAME="127.0.0.1")
        client.force_login(User.objects.get(email=email))
        return (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )

    # A typical profile: an orderable EfA service in the middle of the catalogue.
    profile = (
        ServicePage.objects.live()
        .filter(service_type="online_dienst_efa", availability="verfuegbar")
        .order_by("path")
    )
    profile = profile[profile.count() // 2]
    # One token per run; the previous runs' are revoked (one active bench client).
    for old in ApiClient.objects.filter(name=BENCH_CLIENT, revoked_at__isnull=True):
        api_client_revoke(client_id=old.pk, revoked_by=None)
    token = api_client_create(name=BENCH_CLIENT, scopes=ApiScope.values, created_by=None).token
    # "Changed since" a day before the newest status change: the changes of one working day.
    latest = RolloutEvent.objects.order_by("-created_at").values_list("created_at", flat=True)
    since = (latest.first() or timezone.now()) - datetime.timedelta(days=1)
    return {
        "operator_token": token,
        "since": quote(since.isoformat()),
        "member_cookie": session_cookie(MEMBER_EMAIL),
        "staff_cookie": session_cookie(STAFF_EMAIL),
        "profile_url": profile.url,
    }


def main() -> None:
    django.setup()
    json.dump(prepare(), sys.stdout)
    print()


if __name__ == "__main__":
    main()
