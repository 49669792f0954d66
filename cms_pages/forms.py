from wagtail.admin.forms import WagtailAdminPageForm


class ServicePageForm(WagtailAdminPageForm):
    DUPLICATE_OZG_LEISTUNG = "Jede OZG-Leistung darf nur einmal zugeordnet werden."

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
