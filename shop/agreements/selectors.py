"""Reads about agreements. Each function costs a fixed number of queries, however many
agreements, versions or Dienste there are (acceptance_chain_verify: one per 2000 records)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connections
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.formats import date_format

from shop.models import AcceptanceRecord, Agreement, AgreementKind, AgreementVersion, Dienst
from shop.models.agreements import CHAIN_START, acceptance_chain_hash

# The order in which an order shows and accepts its agreements.
KIND_ORDER = {
    AgreementKind.TERMS_OF_USE: 0,
    AgreementKind.ACCESSION: 1,
    AgreementKind.DATA_PROCESSING: 2,
    AgreementKind.SERVICE_TERMS: 3,
}


def _current_versions(*, on: datetime.date) -> QuerySet[AgreementVersion]:
    """Published versions of one agreement (OuterRef "agreement") valid on the day, the current
    one first: the latest `valid_from`; of two valid from the same day the later published."""
    return AgreementVersion.objects.filter(
        agreement=OuterRef("agreement"), published_at__isnull=False, valid_from__lte=on
    ).order_by("-valid_from", "-published_at", "-pk")


def agreement_current_version(
    *, agreement: Agreement, on: datetime.date | None = None
) -> AgreementVersion | None:
    """The version of the agreement that applies on the day (default: today): the published
    version with the latest `valid_from` not after that day. None if there is none yet."""
    on = on or timezone.localdate()
    return (
        AgreementVersion.objects.filter(
            agreement=agreement, published_at__isnull=False, valid_from__lte=on
        )
        .select_related("agreement")
        .order_by("-valid_from", "-published_at", "-pk")
        .first()
    )


def current_version_list(
    *,
    agreements: Iterable[Agreement] | QuerySet[Agreement] | None = None,
    on: datetime.date | None = None,
) -> QuerySet[AgreementVersion]:
    """The current version of each agreement (of all, or of the given ones), in one query."""
    on = on or timezone.localdate()
    versions = AgreementVersion.objects.filter(
        published_at__isnull=False,
        pk=Subquery(_current_versions(on=on).values("pk")[:1]),
    )
    if agreements is not None:
        versions = versions.filter(agreement__in=agreements)
    return versions.select_related("agreement").order_by()


def _required_agreements(*, dienste: Iterable[Dienst] | QuerySet[Dienst]) -> QuerySet[Agreement]:
    """A subquery, so that it costs no query of its own (also for a QuerySet of Dienste)."""
    dienst_ids = dienste.values("pk") if isinstance(dienste, QuerySet) else [d.pk for d in dienste]
    required_by_dienste = Dienst.required_agreements.through.objects.filter(
        dienst_id__in=dienst_ids
    ).values("agreement_id")
    return Agreement.objects.filter(
        Q(required_for_every_order=True) | Q(pk__in=required_by_dienste)
    )


def sort_key(version: AgreementVersion) -> tuple[int, str, int]:
    """Nutzungsbedingungen, Beitrittserklärung, AVV, then service terms; by title within."""
    agreement = version.agreement
    return (KIND_ORDER.get(agreement.kind, len(KIND_ORDER)), agreement.title, agreement.pk)


def agreements_required_for(
    *, dienste: Iterable[Dienst] | QuerySet[Dienst], on: datetime.date | None = None
) -> list[AgreementVersion]:
    """The current version of every agreement that an order of these Dienste must accept: those
    required for every order plus those any of the Dienste requires, each once, in the order
    Nutzungsbedingungen, Beitrittserklärung, AVV, service-specific terms. One query.

    An agreement without a current version is left out: see agreements_without_current_version.
    """
    versions = current_version_list(agreements=_required_agreements(dienste=dienste), on=on)
    return sorted(versions, key=sort_key)


def agreements_without_current_version(
    *, dienste: Iterable[Dienst] | QuerySet[Dienst], on: datetime.date | None = None
) -> list[Agreement]:
    """Required agreements that have no published version valid on the day: an order of these
    Dienste cannot be placed until the editors publish one. One query."""
    on = on or timezone.localdate()
    valid = AgreementVersion.objects.filter(published_at__isnull=False, valid_from__lte=on)
    return list(
        _required_agreements(dienste=dienste)
        .exclude(pk__in=valid.values("agreement_id"))
        .order_by("title")
    )


def requires_data_protection_contact(*, versions: Iterable[AgreementVersion]) -> bool:
    """Whether an AVV is among the versions: then the order names a Datenschutz contact."""
    return any(version.agreement.kind == AgreementKind.DATA_PROCESSING for version in versions)


# == The acceptance records' hash chain ==


@dataclass(frozen=True)
class ChainPoint:
    """A record of the chain by its number and chain hash: the head that a verification
    reports, and that a later one is given to prove that nothing up to it was removed or
    rewritten since."""

    sequence: int
    chain_hash: str

    def __str__(self) -> str:
        return f"{self.sequence}:{self.chain_hash}"


@dataclass(frozen=True)
class ChainReport:
    checked: int
    head: ChainPoint | None
    first_break: str | None  # German, naming the record and what is wrong with it

    @property
    def intact(self) -> bool:
        return self.first_break is None


def _record_name(record: AcceptanceRecord) -> str:
    accepted = date_format(timezone.localtime(record.accepted_at), "d.m.Y H:i")
    return (
        f"Nachweis Nr. {record.sequence} (ID {record.pk}, Bestellung-ID {record.order_id}, "
        f"angenommen am {accepted})"
    )


def _first_break(
    record: AcceptanceRecord, *, previous: ChainPoint | None, known_head: ChainPoint | None
) -> str | None:
    expected_sequence = previous.sequence + 1 if previous else 1
    if record.sequence != expected_sequence:
        missing = (
            f"Nr. {expected_sequence}"
            if record.sequence == expected_sequence + 1
            else f"Nr. {expected_sequence} bis {record.sequence - 1}"
        )
        return f"Vor {_record_name(record)} fehlt {missing}: gelöscht."
    if record.chain_hash != acceptance_chain_hash(record):
        return (
            f"{_record_name(record)} wurde verändert: sein Inhalt passt nicht zu seiner Prüfsumme."
        )
    if record.previous_hash != (previous.chain_hash if previous else CHAIN_START):
        before = f"Nr. {previous.sequence}" if previous else "den Anfang der Kette"
        return (
            f"{_record_name(record)} ist nicht mit {before} verkettet: "
            "ein Nachweis davor wurde ersetzt oder seine Prüfsumme neu berechnet."
        )
    if (
        known_head
        and record.sequence == known_head.sequence
        and record.chain_hash != known_head.chain_hash
    ):
        return (
            f"{_record_name(record)} hat nicht mehr die Prüfsumme der früheren Prüfung: "
            "die Kette wurde bis hierher neu berechnet."
        )
    return None


def acceptance_chain_verify(*, known_head: ChainPoint | None = None) -> ChainReport:
    """Walk the whole chain in the order of `sequence`, 2000 records per query and in constant
    memory, and stop at the first break: a missing number (a deleted record), a record whose
    evidence no longer matches its hash (changed), or one that is not linked to the record
    before (the one before was replaced or rehashed).

    Nothing in the table can prove that its newest records were not deleted, or that the chain
    was not recomputed from some record on: `known_head`, the head that an earlier verification
    reported and the operator kept elsewhere, can. Then the chain must still contain it.
    """
    records = AcceptanceRecord.objects.order_by("sequence")
    previous: ChainPoint | None = None
    checked = 0
    for record in records.iterator(chunk_size=2000):
        problem = _first_break(record, previous=previous, known_head=known_head)
        if problem:
            return ChainReport(checked=checked, head=previous, first_break=problem)
        checked += 1
        previous = ChainPoint(sequence=record.sequence, chain_hash=record.chain_hash)
    if known_head and (previous is None or previous.sequence < known_head.sequence):
        last = f"bei Nr. {previous.sequence}" if previous else "ohne einen Nachweis"
        return ChainReport(
            checked=checked,
            head=previous,
            first_break=(
                f"Die Kette endet {last}, die frühere Prüfung kannte schon Nr. "
                f"{known_head.sequence}: die neuesten Nachweise wurden gelöscht."
            ),
        )
    return ChainReport(checked=checked, head=previous, first_break=None)


def acceptance_records_exist(*, using: str = "default") -> bool:
    """Whether the database holds acceptance records; False before the migrations made the
    table."""
    connection = connections[using]
    table = AcceptanceRecord._meta.db_table
    if table not in connection.introspection.table_names():
        return False
    return AcceptanceRecord.objects.using(using).exists()
