"""The Gemeindeverzeichnis reader: number formats, records, and every way a file can be broken."""

import io
from decimal import Decimal

import pytest

from shop.models import Gemeinde
from shop.models import VerwaltungKind
from shop.registry.gemeindeverzeichnis import MAX_REPORTED_PROBLEMS
from shop.registry.gemeindeverzeichnis import GemeindeverzeichnisError
from shop.registry.gemeindeverzeichnis import parse_count
from shop.registry.gemeindeverzeichnis import parse_decimal
from shop.registry.gemeindeverzeichnis import parse_gemeindeverzeichnis

HEADER = (
    "satzart,textkennzeichen,land,rb,kreis,vb,gemeinde,gemeindename,flaeche,bevoelkerung,"
    "maennlich,weiblich,jekm2,postleitzahl,laengengrad,breitengrad,schluessel,bezeichnung,"
    "verstaedterungschluessel,verstaedterungbezeichnung"
)
# Rows copied from the shipped file; the comment gives each one's line number in this sample.
ROWS = {
    2: "10,,01,,,,,Schleswig-Holstein,,,,,,,,,,,,",
    3: '40,41,01,0,01,,,"Flensburg, Stadt",,,,,,,,,,,,',
    4: '50,50,01,0,01,0000,,"Flensburg, Stadt",,,,,,,,,,,,',
    5: '60,61,01,0,01,0000,000,"Flensburg, Stadt", 53.02, 90 164, 44 904, 45 260, 1 701,24937,'
    '"9,43751","54,78252",F02,Ostsee,01,dicht besiedelt',
    6: "40,43,01,0,53,,,Herzogtum Lauenburg,,,,,,,,,,,,",
    7: '50,50,01,0,53,9105,,"Sachsenwald (Forstgutsbez.),gemfr.Geb.",,,,,,,,,,,,',
    8: '60,66,01,0,53,9105,105,"Sachsenwald (Forstgutsbez.),gemfr.Geb.", 58.49,  0,  0,  0,  0,,'
    '"10,373262","53,530995",F04,übrig. Schleswig-Holstein,03,gering besiedelt',
    9: "40,43,01,0,58,,,Rendsburg-Eckernförde,,,,,,,,,,,,",
    10: '50,50,01,0,58,0135,,"Rendsburg, Stadt",,,,,,,,,,,,',
    11: '60,63,01,0,58,0135,135,"Rendsburg, Stadt", 23.75, 28 896, 14 496, 14 400, 1 217,24768,'
    '"9,663206","54,306495",F04,übrig. Schleswig-Holstein,02,mittlere Besiedlungsdichte',
    12: "50,51,01,0,58,5890,,Hüttener Berge,,,,,,,,,,,,",
    13: '60,64,01,0,58,5890,008,Ascheffel, 10.39,  974,  484,  490,  94,24358,"9,69823",'
    '"54,430871",F04,übrig. Schleswig-Holstein,03,gering besiedelt',
    14: '60,64,01,0,58,5890,024,Borgstedt, 9.15, 1 604,  773,  831,  175,24794,"9,710012",'
    '"54,33299",F04,übrig. Schleswig-Holstein,02,mittlere Besiedlungsdichte',
}
ASCHEFFEL = ROWS[13]


def sample_text(
    *,
    header: str = HEADER,
    replace: dict[int, str] | None = None,
    remove: tuple[int, ...] = (),
    append: tuple[str, ...] = (),
) -> str:
    rows = {**ROWS, **(replace or {})}
    lines = [header, *(row for line, row in sorted(rows.items()) if line not in remove), *append]
    return "\r\n".join(lines) + "\r\n"


def parse_text(text: str, *, encoding: str = "utf-8", land: str | None = None):
    return parse_gemeindeverzeichnis(io.BytesIO(text.encode(encoding)), land=land)


def parse_error(text: str, **kwargs: object) -> GemeindeverzeichnisError:
    with pytest.raises(GemeindeverzeichnisError) as caught:
        parse_text(text, **kwargs)
    return caught.value


