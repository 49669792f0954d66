"""Reader for the Destatis Gemeindeverzeichnis ("AuszugGV") saved as CSV.

The file lists a Land's Regierungsbezirke and Regionen, Kreise, Gemeindeverbände (in Schleswig-
Holstein: Ämter, Kirchspielslandgemeinden, amtsfreie Gemeinden; elsewhere Samtgemeinden,
Verbandsgemeinden, Verwaltungsgemeinschaften, ...) and Gemeinden, one row each, identified by key
parts; every Land's extract has the same format. This module only reads and checks; it turns the
rows into the administering bodies (Verwaltungen) and Gemeinden of the registry, and
`shop.registry.services` writes them.

Who orders for a Gemeinde: the Gemeindeverband that administers it (Amt, Samtgemeinde,
Verbandsgemeinde, Verwaltungsgemeinschaft, Verwaltungsverband, the erfüllende Gemeinde, the
Kirchspielslandgemeinde), else the Gemeinde itself (its verbandsfreie Verband row, or the Kreis
row of a kreisfreie Stadt or Stadtkreis).

A file is either accepted as a whole or rejected with every problem found (up to a limit), each
naming its line, so that a person can fix the file and try again.
"""

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

# The limit belongs to the reader too: its callers and tests read it here.
from shop.importing import MAX_REPORTED_PROBLEMS as MAX_REPORTED_PROBLEMS
from shop.importing import (
    CsvFileError,
    ImportFileError,
    ProblemCollector,
    numbered_rows,
    read_csv_text,
    read_header,
)
from shop.models import KREIS_KINDS, KREISFREIE_KINDS, Gemeinde, VerwaltungKind

DEFAULT_GEMEINDEVERZEICHNIS = (
    Path(__file__).resolve().parent.parent / "data" / "gemeindeverzeichnis_sh.csv"
)
LAENDER_GEMEINDEVERZEICHNIS = DEFAULT_GEMEINDEVERZEICHNIS.with_name(
    "gemeindeverzeichnis_laender.csv"
)
# Which shipped file holds a Land's extract (shop/data/README.md).
SHIPPED_GEMEINDEVERZEICHNIS_BY_LAND = {
    "01": DEFAULT_GEMEINDEVERZEICHNIS,
    **dict.fromkeys(("03", "07", "09", "12"), LAENDER_GEMEINDEVERZEICHNIS),
}

REQUIRED_COLUMNS = (
    "satzart",
    "textkennzeichen",
    "land",
    "rb",
    "kreis",
    "vb",
    "gemeinde",
    "gemeindename",
    "flaeche",
    "bevoelkerung",
    "postleitzahl",
    "laengengrad",
    "breitengrad",
    "verstaedterungschluessel",
    "verstaedterungbezeichnung",
)

SATZART_LAND = "10"
SATZART_REGIERUNGSBEZIRK = "20"
SATZART_REGION = "30"
SATZART_KREIS = "40"
SATZART_GEMEINDEVERBAND = "50"
SATZART_GEMEINDE = "60"

# A kreisfreie Stadt (61) or a Stadtkreis (62) is the one Gemeinde of its Kreis-level body.
TEXTKENNZEICHEN_GEMEINDE_KREISFREI = frozenset({"61", "62"})
TEXTKENNZEICHEN_VERBANDSFREIE_GEMEINDE = "50"
TEXTKENNZEICHEN_AMT = "51"
# Uninhabited: no Gemeinde and nobody to order for it. An inhabited gemeindefreies Gebiet (65,
# e.g. Osterheide) is imported like a Gemeinde and orders for itself.
TEXTKENNZEICHEN_GEMEINDEFREIES_GEBIET = "66"

