"""Building service profiles in tests the way editors do: add below the catalogue, then publish."""

from itertools import count

from cms_pages.models import ServicePage, ServicePageOzgLeistung
from shop.models import OzgLeistung

_numbers = count(1)


def service_page_build(*, parent, ozg_leistungen: list[OzgLeistung] = (), **fields) -> ServicePage:
    number = next(_numbers)
    values = {
        "title": f"Dienst {number}",
        "slug": f"dienst-{number}",
        "short_description": f"Kurzbeschreibung des Dienstes {number}.",
        "service_type": "online_dienst_efa",
        "provider": "Land Schleswig-Holstein",
        **fields,
    }
    page = ServicePage(**values)
    page.ozg_links = [ServicePageOzgLeistung(ozg_leistung=leistung) for leistung in ozg_leistungen]
    return parent.add_child(instance=page)


def service_page_publish(page: ServicePage) -> ServicePage:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def service_page_create(*, parent, ozg_leistungen: list[OzgLeistung] = (), **fields) -> ServicePage:
    """A published service profile."""
    return service_page_publish(
        service_page_build(parent=parent, ozg_leistungen=ozg_leistungen, **fields)
    )