def assert_names_line_and_problem(
    error: GemeindeverzeichnisError, *, line: int, fragments: list[str]
) -> None:
    assert error.line == line
    assert str(error).startswith(f"Zeile {line}: ")
    for fragment in fragments:
        assert fragment in error.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("  974", 974), (" 1 604", 1604), (" 90 164", 90164), ("0", 0), ("1\u00a0234", 1234)],
)
def test_parse_count_reads_space_separated_thousands(text: str, expected: int) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "1.604", "12a", "-5", "²"])
def test_parse_count_rejects_anything_but_digits(text: str) -> None:
    with pytest.raises(ValueError):
        parse_count(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 10.39", Decimal("10.39")),
        ("9,69823", Decimal("9.69823")),
        ("54,430871", Decimal("54.430871")),
        ("-1,5", Decimal("-1.5")),
        ("7", Decimal("7")),
    ],
)
def test_parse_decimal_reads_decimal_point_and_decimal_comma(text: str, expected: Decimal) -> None:
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["", "9,6,1", "1.000,5", "abc", "9,", "1e5"])
def test_parse_decimal_rejects_malformed_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal(text)


def test_sample_file_yields_bodies_and_gemeinden() -> None:
    verzeichnis = parse_text(sample_text())

    verwaltungen = {record.regional_key: record for record in verzeichnis.verwaltungen}
    assert {key: record.kind for key, record in verwaltungen.items()} == {
        "01001": VerwaltungKind.KREISFREIE_STADT,
        "01053": VerwaltungKind.KREIS,
        "01058": VerwaltungKind.KREIS,
        "010580135": VerwaltungKind.AMTSFREIE_GEMEINDE,
        "010585890": VerwaltungKind.AMT,
    }
    assert verwaltungen["01001"].ags == "01001000"
    assert verwaltungen["01001"].kreis_key == "01001"
    assert verwaltungen["010580135"].ags == "01058135"
    assert verwaltungen["010585890"].ags == ""
    assert verwaltungen["010585890"].name == "Hüttener Berge"
    assert verwaltungen["010585890"].kreis_key == "01058"

    gemeinden = {record.name: record for record in verzeichnis.gemeinden}
    assert set(gemeinden) == {"Flensburg, Stadt", "Rendsburg, Stadt", "Ascheffel", "Borgstedt"}
    ascheffel = gemeinden["Ascheffel"]
    assert (ascheffel.ags, ascheffel.ars, ascheffel.line) == ("01058008", "010585890008", 13)
    assert ascheffel.kind == Gemeinde.Kind.GEMEINDE
    assert ascheffel.population == 974
    assert ascheffel.area_km2 == Decimal("10.39")
    assert ascheffel.postcode == "24358"
    assert (ascheffel.longitude, ascheffel.latitude) == (Decimal("9.69823"), Decimal("54.430871"))
    assert (ascheffel.kreis_key, ascheffel.verwaltung_key) == ("01058", "010585890")
    assert gemeinden["Borgstedt"].population == 1604
    assert gemeinden["Flensburg, Stadt"].verwaltung_key == "01001"
    assert gemeinden["Flensburg, Stadt"].kind == Gemeinde.Kind.KREISFREIE_STADT
    assert gemeinden["Rendsburg, Stadt"].kind == Gemeinde.Kind.STADT
    assert gemeinden["Rendsburg, Stadt"].verwaltung_key == "010580135"

    # The uninhabited Forstgutsbezirk is neither a Gemeinde nor an administering body.
    assert [(row.line, row.name) for row in verzeichnis.skipped_rows] == [
        (8, "Sachsenwald (Forstgutsbez.),gemfr.Geb.")
    ]
    assert verzeichnis.laender == frozenset({"01"})


def test_reads_a_path_and_tolerates_a_byte_order_mark(tmp_path) -> None:
    path = tmp_path / "gv.csv"
    path.write_bytes(b"\xef\xbb\xbf" + sample_text().encode())

    assert len(parse_gemeindeverzeichnis(path).gemeinden) == 4
    assert len(parse_gemeindeverzeichnis(str(path)).gemeinden) == 4


def test_missing_file_is_named() -> None:
    with pytest.raises(GemeindeverzeichnisError) as caught:
        parse_gemeindeverzeichnis("/nicht/vorhanden.csv")
    assert str(caught.value) == "Die Datei „/nicht/vorhanden.csv“ wurde nicht gefunden."


@pytest.mark.parametrize(
    ("text", "line", "fragments"),
    [
        pytest.param(
            sample_text(header=HEADER.replace("flaeche,bevoelkerung,", "")),
            1,
            ["fehlen die Spalten", "„flaeche“", "„bevoelkerung“"],
            id="missing-columns",
        ),
        pytest.param(
            sample_text().removesuffix("\r\n")[:-5],
            14,
            ["Die letzte Zeile endet ohne Zeilenumbruch"],
            id="cut-inside-the-last-line",
        ),
    ],
)
def test_malformed_file_names_line_and_problem(text: str, line: int, fragments: list[str]) -> None:
    assert_names_line_and_problem(parse_error(text), line=line, fragments=fragments)


