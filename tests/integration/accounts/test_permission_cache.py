"""A person's permissions come from the cache once read (shop.accounts.auth_backends), and every
change to them is seen at the next check: groups, permissions, the person's own flags."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import staff_groups_ensure
from shop.models import User
from tests.factories import add_permission
from tests.factories import staff_create

pytestmark = pytest.mark.django_db

CHANGE_ORDER = "order.change_order"
DELETE_ORDER = "order.delete_order"


@pytest.fixture
def fulfilment():
    staff_groups_ensure()
    return staff_create(group=FULFILMENT_GROUP, is_staff=True)


def fresh(user: User) -> User:
    """The person as the next request loads them: nothing kept on the instance."""
    return User.objects.get(pk=user.pk)


def test_a_second_request_reads_no_permission_from_the_database(
    fulfilment, django_assert_num_queries
):
    assert fresh(fulfilment).has_perm(CHANGE_ORDER)
    person = fresh(fulfilment)
    with django_assert_num_queries(0):
        assert person.has_perm(CHANGE_ORDER)
        assert not person.has_perm(DELETE_ORDER)


def _leave_the_group(person: User) -> None:
    person.groups.remove(Group.objects.get(name=FULFILMENT_GROUP))


def _group_loses_the_permission(person: User) -> None:
    group = Group.objects.get(name=FULFILMENT_GROUP)
    group.permissions.remove(group.permissions.get(codename="change_order"))


def _all_groups_cleared(person: User) -> None:
    person.groups.clear()


def _group_deleted(person: User) -> None:
    Group.objects.get(name=FULFILMENT_GROUP).delete()


def _deactivated(person: User) -> None:
    person.is_active = False
    person.save()


TAKEN_AWAY = [
    _leave_the_group,
    _group_loses_the_permission,
    _all_groups_cleared,
    _group_deleted,
    _deactivated,
]


@pytest.mark.parametrize("change", TAKEN_AWAY)
def test_a_permission_taken_away_is_gone_at_the_next_check(fulfilment, change):
    assert fresh(fulfilment).has_perm(CHANGE_ORDER)
    change(fresh(fulfilment))
    assert not fresh(fulfilment).has_perm(CHANGE_ORDER)


def test_a_permission_granted_is_there_at_the_next_check(fulfilment):
    assert not fresh(fulfilment).has_perm(DELETE_ORDER)
    add_permission(fulfilment, DELETE_ORDER)
    assert fresh(fulfilment).has_perm(DELETE_ORDER)

    add_permission(Group.objects.get(name=FULFILMENT_GROUP), "order.delete_line")
    assert fresh(fulfilment).has_perm("order.delete_line")


def test_a_superuser_has_every_permission_at_the_next_check(fulfilment):
    assert not fresh(fulfilment).get_all_permissions() >= {DELETE_ORDER, "shop.add_dienst"}
    person = fresh(fulfilment)
    person.is_superuser = True
    person.save()
    assert fresh(fulfilment).get_all_permissions() >= {DELETE_ORDER, "shop.add_dienst"}


def test_a_member_of_staff_who_leaves_the_group_is_refused_the_dashboard(client, fulfilment):
    client.force_login(fulfilment)
    url = reverse("dashboard:order-list")
    assert client.get(url).status_code == 200

    _leave_the_group(fresh(fulfilment))

    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "/login/" in response.get("Location", "/login/")
