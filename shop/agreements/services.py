"""Writes about agreements: publishing a version, recording acceptances.

A published version is never changed again (a change is a new version); an acceptance record is
never changed or deleted. Besides these services, shop.agreements.receivers refuses changes at
model level, the PostgreSQL triggers of migration shop 0002_squashed_0024 refuse raw SQL, the
application's database role may not update, delete or truncate the records (ozg_site.setup), and
the records' hash chain shows whatever gets past all of that
(shop.agreements.selectors.acceptance_chain_verify).
"""

import datetime
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.formats import date_format

from shop.agreements.selectors import current_version_list
from shop.models import AcceptanceRecord, AgreementVersion, ImmutableError, User, Verwaltung
from shop.models.agreements import CHAIN_START, acceptance_chain_hash, text_hash
from shop.news.services import news_announce_agreement_version

if TYPE_CHECKING:
    from oscar.apps.order.models import Order


def agreement_version_check_publishable(*, version: AgreementVersion) -> None:
    """Refuse (ValidationError, German, by field) what would make the version useless once
    published: a `valid_from` before that of an already published version of the same agreement
    (it would never become the current one). The version may be unsaved."""
    if version.agreement_id is None or version.valid_from is None:
        return
    latest = (
        AgreementVersion.objects.filter(
            agreement_id=version.agreement_id, published_at__isnull=False
        )
        .exclude(pk=version.pk)
        .order_by("-valid_from")
        .first()
    )
    if latest is not None and version.valid_from < latest.valid_from:
        raise ValidationError(
            {
                "valid_from": (
                    f"Die veröffentlichte Version {latest.version} gilt ab "
                    f"{date_format(latest.valid_from, 'd.m.Y')}. Eine neue Version muss "
                    "ab demselben oder einem späteren Tag gelten."
                )
            }
        )


def agreement_version_publish(
    *, version: AgreementVersion, now: datetime.datetime | None = None
) -> AgreementVersion:
    """Publish the version as it is stored: set `published_at` and the SHA-256 of its text.

    From then on it is never changed or deleted. Refuses (ImmutableError) a version that is
    already published, and (ValidationError) one that could never become current. The instance
    passed in is refreshed from the database and returned.
    """
    with transaction.atomic():
        stored = AgreementVersion.objects.select_for_update().get(pk=version.pk)
        if stored.is_published:
            raise ImmutableError(
                f"Version {stored.version} ist bereits veröffentlicht und kann nicht noch einmal "
                "veröffentlicht werden. Für eine Änderung legen Sie bitte eine neue Version an."
            )
        agreement_version_check_publishable(version=stored)
        stored.published_at = now or timezone.now()
        stored.text_sha256 = text_hash(stored.text)
        stored.save(update_fields=["published_at", "text_sha256"])
        news_announce_agreement_version(version=stored)  # mails subscribers after commit
    version.refresh_from_db()
    return version


def acceptance_records_create(
    *,
    order: "Order",
    versions: Iterable[AgreementVersion],
    user: User,
    verwaltung: Verwaltung,
    ip_address: str | None,
    now: datetime.datetime | None = None,
) -> list[AcceptanceRecord]:
    """Record that the person accepted these agreement versions for the Verwaltung with the
    order, all at `now`, with one INSERT.

    The person's and the Verwaltung's names and each version's text hash are copied from the
    database, so that the record stays complete whatever changes later. Refuses
    (ValidationError, German) a version that is not published or not the current one of its
    agreement at `now`, and creates nothing then. A version given twice is recorded once. Three
    queries (plus two for the chain), however many versions.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    wanted = list(dict.fromkeys(version.pk for version in versions))
    if not wanted:
        return []
    stored = {
        version.pk: version
        for version in AgreementVersion.objects.filter(pk__in=wanted).select_related("agreement")
    }
    current_by_agreement = {
        version.agreement_id: version
        for version in current_version_list(
            agreements=[version.agreement_id for version in stored.values()],
            on=today,
        )
    }
    problems = []
    for pk in wanted:
        version = stored.get(pk)
        if version is None:
            problems.append("Eine der angenommenen Vereinbarungen gibt es nicht mehr.")
            continue
        name = f"„{version.agreement.title}“ in Version {version.version}"
        current = current_by_agreement.get(version.agreement_id)
        if not version.is_published:
            problems.append(f"{name} ist nicht veröffentlicht und kann nicht angenommen werden.")
        elif version.text_sha256 != text_hash(version.text):
            problems.append(f"Der Text von {name} stimmt nicht mit seiner Prüfsumme überein.")
        elif version.valid_from > today:
            problems.append(f"{name} gilt erst ab {date_format(version.valid_from, 'd.m.Y')}.")
        elif current is None or current.pk != version.pk:
            problems.append(
                f"{name} ist nicht mehr aktuell"
                + (f"; aktuell ist Version {current.version}" if current else "")
                + ". Bitte nehmen Sie die aktuelle Fassung an."
            )
    if problems:
        raise ValidationError(problems)

    person_name = user.get_full_name().strip() or user.email
    records = [
        AcceptanceRecord(
            order=order,
            agreement_version=stored[pk],
            text_sha256=stored[pk].text_sha256,
            user=user,
            person_name=person_name,
            person_email=user.email,
            verwaltung=verwaltung,
            verwaltung_name=verwaltung.name,
            accepted_at=now,
            ip_address=ip_address or None,
        )
        for pk in wanted
    ]
    return acceptance_records_append(records=records)


# Advisory locks share one key space per database: derive the key from the table's name, so
# that it does not collide with a small number some other code picks.
CHAIN_LOCK_KEY = int.from_bytes(
    hashlib.sha256(b"shop_acceptancerecord").digest()[:8], "big", signed=True
)


def acceptance_records_append(*, records: list[AcceptanceRecord]) -> list[AcceptanceRecord]:
    """Append unsaved records to the hash chain, in the given order: number them after the last
    record, link each to the one before, hash it, and insert them (in batches of 2000).

    The only way records are written. Two transactions appending at once would read the same
    last record and fork the chain, so the chain head is taken under a lock that the caller's
    transaction holds until it commits: on PostgreSQL a transaction-level advisory lock (it also
    works on an empty table, where SELECT … FOR UPDATE would lock nothing); on SQLite the
    IMMEDIATE transactions of settings.py already let one writer in at a time. Two queries
    before the INSERT.
    """
    if not records:
        return []
    # Without a savepoint: a failure rolls back the caller's transaction as a whole anyway.
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        head = AcceptanceRecord.objects.order_by("-sequence").values("sequence", "chain_hash")
        last = head.first() or {"sequence": 0, "chain_hash": CHAIN_START}
        sequence, previous_hash = last["sequence"], last["chain_hash"]
        for record in records:
            sequence += 1
            record.sequence = sequence
            record.previous_hash = previous_hash
            record.chain_hash = acceptance_chain_hash(record)
            previous_hash = record.chain_hash
        return AcceptanceRecord.objects.bulk_create(records, batch_size=2000)
