"""Demo-Steckbriefe der Online-Dienste für den OZG-Dienste-Shop Schleswig-Holstein.

Der Seed-Befehl legt aus jedem Eintrag in DEMO_SERVICES eine Wagtail-ServicePage an. Die Texte
beschreiben, was das Land den Ämtern, amtsfreien Gemeinden, Kreisen und kreisfreien Städten zur
Nachnutzung anbietet. Die OZG-IDs stammen aus dem OZG-Umsetzungskatalog
(shared/data/ozg_leistungen.csv). Basisdienste setzen selbst keine OZG-Leistung um; sie tragen die
OZG-IDs der Leistungen, für die sie im Shop vor allem eingesetzt werden.

Rich Text in den Body-Blöcken ist Wagtail-Rich-Text-HTML und verwendet nur <p>, <ul>, <ol>, <li>,
<b>, <i> und <a>.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class DemoContact:
    """Eine Ansprechstelle eines Dienstes: Funktion oder Team mit Funktionspostfach."""

    role: str  # z. B. "Fachliche Ansprechperson", "Technischer Support", "Landesredaktion"
    name: str  # Funktions- oder Teamname, keine Einzelperson
    email: str  # Funktionspostfach
    phone: str = ""


@dataclass(frozen=True, kw_only=True)
class DemoService:
    """Der Steckbrief eines Dienstes, aus dem eine ServicePage entsteht."""

    title: str
    slug: str  # Kleinbuchstaben, ASCII, Bindestriche
    short_description: str  # ein bis zwei Sätze, höchstens 300 Zeichen
    ozg_ids: tuple[str, ...]  # OZG-IDs aus dem Umsetzungskatalog, mindestens eine
    service_type: str  # "basisdienst" | "online_dienst_efa" | "landesdienst"
    provider: str  # wer den Dienst bereitstellt oder entwickelt
    operating_model: str  # Betrieb und Weg der Nachnutzung
    reifegrad: int  # OZG-Reifegrad 0 bis 4
    availability: str  # "verfuegbar" | "in_vorbereitung"
    requires_servicekonto: bool
    requires_postfach: bool
    requires_epayment: bool
    transport_route: str  # "osci_xta" | "fit_connect" | "keine"
    requires_dvdv_entry: bool
    vertrauensniveau: str  # "keins" | "niedrig" | "substantiell" | "hoch"
    fachverfahren_interface: str  # Schnittstelle zum Fachverfahren, leer wenn keine
    featured: bool = False
    contacts: tuple[DemoContact, ...] = ()
    body: tuple[tuple[str, object], ...] = field(default=())


# Ansprechstellen, die bei mehreren Diensten genannt werden.
_DATAPORT_FORMULARSERVER = DemoContact(
    role="Technischer Support",
    name="Service Desk Formularserver, Dataport",
    email="formularserver@dataport.de",
)
_DATAPORT_ONLINE_DIENSTE = DemoContact(
    role="Technischer Support",
    name="Service Desk Online-Dienste, Dataport",
    email="onlinedienste@dataport.de",
)
_ITVSH_BASISDIENSTE = DemoContact(
    role="Fachliche Ansprechperson",
    name="Team Basisdienste, ITVSH",
    email="basisdienste@itvsh.de",
)
_ITVSH_FAMILIE = DemoContact(
    role="Fachliche Ansprechperson",
    name="Team Familienleistungen digital, ITVSH",
    email="familie@itvsh.de",
)
_ITVSH_MELDEWESEN = DemoContact(
    role="Fachliche Ansprechperson",
    name="Team Meldewesen digital, ITVSH",
    email="meldewesen@itvsh.de",
)
_ITVSH_MOBILITAET = DemoContact(
    role="Fachliche Ansprechperson",
    name="Team Mobilität digital, ITVSH",
    email="mobilitaet@itvsh.de",
)
_ITVSH_PERSONENSTAND = DemoContact(
    role="Fachliche Ansprechperson",
    name="Team Personenstandswesen digital, ITVSH",
    email="personenstand@itvsh.de",
)
_ZUFI_LANDESREDAKTION = DemoContact(
    role="Landesredaktion",
    name="Landesredaktion Zuständigkeitsfinder",
    email="zufi-redaktion@itvsh.de",
)


DEMO_SERVICES: tuple[DemoService, ...] = (
    DemoService(
        title="Zuständigkeitsfinder Schleswig-Holstein",
        slug="zustaendigkeitsfinder",
        short_description=(
            "Der Zuständigkeitsfinder zeigt Bürgerinnen, Bürgern und Unternehmen, welche Stelle "
            "für ein Anliegen zuständig ist, und verknüpft jede Leistung mit dem passenden "
            "Online-Dienst Ihrer Verwaltung."
        ),
        ozg_ids=("10283",),
        service_type="basisdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes; Pflege der örtlichen Angaben durch "
            "die Kommunen im Redaktionssystem"
        ),
        reifegrad=1,
        availability="verfuegbar",
        requires_servicekonto=False,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="keine",
        requires_dvdv_entry=False,
        vertrauensniveau="keins",
        fachverfahren_interface=(
            "Bereitstellung der Leistungsbeschreibungen und Zuständigkeiten im Standard XZuFi an "
            "das Portalverbund-Online-Gateway (PVOG)"
        ),
        featured=True,
        contacts=(
            _ZUFI_LANDESREDAKTION,
            DemoContact(
                role="Technischer Support",
                name="Service Desk Zuständigkeitsfinder, Dataport",
                email="zufi@dataport.de",
            ),
        ),
        body=(
            ("heading", "Was der Zuständigkeitsfinder leistet"),
            (
                "paragraph",
                "<p>Der Zuständigkeitsfinder (ZuFi) ist das zentrale Verzeichnis der "
                "Verwaltungsleistungen in Schleswig-Holstein. Er verbindet die landesweit "
                "redaktionell gepflegten Leistungsbeschreibungen mit den Angaben Ihrer "
                "Verwaltung: Anschrift, Öffnungszeiten, Ansprechstellen, Gebühren und den Link "
                "auf den jeweiligen Online-Dienst.</p>"
                "<p>Die Inhalte erscheinen nicht nur im Zuständigkeitsfinder selbst. Über das "
                "Portalverbund-Online-Gateway werden sie auch an andere Portale weitergegeben, "
                "etwa an das Bundesportal. Viele Online-Dienste im Shop ermitteln aus dem "
                "Zuständigkeitsfinder, welche Behörde einen Antrag erhalten soll.</p>",
            ),
            (
                "feature_list",
                (
                    "Landesweit einheitliche, redaktionell geprüfte Leistungsbeschreibungen",
                    "Örtliche Angaben wie Öffnungszeiten und Gebühren pflegen Sie selbst",
                    "Einbindung in Ihren Internetauftritt ohne eigene Programmierung",
                    "Grundlage für die Zustellung von Online-Anträgen an die richtige Stelle",
                    "Weitergabe der Inhalte an das Bundesportal über den Portalverbund",
                ),
            ),
            ("heading", "Voraussetzungen und Einrichtung"),
            (
                "paragraph",
                "<p>Nach der Bestellung richtet Dataport für Ihre Verwaltung einen Zugang zum "
                "Redaktionssystem ein. Anschließend ordnen Sie Ihre Organisationseinheiten den "
                "Leistungen zu, für die Sie zuständig sind, und ergänzen die örtlichen "
                "Angaben.</p>"
                "<ul><li>Benennung einer kommunalen Redaktion, idealerweise mit "
                "Funktionspostfach</li>"
                "<li>Pflege der Organisationseinheiten und Zuständigkeiten für Ihre Gemeinden</li>"
                "<li>Optional: Einbindung per Webkomponente in Ihren Internetauftritt</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Der Zuständigkeitsfinder ist Voraussetzung für fast alle Online-Dienste "
                    "im Shop. Sind Ihre Zuständigkeiten dort nicht vollständig gepflegt, können "
                    "Anträge nicht an Ihre Verwaltung geleitet werden. Bestellen Sie den "
                    "Zuständigkeitsfinder daher zuerst.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Was kostet der Zuständigkeitsfinder?",
                        "<p>Für Mitglieder des IT-Verbunds Schleswig-Holstein ist die Nutzung "
                        "kostenfrei. Ihr Aufwand besteht in der Pflege Ihrer eigenen Angaben.</p>",
                    ),
                    (
                        "Wie viel Arbeit bedeutet die Pflege für uns?",
                        "<p>Die Leistungsbeschreibungen stellt die Landesredaktion bereit. Sie "
                        "ergänzen nur die örtlichen Angaben. Der größte Aufwand entsteht einmalig "
                        "bei der ersten Zuordnung der Zuständigkeiten; danach genügen "
                        "Aktualisierungen, etwa bei geänderten Öffnungszeiten.</p>",
                    ),
                    (
                        "Brauchen amtsangehörige Gemeinden eigene Zugänge?",
                        "<p>Nein. In der Regel pflegt das Amt die Angaben für alle Gemeinden, die "
                        "es verwaltet. Bei der Bestellung geben Sie an, für welche Gemeinden der "
                        "Zuständigkeitsfinder eingerichtet werden soll.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Servicekonto mit BundID-Anbindung",
        slug="servicekonto",
        short_description=(
            "Das Nutzerkonto für Bürgerinnen, Bürger und Unternehmen: einmal anmelden, sicher "
            "identifizieren und Daten in Online-Anträge übernehmen. Die Identifizierung läuft über "
            "die BundID des Bundes."
        ),
        ozg_ids=("10124", "10092", "10439"),
        service_type="basisdienst",
        provider="Land Schleswig-Holstein; Identifizierung über die BundID des Bundes",
        operating_model=(
            "Betrieb der Landesanbindung durch Dataport AöR im Auftrag des Landes; die BundID "
            "betreibt der Bund"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=False,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="keine",
        requires_dvdv_entry=False,
        vertrauensniveau="hoch",
        fachverfahren_interface="",
        featured=True,
        contacts=(
            _ITVSH_BASISDIENSTE,
            DemoContact(
                role="Technischer Support",
                name="Service Desk Servicekonto, Dataport",
                email="servicekonto@dataport.de",
            ),
        ),
        body=(
            ("heading", "Ein Konto für alle Online-Dienste"),
            (
                "paragraph",
                "<p>Viele Online-Dienste setzen voraus, dass sich die antragstellende Person "
                "anmeldet und ausweist. Das Land bindet seine Online-Dienste dafür an die BundID "
                "an, das zentrale Nutzerkonto des Bundes. Bürgerinnen und Bürger verwenden so in "
                "allen Diensten dasselbe Konto, gleich ob sie einen Antrag bei Ihrer Verwaltung, "
                "beim Land oder beim Bund stellen.</p>"
                "<p>Je nach Dienst ist ein anderes Vertrauensniveau nötig. Die BundID unterstützt "
                "die Anmeldung mit Benutzername und Passwort, mit einem ELSTER-Zertifikat und mit "
                "der Online-Ausweisfunktion des Personalausweises oder der eID-Karte. Unternehmen "
                "melden sich mit ihrem Unternehmenskonto an.</p>",
            ),
            (
                "feature_list",
                (
                    "Kein eigenes Nutzerkonto der Kommune erforderlich",
                    "Identifizierung bis zum Vertrauensniveau hoch",
                    "Übernahme der Stammdaten in den Antrag, keine doppelte Eingabe",
                    "Dieselbe Anmeldung in Diensten von Kommune, Land und Bund",
                    "Grundlage für das Postfach und die elektronische Bescheidzustellung",
                ),
            ),
            ("heading", "Was Ihre Verwaltung tun muss"),
            (
                "paragraph",
                "<p>Für Sie entsteht wenig Aufwand: Das Servicekonto ist Bestandteil der "
                "Online-Dienste, die Sie im Shop bestellen. Mit der Bestellung des Basisdienstes "
                "stimmen Sie den Nutzungsbedingungen zu und schließen den Vertrag zur "
                "Auftragsverarbeitung ab, weil Daten aus dem Konto mit dem Antrag an Ihre "
                "Verwaltung übermittelt werden.</p>"
                "<ul><li>Zustimmung zu den Nutzungsbedingungen und zum AVV</li>"
                "<li>Benennung einer Ansprechperson für Datenschutzfragen</li>"
                "<li>Information Ihrer Bürgerbüros, damit sie bei Fragen zur Anmeldung "
                "weiterhelfen können</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Wer die PIN des Personalausweises vergessen hat, kann sie bei der "
                    "Personalausweisbehörde neu setzen lassen. Ein Hinweis darauf in Ihren "
                    "Bürgerbüros erspart vielen Menschen einen vergeblichen Anmeldeversuch.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Brauchen wir neben der BundID ein eigenes Konto?",
                        "<p>Nein. Die Online-Dienste im Shop nutzen die BundID. Ein eigenes "
                        "kommunales Nutzerkonto müssen Sie weder betreiben noch bestellen.</p>",
                    ),
                    (
                        "Welche Daten erhält unsere Verwaltung aus dem Konto?",
                        "<p>Nur die Daten, die für den jeweiligen Antrag erforderlich sind und "
                        "deren Übernahme die antragstellende Person bestätigt hat, etwa Name, "
                        "Anschrift und Geburtsdatum.</p>",
                    ),
                    (
                        "Was kostet die Nutzung?",
                        "<p>Für Mitglieder des ITVSH entstehen keine Kosten.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Postfach für Bescheide und Nachrichten",
        slug="postfach",
        short_description=(
            "Ihre Verwaltung stellt Bescheide und Nachrichten elektronisch in das Postfach des "
            "Nutzerkontos zu. Antragstellende werden benachrichtigt und können die Dokumente "
            "jederzeit abrufen."
        ),
        ozg_ids=("10092", "10035", "10124"),
        service_type="basisdienst",
        provider="Land Schleswig-Holstein; Postfach der BundID",
        operating_model="Betrieb der Anbindung durch Dataport AöR im Auftrag des Landes",
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="keine",
        requires_dvdv_entry=False,
        vertrauensniveau="niedrig",
        fachverfahren_interface=(
            "Schnittstelle zum Versand von Bescheiden und Nachrichten aus dem Fachverfahren in das "
            "Postfach"
        ),
        contacts=(
            _ITVSH_BASISDIENSTE,
            DemoContact(
                role="Technischer Support",
                name="Service Desk Postfach, Dataport",
                email="postfach@dataport.de",
            ),
        ),
        body=(
            ("heading", "Der Rückkanal zu Ihren Bürgerinnen und Bürgern"),
            (
                "paragraph",
                "<p>Ein Online-Antrag ist erst dann vollständig digital, wenn auch die Antwort "
                "der Verwaltung digital ankommt. Über das Postfach versenden Sie "
                "Eingangsbestätigungen, Rückfragen, Nachforderungen von Unterlagen und Bescheide "
                "direkt an das Nutzerkonto der antragstellenden Person. Sie erhält eine "
                "Benachrichtigung per E-Mail und ruft das Dokument nach der Anmeldung ab.</p>"
                "<p>Viele Online-Dienste im Shop, etwa Wohngeld, Unterhaltsvorschuss und die "
                "elektronische Wohnsitzanmeldung, nutzen das Postfach für ihre "
                "Statusmeldungen.</p>",
            ),
            (
                "feature_list",
                (
                    "Bescheide ohne Druck, Kuvertierung und Porto",
                    "Nachforderungen erreichen Antragstellende schneller",
                    "Versand direkt aus dem Fachverfahren oder über eine Weboberfläche",
                    "Alle Nachrichten zu einem Antrag an einem Ort",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Die antragstellende Person muss ein Nutzerkonto besitzen und der "
                "elektronischen Kommunikation zugestimmt haben. Für den Versand aus Ihrem "
                "Fachverfahren muss dieses die Postfach-Schnittstelle unterstützen. Fehlt sie, "
                "versenden Sie Nachrichten über die Weboberfläche des Antragsmanagements.</p>"
                "<ul><li>Bestellung des Basisdienstes Servicekonto</li>"
                "<li>Klärung mit Ihrem Fachverfahrenshersteller, ob die Schnittstelle unterstützt "
                "wird</li>"
                "<li>Regelung in Ihrer Verwaltung, wer Nachrichten und Bescheide versenden "
                "darf</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Ob ein Bescheid durch die Bereitstellung im Postfach wirksam bekannt "
                    "gegeben ist, richtet sich nach dem jeweiligen Fachrecht und der Einwilligung "
                    "der antragstellenden Person. Klären Sie dies vor dem ersten Versand von "
                    "Bescheiden mit Ihrer Rechtsabteilung.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Müssen wir jede Nachricht einzeln hochladen?",
                        "<p>Nein, wenn Ihr Fachverfahren die Schnittstelle unterstützt. Dann wird "
                        "der Bescheid beim Abschluss des Vorgangs automatisch in das Postfach "
                        "gestellt.</p>",
                    ),
                    (
                        "Erfahren wir, ob eine Nachricht abgerufen wurde?",
                        "<p>Je nach Anbindung erhalten Sie eine Rückmeldung über den Abruf. "
                        "Welche Rückmeldungen Ihr Fachverfahren verarbeiten kann, klären wir bei "
                        "der Einrichtung.</p>",
                    ),
                    (
                        "Was kostet das Postfach?",
                        "<p>Für Mitglieder des ITVSH ist die Nutzung kostenfrei. Anpassungen an "
                        "Ihrem Fachverfahren stimmen Sie gegebenenfalls mit Ihrem Hersteller "
                        "ab.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="ePayment",
        slug="epayment",
        short_description=(
            "Gebühren und Entgelte werden direkt im Online-Antrag bezahlt. Die "
            "Zahlungsinformationen gehen an Ihr Kassenverfahren, die Einnahmen an Ihre Verwaltung."
        ),
        ozg_ids=("10559", "10557", "10439"),
        service_type="basisdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb der ePayment-Plattform durch Dataport AöR im Auftrag des Landes; Anbindung "
            "der Zahlungsdienstleister über die Plattform"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=False,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="keine",
        requires_dvdv_entry=False,
        vertrauensniveau="keins",
        fachverfahren_interface=(
            "Übergabe der Zahlungs- und Buchungsdaten an das kommunale Kassen- und Finanzverfahren"
        ),
        contacts=(
            _ITVSH_BASISDIENSTE,
            DemoContact(
                role="Technischer Support",
                name="Service Desk ePayment, Dataport",
                email="epayment@dataport.de",
            ),
        ),
        body=(
            ("heading", "Bezahlen ohne Medienbruch"),
            (
                "paragraph",
                "<p>Wer online eine Urkunde bestellt oder ein Fahrzeug abmeldet, möchte die "
                "Gebühr auch online bezahlen. Die ePayment-Komponente des Landes bietet gängige "
                "Online-Zahlverfahren an und meldet dem Online-Dienst, ob die Zahlung erfolgreich "
                "war. Erst dann wird der Antrag an Ihre Verwaltung übermittelt.</p>"
                "<p>Ihre Kasse erhält die Zahlungsinformationen mit einem eindeutigen "
                "Kassenzeichen und kann die Einnahme automatisiert buchen. Eigene Vereinbarungen "
                "für jeden einzelnen Online-Dienst sind nicht nötig.</p>",
            ),
            (
                "feature_list",
                (
                    "Gebühren sind vor der Bearbeitung bezahlt, Mahnungen werden seltener",
                    "Eindeutiges Kassenzeichen je Zahlung",
                    "Eine Einrichtung für alle Online-Dienste mit Gebühren",
                    "Automatisierte Buchung im Kassenverfahren möglich",
                ),
            ),
            ("heading", "Einrichtung für Ihre Verwaltung"),
            (
                "paragraph",
                "<p>Für die Einrichtung benötigt Dataport Angaben Ihrer Kasse: Bankverbindung, "
                "Buchungsstellen je Gebührenart und die gewünschte Form der Buchungsdatei. "
                "Gemeinsam mit Ihrer Kasse wird ein Testlauf durchgeführt, bevor der erste Dienst "
                "mit Zahlungsfunktion live geht.</p>"
                "<ul><li>Benennung einer Ansprechperson aus der Kasse</li>"
                "<li>Festlegung der Buchungsstellen je Leistung</li>"
                "<li>Abstimmung des Datenformats mit Ihrem Finanzverfahren</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Die Nutzung der Plattform ist für Ihre Verwaltung kostenfrei. Entgelte "
                    "der Zahlungsdienstleister für einzelne Transaktionen können jedoch anfallen. "
                    "Welche Regelung für Ihre Verwaltung gilt, klären Sie bei der Einrichtung mit "
                    "dem ITVSH.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Auf welches Konto fließen die Einnahmen?",
                        "<p>Auf das Konto Ihrer Verwaltung, das Sie bei der Einrichtung angeben. "
                        "Das Land vereinnahmt keine kommunalen Gebühren.</p>",
                    ),
                    (
                        "Müssen amtsangehörige Gemeinden eigene Kassen anbinden?",
                        "<p>Nein. In der Regel bindet das Amt seine Amtskasse an, die für die "
                        "Gemeinden bucht. Eigene Buchungsstellen je Gemeinde sind möglich.</p>",
                    ),
                    (
                        "Wie lange dauert die Einrichtung?",
                        "<p>Das hängt vor allem von der Abstimmung mit Ihrem Finanzverfahren ab. "
                        "Planen Sie Zeit für den gemeinsamen Testlauf mit Ihrer Kasse ein.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Formularserver und Antragsmanagement",
        slug="formularserver",
        short_description=(
            "Für Leistungen ohne eigenen Online-Dienst stellt das Land barrierefreie "
            "Online-Formulare bereit. Eingehende Anträge bearbeiten Sie im webbasierten "
            "Antragsmanagement oder übernehmen sie in Ihr Fachverfahren."
        ),
        ozg_ids=("10111", "10131", "10144"),
        service_type="basisdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes; Formulare werden zentral gepflegt "
            "und für jede Verwaltung konfiguriert"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=False,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="niedrig",
        fachverfahren_interface=(
            "Übergabe der Antragsdaten als XML und PDF an das Antragsmanagement oder per "
            "Schnittstelle an Ihr Fachverfahren"
        ),
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Formularserver, ITVSH",
                email="formulare@itvsh.de",
            ),
            _DATAPORT_FORMULARSERVER,
        ),
        body=(
            ("heading", "Online-Formulare für die vielen kleinen Leistungen"),
            (
                "paragraph",
                "<p>Nicht für jede Verwaltungsleistung gibt es einen eigenen Online-Dienst. Für "
                "häufige, einfache Anliegen wie eine Auskunftssperre im Melderegister, die "
                "Meldung als Wahlhelferin oder Wahlhelfer oder einen Einwohnerantrag stellt das "
                "Land geprüfte Online-Formulare bereit. Die Formulare sind landesweit einheitlich "
                "und werden bei Rechtsänderungen zentral angepasst.</p>"
                "<p>Eingehende Anträge landen im Antragsmanagement, einer Weboberfläche, in der "
                "Ihre Sachbearbeitung Anträge sichtet, Rückfragen stellt und den "
                "Bearbeitungsstand pflegt.</p>",
            ),
            (
                "feature_list",
                (
                    "Landesweit gepflegte, barrierefreie Formulare",
                    "Kein eigener Formularbaukasten und kein eigenes Hosting nötig",
                    "Strukturierte Daten statt eingescannter Papieranträge",
                    "Optional mit Anmeldung über das Servicekonto und Bezahlung per ePayment",
                    "Weiterleitung an Ihr Fachverfahren, sobald es eine Schnittstelle bietet",
                ),
            ),
            ("heading", "Voraussetzungen und Einrichtung"),
            (
                "paragraph",
                "<p>Sie wählen bei der Bestellung die Formulare aus, die Ihre Verwaltung anbieten "
                "möchte, und nennen die Organisationseinheit, die die Anträge erhalten soll. "
                "Dataport legt die Zugänge zum Antragsmanagement an und verknüpft die Formulare "
                "mit Ihren Einträgen im Zuständigkeitsfinder.</p>"
                "<ul><li>Gepflegte Zuständigkeiten im Zuständigkeitsfinder</li>"
                "<li>Benennung der Personen, die Zugang zum Antragsmanagement erhalten</li>"
                "<li>Zustimmung zum Vertrag zur Auftragsverarbeitung</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Gibt es für eine Leistung einen spezialisierten Online-Dienst im Shop, "
                    "etwa für Wohngeld oder die Gewerbeanmeldung, sollten Sie diesen bevorzugen. "
                    "Der Formularserver schließt die Lücken dazwischen.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Können wir weitere Formulare anfragen?",
                        "<p>Ja. Wünsche nimmt das Team Formularserver entgegen. Formulare, die "
                        "für viele Kommunen nützlich sind, werden bevorzugt landesweit "
                        "umgesetzt.</p>",
                    ),
                    (
                        "Wie lange bleiben Anträge im Antragsmanagement gespeichert?",
                        "<p>Anträge werden nach der im Vertrag zur Auftragsverarbeitung "
                        "festgelegten Frist gelöscht. Übernehmen Sie Anträge daher rechtzeitig in "
                        "Ihre Akte oder Ihr Fachverfahren.</p>",
                    ),
                    (
                        "Was kostet der Formularserver?",
                        "<p>Für Mitglieder des ITVSH ist die Nutzung kostenfrei.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Wohngeld online beantragen",
        slug="wohngeld",
        short_description=(
            "Haushalte beantragen Mietzuschuss oder Lastenzuschuss online und laden Nachweise "
            "direkt hoch. Ihre Wohngeldbehörde erhält einen vollständigen, strukturierten Antrag."
        ),
        ozg_ids=("10092",),
        service_type="online_dienst_efa",
        provider="Land Schleswig-Holstein (EfA-Dienst)",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes Schleswig-Holstein; Nachnutzung "
            "durch andere Länder nach dem Einer-für-Alle-Prinzip"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=False,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface=(
            "Übergabe der Antragsdaten an das Wohngeld-Fachverfahren; alternativ Bearbeitung im "
            "Antragsmanagement"
        ),
        featured=True,
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Wohngeld digital, ITVSH",
                email="wohngeld@itvsh.de",
            ),
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Wohngeld aus Schleswig-Holstein für ganz Deutschland"),
            (
                "paragraph",
                "<p>Der Online-Antrag auf Wohngeld ist in Schleswig-Holstein entstanden und wird "
                "nach dem Einer-für-Alle-Prinzip auch von anderen Ländern genutzt. "
                "Antragstellende werden Schritt für Schritt durch den Antrag geführt; Hilfetexte "
                "erklären, was gemeint ist und welche Nachweise nötig sind. Fehlende Unterlagen "
                "können später nachgereicht werden.</p>"
                "<p>Ihre Wohngeldbehörde erhält die Angaben strukturiert und kann sie in das "
                "Fachverfahren übernehmen, statt sie aus einem Papierantrag abzuschreiben.</p>",
            ),
            (
                "feature_list",
                (
                    "Vollständigere Anträge durch Plausibilitätsprüfungen",
                    "Nachweise werden digital hochgeladen",
                    "Weniger Rückfragen und Nachforderungen per Brief",
                    "Statusmeldungen und Nachforderungen über das Postfach",
                    "Landesweit einheitliche Antragsstrecke mit Hilfetexten",
                ),
            ),
            ("heading", "Voraussetzungen für Ihre Wohngeldbehörde"),
            (
                "paragraph",
                "<p>Bestellen können Verwaltungen, die Wohngeldbehörde sind. Für die Übernahme "
                "der Daten in Ihr Fachverfahren benötigt dieses eine Importfunktion; andernfalls "
                "bearbeiten Sie die Anträge im Antragsmanagement.</p>"
                "<ul><li>Gepflegte Zuständigkeit für Wohngeld im Zuständigkeitsfinder</li>"
                "<li>Basisdienste Servicekonto und Postfach</li>"
                "<li>Zustimmung zum Vertrag zur Auftragsverarbeitung</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Planen Sie für den Start eine kurze Einweisung Ihrer Sachbearbeitung ein. "
                    "Der Online-Antrag verändert vor allem den Posteingang und die Kommunikation "
                    "mit den Antragstellenden.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Was kostet der Online-Dienst für unsere Verwaltung?",
                        "<p>Nichts. Der Dienst wird vom Land bereitgestellt und ist für "
                        "Mitglieder des ITVSH kostenfrei.</p>",
                    ),
                    (
                        "Können Anträge weiterhin auf Papier gestellt werden?",
                        "<p>Ja. Der Online-Antrag ist ein zusätzlicher Zugang. Papieranträge "
                        "bearbeiten Sie wie bisher.</p>",
                    ),
                    (
                        "Wer ist für den Datenschutz verantwortlich?",
                        "<p>Ihre Wohngeldbehörde bleibt Verantwortliche für die Antragsdaten. "
                        "Dataport verarbeitet die Daten im Auftrag; die Einzelheiten regelt der "
                        "Vertrag zur Auftragsverarbeitung, dem Sie bei der Bestellung "
                        "zustimmen.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Kfz-Außerbetriebsetzung online (i-Kfz)",
        slug="kfz-abmeldung",
        short_description=(
            "Halterinnen und Halter setzen ihr Fahrzeug online außer Betrieb, ohne zur "
            "Zulassungsstelle zu kommen. Voraussetzung sind der Online-Ausweis und die "
            "Sicherheitscodes auf Zulassungsbescheinigung und Kennzeichen."
        ),
        ozg_ids=("10439",),
        service_type="online_dienst_efa",
        provider="Bund und Länder (internetbasierte Fahrzeugzulassung i-Kfz)",
        operating_model=(
            "Zentrale Komponenten beim Kraftfahrt-Bundesamt; Antragsportal und Anbindung der "
            "Zulassungsbehörden durch Dataport AöR im Auftrag des Landes"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=True,
        transport_route="osci_xta",
        requires_dvdv_entry=True,
        vertrauensniveau="hoch",
        fachverfahren_interface=(
            "Übergabe des Vorgangs an das Zulassungsfachverfahren der Zulassungsbehörde"
        ),
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team i-Kfz, ITVSH",
                email="ikfz@itvsh.de",
            ),
            DemoContact(
                role="Technischer Support",
                name="Service Desk i-Kfz, Dataport",
                email="ikfz@dataport.de",
            ),
        ),
        body=(
            ("heading", "Abmelden ohne Termin"),
            (
                "paragraph",
                "<p>Mit der internetbasierten Fahrzeugzulassung können Halterinnen und Halter ein "
                "Fahrzeug online außer Betrieb setzen. Sie weisen sich mit der "
                "Online-Ausweisfunktion aus, geben die freigelegten Sicherheitscodes der "
                "Zulassungsbescheinigung Teil I und der Stempelplaketten auf den Kennzeichen ein "
                "und bezahlen die Gebühr online. Die Bestätigung erhalten sie elektronisch.</p>",
            ),
            (
                "feature_list",
                (
                    "Weniger Termine und kürzere Wartezeiten in der Zulassungsstelle",
                    "Gebühren sind vor der Bearbeitung bezahlt",
                    "Bundesweit einheitliches Verfahren",
                    "Grundlage für weitere i-Kfz-Vorgänge wie Wiederzulassung oder Halterwechsel",
                ),
            ),
            ("heading", "Wer bestellen kann"),
            (
                "paragraph",
                "<p>Den Dienst können nur Verwaltungen bestellen, die Zulassungsbehörde sind, in "
                "Schleswig-Holstein also die Kreise und kreisfreien Städte. Ämter und Gemeinden "
                "verweisen ihre Bürgerinnen und Bürger über den Zuständigkeitsfinder auf den "
                "Dienst ihres Kreises.</p>"
                "<ul><li>Freischaltung Ihres Zulassungsfachverfahrens für i-Kfz</li>"
                "<li>Eintrag Ihrer Zulassungsbehörde im DVDV</li>"
                "<li>Basisdienste Servicekonto, Postfach und ePayment</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Die technische Anbindung Ihres Zulassungsfachverfahrens stimmen Sie mit "
                    "dessen Hersteller ab. Beginnen Sie damit frühzeitig, denn ohne diese "
                    "Anbindung kann der Dienst nicht live gehen.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Müssen wir für i-Kfz ein eigenes Portal betreiben?",
                        "<p>Nein. Das Antragsportal stellt das Land bereit. Sie binden lediglich "
                        "Ihr Zulassungsfachverfahren an.</p>",
                    ),
                    (
                        "Welche Kosten entstehen uns?",
                        "<p>Für die Nutzung des Dienstes entstehen Ihnen keine Kosten. Eventuelle "
                        "Anpassungen am Fachverfahren regeln Sie mit Ihrem Hersteller.</p>",
                    ),
                    (
                        "Was ist, wenn ein Sicherheitscode nicht lesbar ist?",
                        "<p>Dann ist die Online-Abmeldung nicht möglich, und die Halterin oder "
                        "der Halter wendet sich wie bisher an Ihre Zulassungsstelle.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Elektronische Wohnsitzanmeldung (eWA)",
        slug="wohnsitzanmeldung",
        short_description=(
            "Nach einem Umzug melden sich Bürgerinnen und Bürger mit dem Online-Ausweis an ihrem "
            "neuen Wohnsitz an, erhalten eine digitale Meldebestätigung und aktualisieren die "
            "Anschrift im Ausweis selbst."
        ),
        ozg_ids=("10124",),
        service_type="online_dienst_efa",
        provider="Freie und Hansestadt Hamburg (EfA-Dienst)",
        operating_model=(
            "Entwickelt von der Freien und Hansestadt Hamburg gemeinsam mit dem Bund; Anbindung "
            "der Meldebehörden in Schleswig-Holstein durch Dataport AöR im Auftrag des Landes"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=False,
        transport_route="osci_xta",
        requires_dvdv_entry=True,
        vertrauensniveau="hoch",
        fachverfahren_interface="XMeld-Nachricht an das Einwohnermeldeverfahren",
        featured=True,
        contacts=(
            _ITVSH_MELDEWESEN,
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Umziehen, ohne aufs Amt zu gehen"),
            (
                "paragraph",
                "<p>Wer umzieht, muss sich innerhalb von zwei Wochen bei der Meldebehörde "
                "anmelden. Mit der elektronischen Wohnsitzanmeldung geht das vollständig online: "
                "Die Person weist sich mit der Online-Ausweisfunktion aus, der Dienst ruft die "
                "bisherigen Meldedaten ab, sie trägt die neue Anschrift ein und lädt die "
                "Wohnungsgeberbestätigung hoch.</p>"
                "<p>Nach der Prüfung durch Ihre Meldebehörde steht eine digitale Meldebestätigung "
                "bereit. Die neue Anschrift wird auf dem Chip des Ausweises gespeichert; den "
                "Adressaufkleber erhält die Person per Post.</p>",
            ),
            (
                "feature_list",
                (
                    "Entlastung der Bürgerbüros bei einem der häufigsten Anliegen",
                    "Daten kommen als XMeld-Nachricht direkt im Meldeverfahren an",
                    "Keine Abschreibfehler bei Namen und Anschriften",
                    "Digitale Meldebestätigung ohne Papier",
                    "Aktualisierung der Anschrift im Ausweis ohne Termin",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Ihr Einwohnermeldeverfahren muss die Nachrichten der elektronischen "
                "Wohnsitzanmeldung verarbeiten können; fragen Sie im Zweifel Ihren Hersteller. "
                "Außerdem muss Ihre Meldebehörde im DVDV eingetragen sein, damit Nachrichten sie "
                "erreichen.</p>"
                "<ul><li>Aktueller Versionsstand des Einwohnermeldeverfahrens</li>"
                "<li>DVDV-Eintrag und OSCI-Postfach der Meldebehörde</li>"
                "<li>Gepflegte Zuständigkeit im Zuständigkeitsfinder für alle Gemeinden, die Sie "
                "verwalten</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Die elektronische Wohnsitzanmeldung setzt einen Online-Ausweis voraus. "
                    "Menschen ohne Online-Ausweisfunktion melden sich weiterhin im Bürgerbüro an. "
                    "Auch bestimmte Konstellationen, etwa ein Zuzug aus dem Ausland, sind online "
                    "nicht möglich.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Müssen wir jede Anmeldung manuell prüfen?",
                        "<p>Ihre Meldebehörde prüft den Vorgang im Meldeverfahren und schließt "
                        "ihn ab. Der Aufwand ist geringer als bei einer Vorsprache, weil alle "
                        "Daten bereits strukturiert vorliegen.</p>",
                    ),
                    (
                        "Fallen Gebühren für die Bürgerinnen und Bürger an?",
                        "<p>Nein, die Anmeldung ist gebührenfrei. Deshalb benötigt der Dienst "
                        "keine Zahlungsfunktion.</p>",
                    ),
                    (
                        "Wie lange dauert die Einrichtung?",
                        "<p>Das hängt vor allem davon ab, ob Ihr Meldeverfahren vorbereitet ist "
                        "und der DVDV-Eintrag vorliegt. Dataport stimmt den Zeitplan nach Eingang "
                        "der Bestellung mit Ihnen ab.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Unterhaltsvorschuss online",
        slug="unterhaltsvorschuss",
        short_description=(
            "Alleinerziehende beantragen Unterhaltsvorschuss für ihr Kind online und reichen "
            "Nachweise digital ein. Die Unterhaltsvorschussstelle erhält einen vollständigen "
            "Antrag."
        ),
        ozg_ids=("10035",),
        service_type="online_dienst_efa",
        provider="Freie Hansestadt Bremen (EfA-Dienst)",
        operating_model=(
            "Bereitstellung durch die Freie Hansestadt Bremen nach dem Einer-für-Alle-Prinzip; "
            "Anbindung der Unterhaltsvorschussstellen in Schleswig-Holstein durch Dataport AöR im "
            "Auftrag des Landes"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=False,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface=(
            "Übermittlung der Antragsdaten an das Fachverfahren der Unterhaltsvorschussstelle oder "
            "an das Antragsmanagement"
        ),
        contacts=(
            _ITVSH_FAMILIE,
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Unterstützung für Alleinerziehende"),
            (
                "paragraph",
                "<p>Zahlt der andere Elternteil keinen oder zu wenig Unterhalt, sichert der "
                "Unterhaltsvorschuss den Lebensunterhalt des Kindes. Der Online-Dienst führt "
                "Alleinerziehende verständlich durch den Antrag und weist bereits bei der Eingabe "
                "auf fehlende Angaben hin. Nachweise wie die Geburtsurkunde werden direkt "
                "hochgeladen.</p>"
                "<p>Neben dem Erstantrag können auch die regelmäßige Überprüfung und das "
                "Nachreichen von Unterlagen über den Dienst erledigt werden.</p>",
            ),
            (
                "feature_list",
                (
                    "Vollständigere Anträge und weniger Rückfragen",
                    "Antragstellung unabhängig von Öffnungszeiten",
                    "Nachweise liegen sofort digital vor",
                    "Kommunikation mit den Antragstellenden über das Postfach",
                ),
            ),
            ("heading", "Wer bestellen kann"),
            (
                "paragraph",
                "<p>Zuständig für den Unterhaltsvorschuss sind die Jugendämter, in "
                "Schleswig-Holstein also die Kreise und kreisfreien Städte sowie kreisangehörige "
                "Städte mit eigenem Jugendamt. Bei der Bestellung nennen Sie die "
                "Organisationseinheit, an die die Anträge geleitet werden sollen.</p>"
                "<ul><li>Zuständigkeit für Unterhaltsvorschuss im Zuständigkeitsfinder</li>"
                "<li>Basisdienste Servicekonto und Postfach</li>"
                "<li>Vertrag zur Auftragsverarbeitung, der die Verarbeitung von Sozialdaten "
                "abdeckt</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Der Antrag enthält Sozialdaten. Bitte beteiligen Sie Ihre "
                    "Datenschutzbeauftragte oder Ihren Datenschutzbeauftragten vor der "
                    "Freischaltung.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Was kostet der Dienst?",
                        "<p>Für Mitglieder des ITVSH ist der Dienst kostenfrei. Aufwand entsteht "
                        "nur, wenn Sie eine Schnittstelle zu Ihrem Fachverfahren einrichten "
                        "lassen.</p>",
                    ),
                    (
                        "Wie schnell können wir starten?",
                        "<p>Am schnellsten gelingt der Start mit dem Antragsmanagement. Die "
                        "Anbindung Ihres Fachverfahrens kann später folgen.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Anlagengenehmigung nach BImSchG: digitale Beteiligung der Kommunen",
        slug="anlagengenehmigung-bimschg",
        short_description=(
            "Antragsunterlagen aus immissionsschutzrechtlichen Genehmigungsverfahren erreichen "
            "Gemeinden und Kreise digital zur Stellungnahme, statt als Papierordner."
        ),
        ozg_ids=("10462",),
        service_type="online_dienst_efa",
        provider="Länderkooperation ELiA unter Beteiligung des Landes Schleswig-Holstein",
        operating_model=(
            "Antragstellung mit ELiA bei der Genehmigungsbehörde des Landes; digitale Beteiligung "
            "der Kommunen über eine Plattform, die Dataport AöR im Auftrag des Landes betreibt"
        ),
        reifegrad=3,
        availability="in_vorbereitung",
        requires_servicekonto=False,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface="",
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Umwelt digital, ITVSH",
                email="umwelt@itvsh.de",
            ),
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Wer eine Anlage nach dem Bundes-Immissionsschutzgesetz errichten oder "
                "wesentlich ändern will, etwa eine Windenergieanlage oder einen größeren "
                "Tierhaltungsbetrieb, stellt den Antrag bei der Genehmigungsbehörde des Landes. "
                "Dafür steht die Antragssoftware ELiA zur Verfügung, die Schleswig-Holstein "
                "gemeinsam mit weiteren Ländern pflegt.</p>"
                "<p>Gemeinden und Kreise werden im Verfahren beteiligt, etwa zum gemeindlichen "
                "Einvernehmen oder als Fachbehörde für Naturschutz, Wasser oder Bauaufsicht. "
                "Dieser Dienst stellt ihnen die Antragsunterlagen digital bereit und nimmt ihre "
                "Stellungnahmen elektronisch entgegen.</p>",
            ),
            (
                "feature_list",
                (
                    "Keine umfangreichen Papierordner mehr im Umlauf",
                    "Alle Beteiligten arbeiten mit demselben Stand der Unterlagen",
                    "Fristen der Beteiligung sind für alle sichtbar",
                    "Stellungnahmen gehen strukturiert an die Genehmigungsbehörde zurück",
                ),
            ),
            ("heading", "Stand der Umsetzung"),
            (
                "paragraph",
                "<p>Die digitale Antragstellung mit ELiA wird bereits genutzt. Die Beteiligung "
                "der Kommunen über diesen Dienst wird vorbereitet. Schon jetzt können Sie klären, "
                "wer in Ihrer Verwaltung Beteiligungsanfragen bearbeitet.</p>"
                "<ul><li>Benennung einer Stelle, die Beteiligungsanfragen entgegennimmt</li>"
                "<li>Funktionspostfach für Benachrichtigungen</li>"
                "<li>Abstimmung der internen Mitzeichnung, etwa zwischen Bauamt und "
                "Gemeindevertretung</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Dieser Dienst ist in Vorbereitung. Die Einzelheiten zur Anbindung und die "
                    "Nutzungsbedingungen werden veröffentlicht, sobald sie feststehen.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Wird unsere Gemeinde dadurch Genehmigungsbehörde?",
                        "<p>Nein. Die Genehmigung erteilt weiterhin die zuständige Landesbehörde. "
                        "Ihre Rolle im Verfahren ändert sich nicht, nur der Weg der Unterlagen "
                        "wird digital.</p>",
                    ),
                    (
                        "Brauchen wir dafür eine besondere Software?",
                        "<p>Nein. Für die Beteiligung genügt ein aktueller Browser. Die "
                        "Antragssoftware ELiA benötigen nur die Antragstellenden.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Anmeldung der Eheschließung",
        slug="eheschliessung-anmeldung",
        short_description=(
            "Paare melden ihre Eheschließung online beim Standesamt an und laden die "
            "erforderlichen Unterlagen hoch. Das Standesamt prüft vorab und lädt nur noch zu "
            "notwendigen Terminen ein."
        ),
        ozg_ids=("10026", "10025"),
        service_type="online_dienst_efa",
        provider="EfA-Dienst eines anderen Landes, bereitgestellt über den FIT-Store",
        operating_model=(
            "Betrieb durch das bereitstellende Land; Anbindung der Standesämter in "
            "Schleswig-Holstein durch Dataport AöR im Auftrag des Landes"
        ),
        reifegrad=2,
        availability="in_vorbereitung",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=True,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="hoch",
        fachverfahren_interface=(
            "Übermittlung der Anmeldedaten an das Personenstandsfachverfahren des Standesamts"
        ),
        contacts=(
            _ITVSH_PERSONENSTAND,
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Die Hochzeit vorbereiten, ohne Urkunden hin- und herzutragen"),
            (
                "paragraph",
                "<p>Vor der Trauung müssen Paare die Eheschließung beim Standesamt anmelden. "
                "Bisher bedeutet das einen gemeinsamen Termin mit einem Stapel Urkunden. Mit dem "
                "Online-Dienst geben die Verlobten ihre Daten ein, laden Urkunden und Nachweise "
                "hoch und wählen ihr Standesamt. Das Standesamt prüft die Unterlagen vorab und "
                "fordert fehlende Dokumente gezielt nach.</p>"
                "<p>Der Dienst umfasst außerdem den Antrag auf ein Ehefähigkeitszeugnis für die "
                "Eheschließung im Ausland.</p>",
            ),
            (
                "feature_list",
                (
                    "Vollständige Unterlagen schon vor dem ersten Termin",
                    "Weniger Vorsprachen im Standesamt",
                    "Gebühren werden online bezahlt",
                    "Strukturierte Übernahme der Daten in das Personenstandsverfahren",
                ),
            ),
            ("heading", "Stand und Voraussetzungen"),
            (
                "paragraph",
                "<p>Der Dienst wird für die Nachnutzung in Schleswig-Holstein vorbereitet. Für "
                "die Übernahme der Daten muss Ihr Personenstandsfachverfahren die Schnittstelle "
                "des Dienstes unterstützen.</p>"
                "<ul><li>Zuständigkeit Ihres Standesamts im Zuständigkeitsfinder, auch für "
                "gemeinsame Standesamtsbezirke</li>"
                "<li>Basisdienste Servicekonto, Postfach und ePayment</li>"
                "<li>Abstimmung mit Ihrem Fachverfahrenshersteller</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Dieser Dienst ist in Vorbereitung. Originalurkunden müssen je nach Fall "
                    "weiterhin vorgelegt werden, und die Eheschließung selbst erklären die "
                    "Verlobten persönlich vor der Standesbeamtin oder dem Standesbeamten.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Entfällt der Termin zur Anmeldung ganz?",
                        "<p>Das hängt vom Einzelfall ab. Häufig genügt ein kurzer Termin zur "
                        "Vorlage der Originale. Ist ausländisches Recht zu beachten, bleibt die "
                        "Prüfung aufwendiger.</p>",
                    ),
                    (
                        "Welche Kosten entstehen der Kommune?",
                        "<p>Keine. Die Gebühren für die Anmeldung erhebt Ihr Standesamt wie "
                        "bisher; sie werden über ePayment an Ihre Kasse gezahlt.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Digitaler Bauantrag",
        slug="digitaler-bauantrag",
        short_description=(
            "Bauherrinnen, Bauherren und Entwurfsverfassende reichen Bauanträge und "
            "Bauvorbescheide digital ein. Bauaufsicht, Gemeinde und Fachstellen arbeiten in einem "
            "gemeinsamen digitalen Vorgangsraum."
        ),
        ozg_ids=("10519",),
        service_type="online_dienst_efa",
        provider="Land Mecklenburg-Vorpommern (EfA-Dienst)",
        operating_model=(
            "Bereitstellung durch Mecklenburg-Vorpommern nach dem Einer-für-Alle-Prinzip, "
            "Nachnutzung über den FIT-Store; Anbindung in Schleswig-Holstein durch Dataport AöR im "
            "Auftrag des Landes"
        ),
        reifegrad=4,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=False,
        transport_route="osci_xta",
        requires_dvdv_entry=True,
        vertrauensniveau="substantiell",
        fachverfahren_interface="XBau-Nachrichten an das Fachverfahren der Bauaufsichtsbehörde",
        featured=True,
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Bauen digital, ITVSH",
                email="bauen@itvsh.de",
            ),
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Vom Papierstapel zum Vorgangsraum"),
            (
                "paragraph",
                "<p>Bauanträge bestehen aus vielen Plänen, Nachweisen und Formularen, die bisher "
                "mehrfach ausgedruckt und verteilt werden. Der Digitale Bauantrag wurde in "
                "Mecklenburg-Vorpommern entwickelt und wird von mehreren Ländern nachgenutzt, "
                "darunter Schleswig-Holstein. Antragstellende laden ihre Bauvorlagen hoch; die "
                "Bauaufsichtsbehörde, die Gemeinde und die zu beteiligenden Fachstellen arbeiten "
                "im digitalen Vorgangsraum mit denselben Unterlagen.</p>",
            ),
            (
                "feature_list",
                (
                    "Keine Mehrfachausfertigungen auf Papier",
                    "Gleichzeitiger Zugriff von Bauaufsicht, Gemeinde und Fachstellen",
                    "Nachforderungen und Nachreichungen im selben Vorgang",
                    "Übergabe an Ihr Fachverfahren im Standard XBau",
                    "Auch Bauvorbescheide können digital beantragt werden",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Den Dienst bestellen die unteren Bauaufsichtsbehörden, also die Kreise, die "
                "kreisfreien Städte und die Städte mit eigener Bauaufsicht. Ämter und Gemeinden "
                "nehmen über den Vorgangsraum am Verfahren teil, etwa für das gemeindliche "
                "Einvernehmen, und benötigen dafür einen Zugang.</p>"
                "<ul><li>Fachverfahren der Bauaufsicht mit XBau-Schnittstelle</li>"
                "<li>DVDV-Eintrag der Bauaufsichtsbehörde</li>"
                "<li>Liste der zu beteiligenden Gemeinden und Fachstellen für die "
                "Zugänge</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Der Umstieg gelingt am besten, wenn Bauaufsicht und Gemeinden gemeinsam "
                    "starten. Bestellen Sie als Amt den Zugang zum Vorgangsraum für Ihre "
                    "Gemeinden daher zeitgleich mit Ihrem Kreis.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Müssen Entwurfsverfassende sich registrieren?",
                        "<p>Ja, sie melden sich über das Nutzerkonto an. Architektur- und "
                        "Ingenieurbüros nutzen ihr Unternehmenskonto.</p>",
                    ),
                    (
                        "Wie lange dauert die Einrichtung?",
                        "<p>Den größten Anteil haben die Anbindung Ihres Fachverfahrens und die "
                        "Einrichtung der Beteiligten. Dataport legt den Zeitplan nach der "
                        "Bestellung gemeinsam mit Ihnen fest.</p>",
                    ),
                    (
                        "Was kostet der Dienst?",
                        "<p>Für Mitglieder des ITVSH ist die Nutzung kostenfrei.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Bewohnerparkausweis online",
        slug="bewohnerparkausweis",
        short_description=(
            "Anwohnerinnen und Anwohner in Bewohnerparkgebieten beantragen oder verlängern ihren "
            "Parkausweis online und bezahlen die Gebühr direkt im Antrag."
        ),
        ozg_ids=("10173",),
        service_type="landesdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes auf Basis des Formularservers; "
            "Konfiguration der Zonen und Gebühren je Verwaltung"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=True,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface=(
            "Übergabe der Anträge an das Antragsmanagement; optional an ein Fachverfahren für "
            "Parkberechtigungen"
        ),
        contacts=(
            _ITVSH_MOBILITAET,
            _DATAPORT_FORMULARSERVER,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>In Bewohnerparkgebieten brauchen Anwohnende einen Parkausweis, der regelmäßig "
                "verlängert werden muss. Der Online-Dienst nimmt Erstanträge und Verlängerungen "
                "entgegen, übernimmt die Anschrift aus dem Nutzerkonto und fragt Kennzeichen und "
                "Parkzone ab. Die Gebühr wird direkt im Antrag bezahlt.</p>"
                "<p>Die Zonen Ihrer Verwaltung und die geltenden Gebühren werden bei der "
                "Einrichtung hinterlegt, sodass nur passende Angaben möglich sind.</p>",
            ),
            (
                "feature_list",
                (
                    "Weniger Publikumsverkehr, wenn viele Ausweise gleichzeitig ablaufen",
                    "Gebühr ist vor der Bearbeitung bezahlt",
                    "Zonen und Gebühren werden für Ihre Verwaltung konfiguriert",
                    "Bescheid und Rückfragen über das Postfach",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Bestellen können Verwaltungen, die als Straßenverkehrsbehörde "
                "Bewohnerparkausweise ausstellen. Sie liefern bei der Einrichtung die Liste Ihrer "
                "Zonen mit den zugehörigen Straßen und die geltenden Gebühren.</p>"
                "<ul><li>Basisdienste Servicekonto, Postfach und ePayment</li>"
                "<li>Benennung der bearbeitenden Stelle</li>"
                "<li>Entscheidung, ob der Ausweis per Post versandt oder zum Ausdrucken "
                "bereitgestellt wird</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Ob die Halterschaft über eine Abfrage bei der Zulassungsbehörde oder per "
                    "Upload der Zulassungsbescheinigung nachgewiesen wird, legen Sie bei der "
                    "Einrichtung fest.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Können wir Sonderfälle wie Firmenwagen abbilden?",
                        "<p>Ja. Der Antrag fragt nach dem Nutzungsverhältnis und ermöglicht das "
                        "Hochladen einer Bescheinigung des Arbeitgebers.</p>",
                    ),
                    (
                        "Was kostet der Dienst?",
                        "<p>Der Dienst ist für Mitglieder des ITVSH kostenfrei. Die Gebühren für "
                        "die Parkausweise fließen vollständig an Ihre Verwaltung.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Hundesteuer-Anmeldung",
        slug="hundesteuer-anmeldung",
        short_description=(
            "Hundehalterinnen und Hundehalter melden ihren Hund online zur Hundesteuer an, um oder "
            "ab. Die Steuerstelle Ihrer Verwaltung erhält die Angaben strukturiert für den "
            "Steuerbescheid."
        ),
        ozg_ids=("10160",),
        service_type="landesdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes; Konfiguration der Satzungsangaben "
            "je Gemeinde"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=False,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="niedrig",
        fachverfahren_interface=(
            "Übergabe der An- und Abmeldungen an das Steuer- und Abgabenmodul des Finanzverfahrens "
            "oder an das Antragsmanagement"
        ),
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Steuern und Abgaben digital, ITVSH",
                email="abgaben@itvsh.de",
            ),
            _DATAPORT_FORMULARSERVER,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Die Hundesteuer ist eine Gemeindesteuer, und die An- und Abmeldung von Hunden "
                "gehört zu den häufigsten Anliegen in den Steuerabteilungen der Ämter und "
                "Gemeinden. Mit dem Online-Dienst melden Halterinnen und Halter einen Hund an, um "
                "oder ab, geben Rasse, Geburtsdatum und Beginn der Haltung an und beantragen bei "
                "Bedarf eine Ermäßigung oder Befreiung nach Ihrer Satzung.</p>"
                "<p>Ein SEPA-Lastschriftmandat kann direkt im Antrag erteilt werden.</p>",
            ),
            (
                "feature_list",
                (
                    "Satzungsspezifische Angaben je Gemeinde, etwa Ermäßigungen",
                    "Ein Dienst für alle Gemeinden Ihres Amtes",
                    "Lastschriftmandat ohne Papierformular",
                    "Ab- und Ummeldungen bei Umzug oder Tod des Hundes",
                ),
            ),
            ("heading", "Einrichtung für Ämter und Gemeinden"),
            (
                "paragraph",
                "<p>Ein Amt kann den Dienst für alle oder einzelne seiner Gemeinden bestellen. "
                "Für jede Gemeinde werden die Angaben aus der Hundesteuersatzung hinterlegt, zum "
                "Beispiel Ermäßigungstatbestände und Regelungen zu gefährlichen Hunden. Die "
                "Steuerbescheide erstellen Sie weiterhin in Ihrem Finanzverfahren.</p>"
                "<ul><li>Aktuelle Hundesteuersatzungen der Gemeinden</li>"
                "<li>Benennung der Steuerstelle als Empfängerin</li>"
                "<li>Angabe, ob ein Import in Ihr Finanzverfahren gewünscht ist</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Die Ausgabe der Hundesteuermarke regeln Sie wie bisher, etwa durch "
                    "Versand zusammen mit dem Steuerbescheid.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Brauchen Halterinnen und Halter einen Online-Ausweis?",
                        "<p>Nein. Für die An- und Abmeldung genügt ein Nutzerkonto mit "
                        "Benutzername und Passwort.</p>",
                    ),
                    (
                        "Was passiert bei einer Satzungsänderung?",
                        "<p>Melden Sie die Änderung über den Shop. Die Angaben für Ihre Gemeinde "
                        "werden dann angepasst.</p>",
                    ),
                    (
                        "Kostet der Dienst etwas?",
                        "<p>Nein, für Mitglieder des ITVSH ist er kostenfrei.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Gewerbeanmeldung, -ummeldung und -abmeldung",
        slug="gewerbeanmeldung",
        short_description=(
            "Gründerinnen, Gründer und Unternehmen zeigen ein Gewerbe online an, um oder ab. Ihre "
            "Gewerbebehörde erhält die Anzeige im Standard XGewerbeanzeige."
        ),
        ozg_ids=("10294",),
        service_type="online_dienst_efa",
        provider="EfA-Dienst eines anderen Landes, bereitgestellt über den FIT-Store",
        operating_model=(
            "Betrieb durch das bereitstellende Land; Anbindung der Gewerbebehörden in "
            "Schleswig-Holstein durch Dataport AöR im Auftrag des Landes"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=True,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface="XGewerbeanzeige-Nachricht an das Gewerbefachverfahren",
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Wirtschaft digital, ITVSH",
                email="wirtschaft@itvsh.de",
            ),
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Wer ein Gewerbe beginnt, verlegt oder aufgibt, muss dies der Gewerbebehörde "
                "anzeigen. Der Online-Dienst führt durch die Gewerbeanzeige, fragt die Tätigkeit "
                "verständlich ab und weist auf mögliche Erlaubnispflichten hin. Die Gebühr wird "
                "online bezahlt.</p>"
                "<p>Die Anzeige erreicht Ihre Gewerbebehörde als strukturierte Nachricht im "
                "Standard XGewerbeanzeige. Ihr Fachverfahren übernimmt die Daten und kann die "
                "vorgeschriebenen Mitteilungen an Kammern, Finanzamt und Statistik elektronisch "
                "weitergeben.</p>",
            ),
            (
                "feature_list",
                (
                    "Keine Abschrift handschriftlicher Formulare",
                    "Weniger Rückfragen durch geführte Tätigkeitsbeschreibung",
                    "Gebühren sind vor der Bearbeitung bezahlt",
                    "Unternehmen melden sich mit ihrem Unternehmenskonto an",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Zuständig sind in Schleswig-Holstein die Ämter, amtsfreien Gemeinden und "
                "Städte. Ihr Gewerbefachverfahren muss Gewerbeanzeigen im Standard "
                "XGewerbeanzeige empfangen können.</p>"
                "<ul><li>Gepflegte Zuständigkeit im Zuständigkeitsfinder</li>"
                "<li>Basisdienste Servicekonto, Postfach und ePayment</li>"
                "<li>Abstimmung der Empfangsschnittstelle mit Ihrem "
                "Fachverfahrenshersteller</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Erlaubnispflichtige Gewerbe wie das Bewachungsgewerbe benötigen "
                    "zusätzlich eine Erlaubnis. Der Dienst weist darauf hin, ersetzt das "
                    "Erlaubnisverfahren aber nicht.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Was ist mit Anzeigen über den Einheitlichen Ansprechpartner?",
                        "<p>Anzeigen, die über den Einheitlichen Ansprechpartner eingehen, "
                        "erreichen Sie weiterhin auf dem gewohnten Weg. Der Online-Dienst ergänzt "
                        "diesen Zugang.</p>",
                    ),
                    (
                        "Was kostet der Dienst für unsere Verwaltung?",
                        "<p>Nichts. Die Gebühren für die Gewerbeanzeige erheben Sie wie bisher "
                        "nach dem geltenden Gebührenrecht; sie fließen über ePayment an Ihre "
                        "Kasse.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Meldebescheinigung und Melderegisterauskunft",
        slug="meldebescheinigung-melderegisterauskunft",
        short_description=(
            "Einwohnerinnen und Einwohner rufen ihre Meldebescheinigung online ab; Dritte erhalten "
            "eine einfache Melderegisterauskunft. Beides wird weitgehend automatisiert aus dem "
            "Melderegister erstellt."
        ),
        ozg_ids=("10559",),
        service_type="landesdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes; Abruf aus dem kommunalen "
            "Melderegister über die Meldeschnittstelle"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=False,
        requires_epayment=True,
        transport_route="osci_xta",
        requires_dvdv_entry=True,
        vertrauensniveau="hoch",
        fachverfahren_interface="Automatisierter Abruf aus dem Einwohnermeldeverfahren per XMeld",
        contacts=(
            _ITVSH_MELDEWESEN,
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Meldebescheinigungen werden von Arbeitgebern, Vermietern oder Behörden häufig "
                "verlangt. Mit dem Online-Dienst weisen sich Einwohnerinnen und Einwohner mit dem "
                "Online-Ausweis aus und erhalten die Bescheinigung nach der Bezahlung als "
                "elektronisches Dokument.</p>"
                "<p>Für Dritte bietet der Dienst die einfache Melderegisterauskunft nach dem "
                "Bundesmeldegesetz an. Die Auskunft wird automatisiert erteilt, wenn die gesuchte "
                "Person eindeutig gefunden wird und keine Auskunftssperre besteht; andernfalls "
                "geht die Anfrage zur Bearbeitung an Ihre Meldebehörde.</p>",
            ),
            (
                "feature_list",
                (
                    "Bescheinigung ohne Wartezeit und ohne Termin",
                    "Gebühren werden online bezahlt",
                    "Automatische Berücksichtigung von Auskunftssperren",
                    "Nur unklare Fälle landen bei Ihrer Sachbearbeitung",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Ihr Einwohnermeldeverfahren muss den automatisierten Abruf unterstützen, und "
                "Ihre Meldebehörde braucht einen Eintrag im DVDV. Die Gebühren werden bei der "
                "Einrichtung hinterlegt.</p>"
                "<ul><li>Basisdienste Servicekonto und ePayment</li>"
                "<li>DVDV-Eintrag der Meldebehörde</li>"
                "<li>Freigabe des automatisierten Abrufs in Ihrem Meldeverfahren</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Bei einer Auskunftssperre wird keine automatisierte Auskunft erteilt. "
                    "Bitte stellen Sie sicher, dass Sperren in Ihrem Melderegister vollständig "
                    "erfasst sind.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Wer erhält die Gebühren?",
                        "<p>Die Gebühren fließen über ePayment an Ihre Verwaltung.</p>",
                    ),
                    (
                        "Können auch Behörden den Dienst nutzen?",
                        "<p>Behörden nutzen für Datenübermittlungen die dafür vorgesehenen "
                        "Verfahren nach dem Melderecht. Der Dienst richtet sich an Bürgerinnen, "
                        "Bürger und Unternehmen.</p>",
                    ),
                    (
                        "Was kostet der Dienst unsere Verwaltung?",
                        "<p>Für Mitglieder des ITVSH ist der Dienst kostenfrei.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Führungszeugnis online beim Bundesamt für Justiz",
        slug="fuehrungszeugnis",
        short_description=(
            "Bürgerinnen und Bürger beantragen ihr Führungszeugnis direkt online beim Bundesamt "
            "für Justiz. Ihre Verwaltung verweist im Zuständigkeitsfinder auf den Dienst und "
            "entlastet so die Meldebehörde."
        ),
        ozg_ids=("10562",),
        service_type="online_dienst_efa",
        provider="Bundesamt für Justiz (Bund)",
        operating_model=(
            "Betrieb durch das Bundesamt für Justiz; Verknüpfung mit den Leistungsbeschreibungen "
            "Ihrer Meldebehörde im Zuständigkeitsfinder"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=False,
        requires_postfach=False,
        requires_epayment=True,
        transport_route="keine",
        requires_dvdv_entry=False,
        vertrauensniveau="hoch",
        fachverfahren_interface="",
        contacts=(
            _ITVSH_MELDEWESEN,
            _ZUFI_LANDESREDAKTION,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Ein Führungszeugnis kann bei der Meldebehörde oder direkt online beim "
                "Bundesamt für Justiz beantragt werden. Für den Online-Antrag benötigen "
                "Antragstellende die Online-Ausweisfunktion; die Gebühr wird online bezahlt. Das "
                "Führungszeugnis wird anschließend zugesandt, ein Führungszeugnis zur Vorlage bei "
                "einer Behörde unmittelbar an diese.</p>"
                "<p>Die Bestellung im Shop sorgt dafür, dass Ihre Leistungsbeschreibung im "
                "Zuständigkeitsfinder und auf Ihrer Internetseite auf den Online-Dienst "
                "verweist.</p>",
            ),
            (
                "feature_list",
                (
                    "Weniger Vorsprachen in der Meldebehörde",
                    "Kein Einrichtungsaufwand in Ihrem Fachverfahren",
                    "Einheitlicher Hinweis für alle Gemeinden Ihrer Verwaltung",
                    "Der Antrag vor Ort bleibt möglich",
                ),
            ),
            ("heading", "Was die Bestellung umfasst"),
            (
                "paragraph",
                "<p>Sie übernehmen keinen eigenen Online-Dienst, sondern einen gepflegten "
                "Verweis. Die Landesredaktion ergänzt Ihre Einträge im Zuständigkeitsfinder um "
                "den Online-Zugang; Sie prüfen die Darstellung und geben sie frei.</p>"
                "<ul><li>Gepflegte Einträge Ihrer Meldebehörde im Zuständigkeitsfinder</li>"
                "<li>Information Ihres Bürgerbüros über den Online-Weg</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Für Anträge vor Ort, etwa von Personen ohne Online-Ausweis, bleibt Ihre "
                    "Meldebehörde Anlaufstelle. An diesem Verfahren ändert sich nichts.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Wer erhebt die Gebühr bei Online-Anträgen?",
                        "<p>Bei Online-Anträgen erhebt das Bundesamt für Justiz die Gebühr "
                        "unmittelbar.</p>",
                    ),
                    (
                        "Brauchen wir einen Vertrag zur Auftragsverarbeitung?",
                        "<p>Nein. Ihre Verwaltung verarbeitet bei Online-Anträgen keine Daten; "
                        "verantwortlich ist das Bundesamt für Justiz.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Elterngeld digital",
        slug="elterngeld",
        short_description=(
            "Eltern beantragen Elterngeld online über das Angebot des Bundes. Ihr Standesamt kann "
            "die Geburtsdaten mit Einwilligung der Eltern elektronisch an die Elterngeldstelle "
            "übermitteln."
        ),
        ozg_ids=("10000",),
        service_type="online_dienst_efa",
        provider="Bund (ElterngeldDigital)",
        operating_model=(
            "Antragsportal des Bundes, Bearbeitung durch die zuständige Elterngeldstelle; "
            "Anbindung der Standesämter in Schleswig-Holstein durch Dataport AöR im Auftrag des "
            "Landes"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="osci_xta",
        requires_dvdv_entry=True,
        vertrauensniveau="hoch",
        fachverfahren_interface=(
            "Elektronische Übermittlung der Geburtsdaten aus dem Personenstandsfachverfahren an "
            "die Elterngeldstelle"
        ),
        contacts=(
            _ITVSH_FAMILIE,
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Elterngeld wird nicht von den Kommunen bewilligt, sondern von der zuständigen "
                "Elterngeldstelle. Die Kommunen sind trotzdem beteiligt: Für den Antrag wird ein "
                "Nachweis über die Geburt benötigt, den das Standesamt ausstellt. Mit "
                "Einwilligung der Eltern kann das Standesamt die Geburtsdaten elektronisch an die "
                "Elterngeldstelle übermitteln, sodass die Bescheinigung auf Papier entfällt.</p>"
                "<p>Die Bestellung richtet diese Übermittlung für Ihr Standesamt ein und ergänzt "
                "Ihre Leistungsbeschreibungen im Zuständigkeitsfinder um den Verweis auf den "
                "Online-Antrag des Bundes.</p>",
            ),
            (
                "feature_list",
                (
                    "Keine gesonderte Geburtsbescheinigung für das Elterngeld auf Papier",
                    "Weniger Nachfragen junger Eltern im Standesamt",
                    "Übermittlung direkt aus dem Personenstandsverfahren",
                    "Einheitlicher Hinweis auf den Online-Antrag in allen Gemeinden",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Ihr Personenstandsfachverfahren muss die elektronische Übermittlung der "
                "Geburtsdaten unterstützen, und Ihr Standesamt benötigt einen Eintrag im DVDV. "
                "Die Einwilligung der Eltern wird bei der Beurkundung der Geburt erfasst.</p>"
                "<ul><li>DVDV-Eintrag des Standesamts</li>"
                "<li>Freischaltung der Übermittlung im Fachverfahren</li>"
                "<li>Abstimmung der Abläufe bei der Geburtsbeurkundung</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Fragen zur Höhe und Bewilligung des Elterngelds beantwortet die "
                    "Elterngeldstelle. Bitte verweisen Sie Eltern dorthin.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Wird unsere Verwaltung dadurch Elterngeldstelle?",
                        "<p>Nein. Ihre Rolle beschränkt sich auf die Übermittlung der "
                        "Geburtsdaten und den Hinweis auf den Online-Antrag.</p>",
                    ),
                    (
                        "Was kostet die Anbindung?",
                        "<p>Für Mitglieder des ITVSH ist die Anbindung kostenfrei. "
                        "Freischaltungen im Fachverfahren klären Sie gegebenenfalls mit Ihrem "
                        "Hersteller.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="BAföG Digital",
        slug="bafoeg",
        short_description=(
            "Schülerinnen, Schüler und Studierende beantragen Ausbildungsförderung online über das "
            "Angebot des Bundes. Anträge auf Schüler-BAföG erreichen die Ämter für "
            "Ausbildungsförderung der Kreise und kreisfreien Städte."
        ),
        ozg_ids=("10056",),
        service_type="online_dienst_efa",
        provider="Bund (BAföG Digital)",
        operating_model=(
            "Antragsportal des Bundes, Bearbeitung durch die Ämter für Ausbildungsförderung; "
            "Anbindung in Schleswig-Holstein durch Dataport AöR im Auftrag des Landes"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=False,
        transport_route="osci_xta",
        requires_dvdv_entry=True,
        vertrauensniveau="hoch",
        fachverfahren_interface=(
            "Übergabe der Antragsdaten an das BAföG-Fachverfahren des Amts für Ausbildungsförderung"
        ),
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Bildung digital, ITVSH",
                email="bildung@itvsh.de",
            ),
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Mit BAföG Digital stellt der Bund einen Online-Antrag für die "
                "Ausbildungsförderung bereit. Antragstellende füllen die Formblätter digital aus, "
                "laden Nachweise hoch und reichen den Antrag ohne Unterschrift auf Papier ein, "
                "wenn sie sich mit dem Online-Ausweis anmelden. Auch Eltern können ihre Angaben "
                "zum Einkommen digital beisteuern.</p>"
                "<p>Für Studierende ist das Studierendenwerk zuständig. Für Schülerinnen und "
                "Schüler sind es die Ämter für Ausbildungsförderung bei den Kreisen und "
                "kreisfreien Städten; an sie richtet sich dieses Angebot.</p>",
            ),
            (
                "feature_list",
                (
                    "Vollständigere Anträge durch geführte Eingabe",
                    "Nachweise liegen digital vor",
                    "Weniger Post und weniger Rückfragen",
                    "Statusinformationen für Antragstellende über das Nutzerkonto",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Ihr Amt für Ausbildungsförderung benötigt einen DVDV-Eintrag und ein "
                "BAföG-Fachverfahren, das digitale Anträge übernehmen kann. Die Zuständigkeiten "
                "für Schüler-BAföG müssen im Zuständigkeitsfinder gepflegt sein, damit Anträge "
                "richtig zugeordnet werden.</p>"
                "<ul><li>DVDV-Eintrag des Amts für Ausbildungsförderung</li>"
                "<li>Zuständigkeiten im Zuständigkeitsfinder</li>"
                "<li>Benennung einer fachlichen Ansprechperson</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Ämter und Gemeinden müssen diesen Dienst nicht bestellen. Sie verweisen "
                    "ihre Bürgerinnen und Bürger über den Zuständigkeitsfinder an das zuständige "
                    "Amt für Ausbildungsförderung.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Welche Kosten entstehen?",
                        "<p>Für Ihre Verwaltung entstehen für die Nutzung des Online-Antrags "
                        "keine Kosten.</p>",
                    ),
                    (
                        "Können Anträge weiterhin auf Papier gestellt werden?",
                        "<p>Ja. Der Online-Antrag ist ein zusätzlicher Zugang.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Einbürgerung online beantragen",
        slug="einbuergerung",
        short_description=(
            "Interessierte prüfen mit einem Quick-Check ihre Voraussetzungen und stellen den "
            "Einbürgerungsantrag online. Die Einbürgerungsbehörde erhält die Daten im Standard "
            "XEinbürgerung."
        ),
        ozg_ids=("10257",),
        service_type="online_dienst_efa",
        provider="Land Nordrhein-Westfalen (EfA-Dienst)",
        operating_model=(
            "Bereitstellung durch Nordrhein-Westfalen nach dem Einer-für-Alle-Prinzip; Anbindung "
            "der Einbürgerungsbehörden in Schleswig-Holstein durch Dataport AöR im Auftrag des "
            "Landes"
        ),
        reifegrad=2,
        availability="in_vorbereitung",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=False,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface=(
            "XEinbürgerung-Nachricht an das Fachverfahren der Einbürgerungsbehörde"
        ),
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Migration digital, ITVSH",
                email="migration@itvsh.de",
            ),
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Einbürgerungsverfahren sind aufwendig, und die Nachfrage ist hoch. Der "
                "Online-Dienst beginnt mit einem unverbindlichen Quick-Check, der Interessierten "
                "zeigt, ob sie die Voraussetzungen voraussichtlich erfüllen. Danach führt er "
                "durch den Antrag und nimmt Nachweise als Dateien entgegen. Die Daten gehen im "
                "Standard XEinbürgerung an Ihre Einbürgerungsbehörde.</p>",
            ),
            (
                "feature_list",
                (
                    "Weniger Beratungsgespräche zu grundlegenden Voraussetzungen",
                    "Strukturierte Antragsdaten statt Papierformulare",
                    "Weniger Vorsprachen als im papiergebundenen Verfahren",
                    "Nachforderungen über das Postfach",
                ),
            ),
            ("heading", "Stand und Voraussetzungen"),
            (
                "paragraph",
                "<p>Die Nachnutzung in Schleswig-Holstein wird vorbereitet. Zuständig für die "
                "Einbürgerung sind die Kreise und kreisfreien Städte. Ihr Fachverfahren muss "
                "Nachrichten im Standard XEinbürgerung empfangen können.</p>"
                "<ul><li>Zuständigkeit im Zuständigkeitsfinder</li>"
                "<li>Abstimmung mit Ihrem Fachverfahrenshersteller</li>"
                "<li>Zustimmung zum Vertrag zur Auftragsverarbeitung</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Dieser Dienst ist in Vorbereitung. Persönliche Vorsprachen, etwa zur "
                    "Prüfung von Originaldokumenten und zur Aushändigung der "
                    "Einbürgerungsurkunde, bleiben erforderlich. Deshalb erreicht der Dienst den "
                    "Reifegrad 2.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Wie melden sich Antragstellende an?",
                        "<p>Über ihr Nutzerkonto. Wer einen elektronischen Aufenthaltstitel mit "
                        "Online-Ausweisfunktion besitzt, kann diesen für die Identifizierung "
                        "nutzen.</p>",
                    ),
                    (
                        "Was kostet der Dienst?",
                        "<p>Für Mitglieder des ITVSH ist der Dienst kostenfrei. Die "
                        "Einbürgerungsgebühr erheben Sie wie bisher.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Fischereischein online",
        slug="fischereischein",
        short_description=(
            "Anglerinnen und Angler beantragen den Fischereischein online, weisen die bestandene "
            "Fischerprüfung nach und bezahlen Gebühr und Fischereiabgabe direkt im Antrag."
        ),
        ozg_ids=("10148",),
        service_type="landesdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes auf Basis des Formularservers"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=True,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface=(
            "Übergabe der Anträge an das Antragsmanagement der ausstellenden Stelle"
        ),
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Ordnungswesen digital, ITVSH",
                email="ordnung@itvsh.de",
            ),
            _DATAPORT_FORMULARSERVER,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Wer in Schleswig-Holstein angeln möchte, braucht in der Regel einen "
                "Fischereischein und muss die Fischereiabgabe entrichten. Mit dem Online-Dienst "
                "beantragen Anglerinnen und Angler den Fischereischein oder bei Verlust eine "
                "Ersatzausfertigung. Das Prüfungszeugnis wird hochgeladen, Gebühr und Abgabe "
                "werden online bezahlt. Die ausstellende Stelle prüft den Antrag und versendet "
                "den Fischereischein.</p>",
            ),
            (
                "feature_list",
                (
                    "Weniger Publikumsverkehr vor Beginn der Angelsaison",
                    "Gebühr und Fischereiabgabe sind vor der Bearbeitung bezahlt",
                    "Prüfungsnachweise liegen digital vor",
                    "Ersatzausfertigung bei Verlust ebenfalls online",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Bestellen können die Verwaltungen, die Fischereischeine ausstellen. Wie die "
                "vereinnahmte Fischereiabgabe an das Land abgeführt wird, wird bei der "
                "Einrichtung festgelegt.</p>"
                "<ul><li>Basisdienste Servicekonto, Postfach und ePayment</li>"
                "<li>Benennung der ausstellenden Stelle</li>"
                "<li>Klärung des Versands der Fischereischeine</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Für Sonderfälle, etwa Ausnahmen von der Fischereischeinpflicht, gelten "
                    "eigene Regeln. Ob der Dienst diese abdeckt, stimmen wir bei der Einrichtung "
                    "mit Ihnen ab.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Kann man sich über den Dienst zur Fischerprüfung anmelden?",
                        "<p>Nein. Die Fischerprüfung wird weiterhin bei den dafür zuständigen "
                        "Stellen abgelegt. Der Dienst betrifft nur die Ausstellung des "
                        "Scheins.</p>",
                    ),
                    (
                        "Was kostet der Dienst?",
                        "<p>Für Mitglieder des ITVSH entstehen keine Kosten.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Kita-Platz suchen und vormerken (Kita-Portal)",
        slug="kita-platz",
        short_description=(
            "Eltern suchen im landesweiten Kita-Portal nach Betreuungsangeboten und merken ihr "
            "Kind online vor. Kommunen erhalten einen Überblick über Bedarfe und "
            "Mehrfachvormerkungen."
        ),
        ozg_ids=("10019",),
        service_type="landesdienst",
        provider="Land Schleswig-Holstein gemeinsam mit den kommunalen Landesverbänden",
        operating_model=(
            "Betrieb im Auftrag des Landes; Pflege der Angebote durch die Kita-Träger und "
            "Kindertagespflegepersonen"
        ),
        reifegrad=2,
        availability="verfuegbar",
        requires_servicekonto=False,
        requires_postfach=False,
        requires_epayment=False,
        transport_route="keine",
        requires_dvdv_entry=False,
        vertrauensniveau="niedrig",
        fachverfahren_interface="",
        contacts=(
            DemoContact(
                role="Fachliche Ansprechperson",
                name="Team Kita-Portal, ITVSH",
                email="kitaportal@itvsh.de",
            ),
            DemoContact(
                role="Technischer Support",
                name="Support Kita-Portal, ITVSH",
                email="kitaportal-support@itvsh.de",
            ),
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Das Kita-Portal Schleswig-Holstein ist die landesweite Datenbank der "
                "Kindertageseinrichtungen und der Kindertagespflege. Eltern suchen dort nach "
                "Angeboten in ihrer Nähe, sehen Öffnungszeiten und pädagogische Schwerpunkte und "
                "merken ihr Kind bei ihren Wunscheinrichtungen vor. Platzvergabe und "
                "Betreuungsvertrag bleiben Sache der Einrichtung.</p>"
                "<p>Für Gemeinden, Ämter und Kreise ist das Portal ein Planungsinstrument: Es "
                "zeigt, wo Bedarf besteht und welche Vormerkungen mehrfach abgegeben wurden.</p>",
            ),
            (
                "feature_list",
                (
                    "Ein Überblick über alle Angebote statt vieler Wartelisten",
                    "Erkennen von Mehrfachvormerkungen",
                    "Grundlage für die örtliche Bedarfsplanung",
                    "Gleiche Oberfläche für Eltern in ganz Schleswig-Holstein",
                ),
            ),
            ("heading", "Was Ihre Verwaltung tun muss"),
            (
                "paragraph",
                "<p>Die Einrichtungen pflegen ihre Angebote selbst. Ihre Verwaltung erhält mit "
                "der Bestellung Zugänge zu den Auswertungen für die Einrichtungen in Ihrem "
                "Gebiet. Bei der Bestellung geben Sie an, welche Gemeinden einbezogen werden "
                "sollen und wer die Auswertungen nutzen darf.</p>"
                "<ul><li>Benennung der Personen mit Auswertungszugang</li>"
                "<li>Abstimmung mit dem Kreis als örtlichem Träger der Jugendhilfe</li>"
                "<li>Hinweis auf das Portal in Ihrem Internetauftritt</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Eine Vormerkung im Portal ist keine verbindliche Anmeldung. Bitte weisen "
                    "Sie Eltern darauf hin, dass der Betreuungsvertrag mit der Einrichtung "
                    "geschlossen wird.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Müssen die Kitas in unserer Gemeinde am Portal teilnehmen?",
                        "<p>Die Teilnahme der Kindertageseinrichtungen ist landesrechtlich "
                        "vorgesehen. Fragen im Einzelfall beantwortet das Team Kita-Portal.</p>",
                    ),
                    (
                        "Erhalten wir personenbezogene Daten der Kinder?",
                        "<p>Auswertungen für die Bedarfsplanung erhalten Sie nur in dem Umfang, "
                        "den die landesrechtlichen Regelungen zulassen. Einzelheiten regeln die "
                        "Nutzungsbedingungen.</p>",
                    ),
                    (
                        "Was kostet der Zugang?",
                        "<p>Für Mitglieder des ITVSH ist der Zugang kostenfrei.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Sondernutzung öffentlicher Straßen",
        slug="sondernutzung-strassen",
        short_description=(
            "Unternehmen, Vereine und Privatpersonen beantragen online die Sondernutzung von "
            "Straßen, Wegen und Plätzen, etwa für Container, Gerüste, Außengastronomie oder "
            "Infostände."
        ),
        ozg_ids=("10348",),
        service_type="landesdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes; Konfiguration der Gebühren und "
            "Auflagen je Verwaltung"
        ),
        reifegrad=3,
        availability="in_vorbereitung",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=True,
        transport_route="fit_connect",
        requires_dvdv_entry=False,
        vertrauensniveau="substantiell",
        fachverfahren_interface=(
            "Übergabe der Anträge mit Lageplänen an das Antragsmanagement der bearbeitenden Stelle"
        ),
        contacts=(
            _ITVSH_MOBILITAET,
            _DATAPORT_FORMULARSERVER,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Wer eine öffentliche Straße über den Gemeingebrauch hinaus nutzen will, "
                "braucht eine Sondernutzungserlaubnis. Typische Fälle sind "
                "Baustelleneinrichtungen, Container, Gerüste, Werbeaufsteller, Tische und Stühle "
                "vor Gaststätten oder Infostände. Häufig ist zusätzlich eine verkehrsrechtliche "
                "Anordnung nötig.</p>"
                "<p>Der Online-Dienst fragt Ort, Zeitraum und Art der Nutzung ab, nimmt Lagepläne "
                "entgegen und ermöglicht die Bezahlung der Gebühr.</p>",
            ),
            (
                "feature_list",
                (
                    "Vollständige Angaben zu Ort, Dauer und Fläche",
                    "Lagepläne und Skizzen als Datei",
                    "Gebühren nach Ihrer Satzung werden hinterlegt",
                    "Erlaubnis und Auflagen über das Postfach",
                ),
            ),
            ("heading", "Stand und Voraussetzungen"),
            (
                "paragraph",
                "<p>Der Dienst befindet sich in Vorbereitung. Zuständig ist der jeweilige Träger "
                "der Straßenbaulast, für Gemeindestraßen also die Gemeinde. Für die Einrichtung "
                "benötigen Sie Ihre Sondernutzungssatzung und die Gebührensätze.</p>"
                "<ul><li>Basisdienste Servicekonto, Postfach und ePayment</li>"
                "<li>Aktuelle Sondernutzungssatzung</li>"
                "<li>Benennung der bearbeitenden Stelle</li></ul>",
            ),
            (
                "callout",
                (
                    "warning",
                    "<p>Dieser Dienst ist in Vorbereitung. Das Zusammenspiel mit "
                    "verkehrsrechtlichen Anordnungen der Straßenverkehrsbehörde wird derzeit "
                    "abgestimmt.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Gilt der Dienst auch für Kreis- und Landesstraßen?",
                        "<p>Der Dienst ist für kommunale Straßen ausgelegt. Für Straßen in "
                        "anderer Baulast richtet sich der Antrag an den jeweiligen Träger.</p>",
                    ),
                    (
                        "Was kostet der Dienst?",
                        "<p>Für Mitglieder des ITVSH ist der Dienst kostenfrei. Die "
                        "Sondernutzungsgebühren fließen an Ihre Verwaltung.</p>",
                    ),
                ),
            ),
        ),
    ),
    DemoService(
        title="Geburtsurkunde online bestellen",
        slug="geburtsurkunde",
        short_description=(
            "Berechtigte bestellen Geburtsurkunden online beim zuständigen Standesamt und bezahlen "
            "die Gebühr direkt. Die Urkunde wird per Post zugestellt."
        ),
        ozg_ids=("10557",),
        service_type="landesdienst",
        provider="Land Schleswig-Holstein",
        operating_model=(
            "Betrieb durch Dataport AöR im Auftrag des Landes; Anbindung an die "
            "Personenstandsfachverfahren der Standesämter"
        ),
        reifegrad=3,
        availability="verfuegbar",
        requires_servicekonto=True,
        requires_postfach=True,
        requires_epayment=True,
        transport_route="osci_xta",
        requires_dvdv_entry=True,
        vertrauensniveau="substantiell",
        fachverfahren_interface=(
            "Übergabe der Bestellung an das Personenstandsfachverfahren des Standesamts"
        ),
        contacts=(
            _ITVSH_PERSONENSTAND,
            _DATAPORT_ONLINE_DIENSTE,
        ),
        body=(
            ("heading", "Worum es geht"),
            (
                "paragraph",
                "<p>Geburtsurkunden werden für viele Anlässe gebraucht, etwa für die "
                "Eheschließung, für Rentenangelegenheiten oder für Behörden im Ausland. Zuständig "
                "ist das Standesamt, das die Geburt beurkundet hat. Mit dem Online-Dienst "
                "bestellen berechtigte Personen die Urkunde dort, ohne vorbeizukommen oder einen "
                "Brief zu schreiben.</p>"
                "<p>Der Dienst fragt ab, in welcher Beziehung die bestellende Person zur "
                "beurkundeten Person steht, und nimmt bei Bedarf Nachweise entgegen. Die Gebühr "
                "wird online bezahlt. Das Standesamt stellt die Urkunde aus und versendet sie per "
                "Post.</p>",
            ),
            (
                "feature_list",
                (
                    "Weniger Telefonate und Briefe mit Urkundenbestellungen",
                    "Gebühren sind vor der Ausstellung bezahlt",
                    "Berechtigung wird im Antrag abgefragt und belegt",
                    "Auch internationale Urkunden können bestellt werden",
                ),
            ),
            ("heading", "Voraussetzungen"),
            (
                "paragraph",
                "<p>Bestellen können alle Verwaltungen mit eigenem Standesamt, auch für "
                "gemeinsame Standesamtsbezirke. Ihr Personenstandsfachverfahren sollte die "
                "Bestellungen übernehmen können; andernfalls bearbeiten Sie sie im "
                "Antragsmanagement.</p>"
                "<ul><li>Basisdienste Servicekonto, Postfach und ePayment</li>"
                "<li>DVDV-Eintrag des Standesamts</li>"
                "<li>Hinterlegung der Gebühren je Urkundenart</li></ul>",
            ),
            (
                "callout",
                (
                    "info",
                    "<p>Personenstandsurkunden werden auf Sicherheitspapier ausgestellt und "
                    "unterschrieben. Deshalb erfolgt der Versand weiterhin per Post.</p>",
                ),
            ),
            (
                "faq",
                (
                    (
                        "Gilt der Dienst auch für Ehe- und Sterbeurkunden?",
                        "<p>Der Dienst ist für Geburtsurkunden eingerichtet. Über Erweiterungen "
                        "informiert der ITVSH im Shop.</p>",
                    ),
                    (
                        "Was kostet der Dienst?",
                        "<p>Für Mitglieder des ITVSH ist der Dienst kostenfrei. Die "
                        "Urkundengebühren fließen über ePayment an Ihre Verwaltung.</p>",
                    ),
                ),
            ),
        ),
    ),
)
