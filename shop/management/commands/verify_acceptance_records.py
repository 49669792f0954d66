import re

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shop.agreements.selectors import ChainPoint, acceptance_chain_verify

CHAIN_POINT = re.compile(r"^(?P<sequence>[1-9][0-9]*):(?P<chain_hash>[0-9a-f]{64})$")


def chain_point(value: str) -> ChainPoint:
    match = CHAIN_POINT.match(value.strip())
    if match is None:
        raise CommandError(
            f"--head „{value}“ ist keine Angabe der Form Nummer:Prüfsumme (die laufende Nummer "
            "und 64 Hexadezimalziffern, wie sie die letzte Prüfung ausgegeben hat).",
            returncode=2,
        )
    return ChainPoint(sequence=int(match["sequence"]), chain_hash=match["chain_hash"])


class Command(BaseCommand):
    help = (
        "Prüft die Kette der Annahmenachweise vollständig: fehlende Nummern (gelöschte "
        "Nachweise), veränderte Inhalte und unterbrochene Verkettung. Meldet die erste Bruchstelle "
        "und endet dann mit Status 1; ist die Kette intakt, nennt es die Zahl der Nachweise und "
        "den letzten (für --head der nächsten Prüfung)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--head",
            metavar="NUMMER:PRÜFSUMME",
            help="der letzte Nachweis, den eine frühere Prüfung gemeldet hat: er muss noch in "
            "der Kette stehen, mit derselben Prüfsumme (erkennt gelöschte neueste Nachweise und "
            "eine neu berechnete Kette)",
        )

    def handle(self, *args: object, head: str | None, **options: object) -> None:
        report = acceptance_chain_verify(known_head=chain_point(head) if head else None)
        if not report.intact:
            raise CommandError(
                f"Die Kette der Annahmenachweise ist gebrochen. {report.first_break} "
                f"Bis dahin geprüft: {report.checked} Nachweise.",
                returncode=1,
            )
        if report.head is None:
            self.stdout.write("Kette der Annahmenachweise intakt: noch keine Nachweise.")
            return
        self.stdout.write(
            f"Kette der Annahmenachweise intakt: {report.checked} Nachweise geprüft. "
            f"Letzter Nachweis für die nächste Prüfung: --head {report.head}"
        )
