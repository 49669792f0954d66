from django.conf import settings
from django.core.management.base import BaseCommand

from ozg_site.demo import (
    DEMO_PASSWORD,
    demo_accounts_ensure,
    demo_orders_ensure,
    demo_site_ensure,
)
from ozg_site.demo_content import demo_accounts


class Command(BaseCommand):
    help = (
        "Baut die Demo-Umgebung auf (idempotent): Seitenbaum, Kommunalregister und OZG-Katalog "
        "aus den mitgelieferten Dateien, Dienst-Steckbriefe, Freigabe-Workflow, "
        "Mitarbeitergruppen, Demo-Konten, zwei Neuigkeiten und Bestellungen in jedem Status."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-accounts",
            action="store_true",
            help="Demo-Konten auch bei DEBUG=False anlegen (niemals in Produktion).",
        )

    def handle(self, *args, allow_demo_accounts: bool, **options):
        report = demo_site_ensure()
        for line in report.setup.summary():
            self.stdout.write(line)
        self.stdout.write(
            f"Dienst-Steckbriefe: {report.services_created} neu veröffentlicht, "
            f"{report.drafts_created} neue Entwürfe."
        )
        self.stdout.write(f"Neuigkeiten: {report.news_created} neu veröffentlicht.")
        if not settings.DEBUG and not allow_demo_accounts:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG ist aus: Demo-Konten mit bekanntem Passwort werden nicht angelegt. "
                    "Nur für Test- und Vorführsysteme: --allow-demo-accounts."
                )
            )
            return
        demo_accounts_ensure(password=DEMO_PASSWORD)
        self.stdout.write(f"{len(demo_accounts())} Demo-Konten bereit (Passwort: {DEMO_PASSWORD}).")
        placed = demo_orders_ensure()
        self.stdout.write(
            f"Demo-Bestellungen: {placed} neu, in jedem Status der Umsetzung (eine live)."
        )
