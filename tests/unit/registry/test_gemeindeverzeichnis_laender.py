"""The Gemeindeverzeichnis reader for every Land: the extracts of Niedersachsen, Rheinland-Pfalz,
Bayern and Brandenburg (shop/data/gemeindeverzeichnis_laender.csv), the codes no shipped file
has (Satzart 30, Stadtkreis, Regionalverband, Verwaltungsverband, erfüllende Gemeinde), and who
orders for a Gemeinde.

The expected numbers are counted from the file's rows by Satzart and Textkennzeichen (see
test_expected_counts_follow_from_the_rows, which counts them without the reader):
- Kreis level: one Verwaltung per Satzart 40 row (41 kreisfreie Stadt, 44 Landkreis).
- Gemeindeverband: one Verwaltung per Satzart 50 row of 51-58; a row 50 (verbandsfrei) only if
  it lies in a Kreis (not in a kreisfreie Stadt, whose own row it is) and holds an inhabited
  Gemeinde (not only an uninhabited gemeindefreies Gebiet, 66).
- Gemeinden: every Satzart 60 row except 66 (skipped); 65 (bewohntes gemeindefreies Gebiet,
  Lohheide and Osterheide) is a Gemeinde that orders for itself.
"""

import csv
from collections import Counter

import pytest

from shop.models import Gemeinde
from shop.models import VerwaltungKind
from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS
from shop.registry.gemeindeverzeichnis import Gemeindeverzeichnis
from shop.registry.gemeindeverzeichnis import GemeindeverzeichnisError
from shop.registry.gemeindeverzeichnis import parse_gemeindeverzeichnis
from shop.registry.laender import LAND_NAMES
from shop.registry.laender import land_name
from tests.unit.registry.test_gemeindeverzeichnis_parser import HEADER
from tests.unit.registry.test_gemeindeverzeichnis_parser import parse_text

LAENDER_FILE = DEFAULT_GEMEINDEVERZEICHNIS.parent / "gemeindeverzeichnis_laender.csv"

EXPECTED_VERWALTUNGEN = {
    "03": {"kreisfreie_stadt": 8, "landkreis": 37, "samtgemeinde": 116,
           "verbandsfreie_gemeinde": 283},
    "07": {"kreisfreie_stadt": 12, "landkreis": 24, "verbandsgemeinde": 129,
           "verbandsfreie_gemeinde": 29},
    "09": {"kreisfreie_stadt": 25, "landkreis": 71, "verwaltungsgemeinschaft": 311,
           "verbandsfreie_gemeinde": 1049},
    "12": {"kreisfreie_stadt": 4, "landkreis": 14, "amt": 52, "verbandsgemeinde": 1,
           "amtsfreie_gemeinde": 138},
}  # fmt: skip
EXPECTED_GEMEINDEN = {
    "03": {"kreisfreie_stadt": 8, "stadt": 151, "gemeinde": 783, "gemeindefreies_gebiet": 2},
    "07": {"kreisfreie_stadt": 12, "stadt": 118, "gemeinde": 2172},
    "09": {"markt": 386, "kreisfreie_stadt": 25, "stadt": 263, "gemeinde": 1353,
           "grosse_kreisstadt": 29},
    "12": {"kreisfreie_stadt": 4, "stadt": 109, "gemeinde": 304},
}  # fmt: skip
EXPECTED_SKIPPED = {"03": 23, "07": 1, "09": 174, "12": 0}
LAND_NAMES_IN_FILE = {
    "03": "Niedersachsen",
    "07": "Rheinland-Pfalz",
    "09": "Bayern",
    "12": "Brandenburg",
}


@pytest.fixture(scope="module")
def verzeichnis() -> Gemeindeverzeichnis:
    return parse_gemeindeverzeichnis(LAENDER_FILE)


def raw_rows(land: str) -> list[dict[str, str]]:
    with LAENDER_FILE.open(encoding="utf-8", newline="") as file:
        return [row for row in csv.DictReader(file) if row["land"] == land]


