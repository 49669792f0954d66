"""Decisions about the members of a Verwaltung, by its Verwaltungsadmins or by the ITVSH: each
changes the membership, writes an immutable MembershipDecision and mails the person (through
the outbox, after the commit).

A Verwaltung that has a Verwaltungsadmin keeps at least one: each decision locks the
Verwaltung's row first, so that two admins demoting or removing each other at the same moment
are decided one after the other, and the second sees the first's change.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from shop.mail import mail_after_commit
from shop.models import Membership, MembershipDecision, User, Verwaltung

from .selectors import AS_STAFF, admin_count, member_authority

LAST_ADMIN = (
    "Die Verwaltung braucht mindestens eine Person als Verwaltungsadmin. Bestimmen Sie zuerst "
    "eine weitere Person als Verwaltungsadmin."
)


class MemberError(Exception):
    """A decision that cannot be made; the message is German, for the deciding person."""


class MemberNotFound(MemberError):
    """No membership that this person may decide about (the views answer 404)."""


def last_admin_obstacle(*, admins: int, was_admin: bool, stays_admin: bool) -> str:
    """Why the change must not happen ("" when it may): it would take the last of the
    Verwaltung's `admins` approved Verwaltungsadmins away."""
    if was_admin and not stays_admin and admins <= 1:
        return LAST_ADMIN
    return ""


def _locked(*, membership_id: int, decided_by: User) -> tuple[Membership, str]:
    """The membership, locked after its Verwaltung, and as what `decided_by` decides."""
    verwaltung_id = (
        Membership.objects.filter(pk=membership_id).values_list("verwaltung_id", flat=True).first()
    )
    if verwaltung_id is None:
        raise MemberNotFound("Diese Mitgliedschaft gibt es nicht.")
    # The Verwaltung's row first: one decision about its members at a time.
    list(Verwaltung.objects.select_for_update().filter(pk=verwaltung_id).values_list("pk"))
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "verwaltung")
        .get(pk=membership_id)
    )
    decided_as = member_authority(user=decided_by, verwaltung_id=verwaltung_id)
    if not decided_as:
        raise MemberNotFound("Über diese Mitgliedschaft dürfen Sie nicht entscheiden.")
    return membership, decided_as


def _require_status(membership: Membership, status: str, message: str) -> None:
    if membership.status != status:
        raise MemberError(message)


def _keep_last_admin(membership: Membership, *, stays_admin: bool) -> None:
    obstacle = last_admin_obstacle(
        admins=admin_count(verwaltung_id=membership.verwaltung_id),
        was_admin=membership.is_admin,
        stays_admin=stays_admin,
    )
    if obstacle:
        raise MemberError(obstacle)


def _record_and_mail(
    *,
    membership: Membership,
    action: str,
    decided_by: User,
    decided_as: str,
    role_before: str,
    admin_before: bool,
    reason: str = "",
) -> MembershipDecision:
    decision = MembershipDecision.objects.create(
        membership=membership,
        action=action,
        decided_by=decided_by,
        decided_as=decided_as,
        role_before=role_before,
        role_after=membership.role,
        admin_before=admin_before,
        admin_after=membership.is_admin,
        reason=reason,
    )
    base_url = settings.SHOP_BASE_URL.rstrip("/")
    mail_after_commit(
        subject=SUBJECTS[action].format(verwaltung=membership.verwaltung.name)
        + " – OZG-Dienste-Shop",
        body=render_to_string(
            "shop/members/email/decision.txt",
            {
                "membership": membership,
                "decision": decision,
                "decided_by_label": (
                    "Der ITVSH"
                    if decided_as == AS_STAFF
                    else f"{decided_by.get_full_name() or decided_by.email} (Verwaltungsadmin)"
                ),
                "shop_url": base_url,
                "memberships_url": base_url + reverse("shop_accounts:memberships"),
                "members_url": base_url + reverse("shop_accounts:members"),
            },
        ),
        recipients=[membership.user.email],
    )
    return decision


SUBJECTS = {
    MembershipDecision.Action.APPROVED: "Ihre Mitgliedschaft für {verwaltung} wurde bestätigt",
    MembershipDecision.Action.REJECTED: (
        "Ihr Antrag auf Mitgliedschaft für {verwaltung} wurde abgelehnt"
    ),
    MembershipDecision.Action.ROLE_CHANGED: "Ihre Rolle für {verwaltung} wurde geändert",
    MembershipDecision.Action.REMOVED: "Ihre Mitgliedschaft für {verwaltung} wurde beendet",
}


