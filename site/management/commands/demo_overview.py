from django.core.management.base import BaseCommand

from ozg_site.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Zeigt die Adressen des Shops und die Demo-Zugänge."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, base_url: str, **options):
        base_url = base_url.rstrip("/")
        lines = [
            "",
            "OZG-Dienste-Shop läuft gleich unter:",
            f"  Startseite         {base_url}/",
            f"  Dienstekatalog     {base_url}/dienste/",
            f"  Redaktion (Wagtail) {base_url}/cms/",
            f"  Bestellbearbeitung {base_url}/shop/dashboard/",
            f"  Django-Admin       {base_url}/django-admin/",
            f"  Systemzustand      {base_url}/healthz",
            "",
            f"Demo-Zugänge (Passwort für alle: {DEMO_PASSWORD}):",
        ]
        lines += [f"  {account.email:<36} {account.description}" for account in DEMO_ACCOUNTS]
        self.stdout.write("\n".join([*lines, ""]))
