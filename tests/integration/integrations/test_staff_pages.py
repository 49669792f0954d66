"""The dashboard's „Schnittstellen“ through HTTP: only staff with shop.manage_integrations (the
group Schnittstellen, not Fulfilment) get in; tokens and secrets are shown once and stored
hashed or kept for signing; bad input changes nothing; the delivery log pages with a fixed
number of queries."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import INTEGRATIONS_GROUP
from shop.integrations.services import token_sha256
from shop.integrations.webhooks import webhook_event_publish
from shop.models import ApiClient
from shop.models import WebhookDelivery
from shop.models import WebhookEvent
from shop.models import WebhookSubscription
from tests.factories import staff_create
from tests.responses import page_text

pytestmark = pytest.mark.django_db

CLIENTS = reverse("shop_integrations:api-clients")
WEBHOOKS = reverse("shop_integrations:webhooks")
NEW_WEBHOOK = reverse("shop_integrations:webhook-create")
DELIVERIES = reverse("shop_integrations:deliveries")


@pytest.fixture
def integrator(db):
    """Ina Integration: Fulfilment and the group Schnittstellen."""
    user = staff_create(
        group=FULFILMENT_GROUP, email="ina@land.example", first_name="Ina", is_staff=True
    )
    user.groups.add(Group.objects.get(name=INTEGRATIONS_GROUP))
    return user


@pytest.fixture
def signed_in(client, integrator):
    client.force_login(integrator)
    return client


@pytest.mark.parametrize(
    "url",
    [CLIENTS, WEBHOOKS, NEW_WEBHOOK, DELIVERIES],
)
def test_fulfilment_alone_gets_403_anonymous_the_login(client, fulfilment, url):
    assert client.get(url).status_code == 302

    client.force_login(fulfilment)
    assert client.get(url).status_code == 403


def test_the_menu_shows_schnittstellen_only_with_the_permission(client, fulfilment, integrator):
    client.force_login(fulfilment)
    assert "API-Zugänge" not in page_text(client.get(reverse("dashboard:index")))

    client.force_login(integrator)
    assert "API-Zugänge" in page_text(client.get(reverse("dashboard:index")))


def test_a_new_api_client_shows_its_token_once(signed_in, integrator):
    response = signed_in.post(
        CLIENTS, {"name": "Ticketsystem Dataport", "scopes": ["bestellungen:lesen"]}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = response.context["secret"]
    client = ApiClient.objects.get()
    assert client.token_sha256 == token_sha256(token)
    assert client.scopes == ["bestellungen:lesen"]
    assert client.created_by == integrator
    listing = signed_in.get(CLIENTS)
    assert token not in listing.content.decode()
    assert client.token_prefix in page_text(listing)


def test_an_api_client_without_scope_is_refused(signed_in):
    response = signed_in.post(CLIENTS, {"name": "Ohne Rechte"})

    assert response.status_code == 400
    assert "Bitte wählen Sie mindestens eine Berechtigung." in response.content.decode()
    assert not ApiClient.objects.exists()


def test_revoking_an_api_client(signed_in, integrator):
    signed_in.post(CLIENTS, {"name": "Alt", "scopes": ["status:aendern"]})
    client = ApiClient.objects.get()

    response = signed_in.post(
        reverse("shop_integrations:api-client-revoke", kwargs={"pk": client.pk}), follow=True
    )

    client.refresh_from_db()
    assert client.revoked_by == integrator and client.revoked_at is not None
    assert "ist widerrufen" in page_text(response)


def test_revoking_needs_a_post_with_csrf(client, integrator):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(integrator)
    client.force_login(integrator)
    client.post(CLIENTS, {"name": "Alt", "scopes": ["status:aendern"]})
    url = reverse("shop_integrations:api-client-revoke", kwargs={"pk": ApiClient.objects.get().pk})

    assert csrf_client.get(url).status_code == 405
    assert csrf_client.post(url).status_code == 403
    assert ApiClient.objects.get().revoked_at is None


def test_a_new_webhook_shows_its_secret_once(signed_in):
    response = signed_in.post(
        NEW_WEBHOOK,
        {
            "name": "Ticketsystem",
            "url": "https://tickets.dataport.example/ozg",
            "events": ["status.geaendert", "rueckfrage.neu"],
        },
    )

    assert response.status_code == 200
    subscription = WebhookSubscription.objects.get()
    assert response.context["secret"] == subscription.secret
    assert subscription.events == ["status.geaendert", "rueckfrage.neu"]
    assert subscription.secret not in signed_in.get(WEBHOOKS).content.decode()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://tickets.example/ozg", "Bitte geben Sie eine https-Adresse an."),
        ("https://127.0.0.1/ozg", "Interne Adressen sind nicht erlaubt."),
        ("https://10.1.2.3/ozg", "Interne Adressen sind nicht erlaubt."),
        ("https://[::1]/ozg", "Interne Adressen sind nicht erlaubt."),
        ("https://localhost/ozg", "Interne Adressen sind nicht erlaubt."),
        ("https://169.254.169.254/latest", "Interne Adressen sind nicht erlaubt."),
        ("kein link", "Bitte geben Sie eine gültige Adresse an."),
    ],
)
def test_in_production_only_public_https_addresses(signed_in, settings, url, message):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False

    response = signed_in.post(
        NEW_WEBHOOK, {"name": "X", "url": url, "events": ["status.geaendert"]}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WebhookSubscription.objects.exists()


def test_editing_and_deactivating_a_webhook(signed_in):
    signed_in.post(
        NEW_WEBHOOK,
        {"name": "Alt", "url": "https://a.example/h", "events": ["status.geaendert"]},
    )
    subscription = WebhookSubscription.objects.get()
    secret = subscription.secret

    response = signed_in.post(
        reverse("shop_integrations:webhook-edit", kwargs={"pk": subscription.pk}),
        {"name": "Neu", "url": "https://b.example/h", "events": ["bestellung.eingegangen"]},
        follow=True,
    )

    subscription.refresh_from_db()
    assert (subscription.name, subscription.url, subscription.is_active) == (
        "Neu",
        "https://b.example/h",
        False,
    )
    assert subscription.events == ["bestellung.eingegangen"]
    assert subscription.secret == secret
    assert "ist gespeichert" in page_text(response)


def test_the_delivery_log_shows_attempts_with_a_fixed_number_of_queries(signed_in):
    WebhookSubscription.objects.create(
        name="Ticketsystem", url="https://a.example/h", secret="s", events=WebhookEvent.values
    )

    def queries_for_log() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = signed_in.get(DELIVERIES)
        assert response.status_code == 200
        return len(queries)

    webhook_event_publish(event=WebhookEvent.STATUS_CHANGED, payload={"n": 1})
    WebhookDelivery.objects.update(
        status="failed",
        attempts=6,
        response_status=503,
        response_excerpt="Wartung",
        duration_ms=12,
        last_error="Der Empfänger antwortete mit HTTP 503.",
    )
    signed_in.get(DELIVERIES)  # the permissions, kept from the first request
    one = queries_for_log()
    text = page_text(signed_in.get(DELIVERIES))
    assert "Status eines Dienstes geändert" in text
    assert "503" in text and "Wartung" in text and "12 ms" in text
    assert "Erneut senden" in text

    for n in range(30):
        webhook_event_publish(event=WebhookEvent.ORDER_PLACED, payload={"n": n})
    assert queries_for_log() == one


def test_odd_filters_of_the_log_are_ignored(signed_in):
    response = signed_in.get(DELIVERIES, {"status": "nix", "webhook": "999999999", "page": "x"})

    assert response.status_code == 200
