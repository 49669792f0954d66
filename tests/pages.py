"""Building service profiles in tests the way editors do: add below the catalogue, then publish."""

from itertools import count

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset
from wagtail.test.utils.form_data import nested_form_data
from wagtail.test.utils.form_data import rich_text
from wagtail.test.utils.form_data import streamfield

from cms_pages.models import ServicePage
from cms_pages.models import ServicePageOzgLeistung
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


def profile_form(ozg_leistung, *, link_id=None, **overrides) -> dict:
    """The POST data of Wagtail's form for a service profile, as an editor fills it in."""
    link = {"ozg_leistung": ozg_leistung.pk}
    if link_id is not None:
        link["id"] = link_id
    return nested_form_data(
        {
            "title": "Bewohnerparkausweis online",
            "slug": "bewohnerparkausweis",
            "short_description": "Anwohnende beantragen den Parkausweis online.",
            "body": streamfield(
                [
                    ("heading", "So funktioniert es"),
                    ("paragraph", rich_text("<p>Antrag, Nachweis, Bescheid.</p>")),
                    ("feature_list", streamfield([("item", "Kein Behördengang")])),
                ]
            ),
            "ozg_links": inline_formset([link], initial=int(link_id is not None)),
            "service_type": "landesdienst",
            "availability": "verfuegbar",
            "provider": "Land Schleswig-Holstein",
            "operating_model": "Betrieb durch Dataport",
            "reifegrad": "3",
            "cost": "kostenfrei für Kommunen",
            "transport_route": "keine",
            "vertrauensniveau": "substantiell",
            "fachverfahren_interface": "",
            "agreement_links": inline_formset([]),
            "onboarding_fields": streamfield([]),
            "onboarding_steps": streamfield([]),
            "contacts": inline_formset(
                [
                    {
                        "role": "Fachliche Ansprechperson",
                        "name": "Team Parken",
                        "email": "parken@itvsh.de",
                        "phone": "",
                    }
                ]
            ),
            **overrides,
        }
    )


def add_url(parent: Page) -> str:
    return f"/cms/pages/add/cms_pages/servicepage/{parent.pk}/"
