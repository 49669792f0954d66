"""What the file importers (Gemeindeverzeichnis, OZG-Katalog) share: reading a path or an
uploaded file as UTF-8 CSV text, naming each row by the line a person sees in an editor, and
writing only the values that changed, so that a repeated import writes nothing."""

import _csv
import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from django.db.models import Model

CsvSource = str | Path | BinaryIO


class CsvFileError(Exception):
    """The file cannot be read as CSV text at all; each importer reports it as its own error."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


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


def _decode(data: bytes, *, document: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise CsvFileError(
            1,
            "Die Datei ist keine CSV-Datei, sondern vermutlich eine Excel-Arbeitsmappe. "
            f"Bitte {document} als CSV (durch Kommas getrennt, UTF-8) speichern.",
        )
    try:
        # utf-8-sig: spreadsheet programs often put a byte order mark before the header.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CsvFileError(
            line,
            f"Die Datei ist nicht UTF-8-kodiert (ungültiges Byte 0x{data[error.start]:02X}). "
            "Vermutlich wurde sie als Latin-1 oder Windows-1252 gespeichert; bitte als UTF-8 "
            "speichern.",
        ) from None


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
