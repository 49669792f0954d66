"""Reads about the members of a Verwaltung and who may manage them."""

from django.db.models import QuerySet

from shop.accounts.selectors import verwaltung_list_for_member
from shop.models import Membership, MembershipDecision, User, Verwaltung
from shop.search import text_search

# Staff who decide membership requests in Wagtail (the group Redaktion) manage every member.
STAFF_PERMISSION = "shop.change_membership"
AS_STAFF = "ITVSH"
AS_ADMIN = "Verwaltungsadmin"
MEMBER_SEARCH_LOOKUPS = (
    "user__email__icontains",
    "user__first_name__icontains",
    "user__last_name__icontains",
    "verwaltung__name__icontains",
    "verwaltung__regional_key__startswith",
)

# The order of the members list: open requests first, then members, then the history.
STATUS_ORDER = (
    Membership.Status.REQUESTED,
    Membership.Status.APPROVED,
    Membership.Status.REMOVED,
    Membership.Status.REJECTED,
)


def verwaltungen_administered_by(*, user: User) -> QuerySet[Verwaltung]:
    """The Verwaltungen whose members this person manages as an approved Verwaltungsadmin."""
    return verwaltung_list_for_member(user=user, admin_only=True)


def member_authority(*, user: User, verwaltung_id: int) -> str:
    """As what this person may decide about the members of the Verwaltung: AS_STAFF, AS_ADMIN,
    or "" (not at all)."""
    if not user.is_authenticated or not user.is_active:
        return ""
    if user.has_perm(STAFF_PERMISSION):
        return AS_STAFF
    if verwaltungen_administered_by(user=user).filter(pk=verwaltung_id).exists():
        return AS_ADMIN
    return ""


def _status_rank(membership: Membership) -> int:
    return STATUS_ORDER.index(membership.status)


def member_list_for_admin(*, user: User) -> list[tuple[Verwaltung, list[Membership]]]:
    """Per Verwaltung the person administers, its memberships (requests, members, removed and
    rejected ones): two queries, however many members there are."""
    verwaltungen = list(verwaltungen_administered_by(user=user))
    memberships = Membership.objects.filter(verwaltung__in=verwaltungen).select_related("user")
    by_verwaltung: dict[int, list[Membership]] = {verwaltung.pk: [] for verwaltung in verwaltungen}
    for membership in memberships:
        by_verwaltung[membership.verwaltung_id].append(membership)
    return [
        (
            verwaltung,
            sorted(
                by_verwaltung[verwaltung.pk],
                key=lambda m: (_status_rank(m), m.user.last_name, m.user.first_name, m.pk),
            ),
        )
        for verwaltung in verwaltungen
    ]


def membership_for_admin(*, user: User, pk: int) -> Membership | None:
    """The membership if it belongs to a Verwaltung this person administers, else None."""
    return (
        Membership.objects.filter(pk=pk, verwaltung__in=verwaltungen_administered_by(user=user))
        .select_related("user", "verwaltung")
        .first()
    )


def member_list_for_staff(*, text: str = "", status: str = "") -> QuerySet[Membership]:
    """Every membership for the ITVSH, searchable by person and Verwaltung, filterable by
    status."""
    memberships = text_search(
        Membership.objects.select_related("user", "verwaltung").order_by(
            "verwaltung__name", "user__last_name", "user__first_name", "pk"
        ),
        text=text,
        lookups=MEMBER_SEARCH_LOOKUPS,
    )
    if status in Membership.Status.values:
        memberships = memberships.filter(status=status)
    return memberships


def decision_list(*, membership: Membership) -> QuerySet[MembershipDecision]:
    return membership.decisions.select_related("decided_by")


def admin_count(*, verwaltung_id: int) -> int:
    return Membership.objects.filter(
        verwaltung_id=verwaltung_id, status=Membership.Status.APPROVED, is_admin=True
    ).count()
