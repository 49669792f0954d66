"""The OZG catalogue reader: records, whitespace in names, and every way the two files can be
broken, each reported in German with file and line."""

import io

import pytest

from shop.catalogue.ozg_katalog import DEFAULT_LEIKA_LEISTUNGEN
from shop.catalogue.ozg_katalog import DEFAULT_OZG_LEISTUNGEN
from shop.catalogue.ozg_katalog import MAX_REPORTED_PROBLEMS
from shop.catalogue.ozg_katalog import OzgKatalog
from shop.catalogue.ozg_katalog import OzgKatalogError
from shop.catalogue.ozg_katalog import parse_ozg_katalog

# The two files by the names the messages give them.
OZG = "ozg_leistungen.csv"
LEIKA = "leika_leistungen.csv"

OZG_HEADER = "ozg_id,ozg_leistung,lage,themenfeld"
# Rows copied from the shipped files; the key is each one's line number in this sample.
OZG_ROWS = {
    2: "10000,Elterngeld,Geburt,Familie & Kind",
    3: "10001,Erklärung zur Vaterschafts-/Mutterschaftsanerkennung,Geburt,Familie & Kind",
    4: "10055,Anerkennung von Bildungsabschlüssen,Studium,Bildung",
    5: "10119,Personalausweis,Querschnitt Bürger,Querschnitt ",
}
ELTERNGELD = OZG_ROWS[2]

LEIKA_HEADER = "leika_schluessel,leistung,ozg_id,leika_typ,rechtsgrundlage,gesetze,gesetz_kuerzel"
LEIKA_ROWS = {
    2: "99041006000000,Elterngeld,10000,2/3,Bundeselterngeld- und Elternzeitgesetz (BEEG) "
    "[http://www.gesetze-im-internet.de/beeg/],Bundeselterngeld- und Elternzeitgesetz,BEEG",
    3: "99041006151000,Elterngeld Berechnung,10000,2/3,,,",
    # OZG-ID 10280 is not among the OZG-Leistungen of this sample.
    4: ",Anerkennung und Überwachung von Managementsystemen über nicht zulassungspflichtige "
    "Versandstücke zur Beförderung radioaktiver Stoffe,10280,1,,,",
    5: '99089036000000,Strafanzeige,,2/3,"§ 158 Strafprozessordnung (StPO), § 138 '
    'Strafgesetzbuch (StGB)","Strafgesetzbuch, Strafprozessordnung","StGB, StPO"',
    6: "99136005080003,Hochwassersoforthilfen Gewährung  für geschädigte Eigentümer von "
    "Wohngebäuden,10055,4,Bundeskindergeldgesetz  (BKGG),,",
}
ELTERNGELD_LEIKA = LEIKA_ROWS[2]
WITHOUT_KEY = LEIKA_ROWS[4]


def sample_text(
    rows: dict[int, str],
    *,
    header: str,
    replace: dict[int, str] | None = None,
    append: tuple[str, ...] = (),
) -> str:
    rows = {**rows, **(replace or {})}
    lines = [header, *(row for _, row in sorted(rows.items())), *append]
    return "\r\n".join(lines) + "\r\n"


def ozg_text(*, header: str = OZG_HEADER, **kwargs: object) -> str:
    return sample_text(OZG_ROWS, header=header, **kwargs)


def leika_text(*, header: str = LEIKA_HEADER, **kwargs: object) -> str:
    return sample_text(LEIKA_ROWS, header=header, **kwargs)


def parse_texts(
    *,
    ozg: str | None = None,
    leika: str | None = None,
    ozg_encoding: str = "utf-8",
    leika_encoding: str = "utf-8",
) -> OzgKatalog:
    return parse_ozg_katalog(
        leistungen=io.BytesIO((ozg_text() if ozg is None else ozg).encode(ozg_encoding)),
        leika=io.BytesIO((leika_text() if leika is None else leika).encode(leika_encoding)),
    )


