import logging
import signal
import threading
from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

from shop.integrations.webhooks import WebhookSweepResult, webhook_sweep
from shop.mail.services import SweepResult, mail_sweep

logger = logging.getLogger(__name__)


def _seconds(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise ArgumentTypeError(f"„{value}“ ist keine ganze Zahl von Sekunden ab 1.")
    return int(value)


def _summary(result: SweepResult) -> str:
    return (
        f"{result.sent} E-Mail(s) zugestellt, {result.retrying} mit späterem neuem Versuch, "
        f"{result.failed} endgültig fehlgeschlagen; {result.tasks_requeued} liegengebliebene "
        "Aufgabe(n) neu eingereiht."
    )


def _webhook_summary(result: WebhookSweepResult) -> str:
    return (
        f"{result.delivered} Webhook(s) zugestellt, {result.retrying} mit späterem neuem "
        f"Versuch, {result.failed} endgültig fehlgeschlagen."
    )


NOTHING_DONE = WebhookSweepResult(delivered=0, retrying=0, failed=0)


class Command(BaseCommand):
    help = (
        "Stellt fällige E-Mails aus dem Postausgang zu: neue Versuche nach Fehlern, E-Mails "
        "abgebrochener Worker und solche, deren Aufgabe nie lief; reiht Aufgaben, die ein "
        "beendeter Worker als „läuft“ hinterlassen hat, wieder ein; stellt fällige Webhooks "
        "ebenso zu. Ohne --loop einmal."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--loop",
            action="store_true",
            help="immer wieder zustellen, bis SIGTERM oder Strg+C (für einen systemd-Dienst)",
        )
        parser.add_argument(
            "--interval",
            type=_seconds,
            default=60,
            help="Sekunden zwischen zwei Durchläufen mit --loop (Vorgabe 60)",
        )

    def handle(self, *, loop: bool, interval: int, verbosity: int, **options) -> None:
        if not loop:
            self._report(mail_sweep(), verbosity)
            self._report_webhooks(webhook_sweep(), verbosity)
            return
        stop = threading.Event()
        # SIGTERM (systemctl stop) ends the loop after the current run instead of in the middle
        # of a send; a send cut off anyway is taken up again when its claim runs out.
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        while not stop.is_set():
            # A long-running process: drop connections the database closed meanwhile.
            close_old_connections()
            try:
                result = mail_sweep()
            except DatabaseError as error:
                # The database will be back; systemd need not restart the process for that.
                logger.warning("Postausgang nicht erreichbar, neuer Versuch folgt: %s", error)
            else:
                # One line a minute saying "nothing to do" would drown the journal.
                if result != SweepResult(sent=0, retrying=0, failed=0, tasks_requeued=0):
                    self._report(result, verbosity)
            # Webhooks after the mails, so that a receiver that hangs does not delay them.
            try:
                webhooks = webhook_sweep()
            except DatabaseError as error:
                logger.warning("Webhooks nicht erreichbar, neuer Versuch folgt: %s", error)
            else:
                if webhooks != NOTHING_DONE:
                    self._report_webhooks(webhooks, verbosity)
            stop.wait(interval)

    def _report(self, result: SweepResult, verbosity: int) -> None:
        if verbosity >= 1:
            self.stdout.write(_summary(result))

    def _report_webhooks(self, result: WebhookSweepResult, verbosity: int) -> None:
        # Quiet where nobody uses webhooks: the mail summary stays the command's one line.
        if verbosity >= 1 and result != NOTHING_DONE:
            self.stdout.write(_webhook_summary(result))
