"""The template context of the home page, the catalogue and the service profiles."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from shop.registry.selectors import registry_figures
from shop.reports.charts import GemeindeMap, gemeinde_map
from shop.reports.selectors import live_coverage_by_gemeinde, public_figures, reported_dienst_ids

from .caching import generation_cached
from .catalogue import CatalogueQuery
from .fragments import service_profile_body
from .models import HomePage, ServiceIndexPage, ServicePage
from .page_context import page_context_builder
from .selectors import service_page_catalogue, service_page_dienst, service_page_home_selection


def live_services_map() -> GemeindeMap:
    """The map of all services live per Gemeinde (shop.reports): two queries."""
    return gemeinde_map(gemeinden=live_coverage_by_gemeinde(dienst_ids=reported_dienst_ids()))


def live_services_map_html() -> SafeString:
    """The home page's map section, written once per generation: a point per Gemeinde costs more
    to render than all the rest of the page."""
    return mark_safe(  # noqa: S308 - render_to_string escapes what the template shows
        render_to_string(
            "cms_pages/includes/live_map_section.html", {"live_map": live_services_map()}
        )
    )


@page_context_builder(HomePage)
def home_page_context(*, page: HomePage, request) -> dict:
    # The figures are kept per generation of the public pages (an order, a status change or a
    # publication starts a new one); what changes without a signal (an import of the
    # Gemeindeverzeichnis, an approved membership) shows at most caching.ENTRY_SECONDS later, as
    # with the page cache.
    return {
        "registry_figures": generation_cached(
            "registry-figures", (), registry_figures, request=request
        ),
        "public_figures": generation_cached("public-figures", (), public_figures, request=request),
        "live_map_html": generation_cached(
            "live-map-html", (), live_services_map_html, request=request
        ),
        "services": service_page_home_selection(request=request),
    }


@page_context_builder(ServiceIndexPage)
def service_index_page_context(*, page: ServiceIndexPage, request) -> dict:
    query = CatalogueQuery.from_params(request.GET)
    return {
        "catalogue_query": query,
        "catalogue": service_page_catalogue(query=query, request=request),
    }


@page_context_builder(ServicePage)
def service_page_context(*, page: ServicePage, request) -> dict:
    return {
        "profile_body": service_profile_body(page=page, request=request),
        "dienst": service_page_dienst(page=page),
    }
