"""Sign-in throttling (django-axes): lockout per user name and IP address, with a cool-off."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from tests.factories import DEFAULT_PASSWORD
from tests.factories import UserFactory
from tests.signin import is_signed_in
from tests.signin import sign_in

pytestmark = pytest.mark.django_db

WRONG_PASSWORD = "falsches-Passwort-123"


@pytest.fixture
def person():
    return UserFactory(email="erika.muster@amt.example")


def fail_sign_in(client, email: str, times: int, remote_addr: str = "192.0.2.10"):
    for _ in range(times):
        response = sign_in(client, email=email, password=WRONG_PASSWORD, remote_addr=remote_addr)
    return response


def test_wrong_passwords_below_the_limit_only_show_the_form_error(client, person, settings):
    response = fail_sign_in(client, person.email, settings.AXES_FAILURE_LIMIT - 1)

    assert response.status_code == 200
    assert "E-Mail-Adresse" in response.content.decode()
    # The right password still works, and resets the count.
    sign_in(client, email=person.email, password=DEFAULT_PASSWORD)
    assert is_signed_in(client)
    assert not AccessAttempt.objects.filter(username=person.email).exists()


def test_the_limit_of_failures_locks_the_user_out_from_that_address(client, person, settings):
    locked = fail_sign_in(client, person.email, settings.AXES_FAILURE_LIMIT)

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in page
    assert "15 Minuten" in page
    # Even the right password is refused during the cool-off.
    refused = sign_in(client, email=person.email, password=DEFAULT_PASSWORD)
    assert refused.status_code == 429
    assert not is_signed_in(client)


def test_lockout_counts_the_e_mail_address_case_insensitively(client, person, settings):
    fail_sign_in(client, person.email.upper(), settings.AXES_FAILURE_LIMIT)

    refused = sign_in(client, email=person.email, password=DEFAULT_PASSWORD)

    assert refused.status_code == 429


def test_lockout_is_per_user_name_and_address(client, person, settings):
    fail_sign_in(client, person.email, settings.AXES_FAILURE_LIMIT, remote_addr="192.0.2.10")

    # The same person from another address, and another person from the same address, go on.
    sign_in(client, email=person.email, password=DEFAULT_PASSWORD, remote_addr="198.51.100.7")
    assert is_signed_in(client)
    client.logout()
    colleague = UserFactory(email="colleague@amt.example")
    sign_in(client, email=colleague.email, password=DEFAULT_PASSWORD, remote_addr="192.0.2.10")
    assert is_signed_in(client)


def test_lockout_ends_after_the_cool_off(client, person, settings):
    fail_sign_in(client, person.email, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.filter(username=person.email).update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )

    sign_in(client, email=person.email, password=DEFAULT_PASSWORD)

    assert is_signed_in(client)


def test_wagtail_admin_login_is_throttled_too(client, settings):
    editor = UserFactory(email="redaktion@itvsh.example", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/cms/login/",
            {"username": editor.email, "password": WRONG_PASSWORD},
            REMOTE_ADDR="192.0.2.10",
        )

    refused = client.post(
        "/cms/login/",
        {"username": editor.email, "password": DEFAULT_PASSWORD},
        REMOTE_ADDR="192.0.2.10",
    )

    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
