"""What the load generator needs from the bench database: session cookies of a member (Meine
Dienste) and of fulfilment staff (dashboard, coverage report), and the URLs to measure.

Run as `python -m bench.prepare` with the bench's environment; prints one JSON object.
"""

import json
import sys

import django


def prepare() -> dict:
    from django.conf import settings
    from django.test import Client

    from bench.dataset import MEMBER_EMAIL, STAFF_EMAIL
    from cms_pages.models import ServicePage
    from ozg_site.page_cache import page_cache_clear
    from shop.models import User

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
    return {
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