TEXTKENNZEICHEN_BY_SATZART: dict[str, dict[str, str]] = {
    SATZART_LAND: {"": "Land"},
    SATZART_REGIERUNGSBEZIRK: {"": "Regierungsbezirk"},
    SATZART_REGION: {"": "Region"},
    SATZART_KREIS: {
        "41": "kreisfreie Stadt",
        "42": "Stadtkreis",
        "43": "Kreis",
        "44": "Landkreis",
        "45": "Regionalverband",
    },
    SATZART_GEMEINDEVERBAND: {
        "50": "verbandsfreie Gemeinde",
        "51": "Amt",
        "52": "Samtgemeinde",
        "53": "Verbandsgemeinde",
        "54": "Verwaltungsgemeinschaft",
        "55": "Kirchspielslandgemeinde",
        "56": "Verwaltungsverband",
        "58": "erfüllende Gemeinde",
    },
    SATZART_GEMEINDE: {
        "60": "Markt",
        "61": "kreisfreie Stadt",
        "62": "Stadtkreis",
        "63": "Stadt",
        "64": "Gemeinde",
        "65": "bewohntes gemeindefreies Gebiet",
        "66": "gemeindefreies Gebiet",
        "67": "Große Kreisstadt",
    },
}

# The degree of urbanisation (Eurostat DEGURBA) that closes every Gemeinde row. Its label is the
# last field of the row: checking it against the key catches a row cut inside that field.
VERSTAEDTERUNG_BY_KEY = {
    "01": "dicht besiedelt",
    "02": "mittlere Besiedlungsdichte",
    "03": "gering besiedelt",
}

KREIS_KIND_BY_TEXTKENNZEICHEN = {
    "41": VerwaltungKind.KREISFREIE_STADT,
    "42": VerwaltungKind.STADTKREIS,
    "43": VerwaltungKind.KREIS,
    "44": VerwaltungKind.LANDKREIS,
    "45": VerwaltungKind.REGIONALVERBAND,
}
# A verbandsfreie Gemeinde (50) is an "amtsfreie Gemeinde" in a Land with Ämter (Schleswig-
# Holstein, Brandenburg, Mecklenburg-Vorpommern), elsewhere a "verbandsfreie Gemeinde".
VERBAND_KIND_BY_TEXTKENNZEICHEN = {
    "50": VerwaltungKind.VERBANDSFREIE_GEMEINDE,
    "51": VerwaltungKind.AMT,
    "52": VerwaltungKind.SAMTGEMEINDE,
    "53": VerwaltungKind.VERBANDSGEMEINDE,
    "54": VerwaltungKind.VERWALTUNGSGEMEINSCHAFT,
    "55": VerwaltungKind.KIRCHSPIELSLANDGEMEINDE,
    "56": VerwaltungKind.VERWALTUNGSVERBAND,
    "58": VerwaltungKind.ERFUELLENDE_GEMEINDE,
}
GEMEINDE_KIND_BY_TEXTKENNZEICHEN = {
    "60": Gemeinde.Kind.MARKT,
    "61": Gemeinde.Kind.KREISFREIE_STADT,
    "62": Gemeinde.Kind.STADTKREIS,
    "63": Gemeinde.Kind.STADT,
    "64": Gemeinde.Kind.GEMEINDE,
    "65": Gemeinde.Kind.GEMEINDEFREIES_GEBIET,
    "67": Gemeinde.Kind.GROSSE_KREISSTADT,
}


@dataclass(frozen=True)
class KeyPart:
    column: str
    length: int
    label: str


# In key order; a row of a Satzart needs the first n of them (Land row: Land only,
# Regierungsbezirk and Region row: up to the Regierungsbezirk, Kreis row: up to the Kreis,
# Gemeindeverband row: up to the Verband, Gemeinde row: all five).
KEY_PARTS = (
    KeyPart("land", 2, "Land"),
    KeyPart("rb", 1, "Regierungsbezirk"),
    KeyPart("kreis", 2, "Kreis"),
    KeyPart("vb", 4, "Gemeindeverband"),
    KeyPart("gemeinde", 3, "Gemeinde"),
)
KEY_PART_COUNT_BY_SATZART = {
    SATZART_LAND: 1,
    SATZART_REGIERUNGSBEZIRK: 2,
    SATZART_REGION: 2,
    SATZART_KREIS: 3,
    SATZART_GEMEINDEVERBAND: 4,
    SATZART_GEMEINDE: 5,
}