def sample_of(file: str, **changes: object) -> dict[str, str]:
    """The sample of `file` (OZG or LEIKA) with `changes`, as the keyword parse_texts takes."""
    return {"ozg": ozg_text(**changes)} if file == OZG else {"leika": leika_text(**changes)}


def parse_error(**kwargs: object) -> OzgKatalogError:
    with pytest.raises(OzgKatalogError) as caught:
        parse_texts(**kwargs)
    return caught.value


def test_sample_files_yield_the_catalogue() -> None:
    katalog = parse_texts()

    assert [(record.line, record.name) for record in katalog.themenfelder] == [
        (2, "Familie & Kind"),
        (4, "Bildung"),
        (5, "Querschnitt"),
    ]
    assert [(record.name, record.themenfeld) for record in katalog.lagen] == [
        ("Geburt", "Familie & Kind"),
        ("Studium", "Bildung"),
        ("Querschnitt Bürger", "Querschnitt"),
    ]
    personalausweis = katalog.ozg_leistungen[3]
    assert (personalausweis.line, personalausweis.ozg_id, personalausweis.name) == (
        5,
        "10119",
        "Personalausweis",
    )
    assert (personalausweis.lage, personalausweis.themenfeld) == (
        "Querschnitt Bürger",
        "Querschnitt",
    )

    leika = {record.line: record for record in katalog.leika_leistungen}
    elterngeld = leika[2]
    assert (elterngeld.key, elterngeld.name, elterngeld.ozg_id, elterngeld.leika_type) == (
        "99041006000000",
        "Elterngeld",
        "10000",
        "2/3",
    )
    assert elterngeld.legal_basis.startswith("Bundeselterngeld- und Elternzeitgesetz (BEEG) [http")
    assert (elterngeld.laws, elterngeld.law_abbreviations) == (
        "Bundeselterngeld- und Elternzeitgesetz",
        "BEEG",
    )
    assert leika[4].key == ""
    assert leika[5].laws == "Strafgesetzbuch, Strafprozessordnung"
    assert leika[5].law_abbreviations == "StGB, StPO"
    assert katalog.repeated_rows == ()


def test_leika_leistungen_without_ozg_leistung_are_kept() -> None:
    katalog = parse_texts()

    without = katalog.leika_leistungen_without_ozg_leistung
    # An OZG-ID missing from the OZG file (line 4) and an empty OZG-ID (line 5).
    assert [(record.line, record.ozg_id) for record in without] == [(4, "10280"), (5, "")]


def test_names_lose_surrounding_and_repeated_whitespace_other_columns_stay() -> None:
    katalog = parse_texts(
        ozg=ozg_text(replace={3: "10001, Vaterschaft ,Geburt,  Familie   &  Kind "}),
    )

    assert [record.name for record in katalog.themenfelder] == [
        "Familie & Kind",
        "Bildung",
        "Querschnitt",
    ]
    assert katalog.ozg_leistungen[1].name == "Vaterschaft"
    assert katalog.ozg_leistungen[1].themenfeld == "Familie & Kind"
    hochwasser = next(record for record in katalog.leika_leistungen if record.line == 6)
    assert hochwasser.name == (
        "Hochwassersoforthilfen Gewährung für geschädigte Eigentümer von Wohngebäuden"
    )
    assert hochwasser.legal_basis == "Bundeskindergeldgesetz  (BKGG)"


def test_a_row_repeated_value_for_value_is_skipped_and_counted() -> None:
    katalog = parse_texts(
        ozg=ozg_text(append=(ELTERNGELD,)),
        leika=leika_text(append=(WITHOUT_KEY, ELTERNGELD_LEIKA.replace(",BEEG", ", BEEG "))),
    )

    assert len(katalog.ozg_leistungen) == 4
    assert len(katalog.leika_leistungen) == 5
    assert [(row.file, row.line, row.first_line) for row in katalog.repeated_rows] == [
        ("ozg_leistungen.csv", 6, 2),
        ("leika_leistungen.csv", 7, 4),
        ("leika_leistungen.csv", 8, 2),
    ]


