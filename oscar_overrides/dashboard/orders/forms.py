from collections.abc import Callable, Iterable, Iterator
from html import escape

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from shop.generations import COVERAGE_REPORT, generation_current
from shop.models import Dienst, RolloutStatus, Verwaltung, VerwaltungKind
from shop.orders.bulk import BulkFilters
from shop.orders.forms import LineStatusForm
from shop.orders.staff import OrderFilters

__all__ = ["BulkChangeForm", "BulkFilterForm", "LineStatusForm", "OrderFilterForm"]

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
INVALID_DATE = "Bitte geben Sie ein Datum als TT.MM.JJJJ an."
OPTIONS_SECONDS = 3600


class OptionsSelect(forms.Select):
    """A select written in Python. Django renders every option through a template; with the
    Land's 557 services and 181 Verwaltungen that was most of the order list's time. `options`,
    if given, yields the (value, label) pairs from the database without building model
    instances (the field's own queryset still validates the input); their HTML is kept in the
    cache for the generation COVERAGE_REPORT, which every change of a service, a Verwaltung or a
    Gemeinde ends (shop.receivers)."""

    def __init__(self, attrs=None, choices=(), options: Callable[[], Iterable] | None = None):
        super().__init__(attrs, choices)
        self.options = options

    def _options_html(self, name: str) -> str:
        def written(choices) -> str:
            return "".join(
                f'<option value="{escape(str(option))}">{escape(str(label))}</option>'
                for option, label in choices
            )

        if not self.options:
            return written(self.choices)
        key = f"order-filter-options:{name}:{generation_current(name=COVERAGE_REPORT)}"
        html = cache.get(key)
        if html is None:
            html = written([("", "alle"), *self.options()])
            cache.set(key, html, OPTIONS_SECONDS)
        return html

    def render(self, name, value, attrs=None, renderer=None):
        options = self._options_html(name)
        for selected in self.format_value(value):
            tag = f'<option value="{escape(str(selected))}">'
            options = options.replace(tag, f"{tag[:-1]} selected>", 1)
        final_attrs = flatatt(self.build_attrs(self.attrs, attrs))
        # Every value and label is escaped above (html.escape, as Django's escape does).
        safe_options = mark_safe(options)  # noqa: S308
        return format_html('<select name="{}"{}>{}</select>', name, final_attrs, safe_options)


class PythonInput:
    """An <input> written in Python, as Django's input.html writes it (type, name, the value
    unless there is none, then the attributes): the order list renders its filter form on every
    request, and Django's template for each input cost about 500 function calls."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        attributes = {"type": widget["type"], "name": widget["name"]}
        if widget["value"] is not None:
            attributes["value"] = str(widget["value"])
        return format_html("<input{}>", flatatt({**attributes, **widget["attrs"]}))


class TextInput(PythonInput, forms.TextInput):
    pass


class CheckboxInput(PythonInput, forms.CheckboxInput):
    pass


def _verwaltung_options(verwaltungen) -> Iterator[tuple[int, str]]:
    """As str(Verwaltung): "name (kind)"."""
    kinds = dict(VerwaltungKind.choices)
    for pk, name, kind in verwaltungen.values_list("pk", "name", "kind"):
        yield pk, f"{name} ({kinds.get(kind, kind)})"


def _model_filter_field(*, label: str, queryset, options, missing: str) -> forms.ModelChoiceField:
    """An optional filter by one object: "alle" first, then `options(queryset)` as (pk, label)
    pairs, which the select writes without building a model instance per option."""
    return forms.ModelChoiceField(
        label=label,
        required=False,
        queryset=queryset,
        empty_label="alle",
        widget=OptionsSelect(options=lambda: options(queryset.all())),
        error_messages={"invalid_choice": missing},
    )


class OrderFilterForm(forms.Form):
    """The order list's filters (GET). Invalid values are reported and the list stays
    unfiltered by them."""

    text = forms.CharField(
        label="Suche",
        required=False,
        max_length=100,
        widget=TextInput,
        help_text="Bestellnummer, Name der Verwaltung, Regionalschlüssel, AGS oder ARS",
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "alle"), *list(RolloutStatus.choices)],
        widget=OptionsSelect,
        error_messages={"invalid_choice": "Diesen Status gibt es nicht."},
    )
    verwaltung = _model_filter_field(
        label="Verwaltung",
        queryset=Verwaltung.objects.order_by("name", "pk"),
        options=_verwaltung_options,
        missing="Diese Verwaltung gibt es nicht.",
    )
    kreis = _model_filter_field(
        label="Kreis",
        queryset=Verwaltung.objects.kreis_level().order_by("name", "pk"),
        options=_verwaltung_options,
        missing="Diesen Kreis gibt es nicht.",
    )
    dienst = _model_filter_field(
        label="Dienst",
        queryset=Dienst.objects.order_by("title", "pk"),
        options=lambda dienste: dienste.values_list("pk", "title"),
        missing="Diesen Dienst gibt es nicht.",
    )
    date_from = forms.DateField(
        label="bestellt ab",
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": INVALID_DATE},
    )
    date_to = forms.DateField(
        label="bestellt bis",
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": INVALID_DATE},
    )
    start_due = forms.BooleanField(
        label="nur fällige Starttermine", required=False, widget=CheckboxInput
    )
    unread = forms.BooleanField(
        label="nur mit ungelesenen Rückfragen", required=False, widget=CheckboxInput
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "Das Ende liegt vor dem Anfang.")
        return cleaned

    def filters(self) -> OrderFilters:
        """What is valid of the input; invalid fields filter nothing."""
        data = self.cleaned_data if self.is_bound else {}
        return OrderFilters(
            text=data.get("text") or "",
            status=data.get("status") or "",
            verwaltung=data.get("verwaltung"),
            kreis=data.get("kreis"),
            dienst=data.get("dienst"),
            date_from=data.get("date_from") if "date_to" not in self.errors else None,
            date_to=data.get("date_to"),
            start_due=bool(data.get("start_due")),
            unread=bool(data.get("unread")),
        )


class BulkFilterForm(OrderFilterForm):
    """Which lines the bulk rollout page lists (GET): the order list's filters by service,
    current status, Kreis and Verwaltung. Invalid values are reported and filter nothing."""

    field_order = ("dienst", "status", "kreis", "verwaltung")
    text = date_from = date_to = start_due = unread = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].label = "Aktueller Status"

    def filters(self) -> BulkFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return BulkFilters(
            dienst=data.get("dienst"),
            status=data.get("status") or "",
            kreis=data.get("kreis"),
            verwaltung=data.get("verwaltung"),
        )


class BulkChangeForm(LineStatusForm):
    """The new status for the selected lines (POST), as for one order; the addresses per line
    are posted as `url_<line id>`, or uploaded as CSV."""

    service_url = None
    csv_file = forms.FileField(
        label="Adressen als CSV (Regionalschlüssel; URL – statt der Felder je Position)",
        required=False,
    )
