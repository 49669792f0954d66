"""Reads about agreements. Each function costs a fixed number of queries, however many
agreements, versions or Dienste there are."""

import datetime
from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from shop.models import Agreement, AgreementKind, AgreementVersion, Dienst

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
