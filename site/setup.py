"""What a production site needs before editors start: fixed pages, the registry of the Land's
Verwaltungen and Gemeinden, the OZG catalogue, staff groups and the editorial workflow."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from cms_pages.services import PageTree, editorial_workflow_ensure, page_tree_ensure
from shop.accounts.services import EDITORS_GROUP, staff_groups_ensure
from shop.catalogue.ozg_katalog import (
    DEFAULT_LEIKA_LEISTUNGEN,
    DEFAULT_OZG_LEISTUNGEN,
    parse_ozg_katalog,
)
from shop.catalogue.services import ozg_katalog_import
from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS, parse_gemeindeverzeichnis
from shop.registry.services import registry_import_gemeindeverzeichnis


@dataclass(frozen=True)
class SiteSetupReport:
    tree: PageTree
    groups: dict[str, Group]
    registry_changed: bool
    catalogue_changed: bool

    def summary(self) -> list[str]:
        """What setup_site and seed_demo tell the operator, in German."""
        return [
            f"Seitenbaum bereit: Startseite, {self.tree.service_index.url} und "
            f"{len(self.tree.legal_pages)} rechtliche Seiten.",
            "Kommunalregister: "
            + ("aktualisiert." if self.registry_changed else "bereits aktuell."),
            "OZG-Katalog: " + ("aktualisiert." if self.catalogue_changed else "bereits aktuell."),
            "Mitarbeitergruppen: " + ", ".join(sorted(self.groups)) + ".",
        ]


@transaction.atomic
def site_setup_ensure() -> SiteSetupReport:
    """Idempotent: a second run changes nothing (and says so)."""
    tree = page_tree_ensure()
    registry = registry_import_gemeindeverzeichnis(
        records=parse_gemeindeverzeichnis(DEFAULT_GEMEINDEVERZEICHNIS)
    )
    katalog = ozg_katalog_import(
        katalog=parse_ozg_katalog(leistungen=DEFAULT_OZG_LEISTUNGEN, leika=DEFAULT_LEIKA_LEISTUNGEN)
    )
    groups = staff_groups_ensure()
    editorial_workflow_ensure(catalogue=tree.service_index, approvers=groups[EDITORS_GROUP])
    return SiteSetupReport(
        tree=tree,
        groups=groups,
        registry_changed=registry.has_changes,
        catalogue_changed=katalog.has_changes,
    )
