"""Reads about people and the Verwaltungen they act for."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import QuerySet
from django.utils.crypto import salted_hmac

from shop.models import Membership, ThrottleEvent, User, Verwaltung
from shop.search import text_search

VERWALTUNG_SEARCH_LOOKUPS = (
    "name__icontains",
    "regional_key__startswith",
    "ags__startswith",
    "gemeinden__ags",
    "gemeinden__ars",
    "gemeinden__name__iexact",
)


def verwaltung_search(*, text: str = "", limit: int = 50) -> QuerySet[Verwaltung]:
    """Active Verwaltungen by name, by (the start of) their key, or by the AGS/ARS of one of
    their Gemeinden, for people choosing the body they work for."""
    verwaltungen = text_search(
        Verwaltung.objects.active().select_related("kreis").order_by("name"),
        text=text,
        lookups=VERWALTUNG_SEARCH_LOOKUPS,
    )
    # Once each, however many of its Gemeinden match.
    return verwaltungen.distinct()[:limit]


def is_unconfirmed(user: User) -> bool:
    """Registered, but the e-mail address is not yet confirmed. An account that staff
    deactivated has signed in before; a new confirmation link must not bring it back."""
    return not user.is_active and user.last_login is None


def unconfirmed_sign_in(*, email: str, password: str) -> bool:
    """Whether a failed sign-in failed only because the address is not yet confirmed: the
    password is right (so the answer tells nobody else whether the address is registered)."""
    user = User.objects.filter(email__iexact=email).first()
    return user is not None and is_unconfirmed(user) and user.check_password(password)


def membership_list_pending() -> QuerySet[Membership]:
    return (
        Membership.objects.filter(status=Membership.Status.REQUESTED, user__is_active=True)
        .select_related("user", "verwaltung__kreis")
        .order_by("created_at")
    )


def membership_list_for_user(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("verwaltung")
        .order_by("verwaltung__name")
    )


def verwaltung_list_for_member(
    *,
    user: User,
    role: str | None = None,
    admin_only: bool = False,
    active_only: bool = False,
) -> QuerySet[Verwaltung]:
    """The Verwaltungen, by name, of which a signed-in, active person is an approved member:
    with `role`, only memberships in that role count; with `admin_only`, only those as
    Verwaltungsadmin; with `active_only`, only active Verwaltungen. One query."""
    if not user.is_authenticated or not user.is_active:
        return Verwaltung.objects.none()
    # One filter() call: every condition on the memberships applies to the same membership.
    conditions = {"memberships__user": user, "memberships__status": Membership.Status.APPROVED}
    if role is not None:
        conditions["memberships__role"] = role
    if admin_only:
        conditions["memberships__is_admin"] = True
    if active_only:
        conditions["active"] = True
    return Verwaltung.objects.filter(**conditions).order_by("name")


def verwaltungen_user_may_order_for(*, user: User) -> QuerySet[Verwaltung]:
    """Only approved, order-entitled memberships of an active person count."""
    return verwaltung_list_for_member(user=user, role=Membership.Role.ORDERING, active_only=True)


def membership_ordering_obstacle(*, user: User) -> str:
    """Why this person cannot order (German, with what to do), or "" when they can."""
    if not user.is_authenticated:
        return "Bitte melden Sie sich an, um Dienste zu bestellen."
    if verwaltungen_user_may_order_for(user=user).exists():
        return ""
    statuses = set(Membership.objects.filter(user=user).values_list("status", "role"))
    if (Membership.Status.APPROVED, Membership.Role.READ_ONLY) in statuses:
        return (
            "Sie sind nur mit Leserecht für Ihre Verwaltung freigeschaltet. Für Bestellungen "
            "braucht es eine bestellberechtigte Person; bitte wenden Sie sich an den ITVSH."
        )
    if any(status == Membership.Status.REQUESTED for status, _ in statuses):
        return (
            "Ihr Antrag auf Mitgliedschaft wird noch geprüft. Sobald der ITVSH oder ein "
            "Verwaltungsadmin Ihrer Verwaltung ihn bestätigt hat, erhalten Sie eine E-Mail und "
            "können bestellen."
        )
    if any(status == Membership.Status.REJECTED for status, _ in statuses):
        return (
            "Ihr Antrag auf Mitgliedschaft wurde abgelehnt (die Begründung steht in der E-Mail). "
            "Sie können unter „Mein Konto“ die Mitgliedschaft für eine andere Verwaltung "
            "beantragen."
        )
    return (
        "Ihr Konto ist noch keiner Verwaltung zugeordnet. Beantragen Sie unter „Mein Konto“ die "
        "Mitgliedschaft für die Verwaltung, für die Sie arbeiten."
    )


def throttle_event_count(*, scope: str, key: str, since: datetime) -> int:
    return ThrottleEvent.objects.filter(scope=scope, key=key, created_at__gte=since).count()


class EmailChangeError(Exception):
    """A link to change the e-mail address that cannot be used; the message is German."""


EMAIL_CHANGE_SALT = "shop.accounts.email_change"
EMAIL_TAKEN = (
    "Zu dieser E-Mail-Adresse gibt es inzwischen ein anderes Konto. Bitte wählen Sie eine "
    "andere Adresse."
)


def email_change_fingerprint(*, email: str) -> str:
    """Stands for the current address in a change link: the link is readable by whoever gets
    the mail, which need not see the address it replaces."""
    return salted_hmac(EMAIL_CHANGE_SALT, email).hexdigest()


def email_change_target(*, user: User, token: str) -> str:
    """The new address the link names, if this person may use it now."""
    try:
        change = signing.loads(
            token,
            salt=EMAIL_CHANGE_SALT,
            max_age=settings.EMAIL_CHANGE_LINK_MAX_AGE,
        )
    except signing.SignatureExpired as expired:
        raise EmailChangeError(
            "Der Link ist abgelaufen. Bitte beantragen Sie die Änderung erneut."
        ) from expired
    except signing.BadSignature as bad:
        raise EmailChangeError(
            "Der Link ist ungültig. Bitte kopieren Sie ihn vollständig aus der E-Mail oder "
            "beantragen Sie die Änderung erneut."
        ) from bad
    if change["user"] != user.pk:
        raise EmailChangeError(
            "Dieser Link gehört zu einem anderen Konto. Bitte melden Sie sich mit dem Konto an, "
            "für das Sie die Änderung beantragt haben."
        )
    if change["from"] != email_change_fingerprint(email=user.email):
        raise EmailChangeError(
            "Dieser Link ist bereits verwendet worden oder durch eine spätere Änderung überholt."
        )
    if get_user_model().objects.filter(email__iexact=change["to"]).exclude(pk=user.pk).exists():
        raise EmailChangeError(EMAIL_TAKEN)
    return change["to"]