# A row at `line` takes the place of the sample's row there or, after the last, is added.
@pytest.mark.parametrize(
    ("line", "row", "fragments"),
    [
        pytest.param(
            13,
            ASCHEFFEL.replace(",008,", ",08,"),
            ["„gemeinde“ (Gemeinde)", "3 Ziffern", "„08“"],
            id="short-gemeinde-key",
        ),
        pytest.param(
            12,
            "50,51,01,0,58,589,,Hüttener Berge,,,,,,,,,,,,",
            ["„vb“ (Gemeindeverband)", "4 Ziffern", "„589“"],
            id="short-verband-key",
        ),
        pytest.param(
            9,
            "40,43,01,0,5A,,,Rendsburg-Eckernförde,,,,,,,,,,,,",
            ["„kreis“ (Kreis)", "2 Ziffern", "„5A“"],
            id="non-digit-kreis-key",
        ),
        pytest.param(
            2,
            "10,,1,,,,,Schleswig-Holstein,,,,,,,,,,,,",
            ["„land“ (Land)", "2 Ziffern"],
            id="short-land-key",
        ),
        pytest.param(
            6,
            "70,43,01,0,53,,,Herzogtum Lauenburg,,,,,,,,,,,,",
            ["Unbekannte Satzart „70“"],
            id="unknown-satzart",
        ),
        pytest.param(
            6,
            "40,46,01,0,53,,,Herzogtum Lauenburg,,,,,,,,,,,,",
            ["Unbekanntes Textkennzeichen „46“ für Satzart 40", "43 (Kreis)", "44 (Landkreis)"],
            id="unknown-textkennzeichen",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace(",  974,", ", 9x4,"),
            ["Bevölkerung „9x4“ ist keine ganze Zahl"],
            id="non-numeric-population",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace('"9,69823"', '"9,69°"'),
            ["Längengrad „9,69°“ ist keine Zahl"],
            id="non-numeric-longitude",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace('"54,430871"', '"154,43"'),
            ["Breitengrad „154,43“ liegt nicht zwischen -90 und 90"],
            id="latitude-out-of-range",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace(",24358,", ",2435,"),
            ["Postleitzahl „2435“"],
            id="short-postcode",
        ),
        pytest.param(
            13,
            "60,64,01,0,58,5890,008,Ascheffel",
            ["8 statt 20 Spalten"],
            id="truncated-row",
        ),
        pytest.param(
            5,
            ROWS[5].replace("60,61,", "60,64,", 1),
            ["liegt in der kreisfreien Stadt „Flensburg, Stadt“"],
            id="gemeinde-in-kreisfreie-stadt-not-marked-as-such",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace(",Ascheffel,", "," + "x" * 200_000 + ","),
            ["kein gültiges CSV"],
            id="field-beyond-csv-limit",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace(",Ascheffel,", ",,"),
            ["Der Name", "fehlt"],
            id="missing-name",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace("gering besiedelt", "gering bes"),
            ["Die Verstädterung „gering bes“ passt nicht zum Schlüssel 03", "abgeschnitten"],
            id="last-field-cut",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace(",03,gering", ",3,gering"),
            ["Der Verstädterungsschlüssel „3“ ist unbekannt"],
            id="unknown-verstaedterung",
        ),
        pytest.param(
            13,
            ASCHEFFEL.replace("Ascheffel", "Asch\x00effel"),
            ["NUL-Byte"],
            id="nul-byte",
        ),
        pytest.param(
            15,
            ASCHEFFEL,
            ["Gemeinde 01058008 steht schon in Zeile 13"],
            id="duplicate-gemeinde",
        ),
        pytest.param(
            15,
            ROWS[12],
            ["Gemeindeverband 010585890 steht schon in Zeile 12"],
            id="duplicate-verband",
        ),
    ],
)
def test_malformed_row_is_named_with_its_line_and_problem(
    line: int, row: str, fragments: list[str]
) -> None:
    error = parse_error(sample_text(replace={line: row}))

    assert_names_line_and_problem(error, line=line, fragments=fragments)


