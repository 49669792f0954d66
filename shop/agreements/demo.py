"""Demo agreements for `seed_demo`: the shop's terms of use (1.0 and 1.1), the accession
declaration for re-using EfA services, the AVV and the special terms of the ePayment service.

The texts are written for the demo: plausible, but not legal advice and not the texts of the
real shop. ITVSH (IT-Verbund Schleswig-Holstein AöR) runs the shop, the Land Schleswig-Holstein
provides the services, Dataport AöR operates them, municipalities use them.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction

from shop.agreements.services import agreement_version_publish
from shop.models import Agreement, AgreementKind, AgreementVersion

TERMS_OF_USE_SLUG = "nutzungsbedingungen"
ACCESSION_SLUG = "beitrittserklaerung-efa"
DATA_PROCESSING_SLUG = "avv"
EPAYMENT_SLUG = "besondere-bedingungen-epayment"


# == Allgemeine Nutzungsbedingungen ==

_TERMS_SCOPE = """\
<h2>§ 1 Geltungsbereich und Beteiligte</h2>
<p>Diese Nutzungsbedingungen regeln die Nutzung des OZG-Dienste-Shops. Den Shop betreibt der
IT-Verbund Schleswig-Holstein AöR (ITVSH). Die im Shop angebotenen Online-Dienste und
Basisdienste stellt das Land Schleswig-Holstein bereit; den technischen Betrieb und die
Einrichtung für die einzelne Verwaltung übernimmt Dataport AöR im Auftrag des Landes.</p>
<p>Nutzende sind die Träger der öffentlichen Verwaltung in Schleswig-Holstein, insbesondere
Ämter, amtsfreie Gemeinden und Städte, Kreise und kreisfreie Städte (im Folgenden „Kommune“).
Für einzelne Dienste gelten zusätzlich die Beitrittserklärung zur Nachnutzung, ein
Auftragsverarbeitungsvertrag oder besondere Bedingungen; diese gehen im Zweifel vor.</p>
"""

_TERMS_SUBJECT = """\
<h2>§ 2 Gegenstand</h2>
<p>Der Shop ersetzt die gesonderte Nachnutzungsvereinbarung mit jedem einzelnen Anbieter durch
eine einheitliche Bestellung. Er beschreibt jeden Dienst in einem Steckbrief mit den umgesetzten
OZG-Leistungen, den Voraussetzungen, den Unterlagen und den Ansprechpersonen. Die Steckbriefe
dienen der Information; verbindlich sind die bei der Bestellung angenommenen Vereinbarungen.</p>
"""

_TERMS_ACCESS_1_0 = """\
<h2>§ 3 Zugang</h2>
<ol>
<li>Bestellen kann nur, wer sich im Shop registriert hat und vom ITVSH als berechtigt
bestätigt wurde, für die jeweilige Kommune zu handeln.</li>
<li>Die Kommune sorgt dafür, dass nur befugte Beschäftigte ihren Zugang nutzen, und teilt
dem ITVSH unverzüglich mit, wenn eine Person nicht mehr für sie handeln darf.</li>
</ol>
"""

_TERMS_ACCESS_1_1 = """\
<h2>§ 3 Zugang</h2>
<ol>
<li>Bestellen kann nur, wer sich im Shop registriert hat und vom ITVSH als berechtigt
bestätigt wurde, für die jeweilige Kommune zu handeln.</li>
<li>Alle bestätigten Personen einer Kommune sehen deren Bestellungen und deren Stand.</li>
<li>Die Kommune sorgt dafür, dass nur befugte Beschäftigte ihren Zugang nutzen, und teilt
dem ITVSH unverzüglich mit, wenn eine Person nicht mehr für sie handeln darf. Als
Kontaktadressen sollen Funktionspostfächer angegeben werden, keine persönlichen Postfächer.</li>
</ol>
"""

_TERMS_ORDER = """\
<h2>§ 4 Bestellung</h2>
<ol>
<li>Mit der Bestellung erklärt die Kommune, dass sie den Dienst für die angegebenen Gemeinden
nutzen will, und nimmt die für den Dienst erforderlichen Vereinbarungen in der jeweils
angezeigten Fassung an. Welche Fassung von wem und wann angenommen wurde, wird unveränderlich
gespeichert.</li>
<li>Die Kommune benennt je Bestellung eine fachliche und eine technische Ansprechperson und,
soweit personenbezogene Daten im Auftrag verarbeitet werden, eine Ansprechperson für den
Datenschutz.</li>
<li>Ein Dienst, der für eine Kommune bereits bestellt oder in Betrieb ist, kann nicht ein
zweites Mal bestellt werden.</li>
</ol>
"""

_TERMS_COSTS = """\
<h2>§ 5 Kosten</h2>
<p>Die im Shop angebotenen Dienste stellt das Land den Kommunen unentgeltlich bereit. Kosten,
die bei der Kommune selbst entstehen, etwa für die Anbindung ihres Fachverfahrens oder
Entgelte Dritter, trägt die Kommune.</p>
"""

_TERMS_DUTIES_AND_OPERATION_1_0 = """\
<h2>§ 6 Mitwirkung der Kommune</h2>
<p>Die Kommune schafft die im Steckbrief genannten Voraussetzungen, zum Beispiel den Anschluss
an das Servicekonto und das Postfach, einen Transportweg zum Fachverfahren und die Pflege ihrer
Zuständigkeiten und Leistungsbeschreibungen im Zuständigkeitsfinder. Sie prüft den eingerichteten
Dienst, bevor er für die Bürgerinnen und Bürger freigeschaltet wird.</p>
<h2>§ 7 Einrichtung und Betrieb</h2>
<p>Dataport richtet den Dienst nach Prüfung der Bestellung für die Kommune ein und betreibt ihn
im Rahmen der mit dem Land vereinbarten Leistungen. Wartungsfenster und Störungen werden, soweit
möglich, vorab im Shop angekündigt. Einen Anspruch auf eine bestimmte Verfügbarkeit begründen
diese Nutzungsbedingungen nicht.</p>
"""

_TERMS_DUTIES_AND_OPERATION_1_1 = """\
<h2>§ 6 Mitwirkung der Kommune</h2>
<p>Die Kommune schafft die im Steckbrief genannten Voraussetzungen, zum Beispiel den Anschluss
an das Servicekonto und das Postfach, einen Transportweg zum Fachverfahren (etwa über
FIT-Connect oder OSCI/XTA), einen Eintrag im DVDV, soweit erforderlich, und die Pflege ihrer
Zuständigkeiten und Leistungsbeschreibungen im Zuständigkeitsfinder. Sie prüft den
eingerichteten Dienst, bevor er für die Bürgerinnen und Bürger freigeschaltet wird.</p>
<h2>§ 7 Einrichtung und Betrieb</h2>
<p>Dataport richtet den Dienst nach Prüfung der Bestellung für die Kommune ein und betreibt ihn
im Rahmen der mit dem Land vereinbarten Leistungen. Den Stand jeder Bestellung und nach der
Freischaltung die dauerhafte Adresse des Dienstes sieht die Kommune im Shop unter „Meine
Dienste“. Wartungsfenster und Störungen werden, soweit möglich, vorab im Shop angekündigt.
Einen Anspruch auf eine bestimmte Verfügbarkeit begründen diese Nutzungsbedingungen nicht.</p>
"""

_TERMS_DATA_PROTECTION_1_0 = """\
<h2>§ 8 Datenschutz und Informationssicherheit</h2>
<p>Für die Daten, die die Kommune im Shop angibt (Namen und Kontaktdaten ihrer
Ansprechpersonen, Angaben zur Bestellung), ist der ITVSH verantwortlich; näheres regelt die
Datenschutzerklärung des Shops. Für die Daten, die Bürgerinnen und Bürger in einem Dienst
eingeben, bleibt die Kommune verantwortlich; die Verarbeitung im Auftrag regelt der
Auftragsverarbeitungsvertrag.</p>
"""

_TERMS_DATA_PROTECTION_1_1 = """\
<h2>§ 8 Datenschutz und Informationssicherheit</h2>
<p>Für die Daten, die die Kommune im Shop angibt (Namen und Kontaktdaten ihrer
Ansprechpersonen, Angaben zur Bestellung), ist der ITVSH verantwortlich; näheres regelt die
Datenschutzerklärung des Shops. Für die Daten, die Bürgerinnen und Bürger in einem Dienst
eingeben, bleibt die Kommune verantwortlich; die Verarbeitung im Auftrag regelt der
Auftragsverarbeitungsvertrag. Betrieb und Einrichtung orientieren sich am IT-Grundschutz des
Bundesamts für Sicherheit in der Informationstechnik. Sicherheitsvorfälle, die ihren Dienst
betreffen, meldet die Kommune unverzüglich über den Shop.</p>
"""

_TERMS_LIABILITY = """\
<h2>§ 9 Haftung</h2>
<p>Der ITVSH, das Land und Dataport haften für Schäden aus der Nutzung des Shops und der
Dienste nur bei Vorsatz und grober Fahrlässigkeit, bei der Verletzung von Leben, Körper oder
Gesundheit unbeschränkt. Die Haftung nach der Datenschutz-Grundverordnung bleibt unberührt.</p>
"""

_TERMS_TERM_1_0 = """\
<h2>§ 10 Dauer und Beendigung</h2>
<p>Die Nutzung eines Dienstes beginnt mit seiner Freischaltung und läuft auf unbestimmte Zeit.
Die Kommune kann einen Dienst mit einer Frist von drei Monaten zum Ende eines Quartals
abbestellen. Stellt das Land einen Dienst ein, kündigt der ITVSH dies mit angemessener Frist
im Shop an.</p>
<h2>§ 11 Änderungen</h2>
<p>Der ITVSH kann diese Nutzungsbedingungen ändern. Eine neue Fassung gilt für Bestellungen ab
dem Tag, ab dem sie gilt; bereits angenommene Fassungen bleiben für ihre Bestellungen
maßgeblich.</p>
"""

_TERMS_TERM_1_1 = """\
<h2>§ 10 Dauer und Beendigung</h2>
<p>Die Nutzung eines Dienstes beginnt mit seiner Freischaltung und läuft auf unbestimmte Zeit.
Die Kommune kann einen Dienst mit einer Frist von drei Monaten zum Ende eines Quartals
abbestellen. Stellt das Land einen Dienst ein, kündigt
der ITVSH dies mindestens sechs Monate vorher im Shop an und nennt, soweit vorhanden, einen
Nachfolgedienst.</p>
<h2>§ 11 Änderungen</h2>
<p>Der ITVSH kann diese Nutzungsbedingungen ändern und veröffentlicht jede neue Fassung vorab
im Shop. Eine neue Fassung gilt für Bestellungen ab diesem Tag; bereits
angenommene Fassungen bleiben für ihre Bestellungen maßgeblich.</p>
"""

_TERMS_FINAL = """\
<h2>§ 12 Schlussbestimmungen</h2>
<p>Es gilt deutsches Recht. Fragen zu diesen Nutzungsbedingungen beantwortet der ITVSH über die
Kontaktmöglichkeiten des Shops.</p>
"""

TERMS_OF_USE_1_0 = "".join(
    [
        _TERMS_SCOPE,
        _TERMS_SUBJECT,
        _TERMS_ACCESS_1_0,
        _TERMS_ORDER,
        _TERMS_COSTS,
        _TERMS_DUTIES_AND_OPERATION_1_0,
        _TERMS_DATA_PROTECTION_1_0,
        _TERMS_LIABILITY,
        _TERMS_TERM_1_0,
        _TERMS_FINAL,
    ]
)

TERMS_OF_USE_1_1 = "".join(
    [
        _TERMS_SCOPE,
        _TERMS_SUBJECT,
        _TERMS_ACCESS_1_1,
        _TERMS_ORDER,
        _TERMS_COSTS,
        _TERMS_DUTIES_AND_OPERATION_1_1,
        _TERMS_DATA_PROTECTION_1_1,
        _TERMS_LIABILITY,
        _TERMS_TERM_1_1,
        _TERMS_FINAL,
    ]
)


# == Beitrittserklärung zur Nachnutzung (EfA) ==

ACCESSION_1_0 = """\
<h2>1. Gegenstand</h2>
<p>Das Land Schleswig-Holstein stellt Online-Dienste bereit, die nach dem Prinzip „Einer für
Alle“ (EfA) einmal entwickelt und von vielen Verwaltungen nachgenutzt werden. Mit dieser
Erklärung tritt die Kommune der Nachnutzung der Dienste bei, die sie im OZG-Dienste-Shop
bestellt. Die Erklärung ersetzt für diese Dienste eine gesonderte Nachnutzungsvereinbarung mit
dem jeweiligen Anbieter. Der IT-Verbund Schleswig-Holstein AöR (ITVSH) nimmt die Erklärung für
das Land entgegen und koordiniert die Nachnutzung.</p>
<h2>2. Nutzungsrecht</h2>
<ol>
<li>Die Kommune erhält für jeden bestellten Dienst das einfache, nicht übertragbare und
unentgeltliche Recht, den Dienst für die Verwaltungsleistungen ihres Zuständigkeitsbereichs und
für die bei der Bestellung angegebenen Gemeinden zu nutzen.</li>
<li>Die Kommune darf den Dienst nicht verändern, Dritten nicht überlassen und nicht für Zwecke
außerhalb der öffentlichen Verwaltung einsetzen. Rechte an Software, Formularen und Texten
verbleiben bei den jeweiligen Rechteinhabern.</li>
<li>Das Land sorgt dafür, dass es zur Einräumung dieser Rechte befugt ist, auch soweit ein
Dienst von einem anderen Land oder vom Bund entwickelt wurde.</li>
</ol>
<h2>3. Leistungen des Landes</h2>
<ol>
<li>Das Land stellt den Dienst in der jeweils aktuellen Fassung bereit und lässt ihn durch
Dataport AöR betreiben. Dataport richtet den Dienst für die Kommune ein, unterstützt beim Test
und schaltet ihn frei.</li>
<li>Fachliche Weiterentwicklungen, etwa aufgrund geänderter Rechtsgrundlagen, stimmt das Land
mit den beteiligten Ländern und Kommunen ab und stellt sie allen Nachnutzenden gleichermaßen
bereit.</li>
</ol>
<h2>4. Pflichten der Kommune</h2>
<ol>
<li>Die Kommune bleibt für die Verwaltungsleistung zuständig: Sie prüft die eingehenden
Anträge, entscheidet über sie und beantwortet Rückfragen der Antragstellenden.</li>
<li>Sie schafft die technischen Voraussetzungen, die im Steckbrief des Dienstes genannt sind,
insbesondere die Anbindung ihres Fachverfahrens oder ihres Postfachs, und hält ihre Einträge im
Zuständigkeitsfinder aktuell.</li>
<li>Sie benennt Ansprechpersonen, teilt Änderungen mit und wirkt an Tests und an der
Freischaltung mit.</li>
<li>Sie meldet Fehler und Verbesserungsvorschläge über den Shop, damit alle Nachnutzenden davon
profitieren.</li>
</ol>
<h2>5. Beginn und Ende</h2>
<p>Der Beitritt wird für einen Dienst mit dessen Bestellung wirksam und gilt, solange die
Kommune den Dienst nutzt. Er endet mit der Abbestellung des Dienstes oder mit seiner Einstellung
durch das Land. Nach dem Ende leitet der Dienst keine neuen Anträge mehr an die Kommune weiter;
bereits eingegangene Anträge bleiben bei der Kommune.</p>
<h2>6. Sonstiges</h2>
<p>Im Übrigen gelten die Allgemeinen Nutzungsbedingungen des OZG-Dienste-Shops. Verarbeitet ein
Dienst personenbezogene Daten im Auftrag der Kommune, ist zusätzlich der
Auftragsverarbeitungsvertrag abzuschließen.</p>
"""


# == Auftragsverarbeitungsvertrag nach Art. 28 DSGVO ==

DATA_PROCESSING_1_0 = """\
<h2>1. Parteien und Gegenstand</h2>
<p>Verantwortlicher im Sinne der Datenschutz-Grundverordnung (DSGVO) ist die bestellende
Kommune. Auftragsverarbeiter ist das Land Schleswig-Holstein, das die bestellten Online-Dienste
bereitstellt. Gegenstand ist die Verarbeitung personenbezogener Daten, die Antragstellende in
einem bestellten Dienst eingeben, bis zur Übermittlung an die Kommune. Der Vertrag gilt für jeden
Dienst, für den die Kommune ihn bei der Bestellung annimmt, so lange, wie sie den Dienst
nutzt.</p>
<h2>2. Art und Zweck, Daten und betroffene Personen</h2>
<ol>
<li>Zweck der Verarbeitung ist die Entgegennahme, Prüfung auf Vollständigkeit,
Zwischenspeicherung und Übermittlung von Anträgen und Nachweisen an die zuständige Kommune sowie
die Zustellung von Nachrichten an die Antragstellenden.</li>
<li>Verarbeitet werden insbesondere Identitäts- und Kontaktdaten, Angaben zum Antrag, beigefügte
Nachweise und, soweit der Dienst dies vorsieht, Zahlungsdaten.</li>
<li>Betroffen sind Antragstellende, von ihnen bevollmächtigte Personen und weitere im Antrag
genannte Personen sowie Beschäftigte der Kommune.</li>
</ol>
<h2>3. Weisungen</h2>
<p>Das Land verarbeitet die Daten nur auf dokumentierte Weisung der Kommune. Die Weisungen
ergeben sich aus der Bestellung, dem Steckbrief des Dienstes und diesem Vertrag. Hält das Land
eine Weisung für rechtswidrig, weist es die Kommune unverzüglich darauf hin.</p>
<h2>4. Pflichten des Auftragsverarbeiters</h2>
<ol>
<li>Das Land verpflichtet alle Personen, die Zugang zu den Daten haben, zur Vertraulichkeit.</li>
<li>Es trifft die technischen und organisatorischen Maßnahmen nach Art. 32 DSGVO und
dokumentiert sie; Grundlage ist der IT-Grundschutz des Bundesamts für Sicherheit in der
Informationstechnik.</li>
<li>Es unterstützt die Kommune bei der Erfüllung der Rechte betroffener Personen, bei
Datenschutz-Folgenabschätzungen und bei der Meldung von Verletzungen des Schutzes
personenbezogener Daten. Eine Verletzung teilt es der Kommune unverzüglich mit, nachdem sie ihm
bekannt geworden ist.</li>
<li>Es löscht die Daten eines Antrags, sobald dieser an die Kommune übermittelt und der Empfang
bestätigt ist, spätestens nach Ablauf der im Steckbrief genannten Frist, sofern keine
gesetzliche Pflicht zur Aufbewahrung besteht.</li>
<li>Es stellt der Kommune die Informationen zur Verfügung, die zum Nachweis dieser Pflichten
erforderlich sind, und ermöglicht Überprüfungen; diese können auch durch Vorlage von Berichten
oder Zertifikaten erfolgen.</li>
</ol>
<h2>5. Unterauftragsverarbeiter</h2>
<p>Die Kommune ist damit einverstanden, dass das Land Dataport AöR mit dem Betrieb der Dienste
beauftragt. Weitere Unterauftragsverarbeiter zieht das Land nur hinzu, wenn es die Kommune
vorher über den Shop informiert hat und sie nicht innerhalb eines Monats widerspricht. Das Land
verpflichtet jeden Unterauftragsverarbeiter vertraglich auf dieselben Pflichten. Die
Verarbeitung findet in der Europäischen Union statt.</p>
<h2>6. Pflichten der Kommune</h2>
<p>Die Kommune benennt bei der Bestellung eine Ansprechperson für den Datenschutz und teilt
Änderungen mit. Sie prüft, ob die Verarbeitung für ihre Verwaltungsleistung zulässig ist, und
informiert die betroffenen Personen nach Art. 13 und 14 DSGVO.</p>
<h2>7. Ende des Auftrags</h2>
<p>Nach dem Ende der Nutzung eines Dienstes übermittelt das Land noch nicht übermittelte Daten
an die Kommune und löscht sie danach, sofern keine gesetzliche Pflicht zur Aufbewahrung
besteht. Im Übrigen gelten die Art. 28 bis 36 DSGVO und das Landesdatenschutzgesetz
Schleswig-Holstein.</p>
"""


# == Besondere Bedingungen ePayment ==

EPAYMENT_1_0 = """\
<h2>1. Geltungsbereich</h2>
<p>Diese besonderen Bedingungen gelten zusätzlich zu den Allgemeinen Nutzungsbedingungen des
OZG-Dienste-Shops für den Basisdienst ePayment, mit dem Antragstellende Gebühren und Auslagen
direkt im Online-Dienst bezahlen. Den Basisdienst stellt das Land Schleswig-Holstein bereit;
Dataport AöR betreibt ihn und richtet ihn für die Kommune ein.</p>
<h2>2. Leistungen</h2>
<ol>
<li>Der Basisdienst verbindet die Online-Dienste der Kommune mit einem Zahlungsdienstleister und
bietet die dort vereinbarten Zahlarten an, etwa Kreditkarte, Lastschrift oder
Online-Überweisung.</li>
<li>Er übermittelt der Kommune zu jeder Zahlung den Betrag, das Kassenzeichen und den Status der
Zahlung, damit sie die Zahlung dem Antrag und ihrer Buchhaltung zuordnen kann.</li>
<li>Zahlungsdaten wie Kartennummern verarbeitet allein der Zahlungsdienstleister; sie gelangen
weder in den Online-Dienst noch zur Kommune.</li>
</ol>
<h2>3. Voraussetzungen bei der Kommune</h2>
<ol>
<li>Die Kommune schließt einen Vertrag mit einem Zahlungsdienstleister, der an den Basisdienst
angebunden ist, oder tritt einem vom Land angebotenen Rahmenvertrag bei. Das Geld fließt auf ein
Konto der Kommune; der Basisdienst nimmt selbst keine Zahlungen entgegen.</li>
<li>Sie legt fest, welche Leistungen welche Gebühren auslösen, hinterlegt die Kassenzeichen oder
Buchungsstellen und hält diese Angaben aktuell.</li>
<li>Sie benennt eine Ansprechperson aus ihrer Kasse oder Finanzbuchhaltung, die den Test der
Zahlungen begleitet und Abweichungen klärt.</li>
</ol>
<h2>4. Kosten</h2>
<p>Bereitstellung, Einrichtung und Betrieb des Basisdienstes sind für die Kommune unentgeltlich.
Entgelte des Zahlungsdienstleisters, insbesondere je Transaktion, richten sich nach dem Vertrag
der Kommune mit diesem und werden von ihr getragen.</p>
<h2>5. Abgleich und Rückerstattung</h2>
<p>Die Kommune gleicht die gemeldeten Zahlungen regelmäßig mit den Eingängen auf ihrem Konto ab.
Rückerstattungen und Stornierungen veranlasst sie über den Zahlungsdienstleister; der
Basisdienst unterstützt sie dabei mit den Angaben zur ursprünglichen Zahlung.</p>
<h2>6. Störungen</h2>
<p>Ist der Zahlungsdienstleister nicht erreichbar, kann der Online-Dienst die Zahlung nicht
abschließen. Die Kommune sieht für diesen Fall einen anderen Zahlweg vor, etwa eine
Zahlungsaufforderung mit dem Bescheid. Dataport meldet Störungen des Basisdienstes im Shop und
informiert die von der Kommune benannte Ansprechperson.</p>
"""


# == What the demo holds ==


@dataclass(frozen=True)
class DemoVersion:
    version: str
    valid_from: datetime.date
    text: str


@dataclass(frozen=True)
class DemoAgreement:
    slug: str
    kind: str
    title: str
    required_for_every_order: bool
    versions: tuple[DemoVersion, ...]


DEMO_AGREEMENTS = (
    DemoAgreement(
        slug=TERMS_OF_USE_SLUG,
        kind=AgreementKind.TERMS_OF_USE,
        title="Allgemeine Nutzungsbedingungen des OZG-Dienste-Shops",
        required_for_every_order=True,
        versions=(
            DemoVersion("1.0", datetime.date(2025, 1, 1), TERMS_OF_USE_1_0),
            DemoVersion("1.1", datetime.date(2026, 1, 1), TERMS_OF_USE_1_1),
        ),
    ),
    DemoAgreement(
        slug=ACCESSION_SLUG,
        kind=AgreementKind.ACCESSION,
        title="Beitrittserklärung zur Nachnutzung (EfA)",
        required_for_every_order=False,
        versions=(DemoVersion("1.0", datetime.date(2025, 1, 1), ACCESSION_1_0),),
    ),
    DemoAgreement(
        slug=DATA_PROCESSING_SLUG,
        kind=AgreementKind.DATA_PROCESSING,
        title="Auftragsverarbeitungsvertrag nach Art. 28 DSGVO",
        required_for_every_order=False,
        versions=(DemoVersion("1.0", datetime.date(2025, 1, 1), DATA_PROCESSING_1_0),),
    ),
    DemoAgreement(
        slug=EPAYMENT_SLUG,
        kind=AgreementKind.SERVICE_TERMS,
        title="Besondere Bedingungen ePayment",
        required_for_every_order=False,
        versions=(DemoVersion("1.0", datetime.date(2025, 1, 1), EPAYMENT_1_0),),
    ),
)


@transaction.atomic
def demo_agreements_ensure() -> dict[str, Agreement]:
    """Create the demo agreements and publish their versions; returns them by slug.

    Idempotent, by slug and version: an existing agreement gets the demo's title, kind and flag
    back; a missing version is created and published, a draft of the same number gets the demo
    text and is published; a published version is left as it is (it never changes).
    """
    agreements = {}
    for demo in DEMO_AGREEMENTS:
        agreement, _ = Agreement.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "kind": demo.kind,
                "title": demo.title,
                "required_for_every_order": demo.required_for_every_order,
            },
        )
        existing = {version.version: version for version in agreement.versions.all()}
        for demo_version in demo.versions:
            version = existing.get(demo_version.version)
            if version is not None and version.is_published:
                continue
            if version is None:
                version = AgreementVersion(agreement=agreement, version=demo_version.version)
            version.text = demo_version.text
            version.valid_from = demo_version.valid_from
            version.save()
            agreement_version_publish(version=version)
        agreements[demo.slug] = agreement
    return agreements
