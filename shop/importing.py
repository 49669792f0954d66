"""What the file importers (Gemeindeverzeichnis, OZG-Katalog) share: reading a path or an
uploaded file as UTF-8 CSV text, naming each row by the line a person sees in an editor,
rejecting a file with every problem found (up to a limit), and writing only the values that
changed, so that a repeated import writes nothing."""

import _csv
import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Self

from django.db.models import Model

CsvSource = str | Path | BinaryIO


class CsvFileError(Exception):
    """The file cannot be read as CSV text at all; each importer reports it as its own error."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


MAX_REPORTED_PROBLEMS = 20


@dataclass(frozen=True)
class Problem:
    """What is wrong with a file, at a line (None: the file as a whole); `file` names the file
    where an import reads more than one."""

    line: int | None
    message: str
    file: str = ""

    def __str__(self) -> str:
        line = "" if self.line is None else f"Zeile {self.line}"
        where = ", ".join(part for part in (self.file, line) if part)
        return f"{where}: {self.message}" if where else self.message


class ImportFileError(Exception):
    """The file cannot be imported. `file`, `line` and `message` describe the first problem,
    `problems` every problem reported (at most MAX_REPORTED_PROBLEMS)."""

    def __init__(
        self,
        line: int | None,
        message: str,
        *,
        file: str = "",
        further_problems: tuple[Problem, ...] = (),
        omitted_count: int = 0,
    ) -> None:
        self.file = file
        self.line = line
        self.message = message
        self.problems = (Problem(line, message, file), *further_problems)
        self.omitted_count = omitted_count
        text = "\n".join(str(problem) for problem in self.problems)
        if omitted_count:
            text += f"\n… und {omitted_count} weitere Fehler."
        super().__init__(text)

    @classmethod
    def reporting(cls, problems: list[Problem]) -> Self:
        """The error for all `problems`, in their order; those beyond the limit only counted."""
        first, *further = problems[:MAX_REPORTED_PROBLEMS]
        return cls(
            first.line,
            first.message,
            file=first.file,
            further_problems=tuple(further),
            omitted_count=max(0, len(problems) - MAX_REPORTED_PROBLEMS),
        )


class ProblemCollector:
    """Collects the problems of a file instead of stopping at the first; `file` names the file
    where an import reads more than one."""

    def __init__(self, *, file: str = "") -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(line, message, self.file))

    def sorted_problems(self) -> list[Problem]:
        """Problems of the file as a whole first, then by line."""
        return sorted(self.problems, key=lambda problem: problem.line or 0)


def read_csv_text(source: CsvSource, *, document: str) -> str:
    """The text of a UTF-8 file. `document` names what the file holds, for the advice on how to
    save it again, e.g. "das Gemeindeverzeichnis"."""
    return _decode(_read_bytes(source), document=document)


def _read_bytes(source: CsvSource) -> bytes:
    if not isinstance(source, str | Path):
        return source.read()
    try:
        return Path(source).read_bytes()
    except FileNotFoundError:
        raise CsvFileError(None, f"Die Datei „{source}“ wurde nicht gefunden.") from None
    except OSError as error:
        raise CsvFileError(
            None, f"Die Datei „{source}“ kann nicht gelesen werden ({error.strerror})."
        ) from None


# C0 control characters other than tab, line feed and carriage return, and DEL: no text file of
# the catalogues contains them; they come from damaged or binary files. PostgreSQL cannot even
# store NUL in a text column.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UTF16_BYTE_ORDER_MARKS = (b"\xff\xfe", b"\xfe\xff")


def _decode(data: bytes, *, document: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise CsvFileError(
            1,
            "Die Datei ist keine CSV-Datei, sondern vermutlich eine Excel-Arbeitsmappe. "
            f"Bitte {document} als CSV (durch Kommas getrennt, UTF-8) speichern.",
        )
    if data.startswith(UTF16_BYTE_ORDER_MARKS):
        raise CsvFileError(
            1,
            "Die Datei ist UTF-16-kodiert (in Excel „Unicode-Text“). "
            f"Bitte {document} als CSV (durch Kommas getrennt, UTF-8) speichern.",
        )
    # NUL first: a binary file is seldom valid UTF-8, and "not UTF-8" would send the reader
    # looking for the wrong mistake.
    nul = data.find(b"\x00")
    if nul != -1:
        raise CsvFileError(
            _line_of(data, nul),
            "Die Datei enthält ein NUL-Byte (0x00); sie ist beschädigt oder keine Textdatei.",
        )
    try:
        # utf-8-sig: spreadsheet programs often put a byte order mark before the header.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvFileError(
            _line_of(data, error.start),
            f"Die Datei ist nicht UTF-8-kodiert (ungültiges Byte 0x{data[error.start]:02X}). "
            "Vermutlich wurde sie als Latin-1 oder Windows-1252 gespeichert; bitte als UTF-8 "
            "speichern.",
        ) from None
    control = CONTROL_CHARACTER.search(text)
    if control is not None:
        raise CsvFileError(
            _line_of(text, control.start()),
            f"Die Datei enthält das Steuerzeichen U+{ord(control.group()):04X}; sie ist "
            "beschädigt oder keine Textdatei.",
        )
    _check_last_line_complete(text)
    return text


def _check_last_line_complete(text: str) -> None:
    """Every program that writes CSV ends the last line with a line break; a file that stops in
    the middle of a line was cut off (an interrupted download or copy), and its last field may
    look complete ("gering bes" for "gering besiedelt"). A file cut at a line boundary passes
    here; each importer recognises that from the content."""
    if text.strip() and not text.endswith(("\n", "\r")):
        raise CsvFileError(
            _line_of(text, len(text)),
            "Die letzte Zeile endet ohne Zeilenumbruch: die Datei ist vermutlich "
            "abgeschnitten (unvollständig heruntergeladen oder kopiert). Bitte die Datei "
            "vollständig neu beschaffen; ist sie vollständig, einen Zeilenumbruch anfügen.",
        )


def _line_of(content: str | bytes, position: int) -> int:
    """The line of a position, counted as an editor counts lines."""
    newline = "\n" if isinstance(content, str) else b"\n"
    return content.count(newline, 0, position) + 1


def read_header(reader: _csv.Reader, *, required: Iterable[str], expected: str) -> list[str]:
    """The header's column names in lower case. CsvFileError if it is not valid CSV, the file is
    empty or a `required` column is missing; `expected` describes the header to write instead,
    e.g. "„ozg_id,ozg_leistung,lage,themenfeld“"."""
    try:
        header = [column.strip().lower() for column in next(reader, [])]
    except csv.Error as error:
        raise CsvFileError(1, f"Die Kopfzeile ist kein gültiges CSV ({error}).") from None
    if not any(header):
        raise CsvFileError(None, "Die Datei ist leer.")
    missing = [column for column in required if column not in header]
    if missing:
        names = ", ".join(f"„{column}“" for column in missing)
        raise CsvFileError(
            1,
            f"In der Kopfzeile fehlen die Spalten {names}. Erwartet wird die Kopfzeile "
            f"{expected}, durch Kommas getrennt.",
        )
    return header


def numbered_rows(
    reader: _csv.Reader, *, report_problem: Callable[[int, str], None]
) -> Iterator[tuple[int, list[str]]]:
    """The rows that are not blank, each with the line it starts on (a quoted field may span
    several lines). A row that is not valid CSV is reported and skipped."""
    while True:
        first_line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            report_problem(first_line, f"Die Zeile ist kein gültiges CSV ({error}).")
            continue
        if any(value.strip() for value in values):
            yield first_line, values


def assign_changed_values(instance: Model, values: dict[str, Any]) -> bool:
    """Set the values that differ; tell whether there were any."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def german_number(number: int) -> str:
    """1234567 -> "1.234.567", for the import commands' tables."""
    return f"{number:,}".replace(",", ".")


