"""Text of the help page that page_tree_ensure creates once; editors change it in Wagtail.

Wagtail rich text (stored HTML) in the help page's blocks: questions and answers grouped under
headings, as the StreamField HelpBodyBlock takes them.
"""

HELP_TITLE = "Hilfe"
HELP_SLUG = "hilfe"
HELP_INTRO = (
    "Antworten auf die häufigsten Fragen: wie Sie sich registrieren, Dienste bestellen und die "
    "Einrichtung verfolgen, und an wen Sie sich wenden."
)

HELP_BODY = (
    ("heading", "Registrieren"),
    (
        "faq",
        (
            (
                "Wer kann im OZG-Dienste-Shop bestellen?",
                "<p>Beschäftigte der Kommunen in Schleswig-Holstein: der Ämter, amtsfreien "
                "Gemeinden, Kreise und kreisfreien Städte. Bestellt wird immer für eine "
                "Verwaltung, nicht für eine einzelne Person. Alle Dienste sind für die Kommunen "
                "kostenfrei.</p>",
            ),
            (
                "Wie registriere ich mich?",
                "<p>Unter „Registrieren“ geben Sie Ihren Namen, Ihre dienstliche "
                "E-Mail-Adresse und ein Passwort an, wählen Ihre Verwaltung und ob Sie für sie "
                "bestellen oder nur lesen möchten. Danach erhalten Sie eine E-Mail mit einem "
                "Link, mit dem Sie Ihre E-Mail-Adresse bestätigen. Erst dann können Sie sich "
                "anmelden.</p>",
            ),
            (
                "Warum kann ich nach der Anmeldung noch nicht bestellen?",
                "<p>Der ITVSH prüft, ob Sie für die gewählte Verwaltung handeln dürfen, und "
                "bestätigt Ihre Mitgliedschaft. Bis dahin sehen Sie unter „Meine Verwaltungen“ "
                "den Stand „beantragt“. Bestellen können Mitglieder mit der Rolle "
                "„bestellberechtigt“; Mitglieder mit der Rolle „lesend“ sehen die Bestellungen "
                "ihrer Verwaltung, bestellen aber nicht.</p>",
            ),
            (
                "Ich arbeite für mehrere Verwaltungen. Was tue ich?",
                "<p>Unter „Meine Verwaltungen“ beantragen Sie die Mitgliedschaft für jede "
                "weitere Verwaltung. Bei jeder Bestellung wählen Sie dann, für welche Verwaltung "
                "Sie bestellen.</p>",
            ),
        ),
    ),
    ("heading", "Bestellen"),
    (
        "faq",
        (
            (
                "Wie bestelle ich einen Dienst?",
                "<p>Im Dienstekatalog finden Sie jeden Dienst mit seinem Steckbrief. Legen Sie "
                "die gewünschten Dienste in den Warenkorb und gehen Sie zur Kasse. Dort wählen "
                "Sie Ihre Verwaltung und, bei einem Amt, die Gemeinden, für die der Dienst "
                "eingerichtet werden soll, nennen die Ansprechpersonen und den gewünschten "
                "Starttermin und nehmen die Vereinbarungen an, die der Dienst verlangt. Auf der "
                "Übersicht prüfen Sie alles und schicken die Bestellung ab.</p>",
            ),
            (
                "Welche Vereinbarungen nehme ich an?",
                "<p>Jede Bestellung setzt die Allgemeinen Nutzungsbedingungen voraus; je nach "
                "Dienst kommen etwa die Beitrittserklärung zu einem EfA-Dienst oder ein "
                "Auftragsverarbeitungsvertrag hinzu. Mit der Annahme entfällt eine gesonderte "
                "Nachnutzungsvereinbarung mit jedem Anbieter. Welche Fassung Sie wann angenommen "
                "haben, steht bei jeder Bestellung.</p>",
            ),
            (
                "Warum kann ich einen Dienst nicht in den Warenkorb legen?",
                "<p>Ein Dienst wird für jede Gemeinde nur einmal bestellt. Ist er für alle "
                "Gemeinden Ihrer Verwaltung schon bestellt oder eingerichtet, auch von einer "
                "Kollegin oder einem Kollegen, ist keine weitere Bestellung nötig. Sie finden "
                "ihn dann unter „Meine Dienste“.</p>",
            ),
        ),
    ),
    ("heading", "Nach der Bestellung"),
    (
        "faq",
        (
            (
                "Was passiert nach dem Absenden?",
                "<p>Sie und das Funktionspostfach Ihrer Verwaltung erhalten eine "
                "Bestätigung per E-Mail. Das Umsetzungsteam prüft die Bestellung und richtet "
                "den Dienst für Ihre Gemeinden ein. Die Stufen heißen „Eingegangen“, „In "
                "Prüfung“, „In Umsetzung“, „Im Test“ und „Live“. Bei jedem Schritt erhalten die "
                "Ansprechpersonen eine E-Mail.</p>",
            ),
            (
                "Wo sehe ich, wie weit die Einrichtung ist?",
                "<p>Unter „Meine Dienste“ sehen alle Mitglieder Ihrer Verwaltung jeden "
                "bestellten Dienst mit seinem Stand und, sobald er live ist, die Adresse, unter "
                "der Ihre Bürgerinnen und Bürger ihn erreichen.</p>",
            ),
            (
                "Was bedeutet „Abgelehnt“ oder „Storniert“?",
                "<p>Das Umsetzungsteam nennt Ihnen den Grund in der E-Mail und bei der "
                "Bestellung. Danach können Sie den Dienst für dieselben Gemeinden erneut "
                "bestellen.</p>",
            ),
        ),
    ),
    ("heading", "Kontakt"),
    (
        "faq",
        (
            (
                "Ich habe eine Frage zu einer Bestellung.",
                "<p>Stellen Sie Ihre Frage direkt bei der Bestellung unter „Meine Dienste“. "
                "Sie geht an das Umsetzungsteam, und die Antwort steht dort für alle Mitglieder "
                "Ihrer Verwaltung.</p>",
            ),
            (
                "An wen wende ich mich sonst?",
                "<p>Bei Fragen zum OZG-Dienste-Shop, zur Registrierung und zu den Diensten "
                "schreiben Sie an "
                '<a href="mailto:ozg-shop@itvsh.de">ozg-shop@itvsh.de</a>. Allgemeine Fragen '
                "an den IT-Verbund Schleswig-Holstein: "
                '<a href="mailto:info@itvsh.de">info@itvsh.de</a>.</p>',
            ),
        ),
    ),
)
