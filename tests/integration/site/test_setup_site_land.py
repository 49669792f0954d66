"""`manage.py setup_site` builds the registry of the shop's Land (SHOP_LAND) from the shipped file
that holds it, and says so when none does."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.test import override_settings

from shop.models import Verwaltung
from tests.unit.registry.test_gemeindeverzeichnis_laender import EXPECTED_VERWALTUNGEN

pytestmark = pytest.mark.django_db


@override_settings(SHOP_LAND="12", SHOP_LAND_NAME="Brandenburg")
def test_setup_site_imports_the_registry_of_the_shops_land(capsys):
    call_command("setup_site")

    assert "Kommunalregister: aktualisiert." in capsys.readouterr().out
    assert Counter(Verwaltung.objects.values_list("kind", flat=True)) == EXPECTED_VERWALTUNGEN["12"]


@override_settings(SHOP_LAND="13", SHOP_LAND_NAME="Mecklenburg-Vorpommern")
def test_setup_site_names_a_land_without_shipped_registry(capsys):
    call_command("setup_site")

    assert (
        "Kommunalregister: kein mitgeliefertes Gemeindeverzeichnis für Land 13 "
        "(Mecklenburg-Vorpommern); bitte den Auszug des Landes mit "
        "„manage.py import_gemeindeverzeichnis DATEI“ einlesen."
    ) in capsys.readouterr().out
    assert not Verwaltung.objects.exists()
