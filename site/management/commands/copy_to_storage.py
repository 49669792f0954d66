from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ozg_site.file_storage import ALIASES, STORAGE_ERRORS, storage_copy_tree


class Command(BaseCommand):
    help = (
        "Kopiert alle Dateien eines Verzeichnisses (z. B. des bisherigen MEDIA_ROOT) unter "
        "demselben Namen in eine Dateiablage, z. B. den Objektspeicher. Schon vorhandene Dateien "
        "gleicher Größe werden übersprungen (wiederholbar), abweichende nie überschrieben."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="das Quellverzeichnis")
        parser.add_argument(
            "--storage",
            choices=ALIASES,
            default="default",
            help="Ziel: default (Medien, Vorgabe) oder private (private Dateien)",
        )

    def handle(self, *args: object, directory: Path, storage: str, **options: object) -> None:
        if not directory.is_dir():
            raise CommandError(f"{directory} ist kein Verzeichnis.", returncode=2)
        try:
            report = storage_copy_tree(source=directory, alias=storage)
        except STORAGE_ERRORS as error:
            raise CommandError(
                f"Kopieren abgebrochen: {error}. Erneut aufrufen: schon kopierte Dateien werden "
                "übersprungen.",
                returncode=1,
            ) from error
        self.stdout.write(f"Kopiert: {len(report.copied)}, schon vorhanden: {len(report.present)}.")
        if report.conflicts:
            raise CommandError(
                "Schon vorhanden mit anderer Größe, nicht überschrieben: "
                + ", ".join(report.conflicts),
                returncode=1,
            )
