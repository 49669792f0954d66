"""Writes about people: staff groups and their permissions, demo accounts."""

from collections.abc import Iterable

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

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
    "shop.view_verwaltung",
    "shop.view_gemeinde",
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
