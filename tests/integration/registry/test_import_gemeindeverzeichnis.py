"""`import_gemeindeverzeichnis` builds the municipal registry from the Destatis file, re-runs
without changes, follows renames, additions and removals, and rejects broken files untouched."""

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.models import Gemeinde
from shop.models import Verwaltung
from shop.models import VerwaltungKind
from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS
from shop.registry.selectors import verwaltung_get_by_regional_key
from shop.registry.selectors import verwaltung_list_with_counts
from tests.manage import run_manage

pytestmark = pytest.mark.django_db

REPORT_TYPES = [
    "kreisfreie_stadt",
    "kreis",
    "amt",
    "kirchspielslandgemeinde",
    "amtsfreie_gemeinde",
    "gemeinde",
]
# The file has 88 verbandsfreie Verband rows (50/50): 82 amtsfreie Gemeinden, the own rows of the
# 4 kreisfreie Städte and of the 2 uninhabited Forstgutsbezirke Sachsenwald and Buchholz, which
# are gemeindefreie Gebiete (skipped), not Gemeinden.
SH_COUNTS = {
    "kreisfreie_stadt": 4,
    "kreis": 11,
    "amt": 82,
    "kirchspielslandgemeinde": 2,
    "amtsfreie_gemeinde": 82,
    "gemeinde": 1106,
}
NOTHING = dict.fromkeys(REPORT_TYPES, 0)
NO_CHANGES_MESSAGE = "Keine Änderungen: der Bestand entspricht bereits der Datei."

# Columns of the Destatis file used to build modified copies.
SATZART, TEXTKENNZEICHEN, LAND, RB, KREIS, VB, GEMEINDE, NAME = range(8)


def read_rows(path: Path = DEFAULT_GEMEINDEVERZEICHNIS) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        header, *rows = csv.reader(file)
    return header, rows


def write_rows(path: Path, rows: list[list[str]], *, encoding: str = "utf-8") -> Path:
    header, _ = read_rows()
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, lineterminator="\r\n").writerows([header, *rows])
    return path


def small_rows() -> list[list[str]]:
    """Schleswig-Holstein, Flensburg and the Kreis Rendsburg-Eckernförde (with Amt Hüttener
    Berge): a valid file, small enough to import in every test that needs one."""
    _, rows = read_rows()
    return [row for row in rows if row[KREIS] in ("", "01", "58")]


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    return write_rows(tmp_path / "klein.csv", small_rows())


def run_import(path: Path, *args: str) -> dict:
    stdout = io.StringIO()
    call_command("import_gemeindeverzeichnis", str(path), "--json", *args, stdout=stdout)
    return json.loads(stdout.getvalue().splitlines()[-1])


def run_import_for_humans(path: Path, *args: str) -> str:
    stdout = io.StringIO()
    call_command("import_gemeindeverzeichnis", str(path), *args, stdout=stdout)
    return stdout.getvalue()


def registry_snapshot() -> dict[str, list[tuple]]:
    return {
        "verwaltungen": list(
            Verwaltung.objects.order_by("regional_key").values_list(
                "regional_key", "kind", "name", "ags", "kreis__regional_key", "active", "updated_at"
            )
        ),
        "gemeinden": list(
            Gemeinde.objects.order_by("ags").values_list(
                "ags",
                "ars",
                "name",
                "population",
                "kreis__regional_key",
                "verwaltung__regional_key",
                "active",
                "updated_at",
            )
        ),
    }