def test_reads_paths_with_lf_line_ends_and_a_byte_order_mark(tmp_path) -> None:
    ozg = tmp_path / "ozg.csv"
    ozg.write_bytes(b"\xef\xbb\xbf" + ozg_text().replace("\r\n", "\n").encode())
    leika = tmp_path / "leika.csv"
    leika.write_text(leika_text(), encoding="utf-8")

    assert len(parse_ozg_katalog(leistungen=ozg, leika=str(leika)).ozg_leistungen) == 4


def test_shipped_files_are_read_completely() -> None:
    katalog = parse_ozg_katalog(leistungen=DEFAULT_OZG_LEISTUNGEN, leika=DEFAULT_LEIKA_LEISTUNGEN)

    assert len(katalog.themenfelder) == 14
    # The issue and the data README speak of 58 Lagen; the shipped file names 55 (by name, by
    # normalised name and by Themenfeld and name alike).
    assert len(katalog.lagen) == 55
    assert len(katalog.ozg_leistungen) == 557
    # 5,251 rows, of which line 2486 repeats line 2485 (a LeiKa-Leistung without key).
    assert len(katalog.leika_leistungen) == 5250
    assert [(row.line, row.first_line) for row in katalog.repeated_rows] == [(2486, 2485)]
    assert sum(1 for record in katalog.leika_leistungen if not record.key) == 437
    # All 26 have an empty OZG-ID: LeiKa-Leistungen outside the OZG.
    without = katalog.leika_leistungen_without_ozg_leistung
    assert len(without) == 26
    assert {record.ozg_id for record in without} == {""}
    assert "Querschnitt" in {record.name for record in katalog.themenfelder}


def assert_names_file_line_and_problem(
    error: OzgKatalogError, *, file: str, line: int, fragments: list[str]
) -> None:
    assert (error.file, error.line) == (file, line)
    assert str(error).startswith(f"{file}, Zeile {line}: ")
    for fragment in fragments:
        assert fragment in error.message


@pytest.mark.parametrize(
    ("file", "header", "fragments"),
    [
        pytest.param(
            OZG,
            "ozg_id,ozg_leistung",
            ["fehlen die Spalten „lage“, „themenfeld“", "„ozg_id,ozg_leistung,lage,themenfeld“"],
            id="ozg-missing-columns",
        ),
        pytest.param(
            LEIKA,
            "leika_schluessel,leistung,ozg_id",
            ["fehlen die Spalten „leika_typ“, „rechtsgrundlage“, „gesetze“, „gesetz_kuerzel“"],
            id="leika-missing-columns",
        ),
    ],
)
def test_missing_columns_are_named_with_file_and_line_1(
    file: str, header: str, fragments: list[str]
) -> None:
    error = parse_error(**sample_of(file, header=header))

    assert_names_file_line_and_problem(error, file=file, line=1, fragments=fragments)


