"""Each staff area lets in only its people: Django admin superusers, Oscar's dashboard staff."""

import pytest
from django.contrib.auth.models import Group

from shop.accounts.services import EDITORS_GROUP, FULFILMENT_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    fulfilment = UserFactory(is_staff=True)
    fulfilment.groups.add(Group.objects.get(name=FULFILMENT_GROUP))
    return {
        "superuser": UserFactory(is_staff=True, is_superuser=True),
        "editor": editor,
        "fulfilment": fulfilment,
        "municipal": UserFactory(),
    }


@pytest.mark.parametrize(
    ("person", "allowed"),
    [("superuser", True), ("editor", False), ("fulfilment", False), ("municipal", False)],
)
def test_django_admin_is_for_superusers_only(client, people, person, allowed):
    client.force_login(people[person])

    response = client.get("/django-admin/")

    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/django-admin/login/")


@pytest.mark.parametrize(
    ("person", "allowed"),
    [("superuser", True), ("fulfilment", True), ("editor", False), ("municipal", False)],
)
def test_oscar_order_dashboard_is_for_fulfilment_staff(client, people, person, allowed):
    client.force_login(people[person])

    response = client.get("/shop/dashboard/orders/")

    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("person", "allowed"),
    [("superuser", True), ("editor", True), ("fulfilment", False), ("municipal", False)],
)
def test_wagtail_admin_is_for_editors(client, people, person, allowed):
    client.force_login(people[person])

    response = client.get("/cms/")

    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/cms/login/" in response["Location"]
