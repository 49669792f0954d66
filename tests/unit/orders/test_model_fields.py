"""The field helpers of shop.models.fields, without the database: the options each one gives a
field (what the migrations see), and that the models' relations to the same target are named
alike."""

import pytest
from django.apps import apps
from django.db import models

from cms_pages.models import ServicePage
from shop.models import Dienst
from shop.models.fields import DienstAvailability
from shop.models.fields import availability_field
from shop.models.fields import dienst_foreign_key
from shop.models.fields import gemeinde_foreign_key
from shop.models.fields import order_details_foreign_key
from shop.models.fields import ordered_service_foreign_key
from shop.models.fields import person_foreign_key
from shop.models.fields import verwaltung_foreign_key


def options(field: models.Field) -> dict:
    """The field's options as a migration records them."""
    _name, _path, _args, kwargs = field.deconstruct()
    return kwargs


@pytest.mark.parametrize(
    ("helper", "target", "verbose_name"),
    [
        (dienst_foreign_key, "shop.dienst", "Dienst"),
        (order_details_foreign_key, "shop.orderdetails", "Bestelldetails"),
        (ordered_service_foreign_key, "shop.orderedservice", "Bestellter Dienst"),
    ],
    ids=["dienst", "order_details", "ordered_service"],
)
def test_a_foreign_key_to_a_record_of_the_shop_takes_on_delete_and_the_way_back(
    helper, target, verbose_name
):
    field = helper(on_delete=models.CASCADE, related_name="things")

    assert isinstance(field, models.ForeignKey)
    assert options(field) == {
        "to": target,
        "on_delete": models.CASCADE,
        "related_name": "things",
        "verbose_name": verbose_name,
    }


def test_further_options_reach_the_foreign_key():
    field = dienst_foreign_key(on_delete=models.PROTECT, related_name="+", null=True, blank=True)

    assert options(field) == {
        "to": "shop.dienst",
        "on_delete": models.PROTECT,
        "related_name": "+",
        "verbose_name": "Dienst",
        "null": True,
        "blank": True,
    }


def test_what_happens_on_delete_is_never_assumed():
    with pytest.raises(TypeError):
        ordered_service_foreign_key(related_name="things")


def test_the_verwaltung_is_protected():
    assert options(verwaltung_foreign_key(related_name="orders")) == {
        "to": "shop.verwaltung",
        "on_delete": models.PROTECT,
        "related_name": "orders",
        "verbose_name": "Verwaltung",
    }


def test_the_gemeinde_is_protected_and_may_be_empty():
    assert options(gemeinde_foreign_key(related_name="+")) == {
        "to": "shop.gemeinde",
        "on_delete": models.PROTECT,
        "null": True,
        "blank": True,
        "related_name": "+",
        "verbose_name": "Gemeinde",
    }


def test_a_person_who_may_go_leaves_the_record_without_a_way_back():
    assert options(person_foreign_key(verbose_name="geändert von")) == {
        "to": "shop.user",
        "on_delete": models.SET_NULL,
        "null": True,
        "blank": True,
        "related_name": "+",
        "verbose_name": "geändert von",
    }


def test_a_required_person_is_kept_and_may_have_a_way_back():
    field = person_foreign_key(verbose_name="Person", required=True, related_name="records")

    assert options(field) == {
        "to": "shop.user",
        "on_delete": models.PROTECT,
        "related_name": "records",
        "verbose_name": "Person",
    }


def test_the_availability_of_a_service():
    assert options(availability_field()) == {
        "verbose_name": "Verfügbarkeit",
        "max_length": 20,
        "choices": [("verfuegbar", "verfügbar"), ("in_vorbereitung", "in Vorbereitung")],
        "default": DienstAvailability.AVAILABLE,
    }
    assert options(availability_field(db_index=True))["db_index"] is True


def test_the_service_page_and_the_dienst_hold_the_same_availability():
    page_field = ServicePage._meta.get_field("availability")
    dienst_field = Dienst._meta.get_field("availability")

    assert options(page_field) == options(dienst_field) | {"db_index": True}
    assert Dienst.Availability is DienstAvailability


@pytest.mark.parametrize(
    ("target", "verbose_name"),
    [
        ("Dienst", "Dienst"),
        ("OrderDetails", "Bestelldetails"),
        ("OrderedService", "Bestellter Dienst"),
        ("Verwaltung", "Verwaltung"),
        ("Gemeinde", "Gemeinde"),
    ],
)
def test_the_shops_foreign_keys_to_a_record_name_it_alike(target, verbose_name):
    """Except the registry's own relations between Verwaltungen and Gemeinden ("Kreis",
    "verwaltet von")."""
    model = apps.get_model("shop", target)
    names = {
        f"{field.model.__name__}.{field.name}": field.verbose_name
        for shop_model in apps.get_app_config("shop").get_models()
        if shop_model._meta.model_name not in {"verwaltung", "gemeinde"}
        for field in shop_model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and not isinstance(field, models.OneToOneField)
        and field.remote_field.model is model
    }

    assert names
    assert set(names.values()) == {verbose_name}, names