# A row at `line` takes the place of the sample's row there or, after the last, is added.
@pytest.mark.parametrize(
    ("file", "line", "row", "fragments"),
    [
        pytest.param(
            OZG,
            3,
            "1001,Vaterschaft,Geburt,Familie & Kind",
            ["Die OZG-ID „1001“ besteht nicht aus 5 Ziffern."],
            id="ozg-id-four-digits",
        ),
        pytest.param(
            OZG,
            3,
            "1000A,Vaterschaft,Geburt,Familie & Kind",
            ["Die OZG-ID „1000A“ besteht nicht aus 5 Ziffern."],
            id="ozg-id-with-letter",
        ),
        pytest.param(
            OZG,
            3,
            ",Vaterschaft,Geburt,Familie & Kind",
            ["Die OZG-ID (Spalte „ozg_id“) fehlt."],
            id="ozg-id-missing",
        ),
        pytest.param(
            OZG,
            4,
            "10055,,Studium,Bildung",
            ["Der Name der OZG-Leistung (Spalte „ozg_leistung“) fehlt."],
            id="ozg-name-missing",
        ),
        pytest.param(
            OZG,
            4,
            "10055,Anerkennung,   ,Bildung",
            ["Die Lage (Spalte „lage“) fehlt."],
            id="lage-blank",
        ),
        pytest.param(
            OZG,
            4,
            "10055,Anerkennung,Studium,",
            ["Das Themenfeld (Spalte „themenfeld“) fehlt."],
            id="themenfeld-missing",
        ),
        pytest.param(
            OZG,
            4,
            "10055,Anerkennung,Studium",
            ["Die Zeile hat 3 statt 4 Spalten."],
            id="ozg-truncated-row",
        ),
        pytest.param(
            OZG,
            4,
            f"10055,{'x' * 301},Studium,Bildung",
            ["Der Name der OZG-Leistung", "301 Zeichen zu lang", "höchstens 300"],
            id="ozg-name-too-long",
        ),
        pytest.param(
            OZG,
            4,
            f"10055,{'x' * 200_000},Studium,Bildung",
            ["kein gültiges CSV"],
            id="field-beyond-csv-limit",
        ),
        pytest.param(
            OZG,
            6,
            "10000,Elterngeld Plus,Geburt,Familie & Kind",
            ["Die OZG-ID 10000 steht schon in Zeile 2."],
            id="duplicate-ozg-id",
        ),
        pytest.param(
            OZG,
            6,
            "10600,Kinderbonus,Geburt,Bildung",
            [
                "Die Lage „Geburt“ steht hier im Themenfeld „Bildung“, in Zeile 2 aber im "
                "Themenfeld „Familie & Kind“",
            ],
            id="lage-in-two-themenfelder",
        ),
        pytest.param(
            LEIKA,
            3,
            "9904100615100,Elterngeld Berechnung,10000,2/3,,,",
            ["Der LeiKa-Schlüssel „9904100615100“ besteht nicht aus 14 Ziffern"],
            id="leika-key-13-digits",
        ),
        pytest.param(
            LEIKA,
            3,
            "99041006151OOO,Elterngeld Berechnung,10000,,,,",
            ["Der LeiKa-Schlüssel „99041006151OOO“ besteht nicht aus 14 Ziffern"],
            id="leika-key-with-letters",
        ),
        pytest.param(
            LEIKA,
            3,
            "99041006151000,  ,10000,2/3,,,",
            ["Der Name der LeiKa-Leistung (Spalte „leistung“) fehlt."],
            id="leika-name-missing",
        ),
        pytest.param(
            LEIKA,
            3,
            "99041006151000,Elterngeld Berechnung,100,2/3,,,",
            ["Die OZG-ID „100“ besteht nicht aus 5 Ziffern."],
            id="leika-ozg-id-malformed",
        ),
        pytest.param(
            LEIKA,
            3,
            f"99041006151000,Berechnung,10000,{'2' * 21},,,",
            ["Die Typisierung (Spalte „leika_typ“) ist mit 21 Zeichen zu lang"],
            id="leika-type-too-long",
        ),
        pytest.param(
            LEIKA,
            7,
            "99041006000000,Elterngeld Antrag,10000,2/3,,,",
            ["Der LeiKa-Schlüssel 99041006000000 steht schon in Zeile 2."],
            id="duplicate-leika-key",
        ),
        pytest.param(
            LEIKA,
            7,
            WITHOUT_KEY.replace(",1,,,", ",2/3,,,"),
            ["ohne Schlüssel steht mit derselben OZG-ID „10280“ schon in Zeile 4"],
            id="leistung-without-key-twice-with-different-data",
        ),
    ],
)
def test_malformed_row_is_named_with_file_line_and_problem(
    file: str, line: int, row: str, fragments: list[str]
) -> None:
    error = parse_error(**sample_of(file, replace={line: row}))

    assert_names_file_line_and_problem(error, file=file, line=line, fragments=fragments)