AREA_QUANTUM = Decimal("0.01")
COORDINATE_QUANTUM = Decimal("0.000001")
# Bounds of the model fields: DecimalField(max_digits=9, decimal_places=2), PositiveIntegerField.
MAX_AREA_KM2 = Decimal("9999999.99")
MAX_POPULATION = 2_147_483_647

DIGITS = re.compile(r"[0-9]+")
DECIMAL_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
POSTCODE = re.compile(r"[0-9]{5}")
LAND_KEY = re.compile(r"[0-9]{2}")


class GemeindeverzeichnisError(ImportFileError):
    """The Gemeindeverzeichnis cannot be imported; its problems name only the line."""


@dataclass(frozen=True)
class VerwaltungRecord:
    """An administering body: a Kreis-level body (Kreis, Landkreis, kreisfreie Stadt, ...), a
    Gemeindeverband that administers Gemeinden (Amt, Samtgemeinde, ...) or a verbandsfreie
    (amtsfreie) Gemeinde."""

    line: int
    kind: VerwaltungKind
    name: str
    regional_key: str
    kreis_key: str
    ags: str

    @property
    def is_kreis_level(self) -> bool:
        return self.regional_key == self.kreis_key


@dataclass(frozen=True)
class GemeindeRecord:
    line: int
    ags: str
    ars: str
    name: str
    kind: Gemeinde.Kind
    population: int
    area_km2: Decimal | None
    postcode: str
    latitude: Decimal | None
    longitude: Decimal | None
    kreis_key: str
    verwaltung_key: str


@dataclass(frozen=True)
class SkippedRow:
    """A row that is valid but not part of the registry (a gemeindefreies Gebiet)."""

    line: int
    land: str
    name: str


@dataclass(frozen=True)
class Gemeindeverzeichnis:
    verwaltungen: tuple[VerwaltungRecord, ...]
    gemeinden: tuple[GemeindeRecord, ...]
    skipped_rows: tuple[SkippedRow, ...]
    # The name of each Land of the file (its Satzart 10 row), by key: "03" -> "Niedersachsen".
    land_names: dict[str, str] = field(default_factory=dict)

    @property
    def laender(self) -> frozenset[str]:
        return frozenset(gemeinde.ags[:2] for gemeinde in self.gemeinden)

    def for_land(self, land: str) -> "Gemeindeverzeichnis":
        """Only the bodies and Gemeinden of one Land; a Land without Gemeinden is an error,
        because importing it would retire every Gemeinde of that Land."""
        validate_land(land)
        verzeichnis = Gemeindeverzeichnis(
            verwaltungen=tuple(v for v in self.verwaltungen if v.regional_key[:2] == land),
            gemeinden=tuple(g for g in self.gemeinden if g.ags[:2] == land),
            skipped_rows=tuple(row for row in self.skipped_rows if row.land == land),
            land_names={key: name for key, name in self.land_names.items() if key == land},
        )
        if not verzeichnis.gemeinden:
            raise GemeindeverzeichnisError(
                None, f"Die Datei enthält keine Gemeinden für Land „{land}“."
            )
        return verzeichnis


def validate_land(land: str) -> None:
    if not LAND_KEY.fullmatch(land):
        raise GemeindeverzeichnisError(
            None,
            f"Das Land „{land}“ ist ungültig: bitte den zweistelligen Landesschlüssel angeben, "
            "z. B. „01“ für Schleswig-Holstein.",
        )


def parse_count(text: str) -> int:
    """'  1 604' -> 1604; Destatis separates thousands with spaces."""
    compact = "".join(text.split())
    if not DIGITS.fullmatch(compact):
        raise ValueError(text)
    return int(compact)


