"""Tables for spreadsheets, written once for every export of the shop (the dashboard's order list,
Meine Dienste): CSV as German Excel opens it (semicolons, UTF-8 with byte order mark, dates as
TT.MM.JJJJ) and XLSX (openpyxl) with real date cells shown as German dates.

Rows carry typed values (int, str, date, datetime without time zone); a text that a spreadsheet
would read as a formula is written with a leading apostrophe (CSV injection).
"""

import csv
import dataclasses
import datetime
import io
from collections.abc import Iterable, Sequence

from django.utils import timezone

# A cell starting with one of these would be read by a spreadsheet as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATETIME = "DD.MM.YYYY HH:MM"
XLSX_DATE = "DD.MM.YYYY"

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Table:
    """What an export writes: the sheet's name (XLSX), the header and the rows."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence]


def local_minute(moment: datetime.datetime) -> datetime.datetime:
    """A moment as a spreadsheet keeps it: local time without time zone, to the minute."""
    return timezone.localtime(moment).replace(tzinfo=None, second=0, microsecond=0)


def number_or_text(value: str) -> int | str:
    """An order number as a number when it is one, so that a spreadsheet sorts it as such."""
    return int(value) if value.isdigit() else value


def spreadsheet_safe(value):
    """A text that a spreadsheet would read as a formula, as text; everything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_cell(value) -> str:
    """Dates in German notation; nothing as empty; everything else as itself."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return spreadsheet_safe(value)


def table_csv(*, table: Table) -> str:
    """Semicolon-separated with a byte order mark, as German Excel opens it."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue()


def table_xlsx(*, table: Table) -> bytes:
    """One sheet named after the table, the header frozen, dates as date cells."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.title
    sheet.append(list(table.header))
    for row in table.rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = XLSX_DATETIME
            elif isinstance(cell.value, datetime.date):
                cell.number_format = XLSX_DATE
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


WRITERS = {"csv": table_csv, "xlsx": table_xlsx}
