from django.core.management.base import BaseCommand

from shop.onboarding.services import onboarding_reminders_send


class Command(BaseCommand):
    help = (
        "Erinnert die Ansprechpersonen von Bestellungen, deren Dienste noch Pflichtangaben zur "
        "Einrichtung fehlen, einmal je Zeitraum (ONBOARDING_REMINDER_DAYS Tage ab der "
        "Bestellung). Täglich aufrufen (systemd-Timer oder cron); ein zweiter Lauf im selben "
        "Zeitraum sendet nichts."
    )

    def handle(self, *, verbosity: int, **options) -> None:
        sent = onboarding_reminders_send()
        if verbosity >= 1:
            self.stdout.write(f"{sent} Erinnerung(en) in den Postausgang gelegt.")
