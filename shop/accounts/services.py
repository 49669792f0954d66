"""Writes about people: registration, memberships and their approval, staff groups, demo
accounts."""

from collections.abc import Callable, Iterable

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from shop.mail import mail_after_commit
from shop.models import Membership, User, Verwaltung

EDITORS_GROUP = "Redaktion"
FULFILMENT_GROUP = "Fulfilment"

# Editors work in Wagtail only: pages, images, documents, and a read-only view of the registry.
EDITOR_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "cms_pages.change_legallinks",
    "shop.view_verwaltung",
    "shop.view_gemeinde",
    "shop.view_ozgleistung",
    "shop.view_membership",
    "shop.change_membership",
    "shop.add_agreement",
    "shop.change_agreement",
    "shop.delete_agreement",
    "shop.view_agreement",
    "shop.add_agreementversion",
    "shop.change_agreementversion",
    "shop.delete_agreementversion",
    "shop.view_agreementversion",
)
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
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
        for permission in _permissions(f"wagtailcore.{code}" for code in EDITOR_PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for permission in _permissions(EDITOR_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission
            )

    fulfilment, _ = Group.objects.get_or_create(name=FULFILMENT_GROUP)
    fulfilment.permissions.set(_permissions(FULFILMENT_PERMISSIONS))
    return {EDITORS_GROUP: editors, FULFILMENT_GROUP: fulfilment}


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
    *, user: User, verwaltung: Verwaltung, role: str = Membership.Role.ORDERING
) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        user=user,
        verwaltung=verwaltung,
        defaults={
            "role": role,
            "status": Membership.Status.APPROVED,
            "decided_at": timezone.now(),
        },
    )
    return membership


class RegistrationError(Exception):
    """A registration that cannot be completed; the message is for the person, in German."""


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
) -> User:
    """Create an inactive person with a membership request and send the confirmation link.

    The person can log in once the e-mail address is confirmed; ordering needs the membership
    approved by staff on top.
    """
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=email).exists():
        raise RegistrationError("Zu dieser E-Mail-Adresse gibt es bereits ein Konto.")
    if not verwaltung.active:
        raise RegistrationError(
            "Diese Verwaltung besteht nicht mehr; bitte wählen Sie eine andere."
        )
    user = user_model(email=user_model.objects.normalize_email(email), is_active=False)
    user.first_name = first_name
    user.last_name = last_name
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, verwaltung=verwaltung, role=role)
    token = default_token_generator.make_token(user)
    mail_after_commit(
        subject="Bitte bestätigen Sie Ihre E-Mail-Adresse – OZG-Dienste-Shop",
        body=render_to_string(
            "shop/accounts/email/confirm_email.txt",
            {"user": user, "verwaltung": verwaltung, "confirm_url": confirm_url_for(user, token)},
        ),
        recipients=[user.email],
    )
    return user


@transaction.atomic
def registration_confirm(*, user: User, token: str) -> bool:
    """Activate the account if the token fits; a used or wrong token changes nothing."""
    if user.is_active or not default_token_generator.check_token(user, token):
        return False
    user.is_active = True
    user.save(update_fields=["is_active"])
    return True


@transaction.atomic
def membership_request(*, user: User, verwaltung: Verwaltung, role: str) -> Membership:
    """A further Verwaltung for an existing person; a rejected request may be made again."""
    membership = (
        Membership.objects.select_for_update().filter(user=user, verwaltung=verwaltung).first()
    )
    if membership is not None and membership.status != Membership.Status.REJECTED:
        raise RegistrationError(
            "Für diese Verwaltung besteht bereits eine Mitgliedschaft oder ein Antrag."
        )
    if membership is None:
        return Membership.objects.create(user=user, verwaltung=verwaltung, role=role)
    membership.status = Membership.Status.REQUESTED
    membership.role = role
    membership.reason = ""
    membership.decided_at = None
    membership.decided_by = None
    membership.save()
    return membership


@transaction.atomic
def membership_decide(
    *, membership: Membership, approve: bool, decided_by: User, reason: str = ""
) -> Membership:
    """Staff approve or reject a request; the person is told by e-mail either way."""
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "verwaltung")
        .get(pk=membership.pk)
    )
    if membership.status != Membership.Status.REQUESTED:
        raise RegistrationError("Über diesen Antrag wurde bereits entschieden.")
    reason = reason.strip()
    if not approve and not reason:
        raise RegistrationError(
            "Bitte begründen Sie die Ablehnung; die Person erhält die Begründung."
        )
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.REJECTED
    membership.reason = reason
    membership.decided_at = timezone.now()
    membership.decided_by = decided_by
    membership.save()
    template = "approved" if approve else "rejected"
    mail_after_commit(
        subject=(
            f"Ihre Mitgliedschaft für {membership.verwaltung.name} wurde "
            f"{'bestätigt' if approve else 'abgelehnt'} – OZG-Dienste-Shop"
        ),
        body=render_to_string(
            f"shop/accounts/email/membership_{template}.txt",
            {"membership": membership, "shop_url": settings.SHOP_BASE_URL},
        ),
        recipients=[membership.user.email],
    )
    return membership
