from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Orderable, Page
from wagtail.search import index

from shop.models import Dienst
from shop.models.fields import ResponsibleKindsField, availability_field

from .blocks import HelpBodyBlock, OnboardingFieldsBlock, OnboardingStepBlock, ServiceBodyBlock
from .caching import generation_cached, view_restrictions_exist
from .choices import Reifegrad, ServiceType, TransportRoute, Vertrauensniveau
from .forms import ServicePageForm
from .page_context import page_context
from .panels import GermanMultipleChooserPanel, InterestCountPanel
from .profile_fields import CATALOGUE_FILTERS, PROFILE_FIELDS, wagtail_api_fields

LEGAL_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class PublicPageMixin:
    """Serving a public page in fewer queries (docs/performance.md):

    - Routing to a child loads it with its specific fields in one query (a join over the page
      types allowed below this one) instead of Wagtail's two (the generic page, then
      `.specific`); a child of another type still gets `.specific`. The child found is kept
      per worker until the generation of the public pages changes (cms_pages.caching: a page
      published, unpublished, moved or deleted starts a new one), so a worker routes a page
      it has served before without a query; an unknown slug is looked up every time.
    - The check for view restrictions costs no query while no page has one (cached per
      generation of the page cache, which a change of a restriction starts).
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child_slug, remaining = path_components[0], path_components[1:]
        child = generation_cached(
            "child-page", (self.pk, child_slug), lambda: self._specific_child(child_slug), request
        )
        child._cached_parent_obj = self
        return child.route(request, remaining)

    def _specific_child(self, child_slug: str) -> Page:
        child_models = [
            model
            for model in self.specific_class.allowed_subpage_models()
            if Page in model._meta.parents
        ]
        children = self.get_children().filter(slug=child_slug)
        if child_models:
            children = children.select_related(*(m._meta.model_name for m in child_models))
        try:
            child = children.get()
        except Page.DoesNotExist as error:
            raise Http404 from error
        specific = None
        for model in child_models:
            if child.content_type_id == ContentType.objects.get_for_model(model).pk:
                specific = getattr(child, model._meta.model_name)
                break
        if specific is None:
            specific = child.specific
        return specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(page=self, request=request))
        return context

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(PublicPageMixin, Page):
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

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"


class ServiceIndexPage(PublicPageMixin, Page):
    """The catalogue of online services at /dienste/: search, filters, sorting, pagination."""

    intro = models.TextField("Einleitung", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.ServicePage"]
    max_count = 1

    class Meta:
        verbose_name = "Dienstekatalog"
        verbose_name_plural = "Dienstekataloge"


class LegalPage(PublicPageMixin, Page):
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


class HelpPage(PublicPageMixin, Page):
    """Hilfe (e.g. /hilfe/): how to register, order and follow an order, as questions and
    answers; linked from the navigation and the footer."""

    intro = models.TextField("Einleitung", blank=True)
    body = StreamField(HelpBodyBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "Hilfeseite"
        verbose_name_plural = "Hilfeseiten"


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


class ServicePage(PublicPageMixin, Page):
    """The profile (Steckbrief) of one online service: the source of truth for the service."""

    short_description = models.TextField(
        "Kurzbeschreibung",
        max_length=300,
        help_text="Ein bis zwei Sätze: was der Dienst leistet und für wen.",
    )
    body = StreamField(ServiceBodyBlock(), verbose_name="Beschreibung", blank=True)
    service_type = models.CharField(
        "Art des Dienstes", max_length=30, choices=ServiceType.choices, db_index=True
    )
    provider = models.CharField("Anbieter", max_length=200)
    operating_model = models.CharField("Betriebsmodell", max_length=300, blank=True)
    reifegrad = models.PositiveSmallIntegerField(
        "OZG-Reifegrad",
        choices=Reifegrad.choices,
        default=Reifegrad.ONLINE,
        validators=[MaxValueValidator(4)],
        db_index=True,
    )
    availability = availability_field(db_index=True)
    requires_servicekonto = models.BooleanField("Servicekonto nötig", default=False)
    requires_postfach = models.BooleanField("Postfach nötig", default=False)
    requires_epayment = models.BooleanField("E-Payment nötig", default=False)
    transport_route = models.CharField(
        "Transportweg", max_length=20, choices=TransportRoute.choices, default=TransportRoute.NONE
    )
    requires_dvdv_entry = models.BooleanField("DVDV-Eintrag nötig", default=False)
    vertrauensniveau = models.CharField(
        "Vertrauensniveau",
        max_length=20,
        choices=Vertrauensniveau.choices,
        default=Vertrauensniveau.NONE,
    )
    fachverfahren_interface = models.CharField(
        "Schnittstelle zum Fachverfahren", max_length=300, blank=True
    )
    cost = models.CharField("Kosten", max_length=200, default="kostenfrei für Kommunen")
    responsible_kinds = ResponsibleKindsField(
        "Zuständig",
        help_text="Welche Arten von Verwaltungen den Dienst bestellen dürfen (z. B. i-Kfz nur "
        "Kreise und kreisfreie Städte). Nichts angekreuzt: alle Verwaltungen.",
    )
    featured = models.BooleanField("Auf der Startseite hervorheben", default=False, db_index=True)
    onboarding_fields = StreamField(
        OnboardingFieldsBlock(),
        verbose_name="Benötigte Angaben der Kommune",
        blank=True,
        help_text="Was die Kommune nach der Bestellung unter „Meine Dienste“ angibt, bevor der "
        "Dienst eingerichtet wird (z. B. Eintrag im Zuständigkeitsfinder, DVDV-/OSCI-Adresse, "
        "Fachverfahren, Testzugang).",
    )
    onboarding_steps = StreamField(
        [("step", OnboardingStepBlock())],
        verbose_name="Schritte der Einrichtung",
        blank=True,
        help_text="Die Schritte, die das Umsetzungsteam bei der Einrichtung durchgeht.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_description"),
        FieldPanel("body"),
        GermanMultipleChooserPanel(
            "ozg_links",
            heading="OZG-Leistungen",
            label="OZG-Leistung",
            chooser_field_name="ozg_leistung",
            min_num=1,
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("service_type"), FieldPanel("availability")]),
                FieldRowPanel([FieldPanel("provider"), FieldPanel("operating_model")]),
                FieldRowPanel([FieldPanel("reifegrad"), FieldPanel("cost")]),
                FieldPanel("responsible_kinds"),
                FieldPanel("featured"),
            ],
            heading="Einordnung",
        ),
        InterestCountPanel(heading="Interesse der Verwaltungen"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("requires_servicekonto"),
                        FieldPanel("requires_postfach"),
                        FieldPanel("requires_epayment"),
                        FieldPanel("requires_dvdv_entry"),
                    ]
                ),
                FieldRowPanel([FieldPanel("transport_route"), FieldPanel("vertrauensniveau")]),
                FieldPanel("fachverfahren_interface"),
            ],
            heading="Voraussetzungen",
        ),
        GermanMultipleChooserPanel(
            "agreement_links",
            heading="Erforderliche Vereinbarungen",
            label="Vereinbarung",
            chooser_field_name="agreement",
            help_text="Zusätzlich zu den Vereinbarungen, die jede Bestellung braucht "
            "(Allgemeine Nutzungsbedingungen).",
        ),
        InlinePanel("contacts", heading="Ansprechpersonen", label="Ansprechperson"),
        MultiFieldPanel(
            [FieldPanel("onboarding_fields"), FieldPanel("onboarding_steps")],
            heading="Checkliste zur Einrichtung",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("body"),
        index.SearchField("provider"),
        index.SearchField("search_ozg_ids"),
        index.SearchField("search_leika_keys"),
        index.SearchField("search_ozg_names"),
        *(index.FilterField(f.field) for f in CATALOGUE_FILTERS if f.field and not f.many),
    ]

    api_fields = wagtail_api_fields(PROFILE_FIELDS)

    parent_page_types = ["cms_pages.ServiceIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ServicePageForm

    class Meta:
        verbose_name = "Dienst-Steckbrief"
        verbose_name_plural = "Dienst-Steckbriefe"

    @property
    def ozg_ids(self) -> list[str]:
        return [link.ozg_leistung.ozg_id for link in self.ozg_links.all()]

    @property
    def leika_keys(self) -> list[str]:
        return sorted(
            {
                leika.key
                for link in self.ozg_links.all()
                for leika in link.ozg_leistung.leika_leistungen.all()
                if leika.key
            }
        )

    @property
    def lagen(self):
        return list(
            {
                link.ozg_leistung.lage_id: link.ozg_leistung.lage for link in self.ozg_links.all()
            }.values()
        )

    @property
    def themenfelder(self):
        return list({lage.themenfeld_id: lage.themenfeld for lage in self.lagen}.values())

    @property
    def required_agreement_ids(self) -> list[int]:
        return [link.agreement_id for link in self.agreement_links.all()]

    def onboarding_field_values(self) -> list[dict]:
        """The checklist as plain values for the shop (shop.onboarding.definition)."""
        return [
            {
                "key": child.id,
                "type": child.block_type,
                "label": child.value["label"],
                "help_text": child.value["help_text"],
                "required": child.value["required"],
                "per_gemeinde": child.value["per_gemeinde"],
                "choices": list(child.value.get("choices") or ()),
                "extensions": list(child.value.get("extensions") or ()),
                "max_size_mb": child.value.get("max_size_mb") or 0,
            }
            for child in self.onboarding_fields
        ]

    def onboarding_step_values(self) -> list[dict]:
        return [
            {"title": child.value["title"], "text": child.value["text"]}
            for child in self.onboarding_steps
        ]

    def search_ozg_ids(self) -> str:
        return " ".join(self.ozg_ids)

    def search_leika_keys(self) -> str:
        return " ".join(self.leika_keys)

    def search_ozg_names(self) -> str:
        return " ".join(link.ozg_leistung.name for link in self.ozg_links.all())

    def shop_dienst(self) -> Dienst | None:
        """The shop's service of the profile (none before its first publication), read once per
        instance: a listing sets it for all its pages at once (cms_pages.api), and a page that
        routing keeps for a generation (PublicPageMixin) keeps it too; the service changes only
        when the page is published or unpublished, which starts a new generation."""
        if not self.pk:
            return None
        if "_listed_dienst" not in self.__dict__:
            self._listed_dienst = Dienst.objects.filter(page_id=self.pk).first()
        return self._listed_dienst

    @property
    def product_id(self) -> int | None:
        dienst = self.shop_dienst()
        return dienst.product_id if dienst else None

    @property
    def is_orderable(self) -> bool:
        dienst = self.shop_dienst()
        return bool(dienst and dienst.is_orderable)


class ServicePageOzgLeistung(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="ozg_links")
    ozg_leistung = models.ForeignKey(
        "shop.OzgLeistung",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="OZG-Leistung",
    )

    panels = [FieldPanel("ozg_leistung")]

    class Meta(Orderable.Meta):
        # No unique constraint on (page, ozg_leistung): modelcluster inserts new rows before it
        # deletes removed ones, so removing and re-adding a Leistung would collide.
        # ServicePageForm refuses duplicates instead.
        verbose_name = "OZG-Leistung"
        verbose_name_plural = "OZG-Leistungen"


class ServicePageAgreement(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="agreement_links")
    agreement = models.ForeignKey(
        "shop.Agreement",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Vereinbarung",
    )

    panels = [FieldPanel("agreement")]

    class Meta(Orderable.Meta):
        verbose_name = "erforderliche Vereinbarung"
        verbose_name_plural = "erforderliche Vereinbarungen"


class ServicePageContact(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField("Rolle", max_length=100)
    name = models.CharField("Name oder Team", max_length=200)
    email = models.EmailField("E-Mail")
    phone = models.CharField("Telefon", max_length=50, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Ansprechperson"
        verbose_name_plural = "Ansprechpersonen"


class NewsIndexPage(PublicPageMixin, Page):
    """The news of the shop (e.g. /neuigkeiten/): its NewsPage children, newest first."""

    intro = models.TextField("Einleitung", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.NewsPage"]
    max_count = 1

    PAGE_SIZE = 10
    PAGE_PARAMETER = "seite"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-date", "-first_published_at", "-pk")
        )
        context["news"] = Paginator(news, self.PAGE_SIZE).get_page(
            request.GET.get(self.PAGE_PARAMETER)
        )
        context["page_parameter"] = self.PAGE_PARAMETER
        return context

    class Meta:
        verbose_name = "Neuigkeiten-Übersicht"
        verbose_name_plural = "Neuigkeiten-Übersichten"


class NewsPage(PublicPageMixin, Page):
    """One piece of news from the ITVSH editors."""

    date = models.DateField("Datum", default=timezone.localdate, db_index=True)
    intro = models.TextField(
        "Einleitung", max_length=500, help_text="Ein bis zwei Sätze für die Übersicht."
    )
    body = RichTextField("Inhalt", blank=True, features=LEGAL_RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("date"), APIField("intro"), APIField("body")]

    parent_page_types = ["cms_pages.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Neuigkeit"
        verbose_name_plural = "Neuigkeiten"


class SecondPersonApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's approval by a group, in which nobody decides on what she submitted herself: the
    submitter is offered neither "Freigeben" nor "Änderungen anfordern", a forged request is
    refused by Wagtail, and her own submissions are not in her list of pages to review."""

    @staticmethod
    def _submitted_by(obj, user) -> bool:
        state = obj.current_workflow_state
        return state is not None and state.requested_by_id == user.pk

    def get_actions(self, obj, user):
        if self._submitted_by(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
        )

    @classmethod
    def get_description(cls):
        return (
            "Mitglieder der gewählten Gruppen geben frei; nicht die Person, "
            "die zur Freigabe eingereicht hat."
        )

    class Meta:
        verbose_name = "Freigabe durch eine zweite Person"
        verbose_name_plural = "Freigaben durch eine zweite Person"
