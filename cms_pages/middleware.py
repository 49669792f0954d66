"""Wagtail looks up the request's site in the database on every page it serves
(Site.find_for_request, two queries with the root page's specific fields). Sites change almost
never; the lookup is kept per host and port until the generation of the public pages changes
(cms_pages.caching; a site saved or deleted starts a new one, cms_pages.signals).

The site and its root page are shared by the requests of one worker: nothing that serves a page
may change them.
"""

from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .caching import generation_cached


def _site_with_specific_root(hostname: str, port: int) -> Site | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    # Routing starts at `site.root_page.localized.specific`: a specific page returns itself.
    site.root_page = site.root_page.specific
    return site


class SiteMiddleware:
    """Only for the public pages (Wagtail's `serve`); elsewhere Wagtail looks the site up when it
    needs it, as before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name != "wagtail_serve":
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = generation_cached(
            "site",
            (hostname, port),
            lambda: _site_with_specific_root(hostname, port),
            request=request,
        )
        return None
