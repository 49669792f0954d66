"""The service cards of the catalogue and the home page, each rendered once per generation of the
public pages and kept in the worker (cms_pages.caching): loading twelve profiles and rendering
their cards was a third of the catalogue's time (docs/performance.md). Why a signed-in person
cannot order a service is not part of the card: the lists add it beside the card
(shop_orders' order_refusal_for_page).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .caching import generation_cached_many
from .selectors import service_pages_for_cards

CARD_TEMPLATE = "cms_pages/includes/service_card.html"


@dataclass(frozen=True)
class ServiceCard:
    page_id: int
    html: SafeString


def service_cards(
    *, page_ids: Sequence[int], request, heading_level: int = 2, show_topics: bool = False
) -> list[ServiceCard]:
    """The cards of the listed profiles, in their order. A card holds the profile's relative
    address, so the host is part of its key."""
    host = request.get_host()
    parts = [(page_id, host, heading_level, show_topics) for page_id in page_ids]

    def render(missing: list[tuple]) -> dict[tuple, SafeString]:
        pages = service_pages_for_cards(page_ids=[page_id for page_id, *_ in missing])
        # Without the context processors: a card shows nothing of the person.
        return {
            (page.pk, host, heading_level, show_topics): mark_safe(  # noqa: S308  (a template's output)
                render_to_string(
                    CARD_TEMPLATE,
                    {
                        "service": page,
                        "request": request,
                        "heading_level": heading_level,
                        "show_topics": show_topics,
                    },
                )
            )
            for page in pages
        }

    rendered = generation_cached_many("service-card", parts, render, request=request)
    return [ServiceCard(part[0], rendered[part]) for part in parts if part in rendered]