def test_shipped_file_builds_the_registry_of_schleswig_holstein() -> None:
    output = run_import_for_humans(DEFAULT_GEMEINDEVERZEICHNIS)

    assert "Ämter" in output
    assert "1.106" in output
    assert "Übersprungen (gemeindefreie Gebiete): 2" in output
    assert NO_CHANGES_MESSAGE not in output

    kinds = Counter(Verwaltung.objects.values_list("kind", flat=True))
    assert kinds == {kind: count for kind, count in SH_COUNTS.items() if kind != "gemeinde"}
    assert Verwaltung.objects.filter(active=True).count() == 181
    assert Gemeinde.objects.filter(active=True).count() == 1106
    assert not Gemeinde.objects.filter(name__contains="Forstgutsbez.").exists()
    assert not Verwaltung.objects.filter(name__contains="Forstgutsbez.").exists()

    amt = Verwaltung.objects.get(name="Hüttener Berge")
    assert (amt.kind, amt.regional_key, amt.ags) == (VerwaltungKind.AMT, "010585890", "")
    assert amt.kreis.name == "Rendsburg-Eckernförde"
    assert amt.gemeinden.count() == 16
    ascheffel = Gemeinde.objects.get(name="Ascheffel")
    assert (ascheffel.ars, ascheffel.ags) == ("010585890008", "01058008")
    assert (ascheffel.verwaltung, ascheffel.kreis) == (amt, amt.kreis)
    assert ascheffel.population == 974

    for kreis_level in Verwaltung.objects.kreis_level():
        assert kreis_level.kreis_id == kreis_level.pk
        assert len(kreis_level.regional_key) == 5
    for body in Verwaltung.objects.exclude(kind__in=["kreis", "kreisfreie_stadt"]):
        assert body.kreis.is_kreis_level
        assert body.regional_key[:5] == body.kreis.regional_key
        assert len(body.regional_key) == 9

    rendsburg = Verwaltung.objects.get(regional_key="010580135")
    assert (rendsburg.kind, rendsburg.name, rendsburg.ags) == (
        VerwaltungKind.AMTSFREIE_GEMEINDE,
        "Rendsburg, Stadt",
        "01058135",
    )
    assert [gemeinde.ags for gemeinde in rendsburg.gemeinden.all()] == ["01058135"]
    assert not Verwaltung.objects.filter(kind="amtsfreie_gemeinde", ags="").exists()

    flensburg = Verwaltung.objects.get(regional_key="01001")
    assert (flensburg.kind, flensburg.name, flensburg.ags) == (
        VerwaltungKind.KREISFREIE_STADT,
        "Flensburg, Stadt",
        "01001000",
    )
    assert Verwaltung.objects.filter(name="Flensburg, Stadt").count() == 1
    stadt = Gemeinde.objects.get(ags="01001000")
    assert (stadt.kind, stadt.verwaltung, stadt.kreis) == ("kreisfreie_stadt", flensburg, flensburg)


def test_reimport_with_land_filter_reports_json_and_writes_nothing() -> None:
    first = run_import(DEFAULT_GEMEINDEVERZEICHNIS, "--land", "01")

    assert set(first) == {"created", "updated", "unchanged", "deactivated", "skipped"}
    for outcome in ("created", "updated", "unchanged", "deactivated"):
        assert list(first[outcome]) == REPORT_TYPES
    assert first["created"] == SH_COUNTS
    assert first["updated"] == first["unchanged"] == first["deactivated"] == NOTHING
    assert first["skipped"] == 2

    before = registry_snapshot()
    with CaptureQueriesContext(connection) as queries:
        second = run_import(DEFAULT_GEMEINDEVERZEICHNIS, "--land", "01")
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert second == {
        "created": NOTHING,
        "updated": NOTHING,
        "unchanged": SH_COUNTS,
        "deactivated": NOTHING,
        "skipped": 2,
    }
    assert registry_snapshot() == before

    output = run_import_for_humans(DEFAULT_GEMEINDEVERZEICHNIS)
    assert output.rstrip().splitlines()[-1] == NO_CHANGES_MESSAGE


def test_renamed_added_and_vanished_entries_are_updated_created_and_deactivated(
    small_file: Path, tmp_path: Path
) -> None:
    run_import(small_file)
    rows = small_rows()
    ascheffel = next(row for row in rows if row[NAME] == "Ascheffel")
    new_gemeinde = [*ascheffel]
    new_gemeinde[GEMEINDE], new_gemeinde[NAME] = "999", "Neudorf im Hüttener Wald"
    achterwehr_gemeinden = sum(1 for row in rows if row[SATZART] == "60" and row[VB] == "5803")
    assert achterwehr_gemeinden > 0
    modified = []
    for row in rows:
        if row[VB] == "5803":
            continue  # Amt Achterwehr and its Gemeinden vanish
        if row[NAME] == "Hüttener Berge":
            row = [*row[:NAME], "Amt Hüttener Berge", *row[NAME + 1 :]]
        modified.append(row)
        if row[NAME] == "Ascheffel":
            modified[-1] = [*row[:NAME], "Ascheffel am Wittensee", *row[NAME + 1 :]]
            modified.append(new_gemeinde)

    report = run_import(write_rows(tmp_path / "geaendert.csv", modified))

    assert report["created"] == {**NOTHING, "gemeinde": 1}
    assert report["updated"] == {**NOTHING, "amt": 1, "gemeinde": 1}
    assert report["deactivated"] == {**NOTHING, "amt": 1, "gemeinde": achterwehr_gemeinden}
    amt = Verwaltung.objects.get(regional_key="010585890")
    assert (amt.name, amt.active) == ("Amt Hüttener Berge", True)
    assert Gemeinde.objects.get(ags="01058008").name == "Ascheffel am Wittensee"
    neudorf = Gemeinde.objects.get(ags="01058999")
    assert (neudorf.ars, neudorf.verwaltung) == ("010585890999", amt)
    achterwehr = Verwaltung.objects.get(regional_key="010585803")
    assert achterwehr.active is False
    assert achterwehr.gemeinden.count() == achterwehr_gemeinden
    assert not achterwehr.gemeinden.filter(active=True).exists()

    again = run_import(small_file)

    assert again["created"] == NOTHING
    assert again["updated"] == {**NOTHING, "amt": 2, "gemeinde": 1 + achterwehr_gemeinden}
    assert again["deactivated"] == {**NOTHING, "gemeinde": 1}
    assert Verwaltung.objects.get(regional_key="010585803").active is True
    assert Verwaltung.objects.get(regional_key="010585890").name == "Hüttener Berge"
    assert Gemeinde.objects.filter(verwaltung__regional_key="010585803", active=True).count() == (
        achterwehr_gemeinden
    )
    assert Gemeinde.objects.get(ags="01058999").active is False


