"""Writes to the OZG catalogue.

Slugs: a Themenfeld or Lage gets its slug once, when it is created, and keeps it, so that links
stay stable. The slug is django.utils.text.slugify of the name after spelling out German umlauts
and ß (plain slugify drops them: "Führerschein" would become "fuhrerschein", "Eheschließung"
"eheschlieung"). A Lage whose slug is taken (by a Lage with a similar name, or by a Lage of the
same name that a newer catalogue moved to another Themenfeld) gets the Themenfeld's slug in front;
a slug that is still taken, of a Lage or a Themenfeld, gets "-2", "-3", … appended.
"""

import itertools
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from wagtail.search.backends import get_search_backends

from shop.catalogue.ozg_katalog import OzgKatalog, leika_identity
from shop.importing import assign_changed_values
from shop.models import Lage, LeikaLeistung, OzgLeistung, Themenfeld

REPORT_TYPES = ("themenfeld", "lage", "ozg_leistung", "leika_leistung")

OZG_LEISTUNG_IMPORTED_FIELDS = ("name", "lage")
LEIKA_LEISTUNG_IMPORTED_FIELDS = (
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
GERMAN_SPELLING = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _zero_counts() -> dict[str, int]:
    return dict.fromkeys(REPORT_TYPES, 0)


@dataclass
class KatalogImportReport:
    """What an import did, counted per type. `missing`: in the database but no longer in the
    files; such entries are kept, because service pages and orders may refer to them."""

    created: dict[str, int] = field(default_factory=_zero_counts)
    updated: dict[str, int] = field(default_factory=_zero_counts)
    unchanged: dict[str, int] = field(default_factory=_zero_counts)
    missing: dict[str, int] = field(default_factory=_zero_counts)
    without_ozg_leistung: int = 0
    repeated_rows: int = 0

    @property
    def has_changes(self) -> bool:
        return any(sum(counts.values()) for counts in (self.created, self.updated))

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "missing": dict(self.missing),
            "without_ozg_leistung": self.without_ozg_leistung,
            "repeated_rows": self.repeated_rows,
        }


def ozg_katalog_import(*, katalog: OzgKatalog) -> KatalogImportReport:
    """Bring the catalogue in line with the files, in one transaction.

    Nothing is deleted. A catalogue that matches the database writes nothing.
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
        # bulk_create and bulk_update send no post_save signal, which would keep the search
        # index (admin listing and choosers search it) up to date; last, so that it only follows
        # writes that stand.
        _update_search_index(ozg_leistungen=written_ozg_leistungen)
    return report


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
            slug = _free_slug([_german_slug(record.name, "themenfeld")], taken=taken_slugs)
            new.append(Themenfeld(name=record.name, slug=slug))
            report.created["themenfeld"] += 1
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
    existing_by_key = {(lage.themenfeld_id, lage.name): lage for lage in Lage.objects.all()}
    taken_slugs = {lage.slug for lage in existing_by_key.values()}
    lage_by_name: dict[str, Lage] = {}
    new: list[Lage] = []
    for record in katalog.lagen:
        themenfeld = themenfeld_by_name[record.themenfeld]
        lage = existing_by_key.get((themenfeld.pk, record.name))
        if lage is None:
            own_slug = _german_slug(record.name, "lage")
            slug = _free_slug([own_slug, f"{themenfeld.slug}-{own_slug}"], taken=taken_slugs)
            lage = Lage(themenfeld=themenfeld, name=record.name, slug=slug)
            new.append(lage)
            report.created["lage"] += 1
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
    existing_by_id = {leistung.ozg_id: leistung for leistung in OzgLeistung.objects.all()}
    by_id: dict[str, OzgLeistung] = {}
    new: list[OzgLeistung] = []
    changed: list[OzgLeistung] = []
    for record in katalog.ozg_leistungen:
        values = {"name": record.name, "lage_id": lage_by_name[record.lage].pk}
        leistung = existing_by_id.get(record.ozg_id)
        if leistung is None:
            leistung = OzgLeistung(ozg_id=record.ozg_id, **values)
            new.append(leistung)
            report.created["ozg_leistung"] += 1
        elif assign_changed_values(leistung, values):
            changed.append(leistung)
            report.updated["ozg_leistung"] += 1
        else:
            report.unchanged["ozg_leistung"] += 1
        by_id[record.ozg_id] = leistung
    OzgLeistung.objects.bulk_create(new)
    OzgLeistung.objects.bulk_update(changed, OZG_LEISTUNG_IMPORTED_FIELDS)

    report.missing["ozg_leistung"] = len(existing_by_id.keys() - by_id.keys())
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
        }
        leistung = existing_by_identity.get(record.identity)
        if leistung is None:
            new.append(LeikaLeistung(**values))
            report.created["leika_leistung"] += 1
        elif assign_changed_values(leistung, values):
            changed.append(leistung)
            report.updated["leika_leistung"] += 1
        else:
            report.unchanged["leika_leistung"] += 1
    LeikaLeistung.objects.bulk_create(new)
    LeikaLeistung.objects.bulk_update(changed, LEIKA_LEISTUNG_IMPORTED_FIELDS)

    identities_in_file = {record.identity for record in katalog.leika_leistungen}
    report.missing["leika_leistung"] = len(existing_by_identity.keys() - identities_in_file)


def _update_search_index(*, ozg_leistungen: list[OzgLeistung]) -> None:
    if not ozg_leistungen:
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(OzgLeistung, ozg_leistungen)


def _german_slug(name: str, fallback: str) -> str:
    """'Mobilität & Reisen' -> 'mobilitaet-reisen'; a name without letters or digits gets the
    fallback, because a slug must not be empty."""
    slug = slugify(name.translate(GERMAN_SPELLING))[:SLUG_MAX_LENGTH].strip("-")
    return slug or fallback


def _free_slug(preferred: list[str], *, taken: set[str]) -> str:
    """The first preferred slug not taken, otherwise the last one numbered; reserved in `taken`."""
    candidates = [slug[:SLUG_MAX_LENGTH] for slug in preferred]
    last = candidates[-1]
    numbered = (f"{last[: SLUG_MAX_LENGTH - len(str(n)) - 1]}-{n}" for n in itertools.count(2))
    free = next(slug for slug in itertools.chain(candidates, numbered) if slug not in taken)
    taken.add(free)
    return free
