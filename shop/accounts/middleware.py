"""Per-client limit for the forms that make the shop send mails about accounts (one place for
the shop's own forms and for Oscar's and Wagtail's password reset, whose views are not ours to
wrap), and signing out of Wagtail by POST only."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseNotAllowed
from django.template.response import TemplateResponse

from shop.http import ProcessViewMiddleware, client_address

from . import services

MAIL_SENDING_VIEWS = frozenset(
    {
        "shop_accounts:register",
        "shop_accounts:confirmation_resend",
        "shop_accounts:email_change",
        "password-reset",
        "wagtailadmin_password_reset",
    }
)


class AccountRequestThrottleMiddleware(ProcessViewMiddleware):
    """429 with a German page once a client has submitted too many of these forms."""

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.view_name not in MAIL_SENDING_VIEWS:
            return None
        if services.client_request_admit(client=client_address(request)):
            return None
        window_minutes = int(settings.ACCOUNT_THROTTLE_WINDOW.total_seconds() // 60)
        response = TemplateResponse(
            request,
            "shop/accounts/throttled.html",
            {"window_minutes": window_minutes},
            status=429,
        )
        response["Retry-After"] = str(window_minutes * 60)
        return response


class WagtailLogoutByPostMiddleware(ProcessViewMiddleware):
    """405 for anything but a POST to Wagtail's logout: Wagtail answers a GET with 405 itself but
    deletes the session cookie all the same, so a link or an image on any page would sign staff
    out."""

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name == "wagtailadmin_logout" and request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return None