# More than this share of the active entries may only be retired when the operator says so
# (--allow-deactivations, --allow-missing). docs/deployment.md ("Jährliche Aktualisierung")
# explains the figure: a real yearly update retires far fewer, a cut-off file far more.
REMOVAL_LIMIT_PERCENT = 5


def removal_limit_problem(*, removed: int, existing: int, entries: str, outcome: str) -> str:
    """Why retiring `removed` of `existing` entries needs explicit permission (German), or ""
    if it does not; e.g. entries="aktiven Gemeinden", outcome="deaktivieren"."""
    if removed * 100 <= existing * REMOVAL_LIMIT_PERCENT:
        return ""
    share = f"{removed * 100 / existing:.1f} %".replace(".", ",")
    return (
        f"Der Import würde {german_number(removed)} von {german_number(existing)} {entries} "
        f"{outcome} ({share}); ohne ausdrückliche Freigabe sind höchstens "
        f"{REMOVAL_LIMIT_PERCENT} % erlaubt, mehr ändert keine jährliche Aktualisierung."
    )


class ImportRefused(Exception):
    """The import would retire more than it may without explicit permission; nothing was
    written. `reasons` say why (German), `report` what the import would have done."""

    def __init__(self, *, reasons: tuple[str, ...], report: Any) -> None:
        self.reasons = reasons
        self.report = report
        super().__init__("\n".join(reasons))


class ChangeKind(StrEnum):
    CREATED = "created"
    RENAMED = "renamed"
    MOVED = "moved"
    REACTIVATED = "reactivated"
    DEACTIVATED = "deactivated"
    RETIRED = "retired"


@dataclass(frozen=True)
class ImportChange:
    """An entry that an import creates, renames, moves, reactivates, deactivates or finds no
    longer in the file, with what a person needs to check it: its key and name. `previous` and
    `current` say what changed: the old and new name, or the old and new parent (Verwaltung of a
    Gemeinde, Lage of an OZG-Leistung)."""

    kind: ChangeKind
    report_type: str
    key: str
    name: str
    previous: str = ""
    current: str = ""
