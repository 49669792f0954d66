"""What the two import commands share: the options for a dry run and for lifting the guard, and
one way to run an import and to report it, so that the Gemeindeverzeichnis and the OZG catalogue
answer a dry run, a refusal and a broken file alike."""

import json
from collections.abc import Callable
from typing import Any, ClassVar

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shop.importing import (
    ChangeKind,
    ImportChange,
    ImportFileError,
    ImportRefused,
    german_number,
)


class ImportCommand(BaseCommand):
    not_imported: ClassVar[str]
    # Errors of the file (German, with the line) and the import's refusal of a suspicious result.
    file_error: ClassVar[type[ImportFileError]]
    refusal: ClassVar[type[ImportRefused]]
    change_labels: ClassVar[dict[ChangeKind, str]]
    no_changes_in_dry_run: ClassVar[str]
    # The change whose share the guard limits, how a refusal names them, and what to do then.
    guarded_change: ClassVar[ChangeKind]
    guarded_heading: ClassVar[str]
    refusal_advice: ClassVar[str]
    # The option that lifts the guard (e.g. "--allow-missing") and its help.
    guard_override_option: ClassVar[str]
    guard_override_help: ClassVar[str]
    # What a dry run shows (the help of --dry-run).
    dry_run_help: ClassVar[str]
    # The table of counts: a row a report type, a column a count (created, updated, ...), each
    # column right-aligned in its width.
    type_labels: ClassVar[dict[str, str]]
    column_labels: ClassVar[dict[str, str]]
    column_widths: ClassVar[dict[str, int]]
    imported: ClassVar[str]

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)
        parser.add_argument(
            self.guard_override_option,
            action="store_true",
            # argparse formats help texts with %: "5 % der …" would break --help.
            help=self.guard_override_help.replace("%", "%%"),
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="das Ergebnis als JSON-Objekt in der letzten Zeile ausgeben",
        )

    def describe_change(self, change: ImportChange) -> str:
        raise NotImplementedError

    def write_notes(self, report: Any) -> None:
        """The lines between the table and the outcome."""
        raise NotImplementedError

    def no_changes_message(self, report: Any) -> str:
        raise NotImplementedError

    def table_types(self, report: Any) -> list[str]:
        """The report types the table lists, a row each."""
        return list(self.type_labels)

    def write_table(self, report: Any, *, dry_run: bool) -> None:
        counts = report.as_dict()
        labels = {
            report_type: self.type_labels[report_type] for report_type in self.table_types(report)
        }
        label_width = max(len(label) for label in labels.values())
        header = "".join(
            f"{label:>{self.column_widths[column]}}" for column, label in self.column_labels.items()
        )
        self.stdout.write(f"{'':<{label_width}}{header}")
        for report_type, label in labels.items():
            cells = "".join(
                f"{german_number(counts[column][report_type]):>{width}}"
                for column, width in self.column_widths.items()
            )
            self.stdout.write(f"{label:<{label_width}}{cells}")
        self.write_notes(report)
        if dry_run:
            self.stdout.write("Probelauf: nichts wurde gespeichert.")
        elif report.has_changes:
            self.stdout.write(self.style.SUCCESS(self.imported))
        else:
            self.stdout.write(self.no_changes_message(report))

    def import_and_report(self, run: Callable[[], Any], *, dry_run: bool, as_json: bool) -> None:
        try:
            report = run()
        except self.file_error as error:
            raise CommandError(f"{self.not_imported}\n{error}") from error
        except self.refusal as refusal:
            if dry_run:
                self._write_changes(refusal.report)
            raise CommandError(self._refusal_message(refusal)) from refusal
        if dry_run:
            self._write_changes(report)
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self.write_table(report, dry_run=dry_run)

    def _write_changes(self, report: Any) -> None:
        self.stdout.write("Probelauf (--dry-run): diese Änderungen würde der Import vornehmen.")
        for kind, label in self.change_labels.items():
            for change in report.changes_of(kind):
                self.stdout.write(f"{label}: {self.describe_change(change)}")
        if not report.changes:
            self.stdout.write(self.no_changes_in_dry_run)

    def _refusal_message(self, refusal: ImportRefused) -> str:
        guarded = refusal.report.changes_of(self.guarded_change)
        return "\n".join(
            [
                self.not_imported,
                *refusal.reasons,
                f"{self.guarded_heading} {german_number(len(guarded))}:",
                *(f"  {self.describe_change(change)}" for change in guarded),
                self.refusal_advice,
            ]
        )
