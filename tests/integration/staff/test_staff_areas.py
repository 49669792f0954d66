"""Each staff area lets in only its people: Django admin superusers, Oscar's dashboard staff."""

import pytest

from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from tests.factories import UserFactory
from tests.factories import staff_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    editor = staff_create(group=EDITORS_GROUP)
    fulfilment = staff_create(group=FULFILMENT_GROUP, is_staff=True)
    return {
        "superuser": UserFactory(is_staff=True, is_superuser=True),
        "editor": editor,
        "fulfilment": fulfilment,
        "municipal": UserFactory(),
    }


@pytest.mark.parametrize("person", ["superuser", "editor", "fulfilment", "municipal"])
@pytest.mark.parametrize(
    ("url", "admitted"),
    [
        pytest.param("/django-admin/", {"superuser"}, id="django-admin"),
        pytest.param("/cms/", {"superuser", "editor"}, id="wagtail"),
    ],
)
def test_django_admin_is_for_superusers_and_wagtail_for_editors(
    client, people, url, admitted, person
):
    client.force_login(people[person])

    response = client.get(url)

    if person in admitted:
        assert response.status_code == 200
    else:
        # A signed-in person without access: 403 (ozg_site.security), not the admin's login form.
        assert response.status_code == 403
        assert "Kein Zugriff" in response.content.decode()


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


def test_staff_area_logins_stay_open_to_signed_in_people_without_access(client, people):
    client.force_login(people["municipal"])

    assert client.get("/cms/login/").status_code == 200
    assert client.get("/django-admin/login/").status_code == 200


def test_anonymous_visitors_are_sent_to_the_admin_logins(client):
    assert client.get("/cms/").url.startswith("/cms/login/")
    assert client.get("/django-admin/").url.startswith("/django-admin/login/")


def test_django_admin_offers_the_shops_records_and_nothing_of_a_webshop(client, people):
    client.force_login(people["superuser"])

    html = client.get("/django-admin/").content.decode()

    for shown in ("Annahmenachweise", "Verwaltungen", "Bestellungen", "Produkte", "Task Results"):
        assert shown in html
    for left_out in ("Gutscheine", "Bedingte Angebote", "Zahlvorgänge", "Wunschzettel"):
        assert left_out not in html
    assert client.get("/django-admin/voucher/voucher/").status_code == 404
