"""A request for a Verwaltung that has Verwaltungsadmins is mailed to them, with the link to
decide it: when a signed-in person asks for a further Verwaltung, and when a new account's
address is confirmed (before that the request does not count)."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail

from shop.accounts.services import membership_request
from shop.accounts.services import registration_confirm
from shop.models import Membership
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden

pytestmark = pytest.mark.django_db


def test_the_admins_hear_of_a_request_for_their_verwaltung(
    team, django_capture_on_commit_callbacks
):
    person = UserFactory(first_name="Nele", last_name="Neu", email="nele@huettener.example")

    with django_capture_on_commit_callbacks(execute=True):
        membership = membership_request(user=person, verwaltung=team.verwaltung, role="lesend")

    (sent,) = mail.outbox
    assert sent.to == ["admin@huettener.example"]
    assert sent.subject == "Neuer Antrag auf Mitgliedschaft für Hüttener Berge – OZG-Dienste-Shop"
    assert "Nele Neu (nele@huettener.example)" in sent.body
    assert f"/konto/mitglieder/{membership.pk}/" in sent.body


def test_without_admins_the_itvsh_decides_and_nobody_else_is_mailed(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        membership_request(
            user=UserFactory(), verwaltung=amt_with_gemeinden(count=1), role="lesend"
        )

    assert not mail.outbox


def test_a_new_account_counts_once_its_address_is_confirmed(
    team, django_capture_on_commit_callbacks
):
    person = UserFactory(is_active=False, last_login=None)
    Membership.objects.create(user=person, verwaltung=team.verwaltung)

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = registration_confirm(
            user=person, token=default_token_generator.make_token(person)
        )

    assert confirmed
    assert [message.to for message in mail.outbox] == [["admin@huettener.example"]]
