"""Staff groups exist after migrate and carry minimal permissions."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission
from wagtail.models import Page

from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import staff_groups_ensure

pytestmark = pytest.mark.django_db


def codes(group: Group) -> set[str]:
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_groups_exist_after_migrate_with_minimal_permissions():
    editors = Group.objects.get(name=EDITORS_GROUP)
    fulfilment = Group.objects.get(name=FULFILMENT_GROUP)

    assert "wagtailadmin.access_admin" in codes(editors)
    assert not any(code.startswith(("order.", "catalogue.", "offer.")) for code in codes(editors))
    assert "order.change_order" in codes(fulfilment)
    forbidden_for_fulfilment = ("wagtail", "catalogue.", "offer.", "voucher.")
    assert not any(code.startswith(forbidden_for_fulfilment) for code in codes(fulfilment))
    assert not any(code.startswith(("delete_", "add_user")) for code in codes(fulfilment))
    assert editors.page_permissions.filter(permission__codename="change_page").exists()
    # Publishing goes through the second person's approval (editorial workflow).
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()


def test_ensuring_twice_repairs_and_does_not_duplicate():
    editors = Group.objects.get(name=EDITORS_GROUP)
    editors.permissions.clear()
    # As installs before the editorial workflow's second person had it.
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )

    staff_groups_ensure()
    staff_groups_ensure()

    assert "wagtailadmin.access_admin" in codes(Group.objects.get(name=EDITORS_GROUP))
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert editors.page_permissions.filter(permission__codename="change_page").count() == 1
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()
