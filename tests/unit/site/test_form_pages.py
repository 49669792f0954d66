"""shop.form_pages.form_page: the form's page with 200, and 400 after a POST that saved nothing."""

from django import forms
from django.test import RequestFactory
from django.test import override_settings

from shop.form_pages import form_page

LOCMEM_TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {"form.html": "{{ form.name.value|default:'leer' }} / {{ note }}"},
                )
            ]
        },
    }
]


class NameForm(forms.Form):
    name = forms.CharField()


@override_settings(TEMPLATES=LOCMEM_TEMPLATES)
def test_an_unbound_form_is_shown_with_200_and_the_context():
    response = form_page(
        RequestFactory().get("/"), template="form.html", form=NameForm(), note="Hinweis"
    )
    assert response.status_code == 200
    assert response.content.decode() == "leer / Hinweis"


@override_settings(TEMPLATES=LOCMEM_TEMPLATES)
def test_a_posted_form_shown_again_answers_400():
    form = NameForm({"name": ""})
    response = form_page(RequestFactory().post("/"), template="form.html", form=form, note="")
    assert response.status_code == 400