def parse_decimal(text: str) -> Decimal:
    """' 10.39' -> 10.39 and '9,69823' -> 9.69823; Destatis writes areas with a decimal point
    and coordinates with a decimal comma."""
    compact = "".join(text.split()).replace(",", ".")
    if not DECIMAL_NUMBER.fullmatch(compact):
        raise ValueError(text)
    return Decimal(compact)


def parse_gemeindeverzeichnis(
    source: str | Path | BinaryIO, *, land: str | None = None
) -> Gemeindeverzeichnis:
    """Read and check a whole file; raise GemeindeverzeichnisError listing its problems.

    With `land`, only the rows of that Land are read (the nationwide file holds all Länder).
    """
    if land is not None:
        validate_land(land)
    try:
        text = read_csv_text(source, document="das Gemeindeverzeichnis")
    except CsvFileError as error:
        raise GemeindeverzeichnisError(error.line, error.message) from None
    reader = _FileReader(land=land)
    reader.read(text)
    return reader.result()


@dataclass(frozen=True)
class _KreisRow:
    line: int
    kind: VerwaltungKind
    name: str


@dataclass(frozen=True)
class _VerbandRow:
    line: int
    textkennzeichen: str
    name: str
    kreis_key: str


@dataclass(frozen=True)
class _GemeindeRow:
    line: int
    textkennzeichen: str
    name: str
    kreis_key: str
    verband_key: str
    ags: str
    ars: str
    population: int
    area_km2: Decimal | None
    postcode: str
    latitude: Decimal | None
    longitude: Decimal | None


