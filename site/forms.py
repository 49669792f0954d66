"""The project's form renderer (settings.FORM_RENDERER): every form's fields in KERN markup.

`{{ form }}` and `{{ field.as_field_group }}` render through the templates in
site/templates/kern/forms/; a bare `{{ field }}` (and each option of a radio or checkbox group)
gets the KERN class of its widget type and points its aria-describedby at the hint and error
elements that kern/forms/field.html renders.
"""

import re

from django import forms
from django.forms.renderers import TemplatesSetting

# By BoundField.widget_type; every other widget is a text-like input.
WIDGET_CLASSES = {
    "select": "kern-form-input__select",
    "radioselect": "kern-form-check__radio",
    "checkbox": "kern-form-check__checkbox",
    "checkboxselectmultiple": "kern-form-check__checkbox",
}
DEFAULT_WIDGET_CLASS = "kern-form-input__input"


class KernBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if not (widget or self.field.widget).is_hidden:
            css_class = self._kern_widget_class()
            if self.errors:
                css_class = f"{css_class} {css_class}--error"
            attrs["class"] = " ".join(filter(None, [attrs.get("class"), css_class]))
        return attrs

    def _kern_widget_class(self) -> str:
        """By the widget's type or, for a project widget such as a checkbox group with disabled
        options, by the Django widget it extends."""
        for widget_class in type(self.field.widget).__mro__:
            widget_type = re.sub(r"widget$|input$", "", widget_class.__name__.lower())
            if widget_type in WIDGET_CLASSES:
                return WIDGET_CLASSES[widget_type]
        return DEFAULT_WIDGET_CLASS

    @property
    def aria_describedby(self) -> str | None:
        """The ids of the hint and the error message (German ids, as in all templates)."""
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        if not self.auto_id or self.is_hidden:
            return ""
        described_by = [f"{self.auto_id}-hinweis"] if self.help_text else []
        if self.errors:
            described_by.append(f"{self.auto_id}-fehler")
        return " ".join(described_by)


class KernFormRenderer(TemplatesSetting):
    """Templates from the project's template directories (TemplatesSetting), so that Django's
    own widget templates stay available and site/templates can hold the KERN field markup."""

    form_template_name = "kern/forms/form.html"
    field_template_name = "kern/forms/field.html"
    bound_field_class = KernBoundField
