"""The coverage per service as CSV for Excel: semicolons, UTF-8 with byte order mark, German
headers and decimal commas."""

import csv
import io

from .selectors import DienstCoverageReport, Share

CSV_HEADERS = (
    "Dienst",
    "Bestellbar",
    "Verwaltungen mit Bestellung",
    "Anteil Verwaltungen mit Bestellung (%)",
    "Verwaltungen mit Dienst live",
    "Anteil Verwaltungen mit Dienst live (%)",
    "Verwaltungen gesamt",
    "Gemeinden abgedeckt (live)",
    "Anteil Gemeinden (%)",
    "Gemeinden gesamt",
    "Einwohnerinnen und Einwohner abgedeckt (live)",
    "Anteil Einwohnerinnen und Einwohner (%)",
    "Einwohnerinnen und Einwohner gesamt",
)
# A cell starting with one of these would be read by a spreadsheet as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def _percent(share: Share) -> str:
    """One decimal with a comma ("12,5"); empty when there is nothing to count."""
    if share.percent is None:
        return ""
    return f"{share.percent:.1f}".replace(".", ",")


def coverage_csv(*, report: DienstCoverageReport) -> str:
    """The CSV text, starting with the byte order mark that makes Excel read UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for row in report.rows:
        writer.writerow(
            [
                _text(row.title),
                "ja" if row.is_orderable else "nein",
                row.ordered.count,
                _percent(row.ordered),
                row.live.count,
                _percent(row.live),
                report.verwaltungen,
                row.gemeinden.count,
                _percent(row.gemeinden),
                report.gemeinden,
                row.population.count,
                _percent(row.population),
                report.population,
            ]
        )
    return buffer.getvalue()
