"""Reader for the OZG catalogue: the OZG-Umsetzungskatalog (OZG-Leistungen with their Lage and
Themenfeld) and the LeiKa-Leistungen mapped to OZG-IDs, two CSV files as the OZG-Datenbank NRW
publishes them. This module only reads and checks; `shop.catalogue.services` writes.

Both files are either accepted together or rejected with every problem found in either (up to a
limit), each naming its file and line, so that a person can fix the files and try again.
"""

import csv
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

# The limit belongs to the reader too: its callers and tests read it here.
from shop.importing import MAX_REPORTED_PROBLEMS as MAX_REPORTED_PROBLEMS
from shop.importing import (
    CsvFileError,
    CsvSource,
    ImportFileError,
    ProblemCollector,
    numbered_rows,
    read_csv_text,
    read_header,
)
from shop.models import Lage, LeikaLeistung, OzgLeistung, Themenfeld

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_OZG_LEISTUNGEN = DATA_DIR / "ozg_leistungen.csv"
DEFAULT_LEIKA_LEISTUNGEN = DATA_DIR / "leika_leistungen.csv"

OZG_ID = re.compile(r"[0-9]{5}")
LEIKA_KEY = re.compile(r"[0-9]{14}")


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    max_length: int | None = None
    # Names lose leading, trailing and repeated whitespace ("Querschnitt " in the shipped file).
    is_name: bool = False


OZG_ID_COLUMN = Column("ozg_id", "Die OZG-ID")
OZG_LEISTUNG_COLUMN = Column(
    "ozg_leistung",
    "Der Name der OZG-Leistung",
    OzgLeistung._meta.get_field("name").max_length,
    is_name=True,
)
LAGE_COLUMN = Column("lage", "Die Lage", Lage._meta.get_field("name").max_length, is_name=True)
THEMENFELD_COLUMN = Column(
    "themenfeld", "Das Themenfeld", Themenfeld._meta.get_field("name").max_length, is_name=True
)
OZG_LEISTUNGEN_COLUMNS = (OZG_ID_COLUMN, OZG_LEISTUNG_COLUMN, LAGE_COLUMN, THEMENFELD_COLUMN)

LEIKA_KEY_COLUMN = Column("leika_schluessel", "Der LeiKa-Schlüssel")
LEIKA_NAME_COLUMN = Column(
    "leistung",
    "Der Name der LeiKa-Leistung",
    LeikaLeistung._meta.get_field("name").max_length,
    is_name=True,
)
LEIKA_TYPE_COLUMN = Column(
    "leika_typ", "Die Typisierung", LeikaLeistung._meta.get_field("leika_type").max_length
)
LAW_ABBREVIATIONS_COLUMN = Column(
    "gesetz_kuerzel",
    "Die Gesetzeskürzel",
    LeikaLeistung._meta.get_field("law_abbreviations").max_length,
)
LEIKA_LEISTUNGEN_COLUMNS = (
    LEIKA_KEY_COLUMN,
    LEIKA_NAME_COLUMN,
    OZG_ID_COLUMN,
    LEIKA_TYPE_COLUMN,
    Column("rechtsgrundlage", "Die Rechtsgrundlage"),
    Column("gesetze", "Die Gesetze"),
    LAW_ABBREVIATIONS_COLUMN,
)


class OzgKatalogError(ImportFileError):
    """The two files cannot be imported; each problem names its file and line."""


@dataclass(frozen=True)
class ThemenfeldRecord:
    line: int
    name: str


@dataclass(frozen=True)
class LageRecord:
    line: int
    name: str
    themenfeld: str


@dataclass(frozen=True)
class OzgLeistungRecord:
    line: int
    ozg_id: str
    name: str
    lage: str
    themenfeld: str


@dataclass(frozen=True)
class LeikaLeistungRecord:
    line: int
    key: str
    name: str
    ozg_id: str
    leika_type: str
    legal_basis: str
    laws: str
    law_abbreviations: str

    @property
    def identity(self) -> tuple[str, str, str]:
        return leika_identity(key=self.key, ozg_id=self.ozg_id, name=self.name)


@dataclass(frozen=True)
class RepeatedRow:
    """A row that repeats an earlier row of the same file value for value; it is skipped."""

    file: str
    line: int
    first_line: int


@dataclass(frozen=True)
class OzgKatalog:
    themenfelder: tuple[ThemenfeldRecord, ...]
    lagen: tuple[LageRecord, ...]
    ozg_leistungen: tuple[OzgLeistungRecord, ...]
    leika_leistungen: tuple[LeikaLeistungRecord, ...]
    repeated_rows: tuple[RepeatedRow, ...]

    @property
    def leika_leistungen_without_ozg_leistung(self) -> tuple[LeikaLeistungRecord, ...]:
        """LeiKa-Leistungen whose OZG-ID is empty or names no OZG-Leistung of the catalogue."""
        ozg_ids = {record.ozg_id for record in self.ozg_leistungen}
        return tuple(record for record in self.leika_leistungen if record.ozg_id not in ozg_ids)


