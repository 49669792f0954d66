"""Behind a simulated reverse proxy (AXES_PROXY_COUNT=1: every request comes from 127.0.0.1 and
carries the client's address as the last X-Forwarded-For entry), the shop tells clients apart:
sign-in throttling, the acceptance records and the log lines use the client's address, and a
client cannot pose as another by writing its own X-Forwarded-For entry."""

import io
import logging

import pytest
from django.urls import reverse

from shop.models import AcceptanceRecord
from tests.checkout import basket_add
from tests.checkout import checkout_complete
from tests.factories import DEFAULT_PASSWORD
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import terms_of_use_publish
from tests.signin import LOGIN_URL
from tests.signin import is_signed_in

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
CLIENT_A = "203.0.113.9"
CLIENT_B = "198.51.100.23"
WRONG_PASSWORD = "falsches-Passwort-123"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.CLIENT_PROXY_COUNT = 1


def through_proxy(forwarded_for: str) -> dict[str, str]:
    """What gunicorn sees of a request that the proxy passed on: the proxy connected, and it
    appended the client's address to whatever X-Forwarded-For the client sent."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded_for}


def sign_in_through_proxy(client, *, email: str, password: str, forwarded_for: str):
    return client.post(
        LOGIN_URL,
        {"login-username": email, "login-password": password, "login_submit": "Anmelden"},
        **through_proxy(forwarded_for),
    )


@pytest.fixture
def owner():
    return UserFactory(email="erika.muster@amt.example")


def test_wrong_passwords_from_one_client_lock_out_that_client_only(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = sign_in_through_proxy(
            client, email=owner.email, password=WRONG_PASSWORD, forwarded_for=CLIENT_A
        )
    assert locked.status_code == 429

    # The owner, at another client behind the same proxy, still signs in.
    response = sign_in_through_proxy(
        client, email=owner.email, password=DEFAULT_PASSWORD, forwarded_for=CLIENT_B
    )
    assert response.status_code == 302
    assert is_signed_in(client)
    client.logout()
    # Client A stays locked, even with the right password.
    refused = sign_in_through_proxy(
        client, email=owner.email, password=DEFAULT_PASSWORD, forwarded_for=CLIENT_A
    )
    assert refused.status_code == 429


def test_a_forged_left_most_entry_does_not_help_an_attacker(client, owner, settings):
    # The attacker at A writes ever other addresses into X-Forwarded-For; the proxy appends A.
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in_through_proxy(
            client,
            email=owner.email,
            password=WRONG_PASSWORD,
            forwarded_for=f"192.0.2.{number + 1}, {CLIENT_B}, {CLIENT_A}",
        )

    refused = sign_in_through_proxy(
        client,
        email=owner.email,
        password=DEFAULT_PASSWORD,
        forwarded_for=f"192.0.2.200, {CLIENT_A}",
    )
    assert refused.status_code == 429
    # Nor did the attacker lock out the client it named: B signs in.
    response = sign_in_through_proxy(
        client, email=owner.email, password=DEFAULT_PASSWORD, forwarded_for=CLIENT_B
    )
    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_acceptance_record_stores_the_clients_address_not_the_proxys(
    client, django_capture_on_commit_callbacks
):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2)
    dienst = dienst_create(title="Hundesteuer online")
    client.force_login(member_create(verwaltung=amt))
    basket_add(client, dienst)

    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(
            client,
            verwaltung=amt,
            dienste=[dienst],
            gemeinden=list(amt.gemeinden.all()),
            **through_proxy(f"192.0.2.66, {CLIENT_A}"),
        )

    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:thank-you")
    assert set(AcceptanceRecord.objects.values_list("ip_address", flat=True)) == {CLIENT_A}


@pytest.fixture
def log_output():
    """What the configured console handler (settings.LOGGING) writes, with its filter and
    format, for the time of the test."""
    handler = next(
        handler for handler in logging.getLogger().handlers if handler.get_name() == "console"
    )
    output = io.StringIO()
    previous = handler.setStream(output)
    yield output
    handler.setStream(previous)


def test_a_log_line_written_during_a_request_names_the_client(client, log_output):
    response = client.get("/gibt-es-nicht/", **through_proxy(f"192.0.2.66, {CLIENT_A}"))

    assert response.status_code == 404
    line = next(line for line in log_output.getvalue().splitlines() if "Not Found" in line)
    assert f"[{CLIENT_A} GET /gibt-es-nicht/]" in line
    assert "192.0.2.66" not in line
    assert PROXY not in line


def test_a_log_line_outside_requests_shows_no_client(log_output):
    logging.getLogger("ozg_site").warning("Betriebstest")

    assert "[- - -] Betriebstest" in log_output.getvalue()


def test_control_characters_in_the_path_cannot_forge_a_log_line(client, log_output):
    client.get("/gibt-es-nicht/%0A2025-01-01 ERROR gefälscht", **through_proxy(CLIENT_A))

    lines = [line for line in log_output.getvalue().splitlines() if "ERROR gef" in line]
    assert len(lines) == 1
    assert "/gibt-es-nicht/\\n2025-01-01" in lines[0]