def broken_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each broken file also renames a Gemeinde, so that a partial import would show."""
    rows = [
        [*row[:NAME], "Ascheffel am Wittensee", *row[NAME + 1 :]]
        if row[NAME] == "Ascheffel"
        else row
        for row in small_rows()
    ]

    def variant(name: str, changed_rows: list[list[str]], **kwargs: str) -> Path:
        return write_rows(tmp_path / f"{name}.csv", changed_rows, **kwargs)

    def replaced(index: int, column: int, value: str) -> list[list[str]]:
        changed = [list(row) for row in rows]
        changed[index][column] = value
        return changed

    last = len(rows) - 1
    verband_index = next(i for i, row in enumerate(rows) if row[NAME] == "Hüttener Berge")
    missing_column = tmp_path / "missing-column.csv"
    missing_column.write_text(
        "satzart,textkennzeichen,land,rb,kreis,vb,gemeinde,gemeindename\r\n"
        "10,,01,,,,,Schleswig-Holstein\r\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    return {
        "missing-column": (missing_column, "Zeile 1: In der Kopfzeile fehlen die Spalten"),
        "wrong-key-length": (
            variant("key", replaced(last, GEMEINDE, "12")),
            f"Zeile {last + 2}: Der Schlüsselteil „gemeinde“",
        ),
        "unknown-satzart": (
            variant("satzart", replaced(last, SATZART, "70")),
            f"Zeile {last + 2}: Unbekannte Satzart „70“",
        ),
        "unknown-textkennzeichen": (
            variant("textkennzeichen", replaced(last, TEXTKENNZEICHEN, "68")),
            f"Zeile {last + 2}: Unbekanntes Textkennzeichen „68“ für Satzart 60",
        ),
        "wrong-encoding": (
            variant("latin1", rows, encoding="cp1252"),
            "nicht UTF-8-kodiert",
        ),
        "empty": (empty, "Die Datei ist leer."),
        "gemeinde-without-verband": (
            variant("verband", rows[:verband_index] + rows[verband_index + 1 :]),
            f"Zeile {verband_index + 2}: Der Gemeindeverband 010585890 der Gemeinde",
        ),
        "non-numeric-population": (
            variant("population", replaced(last, 9, "viele")),
            f"Zeile {last + 2}: Die Bevölkerung „viele“ ist keine ganze Zahl.",
        ),
    }


BROKEN_FILE_CASES = [
    "missing-column",
    "wrong-key-length",
    "unknown-satzart",
    "unknown-textkennzeichen",
    "wrong-encoding",
    "empty",
    "gemeinde-without-verband",
    "non-numeric-population",
]


@pytest.mark.parametrize("case", BROKEN_FILE_CASES)
def test_broken_file_is_rejected_and_changes_nothing(
    case: str, small_file: Path, tmp_path: Path
) -> None:
    run_import(small_file)
    before = registry_snapshot()
    path, expected_message = broken_files(tmp_path)[case]

    with pytest.raises(CommandError) as caught:
        run_import(path)

    assert expected_message in str(caught.value)
    assert "der Bestand ist unverändert" in str(caught.value)
    assert registry_snapshot() == before
    assert Gemeinde.objects.get(ags="01058008").name == "Ascheffel"


def test_failure_while_writing_rolls_back_everything(
    small_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(small_file)
    before = registry_snapshot()
    rows = [
        [*row[:NAME], f"{row[NAME]} (neu)", *row[NAME + 1 :]] if row[SATZART] != "10" else row
        for row in small_rows()
    ]

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Datenbank weg")

    # The Verwaltungen are written first; failing at the Gemeinden must undo them too.
    monkeypatch.setattr(Gemeinde.objects, "bulk_update", fail)
    with pytest.raises(RuntimeError):
        run_import(write_rows(tmp_path / "umbenannt.csv", rows))

    assert registry_snapshot() == before


def test_missing_file_is_reported_in_german() -> None:
    with pytest.raises(
        CommandError, match=re.escape("Die Datei „/nicht/da.csv“ wurde nicht gefunden.")
    ):
        run_import(Path("/nicht/da.csv"))


@pytest.mark.parametrize(
    ("land", "message"),
    [
        ("02", "Die Datei enthält keine Zeilen für Land „02“."),
        ("1", "Das Land „1“ ist ungültig"),
    ],
)
def test_land_without_rows_or_malformed_is_rejected(
    land: str, message: str, small_file: Path
) -> None:
    run_import(small_file)
    before = registry_snapshot()

    with pytest.raises(CommandError, match=re.escape(message)):
        run_import(small_file, "--land", land)

    assert registry_snapshot() == before


def test_land_filter_imports_only_that_land_of_a_file_with_two(
    small_file: Path, tmp_path: Path
) -> None:
    run_import(small_file)
    sh_before = registry_snapshot()
    second_land = [
        [*row[:LAND], "02", *row[LAND + 1 : NAME], f"{row[NAME]} (Land 02)", *row[NAME + 1 :]]
        for row in small_rows()
    ]
    both = write_rows(tmp_path / "zwei-laender.csv", small_rows() + second_land)

    report = run_import(both, "--land", "02")

    small_counts = {
        "kreisfreie_stadt": 1,
        "kreis": 1,
        "amt": 14,
        "kirchspielslandgemeinde": 0,
        "amtsfreie_gemeinde": 6,
        "gemeinde": Gemeinde.objects.filter(ags__startswith="01").count(),
    }
    assert report["created"] == small_counts
    assert report["deactivated"] == NOTHING
    assert Verwaltung.objects.get(regional_key="020585890").name == "Hüttener Berge (Land 02)"
    assert Verwaltung.objects.get(regional_key="020585890").kreis.regional_key == "02058"
    assert Gemeinde.objects.get(ars="020585890008").name == "Ascheffel (Land 02)"
    sh_after = registry_snapshot()
    assert [row for row in sh_after["verwaltungen"] if row[0].startswith("01")] == sh_before[
        "verwaltungen"
    ]
    assert [row for row in sh_after["gemeinden"] if row[0].startswith("01")] == sh_before[
        "gemeinden"
    ]


def test_selectors_count_the_gemeinden_each_body_serves(small_file: Path) -> None:
    run_import(small_file)

    with CaptureQueriesContext(connection) as queries:
        bodies = {body.regional_key: body for body in verwaltung_list_with_counts()}
    assert len(queries) == 1

    amt = bodies["010585890"]
    assert amt.gemeinde_count == 16
    assert amt.population_sum == sum(
        Gemeinde.objects.filter(verwaltung=amt).values_list("population", flat=True)
    )
    kreis = bodies["01058"]
    assert kreis.gemeinde_count == Gemeinde.objects.filter(ags__startswith="01058").count()
    assert bodies["01001"].gemeinde_count == 1
    assert bodies["01001"].population_sum == 90164
    assert bodies["010580135"].gemeinde_count == 1

    Gemeinde.objects.filter(ags="01058008").update(active=False)
    only_amt = verwaltung_list_with_counts(kreis_key="01058", kind="amt", search="Hüttener")
    assert [(body.name, body.gemeinde_count) for body in only_amt] == [("Hüttener Berge", 15)]
    by_key_prefix = verwaltung_list_with_counts(search="0105858")
    assert len(by_key_prefix) == 14
    assert all(body.kind == "amt" for body in by_key_prefix)

    assert verwaltung_get_by_regional_key(regional_key="010585890") == amt
    assert verwaltung_get_by_regional_key(regional_key="99999") is None


def test_manage_py_exits_with_error_status_and_german_message(tmp_path: Path) -> None:
    latin1 = write_rows(tmp_path / "latin1.csv", small_rows(), encoding="cp1252")

    result = run_manage("import_gemeindeverzeichnis", str(latin1))

    assert result.returncode != 0
    assert "Das Gemeindeverzeichnis wurde nicht importiert" in result.stderr
    assert "nicht UTF-8-kodiert" in result.stderr
    assert "Zeile " in result.stderr
