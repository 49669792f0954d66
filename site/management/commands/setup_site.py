from django.core.management.base import BaseCommand

from ozg_site.setup import site_setup_ensure


class Command(BaseCommand):
    help = (
        "Richtet eine Produktionsinstanz ein (idempotent): Seitenbaum mit rechtlichen Seiten, "
        "Kommunalregister und OZG-Katalog aus den mitgelieferten Dateien, Mitarbeitergruppen "
        "und Freigabe-Workflow. Legt weder Dienst-Steckbriefe noch Konten an."
    )

    def handle(self, *args, **options):
        report = site_setup_ensure()
        self.stdout.write(
            f"Seitenbaum bereit: Startseite, {report.tree.service_index.url} und "
            f"{len(report.tree.legal_pages)} rechtliche Seiten."
        )
        self.stdout.write(
            "Kommunalregister: "
            + ("aktualisiert." if report.registry_changed else "bereits aktuell.")
        )
        self.stdout.write(
            "OZG-Katalog: " + ("aktualisiert." if report.catalogue_changed else "bereits aktuell.")
        )
        self.stdout.write("Mitarbeitergruppen: " + ", ".join(sorted(report.groups)) + ".")
