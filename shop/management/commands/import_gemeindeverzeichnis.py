import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shop.importing import german_number
from shop.registry.gemeindeverzeichnis import GemeindeverzeichnisError, parse_gemeindeverzeichnis
from shop.registry.services import ImportReport, registry_import_gemeindeverzeichnis

TYPE_LABELS = {
    "kreisfreie_stadt": "Kreisfreie Städte",
    "kreis": "Kreise",
    "amt": "Ämter",
    "kirchspielslandgemeinde": "Kirchspielslandgemeinden",
    "amtsfreie_gemeinde": "Amtsfreie Gemeinden/Städte",
    "gemeinde": "Gemeinden",
}
COLUMN_LABELS = {
    "created": "neu",
    "updated": "geändert",
    "unchanged": "unverändert",
    "deactivated": "deaktiviert",
}


class Command(BaseCommand):
    help = (
        "Importiert Verwaltungen und Gemeinden aus dem Gemeindeverzeichnis von Destatis "
        "(AuszugGV als CSV, UTF-8). Wiederholbar: ändert Namen und Zuordnungen, legt Neues an "
        "und deaktiviert, was nicht mehr in der Datei steht."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="DATEI", help="Pfad zur CSV-Datei")
        parser.add_argument(
            "--land",
            help="nur dieses Land importieren (zweistelliger Schlüssel, z. B. 01)",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="das Ergebnis als JSON-Objekt in der letzten Zeile ausgeben",
        )

    def handle(self, *args: object, file: str, land: str | None, **options: object) -> None:
        try:
            records = parse_gemeindeverzeichnis(file, land=land)
            report = registry_import_gemeindeverzeichnis(records=records, land=land)
        except GemeindeverzeichnisError as error:
            raise CommandError(
                f"Das Gemeindeverzeichnis wurde nicht importiert, der Bestand ist unverändert.\n"
                f"{error}"
            ) from error
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self._write_table(report)

    def _write_table(self, report: ImportReport) -> None:
        counts = report.as_dict()
        label_width = max(len(label) for label in TYPE_LABELS.values())
        header = "".join(f"{label:>13}" for label in COLUMN_LABELS.values())
        self.stdout.write(f"{'':<{label_width}}{header}")
        for report_type, label in TYPE_LABELS.items():
            cells = "".join(
                f"{german_number(counts[column][report_type]):>13}" for column in COLUMN_LABELS
            )
            self.stdout.write(f"{label:<{label_width}}{cells}")
        self.stdout.write(f"Übersprungen (gemeindefreie Gebiete): {german_number(report.skipped)}")
        if report.has_changes:
            self.stdout.write(self.style.SUCCESS("Gemeindeverzeichnis importiert."))
        else:
            self.stdout.write("Keine Änderungen: der Bestand entspricht bereits der Datei.")
