"""Writes to the municipal registry."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from shop.importing import (
    ChangeKind,
    ImportChange,
    ImportRefused,
    assign_changed_values,
    removal_limit_problem,
)
from shop.models import Gemeinde, Verwaltung, VerwaltungKind
from shop.registry.gemeindeverzeichnis import GemeindeRecord, Gemeindeverzeichnis, VerwaltungRecord
from shop.registry.signals import registry_imported

GEMEINDE_REPORT_TYPE = "gemeinde"
REPORT_TYPES = (*VerwaltungKind.values, GEMEINDE_REPORT_TYPE)
# Reported even when zero: the kinds of Schleswig-Holstein, the shop's first Land, whose report
# scripts read (JSON). The kinds of other Länder (Landkreis, Samtgemeinde, ...) are reported when
# the import counts any of them, so that a report shows the types of the imported data.
ALWAYS_REPORTED_TYPES = frozenset(
    {
        VerwaltungKind.KREISFREIE_STADT,
        VerwaltungKind.KREIS,
        VerwaltungKind.AMT,
        VerwaltungKind.KIRCHSPIELSLANDGEMEINDE,
        VerwaltungKind.AMTSFREIE_GEMEINDE,
        GEMEINDE_REPORT_TYPE,
    }
)

VERWALTUNG_IMPORTED_FIELDS = ("kind", "name", "ags", "kreis", "active", "updated_at")
GEMEINDE_IMPORTED_FIELDS = (
    "ars",
    "name",
    "kind",
    "population",
    "area_km2",
    "postcode",
    "latitude",
    "longitude",
    "kreis",
    "verwaltung",
    "active",
    "updated_at",
)


def _zero_counts() -> dict[str, int]:
    return dict.fromkeys(REPORT_TYPES, 0)


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do), counted per type of body (and
    "gemeinde"); `changes` lists the entries a person reviews before a yearly update."""

    created: dict[str, int] = field(default_factory=_zero_counts)
    updated: dict[str, int] = field(default_factory=_zero_counts)
    unchanged: dict[str, int] = field(default_factory=_zero_counts)
    deactivated: dict[str, int] = field(default_factory=_zero_counts)
    skipped: int = 0
    # The imported Länder by key, named as in the file: {"03": "Niedersachsen"}.
    laender: dict[str, str] = field(default_factory=dict)
    changes: list[ImportChange] = field(default_factory=list)
    # For the deactivation guard: the registry of the imported Länder before the import.
    active_verwaltungen_before: int = 0
    active_gemeinden_before: int = 0
    deactivated_gemeinde_ars: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return any(
            sum(counts.values()) for counts in (self.created, self.updated, self.deactivated)
        )

    @property
    def deactivated_verwaltung_count(self) -> int:
        return sum(
            count
            for report_type, count in self.deactivated.items()
            if report_type != GEMEINDE_REPORT_TYPE
        )

    @property
    def report_types(self) -> list[str]:
        """The types the JSON report lists, in the order of REPORT_TYPES."""
        return [
            report_type
            for report_type in REPORT_TYPES
            if report_type in ALWAYS_REPORTED_TYPES or self._counted(report_type)
        ]

    @property
    def counted_types(self) -> list[str]:
        """The types the import counted (and the Gemeinden), for the table a person reads:
        Landkreise and Samtgemeinden for Niedersachsen, no empty rows of Ämter."""
        return [
            report_type
            for report_type in REPORT_TYPES
            if report_type == GEMEINDE_REPORT_TYPE or self._counted(report_type)
        ]

    def _counted(self, report_type: str) -> bool:
        outcomes = (self.created, self.updated, self.unchanged, self.deactivated)
        return any(counts[report_type] for counts in outcomes)

    def changes_of(self, kind: ChangeKind) -> list[ImportChange]:
        return sorted(
            (change for change in self.changes if change.kind == kind),
            key=lambda change: change.key,
        )

    def as_dict(self) -> dict[str, Any]:
        types = self.report_types
        outcomes = ("created", "updated", "unchanged", "deactivated")
        return {
            **{
                outcome: {report_type: getattr(self, outcome)[report_type] for report_type in types}
                for outcome in outcomes
            },
            "skipped": self.skipped,
        }


class RegistryImportRefused(ImportRefused):
    """The import would deactivate more Verwaltungen or Gemeinden than it may without explicit
    permission; `report` is an ImportReport."""


