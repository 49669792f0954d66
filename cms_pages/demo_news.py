"""Two pieces of news for the demo environment (seed_demo), so that /neuigkeiten/ is not empty
on a first look. Dates are relative to the day the demo is built."""

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class DemoNews:
    slug: str
    title: str
    days_ago: int
    intro: str
    body: str  # Wagtail rich text (HTML)


DEMO_NEWS = (
    DemoNews(
        slug="ozg-dienste-shop-gestartet",
        title="Der OZG-Dienste-Shop ist gestartet",
        days_ago=21,
        intro=(
            "Ämter, amtsfreie Gemeinden, Kreise und kreisfreie Städte bestellen die "
            "Online-Dienste des Landes ab sofort an einer Stelle."
        ),
        body=(
            "<p>Mit einer Bestellung im OZG-Dienste-Shop nehmen Sie die Standardbedingungen an; "
            "eine gesonderte Nachnutzungsvereinbarung mit jedem Anbieter entfällt. Den Stand "
            "der Einrichtung sehen alle Mitglieder Ihrer Verwaltung unter „Meine Dienste“.</p>"
            "<p>Wie Sie sich registrieren und bestellen, steht auf der Seite „Hilfe“.</p>"
        ),
    ),
    DemoNews(
        slug="neue-dienste-im-katalog",
        title="Neue Dienste im Katalog",
        days_ago=3,
        intro=(
            "Der Dienstekatalog enthält jetzt auch den Bewohnerparkausweis, die Anmeldung der "
            "Hundesteuer und die Sondernutzung von Straßen."
        ),
        body=(
            "<p>Die Steckbriefe nennen für jeden Dienst die Voraussetzungen, die Vereinbarungen, "
            "die bei der Bestellung anzunehmen sind, und die Ansprechpersonen des "
            "Anbieters.</p>"
        ),
    ),
)
