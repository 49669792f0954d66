"""The project's form renderer (settings.FORM_RENDERER): every widget type in KERN markup, each
label tied to its input, hints and errors named by aria-describedby."""

import re

from django import forms
from django.test import override_settings


class EveryWidget(forms.Form):
    name = forms.CharField(label="Name", help_text="Vor- und Nachname")
    email = forms.EmailField(label="E-Mail-Adresse")
    password = forms.CharField(label="Passwort", widget=forms.PasswordInput)
    remarks = forms.CharField(label="Bemerkungen", widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(label="Art", choices=[("a", "Amt"), ("k", "Kreis")])
    role = forms.ChoiceField(
        label="Rolle",
        choices=[("b", "bestellberechtigt"), ("l", "lesend")],
        widget=forms.RadioSelect,
    )
    gemeinden = forms.MultipleChoiceField(
        label="Gemeinden",
        choices=[("1", "Ahlefeld"), ("2", "Bistensee")],
        widget=forms.CheckboxSelectMultiple,
    )
    accepted = forms.BooleanField(label="Ich stimme zu")
    token = forms.CharField(widget=forms.HiddenInput, required=False)


def inputs(html: str) -> dict[str, str]:
    """Each input, select and textarea tag by its id."""
    return {
        re.search(r' id="([^"]+)"', tag).group(1): tag
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html)
    }


def test_every_widget_type_gets_its_kern_class_and_a_label_for_its_id():
    html = str(EveryWidget())
    tags = inputs(html)

    for field_id in ("id_name", "id_email", "id_password", "id_remarks"):
        assert 'class="kern-form-input__input"' in tags[field_id]
    assert 'class="kern-form-input__select"' in tags["id_kind"]
    assert '<div class="kern-form-input__select-wrapper"><select' in html
    assert 'class="kern-form-check__radio"' in tags["id_role_0"]
    assert 'class="kern-form-check__checkbox"' in tags["id_gemeinden_1"]
    assert 'class="kern-form-check__checkbox"' in tags["id_accepted"]
    assert "class" not in tags["id_token"]
    for field_id in tags.keys() - {"id_token"}:
        assert f'<label class="kern-label" for="{field_id}">' in html, field_id
    assert 'for=""' not in html


def test_radios_and_checkbox_groups_are_fieldsets_with_the_label_as_legend():
    html = str(EveryWidget())

    assert re.search(
        r'<fieldset class="kern-fieldset" id="id_role">\s*'
        r'<legend class="kern-label kern-label--large">Rolle</legend>',
        html,
    )
    # Each option stands in its own KERN check row, the input next to (not inside) its label.
    assert re.search(
        r'<div class="kern-form-check">\s*<input type="radio" [^>]*id="id_role_0"[^>]*>\s*'
        r'<label class="kern-label" for="id_role_0">bestellberechtigt</label>',
        html,
    )


def test_hint_and_optional_marker():
    html = str(EveryWidget())

    assert '<div class="kern-hint" id="id_name-hinweis">Vor- und Nachname</div>' in html
    assert 'aria-describedby="id_name-hinweis"' in inputs(html)["id_name"]
    assert 'Bemerkungen <span class="kern-label__optional">– optional</span></label>' in html


def test_errors_are_named_by_aria_describedby_and_marked():
    form = EveryWidget(data={"email": "keine-adresse", "role": "x"})
    html = str(form)
    tags = inputs(html)

    assert re.search(r'<p class="kern-error" id="id_email-fehler" role="alert">[^<]+</p>', html)
    assert 'aria-describedby="id_email-fehler"' in tags["id_email"]
    assert 'aria-invalid="true"' in tags["id_email"]
    assert "kern-form-input__input--error" in tags["id_email"]
    assert 'aria-describedby="id_name-hinweis id_name-fehler"' in tags["id_name"]
    assert 'class="kern-form-input kern-form-input--error"' in html
    # A group's fieldset, not each option, names the error.
    assert re.search(
        r'<fieldset class="kern-fieldset kern-fieldset--error" id="id_role" '
        r'aria-describedby="id_role-fehler">',
        html,
    )
    assert "kern-form-check__radio--error" in tags["id_role_1"]
    # Above the fields, the summary links each error to its field (a group to its first option).
    assert html.index("Bitte prüfen Sie Ihre Angaben") < html.index("<label")
    assert '<a class="kern-link" href="#id_email">E-Mail-Adresse: ' in html
    assert '<a class="kern-link" href="#id_role_0">Rolle: ' in html


@override_settings(FORM_RENDERER="django.forms.renderers.DjangoTemplates")
def test_is_the_configured_renderer():
    """The KERN markup comes from settings.FORM_RENDERER, not from the form itself."""
    assert "kern-" not in str(EveryWidget())
