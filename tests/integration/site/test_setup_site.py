"""`manage.py setup_site`: what a production instance needs, without demo content or accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError
from django.core.management import call_command
from django.db import connection

from cms_pages.models import LegalPage
from cms_pages.models import ServiceIndexPage
from cms_pages.models import ServicePage
from cms_pages.services import EDITORIAL_WORKFLOW_NAME
from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from shop.generations import COVERAGE_REPORT
from shop.generations import NAMES
from shop.generations import generation_cached
from shop.generations import generation_current
from shop.models import Agreement
from shop.models import Gemeinde
from shop.models import OzgLeistung
from shop.models import Verwaltung

pytestmark = pytest.mark.django_db


def test_setup_site_builds_pages_registry_catalogue_groups_and_workflow(client, capsys):
    call_command("setup_site")

    output = capsys.readouterr().out
    assert (
        "Seitenbaum bereit: Startseite, /dienste/, /neuigkeiten/, /hilfe/ und 3 rechtliche Seiten."
        in output
    )
    assert "Kommunalregister: aktualisiert." in output
    assert Verwaltung.objects.active().count() == 181
    assert Gemeinde.objects.count() == 1106
    assert OzgLeistung.objects.count() == 557
    assert {page.url for page in LegalPage.objects.live()} == {
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
    }
    assert {EDITORS_GROUP, FULFILMENT_GROUP} <= set(Group.objects.values_list("name", flat=True))
    # Every page, profiles included, goes live only after a second editor's approval.
    assert ServiceIndexPage.objects.get().get_workflow().name == EDITORIAL_WORKFLOW_NAME
    # Nothing of the demo: no profiles, no agreements, no accounts.
    assert not ServicePage.objects.exists()
    assert not Agreement.objects.exists()
    assert not get_user_model().objects.exists()
    assert client.get("/").status_code == 200
    assert client.get("/dienste/").status_code == 200
    assert client.get("/hilfe/").status_code == 200


def test_setup_site_a_second_time_changes_nothing(capsys):
    call_command("setup_site")
    counts = (Verwaltung.objects.count(), Gemeinde.objects.count(), LegalPage.objects.count())
    capsys.readouterr()

    call_command("setup_site")

    output = capsys.readouterr().out
    assert "Kommunalregister: bereits aktuell." in output
    assert "OZG-Katalog: bereits aktuell." in output
    assert (Verwaltung.objects.count(), Gemeinde.objects.count(), LegalPage.objects.count()) == (
        counts
    )


def test_setup_site_starts_new_cache_generations_for_the_deployed_code(capsys):
    """After a deployment nothing that the old code computed or rendered is served again, such
    as a coverage report kept for a day."""
    kept = generation_cached(
        name=COVERAGE_REPORT, key="reports:test", compute=lambda: "alt", seconds=3600
    )
    before = {name: generation_current(name=name) for name in NAMES}

    call_command("setup_site")

    assert "Zwischenspeicher: neu begonnen" in capsys.readouterr().out
    after = {name: generation_current(name=name) for name in NAMES}
    assert all(after[name] != before[name] for name in NAMES)
    fresh = generation_cached(
        name=COVERAGE_REPORT, key="reports:test", compute=lambda: "neu", seconds=3600
    )
    assert (kept, fresh) == ("alt", "neu")


def test_an_app_role_on_sqlite_is_refused_and_nothing_is_set_up():
    """On PostgreSQL: tests/integration/site/test_database_roles.py."""
    if connection.vendor != "sqlite":
        pytest.skip("Die Ablehnung gilt SQLite.")

    with pytest.raises(CommandError) as error:
        call_command("setup_site", "--app-role", "ozg_shop_app")

    assert str(error.value) == (
        "Eine eigene Datenbankrolle für die Anwendung gibt es nur mit PostgreSQL; mit SQLite "
        "läuft der Shop ohne."
    )
    assert not Verwaltung.objects.exists()
