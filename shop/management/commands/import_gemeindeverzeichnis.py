from django.core.management.base import CommandParser

from shop.importing import REMOVAL_LIMIT_PERCENT, ChangeKind, ImportChange, german_number
from shop.management.import_command import ImportCommand
from shop.models import VerwaltungKind
from shop.registry.gemeindeverzeichnis import GemeindeverzeichnisError, parse_gemeindeverzeichnis
from shop.registry.services import (
    GEMEINDE_REPORT_TYPE,
    ImportReport,
    RegistryImportRefused,
    registry_import_gemeindeverzeichnis,
)

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
CHANGE_LABELS = {
    ChangeKind.CREATED: "Neu",
    ChangeKind.RENAMED: "Umbenannt",
    ChangeKind.MOVED: "Neu zugeordnet",
    ChangeKind.REACTIVATED: "Wieder aktiviert",
    ChangeKind.DEACTIVATED: "Deaktiviert",
}
NOT_IMPORTED = "Das Gemeindeverzeichnis wurde nicht importiert, der Bestand ist unverändert."


class Command(ImportCommand):
    not_imported = NOT_IMPORTED
    file_error = GemeindeverzeichnisError
    refusal = RegistryImportRefused
    change_labels = CHANGE_LABELS
    no_changes_in_dry_run = (
        "Keine Verwaltung und keine Gemeinde würde angelegt, umbenannt, neu zugeordnet "
        "oder deaktiviert."
    )
    guarded_change = ChangeKind.DEACTIVATED
    guarded_heading = "Deaktiviert würden"
    refusal_advice = (
        "Stimmt die Datei und sind diese Deaktivierungen gewollt (z. B. nach einer "
        "Gebietsreform), den Import mit --allow-deactivations wiederholen; --dry-run "
        "zeigt vorher alle Änderungen."
    )

    help = (
        "Importiert Verwaltungen und Gemeinden aus dem Gemeindeverzeichnis von Destatis "
        "(AuszugGV als CSV, UTF-8). Wiederholbar: ändert Namen und Zuordnungen, legt Neues an "
        "und deaktiviert, was nicht mehr in der Datei steht. Ein Import, der mehr als "
        f"{REMOVAL_LIMIT_PERCENT} % der aktiven Verwaltungen oder Gemeinden deaktivieren würde "
        "oder wie eine abgeschnittene Datei aussieht, wird ohne --allow-deactivations abgelehnt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="DATEI", help="Pfad zur CSV-Datei")
        parser.add_argument(
            "--land",
            help="nur dieses Land importieren (zweistelliger Schlüssel, z. B. 01)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="nichts speichern, nur zeigen, was angelegt, umbenannt, neu zugeordnet, "
            "wieder aktiviert und deaktiviert würde",
        )
        parser.add_argument(
            "--allow-deactivations",
            action="store_true",
            help=f"auch mehr als {REMOVAL_LIMIT_PERCENT} % der aktiven Verwaltungen oder "
            "Gemeinden deaktivieren (nach einer Gebietsreform, vorher mit --dry-run prüfen)",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="das Ergebnis als JSON-Objekt in der letzten Zeile ausgeben",
        )

    def handle(
        self,
        *args: object,
        file: str,
        land: str | None,
        dry_run: bool,
        allow_deactivations: bool,
        **options: object,
    ) -> None:
        self.import_and_report(
            lambda: registry_import_gemeindeverzeichnis(
                records=parse_gemeindeverzeichnis(file, land=land),
                land=land,
                allow_deactivations=allow_deactivations,
                dry_run=dry_run,
            ),
            dry_run=dry_run,
            as_json=options["json"],
        )

    def write_table(self, report: ImportReport, *, dry_run: bool) -> None:
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
        if dry_run:
            self.stdout.write("Probelauf: nichts wurde gespeichert.")
        elif report.has_changes:
            self.stdout.write(self.style.SUCCESS("Gemeindeverzeichnis importiert."))
        else:
            self.stdout.write("Keine Änderungen: der Bestand entspricht bereits der Datei.")

    def describe_change(self, change: ImportChange) -> str:
        """'Amt „Hüttener Berge“ (010585890)', with the old and new name or Verwaltung if any."""
        if change.report_type == GEMEINDE_REPORT_TYPE:
            type_label = "Gemeinde"
        else:
            type_label = VerwaltungKind(change.report_type).label
        if change.kind == ChangeKind.RENAMED:
            return f"{type_label} {change.key}: „{change.previous}“ → „{change.current}“"
        entry = f"{type_label} „{change.name}“ ({change.key})"
        if change.kind == ChangeKind.MOVED:
            return f"{entry}: von {change.previous} zu {change.current}"
        return entry
