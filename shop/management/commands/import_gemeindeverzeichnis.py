from django.conf import settings
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
    "stadtkreis": "Stadtkreise",
    "landkreis": "Landkreise",
    "regionalverband": "Regionalverbände",
    "samtgemeinde": "Samtgemeinden",
    "verbandsgemeinde": "Verbandsgemeinden",
    "verwaltungsgemeinschaft": "Verwaltungsgemeinschaften",
    "verwaltungsverband": "Verwaltungsverbände",
    "erfuellende_gemeinde": "Erfüllende Gemeinden",
    "verbandsfreie_gemeinde": "Verbandsfreie Gemeinden/Städte",
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
    type_labels = TYPE_LABELS
    column_labels = COLUMN_LABELS
    column_widths = dict.fromkeys(COLUMN_LABELS, 13)
    imported = "Gemeindeverzeichnis importiert."
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
    guard_override_option = "--allow-deactivations"
    guard_override_help = (
        f"auch mehr als {REMOVAL_LIMIT_PERCENT} % der aktiven Verwaltungen oder "
        "Gemeinden deaktivieren (nach einer Gebietsreform, vorher mit --dry-run prüfen)"
    )
    dry_run_help = (
        "nichts speichern, nur zeigen, was angelegt, umbenannt, neu zugeordnet, "
        "wieder aktiviert und deaktiviert würde"
    )

    help = (
        "Importiert Verwaltungen und Gemeinden eines Landes aus dem Gemeindeverzeichnis von "
        "Destatis (AuszugGV als CSV, UTF-8), ohne --land das Land des Shops (SHOP_LAND). "
        "Wiederholbar: ändert Namen und Zuordnungen, legt Neues an "
        "und deaktiviert, was nicht mehr in der Datei steht. Ein Import, der mehr als "
        f"{REMOVAL_LIMIT_PERCENT} % der aktiven Verwaltungen oder Gemeinden deaktivieren würde "
        "oder wie eine abgeschnittene Datei aussieht, wird ohne --allow-deactivations abgelehnt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="DATEI", help="Pfad zur CSV-Datei")
        parser.add_argument(
            "--land",
            default=settings.SHOP_LAND,
            help="das Land, dessen Zeilen importiert werden (zweistelliger Schlüssel, z. B. 03 "
            f"für Niedersachsen); Vorgabe ist das Land des Shops, {settings.SHOP_LAND}",
        )
        super().add_arguments(parser)

    def handle(
        self,
        *args: object,
        file: str,
        land: str,
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

    def table_types(self, report: ImportReport) -> list[str]:
        return report.counted_types

    def write_notes(self, report: ImportReport) -> None:
        laender = ", ".join(f"{name} ({key})" for key, name in sorted(report.laender.items()))
        self.stdout.write(f"Land: {laender}")
        self.stdout.write(f"Übersprungen (gemeindefreie Gebiete): {german_number(report.skipped)}")

    def no_changes_message(self, report: ImportReport) -> str:
        return "Keine Änderungen: der Bestand entspricht bereits der Datei."

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
