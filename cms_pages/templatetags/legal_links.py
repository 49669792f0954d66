from dataclasses import dataclass

from django import template

from cms_pages.caching import generation_cached
from cms_pages.models import LegalLinks

register = template.Library()

_REQUEST_CACHE_ATTRIBUTE = "_legal_links"


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


def _footer_links(request) -> list[FooterLink]:
    settings_row = LegalLinks.objects.select_related(
        "impressum", "privacy", "accessibility"
    ).first()
    links = []
    if settings_row is not None:
        for page in (settings_row.impressum, settings_row.privacy, settings_row.accessibility):
            if page is not None and page.live:
                links.append(FooterLink(title=page.title, url=page.get_url(request)))
    return links


@register.simple_tag(takes_context=True)
def legal_links(context) -> list[FooterLink]:
    """The footer's links to Impressum, Datenschutzerklärung and Barrierefreiheit: one query
    per generation of the page cache (which saving the links or publishing a page starts)."""
    request = context.get("request")
    if request is None:
        return _footer_links(None)
    if not hasattr(request, _REQUEST_CACHE_ATTRIBUTE):
        links = generation_cached(
            "legal-links", (request.get_host(),), lambda: _footer_links(request), request=request
        )
        setattr(request, _REQUEST_CACHE_ATTRIBUTE, links)
    return getattr(request, _REQUEST_CACHE_ATTRIBUTE)
