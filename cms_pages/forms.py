from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from shop.onboarding.definition import onboarding_definition_clean


class ServicePageForm(WagtailAdminPageForm):
    DUPLICATE_OZG_LEISTUNG = "Jede OZG-Leistung darf nur einmal zugeordnet werden."

    def clean(self):
        cleaned_data = super().clean()
        # Publishing hands the checklist to the shop, which would refuse it there; say so here.
        fields = cleaned_data.get("onboarding_fields") or []
        try:
            onboarding_definition_clean(
                fields=[
                    {
                        "key": child.id or f"neu-{number}",
                        "type": child.block_type,
                        **dict(child.value),
                    }
                    for number, child in enumerate(fields)
                ]
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned_data

    def is_valid(self) -> bool:
        # The inline formsets are only cleaned inside is_valid(), after clean() has run.
        if not super().is_valid():
            return False
        chosen = [
            form.cleaned_data["ozg_leistung"]
            for form in self.formsets["ozg_links"].forms
            if form.cleaned_data.get("ozg_leistung") and not form.cleaned_data.get("DELETE")
        ]
        if len(chosen) != len(set(chosen)):
            self.add_error(None, self.DUPLICATE_OZG_LEISTUNG)
            return False
        return True
