"""Writes to the municipal registry."""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from shop.importing import assign_changed_values
from shop.models import Gemeinde, Verwaltung, VerwaltungKind
from shop.registry.gemeindeverzeichnis import GemeindeRecord, Gemeindeverzeichnis, VerwaltungRecord
from shop.reports.cache import report_cache_invalidate

GEMEINDE_REPORT_TYPE = "gemeinde"
REPORT_TYPES = (*VerwaltungKind.values, GEMEINDE_REPORT_TYPE)

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
    """What an import did, counted per type of body (and "gemeinde")."""

    created: dict[str, int] = field(default_factory=_zero_counts)
    updated: dict[str, int] = field(default_factory=_zero_counts)
    unchanged: dict[str, int] = field(default_factory=_zero_counts)
    deactivated: dict[str, int] = field(default_factory=_zero_counts)
    skipped: int = 0

    @property
    def has_changes(self) -> bool:
        return any(
            sum(counts.values()) for counts in (self.created, self.updated, self.deactivated)
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "deactivated": dict(self.deactivated),
            "skipped": self.skipped,
        }


def registry_import_gemeindeverzeichnis(
    *, records: Gemeindeverzeichnis, land: str | None = None
) -> ImportReport:
    """Bring the registry of the file's Länder (or only of `land`) in line with the file.

    Bodies and Gemeinden missing from the file are marked inactive, never deleted: orders and
    memberships point at them. A file that matches the registry writes nothing.
    """
    if land is not None:
        records = records.for_land(land)
    report = ImportReport(skipped=len(records.skipped_rows))
    with transaction.atomic():
        verwaltung_by_key = _import_verwaltungen(records=records, report=report)
        _import_gemeinden(records=records, verwaltung_by_key=verwaltung_by_key, report=report)
        report_cache_invalidate()
    return report


def _import_verwaltungen(
    *, records: Gemeindeverzeichnis, report: ImportReport
) -> dict[str, Verwaltung]:
    existing_by_key = {
        verwaltung.regional_key: verwaltung
        for verwaltung in Verwaltung.objects.filter(
            _starts_with_any_land("regional_key", records.laender)
        )
    }
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
        if verwaltung is None:
            new_below_kreis_level.append(Verwaltung(regional_key=record.regional_key, **values))
            report.created[record.kind] += 1
        elif assign_changed_values(verwaltung, values):
            verwaltung.updated_at = now
            changed.append(verwaltung)
            if record.regional_key in new_kreis_level_keys:
                report.created[record.kind] += 1
            else:
                report.updated[record.kind] += 1
        else:
            report.unchanged[record.kind] += 1
    Verwaltung.objects.bulk_create(new_below_kreis_level)
    verwaltung_by_key |= {v.regional_key: v for v in new_below_kreis_level}

    keys_in_file = {record.regional_key for record in records.verwaltungen}
    for key, verwaltung in existing_by_key.items():
        if key not in keys_in_file and verwaltung.active:
            verwaltung.active = False
            verwaltung.updated_at = now
            changed.append(verwaltung)
            report.deactivated[verwaltung.kind] += 1
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
        for gemeinde in Gemeinde.objects.filter(_starts_with_any_land("ags", records.laender))
    }
    now = timezone.now()
    new: list[Gemeinde] = []
    changed: list[Gemeinde] = []
    for record in records.gemeinden:
        values = _gemeinde_values(record, verwaltung_by_key=verwaltung_by_key)
        gemeinde = existing_by_ags.get(record.ags)
        if gemeinde is None:
            new.append(Gemeinde(ags=record.ags, **values))
            report.created[GEMEINDE_REPORT_TYPE] += 1
        elif assign_changed_values(gemeinde, values):
            gemeinde.updated_at = now
            changed.append(gemeinde)
            report.updated[GEMEINDE_REPORT_TYPE] += 1
        else:
            report.unchanged[GEMEINDE_REPORT_TYPE] += 1

    ags_in_file = {record.ags for record in records.gemeinden}
    for ags, gemeinde in existing_by_ags.items():
        if ags not in ags_in_file and gemeinde.active:
            gemeinde.active = False
            gemeinde.updated_at = now
            changed.append(gemeinde)
            report.deactivated[GEMEINDE_REPORT_TYPE] += 1

    Gemeinde.objects.bulk_create(new)
    Gemeinde.objects.bulk_update(changed, GEMEINDE_IMPORTED_FIELDS)


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