class _FileReader(ProblemCollector):
    """Two passes: each row on its own, then (only if all rows are fine, so that one broken row
    does not cause a cascade of follow-up errors) how the rows fit together."""

    def __init__(self, *, land: str | None) -> None:
        super().__init__()
        self.land = land
        self.data_row_count = 0
        self.laender: set[str] = set()
        self.land_lines: dict[str, int] = {}
        self.land_names: dict[str, str] = {}
        self.first_line_by_land: dict[str, int] = {}
        self.kreise: dict[str, _KreisRow] = {}
        self.verbaende: dict[str, _VerbandRow] = {}
        self.gemeinden: dict[str, _GemeindeRow] = {}
        self.skipped_rows: list[SkippedRow] = []
        self.verband_keys_of_skipped_rows: set[str] = set()
        self.kreis_keys_with_verband_rows: set[str] = set()

    def read(self, text: str) -> None:
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = read_header(
                reader,
                required=REQUIRED_COLUMNS,
                expected="des Destatis-Gemeindeverzeichnisses (AuszugGV)",
            )
        except CsvFileError as error:
            raise GemeindeverzeichnisError(error.line, error.message) from None
        for line, values in numbered_rows(reader, report_problem=self.problem):
            row = dict(zip(header, (value.strip() for value in values), strict=False))
            if self.land is not None and row.get("land") != self.land:
                continue
            self.data_row_count += 1
            if len(values) != len(header):
                self.problem(line, f"Die Zeile hat {len(values)} statt {len(header)} Spalten.")
                continue
            self._read_row(line, row)

    def _read_row(self, line: int, row: dict[str, str]) -> None:
        satzart, textkennzeichen = row["satzart"], row["textkennzeichen"]
        kinds = TEXTKENNZEICHEN_BY_SATZART.get(satzart)
        if kinds is None:
            known = ", ".join(TEXTKENNZEICHEN_BY_SATZART)
            self.problem(line, f"Unbekannte Satzart „{satzart}“ (bekannt sind {known}).")
            return
        if textkennzeichen not in kinds:
            known = ", ".join(f"{key} ({label})" for key, label in kinds.items() if key)
            expected = f"erwartet wird {known}" if known else "erwartet wird kein Textkennzeichen"
            self.problem(
                line,
                f"Unbekanntes Textkennzeichen „{textkennzeichen}“ für Satzart {satzart}; "
                f"{expected}.",
            )
            return
        key_parts = KEY_PARTS[: KEY_PART_COUNT_BY_SATZART[satzart]]
        key_ok = True
        for part in key_parts:
            value = row[part.column]
            if len(value) != part.length or not DIGITS.fullmatch(value):
                self.problem(
                    line,
                    f"Der Schlüsselteil „{part.column}“ ({part.label}) muss aus {part.length} "
                    f"Ziffern bestehen, gefunden „{value}“.",
                )
                key_ok = False
        if not key_ok:
            return
        name = row["gemeindename"]
        if not name:
            self.problem(line, "Der Name (Spalte „gemeindename“) fehlt.")
            return

        self.laender.add(row["land"])
        if satzart == SATZART_LAND:
            self.land_lines.setdefault(row["land"], line)
            self.land_names.setdefault(row["land"], name)
        else:
            self.first_line_by_land.setdefault(row["land"], line)
        kreis_key = row["land"] + row["rb"] + row["kreis"]
        if satzart == SATZART_GEMEINDE and not self._verstaedterung_fits(line, row):
            return
        if satzart == SATZART_KREIS:
            self._add_kreis(line, kreis_key, textkennzeichen, name)
        elif satzart == SATZART_GEMEINDEVERBAND:
            self._add_verband(line, kreis_key + row["vb"], textkennzeichen, name, kreis_key)
        elif satzart == SATZART_GEMEINDE:
            if textkennzeichen == TEXTKENNZEICHEN_GEMEINDEFREIES_GEBIET:
                self.skipped_rows.append(SkippedRow(line=line, land=row["land"], name=name))
                self.verband_keys_of_skipped_rows.add(kreis_key + row["vb"])
            else:
                self._add_gemeinde(line, row, textkennzeichen, name, kreis_key)

    def _verstaedterung_fits(self, line: int, row: dict[str, str]) -> bool:
        key, label = row["verstaedterungschluessel"], row["verstaedterungbezeichnung"]
        expected = VERSTAEDTERUNG_BY_KEY.get(key)
        if expected is None:
            known = ", ".join(VERSTAEDTERUNG_BY_KEY)
            self.problem(
                line,
                f"Der Verstädterungsschlüssel „{key}“ ist unbekannt (bekannt sind {known}).",
            )
            return False
        if label != expected:
            self.problem(
                line,
                f"Die Verstädterung „{label}“ passt nicht zum Schlüssel {key} (erwartet "
                f"„{expected}“); ist die Zeile abgeschnitten?",
            )
            return False
        return True

    def _add_kreis(self, line: int, key: str, textkennzeichen: str, name: str) -> None:
        if key in self.kreise:
            self.problem(line, f"Der Kreis {key} steht schon in Zeile {self.kreise[key].line}.")
            return
        kind = KREIS_KIND_BY_TEXTKENNZEICHEN[textkennzeichen]
        self.kreise[key] = _KreisRow(line=line, kind=kind, name=name)

    def _add_verband(
        self, line: int, key: str, textkennzeichen: str, name: str, kreis_key: str
    ) -> None:
        if key in self.verbaende:
            self.problem(
                line,
                f"Der Gemeindeverband {key} steht schon in Zeile {self.verbaende[key].line}.",
            )
            return
        self.verbaende[key] = _VerbandRow(
            line=line, textkennzeichen=textkennzeichen, name=name, kreis_key=kreis_key
        )
        self.kreis_keys_with_verband_rows.add(kreis_key)

    def _add_gemeinde(
        self, line: int, row: dict[str, str], textkennzeichen: str, name: str, kreis_key: str
    ) -> None:
        ags = kreis_key + row["gemeinde"]
        if ags in self.gemeinden:
            self.problem(
                line, f"Die Gemeinde {ags} steht schon in Zeile {self.gemeinden[ags].line}."
            )
            return
        problem_count = len(self.problems)
        population = self._population(line, row["bevoelkerung"])
        area = self._area(line, row["flaeche"])
        longitude = self._coordinate(line, row["laengengrad"], "Längengrad", limit=180)
        latitude = self._coordinate(line, row["breitengrad"], "Breitengrad", limit=90)
        postcode = row["postleitzahl"]
        if postcode and not POSTCODE.fullmatch(postcode):
            self.problem(line, f"Die Postleitzahl „{postcode}“ besteht nicht aus 5 Ziffern.")
        if population is None or len(self.problems) > problem_count:
            return
        self.gemeinden[ags] = _GemeindeRow(
            line=line,
            textkennzeichen=textkennzeichen,
            name=name,
            kreis_key=kreis_key,
            verband_key=kreis_key + row["vb"],
            ags=ags,
            ars=kreis_key + row["vb"] + row["gemeinde"],
            population=population,
            area_km2=area,
            postcode=postcode,
            latitude=latitude,
            longitude=longitude,
        )

    def _population(self, line: int, text: str) -> int | None:
        if not text:
            self.problem(line, "Die Bevölkerung (Spalte „bevoelkerung“) fehlt.")
            return None
        try:
            population = parse_count(text)
        except ValueError:
            self.problem(line, f"Die Bevölkerung „{text}“ ist keine ganze Zahl.")
            return None
        if population > MAX_POPULATION:
            self.problem(line, f"Die Bevölkerung „{text}“ ist zu groß.")
            return None
        return population

    def _area(self, line: int, text: str) -> Decimal | None:
        if not text:
            return None
        try:
            area = parse_decimal(text)
        except ValueError:
            self.problem(line, f"Die Fläche „{text}“ ist keine Zahl.")
            return None
        if not 0 <= area <= MAX_AREA_KM2:
            self.problem(line, f"Die Fläche „{text}“ liegt außerhalb des möglichen Bereichs.")
            return None
        return area.quantize(AREA_QUANTUM)

    def _coordinate(self, line: int, text: str, label: str, *, limit: int) -> Decimal | None:
        if not text:
            return None
        try:
            value = parse_decimal(text)
        except ValueError:
            self.problem(line, f"Der {label} „{text}“ ist keine Zahl.")
            return None
        if abs(value) > limit:
            self.problem(line, f"Der {label} „{text}“ liegt nicht zwischen -{limit} und {limit}.")
            return None
        return value.quantize(COORDINATE_QUANTUM)

    def result(self) -> Gemeindeverzeichnis:
        if self.data_row_count == 0 and not self.problems:
            if self.land is None:
                self.problem(None, "Die Datei enthält keine Datenzeilen.")
            else:
                self.problem(None, f"Die Datei enthält keine Zeilen für Land „{self.land}“.")
        if not self.problems:
            self._check_references()
        if self.problems:
            raise GemeindeverzeichnisError.reporting(self.sorted_problems())
        return Gemeindeverzeichnis(
            verwaltungen=self._verwaltung_records(),
            gemeinden=tuple(self._gemeinde_record(row) for row in self.gemeinden.values()),
            skipped_rows=tuple(self.skipped_rows),
            land_names=dict(self.land_names),
        )

    def _check_references(self) -> None:
        for key, verband in self.verbaende.items():
            kreis = self.kreise.get(verband.kreis_key)
            if key in self._verband_keys_of_gemeindefreie_gebiete:
                # E.g. the German-Luxembourgish condominium, outside every Kreis.
                continue
            if kreis is None:
                self.problem(
                    verband.line,
                    f"Der Kreis {verband.kreis_key} des Gemeindeverbands „{verband.name}“ "
                    "fehlt in der Datei.",
                )
            elif (
                kreis.kind in KREISFREIE_KINDS
                and verband.textkennzeichen != TEXTKENNZEICHEN_VERBANDSFREIE_GEMEINDE
            ):
                self.problem(
                    verband.line,
                    f"Der Gemeindeverband {key} „{verband.name}“ liegt in der kreisfreien Stadt "
                    f"„{kreis.name}“; dort gibt es keine Ämter.",
                )
        for gemeinde in self.gemeinden.values():
            kreis = self.kreise.get(gemeinde.kreis_key)
            if kreis is None:
                self.problem(
                    gemeinde.line,
                    f"Der Kreis {gemeinde.kreis_key} der Gemeinde „{gemeinde.name}“ "
                    "fehlt in der Datei.",
                )
                continue
            if gemeinde.verband_key not in self.verbaende:
                self.problem(
                    gemeinde.line,
                    f"Der Gemeindeverband {gemeinde.verband_key} der Gemeinde "
                    f"„{gemeinde.name}“ fehlt in der Datei.",
                )
            is_kreisfreie_stadt = gemeinde.textkennzeichen in TEXTKENNZEICHEN_GEMEINDE_KREISFREI
            if is_kreisfreie_stadt and kreis.kind not in KREISFREIE_KINDS:
                self.problem(
                    gemeinde.line,
                    f"Die Gemeinde „{gemeinde.name}“ ist als kreisfreie Stadt gekennzeichnet, "
                    f"liegt aber im Kreis „{kreis.name}“.",
                )
            elif not is_kreisfreie_stadt and kreis.kind in KREISFREIE_KINDS:
                self.problem(
                    gemeinde.line,
                    f"Die Gemeinde „{gemeinde.name}“ liegt in der kreisfreien Stadt "
                    f"„{kreis.name}“, ist aber nicht als kreisfreie Stadt gekennzeichnet.",
                )
        if self.problems:
            # The checks below assume that every Kreis and Gemeindeverband is known.
            return
        own_verwaltung_counts = self._gemeinde_count_by_own_verwaltung()
        for key, count in own_verwaltung_counts.items():
            if count != 1:
                line, name = self._own_verwaltung_line_and_name(key)
                self.problem(
                    line,
                    f"„{name}“ ({key}) ist selbst eine Gemeinde; dazu gehört genau eine "
                    f"Gemeindezeile, die Datei enthält {count}.",
                )
        for land in sorted(self.laender - {row.ags[:2] for row in self.gemeinden.values()}):
            self.problem(None, f"Die Datei enthält keine Gemeinden für Land „{land}“.")
        self._check_completeness(reported=own_verwaltung_counts.keys())

    def _check_completeness(self, *, reported: Iterable[str]) -> None:
        """What a file cut off or pasted together incompletely lacks: the Land record before
        the Land's rows, Gemeindeverbände after a Kreis, Gemeinden after a Gemeindeverband.
        Verbände in `reported` already have a problem of their own."""
        for land, first_line in sorted(self.first_line_by_land.items()):
            if land not in self.land_lines:
                self.problem(
                    first_line,
                    f"Vor dieser Zeile fehlt der Satz des Landes {land} (Satzart 10): die Datei "
                    "ist am Anfang unvollständig.",
                )
        for key, kreis in self.kreise.items():
            if key not in self.kreis_keys_with_verband_rows:
                self.problem(
                    kreis.line,
                    f"Zum Kreis „{kreis.name}“ ({key}) stehen keine Gemeindeverbände "
                    "(Satzart 50) in der Datei; ist sie unvollständig oder abgeschnitten?",
                )
        verband_keys_with_gemeinden = self.verband_keys_of_skipped_rows | {
            gemeinde.verband_key for gemeinde in self.gemeinden.values()
        }
        for key, verband in self.verbaende.items():
            if key not in verband_keys_with_gemeinden and key not in reported:
                self.problem(
                    verband.line,
                    f"Zum Gemeindeverband „{verband.name}“ ({key}) stehen keine Gemeinden "
                    "(Satzart 60) in der Datei; ist sie unvollständig oder abgeschnitten?",
                )

    def _gemeinde_count_by_own_verwaltung(self) -> Counter[str]:
        """Kreisfreie Städte and amtsfreie Gemeinden are each exactly one Gemeinde."""
        counts: Counter[str] = Counter()
        for key, kreis in self.kreise.items():
            if kreis.kind in KREISFREIE_KINDS:
                counts[key] = 0
        for key, verband in self.verbaende.items():
            if self._is_amtsfreie_gemeinde(key, verband):
                counts[key] = 0
        for gemeinde in self.gemeinden.values():
            key = self._verwaltung_key(gemeinde)
            if key in counts:
                counts[key] += 1
        return counts

    def _own_verwaltung_line_and_name(self, key: str) -> tuple[int, str]:
        row = self.kreise[key] if key in self.kreise else self.verbaende[key]
        return row.line, row.name

    def _is_verwaltung(self, key: str, verband: _VerbandRow) -> bool:
        """Not every Verband row is an administering body: a kreisfreie Stadt has one of its own
        (vb 0000), and so has each uninhabited gemeindefreies Gebiet (a Forstgutsbezirk such as
        Sachsenwald); neither is an amtsfreie Gemeinde."""
        return (
            key not in self._verband_keys_of_gemeindefreie_gebiete
            and self.kreise[verband.kreis_key].kind in KREIS_KINDS
        )

    @cached_property
    def _verband_keys_of_gemeindefreie_gebiete(self) -> set[str]:
        inhabited = {gemeinde.verband_key for gemeinde in self.gemeinden.values()}
        return self.verband_keys_of_skipped_rows - inhabited

    def _is_amtsfreie_gemeinde(self, key: str, verband: _VerbandRow) -> bool:
        is_verbandsfrei = verband.textkennzeichen == TEXTKENNZEICHEN_VERBANDSFREIE_GEMEINDE
        return is_verbandsfrei and self._is_verwaltung(key, verband)

    def _verwaltung_key(self, gemeinde: _GemeindeRow) -> str:
        if self.kreise[gemeinde.kreis_key].kind in KREISFREIE_KINDS:
            return gemeinde.kreis_key
        return gemeinde.verband_key

    def _verwaltung_records(self) -> tuple[VerwaltungRecord, ...]:
        ags_by_own_verwaltung = {
            self._verwaltung_key(gemeinde): gemeinde.ags
            for gemeinde in self.gemeinden.values()
            if gemeinde.textkennzeichen in TEXTKENNZEICHEN_GEMEINDE_KREISFREI
            or self._is_amtsfreie_gemeinde(
                gemeinde.verband_key, self.verbaende[gemeinde.verband_key]
            )
        }
        kreis_records = [
            VerwaltungRecord(
                line=kreis.line,
                kind=kreis.kind,
                name=kreis.name,
                regional_key=key,
                kreis_key=key,
                ags=ags_by_own_verwaltung.get(key, ""),
            )
            for key, kreis in self.kreise.items()
        ]
        laender_with_aemter = {
            key[:2]
            for key, verband in self.verbaende.items()
            if verband.textkennzeichen == TEXTKENNZEICHEN_AMT
        }
        verband_records = [
            VerwaltungRecord(
                line=verband.line,
                kind=_verband_kind(verband, has_aemter=key[:2] in laender_with_aemter),
                name=verband.name,
                regional_key=key,
                kreis_key=verband.kreis_key,
                ags=ags_by_own_verwaltung.get(key, ""),
            )
            for key, verband in self.verbaende.items()
            if self._is_verwaltung(key, verband)
        ]
        return (*kreis_records, *verband_records)

    def _gemeinde_record(self, row: _GemeindeRow) -> GemeindeRecord:
        return GemeindeRecord(
            line=row.line,
            ags=row.ags,
            ars=row.ars,
            name=row.name,
            kind=GEMEINDE_KIND_BY_TEXTKENNZEICHEN[row.textkennzeichen],
            population=row.population,
            area_km2=row.area_km2,
            postcode=row.postcode,
            latitude=row.latitude,
            longitude=row.longitude,
            kreis_key=row.kreis_key,
            verwaltung_key=self._verwaltung_key(row),
        )


def _verband_kind(verband: _VerbandRow, *, has_aemter: bool) -> VerwaltungKind:
    if has_aemter and verband.textkennzeichen == TEXTKENNZEICHEN_VERBANDSFREIE_GEMEINDE:
        return VerwaltungKind.AMTSFREIE_GEMEINDE
    return VERBAND_KIND_BY_TEXTKENNZEICHEN[verband.textkennzeichen]
