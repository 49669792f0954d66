from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from cms_pages import fragments
from cms_pages.catalogue import SORT_OPTIONS, SORT_RELEVANCE, CatalogueQuery
from cms_pages.selectors import MemberCatalogueFilter, catalogue_filter_for_member

register = template.Library()


@register.simple_tag
def querystring_page(query: CatalogueQuery, number: int) -> str:
    return query.to_params(page=number)


@register.simple_tag
def querystring_without(query: CatalogueQuery, name: str, value: str) -> str:
    return query.without(name, value)


@register.simple_tag
def sort_options(query: CatalogueQuery) -> list[tuple[str, str]]:
    """Relevance only makes sense for a search."""
    return [
        (value, label)
        for value, label in SORT_OPTIONS.items()
        if value != SORT_RELEVANCE or query.text
    ]


@register.simple_tag(takes_context=True)
def service_cards(context, page_ids, heading_level: int = 2, show_topics: bool = False):
    return fragments.service_cards(
        page_ids=page_ids,
        request=context["request"],
        heading_level=heading_level,
        show_topics=show_topics,
    )


@register.simple_tag(takes_context=True)
def member_catalogue_filter(context, query: CatalogueQuery) -> MemberCatalogueFilter | None:
    """ "Für meine Verwaltung" for a signed-in member (one query; none for a visitor)."""
    return catalogue_filter_for_member(query=query, user=context["request"].user)


SLASH_AND_BREAK = SafeString("/<wbr>")


@register.filter(is_safe=True)
def wrap_after_slashes(value: str) -> SafeString:
    """A slash is no place where the browser may wrap: "Existenzsicherung/Unterstützung bei …"
    broke inside "Unterstützun|g" on a phone. `<wbr>` lets it wrap after the slash instead."""
    return format_html_join(SLASH_AND_BREAK, "{}", ((part,) for part in str(value).split("/")))