def leika_identity(*, key: str, ozg_id: str, name: str) -> tuple[str, str, str]:
    """A LeiKa-Leistung is known by its key; one without a key by its OZG-ID and name."""
    return (key, "", "") if key else ("", ozg_id, name)


def normalise_name(text: str) -> str:
    """'Querschnitt ' -> 'Querschnitt', 'Anfragen  und Anträge' -> 'Anfragen und Anträge'."""
    return " ".join(text.split())


def parse_ozg_katalog(*, leistungen: CsvSource, leika: CsvSource) -> OzgKatalog:
    """Read and check both files; raise OzgKatalogError listing the problems of both."""
    ozg_reader = _OzgLeistungenReader(file=_file_name(leistungen, DEFAULT_OZG_LEISTUNGEN))
    ozg_reader.read(leistungen)
    leika_reader = _LeikaLeistungenReader(file=_file_name(leika, DEFAULT_LEIKA_LEISTUNGEN))
    leika_reader.read(leika)
    problems = ozg_reader.sorted_problems() + leika_reader.sorted_problems()
    if problems:
        raise OzgKatalogError.reporting(problems)
    return OzgKatalog(
        themenfelder=tuple(ozg_reader.themenfelder.values()),
        lagen=tuple(ozg_reader.lagen.values()),
        ozg_leistungen=tuple(ozg_reader.ozg_leistungen.values()),
        leika_leistungen=tuple(leika_reader.leika_leistungen.values()),
        repeated_rows=(*ozg_reader.repeated_rows, *leika_reader.repeated_rows),
    )


def _file_name(source: CsvSource, default: Path) -> str:
    """How messages name a file: its name without folders; an upload without a name by the
    name of the shipped file of that kind."""
    name = source if isinstance(source, str | Path) else getattr(source, "name", None)
    return Path(name).name if isinstance(name, str | Path) else default.name


class _CsvFileReader(ProblemCollector):
    """Reads one file row by row."""

    columns: tuple[Column, ...]
    document: str

    def __init__(self, *, file: str) -> None:
        super().__init__(file=file)
        self.repeated_rows: list[RepeatedRow] = []

    def read(self, source: CsvSource) -> None:
        names = [column.name for column in self.columns]
        try:
            text = read_csv_text(source, document=self.document)
            reader = csv.reader(io.StringIO(text, newline=""))
            header = read_header(reader, required=names, expected=f"„{','.join(names)}“")
        except CsvFileError as error:
            self.problem(error.line, error.message)
            return
        data_row_count = 0
        for line, values in numbered_rows(reader, report_problem=self.problem):
            data_row_count += 1
            if len(values) != len(header):
                self.problem(line, f"Die Zeile hat {len(values)} statt {len(header)} Spalten.")
                continue
            row = self._cleaned_row(dict(zip(header, values, strict=True)))
            if self._row_fits_columns(line, row):
                self.read_row(line, row)
        if data_row_count == 0 and not self.problems:
            self.problem(None, "Die Datei enthält keine Datenzeilen.")

    def _cleaned_row(self, row: dict[str, str]) -> dict[str, str]:
        cleaned = {column: value.strip() for column, value in row.items()}
        for column in self.columns:
            if column.is_name:
                cleaned[column.name] = normalise_name(cleaned[column.name])
        return cleaned

    def _row_fits_columns(self, line: int, row: dict[str, str]) -> bool:
        fits = True
        for column in self.columns:
            length = len(row[column.name])
            if column.max_length is not None and length > column.max_length:
                self.problem(
                    line,
                    f"{column.label} (Spalte „{column.name}“) ist mit {length} Zeichen zu lang; "
                    f"erlaubt sind höchstens {column.max_length}.",
                )
                fits = False
        return fits

    def required_name(self, line: int, row: dict[str, str], column: Column) -> str | None:
        name = row[column.name]
        if not name:
            self.problem(line, f"{column.label} (Spalte „{column.name}“) fehlt.")
            return None
        return name

    def read_row(self, line: int, row: dict[str, str]) -> None:
        raise NotImplementedError