@pytest.mark.parametrize("land", sorted(EXPECTED_VERWALTUNGEN))
def test_expected_counts_follow_from_the_rows(land: str) -> None:
    """The expected numbers, counted from the rows alone (not by the reader)."""
    rows = raw_rows(land)
    codes = Counter((row["satzart"], row["textkennzeichen"]) for row in rows)
    kreisfrei = {row["rb"] + row["kreis"] for row in rows if row["satzart"] == "40"} - {
        row["rb"] + row["kreis"]
        for row in rows
        if (row["satzart"], row["textkennzeichen"]) == ("40", "44")
    }
    inhabited = {
        row["rb"] + row["kreis"] + row["vb"]
        for row in rows
        if row["satzart"] == "60" and row["textkennzeichen"] != "66"
    }
    verbandsfrei = [
        row
        for row in rows
        if (row["satzart"], row["textkennzeichen"]) == ("50", "50")
        and row["rb"] + row["kreis"] not in kreisfrei
        and row["rb"] + row["kreis"] + row["vb"] in inhabited
    ]
    expected = EXPECTED_VERWALTUNGEN[land]
    assert expected["kreisfreie_stadt"] == codes["40", "41"]
    assert expected["landkreis"] == codes["40", "44"]
    for code, kind in (("51", "amt"), ("52", "samtgemeinde"), ("53", "verbandsgemeinde"),
                       ("54", "verwaltungsgemeinschaft")):  # fmt: skip
        assert expected.get(kind, 0) == codes["50", code]
    assert expected.get("verbandsfreie_gemeinde", expected.get("amtsfreie_gemeinde")) == len(
        verbandsfrei
    )
    gemeinden = EXPECTED_GEMEINDEN[land]
    for code, kind in (("60", "markt"), ("61", "kreisfreie_stadt"), ("63", "stadt"),
                       ("64", "gemeinde"), ("65", "gemeindefreies_gebiet"),
                       ("67", "grosse_kreisstadt")):  # fmt: skip
        assert gemeinden.get(kind, 0) == codes["60", code]
    assert EXPECTED_SKIPPED[land] == codes["60", "66"]


@pytest.mark.parametrize("land", sorted(EXPECTED_VERWALTUNGEN))
def test_every_land_of_the_file_is_read_with_its_kinds(
    verzeichnis: Gemeindeverzeichnis, land: str
) -> None:
    records = verzeichnis.for_land(land)

    assert (
        Counter(record.kind.value for record in records.verwaltungen) == EXPECTED_VERWALTUNGEN[land]
    )
    assert Counter(record.kind.value for record in records.gemeinden) == EXPECTED_GEMEINDEN[land]
    assert len(records.skipped_rows) == EXPECTED_SKIPPED[land]
    assert records.land_names == {land: LAND_NAMES_IN_FILE[land]}


def test_the_file_holds_the_four_laender(verzeichnis: Gemeindeverzeichnis) -> None:
    assert verzeichnis.laender == frozenset(LAND_NAMES_IN_FILE)
    assert verzeichnis.land_names == LAND_NAMES_IN_FILE


def records_by_key(verzeichnis: Gemeindeverzeichnis, land: str):
    records = verzeichnis.for_land(land)
    return (
        {record.regional_key: record for record in records.verwaltungen},
        {record.ags: record for record in records.gemeinden},
    )


def test_a_samtgemeinde_orders_for_its_gemeinden(verzeichnis: Gemeindeverzeichnis) -> None:
    verwaltungen, gemeinden = records_by_key(verzeichnis, "03")
    # Samtgemeinde Wathlingen (Landkreis Celle) administers Nienhagen.
    nienhagen = gemeinden["03351018"]
    samtgemeinde = verwaltungen[nienhagen.verwaltung_key]
    assert (nienhagen.name, nienhagen.ars) == ("Nienhagen", "033515404018")
    assert (samtgemeinde.kind, samtgemeinde.regional_key) == (
        VerwaltungKind.SAMTGEMEINDE,
        "033515404",
    )
    assert samtgemeinde.ags == ""
    assert verwaltungen[samtgemeinde.kreis_key].kind == VerwaltungKind.LANDKREIS


