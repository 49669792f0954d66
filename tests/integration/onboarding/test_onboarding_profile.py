"""Editors define the checklist on the service profile in Wagtail: one block per field type and
the steps; publishing hands it to the shop as plain values keyed by the block's id, and a
definition the shop would refuse is refused in the editor."""

import pytest
from wagtail.test.utils.form_data import streamfield

from shop.models import Dienst
from shop.models import OnboardingChecklist
from tests.factories import OzgLeistungFactory
from tests.pages import add_url
from tests.pages import profile_form

pytestmark = pytest.mark.django_db


def field(label: str, **values) -> dict:
    return {"label": label, "help_text": "", "required": "on", **values}


CHECKLIST = streamfield(
    [
        ("text", field("DVDV-Adresse", per_gemeinde="on")),
        ("email", field("Funktionspostfach")),
        ("url", field("Eintrag im Zuständigkeitsfinder")),
        ("choice", field("Payment-Provider", choices=streamfield([("item", "pmpay")]))),
        ("yesno", field("Testzugang vorhanden", required="")),
        ("date", field("Testtermin")),
        ("file", field("Anbindungsformular", max_size_mb="5")),
    ]
)


def publish(client, page_tree, **overrides):
    data = profile_form(OzgLeistungFactory(), **{"action-publish": "publish", **overrides})
    if "onboarding_fields-6-type" in data:
        # A multiple choice posts one value per ticked box, which nested_form_data cannot say.
        data["onboarding_fields-6-value-extensions"] = ["pdf", "png"]
    return client.post(add_url(page_tree.service_index), data)


def test_publishing_the_profile_syncs_every_field_type_and_the_steps(admin_client, page_tree):
    response = publish(
        admin_client,
        page_tree,
        onboarding_fields=CHECKLIST,
        onboarding_steps=streamfield(
            [("step", {"title": "DVDV-Eintrag prüfen", "text": "Mit der Kommune."})]
        ),
    )
    assert response.status_code == 302
    checklist = OnboardingChecklist.objects.get(dienst=Dienst.objects.get())
    fields = checklist.fields
    assert [(f["type"], f["label"], f["required"], f["per_gemeinde"]) for f in fields] == [
        ("text", "DVDV-Adresse", True, True),
        ("email", "Funktionspostfach", True, False),
        ("url", "Eintrag im Zuständigkeitsfinder", True, False),
        ("choice", "Payment-Provider", True, False),
        ("yesno", "Testzugang vorhanden", False, False),
        ("date", "Testtermin", True, False),
        ("file", "Anbindungsformular", True, False),
    ]
    assert fields[3]["choices"] == ["pmpay"]
    assert (fields[6]["extensions"], fields[6]["max_size_mb"]) == (["pdf", "png"], 5)
    # Keys are the blocks' ids: stable when an editor renames a field.
    assert all(len(f["key"]) == 36 for f in fields)
    assert checklist.steps == [{"title": "DVDV-Eintrag prüfen", "text": "Mit der Kommune."}]


def test_a_choice_without_options_is_refused_in_the_editor(admin_client, page_tree):
    response = publish(
        admin_client,
        page_tree,
        onboarding_fields=streamfield(
            [("choice", field("Payment-Provider", choices=streamfield([])))]
        ),
    )
    assert response.status_code == 200
    assert "mindestens eine Möglichkeit" in response.content.decode()
    assert not Dienst.objects.exists()
