"""Reads on the interest in services that are not orderable yet."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from shop.accounts.selectors import verwaltung_list_for_member
from shop.dienste.responsibility import kind_is_responsible, responsibility_refusal
from shop.models import Dienst, DienstInterest, Membership, User, Verwaltung


@dataclass(frozen=True)
class InterestState:
    """One of the person's Verwaltungen and its interest in the service (None: none yet)."""

    verwaltung: Verwaltung
    interest: DienstInterest | None
    # Why this Verwaltung cannot register interest: it is not responsible for the service.
    refusal: str = ""


def dienst_accepts_interest(*, dienst: Dienst) -> bool:
    """Interest is registered while the service is offered but not orderable yet."""
    return dienst.is_published and dienst.availability == Dienst.Availability.IN_PREPARATION


def verwaltungen_user_may_register_interest_for(*, user: User) -> QuerySet[Verwaltung]:
    """The active Verwaltungen of which the person is an approved member (either role)."""
    return verwaltung_list_for_member(user=user, active_only=True)


def dienst_interest_states(*, user: User, dienst: Dienst) -> list[InterestState]:
    """Per Verwaltung the person may speak for, its interest in the service, or why it cannot
    have one. Two queries."""
    verwaltungen = list(verwaltungen_user_may_register_interest_for(user=user))
    if not verwaltungen:
        return []
    interests = {
        interest.verwaltung_id: interest
        for interest in DienstInterest.objects.filter(
            dienst_id=dienst.pk, verwaltung__in=verwaltungen
        ).select_related("registered_by")
    }
    return [
        InterestState(
            verwaltung=verwaltung,
            interest=interests.get(verwaltung.pk),
            refusal=""
            if kind_is_responsible(kinds=dienst.responsible_kinds, kind=verwaltung.kind)
            else responsibility_refusal(
                title=dienst.title, kinds=dienst.responsible_kinds, verwaltungen=[verwaltung]
            ),
        )
        for verwaltung in verwaltungen
    ]


def dienst_interest_state(
    *, user: User, dienst_id: int, verwaltung_id: int
) -> InterestState | None:
    """The interest of one of the person's Verwaltungen, or None when the person is no
    approved member of it."""
    verwaltung = (
        verwaltungen_user_may_register_interest_for(user=user).filter(pk=verwaltung_id).first()
    )
    if verwaltung is None:
        return None
    interest = (
        DienstInterest.objects.filter(dienst_id=dienst_id, verwaltung=verwaltung)
        .select_related("registered_by")
        .first()
    )
    return InterestState(verwaltung=verwaltung, interest=interest)


def dienst_interest_overview() -> QuerySet[Dienst]:
    """For editors: every service with registered interest or still in Vorbereitung, with the
    number of interested Verwaltungen (`interest_count`). One query."""
    return (
        Dienst.objects.annotate(interest_count=Count("interests"))
        .filter(
            Q(interest_count__gt=0)
            | Q(is_published=True, availability=Dienst.Availability.IN_PREPARATION)
        )
        .order_by("-interest_count", "title")
    )


def dienst_interest_list(*, dienst_id: int) -> QuerySet[DienstInterest]:
    """For editors: the interested Verwaltungen of one service, oldest first. One query."""
    return (
        DienstInterest.objects.filter(dienst_id=dienst_id)
        .select_related("verwaltung__kreis", "registered_by")
        .order_by("created_at", "pk")
    )


def dienst_interest_count(*, page_id: int) -> tuple[int | None, int]:
    """The Dienst of a service profile and how many Verwaltungen registered interest in it
    ((None, 0) before its first publication). One query."""
    found = (
        Dienst.objects.filter(page_id=page_id)
        .annotate(interest_count=Count("interests"))
        .values_list("pk", "interest_count")
        .first()
    )
    return found or (None, 0)


def dienst_interest_recipients(*, interest_ids: list[int]) -> dict[str, list[str]]:
    """The e-mail address of every approved, active member of the Verwaltungen of these
    interests, each with the names of its interested Verwaltungen. One query."""
    rows = (
        Membership.objects.filter(
            verwaltung__dienst_interests__pk__in=interest_ids,
            status=Membership.Status.APPROVED,
            user__is_active=True,
        )
        .exclude(user__email="")
        .order_by("user__email", "verwaltung__name")
        .values_list("user__email", "verwaltung__name")
    )
    recipients: dict[str, list[str]] = {}
    for email, verwaltung_name in rows:
        names = recipients.setdefault(email, [])
        if verwaltung_name not in names:
            names.append(verwaltung_name)
    return recipients
