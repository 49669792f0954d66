from django.db import models
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from shop.registry.selectors import registry_figures

LEGAL_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class HomePage(Page):
    """The shop's start page, served at /."""

    intro = models.TextField(
        "Einleitung",
        blank=True,
        help_text="Ein bis zwei Sätze, die sagen, was der Shop ist und für wen.",
    )
    body = RichTextField("Inhalt", blank=True, features=LEGAL_RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["registry_figures"] = registry_figures()
        return context

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"


class ServiceIndexPage(Page):
    """The catalogue of online services at /dienste/."""

    intro = models.TextField("Einleitung", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "Dienstekatalog"
        verbose_name_plural = "Dienstekataloge"


class LegalPage(Page):
    """Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit and similar texts."""

    intro = models.TextField("Einleitung", blank=True)
    body = RichTextField("Inhalt", features=LEGAL_RICH_TEXT_FEATURES)
    last_reviewed = models.DateField(
        "Stand", null=True, blank=True, help_text="Datum der letzten inhaltlichen Prüfung."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Rechtliche Seite"
        verbose_name_plural = "Rechtliche Seiten"


@register_setting(icon="link")
class LegalLinks(BaseGenericSetting):
    """The legal pages that the footer of every page links to."""

    impressum = models.ForeignKey(
        LegalPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Impressum",
    )
    privacy = models.ForeignKey(
        LegalPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Datenschutzerklärung",
    )
    accessibility = models.ForeignKey(
        LegalPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Erklärung zur Barrierefreiheit",
    )

    panels = [
        PageChooserPanel("impressum", "cms_pages.LegalPage"),
        PageChooserPanel("privacy", "cms_pages.LegalPage"),
        PageChooserPanel("accessibility", "cms_pages.LegalPage"),
    ]

    class Meta:
        verbose_name = "Rechtliche Links"
