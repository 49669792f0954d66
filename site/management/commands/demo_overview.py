from django.core.management.base import BaseCommand

from ozg_site.demo import DEMO_PASSWORD
from ozg_site.demo_content import demo_accounts


class Command(BaseCommand):
    help = "Zeigt die Adressen des Shops und die Demo-Zugänge."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, base_url: str, **options):
        base_url = base_url.rstrip("/")
        addresses = [
            ("Startseite", "/"),
            ("Dienstekatalog", "/dienste/"),
            ("Redaktion (Wagtail)", "/cms/"),
            ("Bestellbearbeitung", "/shop/dashboard/"),
            ("Django-Admin", "/django-admin/"),
            ("Systemzustand", "/healthz"),
        ]
        lines = ["", "OZG-Dienste-Shop läuft gleich unter:"]
        lines += [f"  {label:<20} {base_url}{path}" for label, path in addresses]
        lines += ["", f"Demo-Zugänge (Passwort für alle: {DEMO_PASSWORD}):"]
        lines += [f"  {account.email:<36} {account.description}" for account in demo_accounts()]
        self.stdout.write("\n".join([*lines, ""]))
