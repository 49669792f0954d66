"""Writes about people: registration, memberships and their approval, e-mail changes, password
resets and the throttling of the mails they send, staff groups, demo accounts."""

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from shop.mail import mail_after_commit
from shop.members.services import request_admins_notify
from shop.models import Membership, ThrottleEvent, User, Verwaltung

from .selectors import (
    EMAIL_CHANGE_SALT,
    EMAIL_TAKEN,
    EmailChangeError,
    email_change_fingerprint,
    email_change_target,
    is_unconfirmed,
    throttle_event_count,
)

logger = logging.getLogger(__name__)

EDITORS_GROUP = "Redaktion"
FULFILMENT_GROUP = "Fulfilment"
# API clients and webhooks (shop.integrations): an API client reads every order of the Land, so
# only the few who connect the operators' systems get this group, next to Fulfilment.
INTEGRATIONS_GROUP = "Schnittstellen"
INTEGRATIONS_PERMISSIONS = ("shop.manage_integrations",)

# Editors work in Wagtail only: pages, images, documents, and a read-only view of the registry.
EDITOR_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "cms_pages.change_legallinks",
    "shop.view_verwaltung",
    "shop.view_gemeinde",
    "shop.view_ozgleistung",
    "shop.view_membership",
    "shop.change_membership",
    "shop.view_dienstinterest",
    "shop.add_agreement",
    "shop.change_agreement",
    "shop.delete_agreement",
    "shop.view_agreement",
    "shop.add_agreementversion",
    "shop.change_agreementversion",
    "shop.delete_agreementversion",
    "shop.view_agreementversion",
)
# No publish_page: a page goes live only when a second editor approves it in the editorial
# workflow (cms_pages.services.editorial_workflow_ensure); superusers may still publish.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
# Wagtail grants images and documents per collection; editors get the root collection.
EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)

# Fulfilment staff work orders in Oscar's dashboard and nothing else.
FULFILMENT_PERMISSIONS = (
    "order.view_order",
    "order.change_order",
    "order.view_line",
    "order.change_line",
    "order.add_ordernote",
    "order.change_ordernote",
    "order.view_ordernote",
    "communication.view_communicationeventtype",
    "communication.change_communicationeventtype",
    "shop.view_verwaltung",
    "shop.view_gemeinde",
    "shop.view_servicecoverage",
    # Undelivered mails of orders, status changes and Rückfragen: see them, send them again.
    "shop.view_outgoingmail",
    "shop.change_outgoingmail",
)


def _permissions(codes: Iterable[str]) -> list[Permission]:
    found = []
    for code in codes:
        app_label, codename = code.split(".", 1)
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


@transaction.atomic
def staff_groups_ensure() -> dict[str, Group]:
    """Create or repair the staff groups with exactly their permissions (idempotent)."""
    for app_config in apps.get_app_configs():
        # Permissions of apps after shop in INSTALLED_APPS do not exist yet during post_migrate.
        create_permissions(app_config, verbosity=0)

    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.set(_permissions(EDITOR_PERMISSIONS))
    root_page = Page.get_first_root_node()
    if root_page is not None:
        page_permissions = _permissions(f"wagtailcore.{code}" for code in EDITOR_PAGE_PERMISSIONS)
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission
            )
        # Earlier installs granted more (publishing); exactly these remain.
        GroupPagePermission.objects.filter(group=editors).exclude(
            permission__in=page_permissions
        ).delete()
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for permission in _permissions(EDITOR_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission
            )

    fulfilment, _ = Group.objects.get_or_create(name=FULFILMENT_GROUP)
    fulfilment.permissions.set(_permissions(FULFILMENT_PERMISSIONS))
    integrations, _ = Group.objects.get_or_create(name=INTEGRATIONS_GROUP)
    integrations.permissions.set(_permissions(INTEGRATIONS_PERMISSIONS))
    return {
        EDITORS_GROUP: editors,
        FULFILMENT_GROUP: fulfilment,
        INTEGRATIONS_GROUP: integrations,
    }


