from django.core.management.base import CommandParser

from shop.catalogue.ozg_katalog import (
    DEFAULT_LEIKA_LEISTUNGEN,
    DEFAULT_OZG_LEISTUNGEN,
    OzgKatalogError,
    parse_ozg_katalog,
)
from shop.catalogue.services import (
    KatalogImportRefused,
    KatalogImportReport,
    ozg_katalog_import,
)
from shop.importing import REMOVAL_LIMIT_PERCENT, ChangeKind, ImportChange, german_number
from shop.management.import_command import ImportCommand

TYPE_LABELS = {
    "themenfeld": "Themenfelder",
    "lage": "Lagen",
    "ozg_leistung": "OZG-Leistungen",
    "leika_leistung": "LeiKa-Leistungen",
}
TYPE_LABEL_SINGULAR = {
    "themenfeld": "Themenfeld",
    "lage": "Lage",
    "ozg_leistung": "OZG-Leistung",
    "leika_leistung": "LeiKa-Leistung",
}
CHANGE_LABELS = {
    ChangeKind.CREATED: "Neu",
    ChangeKind.RENAMED: "Umbenannt",
    ChangeKind.MOVED: "Neu zugeordnet",
    ChangeKind.RETIRED: "Nicht mehr im Katalog",
}
NOT_IMPORTED = "Der OZG-Katalog wurde nicht importiert, der Bestand ist unverändert."
COLUMN_LABELS = {
    "created": "neu",
    "updated": "geändert",
    "unchanged": "unverändert",
    "missing": "nicht mehr im Katalog",
}


class Command(ImportCommand):
    not_imported = NOT_IMPORTED
    file_error = OzgKatalogError
    refusal = KatalogImportRefused
    change_labels = CHANGE_LABELS
    type_labels = TYPE_LABELS
    column_labels = COLUMN_LABELS
    column_widths = {column: len(label) + 3 for column, label in COLUMN_LABELS.items()}
    imported = "OZG-Katalog importiert."
    no_changes_in_dry_run = (
        "Nichts würde angelegt, umbenannt, neu zugeordnet oder als „nicht mehr im Katalog“ "
        "markiert."
    )
    guarded_change = ChangeKind.RETIRED
    guarded_heading = "Nicht mehr im Katalog wären"
    refusal_advice = (
        "Stimmen die Dateien (z. B. ein neuer Umsetzungskatalog), den Import mit "
        "--allow-missing wiederholen; --dry-run zeigt vorher alle Änderungen. Gelöscht "
        "wird nichts."
    )
    guard_override_option = "--allow-missing"
    guard_override_help = (
        f"auch importieren, wenn mehr als {REMOVAL_LIMIT_PERCENT} % der OZG- oder "
        "LeiKa-Leistungen nicht mehr in den Dateien stehen (vorher mit --dry-run prüfen)"
    )
    dry_run_help = (
        "nichts speichern, nur zeigen, was angelegt, umbenannt, neu zugeordnet und "
        "als „nicht mehr im Katalog“ markiert würde"
    )

    help = (
        "Importiert den OZG-Umsetzungskatalog (Themenfelder, Lagen, OZG-Leistungen) und die "
        "zugeordneten LeiKa-Leistungen aus zwei CSV-Dateien (UTF-8). Ohne Angabe werden die "
        "mitgelieferten Dateien aus shop/data/ gelesen. Wiederholbar: übernimmt Änderungen, "
        "legt Neues an und löscht nichts; was nicht mehr in den Dateien steht, wird als „nicht "
        "mehr im Katalog“ gezählt. Stehen mehr als "
        f"{REMOVAL_LIMIT_PERCENT} % der OZG- oder LeiKa-Leistungen nicht mehr in den Dateien, "
        "wird der Import ohne --allow-missing abgelehnt."
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
        super().add_arguments(parser)

    def handle(
        self,
        *args: object,
        leistungen: str,
        leika: str,
        dry_run: bool,
        allow_missing: bool,
        **options: object,
    ) -> None:
        self.import_and_report(
            lambda: ozg_katalog_import(
                katalog=parse_ozg_katalog(leistungen=leistungen, leika=leika),
                allow_missing=allow_missing,
                dry_run=dry_run,
            ),
            dry_run=dry_run,
            as_json=options["json"],
        )

    def write_notes(self, report: KatalogImportReport) -> None:
        self.stdout.write(
            "LeiKa-Leistungen ohne OZG-Leistung im Katalog: "
            f"{german_number(report.without_ozg_leistung)}"
        )
        if report.repeated_rows:
            self.stdout.write(
                f"Wiederholte Zeilen übersprungen: {german_number(report.repeated_rows)}"
            )

    def no_changes_message(self, report: KatalogImportReport) -> str:
        if any(report.missing.values()):
            return (
                "Keine Änderungen: der Katalog enthält bereits alles aus den Dateien; was dort "
                "nicht mehr steht, bleibt erhalten (Spalte „nicht mehr im Katalog“)."
            )
        return "Keine Änderungen: der Katalog entspricht bereits den Dateien."

    def describe_change(self, change: ImportChange) -> str:
        """'OZG-Leistung „Elterngeld“ (10000)', with the old and new name or Lage if any."""
        type_label = TYPE_LABEL_SINGULAR[change.report_type]
        if change.kind == ChangeKind.RENAMED:
            return f"{type_label} {change.key}: „{change.previous}“ → „{change.current}“"
        entry = f"{type_label} „{change.name}“ ({change.key})"
        if change.kind == ChangeKind.MOVED:
            return f"{entry}: von Lage {change.previous} zu Lage {change.current}"
        if change.current:
            return f"{entry} im Themenfeld „{change.current}“"
        return entry