def test_an_inhabited_gemeindefreies_gebiet_orders_for_itself(
    verzeichnis: Gemeindeverzeichnis,
) -> None:
    verwaltungen, gemeinden = records_by_key(verzeichnis, "03")
    osterheide = gemeinden["03358501"]
    assert osterheide.kind == Gemeinde.Kind.GEMEINDEFREIES_GEBIET
    own = verwaltungen[osterheide.verwaltung_key]
    assert (own.kind, own.ags, own.name) == (
        VerwaltungKind.VERBANDSFREIE_GEMEINDE,
        "03358501",
        "Osterheide, gemfr. Bezirk",
    )


def test_verbandsgemeinde_verwaltungsgemeinschaft_and_kreisfreie_stadt(
    verzeichnis: Gemeindeverzeichnis,
) -> None:
    verwaltungen, _ = records_by_key(verzeichnis, "07")
    assert Counter(
        verwaltungen[g.verwaltung_key].kind for g in verzeichnis.for_land("07").gemeinden
    )[VerwaltungKind.VERBANDSGEMEINDE] == sum(
        1
        for row in raw_rows("07")
        if row["satzart"] == "60"
        and (row["land"] + row["rb"] + row["kreis"] + row["vb"]) in verwaltungen
        and verwaltungen[row["land"] + row["rb"] + row["kreis"] + row["vb"]].kind
        == VerwaltungKind.VERBANDSGEMEINDE
    )
    verwaltungen, gemeinden = records_by_key(verzeichnis, "09")
    muenchen = gemeinden["09162000"]
    assert muenchen.verwaltung_key == muenchen.kreis_key == "09162"
    assert verwaltungen["09162"].kind == VerwaltungKind.KREISFREIE_STADT
    assert verwaltungen["09162"].ags == "09162000"
    members = [
        g
        for g in gemeinden.values()
        if verwaltungen[g.verwaltung_key].kind == "verwaltungsgemeinschaft"
    ]
    assert members
    assert all(verwaltungen[g.verwaltung_key].ags == "" for g in members)
    assert {g.kind for g in gemeinden.values()} >= {
        Gemeinde.Kind.MARKT,
        Gemeinde.Kind.GROSSE_KREISSTADT,
    }


def test_brandenburg_keeps_the_amt_words(verzeichnis: Gemeindeverzeichnis) -> None:
    """In a Land with Ämter a verbandsfreie Gemeinde is an amtsfreie Gemeinde, as in
    Schleswig-Holstein; elsewhere it is a verbandsfreie Gemeinde."""
    kinds = {record.kind for record in verzeichnis.for_land("12").verwaltungen}
    assert VerwaltungKind.AMTSFREIE_GEMEINDE in kinds
    assert VerwaltungKind.VERBANDSFREIE_GEMEINDE not in kinds
    assert VerwaltungKind.AMTSFREIE_GEMEINDE not in {
        record.kind for record in verzeichnis.for_land("03").verwaltungen
    }


# Codes that no shipped extract has: Baden-Württemberg (Region, Stadtkreis, Verwaltungsverband,
# erfüllende Gemeinde) and the Saarland (Regionalverband). Names real, figures made up.
OTHER_CODES_ROWS = [
    "10,,08,,,,,Baden-Württemberg,,,,,,,,,,,,",
    "20,,08,1,,,,Regierungsbezirk Stuttgart,,,,,,,,,,,,",
    "30,,08,1,1,,,Region Stuttgart,,,,,,,,,,,,",
    '40,42,08,1,11,,,"Stuttgart, Landeshauptstadt",,,,,,,,,,,,',
    '50,50,08,1,11,0000,,"Stuttgart, Landeshauptstadt",,,,,,,,,,,,',
    '60,62,08,1,11,0000,000,"Stuttgart, Landeshauptstadt", 207.33, 635 911, 1,1,1,70173,'
    '"9,177","48,776",,,01,dicht besiedelt',
    "40,43,08,1,15,,,Böblingen,,,,,,,,,,,,",
    "50,56,08,1,15,5001,,Gemeindeverwaltungsverband Gärtringen,,,,,,,,,,,,",
    '60,64,08,1,15,5001,015,Ehningen, 17.99, 9 079, 1,1,1,71139,"8,94","48,66",,,02,'
    "mittlere Besiedlungsdichte",
    '60,64,08,1,15,5001,016,Gärtringen, 20.18, 12 484, 1,1,1,71116,"8,90","48,64",,,02,'
    "mittlere Besiedlungsdichte",
    "50,58,08,1,15,5002,,Vereinbarte Verwaltungsgemeinschaft der Stadt Herrenberg,,,,,,,,,,,,",
    '60,67,08,1,15,5002,028,"Herrenberg, Stadt", 65.67, 31 788, 1,1,1,71083,"8,87","48,59",,,02,'
    "mittlere Besiedlungsdichte",
    '60,64,08,1,15,5002,037,Nufringen, 8.71, 5 630, 1,1,1,71154,"8,89","48,62",,,02,'
    "mittlere Besiedlungsdichte",
    "10,,10,,,,,Saarland,,,,,,,,,,,,",
    "40,45,10,0,41,,,Regionalverband Saarbrücken,,,,,,,,,,,,",
    '50,50,10,0,41,0100,,"Saarbrücken, Landeshauptstadt",,,,,,,,,,,,',
    '60,63,10,0,41,0100,100,"Saarbrücken, Landeshauptstadt", 167.52, 180 374, 1,1,1,66111,'
    '"6,99","49,23",,,01,dicht besiedelt',
]


