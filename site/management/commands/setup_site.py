import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ozg_site.setup import database_app_role_ensure, site_setup_ensure


class Command(BaseCommand):
    help = (
        "Richtet eine Produktionsinstanz ein (idempotent): Seitenbaum mit rechtlichen Seiten, "
        "Kommunalregister und OZG-Katalog aus den mitgelieferten Dateien, Mitarbeitergruppen "
        "und Freigabe-Workflow. Legt weder Dienst-Steckbriefe noch Konten an. Mit --app-role "
        "(nur PostgreSQL, als Eigentümerrolle der Tabellen ausführen) auch die Datenbankrolle, "
        "mit der die Anwendung läuft."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--app-role",
            metavar="ROLLE",
            help="Datenbankrolle der Anwendung anlegen oder ihre Rechte erneuern (nach jedem "
            "migrate): alle Tabellen lesen und schreiben, Annahmenachweise nur lesen und "
            "anlegen. Das Passwort kommt aus DATABASE_APP_PASSWORD (für eine neue Rolle "
            "Pflicht, sonst optional).",
        )

    def handle(self, *args: object, app_role: str | None, **options: object) -> None:
        try:
            # One transaction: a refused role leaves the site as it was.
            with transaction.atomic():
                role = None
                if app_role:
                    role = database_app_role_ensure(
                        role=app_role, password=os.environ.get("DATABASE_APP_PASSWORD") or None
                    )
                report = site_setup_ensure()
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        for line in report.summary():
            self.stdout.write(line)
        if role:
            self.stdout.write(role.summary())
