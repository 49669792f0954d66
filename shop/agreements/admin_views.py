"""Agreements in the Wagtail admin, menu "Vereinbarungen": the agreements and their versions.

Editors write a version as a draft, edit it as long as it is one, and publish it ("Jetzt
veröffentlichen" in the form, which calls agreement_version_publish). A published version opens
read-only (inspect view) and is never edited or deleted, by nobody, superusers included: the
permission policy refuses it per instance, and the edit and delete views send such a request to
the inspect view. A change is a new version ("Kopieren" prefills one from an existing version).
Acceptance records have no place here on purpose.

Registered from shop/wagtail_hooks.py with `register_snippet(AgreementViewSetGroup)`.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.db.models import Exists, OuterRef, Q, Subquery
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.rich_text import RichText
from wagtail.snippets.views.snippets import (
    CopyView,
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from shop.agreements.selectors import agreement_current_version
from shop.agreements.services import (
    agreement_version_check_publishable,
    agreement_version_publish,
)
from shop.models import Agreement, AgreementVersion

# What the text editor offers: plain structure, no links (a stored internal link would need
# expanding before it could be shown, and the text is evidence as stored).
AGREEMENT_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul"]

PUBLISHED_READ_ONLY = (
    "Version {version} ist veröffentlicht und kann weder geändert noch gelöscht werden. "
    "Für eine Änderung legen Sie bitte eine neue Version an."
)
AGREEMENT_WITH_VERSIONS = (
    "Die Vereinbarung „{title}“ hat Versionen und kann deshalb nicht gelöscht werden."
)
WRITE_ACTIONS = frozenset({"change", "delete"})


# == Permission policies ==


class RestrictedPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, except that nobody may take the `restricted_actions` on an
    instance that `is_restricted`; the instances that are not match `unrestricted`."""

    restricted_actions: frozenset[str]
    unrestricted: Q

    def is_restricted(self, instance) -> bool:
        raise NotImplementedError

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if action in self.restricted_actions and self.is_restricted(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= self.restricted_actions:
            instances = instances.filter(self.unrestricted)
        return instances

    def users_with_any_permission_for_instance(self, actions, instance):
        actions = set(actions)
        if self.is_restricted(instance):
            actions -= self.restricted_actions
        return self.users_with_any_permission(actions)


class AgreementVersionPermissionPolicy(RestrictedPermissionPolicy):
    """Nobody changes or deletes a published version."""

    restricted_actions = WRITE_ACTIONS
    unrestricted = Q(published_at__isnull=True)

    def is_restricted(self, instance) -> bool:
        return instance.is_published


class AgreementPermissionPolicy(RestrictedPermissionPolicy):
    """An agreement with versions is never deleted (its versions protect it; the published
    ones are evidence)."""

    restricted_actions = frozenset({"delete"})
    unrestricted = Q(versions__isnull=True)

    def is_restricted(self, instance) -> bool:
        return _has_versions(instance)


def _has_versions(agreement: Agreement) -> bool:
    annotated = getattr(agreement, "has_versions", None)
    if annotated is not None:
        return annotated
    return agreement.pk is not None and agreement.versions.exists()


# Wagtail 8 looks permission policies up in a registry: register before anything asks for the
# policy of these models, which would fix the default one.
register_permission_policy(Agreement, AgreementPermissionPolicy(Agreement))
register_permission_policy(AgreementVersion, AgreementVersionPermissionPolicy(AgreementVersion))


# == Agreements ==


class AgreementIndexView(IndexView):
    def get_delete_url(self, instance):
        if instance.has_versions:
            return None
        return super().get_delete_url(instance)


class AgreementInspectView(InspectView):
    labels = {"current_version": "Aktuelle Version", "versions": "Versionen"}

    def get_field_label(self, field_name, field) -> str:
        return self.labels.get(field_name) or super().get_field_label(field_name, field)

    def get_required_for_every_order_display_value(self):
        return "ja" if self.object.required_for_every_order else "nein"

    def get_current_version_display_value(self):
        current = agreement_current_version(agreement=self.object)
        if current is None:
            return "noch keine veröffentlichte Version"
        return f"{current.version}, gültig ab {date_format(current.valid_from, 'd.m.Y')}"

    def get_versions_display_value(self):
        versions = list(self.object.versions.order_by("-valid_from", "-pk"))
        add_url = reverse(AgreementVersionViewSet.url_namespace_for("add"))
        add_link = format_html(
            '<a class="button button-small button-secondary" href="{}?agreement={}">'
            "Neue Version anlegen</a>",
            add_url,
            self.object.pk,
        )
        if not versions:
            return format_html("<p>Noch keine Version.</p>{}", add_link)
        items = format_html_join(
            "",
            '<li><a href="{}">Version {}</a>, gültig ab {} – {}</li>',
            (
                (
                    _version_url(version),
                    version.version,
                    date_format(version.valid_from, "d.m.Y"),
                    _status_label(version),
                )
                for version in versions
            ),
        )
        return format_html("<ul>{}</ul>{}", items, add_link)

    def get_delete_url(self):
        if _has_versions(self.object):
            return None
        return super().get_delete_url()


class AgreementDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if _has_versions(self.object):
            messages.warning(request, AGREEMENT_WITH_VERSIONS.format(title=self.object.title))
            return redirect(self.inspect_url_for(self.object))
        return super().dispatch(request, *args, **kwargs)

    def inspect_url_for(self, agreement: Agreement) -> str:
        return reverse(AgreementViewSet.url_namespace_for("inspect"), args=(quote(agreement.pk),))


class YesNo:
    """A truth value that reads "ja" or "nein" (BooleanColumn titles its icon with str(value))."""

    def __init__(self, value: bool):
        self.value = bool(value)

    def __bool__(self) -> bool:
        return self.value

    def __str__(self) -> str:
        return "ja" if self.value else "nein"


class GermanBooleanColumn(BooleanColumn):
    def get_value(self, instance):
        return YesNo(super().get_value(instance))


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = "Vereinbarungen"
    index_view_class = AgreementIndexView
    inspect_view_class = AgreementInspectView
    delete_view_class = AgreementDeleteView
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "kind",
        "slug",
        "required_for_every_order",
        "current_version",
        "versions",
    ]
    copy_view_enabled = False
    list_display = [
        "title",
        "kind",
        GermanBooleanColumn("required_for_every_order", label="für jede Bestellung"),
        Column("current_version", label="Aktuelle Version", sort_key="current_version"),
    ]
    list_filter = ["kind", "required_for_every_order"]
    search_fields = ["title", "slug"]
    list_per_page = 50
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("required_for_every_order"),
    ]

    @classmethod
    def url_namespace_for(cls, view: str) -> str:
        return f"wagtailsnippets_shop_agreement:{view}"

    def get_queryset(self, request):
        current = (
            AgreementVersion.objects.filter(
                agreement=OuterRef("pk"),
                published_at__isnull=False,
                valid_from__lte=timezone.localdate(),
            )
            .order_by("-valid_from", "-published_at", "-pk")
            .values("version")[:1]
        )
        return Agreement.objects.annotate(
            current_version=Subquery(current),
            has_versions=Exists(AgreementVersion.objects.filter(agreement=OuterRef("pk"))),
        )


