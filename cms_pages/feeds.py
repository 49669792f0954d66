"""Atom feed of new and changed service profiles at /dienste/feed/ (mounted in site/urls.py
before Wagtail's catch-all, so a profile with the slug "feed" would be shadowed)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import path
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .models import ServicePage

FEED_LIMIT = 50
# Tag URIs (RFC 4151): stable whatever the slug or the host name the feed is fetched under.
TAG_DATE = "2025"


def _tag(specific: str) -> str:
    host = urlsplit(settings.SHOP_BASE_URL).hostname or "localhost"
    return f"tag:{host},{TAG_DATE}:{specific}"


def service_page_feed_entries(*, limit: int = FEED_LIMIT) -> list[ServicePage]:
    """The published profiles, most recently published first. One query, however many."""
    return list(
        ServicePage.objects.live()
        .public()
        .order_by("-last_published_at", "-pk")
        .only(
            "title",
            "url_path",
            "short_description",
            "first_published_at",
            "last_published_at",
            "service_type",
            "provider",
        )[:limit]
    )


class ServiceFeed(Feed):
    feed_type = Atom1Feed
    title = f"Neue und geänderte Dienste – {settings.SHOP_NAME}"
    subtitle = (
        f"Online-Dienste und Basisdienste, die das Land {settings.SHOP_LAND_NAME} den Kommunen "
        "kostenfrei zur Nachnutzung anbietet, zuletzt veröffentlichte zuerst."
    )
    link = "/dienste/"
    language = "de"
    author_name = "IT-Verbund Schleswig-Holstein (ITVSH)"

    def feed_guid(self) -> str:
        return _tag("dienste/feed")

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        # The request is the feed's "object", so that items() can build each page's URL with
        # Wagtail's site root paths cached on it (no query per entry).
        return request

    def items(self, request: HttpRequest) -> list[ServicePage]:
        pages = service_page_feed_entries()
        for page in pages:
            page.feed_link = page.get_url(request) or "/dienste/"
        return pages

    def item_title(self, item: ServicePage) -> str:
        return item.title

    def item_description(self, item: ServicePage) -> str:
        # Atom's summary is declared type="html": escape, so that the text stays text.
        return escape(item.short_description)

    def item_link(self, item: ServicePage) -> str:
        return item.feed_link

    def item_guid(self, item: ServicePage) -> str:
        return _tag(f"dienst/{item.pk}")

    def item_pubdate(self, item: ServicePage):
        return item.first_published_at

    def item_updateddate(self, item: ServicePage):
        return item.last_published_at

    def item_author_name(self, item: ServicePage) -> str:
        return item.provider

    def item_categories(self, item: ServicePage) -> list[str]:
        return [item.get_service_type_display()]


urlpatterns = [path("", ServiceFeed(), name="service_feed")]
