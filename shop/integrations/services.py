"""Writes of the integrations: API clients (a token shown once, stored as its SHA-256) and
webhook subscriptions (a secret generated and shown once)."""

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from shop.models import ApiClient, ApiScope, User, WebhookEvent, WebhookSubscription

from .addresses import webhook_url_check

# "ozg_" tells a leaked token apart in logs and secret scanners; 32 random bytes behind it.
TOKEN_PREFIX = "ozg_"  # noqa: S105  (a marker, not a secret)
# Writing last_used_at on every request would make each read a write; once a minute is enough
# to tell a client in use from a forgotten one.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewApiClient:
    client: ApiClient
    token: str  # only here, once: the database keeps its SHA-256


def _scopes_clean(scopes: Sequence[str]) -> list[str]:
    cleaned = [value for value, _ in ApiScope.choices if value in set(scopes)]
    if not cleaned or len(cleaned) != len(set(scopes)):
        raise ValidationError("Bitte wählen Sie mindestens eine der angebotenen Berechtigungen.")
    return cleaned


def _name_clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Bitte geben Sie einen Namen an.")
    if len(name) > 100:
        raise ValidationError("Der Name darf höchstens 100 Zeichen haben.")
    return name


def api_client_create(*, name: str, scopes: Sequence[str], created_by: User | None) -> NewApiClient:
    """A new client with a random token; the token is returned once and stored hashed (a
    SHA-256 suffices for 256 random bits: nothing to guess, unlike a password)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    client = ApiClient.objects.create(
        name=_name_clean(name),
        scopes=_scopes_clean(scopes),
        token_prefix=token[: len(TOKEN_PREFIX) + 4],
        token_sha256=token_sha256(token),
        created_by=created_by,
    )
    return NewApiClient(client=client, token=token)


def api_client_revoke(*, client_id: int, revoked_by: User | None) -> ApiClient:
    """The client no longer authenticates, from its next request on; revoking twice keeps the
    first time."""
    ApiClient.objects.filter(pk=client_id, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=revoked_by
    )
    return ApiClient.objects.get(pk=client_id)


def api_client_authenticate(*, token: str) -> ApiClient | None:
    """The active client of this token, or None (unknown, revoked, or not a token at all). The
    lookup is by the hash, so the token's characters are never compared one by one; the
    compare_digest confirms the row in constant time."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    digest = token_sha256(token)
    client = ApiClient.objects.filter(token_sha256=digest, revoked_at__isnull=True).first()
    if client is None or not hmac.compare_digest(client.token_sha256, digest):
        return None
    now = timezone.now()
    if client.last_used_at is None or now - client.last_used_at > LAST_USED_RESOLUTION:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
    return client


def _events_clean(events: Sequence[str]) -> list[str]:
    cleaned = [value for value, _ in WebhookEvent.choices if value in set(events)]
    if not cleaned or len(cleaned) != len(set(events)):
        raise ValidationError("Bitte wählen Sie mindestens eines der angebotenen Ereignisse.")
    return cleaned


@dataclass(frozen=True)
class NewWebhookSubscription:
    subscription: WebhookSubscription
    secret: str  # shown once; the receiver checks signatures with it


def webhook_subscription_create(
    *, name: str, url: str, events: Sequence[str], created_by: User | None
) -> NewWebhookSubscription:
    """A subscription with a generated secret (shown once). Checks the address (https, no
    internal host in production) and the events: ValidationError, nothing saved."""
    url = url.strip()
    webhook_url_check(url=url)
    subscription = WebhookSubscription.objects.create(
        name=_name_clean(name),
        url=url,
        events=_events_clean(events),
        secret=secrets.token_urlsafe(32),
        created_by=created_by,
    )
    return NewWebhookSubscription(subscription=subscription, secret=subscription.secret)


@transaction.atomic
def webhook_subscription_update(
    *, subscription_id: int, name: str, url: str, events: Sequence[str], is_active: bool
) -> WebhookSubscription:
    """Change name, address, events or whether it is active (the secret stays). Deliveries not
    yet sent go to the new address; a deactivated subscription's pending ones fail at their next
    attempt, visible in the log."""
    subscription = WebhookSubscription.objects.select_for_update().get(pk=subscription_id)
    url = url.strip()
    webhook_url_check(url=url)
    subscription.name = _name_clean(name)
    subscription.url = url
    subscription.events = _events_clean(events)
    subscription.is_active = is_active
    subscription.save(update_fields=["name", "url", "events", "is_active"])
    return subscription