def registry_import_gemeindeverzeichnis(
    *,
    records: Gemeindeverzeichnis,
    land: str | None = None,
    allow_deactivations: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Bring the registry of the file's Länder (or only of `land`) in line with the file.

    Bodies and Gemeinden missing from the file are marked inactive, never deleted: orders and
    memberships point at them. A file that matches the registry writes nothing. An import that
    looks like a wrong or cut-off file (`registry_import_refusal_reasons`) raises
    RegistryImportRefused and writes nothing, unless `allow_deactivations`.

    A `dry_run` runs the very same import, refusal included, in a transaction that is rolled
    back, so that its report is exactly what the import would do.
    """
    if land is not None:
        records = records.for_land(land)
    report = ImportReport(skipped=len(records.skipped_rows), laender=dict(records.land_names))
    with transaction.atomic():
        verwaltung_by_key = _import_verwaltungen(records=records, report=report)
        _import_gemeinden(records=records, verwaltung_by_key=verwaltung_by_key, report=report)
        reasons = registry_import_refusal_reasons(records=records, report=report)
        if reasons and not allow_deactivations:
            raise RegistryImportRefused(reasons=reasons, report=report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            registry_imported.send(sender=registry_import_gemeindeverzeichnis, report=report)
    return report


def registry_import_refusal_reasons(
    *, records: Gemeindeverzeichnis, report: ImportReport
) -> tuple[str, ...]:
    """Why an import must not run without explicit permission (German); empty if it may.

    Two signs of a wrong or cut-off file: it deactivates more than REMOVAL_LIMIT_PERCENT of
    the active Verwaltungen or of the active Gemeinden; or every Gemeinde it deactivates comes
    after the file's last Gemeinde of its Land in key order (ARS), which is what a file sorted by
    key and cut at a line boundary looks like, however near its end the cut is.
    """
    reasons = [
        problem
        for removed, existing, entries in (
            (
                report.deactivated_verwaltung_count,
                report.active_verwaltungen_before,
                "Verwaltungen",
            ),
            (report.deactivated[GEMEINDE_REPORT_TYPE], report.active_gemeinden_before, "Gemeinden"),
        )
        if (
            problem := removal_limit_problem(
                removed=removed,
                existing=existing,
                entries=f"aktiven {entries}",
                outcome="deaktivieren",
            )
        )
    ]
    last_record_by_land: dict[str, GemeindeRecord] = {}
    for record in records.gemeinden:
        last = last_record_by_land.get(record.ars[:2])
        if last is None or record.ars > last.ars:
            last_record_by_land[record.ars[:2]] = record
    deactivated_ars = report.deactivated_gemeinde_ars
    if deactivated_ars and all(
        ars[:2] in last_record_by_land and ars > last_record_by_land[ars[:2]].ars
        for ars in deactivated_ars
    ):
        last = last_record_by_land[min(deactivated_ars)[:2]]
        reasons.append(
            (
                "Die einzige Gemeinde, die der Import deaktivieren würde, folgt"
                if len(deactivated_ars) == 1
                else f"Alle {len(deactivated_ars)} Gemeinden, die der Import deaktivieren würde, "
                "folgen"
            )
            + f" im Regionalschlüssel auf die letzte Gemeinde der Datei („{last.name}“, ARS "
            f"{last.ars}, Zeile {last.line}): so sieht eine nach dieser Zeile abgeschnittene "
            "Datei aus."
        )
    return tuple(reasons)


def _import_verwaltungen(
    *, records: Gemeindeverzeichnis, report: ImportReport
) -> dict[str, Verwaltung]:
    existing_by_key = {
        verwaltung.regional_key: verwaltung
        for verwaltung in Verwaltung.objects.filter(
            _starts_with_any_land("regional_key", records.laender)
        )
    }
    report.active_verwaltungen_before = sum(v.active for v in existing_by_key.values())
    now = timezone.now()
    changed: list[Verwaltung] = []

    # New Kreis-level bodies are inserted first, without their Kreis: every body points at its
    # Kreis, a Kreis-level body at itself, which needs its primary key.
    new_kreis_level = [
        Verwaltung(kind=record.kind, name=record.name, regional_key=record.regional_key)
        for record in records.verwaltungen
        if record.is_kreis_level and record.regional_key not in existing_by_key
    ]
    Verwaltung.objects.bulk_create(new_kreis_level)
    new_kreis_level_keys = {verwaltung.regional_key for verwaltung in new_kreis_level}
    verwaltung_by_key = existing_by_key | {v.regional_key: v for v in new_kreis_level}

    new_below_kreis_level: list[Verwaltung] = []
    for record in records.verwaltungen:
        values = _verwaltung_values(record, kreis=verwaltung_by_key[record.kreis_key])
        verwaltung = verwaltung_by_key.get(record.regional_key)
        is_new = verwaltung is None or record.regional_key in new_kreis_level_keys
        if is_new:
            report.changes.append(
                ImportChange(ChangeKind.CREATED, record.kind, record.regional_key, record.name)
            )
        else:
            _note_renamed_or_reactivated(
                report, verwaltung, record.kind, record.regional_key, record.name
            )
        if verwaltung is None:
            new_below_kreis_level.append(Verwaltung(regional_key=record.regional_key, **values))
            report.created[record.kind] += 1
        elif assign_changed_values(verwaltung, values):
            verwaltung.updated_at = now
            changed.append(verwaltung)
            (report.created if is_new else report.updated)[record.kind] += 1
        else:
            report.unchanged[record.kind] += 1
    Verwaltung.objects.bulk_create(new_below_kreis_level)
    verwaltung_by_key |= {v.regional_key: v for v in new_below_kreis_level}

    changed += _deactivate_missing(
        existing_by_key,
        keys_in_file={record.regional_key for record in records.verwaltungen},
        report_type_of=lambda verwaltung: verwaltung.kind,
        report=report,
        now=now,
    )
    Verwaltung.objects.bulk_update(changed, VERWALTUNG_IMPORTED_FIELDS)
    return verwaltung_by_key


def _import_gemeinden(
    *,
    records: Gemeindeverzeichnis,
    verwaltung_by_key: dict[str, Verwaltung],
    report: ImportReport,
) -> None:
    existing_by_ags = {
        gemeinde.ags: gemeinde
        for gemeinde in Gemeinde.objects.filter(
            _starts_with_any_land("ags", records.laender)
        ).select_related("verwaltung")
    }
    report.active_gemeinden_before = sum(g.active for g in existing_by_ags.values())
    now = timezone.now()
    new: list[Gemeinde] = []
    changed: list[Gemeinde] = []
    for record in records.gemeinden:
        values = _gemeinde_values(record, verwaltung_by_key=verwaltung_by_key)
        gemeinde = existing_by_ags.get(record.ags)
        if gemeinde is None:
            new.append(Gemeinde(ags=record.ags, **values))
            report.created[GEMEINDE_REPORT_TYPE] += 1
            report.changes.append(
                ImportChange(ChangeKind.CREATED, GEMEINDE_REPORT_TYPE, record.ags, record.name)
            )
            continue
        _note_renamed_or_reactivated(
            report, gemeinde, GEMEINDE_REPORT_TYPE, record.ags, record.name
        )
        previous_verwaltung = gemeinde.verwaltung
        if assign_changed_values(gemeinde, values):
            gemeinde.updated_at = now
            changed.append(gemeinde)
            report.updated[GEMEINDE_REPORT_TYPE] += 1
        else:
            report.unchanged[GEMEINDE_REPORT_TYPE] += 1
        if previous_verwaltung.regional_key != record.verwaltung_key:
            report.changes.append(
                ImportChange(
                    ChangeKind.MOVED,
                    GEMEINDE_REPORT_TYPE,
                    record.ags,
                    record.name,
                    previous=_named(previous_verwaltung),
                    current=_named(verwaltung_by_key[record.verwaltung_key]),
                )
            )

    deactivated = _deactivate_missing(
        existing_by_ags,
        keys_in_file={record.ags for record in records.gemeinden},
        report_type_of=lambda gemeinde: GEMEINDE_REPORT_TYPE,
        report=report,
        now=now,
    )
    changed += deactivated
    report.deactivated_gemeinde_ars += [gemeinde.ars for gemeinde in deactivated]

    Gemeinde.objects.bulk_create(new)
    Gemeinde.objects.bulk_update(changed, GEMEINDE_IMPORTED_FIELDS)


Entry = TypeVar("Entry", Verwaltung, Gemeinde)


def _deactivate_missing(
    existing_by_key: dict[str, Entry],
    *,
    keys_in_file: set[str],
    report_type_of: Callable[[Entry], str],
    report: ImportReport,
    now: datetime,
) -> list[Entry]:
    """Deactivate the active entries the file no longer lists; returns them for writing."""
    deactivated = []
    for key, entry in existing_by_key.items():
        if key not in keys_in_file and entry.active:
            entry.active = False
            entry.updated_at = now
            report_type = report_type_of(entry)
            report.deactivated[report_type] += 1
            report.changes.append(
                ImportChange(ChangeKind.DEACTIVATED, report_type, key, entry.name)
            )
            deactivated.append(entry)
    return deactivated


def _note_renamed_or_reactivated(
    report: ImportReport, existing: Verwaltung | Gemeinde, report_type: str, key: str, name: str
) -> None:
    """Called before the file's values are assigned, while `existing` still has the old ones."""
    if existing.name != name:
        report.changes.append(
            ImportChange(
                ChangeKind.RENAMED, report_type, key, name, previous=existing.name, current=name
            )
        )
    if not existing.active:
        report.changes.append(ImportChange(ChangeKind.REACTIVATED, report_type, key, name))


def _named(verwaltung: Verwaltung) -> str:
    return f"{verwaltung.name} ({verwaltung.regional_key})"


def _verwaltung_values(record: VerwaltungRecord, *, kreis: Verwaltung) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "name": record.name,
        "ags": record.ags,
        "kreis_id": kreis.pk,
        "active": True,
    }


def _gemeinde_values(
    record: GemeindeRecord, *, verwaltung_by_key: dict[str, Verwaltung]
) -> dict[str, Any]:
    return {
        "ars": record.ars,
        "name": record.name,
        "kind": record.kind,
        "population": record.population,
        "area_km2": record.area_km2,
        "postcode": record.postcode,
        "latitude": record.latitude,
        "longitude": record.longitude,
        "kreis_id": verwaltung_by_key[record.kreis_key].pk,
        "verwaltung_id": verwaltung_by_key[record.verwaltung_key].pk,
        "active": True,
    }


def _starts_with_any_land(field_name: str, laender: frozenset[str]) -> Q:
    condition = Q(pk__in=[])
    for land in laender:
        condition |= Q(**{f"{field_name}__startswith": land})
    return condition
