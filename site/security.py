"""Content-Security-Policy per area, the user name that sign-in throttling counts, and 403 in
the admin areas for signed-in people without access."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from shop.http import ProcessViewMiddleware

# Wagtail's admin, Oscar's dashboard and Django's admin write inline scripts and styles of their
# own; only staff reach them, and only there are these sources allowed.
STAFF_AREA_PREFIXES = ("/cms/", "/shop/dashboard/", "/django-admin/")
STAFF_AREA_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
# Wagtail's preview panel shows the page in a frame of the editor (same origin); nothing else may
# be framed.
PREVIEW_CSP_REPLACE = {"frame-ancestors": ["'self'"]}


def is_preview(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A response that Wagtail's editor shows in a frame: the preview of a page or snippet (Wagtail
    serves it through the middleware again, with a request flagged `is_preview`) or of a block
    (whose view Wagtail marks with X-Frame-Options SAMEORIGIN)."""
    return getattr(request, "is_preview", False) or response.get("X-Frame-Options") == "SAMEORIGIN"


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
        if not report_only and is_preview(request, response):
            parts.replace = {**PREVIEW_CSP_REPLACE, **(parts.replace or {})}
        return parts


def login_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The sign-in name django-axes counts failures for: the e-mail address, case-insensitive.

    Oscar's, Wagtail's and Django's login forms all pass it as `username` (our user model's
    USERNAME_FIELD is `email`, which axes would look for otherwise).
    """
    data = credentials or request.POST
    username = data.get("username") or data.get("email") or data.get("login-username")
    return username.strip().lower() if username else None


# Wagtail's and Django's admin send a signed-in person without access back to their login form;
# such a person gets 403 instead, as in the other staff areas. These pages stay open to all.
ADMIN_ACCESS = {
    "/cms/": lambda request: request.user.has_perm("wagtailadmin.access_admin"),
    "/django-admin/": lambda request: admin.site.has_permission(request),
}
ADMIN_PAGES_FOR_EVERYONE = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "admin:login",
        "admin:logout",
        "admin:javascript-catalog",
    }
)


class AdminAccessMiddleware(ProcessViewMiddleware):
    """403 for signed-in people without access to Wagtail's or Django's admin."""

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if admin_area_refuses(request):
            raise PermissionDenied


def admin_area_refuses(request: HttpRequest) -> bool:
    """Whether the request is for Wagtail's or Django's admin by a signed-in person without
    access to it (request.resolver_match set: the URL is resolved)."""
    if not request.user.is_authenticated:
        return False
    return any(
        request.path_info.startswith(prefix)
        and request.resolver_match.view_name not in ADMIN_PAGES_FOR_EVERYONE
        and not has_access(request)
        for prefix, has_access in ADMIN_ACCESS.items()
    )
