"""StreamField blocks of a service profile and of the help page; each renders accessible KERN
markup."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = "Zwischenüberschrift"
        template = "cms_pages/blocks/heading.html"


class FeatureListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label="Vorteil"), **kwargs)

    class Meta:
        icon = "list-ul"
        label = "Vorteile"
        template = "cms_pages/blocks/feature_list.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Bild")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        required=True,
        max_length=250,
        help_text="Beschreibt, was das Bild zeigt, für Menschen, die es nicht sehen können.",
    )
    caption = blocks.CharBlock(label="Bildunterschrift", required=False)

    class Meta:
        icon = "image"
        label = "Bild"
        template = "cms_pages/blocks/image.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Frage")
    answer = blocks.RichTextBlock(label="Antwort", features=TEXT_FEATURES)


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FaqItemBlock(label="Frage und Antwort"), **kwargs)

    class Meta:
        icon = "help"
        label = "Häufige Fragen"
        template = "cms_pages/blocks/faq.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokument")
    title = blocks.CharBlock(
        label="Linktext", required=False, help_text="Leer lassen für den Titel des Dokuments."
    )

    class Meta:
        icon = "doc-full"
        label = "Dokument zum Herunterladen"
        template = "cms_pages/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Art",
        choices=[("info", "Hinweis"), ("warning", "Wichtig"), ("success", "Gut zu wissen")],
        default="info",
    )
    text = blocks.RichTextBlock(label="Text", features=TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = "Hinweiskasten"
        template = "cms_pages/blocks/callout.html"


def paragraph_block() -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        label="Text", features=TEXT_FEATURES, template="cms_pages/blocks/paragraph.html"
    )


class ServiceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    feature_list = FeatureListBlock()
    image = ImageBlock()
    faq = FaqBlock()
    document = DocumentBlock()
    callout = CalloutBlock()


class HelpBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    faq = FaqBlock()
    callout = CalloutBlock()


# The onboarding checklist: one block per kind of value a Verwaltung supplies before setup. The
# page hands them to the shop as plain values (ServicePage.onboarding_field_values); a block's
# id is the field's key, so renaming a field keeps the values already supplied.


class OnboardingFieldBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Bezeichnung", max_length=255)
    help_text = blocks.CharBlock(
        label="Hilfetext", required=False, help_text="Wo die Kommune die Angabe findet."
    )
    required = blocks.BooleanBlock(
        label="Pflichtangabe",
        required=False,
        default=True,
        help_text="Ohne sie kann der Dienst nicht auf „In Umsetzung“ gesetzt werden.",
    )
    per_gemeinde = blocks.BooleanBlock(
        label="Je Gemeinde",
        required=False,
        help_text="Für jede Gemeinde der Bestellung einzeln anzugeben.",
    )

    class Meta:
        icon = "form"


class OnboardingChoiceBlock(OnboardingFieldBlock):
    choices = blocks.ListBlock(blocks.CharBlock(label="Möglichkeit"), label="Möglichkeiten")


# What an upload may be; the shop checks extension and content (shop.onboarding.definition).
UPLOAD_TYPES = [
    ("pdf", "PDF"),
    ("png", "PNG"),
    ("jpg", "JPEG"),
    ("docx", "Word (DOCX)"),
    ("xlsx", "Excel (XLSX)"),
    ("odt", "OpenDocument-Text"),
    ("ods", "OpenDocument-Tabelle"),
    ("csv", "CSV"),
    ("txt", "Text"),
    ("xml", "XML"),
    ("zip", "ZIP"),
]


class OnboardingFileBlock(OnboardingFieldBlock):
    extensions = blocks.MultipleChoiceBlock(
        label="Erlaubte Dateitypen", choices=UPLOAD_TYPES, default=["pdf"]
    )
    max_size_mb = blocks.IntegerBlock(
        label="Höchstgröße in MB", min_value=1, max_value=50, default=10
    )


class OnboardingFieldsBlock(blocks.StreamBlock):
    text = OnboardingFieldBlock(label="Text")
    email = OnboardingFieldBlock(label="E-Mail-Adresse", icon="mail")
    url = OnboardingFieldBlock(label="Internetadresse", icon="link")
    choice = OnboardingChoiceBlock(label="Auswahl", icon="list-ul")
    yesno = OnboardingFieldBlock(label="Ja/Nein", icon="tick")
    date = OnboardingFieldBlock(label="Datum", icon="date")
    file = OnboardingFileBlock(label="Datei-Upload", icon="doc-full")


class OnboardingStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Schritt", max_length=255)
    text = blocks.TextBlock(label="Beschreibung", required=False)

    class Meta:
        icon = "list-ol"
        label = "Schritt der Einrichtung"
