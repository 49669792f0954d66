"""The account services on their own: the throttle counts, confirmation of unconfirmed accounts
only, and the checks of a link that changes the sign-in address."""

from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core import signing
from django.utils import timezone

from shop.accounts import selectors
from shop.accounts import services
from shop.models import ThrottleEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def send(recipient: str) -> bool:
    return services.account_mail_send(recipient=recipient, subject="Betreff", body="Text")


def test_an_address_gets_mails_up_to_the_limit_counted_case_insensitively(
    settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = [send("Erika@Amt.example") for _ in range(settings.ACCOUNT_MAILS_PER_ADDRESS)]
        refused = send("erika@amt.example")
        other = send("kollege@amt.example")

    assert sent == [True] * settings.ACCOUNT_MAILS_PER_ADDRESS
    assert (refused, other) == (False, True)
    assert len(mail.outbox) == settings.ACCOUNT_MAILS_PER_ADDRESS + 1


def test_events_older_than_the_window_no_longer_count_and_are_pruned(settings):
    for _ in range(settings.ACCOUNT_MAILS_PER_ADDRESS):
        send("erika@amt.example")
    ThrottleEvent.objects.update(
        created_at=timezone.now() - settings.ACCOUNT_THROTTLE_WINDOW - timedelta(seconds=1)
    )

    assert send("erika@amt.example")
    assert ThrottleEvent.objects.count() == 1


def test_a_client_is_refused_after_the_limit_and_refusals_are_not_counted(settings):
    settings.ACCOUNT_REQUESTS_PER_CLIENT = 2

    admitted = [services.client_request_admit(client="192.0.2.10") for _ in range(4)]

    assert admitted == [True, True, False, False]
    assert (
        selectors.throttle_event_count(
            scope=ThrottleEvent.Scope.CLIENT_REQUEST,
            key="192.0.2.10",
            since=timezone.now() - timedelta(hours=1),
        )
        == 2
    )
    assert services.client_request_admit(client="198.51.100.7")


def test_a_confirmation_link_does_not_reactivate_an_account_staff_deactivated():
    person = UserFactory(is_active=False)
    token = default_token_generator.make_token(person)
    person.last_login = timezone.now()
    person.save()

    assert not services.registration_confirm(
        user=person, token=default_token_generator.make_token(person)
    )
    assert not services.registration_confirm(user=person, token=token)
    person.refresh_from_db()
    assert not person.is_active


def change_token(person, *, replacing: str = "", **changes) -> str:
    change = {
        "user": person.pk,
        "from": selectors.email_change_fingerprint(email=replacing or person.email),
        "to": "neu@amt.example",
        **changes,
    }
    return signing.dumps(change, salt=selectors.EMAIL_CHANGE_SALT)


def test_a_change_link_names_the_new_address_for_its_person_only():
    person = UserFactory()

    assert selectors.email_change_target(user=person, token=change_token(person)) == (
        "neu@amt.example"
    )
    with pytest.raises(selectors.EmailChangeError, match="anderen Konto"):
        selectors.email_change_target(user=UserFactory(), token=change_token(person))
    with pytest.raises(selectors.EmailChangeError, match="bereits verwendet"):
        selectors.email_change_target(
            user=person, token=change_token(person, replacing="alt@amt.example")
        )
    with pytest.raises(selectors.EmailChangeError, match="ungültig"):
        selectors.email_change_target(user=person, token=change_token(person) + "x")


def test_a_change_link_expires(settings):
    person = UserFactory()
    settings.EMAIL_CHANGE_LINK_MAX_AGE = timedelta(seconds=-1)

    with pytest.raises(selectors.EmailChangeError, match="abgelaufen"):
        selectors.email_change_target(user=person, token=change_token(person))


def test_confirming_a_change_tells_the_old_address(django_capture_on_commit_callbacks):
    person = UserFactory(email="alt@amt.example")

    with django_capture_on_commit_callbacks(execute=True):
        services.email_change_confirm(user=person, token=change_token(person))

    person.refresh_from_db()
    assert person.email == "neu@amt.example"
    (notice,) = mail.outbox
    assert notice.to == ["alt@amt.example"]
    assert "von\nalt@amt.example in neu@amt.example" in notice.body
