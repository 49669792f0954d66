"""`import_ozg_katalog` builds the OZG catalogue from the two shipped files, re-runs without
writing, follows renames, moves, additions and removals without deleting anything, and rejects
broken files untouched."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from shop.catalogue.ozg_katalog import DEFAULT_LEIKA_LEISTUNGEN
from shop.catalogue.ozg_katalog import DEFAULT_OZG_LEISTUNGEN
from shop.catalogue.selectors import lage_list
from shop.catalogue.selectors import ozg_leistung_get
from shop.catalogue.selectors import ozg_leistung_list
from shop.catalogue.selectors import themenfeld_list
from shop.models import Lage
from shop.models import LeikaLeistung
from shop.models import OzgLeistung
from shop.models import Themenfeld
from tests.factories import LeikaLeistungFactory
from tests.manage import run_manage

pytestmark = pytest.mark.django_db

REPORT_TYPES = ["themenfeld", "lage", "ozg_leistung", "leika_leistung"]
# The issue asks for "14 Themenfelder, 58 Lagen, 557 OZG-Leistungen, 5,251 LeiKa-Leistungen".
# The shipped file names 55 distinct Lagen, however counted (by name, by whitespace-normalised
# name, by Themenfeld and name), and the LeiKa file has 5,251 rows of which line 2486 repeats
# line 2485 value for value (a LeiKa-Leistung without key): 5,250 LeiKa-Leistungen.
SHIPPED_COUNTS = {"themenfeld": 14, "lage": 55, "ozg_leistung": 557, "leika_leistung": 5250}
# All 26 LeiKa-Leistungen without OZG-Leistung have an empty OZG-ID in the shipped file.
SHIPPED_WITHOUT_OZG_LEISTUNG = 26
NOTHING = dict.fromkeys(REPORT_TYPES, 0)
NO_CHANGES_MESSAGE = "Keine Änderungen: der Katalog entspricht bereits den Dateien."

# Columns of the two files.
OZG_ID, OZG_NAME, LAGE, THEMENFELD = range(4)
LEIKA_KEY, LEIKA_NAME, LEIKA_OZG_ID, LEIKA_TYPE = range(4)


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        header, *rows = csv.reader(file)
    return header, rows


def write_rows(
    path: Path, header: list[str], rows: list[list[str]], *, encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, lineterminator="\r\n").writerows([header, *rows])
    return path


OZG_HEADER, OZG_ROWS = read_rows(DEFAULT_OZG_LEISTUNGEN)
LEIKA_HEADER, LEIKA_ROWS = read_rows(DEFAULT_LEIKA_LEISTUNGEN)


def small_ozg_rows() -> list[list[str]]:
    """Themenfelder "Familie & Kind" and "Querschnitt " (with the trailing space of the
    shipped file): small enough to import in every test that needs a catalogue."""
    return [list(row) for row in OZG_ROWS if row[THEMENFELD] in ("Familie & Kind", "Querschnitt ")]


def small_leika_rows() -> list[list[str]]:
    """The LeiKa-Leistungen of the small OZG file and those with an empty OZG-ID."""
    ozg_ids = {row[OZG_ID] for row in small_ozg_rows()} | {""}
    return [list(row) for row in LEIKA_ROWS if row[LEIKA_OZG_ID] in ozg_ids]


@pytest.fixture
def small_files(tmp_path: Path) -> tuple[Path, Path]:
    return (
        write_rows(tmp_path / "ozg_klein.csv", OZG_HEADER, small_ozg_rows()),
        write_rows(tmp_path / "leika_klein.csv", LEIKA_HEADER, small_leika_rows()),
    )


def file_options(files: tuple[Path, Path]) -> list[str]:
    leistungen, leika = files
    return ["--leistungen", str(leistungen), "--leika", str(leika)]


def run_import(*options: str) -> dict:
    stdout = io.StringIO()
    call_command("import_ozg_katalog", *options, "--json", stdout=stdout)
    return json.loads(stdout.getvalue().splitlines()[-1])


def run_import_for_humans(*options: str) -> str:
    stdout = io.StringIO()
    call_command("import_ozg_katalog", *options, stdout=stdout)
    return stdout.getvalue()


def catalogue_snapshot() -> dict[str, list[tuple]]:
    return {
        "themenfelder": list(Themenfeld.objects.order_by("pk").values_list("pk", "name", "slug")),
        "lagen": list(
            Lage.objects.order_by("pk").values_list("pk", "themenfeld_id", "name", "slug")
        ),
        "ozg_leistungen": list(
            OzgLeistung.objects.order_by("pk").values_list("pk", "ozg_id", "name", "lage_id")
        ),
        "leika_leistungen": list(
            LeikaLeistung.objects.order_by("pk").values_list(
                "pk",
                "key",
                "name",
                "ozg_id",
                "ozg_leistung_id",
                "leika_type",
                "legal_basis",
                "laws",
                "law_abbreviations",
            )
        ),
    }


def write_queries(queries: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_shipped_files_build_the_catalogue() -> None:
    # Without --leistungen and --leika the command reads the shipped files.
    output = run_import_for_humans()

    assert "LeiKa-Leistungen" in output
    assert "5.250" in output
    assert "LeiKa-Leistungen ohne OZG-Leistung im Katalog: 26" in output
    assert "Wiederholte Zeilen übersprungen: 1" in output
    assert output.rstrip().splitlines()[-1] == "OZG-Katalog importiert."

    assert Themenfeld.objects.count() == SHIPPED_COUNTS["themenfeld"]
    assert Lage.objects.count() == SHIPPED_COUNTS["lage"]
    assert OzgLeistung.objects.count() == SHIPPED_COUNTS["ozg_leistung"]
    assert LeikaLeistung.objects.count() == SHIPPED_COUNTS["leika_leistung"]
    assert LeikaLeistung.objects.exclude(key="").count() == 4813
    assert LeikaLeistung.objects.filter(key="").count() == 437

    # "Querschnitt " in the file, without its trailing space here.
    assert Themenfeld.objects.filter(name__startswith="Querschnitt").get().name == "Querschnitt"
    slugs = dict(Themenfeld.objects.values_list("name", "slug"))
    assert slugs["Bauen & Wohnen"] == "bauen-wohnen"
    assert slugs["Mobilität & Reisen"] == "mobilitaet-reisen"
    assert slugs["Unternehmensführung & -entwicklung"] == "unternehmensfuehrung-entwicklung"
    lage_slugs = dict(Lage.objects.values_list("name", "slug"))
    assert lage_slugs["Führerschein"] == "fuehrerschein"
    assert lage_slugs["Eheschließung"] == "eheschliessung"
    # No two Lagen of the shipped file share a slug, so none needs its Themenfeld in front.
    assert not Lage.objects.filter(slug__contains="-querschnitt-").exists()

    elterngeld = OzgLeistung.objects.select_related("lage__themenfeld").get(ozg_id="10000")
    assert (elterngeld.name, elterngeld.lage.name, elterngeld.lage.themenfeld.name) == (
        "Elterngeld",
        "Geburt",
        "Familie & Kind",
    )
    assert sorted(elterngeld.leika_leistungen.values_list("key", flat=True)) == [
        "99041006000000",
        "99041006013000",
        "99041006017000",
        "99041006151000",
    ]
    leika = LeikaLeistung.objects.get(key="99041006000000")
    assert (leika.leika_type, leika.law_abbreviations) == ("2/3", "BEEG")
    assert leika.laws == "Bundeselterngeld- und Elternzeitgesetz"
    assert leika.legal_basis.startswith("Bundeselterngeld- und Elternzeitgesetz (BEEG)")

    # The admin listing and the choosers search the index, which bulk writes bypass.
    found = get_search_backend().autocomplete("Elterng", OzgLeistung)
    assert "10000" in {leistung.ozg_id for leistung in found}


def test_leika_leistungen_without_ozg_leistung_are_kept_with_their_raw_ozg_id() -> None:
    report = run_import()

    assert report["without_ozg_leistung"] == SHIPPED_WITHOUT_OZG_LEISTUNG
    without = LeikaLeistung.objects.filter(ozg_leistung=None)
    assert without.count() == SHIPPED_WITHOUT_OZG_LEISTUNG
    assert set(without.values_list("ozg_id", flat=True)) == {""}
    assert without.filter(name="Polizei-Internetwache", key="").exists()
    assert without.filter(key="99089036000000", name="Strafanzeige").exists()
    # Every LeiKa-Leistung with an OZG-ID of the catalogue is linked to it.
    assert not LeikaLeistung.objects.exclude(ozg_id="").filter(ozg_leistung=None).exists()
    linked = LeikaLeistung.objects.filter(ozg_leistung__isnull=False)
    assert not linked.exclude(ozg_leistung__ozg_id=F("ozg_id")).exists()


def test_reimport_reports_json_and_writes_nothing() -> None:
    first = run_import()

    assert list(first) == [
        "created",
        "updated",
        "unchanged",
        "missing",
        "without_ozg_leistung",
        "repeated_rows",
    ]
    for outcome in ("created", "updated", "unchanged", "missing"):
        assert list(first[outcome]) == REPORT_TYPES
    assert first["created"] == SHIPPED_COUNTS
    assert first["updated"] == first["unchanged"] == first["missing"] == NOTHING
    assert (first["without_ozg_leistung"], first["repeated_rows"]) == (26, 1)

    before = catalogue_snapshot()
    with CaptureQueriesContext(connection) as queries:
        second = run_import()

    assert write_queries(queries) == []
    assert second == {
        "created": NOTHING,
        "updated": NOTHING,
        "unchanged": SHIPPED_COUNTS,
        "missing": NOTHING,
        "without_ozg_leistung": 26,
        "repeated_rows": 1,
    }
    assert catalogue_snapshot() == before

    output = run_import_for_humans()
    assert output.rstrip().splitlines()[-1] == NO_CHANGES_MESSAGE


def test_changed_files_update_create_and_report_missing_entries_without_deleting(
    small_files: tuple[Path, Path], tmp_path: Path
) -> None:
    run_import(*file_options(small_files))
    ozg_rows, leika_rows = small_ozg_rows(), small_leika_rows()
    removed_leika = [row for row in leika_rows if row[LEIKA_OZG_ID] == "10002"]
    scheidung_ids = [row[OZG_ID] for row in ozg_rows if row[LAGE] == "Scheidung"]
    assert removed_leika
    assert scheidung_ids == ["10030", "10031", "10032"]

    changed_ozg = []
    for row in ozg_rows:
        if row[OZG_ID] == "10002":
            continue  # Familienversicherung vanishes, with its LeiKa-Leistungen
        if row[OZG_ID] == "10000":
            row[OZG_NAME] = "Elterngeld und ElterngeldPlus"
        if row[OZG_ID] == "10001":
            row[LAGE] = "Adoption & Pflegekinder"
        if row[LAGE] == "Scheidung":
            row[THEMENFELD] = "Recht & Ordnung"
        changed_ozg.append(row)
    changed_leika = [row for row in leika_rows if row[LEIKA_OZG_ID] != "10002"]
    berechnung = next(row for row in changed_leika if row[LEIKA_KEY] == "99041006151000")
    berechnung[LEIKA_TYPE] = "1"
    changed_leika += [
        ["99041006999000", "Elterngeld Auszahlung", "10000", "2/3", "", "", ""],
        ["", "Kinderbonus", "10999", "1", "", "", ""],
    ]
    changed_files = (
        write_rows(tmp_path / "ozg_neu.csv", OZG_HEADER, changed_ozg),
        write_rows(tmp_path / "leika_neu.csv", LEIKA_HEADER, changed_leika),
    )

    report = run_import(*file_options(changed_files))

    # Scheidung moved to another Themenfeld: a Lage of its own there, the old one is missing.
    assert report["created"] == {
        "themenfeld": 1,
        "lage": 1,
        "ozg_leistung": 0,
        "leika_leistung": 2,
    }
    assert report["updated"] == {**NOTHING, "ozg_leistung": 2 + 3, "leika_leistung": 1}
    assert report["missing"] == {
        "themenfeld": 0,
        "lage": 1,
        "ozg_leistung": 1,
        "leika_leistung": len(removed_leika),
    }
    assert report["without_ozg_leistung"] == SHIPPED_WITHOUT_OZG_LEISTUNG + 1

    elterngeld = OzgLeistung.objects.get(ozg_id="10000")
    assert elterngeld.name == "Elterngeld und ElterngeldPlus"
    assert OzgLeistung.objects.get(ozg_id="10001").lage.name == "Adoption & Pflegekinder"
    assert elterngeld.leika_leistungen.filter(key="99041006999000").exists()
    assert LeikaLeistung.objects.get(key="99041006151000").leika_type == "1"
    kinderbonus = LeikaLeistung.objects.get(name="Kinderbonus")
    assert (kinderbonus.ozg_id, kinderbonus.ozg_leistung) == ("10999", None)

    new_scheidung = Lage.objects.get(name="Scheidung", themenfeld__name="Recht & Ordnung")
    old_scheidung = Lage.objects.get(name="Scheidung", themenfeld__name="Familie & Kind")
    # The slug "scheidung" stays with the old Lage; the new one gets its Themenfeld in front.
    assert (old_scheidung.slug, new_scheidung.slug) == ("scheidung", "recht-ordnung-scheidung")
    assert sorted(new_scheidung.ozg_leistungen.values_list("ozg_id", flat=True)) == scheidung_ids
    assert not old_scheidung.ozg_leistungen.exists()

    # Nothing is deleted: the vanished OZG-Leistung keeps its LeiKa-Leistungen.
    familienversicherung = OzgLeistung.objects.get(ozg_id="10002")
    assert familienversicherung.leika_leistungen.count() == len(removed_leika)

    # Kept, but marked: the next import counts only what newly goes missing.
    assert familienversicherung.in_catalogue is False
    assert not familienversicherung.leika_leistungen.filter(in_catalogue=True).exists()

    again = run_import(*file_options(small_files))

    # Familienversicherung and its LeiKa-Leistungen are back in the catalogue.
    assert again["created"] == NOTHING
    assert again["updated"] == {
        **NOTHING,
        "ozg_leistung": 5 + 1,
        "leika_leistung": 1 + len(removed_leika),
    }
    assert OzgLeistung.objects.get(ozg_id="10002").in_catalogue is True
    assert again["missing"] == {
        "themenfeld": 1,
        "lage": 1,
        "ozg_leistung": 0,
        "leika_leistung": 2,
    }
    assert OzgLeistung.objects.get(ozg_id="10000").name == "Elterngeld"
    assert Lage.objects.get(slug="scheidung").ozg_leistungen.count() == 3

    output = run_import_for_humans(*file_options(small_files))
    assert (
        output.rstrip()
        .splitlines()[-1]
        .startswith("Keine Änderungen: der Katalog enthält bereits alles aus den Dateien")
    )


def test_similar_names_get_distinct_slugs(tmp_path: Path) -> None:
    rows = [
        ["10000", "Elterngeld", "Querschnitt Bürger", "Bauen & Wohnen"],
        ["10001", "Vaterschaft", "Querschnitt-Bürger", "Bauen & Wohnen"],
        ["10002", "Familienversicherung", "Geburt", "Bauen + Wohnen"],
        ["10003", "Geburtsanzeige", "&", "Bauen + Wohnen"],
    ]
    files = (
        write_rows(tmp_path / "ozg.csv", OZG_HEADER, rows),
        write_rows(tmp_path / "leika.csv", LEIKA_HEADER, [LEIKA_ROWS[0]]),
    )

    run_import(*file_options(files))

    assert dict(Themenfeld.objects.values_list("name", "slug")) == {
        "Bauen & Wohnen": "bauen-wohnen",
        "Bauen + Wohnen": "bauen-wohnen-2",
    }
    assert dict(Lage.objects.values_list("name", "slug")) == {
        "Querschnitt Bürger": "querschnitt-buerger",
        "Querschnitt-Bürger": "bauen-wohnen-querschnitt-buerger",
        "Geburt": "geburt",
        "&": "lage",
    }


def broken_files(tmp_path: Path) -> dict[str, tuple[tuple[Path, Path], str]]:
    """Each broken pair also renames an OZG-Leistung, so that a partial import would show."""
    ozg_rows = [
        [row[OZG_ID], "Elterngeld (neu)", *row[LAGE:]] if row[OZG_ID] == "10000" else row
        for row in small_ozg_rows()
    ]
    leika_rows = small_leika_rows()
    good_ozg = write_rows(tmp_path / "ozg.csv", OZG_HEADER, ozg_rows)
    good_leika = write_rows(tmp_path / "leika.csv", LEIKA_HEADER, leika_rows)

    def ozg_variant(name: str, rows: list[list[str]], **kwargs: str) -> tuple[Path, Path]:
        return write_rows(tmp_path / f"{name}.csv", OZG_HEADER, rows, **kwargs), good_leika

    def leika_variant(name: str, rows: list[list[str]], **kwargs: str) -> tuple[Path, Path]:
        return good_ozg, write_rows(tmp_path / f"{name}.csv", LEIKA_HEADER, rows, **kwargs)

    def replaced(rows: list[list[str]], index: int, column: int, value: str) -> list[list[str]]:
        changed = [list(row) for row in rows]
        changed[index][column] = value
        return changed

    last_ozg, last_leika = len(ozg_rows) - 1, len(leika_rows) - 1
    querschnitt = next(i for i, row in enumerate(ozg_rows) if row[THEMENFELD] == "Querschnitt ")
    duplicate_key = ["99041006000000", "Doppelt", "10000", "1", "", "", ""]
    missing_column = tmp_path / "spalte-fehlt.csv"
    missing_column.write_text("ozg_id,ozg_leistung,lage\r\n10000,Elterngeld,Geburt\r\n")
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    return {
        "missing-column": (
            (missing_column, good_leika),
            "spalte-fehlt.csv, Zeile 1: In der Kopfzeile fehlen die Spalten „themenfeld“",
        ),
        "malformed-ozg-id": (
            ozg_variant("ozg-id", replaced(ozg_rows, last_ozg, OZG_ID, "105")),
            f"ozg-id.csv, Zeile {last_ozg + 2}: Die OZG-ID „105“ besteht nicht aus 5 Ziffern.",
        ),
        "lage-in-two-themenfelder": (
            ozg_variant("lage", replaced(ozg_rows, querschnitt, LAGE, "Geburt")),
            f"lage.csv, Zeile {querschnitt + 2}: Die Lage „Geburt“ steht hier im Themenfeld "
            "„Querschnitt“, in Zeile 2 aber im Themenfeld „Familie & Kind“",
        ),
        "malformed-leika-key": (
            leika_variant("leika-key", replaced(leika_rows, last_leika, LEIKA_KEY, "99")),
            f"leika-key.csv, Zeile {last_leika + 2}: Der LeiKa-Schlüssel „99“",
        ),
        "duplicate-leika-key": (
            leika_variant("leika-doppelt", [*leika_rows, duplicate_key]),
            f"leika-doppelt.csv, Zeile {last_leika + 3}: Der LeiKa-Schlüssel 99041006000000 "
            "steht schon in Zeile",
        ),
        "wrong-encoding": (
            leika_variant("latin1", leika_rows, encoding="cp1252"),
            "latin1.csv, Zeile ",
        ),
        "empty": ((good_ozg, empty), "leer.csv: Die Datei ist leer."),
    }


BROKEN_FILE_CASES = [
    "missing-column",
    "malformed-ozg-id",
    "lage-in-two-themenfelder",
    "malformed-leika-key",
    "duplicate-leika-key",
    "wrong-encoding",
    "empty",
]


@pytest.mark.parametrize("case", BROKEN_FILE_CASES)
def test_broken_file_is_rejected_and_changes_nothing(
    case: str, small_files: tuple[Path, Path], tmp_path: Path
) -> None:
    run_import(*file_options(small_files))
    before = catalogue_snapshot()
    files, expected_message = broken_files(tmp_path)[case]

    with pytest.raises(CommandError) as caught:
        run_import(*file_options(files))

    assert expected_message in str(caught.value)
    assert "der Bestand ist unverändert" in str(caught.value)
    assert catalogue_snapshot() == before
    assert OzgLeistung.objects.get(ozg_id="10000").name == "Elterngeld"


def test_failure_while_writing_rolls_back_everything(
    small_files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(*file_options(small_files))
    before = catalogue_snapshot()
    renamed = [[row[OZG_ID], f"{row[OZG_NAME]} (neu)", *row[LAGE:]] for row in small_ozg_rows()]
    leistungen = write_rows(tmp_path / "umbenannt.csv", OZG_HEADER, renamed)

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Datenbank weg")

    # The OZG-Leistungen are written before the LeiKa-Leistungen; failing there undoes them.
    monkeypatch.setattr(LeikaLeistung.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        run_import("--leistungen", str(leistungen), "--leika", str(small_files[1]))

    assert catalogue_snapshot() == before


def test_leika_key_survives_a_leistung_created_by_hand(small_files: tuple[Path, Path]) -> None:
    """A LeiKa-Leistung entered before the import, with a key of the file, is updated, not
    duplicated: the key identifies it."""
    LeikaLeistungFactory(
        key="99041006000000", name="Elterngeld (alt)", ozg_leistung=None, ozg_id=""
    )

    report = run_import(*file_options(small_files))

    assert report["updated"]["leika_leistung"] == 1
    leika = LeikaLeistung.objects.get(key="99041006000000")
    assert (leika.name, leika.ozg_leistung.ozg_id) == ("Elterngeld", "10000")


def test_selectors_filter_and_cost_a_fixed_number_of_queries(
    small_files: tuple[Path, Path],
) -> None:
    run_import(*file_options(small_files))

    with CaptureQueriesContext(connection) as queries:
        themenfelder = [themenfeld.name for themenfeld in themenfeld_list()]
        lagen = [(lage.themenfeld.name, lage.name) for lage in lage_list()]
        leistungen = [
            (leistung.ozg_id, leistung.lage.name, leistung.lage.themenfeld.slug)
            for leistung in ozg_leistung_list()
        ]
    assert len(queries) == 3
    assert themenfelder == ["Familie & Kind", "Querschnitt"]
    assert lagen[0] == ("Familie & Kind", "Adoption & Pflegekinder")
    assert len(leistungen) == len(small_ozg_rows())
    assert [ozg_id for ozg_id, _, _ in leistungen] == sorted(ozg_id for ozg_id, _, _ in leistungen)

    assert [lage.name for lage in lage_list(themenfeld_slug="querschnitt")] == [
        "Querschnitt Bürger",
        "Querschnitt Unternehmen",
    ]
    assert {leistung.lage.name for leistung in ozg_leistung_list(lage_slug="geburt")} == {"Geburt"}
    assert {
        leistung.lage.themenfeld.name
        for leistung in ozg_leistung_list(themenfeld_slug="querschnitt")
    } == {"Querschnitt"}
    assert [leistung.ozg_id for leistung in ozg_leistung_list(search="elterngeld")] == ["10000"]
    assert [leistung.ozg_id for leistung in ozg_leistung_list(search=" 10000 ")] == ["10000"]
    assert ozg_leistung_list(search="Elterngeld", themenfeld_slug="querschnitt").count() == 0

    with CaptureQueriesContext(connection) as queries:
        elterngeld = ozg_leistung_get(ozg_id="10000")
        keys = [leika.key for leika in elterngeld.leika_leistungen.all()]
        themenfeld = elterngeld.lage.themenfeld.name
    assert len(queries) == 2
    assert keys == sorted(keys)
    assert len(keys) == 4
    assert themenfeld == "Familie & Kind"
    assert ozg_leistung_get(ozg_id="99999") is None


def test_manage_py_exits_with_error_status_and_german_message(tmp_path: Path) -> None:
    latin1 = write_rows(tmp_path / "leika.csv", LEIKA_HEADER, small_leika_rows(), encoding="cp1252")

    result = run_manage("import_ozg_katalog", "--leika", str(latin1))

    assert result.returncode != 0
    assert "Der OZG-Katalog wurde nicht importiert" in result.stderr
    assert "leika.csv, Zeile " in result.stderr
    assert "nicht UTF-8-kodiert" in result.stderr


def test_cut_off_or_damaged_files_are_refused_with_their_line(
    small_files: tuple[Path, Path], tmp_path: Path
) -> None:
    run_import(*file_options(small_files))
    before = catalogue_snapshot()
    leistungen, leika = small_files
    content = leistungen.read_bytes()
    line_count = content.count(b"\n")
    cut_inside_last_column = tmp_path / "ozg_abgeschnitten.csv"
    cut_inside_last_column.write_bytes(content.removesuffix(b"\r\n")[:-3])
    with_nul = tmp_path / "leika_nul.csv"
    with_nul.write_bytes(leika.read_bytes().replace(b"Elterngeld", b"Eltern\x00geld", 1))
    nul_line = leika.read_bytes().split(b"Elterngeld", 1)[0].count(b"\n") + 1

    for files, expected in [
        (
            (cut_inside_last_column, leika),
            f"ozg_abgeschnitten.csv, Zeile {line_count}: Die letzte Zeile endet ohne Zeilenumbruch",
        ),
        ((leistungen, with_nul), f"leika_nul.csv, Zeile {nul_line}: Die Datei enthält ein NUL"),
    ]:
        with pytest.raises(CommandError) as caught:
            run_import(*file_options(files))
        assert expected in str(caught.value)
        assert catalogue_snapshot() == before


def test_files_leaving_out_much_of_the_catalogue_need_permission(
    small_files: tuple[Path, Path], tmp_path: Path
) -> None:
    run_import(*file_options(small_files))
    before = catalogue_snapshot()
    familie = [row for row in small_ozg_rows() if row[THEMENFELD] == "Familie & Kind"]
    querschnitt_ids = {row[OZG_ID] for row in small_ozg_rows()} - {row[OZG_ID] for row in familie}
    assert len(querschnitt_ids) * 100 > len(small_ozg_rows()) * 5
    only_familie = (
        write_rows(tmp_path / "ozg_familie.csv", OZG_HEADER, familie),
        small_files[1],
    )

    with pytest.raises(CommandError) as caught:
        run_import(*file_options(only_familie))

    message = str(caught.value)
    assert (
        f"{len(querschnitt_ids)} von {len(small_ozg_rows())} OZG-Leistungen im Katalog" in message
    )
    assert "--allow-missing" in message
    some_id = min(querschnitt_ids)
    name = OzgLeistung.objects.get(ozg_id=some_id).name
    assert f"  OZG-Leistung „{name}“ ({some_id})" in message.splitlines()
    assert catalogue_snapshot() == before

    dry_run = run_import_for_humans(*file_options(only_familie), "--dry-run", "--allow-missing")
    assert f"Nicht mehr im Katalog: OZG-Leistung „{name}“ ({some_id})" in dry_run.splitlines()
    assert dry_run.rstrip().splitlines()[-1] == "Probelauf: nichts wurde gespeichert."
    assert catalogue_snapshot() == before

    report = run_import(*file_options(only_familie), "--allow-missing")

    assert report["missing"]["ozg_leistung"] == len(querschnitt_ids)
    assert (
        set(OzgLeistung.objects.filter(in_catalogue=False).values_list("ozg_id", flat=True))
        == querschnitt_ids
    )
    assert OzgLeistung.objects.filter(ozg_id__in=querschnitt_ids).count() == len(querschnitt_ids)
    # Only what newly goes missing counts: the same files again need no permission.
    assert run_import(*file_options(only_familie))["missing"]["ozg_leistung"] == len(
        querschnitt_ids
    )


def test_dry_run_lists_created_renamed_and_moved_entries(
    small_files: tuple[Path, Path], tmp_path: Path
) -> None:
    run_import(*file_options(small_files))
    before = catalogue_snapshot()
    rows = small_ozg_rows()
    for row in rows:
        if row[OZG_ID] == "10000":
            row[OZG_NAME] = "Elterngeld und ElterngeldPlus"
        if row[OZG_ID] == "10001":
            row[LAGE] = "Adoption & Pflegekinder"
    rows.append(["10999", "Kinderbonus", "Familienleistungen", "Familie & Kind"])
    changed = (write_rows(tmp_path / "ozg_neu.csv", OZG_HEADER, rows), small_files[1])

    output = run_import_for_humans(*file_options(changed), "--dry-run").splitlines()

    assert "Neu: OZG-Leistung „Kinderbonus“ (10999)" in output
    assert "Umbenannt: OZG-Leistung 10000: „Elterngeld“ → „Elterngeld und ElterngeldPlus“" in output
    assert any(
        line.startswith("Neu zugeordnet: OZG-Leistung")
        and "(10001): von Lage" in line
        and "zu Lage Adoption & Pflegekinder (Familie & Kind)" in line
        for line in output
    )
    assert catalogue_snapshot() == before
