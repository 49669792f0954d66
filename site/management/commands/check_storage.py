from django.core.management.base import BaseCommand, CommandError, CommandParser

from ozg_site.file_storage import (
    ALIASES,
    STORAGE_ERRORS,
    storage_buckets_create,
    storage_check,
)


class Command(BaseCommand):
    help = (
        "Prüft die Dateiablagen der Medien (default) und der privaten Dateien (private): eine "
        "Probe schreiben, lesen und löschen; private Dateien dürfen ohne Signatur nicht lesbar "
        "sein, Bilder auf S3 müssen es sein. Endet mit Status 1, wenn etwas nicht stimmt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--create-buckets",
            action="store_true",
            help="fehlende S3-Buckets vorher anlegen (ein neuer Medien-Bucket bekommt die "
            "Richtlinie, nach der nur die Bilder öffentlich lesbar sind)",
        )

    def handle(self, *args: object, create_buckets: bool, **options: object) -> None:
        if create_buckets:
            try:
                created = storage_buckets_create()
            except STORAGE_ERRORS as error:
                raise CommandError(f"Bucket nicht angelegt: {error}", returncode=1) from error
            for bucket in created:
                self.stdout.write(f"Bucket {bucket} angelegt.")
        failed = False
        for alias in ALIASES:
            check = storage_check(alias=alias)
            if check.problems:
                failed = True
                self.stderr.write(f"{alias}: {check.where}")
                for problem in check.problems:
                    self.stderr.write(f"  {problem}")
            else:
                self.stdout.write(f"{alias}: {check.where}: in Ordnung")
        if failed:
            raise CommandError("Die Dateiablage ist nicht in Ordnung (siehe oben).", returncode=1)
