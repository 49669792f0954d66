"""`import_gemeindeverzeichnis` for every Land: the four Länder of
shop/data/gemeindeverzeichnis_laender.csv each build their registry with exact counts per type
(derived from the rows in tests/unit/registry/test_gemeindeverzeichnis_laender.py), a second run
writes nothing, the Land defaults to SHOP_LAND, the report speaks German with the Land's own
types, and a cut-off file changes nothing."""

from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from shop.models import Gemeinde
from shop.models import Verwaltung
from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS
from tests.integration.registry.test_import_gemeindeverzeichnis import (
    REPORT_TYPES as SH_REPORT_TYPES,
)
from tests.integration.registry.test_import_gemeindeverzeichnis import registry_snapshot
from tests.integration.registry.test_import_gemeindeverzeichnis import run_import
from tests.integration.registry.test_import_gemeindeverzeichnis import run_import_for_humans
from tests.unit.registry.test_gemeindeverzeichnis_laender import EXPECTED_GEMEINDEN
from tests.unit.registry.test_gemeindeverzeichnis_laender import EXPECTED_SKIPPED
from tests.unit.registry.test_gemeindeverzeichnis_laender import EXPECTED_VERWALTUNGEN
from tests.unit.registry.test_gemeindeverzeichnis_laender import LAENDER_FILE

pytestmark = pytest.mark.django_db

# Always in the report (the JSON that scripts read for Schleswig-Holstein), zero when absent.
SH_TYPES = tuple(SH_REPORT_TYPES[:-1])
NOT_IMPORTED = "Das Gemeindeverzeichnis wurde nicht importiert, der Bestand ist unverändert."


def expected_report_counts(land: str) -> dict[str, int]:
    verwaltungen = EXPECTED_VERWALTUNGEN[land]
    return {
        **{kind: verwaltungen.get(kind, 0) for kind in SH_TYPES},
        **{kind: count for kind, count in verwaltungen.items() if kind not in SH_TYPES},
        "gemeinde": sum(EXPECTED_GEMEINDEN[land].values()),
    }


@pytest.mark.parametrize("land", sorted(EXPECTED_VERWALTUNGEN))
def test_each_land_is_imported_with_exact_counts_and_reimported_without_writes(land: str) -> None:
    first = run_import(LAENDER_FILE, "--land", land)

    expected = expected_report_counts(land)
    assert first["created"] == expected
    assert list(first["created"]) == list(expected)
    assert first["skipped"] == EXPECTED_SKIPPED[land]
    assert Counter(Verwaltung.objects.values_list("kind", flat=True)) == EXPECTED_VERWALTUNGEN[land]
    assert Counter(Gemeinde.objects.values_list("kind", flat=True)) == EXPECTED_GEMEINDEN[land]
    assert not Verwaltung.objects.exclude(regional_key__startswith=land).exists()
    for body in Verwaltung.objects.select_related("kreis"):
        assert body.kreis.is_kreis_level
        assert body.regional_key[:5] == body.kreis.regional_key

    before = registry_snapshot()
    with CaptureQueriesContext(connection) as queries:
        second = run_import(LAENDER_FILE, "--land", land)
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert second["unchanged"] == expected
    assert sum(second["created"].values()) == sum(second["updated"].values()) == 0
    assert registry_snapshot() == before


def test_report_and_dry_run_speak_german_with_the_lands_types() -> None:
    dry_run = run_import_for_humans(LAENDER_FILE, "--land", "03", "--dry-run")

    assert "Probelauf (--dry-run): diese Änderungen würde der Import vornehmen." in dry_run
    assert "Neu: Samtgemeinde „Wathlingen“ (033515404)" in dry_run
    assert "Neu: Landkreis „Cuxhaven“ (03352)" in dry_run
    assert "Neu: Gemeinde „Nienhagen“ (03351018)" in dry_run
    assert dry_run.rstrip().splitlines()[-1] == "Probelauf: nichts wurde gespeichert."
    assert not Verwaltung.objects.exists()

    output = run_import_for_humans(LAENDER_FILE, "--land", "03")

    rows = {line.split("  ")[0]: line.split() for line in output.splitlines()}
    assert rows["Landkreise"][-4:] == ["37", "0", "0", "0"]
    assert rows["Samtgemeinden"][-4:] == ["116", "0", "0", "0"]
    assert rows["Verbandsfreie Gemeinden/Städte"][-4:] == ["283", "0", "0", "0"]
    assert rows["Gemeinden"][-4:] == ["944", "0", "0", "0"]
    assert "Verwaltungsgemeinschaften" not in output
    assert "Ämter" not in output
    assert "Land: Niedersachsen (03)" in output
    assert "Übersprungen (gemeindefreie Gebiete): 23" in output
    assert output.rstrip().splitlines()[-1] == "Gemeindeverzeichnis importiert."


def test_the_land_defaults_to_the_shops_land() -> None:
    with pytest.raises(CommandError, match="Die Datei enthält keine Zeilen für Land „01“"):
        run_import(LAENDER_FILE)
    assert not Verwaltung.objects.exists()

    with override_settings(SHOP_LAND="12"):
        report = run_import(LAENDER_FILE)

    assert report["created"] == expected_report_counts("12")
    assert Verwaltung.objects.get(regional_key="12054").name == "Potsdam, Stadt"


def test_another_lands_import_leaves_schleswig_holstein_unchanged() -> None:
    run_import(DEFAULT_GEMEINDEVERZEICHNIS)
    sh_before = registry_snapshot()

    run_import(LAENDER_FILE, "--land", "07")

    after = registry_snapshot()
    assert {
        key: [row for row in rows if row[0].startswith("01")] for key, rows in after.items()
    } == sh_before
    assert Verwaltung.objects.filter(active=True).count() == 181 + sum(
        EXPECTED_VERWALTUNGEN["07"].values()
    )


def lines_of_the_file() -> list[str]:
    return LAENDER_FILE.read_text(encoding="utf-8").splitlines(keepends=True)


def test_a_file_cut_at_a_line_boundary_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    """Cut after the last Gemeinde of Oberfranken: the rest of Bayern would be deactivated."""
    run_import(LAENDER_FILE, "--land", "09")
    before = registry_snapshot()
    lines = lines_of_the_file()
    cut = max(number for number, line in enumerate(lines) if line.startswith("60,64,09,4,"))
    cut_file = tmp_path / "abgeschnitten.csv"
    cut_file.write_text("".join(lines[: cut + 1]), encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        run_import(cut_file, "--land", "09")

    message = str(caught.value)
    assert message.startswith(NOT_IMPORTED)
    assert "aktiven Verwaltungen" in message
    assert "so sieht eine nach dieser Zeile abgeschnittene Datei aus" in message
    assert registry_snapshot() == before


def test_a_file_cut_inside_a_line_is_refused_before_anything_is_saved(tmp_path: Path) -> None:
    lines = lines_of_the_file()
    cut = next(number for number, line in enumerate(lines) if line.startswith("60,64,12,0,73,"))
    cut_file = tmp_path / "abgeschnitten.csv"
    cut_file.write_text("".join(lines[:cut]) + lines[cut][:40], encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        run_import(cut_file, "--land", "12")

    assert str(caught.value).startswith(NOT_IMPORTED)
    assert f"Zeile {cut + 1}:" in str(caught.value)
    assert not Verwaltung.objects.exists()
    assert not Gemeinde.objects.exists()
