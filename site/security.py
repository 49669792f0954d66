"""Content-Security-Policy per area and the user name that sign-in throttling counts."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase

# Wagtail's admin, Oscar's dashboard and Django's admin write inline scripts and styles of their
# own; only staff reach them, and only there are these sources allowed.
STAFF_AREA_PREFIXES = ("/cms/", "/shop/dashboard/", "/django-admin/")
STAFF_AREA_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
# Wagtail's preview panel shows the page in a frame of the editor (same origin).
STAFF_AREA_CSP_REPLACE = {"frame-ancestors": ["'self'"]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the staff areas' additional sources."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(STAFF_AREA_PREFIXES):
            # A nonce in the header would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
            parts.update = {**STAFF_AREA_CSP_UPDATE, **(parts.update or {})}
            parts.replace = {**STAFF_AREA_CSP_REPLACE, **(parts.replace or {})}
        return parts


def login_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The sign-in name django-axes counts failures for: the e-mail address, case-insensitive.

    Oscar's, Wagtail's and Django's login forms all pass it as `username` (our user model's
    USERNAME_FIELD is `email`, which axes would look for otherwise).
    """
    data = credentials or request.POST
    username = data.get("username") or data.get("email") or data.get("login-username")
    return username.strip().lower() if username else None
