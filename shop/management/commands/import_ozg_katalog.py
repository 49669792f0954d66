import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shop.catalogue.ozg_katalog import (
    DEFAULT_LEIKA_LEISTUNGEN,
    DEFAULT_OZG_LEISTUNGEN,
    OzgKatalogError,
    parse_ozg_katalog,
)
from shop.catalogue.services import KatalogImportReport, ozg_katalog_import
from shop.importing import german_number

TYPE_LABELS = {
    "themenfeld": "Themenfelder",
    "lage": "Lagen",
    "ozg_leistung": "OZG-Leistungen",
    "leika_leistung": "LeiKa-Leistungen",
}
COLUMN_LABELS = {
    "created": "neu",
    "updated": "geändert",
    "unchanged": "unverändert",
    "missing": "nicht mehr im Katalog",
}


class Command(BaseCommand):
    help = (
        "Importiert den OZG-Umsetzungskatalog (Themenfelder, Lagen, OZG-Leistungen) und die "
        "zugeordneten LeiKa-Leistungen aus zwei CSV-Dateien (UTF-8). Ohne Angabe werden die "
        "mitgelieferten Dateien aus shop/data/ gelesen. Wiederholbar: übernimmt Änderungen, "
        "legt Neues an und löscht nichts; was nicht mehr in den Dateien steht, wird als „nicht "
        "mehr im Katalog“ gezählt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--leistungen",
            metavar="DATEI",
            default=str(DEFAULT_OZG_LEISTUNGEN),
            help="CSV-Datei der OZG-Leistungen (Spalten ozg_id, ozg_leistung, lage, themenfeld); "
            "ohne Angabe die mitgelieferte shop/data/ozg_leistungen.csv",
        )
        parser.add_argument(
            "--leika",
            metavar="DATEI",
            default=str(DEFAULT_LEIKA_LEISTUNGEN),
            help="CSV-Datei der LeiKa-Leistungen (Spalten leika_schluessel, leistung, ozg_id, "
            "leika_typ, rechtsgrundlage, gesetze, gesetz_kuerzel); ohne Angabe die "
            "mitgelieferte shop/data/leika_leistungen.csv",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="das Ergebnis als JSON-Objekt in der letzten Zeile ausgeben",
        )

    def handle(self, *args: object, leistungen: str, leika: str, **options: object) -> None:
        try:
            katalog = parse_ozg_katalog(leistungen=leistungen, leika=leika)
        except OzgKatalogError as error:
            raise CommandError(
                f"Der OZG-Katalog wurde nicht importiert, der Bestand ist unverändert.\n{error}"
            ) from error
        report = ozg_katalog_import(katalog=katalog)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self._write_table(report)

    def _write_table(self, report: KatalogImportReport) -> None:
        counts = report.as_dict()
        label_width = max(len(label) for label in TYPE_LABELS.values())
        column_widths = {column: len(label) + 3 for column, label in COLUMN_LABELS.items()}
        header = "".join(
            f"{label:>{column_widths[column]}}" for column, label in COLUMN_LABELS.items()
        )
        self.stdout.write(f"{'':<{label_width}}{header}")
        for report_type, label in TYPE_LABELS.items():
            cells = "".join(
                f"{german_number(counts[column][report_type]):>{width}}"
                for column, width in column_widths.items()
            )
            self.stdout.write(f"{label:<{label_width}}{cells}")
        self.stdout.write(
            "LeiKa-Leistungen ohne OZG-Leistung im Katalog: "
            f"{german_number(report.without_ozg_leistung)}"
        )
        if report.repeated_rows:
            self.stdout.write(
                f"Wiederholte Zeilen übersprungen: {german_number(report.repeated_rows)}"
            )
        if report.has_changes:
            self.stdout.write(self.style.SUCCESS("OZG-Katalog importiert."))
        elif any(report.missing.values()):
            self.stdout.write(
                "Keine Änderungen: der Katalog enthält bereits alles aus den Dateien; was dort "
                "nicht mehr steht, bleibt erhalten (Spalte „nicht mehr im Katalog“)."
            )
        else:
            self.stdout.write("Keine Änderungen: der Katalog entspricht bereits den Dateien.")
