"""The links that every page's header and footer carry to pages editors may move or retitle:
the legal pages, Neuigkeiten and Hilfe. Each is read once per generation of the page cache
(which saving the legal links or publishing a page starts) and once per request."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django import template

from cms_pages.caching import generation_cached
from cms_pages.models import HelpPage, LegalLinks, NewsIndexPage

register = template.Library()

T = TypeVar("T")


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


@dataclass(frozen=True)
class NavigationPages:
    """Where the navigation's Neuigkeiten and Hilfe lead; None while the page is not live."""

    news_url: str | None
    help_url: str | None


def _per_request(context, name: str, compute: Callable[[object], T]) -> T:
    request = context.get("request")
    if request is None:
        return compute(None)
    attribute = f"_{name}"
    if not hasattr(request, attribute):
        value = generation_cached(
            name, (request.get_host(),), lambda: compute(request), request=request
        )
        setattr(request, attribute, value)
    return getattr(request, attribute)


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


def _navigation_pages(request) -> NavigationPages:
    news = NewsIndexPage.objects.live().first()
    help_page = HelpPage.objects.live().first()
    return NavigationPages(
        news_url=news.get_url(request) if news else None,
        help_url=help_page.get_url(request) if help_page else None,
    )


@register.simple_tag(takes_context=True)
def legal_links(context) -> list[FooterLink]:
    """The footer's links to Impressum, Datenschutzerklärung and Barrierefreiheit."""
    return _per_request(context, "legal-links", _footer_links)


@register.simple_tag(takes_context=True)
def navigation_pages(context) -> NavigationPages:
    """The addresses of Neuigkeiten and Hilfe for the header and the footer."""
    return _per_request(context, "navigation-pages", _navigation_pages)
