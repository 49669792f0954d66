"""The parts of the public pages that are the same for every visitor, rendered once per
generation of the public pages and kept in the worker (cms_pages.caching): the service cards of
the catalogue and the home page, and the body of a service profile. Loading and rendering them
was most of those pages' time (docs/performance.md). What depends on the person (why they cannot
order a service, the order box of a profile) is rendered beside them on every request.

They are rendered without the context processors: nothing of the person may get into them.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .caching import generation_cached, generation_cached_many
from .models import ServicePage
from .selectors import RelatedService, service_page_profile, service_pages_for_cards

CARD_TEMPLATE = "cms_pages/includes/service_card.html"
PROFILE_BODY_TEMPLATE = "cms_pages/includes/service_profile_body.html"


def _rendered(template: str, context: dict) -> SafeString:
    return mark_safe(render_to_string(template, context))  # noqa: S308  (a template's output)


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
        return {
            (page.pk, host, heading_level, show_topics): _rendered(
                CARD_TEMPLATE,
                {
                    "service": page,
                    "request": request,
                    "heading_level": heading_level,
                    "show_topics": show_topics,
                },
            )
            for page in pages
        }

    rendered = generation_cached_many("service-card", parts, render, request=request)
    return [ServiceCard(part[0], rendered[part]) for part in parts if part in rendered]


@dataclass(frozen=True)
class ProfileBody:
    catalogue_url: str
    html: SafeString
    related: list[RelatedService]


def service_profile_body(*, page: ServicePage, request) -> ProfileBody:
    """What a profile shows below its order box, and the way back to the catalogue. An editor's
    preview (a revision that is not live, or a page not saved yet) is rendered every time and
    kept nowhere."""

    def render() -> ProfileBody:
        profile = service_page_profile(page=page, request=request)
        return ProfileBody(
            catalogue_url=profile.catalogue_url,
            html=_rendered(
                PROFILE_BODY_TEMPLATE, {"page": page, "profile": profile, "request": request}
            ),
            related=profile.related,
        )

    if getattr(request, "is_preview", False) or not page.pk:
        return render()
    return generation_cached(
        "service-profile-body", (page.pk, request.get_host()), render, request=request
    )
