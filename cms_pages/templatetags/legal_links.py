from dataclasses import dataclass

from django import template

from cms_pages.models import LegalLinks

register = template.Library()

_REQUEST_CACHE_ATTRIBUTE = "_legal_links"


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


@register.simple_tag(takes_context=True)
def legal_links(context) -> list[FooterLink]:
    """The footer's links to Impressum, Datenschutzerklärung and Barrierefreiheit (one query)."""
    request = context.get("request")
    if request is not None and hasattr(request, _REQUEST_CACHE_ATTRIBUTE):
        return getattr(request, _REQUEST_CACHE_ATTRIBUTE)
    settings_row = LegalLinks.objects.select_related(
        "impressum", "privacy", "accessibility"
    ).first()
    links = []
    if settings_row is not None:
        for page in (settings_row.impressum, settings_row.privacy, settings_row.accessibility):
            if page is not None and page.live:
                links.append(FooterLink(title=page.title, url=page.get_url(request)))
    if request is not None:
        setattr(request, _REQUEST_CACHE_ATTRIBUTE, links)
    return links
