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
