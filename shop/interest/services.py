"""Writes on the interest in services that are not orderable yet.

A Verwaltung has at most one interest per service (a unique constraint): registering again
updates the note, withdrawing deletes it. When the service becomes orderable (the product sync
on publish, shop.dienste.services.dienst_sync), `dienst_interest_notify` mails the members of
every interested Verwaltung that was not told yet and records `notified_at` in the same
transaction: a re-publish, a second sync or a retried mail task mails nobody again. The mails go
through the outbox (shop.mail), one per person, after the commit.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from shop.dienste.responsibility import kind_is_responsible, responsibility_refusal
from shop.mail import mail_after_commit
from shop.models import Dienst, DienstInterest, User, Verwaltung
from shop.models.interest import NOTE_MAX_LENGTH

from .selectors import (
    dienst_accepts_interest,
    dienst_interest_recipients,
    verwaltungen_user_may_register_interest_for,
)


class InterestError(Exception):
    """Why the interest cannot be registered or withdrawn; the message is German."""


def _check(*, user: User, dienst: Dienst, verwaltung: Verwaltung) -> None:
    if not verwaltungen_user_may_register_interest_for(user=user).filter(pk=verwaltung.pk).exists():
        raise InterestError(
            "Sie sind kein bestätigtes Mitglied dieser Verwaltung und können für sie kein "
            "Interesse bekunden."
        )
    if not dienst.is_published:
        raise InterestError("Dieser Dienst wird derzeit nicht angeboten.")
    if not dienst_accepts_interest(dienst=dienst):
        raise InterestError(
            "Dieser Dienst ist bereits bestellbar. Sie können ihn jetzt auf seinem Steckbrief "
            "bestellen; ein Interesse ist nicht mehr nötig."
        )


@transaction.atomic
def dienst_interest_register(
    *, user: User, dienst: Dienst, verwaltung: Verwaltung, note: str = ""
) -> DienstInterest:
    """Register the Verwaltung's interest in the service, or update its note if it exists."""
    _check(user=user, dienst=dienst, verwaltung=verwaltung)
    if not kind_is_responsible(kinds=dienst.responsible_kinds, kind=verwaltung.kind):
        raise InterestError(
            responsibility_refusal(
                title=dienst.title, kinds=dienst.responsible_kinds, verwaltungen=[verwaltung]
            )
        )
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise InterestError(
            f"Die Anmerkung darf höchstens {NOTE_MAX_LENGTH} Zeichen lang sein (jetzt {len(note)})."
        )
    interest, _ = DienstInterest.objects.update_or_create(
        dienst=dienst,
        verwaltung=verwaltung,
        defaults={"note": note, "registered_by": user},
    )
    return interest


@transaction.atomic
def dienst_interest_withdraw(*, user: User, dienst: Dienst, verwaltung: Verwaltung) -> bool:
    """Withdraw the Verwaltung's interest; returns whether there was one."""
    if not verwaltungen_user_may_register_interest_for(user=user).filter(pk=verwaltung.pk).exists():
        raise InterestError(
            "Sie sind kein bestätigtes Mitglied dieser Verwaltung und können ihr Interesse "
            "nicht zurückziehen."
        )
    deleted, _ = DienstInterest.objects.filter(dienst=dienst, verwaltung=verwaltung).delete()
    return bool(deleted)


def _absolute_url(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return settings.SHOP_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


@transaction.atomic
def dienst_interest_notify(*, dienst: Dienst) -> int:
    """The service is orderable: mail the members of every interested Verwaltung not told yet,
    once. Returns the number of mails. Rows are locked while they are claimed, so two syncs at
    the same time cannot both mail (the second finds them notified)."""
    if not dienst.is_orderable:
        return 0
    claimed = list(
        DienstInterest.objects.select_for_update()
        .filter(dienst=dienst, notified_at__isnull=True)
        .values_list("pk", flat=True)
    )
    if not claimed:
        return 0
    DienstInterest.objects.filter(pk__in=claimed).update(notified_at=timezone.now())
    recipients = dienst_interest_recipients(interest_ids=claimed)
    subject = f"Jetzt bestellbar: {dienst.title}"
    link = _absolute_url(dienst.url or "/dienste/")
    for email, verwaltung_names in recipients.items():
        body = render_to_string(
            "shop/interest/email/dienst_bestellbar.txt",
            {"title": dienst.title, "verwaltungen": verwaltung_names, "link": link},
        )
        mail_after_commit(subject=subject, body=body, recipients=[email])
    return len(recipients)