# == Versions ==


def _status_label(version: AgreementVersion) -> str:
    if version.is_published:
        return f"veröffentlicht am {date_format(timezone.localtime(version.published_at), 'd.m.Y')}"
    return "Entwurf"


def _version_url(version: AgreementVersion) -> str:
    view = "inspect" if version.is_published else "edit"
    return reverse(AgreementVersionViewSet.url_namespace_for(view), args=(quote(version.pk),))


class AgreementVersionForm(WagtailAdminModelForm):
    publish_now = forms.BooleanField(
        label="Jetzt veröffentlichen",
        required=False,
        help_text=(
            "Eine veröffentlichte Version kann nicht mehr geändert oder gelöscht werden; "
            "Bestellungen nehmen ab „gültig ab“ diese Version an."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("publish_now"):
            candidate = AgreementVersion(
                pk=self.instance.pk,
                agreement=cleaned_data.get("agreement"),
                valid_from=cleaned_data.get("valid_from"),
            )
            agreement_version_check_publishable(version=candidate)
        return cleaned_data


class PublishOnSaveMixin:
    """Saves the draft, then publishes it through the service if "Jetzt veröffentlichen" was
    ticked; both in the view's transaction."""

    def save_instance(self):
        instance = super().save_instance()
        if self.form.cleaned_data.get("publish_now"):
            instance = agreement_version_publish(version=instance)
        return instance

    def get_success_message(self, *args):
        version = self.object
        if version.is_published:
            return f"„{version}“ ist veröffentlicht."
        return f"„{version}“ ist als Entwurf gespeichert."


class AgreementVersionCreateView(PublishOnSaveMixin, CreateView):
    def get_initial(self):
        initial = super().get_initial()
        agreement = self.request.GET.get("agreement", "")
        if agreement.isdigit():
            initial["agreement"] = agreement
        return initial


class AgreementVersionCopyView(AgreementVersionCreateView, CopyView):
    """Prefills a new draft with another version's values (posted to the create view)."""

    def get_initial_form_instance(self):
        original = self.get_object()
        return AgreementVersion(
            agreement=original.agreement,
            version="",
            text=original.text,
            pdf=original.pdf,
            valid_from=original.valid_from,
        )


class RedirectPublishedMixin:
    """A published version is answered with its inspect view and a message, before the view
    looks at permissions or forms: nothing in it can be changed."""

    def dispatch(self, request, *args, **kwargs):
        if self.object.is_published:
            messages.warning(request, PUBLISHED_READ_ONLY.format(version=self.object.version))
            return redirect(
                reverse(
                    AgreementVersionViewSet.url_namespace_for("inspect"),
                    args=(quote(self.object.pk),),
                )
            )
        return super().dispatch(request, *args, **kwargs)


class AgreementVersionEditView(RedirectPublishedMixin, PublishOnSaveMixin, EditView):
    pass


class AgreementVersionDeleteView(RedirectPublishedMixin, DeleteView):
    pass


class AgreementVersionIndexView(IndexView):
    def get_edit_url(self, instance):
        return None if instance.is_published else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if instance.is_published else super().get_delete_url(instance)


class AgreementVersionInspectView(InspectView):
    labels = {"status": "Status"}

    def get_field_label(self, field_name, field) -> str:
        return self.labels.get(field_name) or super().get_field_label(field_name, field)

    def get_status_display_value(self):
        return _status_label(self.object)

    def get_text_display_value(self):
        # Written in the admin's rich text editor (or by demo_agreements_ensure): stored HTML,
        # shown as the municipalities see it.
        return format_html('<div class="agreement-text">{}</div>', RichText(self.object.text))

    def get_pdf_display_value(self):
        pdf = self.object.pdf
        return format_html('<a href="{}">{}</a>', pdf.url, pdf.title) if pdf else "–"

    def get_edit_url(self):
        return None if self.object.is_published else super().get_edit_url()

    def get_delete_url(self):
        return None if self.object.is_published else super().get_delete_url()


class AgreementVersionViewSet(SnippetViewSet):
    model = AgreementVersion
    icon = "doc-full-inverse"
    menu_label = "Versionen"
    index_view_class = AgreementVersionIndexView
    add_view_class = AgreementVersionCreateView
    copy_view_class = AgreementVersionCopyView
    edit_view_class = AgreementVersionEditView
    delete_view_class = AgreementVersionDeleteView
    inspect_view_class = AgreementVersionInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "agreement",
        "version",
        "valid_from",
        "status",
        "text_sha256",
        "pdf",
        "text",
    ]
    list_display = [
        "__str__",
        "version",
        Column(
            "valid_from",
            label="gültig ab",
            accessor=lambda version: date_format(version.valid_from, "d.m.Y"),
            sort_key="valid_from",
        ),
        StatusTagColumn(
            "status",
            label="Status",
            accessor=_status_label,
            primary=lambda version: version.is_published,
            sort_key="published_at",
        ),
    ]
    list_filter = ["agreement", "agreement__kind"]
    search_fields = ["agreement__title", "version"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("agreement"),
            FieldPanel("version"),
            FieldPanel("valid_from"),
            FieldPanel("text", widget=DraftailRichTextArea(features=AGREEMENT_TEXT_FEATURES)),
            FieldPanel("pdf"),
            FieldPanel("publish_now"),
        ],
        base_form_class=AgreementVersionForm,
    )

    @classmethod
    def url_namespace_for(cls, view: str) -> str:
        return f"wagtailsnippets_shop_agreementversion:{view}"

    def get_queryset(self, request):
        return AgreementVersion.objects.select_related("agreement")


class AgreementViewSetGroup(SnippetViewSetGroup):
    items = (AgreementViewSet, AgreementVersionViewSet)
    menu_label = "Vereinbarungen"
    menu_icon = "doc-full"
    menu_order = 310
