from django.core.management.base import BaseCommand

from ozg_site.setup import site_setup_ensure


class Command(BaseCommand):
    help = (
        "Richtet eine Produktionsinstanz ein (idempotent): Seitenbaum mit rechtlichen Seiten, "
        "Kommunalregister und OZG-Katalog aus den mitgelieferten Dateien, Mitarbeitergruppen "
        "und Freigabe-Workflow. Legt weder Dienst-Steckbriefe noch Konten an."
    )

    def handle(self, *args, **options):
        for line in site_setup_ensure().summary():
            self.stdout.write(line)