@pytest.mark.parametrize(
    ("encodings", "file", "line"),
    [
        # The first non-ASCII character: the "ä" of "Erklärung" and the "Ü" of "Überwachung".
        ({"ozg_encoding": "cp1252"}, OZG, 3),
        ({"leika_encoding": "cp1252"}, LEIKA, 4),
    ],
)
def test_file_in_latin1_is_named_with_its_line(
    encodings: dict[str, str], file: str, line: int
) -> None:
    error = parse_error(**encodings)

    assert (error.file, error.line) == (file, line)
    assert str(error).startswith(f"{file}, Zeile {line}: Die Datei ist nicht UTF-8-kodiert")
    assert "als UTF-8 speichern" in error.message


def test_excel_workbook_is_recognised() -> None:
    with pytest.raises(OzgKatalogError, match="Excel-Arbeitsmappe") as caught:
        parse_ozg_katalog(
            leistungen=io.BytesIO(b"PK\x03\x04\x14\x00\x06\x00"),
            leika=io.BytesIO(leika_text().encode()),
        )
    assert "Bitte die Liste der OZG-Leistungen als CSV" in caught.value.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "Die Datei ist leer."),
        ("\r\n\r\n", "Die Datei ist leer."),
        (OZG_HEADER + "\r\n", "Die Datei enthält keine Datenzeilen."),
        (OZG_HEADER + "\r\n,,,\r\n", "Die Datei enthält keine Datenzeilen."),
    ],
)
def test_empty_file_is_rejected(content: str, message: str) -> None:
    error = parse_error(ozg=content)

    assert str(error) == f"ozg_leistungen.csv: {message}"


def test_missing_file_is_named() -> None:
    with pytest.raises(OzgKatalogError) as caught:
        parse_ozg_katalog(leistungen="/nicht/da/ozg.csv", leika=DEFAULT_LEIKA_LEISTUNGEN)

    assert str(caught.value) == "ozg.csv: Die Datei „/nicht/da/ozg.csv“ wurde nicht gefunden."


def test_messages_name_the_file_as_given(tmp_path) -> None:
    path = tmp_path / "ozg-2025.csv"
    path.write_text(ozg_text(replace={3: "1001,Vaterschaft,Geburt,Familie & Kind"}))

    with pytest.raises(OzgKatalogError) as caught:
        parse_ozg_katalog(leistungen=path, leika=io.BytesIO(leika_text().encode()))

    assert str(caught.value).startswith("ozg-2025.csv, Zeile 3: ")


def test_problems_of_both_files_are_reported_together_each_in_line_order() -> None:
    error = parse_error(
        ozg=ozg_text(
            replace={5: "10119,,Querschnitt Bürger,Querschnitt", 3: "1001,V,Geburt,Familie & Kind"}
        ),
        leika=leika_text(replace={3: "123,Elterngeld Berechnung,10000,2/3,,,"}),
    )

    assert [(problem.file, problem.line) for problem in error.problems] == [
        (OZG, 3),
        (OZG, 5),
        (LEIKA, 3),
    ]
    assert str(error).splitlines()[2].startswith("leika_leistungen.csv, Zeile 3: Der LeiKa-")


def test_problems_beyond_the_limit_are_counted_not_listed() -> None:
    broken = tuple(f"1{n:03d},Leistung {n},Geburt,Familie & Kind" for n in range(30))

    error = parse_error(ozg=ozg_text(append=broken))

    assert len(error.problems) == MAX_REPORTED_PROBLEMS
    assert error.omitted_count == 10
    assert str(error).endswith("… und 10 weitere Fehler.")
