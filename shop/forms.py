"""Form widgets in KERN markup, with hints and errors tied to their field for screen readers."""

from django import forms

WIDGET_CLASSES = {
    forms.Select: "kern-form-input__select",
    forms.RadioSelect: "kern-form-check__radio",
    forms.CheckboxInput: "kern-form-check__checkbox",
    forms.CheckboxSelectMultiple: "kern-form-check__checkbox",
}


class KernFormMixin:
    """Pairs with the template shop/includes/form_field.html, which renders the hint and error
    elements with the ids referenced here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css_class = WIDGET_CLASSES.get(type(field.widget), "kern-form-input__input")
            field.widget.attrs["class"] = css_class
            self._describe(name, field, with_error=False)

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            if self.errors.get(name):
                field.widget.attrs["aria-invalid"] = "true"
                self._describe(name, field, with_error=True)

    def _describe(self, name: str, field: forms.Field, *, with_error: bool) -> None:
        auto_id = self[name].auto_id
        described_by = [f"{auto_id}-hinweis"] if field.help_text else []
        if with_error:
            described_by.append(f"{auto_id}-fehler")
        if described_by:
            field.widget.attrs["aria-describedby"] = " ".join(described_by)
