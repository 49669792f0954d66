"""Writes to the OZG catalogue.

Slugs: a Themenfeld or Lage gets its slug once, when it is created, and keeps it, so that links
stay stable. The slug is the name's shop.slugs.german_slug (umlauts and ß spelled out). A Lage
whose slug is taken (by a Lage with a similar name, or by a Lage of the same name that a newer
catalogue moved to another Themenfeld) gets the Themenfeld's slug in front; a slug that is still
taken, of a Lage or a Themenfeld, gets "-2", "-3", … appended.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import transaction
from wagtail.search.backends import get_search_backends

from shop.catalogue.ozg_katalog import LeikaLeistungRecord, OzgKatalog, leika_identity
from shop.importing import (
    ChangeKind,
    ImportChange,
    ImportRefused,
    assign_changed_values,
    removal_limit_problem,
)
from shop.models import Lage, LeikaLeistung, OzgLeistung, Themenfeld
from shop.slugs import german_slug

REPORT_TYPES = ("themenfeld", "lage", "ozg_leistung", "leika_leistung")

OZG_LEISTUNG_IMPORTED_FIELDS = ("name", "lage", "in_catalogue")
LEIKA_LEISTUNG_IMPORTED_FIELDS = (
    "in_catalogue",
    "key",
    "name",
    "ozg_id",
    "ozg_leistung",
    "leika_type",
    "legal_basis",
    "laws",
    "law_abbreviations",
)

SLUG_MAX_LENGTH = min(
    Themenfeld._meta.get_field("slug").max_length, Lage._meta.get_field("slug").max_length
)


def _zero_counts() -> dict[str, int]:
    return dict.fromkeys(REPORT_TYPES, 0)


# The entries that service pages and orders name; the guard watches these.
GUARDED_TYPES = {"ozg_leistung": "OZG-Leistungen", "leika_leistung": "LeiKa-Leistungen"}


@dataclass
class KatalogImportReport:
    """What an import did (or, in a dry run, would do), counted per type. `missing`: in the
    database but not in the files; such entries are kept, because service pages and orders may
    refer to them. OZG- and LeiKa-Leistungen that were in the catalogue until this import are
    also `retired` (marked "not in the catalogue"). `changes` lists them by key and name, with
    the entries created, renamed and moved."""

    created: dict[str, int] = field(default_factory=_zero_counts)
    updated: dict[str, int] = field(default_factory=_zero_counts)
    unchanged: dict[str, int] = field(default_factory=_zero_counts)
    missing: dict[str, int] = field(default_factory=_zero_counts)
    without_ozg_leistung: int = 0
    repeated_rows: int = 0
    retired: dict[str, int] = field(default_factory=_zero_counts)
    in_catalogue_before: dict[str, int] = field(default_factory=_zero_counts)
    changes: list[ImportChange] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return any(sum(counts.values()) for counts in (self.created, self.updated, self.retired))

    def changes_of(self, kind: ChangeKind) -> list[ImportChange]:
        return sorted(
            (change for change in self.changes if change.kind == kind),
            key=lambda change: (REPORT_TYPES.index(change.report_type), change.key),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "missing": dict(self.missing),
            "without_ozg_leistung": self.without_ozg_leistung,
            "repeated_rows": self.repeated_rows,
        }


class KatalogImportRefused(ImportRefused):
    """The files leave out more of the catalogue than an import may without explicit
    permission; `report` is a KatalogImportReport."""


def ozg_katalog_import(
    *, katalog: OzgKatalog, allow_missing: bool = False, dry_run: bool = False
) -> KatalogImportReport:
    """Bring the catalogue in line with the files, in one transaction.

    Nothing is deleted. A catalogue that matches the database writes nothing. Files that would
    retire more than REMOVAL_LIMIT_PERCENT of the OZG- or LeiKa-Leistungen still in the
    catalogue (a cut-off or wrong file) raise KatalogImportRefused and write nothing, unless
    `allow_missing`. A `dry_run` runs the same import, refusal included, and rolls it back.
    """
    report = KatalogImportReport(
        without_ozg_leistung=len(katalog.leika_leistungen_without_ozg_leistung),
        repeated_rows=len(katalog.repeated_rows),
    )
    with transaction.atomic():
        themenfeld_by_name = _import_themenfelder(katalog=katalog, report=report)
        lage_by_name = _import_lagen(
            katalog=katalog, themenfeld_by_name=themenfeld_by_name, report=report
        )
        ozg_leistung_by_id, written_ozg_leistungen = _import_ozg_leistungen(
            katalog=katalog, lage_by_name=lage_by_name, report=report
        )
        _import_leika_leistungen(
            katalog=katalog, ozg_leistung_by_id=ozg_leistung_by_id, report=report
        )
        reasons = ozg_katalog_refusal_reasons(report=report)
        if reasons and not allow_missing:
            raise KatalogImportRefused(reasons=reasons, report=report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            # bulk_create and bulk_update send no post_save signal, which would keep the search
            # index (admin listing and choosers search it) up to date; last, so that it only
            # follows writes that stand.
            _update_search_index(ozg_leistungen=written_ozg_leistungen)
    return report


def ozg_katalog_refusal_reasons(*, report: KatalogImportReport) -> tuple[str, ...]:
    """Why an import must not run without explicit permission (German); empty if it may."""
    return tuple(
        problem
        for report_type, plural in GUARDED_TYPES.items()
        if (
            problem := removal_limit_problem(
                removed=report.retired[report_type],
                existing=report.in_catalogue_before[report_type],
                entries=f"{plural} im Katalog",
                outcome="als „nicht mehr im Katalog“ markieren",
            )
        )
    )


def _import_themenfelder(
    *, katalog: OzgKatalog, report: KatalogImportReport
) -> dict[str, Themenfeld]:
    existing_by_name = {themenfeld.name: themenfeld for themenfeld in Themenfeld.objects.all()}
    taken_slugs = {themenfeld.slug for themenfeld in existing_by_name.values()}
    new: list[Themenfeld] = []
    for record in katalog.themenfelder:
        if record.name in existing_by_name:
            report.unchanged["themenfeld"] += 1
        else:
            slug = _free_slug(
                [german_slug(record.name, fallback="themenfeld", max_length=SLUG_MAX_LENGTH)],
                taken=taken_slugs,
            )
            new.append(Themenfeld(name=record.name, slug=slug))
            report.created["themenfeld"] += 1
            report.changes.append(ImportChange(ChangeKind.CREATED, "themenfeld", slug, record.name))
    Themenfeld.objects.bulk_create(new)

    names_in_file = {record.name for record in katalog.themenfelder}
    report.missing["themenfeld"] = len(existing_by_name.keys() - names_in_file)
    return existing_by_name | {themenfeld.name: themenfeld for themenfeld in new}


def _import_lagen(
    *,
    katalog: OzgKatalog,
    themenfeld_by_name: dict[str, Themenfeld],
    report: KatalogImportReport,
) -> dict[str, Lage]:
    """Returns the Lagen of the files by name (a Lage name is unique within one catalogue)."""
    existing_by_key = {
        (lage.themenfeld_id, lage.name): lage for lage in Lage.objects.select_related("themenfeld")
    }
    taken_slugs = {lage.slug for lage in existing_by_key.values()}
    lage_by_name: dict[str, Lage] = {}
    new: list[Lage] = []
    for record in katalog.lagen:
        themenfeld = themenfeld_by_name[record.themenfeld]
        lage = existing_by_key.get((themenfeld.pk, record.name))
        if lage is None:
            own_slug = german_slug(record.name, fallback="lage", max_length=SLUG_MAX_LENGTH)
            slug = _free_slug([own_slug, f"{themenfeld.slug}-{own_slug}"], taken=taken_slugs)
            lage = Lage(themenfeld=themenfeld, name=record.name, slug=slug)
            new.append(lage)
            report.created["lage"] += 1
            report.changes.append(
                ImportChange(ChangeKind.CREATED, "lage", slug, record.name, current=themenfeld.name)
            )
        else:
            report.unchanged["lage"] += 1
        lage_by_name[record.name] = lage
    Lage.objects.bulk_create(new)

    keys_in_file = {(lage.themenfeld_id, lage.name) for lage in lage_by_name.values()}
    report.missing["lage"] = len(existing_by_key.keys() - keys_in_file)
    return lage_by_name


def _import_ozg_leistungen(
    *, katalog: OzgKatalog, lage_by_name: dict[str, Lage], report: KatalogImportReport
) -> tuple[dict[str, OzgLeistung], list[OzgLeistung]]:
    """Returns the OZG-Leistungen of the files by OZG-ID, and those created or changed."""
    existing_by_id = {
        leistung.ozg_id: leistung
        for leistung in OzgLeistung.objects.select_related("lage__themenfeld")
    }
    report.in_catalogue_before["ozg_leistung"] = sum(
        leistung.in_catalogue for leistung in existing_by_id.values()
    )
    by_id: dict[str, OzgLeistung] = {}
    new: list[OzgLeistung] = []
    changed: list[OzgLeistung] = []
    for record in katalog.ozg_leistungen:
        lage = lage_by_name[record.lage]
        values = {"name": record.name, "lage_id": lage.pk, "in_catalogue": True}
        leistung = existing_by_id.get(record.ozg_id)
        if leistung is None:
            leistung = OzgLeistung(ozg_id=record.ozg_id, **values)
            new.append(leistung)
            report.created["ozg_leistung"] += 1
            report.changes.append(
                ImportChange(ChangeKind.CREATED, "ozg_leistung", record.ozg_id, record.name)
            )
            by_id[record.ozg_id] = leistung
            continue
        _note_renamed(report, "ozg_leistung", record.ozg_id, leistung.name, record.name)
        if leistung.lage_id != lage.pk:
            report.changes.append(
                ImportChange(
                    ChangeKind.MOVED,
                    "ozg_leistung",
                    record.ozg_id,
                    record.name,
                    previous=_lage_named(leistung.lage),
                    current=_lage_named(lage),
                )
            )
        if assign_changed_values(leistung, values):
            changed.append(leistung)
            report.updated["ozg_leistung"] += 1
        else:
            report.unchanged["ozg_leistung"] += 1
        by_id[record.ozg_id] = leistung
    missing = [leistung for ozg_id, leistung in existing_by_id.items() if ozg_id not in by_id]
    report.missing["ozg_leistung"] = len(missing)
    changed += _retire(report, "ozg_leistung", missing, key=lambda leistung: leistung.ozg_id)
    OzgLeistung.objects.bulk_create(new)
    OzgLeistung.objects.bulk_update(changed, OZG_LEISTUNG_IMPORTED_FIELDS)
    return by_id, [*new, *changed]


def _import_leika_leistungen(
    *,
    katalog: OzgKatalog,
    ozg_leistung_by_id: dict[str, OzgLeistung],
    report: KatalogImportReport,
) -> None:
    existing_by_identity = {
        leika_identity(key=leistung.key, ozg_id=leistung.ozg_id, name=leistung.name): leistung
        for leistung in LeikaLeistung.objects.all()
    }
    report.in_catalogue_before["leika_leistung"] = sum(
        leistung.in_catalogue for leistung in existing_by_identity.values()
    )
    new: list[LeikaLeistung] = []
    changed: list[LeikaLeistung] = []
    for record in katalog.leika_leistungen:
        ozg_leistung = ozg_leistung_by_id.get(record.ozg_id)
        values = {
            "key": record.key,
            "name": record.name,
            "ozg_id": record.ozg_id,
            "ozg_leistung_id": ozg_leistung.pk if ozg_leistung else None,
            "leika_type": record.leika_type,
            "legal_basis": record.legal_basis,
            "laws": record.laws,
            "law_abbreviations": record.law_abbreviations,
            "in_catalogue": True,
        }
        leistung = existing_by_identity.get(record.identity)
        if leistung is None:
            new.append(LeikaLeistung(**values))
            report.created["leika_leistung"] += 1
            report.changes.append(
                ImportChange(ChangeKind.CREATED, "leika_leistung", _leika_key(record), record.name)
            )
            continue
        _note_renamed(report, "leika_leistung", _leika_key(record), leistung.name, record.name)
        if assign_changed_values(leistung, values):
            changed.append(leistung)
            report.updated["leika_leistung"] += 1
        else:
            report.unchanged["leika_leistung"] += 1
    identities_in_file = {record.identity for record in katalog.leika_leistungen}
    missing = [
        leistung
        for identity, leistung in existing_by_identity.items()
        if identity not in identities_in_file
    ]
    report.missing["leika_leistung"] = len(missing)
    changed += _retire(report, "leika_leistung", missing, key=_leika_key)
    LeikaLeistung.objects.bulk_create(new)
    LeikaLeistung.objects.bulk_update(changed, LEIKA_LEISTUNG_IMPORTED_FIELDS)


Leistung = TypeVar("Leistung", OzgLeistung, LeikaLeistung)


def _note_renamed(
    report: KatalogImportReport, report_type: str, key: str, old_name: str, new_name: str
) -> None:
    if old_name != new_name:
        report.changes.append(
            ImportChange(
                ChangeKind.RENAMED, report_type, key, new_name, previous=old_name, current=new_name
            )
        )


def _retire(
    report: KatalogImportReport,
    report_type: str,
    missing: list[Leistung],
    *,
    key: Callable[[Leistung], str],
) -> list[Leistung]:
    """Mark the missing entries that were still in the catalogue; returns them for writing."""
    retired = [leistung for leistung in missing if leistung.in_catalogue]
    for leistung in retired:
        leistung.in_catalogue = False
        report.changes.append(
            ImportChange(ChangeKind.RETIRED, report_type, key(leistung), leistung.name)
        )
    report.retired[report_type] = len(retired)
    return retired


def _leika_key(leistung: LeikaLeistung | LeikaLeistungRecord) -> str:
    """How a person finds a LeiKa-Leistung: its key, or without one its OZG-ID."""
    return leistung.key or f"ohne Schlüssel, OZG-ID {leistung.ozg_id or '–'}"


def _lage_named(lage: Lage) -> str:
    return f"{lage.name} ({lage.themenfeld.name})"


def _update_search_index(*, ozg_leistungen: list[OzgLeistung]) -> None:
    if not ozg_leistungen:
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(OzgLeistung, ozg_leistungen)


def _free_slug(preferred: list[str], *, taken: set[str]) -> str:
    """The first preferred slug not taken, otherwise the last one numbered; reserved in `taken`."""
    candidates = [slug[:SLUG_MAX_LENGTH] for slug in preferred]
    last = candidates[-1]
    numbered = (f"{last[: SLUG_MAX_LENGTH - len(str(n)) - 1]}-{n}" for n in itertools.count(2))
    free = next(slug for slug in itertools.chain(candidates, numbered) if slug not in taken)
    taken.add(free)
    return free