def request_admins_notify(*, membership: Membership) -> None:
    """Tell the Verwaltungsadmins of the Verwaltung that a request waits for their decision;
    without admins the ITVSH decides it as before (its list in Wagtail)."""
    admins = list(
        Membership.objects.filter(
            verwaltung_id=membership.verwaltung_id,
            status=Membership.Status.APPROVED,
            is_admin=True,
            user__is_active=True,
        ).values_list("user__email", flat=True)
    )
    if not admins:
        return
    base_url = settings.SHOP_BASE_URL.rstrip("/")
    mail_after_commit(
        subject=f"Neuer Antrag auf Mitgliedschaft für {membership.verwaltung.name} – "
        "OZG-Dienste-Shop",
        body=render_to_string(
            "shop/members/email/request_waiting.txt",
            {
                "membership": membership,
                "member_url": base_url
                + reverse("shop_accounts:member", kwargs={"pk": membership.pk}),
            },
        ),
        recipients=admins,
    )


@transaction.atomic
def membership_request_decide(
    *, membership_id: int, approve: bool, decided_by: User, reason: str = ""
) -> Membership:
    """Approve or reject a request; a rejection needs its reason, which the person receives."""
    membership, decided_as = _locked(membership_id=membership_id, decided_by=decided_by)
    _require_status(
        membership, Membership.Status.REQUESTED, "Über diesen Antrag wurde bereits entschieden."
    )
    reason = reason.strip()
    if not approve and not reason:
        raise MemberError("Bitte begründen Sie die Ablehnung; die Person erhält die Begründung.")
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.REJECTED
    membership.reason = reason
    membership.decided_at = timezone.now()
    membership.decided_by = decided_by
    membership.save(update_fields=["status", "reason", "decided_at", "decided_by"])
    _record_and_mail(
        membership=membership,
        action=(
            MembershipDecision.Action.APPROVED if approve else MembershipDecision.Action.REJECTED
        ),
        decided_by=decided_by,
        decided_as=decided_as,
        role_before=membership.role,
        admin_before=membership.is_admin,
        reason=reason,
    )
    return membership


@transaction.atomic
def membership_role_change(
    *, membership_id: int, role: str, is_admin: bool, decided_by: User
) -> Membership:
    """Change a member's role (bestellberechtigt or lesend) and whether they are
    Verwaltungsadmin; the last Verwaltungsadmin stays one."""
    membership, decided_as = _locked(membership_id=membership_id, decided_by=decided_by)
    _require_status(
        membership,
        Membership.Status.APPROVED,
        "Rollen lassen sich nur für bestätigte Mitglieder ändern.",
    )
    if role not in Membership.Role.values:
        raise MemberError("Bitte wählen Sie „bestellberechtigt“ oder „lesend“.")
    if (membership.role, membership.is_admin) == (role, is_admin):
        raise MemberError("Die Rolle ist unverändert; es wurde nichts gespeichert.")
    _keep_last_admin(membership, stays_admin=is_admin)
    role_before, admin_before = membership.role, membership.is_admin
    membership.role = role
    membership.is_admin = is_admin
    membership.save(update_fields=["role", "is_admin"])
    _record_and_mail(
        membership=membership,
        action=MembershipDecision.Action.ROLE_CHANGED,
        decided_by=decided_by,
        decided_as=decided_as,
        role_before=role_before,
        admin_before=admin_before,
    )
    return membership


@transaction.atomic
def membership_remove(*, membership_id: int, decided_by: User, reason: str = "") -> Membership:
    """End a membership: status "entfernt", never deleted (its orders and decisions stay); the
    last Verwaltungsadmin cannot be removed."""
    membership, decided_as = _locked(membership_id=membership_id, decided_by=decided_by)
    _require_status(
        membership,
        Membership.Status.APPROVED,
        "Nur bestätigte Mitglieder lassen sich entfernen; über einen Antrag entscheiden Sie "
        "mit „bestätigen“ oder „ablehnen“.",
    )
    _keep_last_admin(membership, stays_admin=False)
    admin_before = membership.is_admin
    membership.status = Membership.Status.REMOVED
    membership.is_admin = False
    membership.reason = reason.strip()
    membership.decided_at = timezone.now()
    membership.decided_by = decided_by
    membership.save(update_fields=["status", "is_admin", "reason", "decided_at", "decided_by"])
    _record_and_mail(
        membership=membership,
        action=MembershipDecision.Action.REMOVED,
        decided_by=decided_by,
        decided_as=decided_as,
        role_before=membership.role,
        admin_before=admin_before,
        reason=membership.reason,
    )
    return membership