def user_ensure(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    is_staff: bool = False,
    is_superuser: bool = False,
    groups: Iterable[Group] = (),
) -> User:
    """Create the person or bring an existing one back to the given state (idempotent)."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first() or user_model(email=email)
    user.first_name = first_name
    user.last_name = last_name
    user.is_staff = is_staff
    user.is_superuser = is_superuser
    user.is_active = True
    if not user.pk or not user.check_password(password):
        user.set_password(password)
    user.save()
    user.groups.set(groups)
    return user


def membership_ensure_approved(
    *,
    user: User,
    verwaltung: Verwaltung,
    role: str = Membership.Role.ORDERING,
    admin: bool = False,
) -> Membership:
    """Demo accounts and tests: an approved membership, with `admin` as Verwaltungsadmin."""
    membership, _ = Membership.objects.update_or_create(
        user=user,
        verwaltung=verwaltung,
        defaults={
            "role": role,
            "is_admin": admin,
            "status": Membership.Status.APPROVED,
            "decided_at": timezone.now(),
        },
    )
    return membership


class RegistrationError(Exception):
    """A registration that cannot be completed; the message is for the person, in German."""


def _window_start() -> datetime:
    return timezone.now() - settings.ACCOUNT_THROTTLE_WINDOW


def _throttle_event_record(*, scope: str, key: str) -> None:
    ThrottleEvent.objects.filter(created_at__lt=_window_start()).delete()
    ThrottleEvent.objects.create(scope=scope, key=key)


def client_request_admit(*, client: str | None) -> bool:
    """Count a request that may send account mails; False once this client address has made
    ACCOUNT_REQUESTS_PER_CLIENT of them within the window.

    Refused requests are not counted, so a client gets in again as soon as its oldest admitted
    request leaves the window, and a flood adds no rows. Requests without an address share one
    count.
    """
    key = client or ""
    admitted = throttle_event_count(
        scope=ThrottleEvent.Scope.CLIENT_REQUEST, key=key, since=_window_start()
    )
    if admitted >= settings.ACCOUNT_REQUESTS_PER_CLIENT:
        logger.warning("Anfragen für Konto-E-Mails von %s gedrosselt", key or "unbekannt")
        return False
    _throttle_event_record(scope=ThrottleEvent.Scope.CLIENT_REQUEST, key=key)
    return True


@transaction.atomic
def account_mail_send(*, recipient: str, subject: str, body: str) -> bool:
    """Send a mail about an account, unless this address has had ACCOUNT_MAILS_PER_ADDRESS of
    them within the window; False then.

    Callers answer the same whether or not the mail went out, so the limit tells nothing about
    the address, and nobody can make the shop flood a foreign mailbox.
    """
    key = recipient.strip().lower()
    sent = throttle_event_count(
        scope=ThrottleEvent.Scope.MAIL_TO_ADDRESS, key=key, since=_window_start()
    )
    if sent >= settings.ACCOUNT_MAILS_PER_ADDRESS:
        logger.warning("Konto-E-Mail an %s gedrosselt: %s", key, subject)
        return False
    _throttle_event_record(scope=ThrottleEvent.Scope.MAIL_TO_ADDRESS, key=key)
    mail_after_commit(subject=subject, body=body, recipients=[recipient])
    return True


def _confirmation_send(
    *, user: User, verwaltung: Verwaltung | None, confirm_url_for: Callable[[User, str], str]
) -> None:
    token = default_token_generator.make_token(user)
    account_mail_send(
        recipient=user.email,
        subject="Bitte bestätigen Sie Ihre E-Mail-Adresse – OZG-Dienste-Shop",
        body=render_to_string(
            "shop/accounts/email/confirm_email.txt",
            {"user": user, "verwaltung": verwaltung, "confirm_url": confirm_url_for(user, token)},
        ),
    )


def _requested_verwaltung(user: User) -> Verwaltung | None:
    membership = user.memberships.select_related("verwaltung").order_by("created_at").first()
    return membership.verwaltung if membership is not None else None


def _shop_url(view_name: str) -> str:
    return settings.SHOP_BASE_URL.rstrip("/") + reverse(view_name)


@transaction.atomic
def registration_create(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    verwaltung: Verwaltung,
    role: str,
    confirm_url_for: Callable[[User, str], str],
) -> None:
    """Create an inactive person with a membership request and send the confirmation link.

    The person can log in once the e-mail address is confirmed; ordering needs the membership
    approved by staff on top. Whether the address is taken is not revealed: the owner of an
    existing account gets a notice (an unconfirmed one its confirmation link again) and the
    answer is the same. Nothing the form names is put in that mail, so that nobody can send
    their text to a foreign address.
    """
    if not verwaltung.active:
        raise RegistrationError(
            "Diese Verwaltung besteht nicht mehr; bitte wählen Sie eine andere."
        )
    user_model = get_user_model()
    owner = user_model.objects.filter(email__iexact=email).first()
    if owner is not None:
        # Hashing the password is most of the work for a new account; doing it here too keeps
        # the time of the answer from telling that the address is registered.
        make_password(password)
        _registration_repeated_notify(owner=owner, confirm_url_for=confirm_url_for)
        return
    user = user_model(email=user_model.objects.normalize_email(email), is_active=False)
    user.first_name = first_name
    user.last_name = last_name
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, verwaltung=verwaltung, role=role)
    _confirmation_send(user=user, verwaltung=verwaltung, confirm_url_for=confirm_url_for)


def _registration_repeated_notify(
    *, owner: User, confirm_url_for: Callable[[User, str], str]
) -> None:
    if is_unconfirmed(owner):
        _confirmation_send(
            user=owner, verwaltung=_requested_verwaltung(owner), confirm_url_for=confirm_url_for
        )
        return
    account_mail_send(
        recipient=owner.email,
        subject="Sie haben bereits ein Konto – OZG-Dienste-Shop",
        body=render_to_string(
            "shop/accounts/email/registration_repeated.txt",
            {
                "user": owner,
                "login_url": _shop_url("customer:login"),
                "password_reset_url": _shop_url("password-reset"),
            },
        ),
    )


@transaction.atomic
def registration_confirmation_resend(
    *, email: str, confirm_url_for: Callable[[User, str], str]
) -> None:
    """Send the confirmation link again if the address belongs to an unconfirmed account;
    nothing otherwise (the caller answers the same either way)."""
    owner = get_user_model().objects.filter(email__iexact=email).first()
    if owner is not None and is_unconfirmed(owner):
        _confirmation_send(
            user=owner, verwaltung=_requested_verwaltung(owner), confirm_url_for=confirm_url_for
        )


@transaction.atomic
def registration_confirm(*, user: User, token: str) -> bool:
    """Activate the account if the token fits; a used or wrong token changes nothing."""
    if not is_unconfirmed(user) or not default_token_generator.check_token(user, token):
        return False
    user.is_active = True
    user.save(update_fields=["is_active"])
    # Only now does the request count: its Verwaltungsadmins learn of it.
    for membership in user.memberships.filter(status=Membership.Status.REQUESTED).select_related(
        "verwaltung"
    ):
        request_admins_notify(membership=membership)
    return True


def password_reset_send(
    *,
    email: str,
    reset_url_for: Callable[[User, str], str],
    token_generator: PasswordResetTokenGenerator = default_token_generator,
) -> None:
    """Mail a link for a new password to the active accounts of this address (Oscar's and
    Wagtail's password reset); nothing for an unknown address, and the caller answers the same."""
    user_model = get_user_model()
    for user in user_model.objects.filter(email__iexact=email, is_active=True):
        if not user.has_usable_password():
            continue
        account_mail_send(
            recipient=user.email,
            subject="Neues Passwort festlegen – OZG-Dienste-Shop",
            body=render_to_string(
                "shop/accounts/email/password_reset.txt",
                {"user": user, "reset_url": reset_url_for(user, token_generator.make_token(user))},
            ),
        )


def email_change_request(
    *, user: User, new_email: str, confirm_url_for: Callable[[str], str]
) -> None:
    """Mail a signed link to the new address; the address changes only when the person opens
    it signed in (email_change_confirm).

    The link stands for the current address too, so that it is used up once the address has
    changed. Whether the new address is taken is checked when the link is used, so that this
    form does not tell which addresses have an account.
    """
    token = signing.dumps(
        {"user": user.pk, "from": email_change_fingerprint(email=user.email), "to": new_email},
        salt=EMAIL_CHANGE_SALT,
    )
    account_mail_send(
        recipient=new_email,
        subject="Bitte bestätigen Sie Ihre neue E-Mail-Adresse – OZG-Dienste-Shop",
        body=render_to_string(
            "shop/accounts/email/email_change_confirm.txt",
            {"user": user, "new_email": new_email, "confirm_url": confirm_url_for(token)},
        ),
    )


@transaction.atomic
def email_change_confirm(*, user: User, token: str) -> User:
    """Change the sign-in address to the one the link names and tell the old address."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    new_email = email_change_target(user=user, token=token)
    old_email = user.email
    user.email = new_email
    try:
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError as taken:
        raise EmailChangeError(EMAIL_TAKEN) from taken
    account_mail_send(
        recipient=old_email,
        subject="Ihre Anmeldeadresse wurde geändert – OZG-Dienste-Shop",
        body=render_to_string(
            "shop/accounts/email/email_changed.txt",
            {"user": user, "old_email": old_email},
        ),
    )
    return user


@transaction.atomic
def membership_request(*, user: User, verwaltung: Verwaltung, role: str) -> Membership:
    """A further Verwaltung for an existing person; after a rejection or a removal the request
    may be made again (the earlier decisions stay in MembershipDecision)."""
    membership = (
        Membership.objects.select_for_update().filter(user=user, verwaltung=verwaltung).first()
    )
    if membership is not None and membership.status not in (
        Membership.Status.REJECTED,
        Membership.Status.REMOVED,
    ):
        raise RegistrationError(
            "Für diese Verwaltung besteht bereits eine Mitgliedschaft oder ein Antrag."
        )
    if membership is None:
        membership = Membership.objects.create(user=user, verwaltung=verwaltung, role=role)
    else:
        membership.status = Membership.Status.REQUESTED
        membership.role = role
        membership.is_admin = False
        membership.reason = ""
        membership.decided_at = None
        membership.decided_by = None
        membership.save()
    request_admins_notify(membership=membership)
    return membership