def test_the_codes_of_the_other_laender() -> None:
    text = "\r\n".join([HEADER, *OTHER_CODES_ROWS]) + "\r\n"
    records = parse_text(text)
    verwaltungen = {record.regional_key: record for record in records.verwaltungen}
    gemeinden = {record.ags: record for record in records.gemeinden}

    assert {key: record.kind.value for key, record in verwaltungen.items()} == {
        "08111": "stadtkreis",
        "08115": "kreis",
        "081155001": "verwaltungsverband",
        "081155002": "erfuellende_gemeinde",
        "10041": "regionalverband",
        "100410100": "verbandsfreie_gemeinde",
    }
    stuttgart = gemeinden["08111000"]
    assert (stuttgart.kind, stuttgart.verwaltung_key) == (Gemeinde.Kind.STADTKREIS, "08111")
    assert verwaltungen["08111"].ags == "08111000"
    assert gemeinden["08115016"].verwaltung_key == "081155001"
    herrenberg = gemeinden["08115028"]
    assert (herrenberg.kind, herrenberg.verwaltung_key) == (
        Gemeinde.Kind.GROSSE_KREISSTADT,
        "081155002",
    )
    assert gemeinden["08115037"].verwaltung_key == "081155002"
    assert gemeinden["10041100"].verwaltung_key == "100410100"
    assert verwaltungen["100410100"].kreis_key == "10041"
    assert records.land_names == {"08": "Baden-Württemberg", "10": "Saarland"}


def test_a_stadtkreis_gemeinde_outside_a_stadtkreis_is_refused() -> None:
    rows = [
        row.replace("60,64,08,1,15,5001,015", "60,62,08,1,15,5001,015") for row in OTHER_CODES_ROWS
    ]
    with pytest.raises(GemeindeverzeichnisError) as caught:
        parse_text("\r\n".join([HEADER, *rows]) + "\r\n")
    assert (
        "„Ehningen“ ist als kreisfreie Stadt gekennzeichnet, liegt aber im Kreis „Böblingen“"
        in str(caught.value)
    )


def test_a_file_cut_inside_a_land_is_refused_in_german() -> None:
    """Cut after a Verwaltungsgemeinschaft's row, before its Gemeinden."""
    lines = LAENDER_FILE.read_text(encoding="utf-8").splitlines()
    cut = next(number for number, line in enumerate(lines) if line.startswith("50,54,09,1,71,"))
    text = "\r\n".join(lines[: cut + 1]) + "\r\n"

    with pytest.raises(GemeindeverzeichnisError) as caught:
        parse_text(text, land="09")

    assert caught.value.line == cut + 1
    assert caught.value.message.endswith(
        "stehen keine Gemeinden (Satzart 60) in der Datei; ist sie unvollständig oder "
        "abgeschnitten?"
    )


def test_land_names() -> None:
    assert land_name("01") == "Schleswig-Holstein"
    assert land_name("09") == "Bayern"
    assert len(LAND_NAMES) == 16
    with pytest.raises(ValueError, match="Der Landesschlüssel „17“ ist unbekannt"):
        land_name("17")