@pytest.mark.parametrize(
    ("removed", "line", "fragments"),
    [
        pytest.param(
            (12,),
            12,
            ["Gemeindeverband 010585890", "„Ascheffel“", "fehlt in der Datei"],
            id="gemeinde-without-verband",
        ),
        pytest.param(
            (9,),
            9,
            ["Kreis 01058", "fehlt in der Datei"],
            id="gemeinde-without-kreis",
        ),
        pytest.param(
            (11,),
            10,
            ["„Rendsburg, Stadt“ (010580135) ist selbst eine Gemeinde", "enthält 0"],
            id="amtsfreie-gemeinde-without-gemeinde-row",
        ),
        pytest.param(
            (2,),
            2,
            ["Vor dieser Zeile fehlt der Satz des Landes 01 (Satzart 10)"],
            id="missing-land-record",
        ),
        pytest.param(
            (7, 8),
            6,
            ["Zum Kreis „Herzogtum Lauenburg“ (01053) stehen keine Gemeindeverbände"],
            id="kreis-without-verband",
        ),
        pytest.param(
            (13, 14),
            12,
            ["Zum Gemeindeverband „Hüttener Berge“ (010585890) stehen keine Gemeinden"],
            id="amt-without-gemeinden",
        ),
    ],
)
def test_missing_rows_are_named_with_the_line_that_needs_them(
    removed: tuple[int, ...], line: int, fragments: list[str]
) -> None:
    error = parse_error(sample_text(remove=removed))

    assert_names_line_and_problem(error, line=line, fragments=fragments)


def test_file_in_latin1_names_the_line_and_asks_for_utf8() -> None:
    error = parse_error(sample_text(), encoding="cp1252")

    # The first non-ASCII character of the sample is the "ü" of "übrig." in line 8.
    assert error.line == 8
    assert "nicht UTF-8-kodiert" in error.message
    assert "als UTF-8 speichern" in error.message


def test_excel_workbook_is_recognised() -> None:
    with pytest.raises(GemeindeverzeichnisError, match="Excel-Arbeitsmappe"):
        parse_gemeindeverzeichnis(io.BytesIO(b"PK\x03\x04\x14\x00\x06\x00"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Die Datei ist leer."),
        (b"\r\n\r\n", "Die Datei ist leer."),
        ((HEADER + "\r\n").encode(), "Die Datei enthält keine Datenzeilen."),
    ],
)
def test_empty_file_is_rejected(content: bytes, message: str) -> None:
    with pytest.raises(GemeindeverzeichnisError) as caught:
        parse_gemeindeverzeichnis(io.BytesIO(content))
    assert str(caught.value) == message


def test_land_without_gemeinden_is_rejected() -> None:
    error = parse_error(sample_text(remove=(5, 11, 13, 14)))

    assert "keine Gemeinden für Land „01“" in str(error)


def test_all_problems_are_reported_together_in_line_order() -> None:
    text = sample_text(
        replace={
            13: ASCHEFFEL.replace(",  974,", ", viele,"),
            6: "40,49,01,0,53,,,Herzogtum Lauenburg,,,,,,,,,,,,",
        }
    )

    error = parse_error(text)

    assert [problem.line for problem in error.problems] == [6, 13]
    assert error.line == 6
    assert str(error).splitlines()[1].startswith("Zeile 13: Die Bevölkerung „viele“")


def test_problems_beyond_the_limit_are_counted_not_listed() -> None:
    broken = ASCHEFFEL.replace(",  974,", ", ?,")
    text = sample_text(append=tuple(broken.replace(",008,", f",{n:03d},") for n in range(100, 130)))

    error = parse_error(text)

    assert len(error.problems) == MAX_REPORTED_PROBLEMS
    assert error.omitted_count == 10
    assert str(error).endswith("… und 10 weitere Fehler.")


def test_land_filter_reads_only_that_land() -> None:
    other_land_row = "60,99,02,0,00,0000,000,Hamburg,,,,,,,,,,,,"

    verzeichnis = parse_text(sample_text(append=(other_land_row,)), land="01")

    assert len(verzeichnis.gemeinden) == 4


def test_land_filter_without_matching_rows_is_rejected() -> None:
    error = parse_error(sample_text(), land="02")

    assert error.message == "Die Datei enthält keine Zeilen für Land „02“."


@pytest.mark.parametrize("land", ["1", "001", "SH", ""])
def test_land_filter_must_be_two_digits(land: str) -> None:
    error = parse_error(sample_text(), land=land)

    assert "zweistelligen Landesschlüssel" in error.message