class _OzgLeistungenReader(_CsvFileReader):
    columns = OZG_LEISTUNGEN_COLUMNS
    document = "die Liste der OZG-Leistungen"

    def __init__(self, *, file: str) -> None:
        super().__init__(file=file)
        self.themenfelder: dict[str, ThemenfeldRecord] = {}
        self.lagen: dict[str, LageRecord] = {}
        self.ozg_leistungen: dict[str, OzgLeistungRecord] = {}

    def read_row(self, line: int, row: dict[str, str]) -> None:
        ozg_id = row[OZG_ID_COLUMN.name]
        ozg_id_valid = OZG_ID.fullmatch(ozg_id) is not None
        if not ozg_id_valid:
            self.problem(line, _ozg_id_problem(ozg_id))
        name = self.required_name(line, row, OZG_LEISTUNG_COLUMN)
        lage = self.required_name(line, row, LAGE_COLUMN)
        themenfeld = self.required_name(line, row, THEMENFELD_COLUMN)
        if not ozg_id_valid or name is None or lage is None or themenfeld is None:
            return
        record = OzgLeistungRecord(
            line=line, ozg_id=ozg_id, name=name, lage=lage, themenfeld=themenfeld
        )
        earlier = self.ozg_leistungen.get(ozg_id)
        if earlier is not None:
            if _same_values(earlier, record):
                self.repeated_rows.append(RepeatedRow(self.file, line, earlier.line))
            else:
                self.problem(line, f"Die OZG-ID {ozg_id} steht schon in Zeile {earlier.line}.")
            return
        earlier_lage = self.lagen.get(lage)
        if earlier_lage is not None and earlier_lage.themenfeld != themenfeld:
            self.problem(
                line,
                f"Die Lage „{lage}“ steht hier im Themenfeld „{themenfeld}“, in Zeile "
                f"{earlier_lage.line} aber im Themenfeld „{earlier_lage.themenfeld}“; eine Lage "
                "gehört zu genau einem Themenfeld.",
            )
            return
        self.themenfelder.setdefault(themenfeld, ThemenfeldRecord(line=line, name=themenfeld))
        self.lagen.setdefault(lage, LageRecord(line=line, name=lage, themenfeld=themenfeld))
        self.ozg_leistungen[ozg_id] = record


class _LeikaLeistungenReader(_CsvFileReader):
    columns = LEIKA_LEISTUNGEN_COLUMNS
    document = "die Liste der LeiKa-Leistungen"

    def __init__(self, *, file: str) -> None:
        super().__init__(file=file)
        self.leika_leistungen: dict[tuple[str, str, str], LeikaLeistungRecord] = {}

    def read_row(self, line: int, row: dict[str, str]) -> None:
        key, ozg_id = row[LEIKA_KEY_COLUMN.name], row[OZG_ID_COLUMN.name]
        valid = True
        if key and not LEIKA_KEY.fullmatch(key):
            self.problem(
                line,
                f"Der LeiKa-Schlüssel „{key}“ besteht nicht aus 14 Ziffern "
                "(ohne Schlüssel bleibt die Spalte leer).",
            )
            valid = False
        # The catalogue leaves the OZG-ID empty for LeiKa-Leistungen outside the OZG.
        if ozg_id and not OZG_ID.fullmatch(ozg_id):
            self.problem(line, _ozg_id_problem(ozg_id))
            valid = False
        name = self.required_name(line, row, LEIKA_NAME_COLUMN)
        if name is None or not valid:
            return
        record = LeikaLeistungRecord(
            line=line,
            key=key,
            name=name,
            ozg_id=ozg_id,
            leika_type=row[LEIKA_TYPE_COLUMN.name],
            legal_basis=row["rechtsgrundlage"],
            laws=row["gesetze"],
            law_abbreviations=row[LAW_ABBREVIATIONS_COLUMN.name],
        )
        earlier = self.leika_leistungen.get(record.identity)
        if earlier is None:
            self.leika_leistungen[record.identity] = record
        elif _same_values(earlier, record):
            self.repeated_rows.append(RepeatedRow(self.file, line, earlier.line))
        elif key:
            self.problem(line, f"Der LeiKa-Schlüssel {key} steht schon in Zeile {earlier.line}.")
        else:
            self.problem(
                line,
                f"Die LeiKa-Leistung „{name}“ ohne Schlüssel steht mit derselben OZG-ID "
                f"„{ozg_id}“ schon in Zeile {earlier.line}, dort mit anderen Angaben.",
            )


def _ozg_id_problem(ozg_id: str) -> str:
    if not ozg_id:
        return "Die OZG-ID (Spalte „ozg_id“) fehlt."
    return f"Die OZG-ID „{ozg_id}“ besteht nicht aus 5 Ziffern."


def _same_values(
    earlier: OzgLeistungRecord | LeikaLeistungRecord,
    record: OzgLeistungRecord | LeikaLeistungRecord,
) -> bool:
    return replace(record, line=earlier.line) == earlier
