from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .api import api, wagtail_api
from .wagtail_admin import WorkflowEditView

# Invalid requests answer in German, as JSON under /api/ (views.bad_request); an unreachable
# database answers 503 instead of 500 (views.server_error).
handler400 = "ozg_site.views.bad_request"
handler500 = "ozg_site.views.server_error"

# Wagtail's admin without its "failwhale", a page that fails on purpose so that superusers can
# test the error reports: no URL of the shop answers 500 on purpose, and the error mails are
# tested with `manage.py sendtestemail --admins`.
WAGTAIL_ADMIN_URLS = [
    pattern
    for pattern in wagtailadmin_urls.urlpatterns
    if getattr(pattern, "name", "") != "wagtailadmin_error_test"
]
# Ahead of Wagtail's own, with the access check and caching of Wagtail's admin URLs.
WAGTAIL_ADMIN_CORRECTIONS = [
    path(
        "cms/workflows/edit/<int:pk>/",
        never_cache(require_admin_access(WorkflowEditView.as_view())),
        name="workflow_edit",
    ),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("favicon.svg", views.favicon, name="favicon"),
    path("bench/minimal", views.bench_minimal, name="bench_minimal"),  # make bench: the ceiling
    path("django-admin/", admin.site.urls),
    *WAGTAIL_ADMIN_CORRECTIONS,
    path("cms/", include(WAGTAIL_ADMIN_URLS)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("konto/meine-dienste/", include("shop.orders.urls")),
    path("umsetzung/berichte/", include("shop.reports.urls")),
    path("umsetzung/bestellungen/", include("shop.orders.staff_urls")),
    path("umsetzung/e-mails/", include("shop.mail.urls")),
    path("umsetzung/schnittstellen/", include("shop.integrations.staff_urls")),
    path("konto/", include("shop.accounts.urls")),
    path("api/v2/", wagtail_api.urls),
    path("api/", api.urls),
    path("dienste/feed/", include("cms_pages.feeds")),  # before Wagtail's /dienste/ pages
    # Oscar's own catalogue, search, offer and product pages sell goods: the service profiles and
    # /dienste/ are the catalogue (301).
    re_path(r"^shop/catalogue/(?:[\w-]*_)?(?P<product_id>\d+)/", views.oscar_product_redirect),
    *(
        re_path(
            rf"^shop/{storefront}/",
            RedirectView.as_view(url=views.SERVICE_CATALOGUE_URL, permanent=True),
        )
        for storefront in ("catalogue", "offers")
    ),
    re_path(
        r"^shop/search/",
        RedirectView.as_view(url=views.SERVICE_CATALOGUE_URL, permanent=True, query_string=True),
    ),
    # Oscar claims "", catalogue/, accounts/, dashboard/ ...: keep it below its own prefix so that
    # Wagtail's home page stays at /.
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
