"""Account safety through the HTTP layer: registration and confirmation resends do not tell
whether an address has an account, account mails are throttled per address and per client (also
behind the proxy), the sign-in address changes only after the new one is confirmed, signing out
needs a POST, and a profile cannot be deleted."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from shop.models import AcceptanceRecord
from tests.factories import DEFAULT_PASSWORD
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish

pytestmark = pytest.mark.django_db

PASSWORD = "ein-sicheres-Passwort-2026"
ADDRESS = "hanna.huettmann@amt-huettener-berge.example"
REGISTER_URL = "/konto/registrieren/"
RESEND_URL = "/konto/bestaetigung-erneut-senden/"
EMAIL_CHANGE_URL = "/konto/e-mail-adresse/"
LOGOUT_URL = reverse("customer:logout")


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """Mails leave after the commit (which the test's transaction never makes): each request's
    callbacks run as the request ends, as they would in production."""
    request = client.request

    def request_then_commit(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(**kwargs)

    client.request = request_then_commit
    return client


def registration_data(verwaltung, **changes) -> dict:
    return {
        "first_name": "Hanna",
        "last_name": "Hüttmann",
        "email": ADDRESS,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "verwaltung": verwaltung.pk,
        "role": "bestellberechtigt",
        **changes,
    }


def answer(client, url: str, data: dict, **headers) -> tuple[int, str, str]:
    """Status, redirect target and the text of the page the person ends up on, without what
    differs in every response (CSP nonce, CSRF token)."""
    response = client.post(url, data, **headers)
    location = response.get("Location", "")
    page = client.get(location) if location else response
    text = re.sub(r'(nonce|value)="[^"]*"', "", page.content.decode())
    return response.status_code, location, text


def link_in(message, path_start: str) -> str:
    return re.search(rf"http://testserver({re.escape(path_start)}\S+/)", message.body).group(1)


# Registration and confirmation resend: no enumeration


def test_registering_a_taken_address_answers_as_for_a_new_one_and_tells_the_owner(client, amt):
    owner = UserFactory(email=ADDRESS, first_name="Hanna", last_name="Hüttmann")

    taken = answer(
        client,
        REGISTER_URL,
        registration_data(amt, first_name="Klicken Sie hier", last_name="http://evil.example"),
    )
    new = answer(client, REGISTER_URL, registration_data(amt, email="neu@amt.example"))

    assert taken == new
    assert taken[0] == 302
    assert "Bitte sehen Sie in Ihr Postfach" in taken[2]
    notice, confirmation = mail.outbox
    assert notice.to == [ADDRESS]
    assert "Sie haben bereits ein Konto" in notice.subject
    assert "Sie haben versucht, sich im OZG-Dienste-Shop Schleswig-Holstein erneut" in notice.body
    assert "Passwort vergessen?" in notice.body
    assert "http://127.0.0.1:8000/shop/password-reset/" in notice.body
    assert "Klicken Sie hier" not in notice.body and "evil.example" not in notice.body
    assert confirmation.to == ["neu@amt.example"]
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in confirmation.subject
    owner.refresh_from_db()
    assert (owner.first_name, owner.check_password(DEFAULT_PASSWORD)) == ("Hanna", True)
    assert get_user_model().objects.filter(email__iexact=ADDRESS).count() == 1


def test_registering_an_unconfirmed_address_again_sends_its_confirmation_link(client, amt):
    client.post(REGISTER_URL, registration_data(amt))
    client.post(REGISTER_URL, registration_data(amt, first_name="Jemand"))

    assert len(mail.outbox) == 2
    again = mail.outbox[1]
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in again.subject
    assert "Guten Tag Hanna Hüttmann" in again.body and "Jemand" not in again.body
    assert "Hüttener Berge" in again.body
    assert client.get(link_in(again, "/konto/bestaetigen/")).status_code == 200
    assert get_user_model().objects.get(email=ADDRESS).is_active


@pytest.mark.parametrize("account", ["none", "active", "deactivated"])
def test_a_confirmation_resend_answers_the_same_and_mails_only_an_unconfirmed_account(
    client, amt, account
):
    client.post(REGISTER_URL, registration_data(amt, email="unbestaetigt@amt.example"))
    if account == "active":
        UserFactory(email=ADDRESS)
    elif account == "deactivated":
        person = UserFactory(email=ADDRESS, is_active=False)
        get_user_model().objects.filter(pk=person.pk).update(last_login=timezone.now())
    mail.outbox.clear()

    for_unconfirmed = answer(client, RESEND_URL, {"email": "unbestaetigt@amt.example"})
    for_other = answer(client, RESEND_URL, {"email": ADDRESS})

    assert for_unconfirmed == for_other
    assert for_other[1] == "/konto/bestaetigung-erneut-senden/gesendet/"
    assert "Gehört die Adresse zu einem Konto" in for_other[2]
    (resent,) = mail.outbox
    assert resent.to == ["unbestaetigt@amt.example"]
    assert client.get(link_in(resent, "/konto/bestaetigen/")).status_code == 200


def test_a_confirmation_resend_with_a_bad_address_is_refused_in_german(client, db):
    response = client.post(RESEND_URL, {"email": "keine-adresse"})

    assert response.status_code == 200
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in response.content.decode()


# Throttling per address and per client


def test_an_address_gets_at_most_the_limit_of_account_mails_and_the_answer_stays_the_same(
    client, amt, settings
):
    client.post(REGISTER_URL, registration_data(amt))
    answers = {
        answer(client, RESEND_URL, {"email": ADDRESS})
        for _ in range(settings.ACCOUNT_MAILS_PER_ADDRESS + 2)
    }

    assert len(answers) == 1
    assert len(mail.outbox) == settings.ACCOUNT_MAILS_PER_ADDRESS
    # Another address is not affected.
    client.post(RESEND_URL, {"email": ADDRESS.upper()})
    assert len(mail.outbox) == settings.ACCOUNT_MAILS_PER_ADDRESS
    client.post(REGISTER_URL, registration_data(amt, email="kollegin@amt.example"))
    assert mail.outbox[-1].to == ["kollegin@amt.example"]


def test_password_reset_mails_count_towards_the_address_limit(client, settings):
    UserFactory(email=ADDRESS)

    locations = {
        client.post(reverse("password-reset"), {"email": ADDRESS})["Location"]
        for _ in range(settings.ACCOUNT_MAILS_PER_ADDRESS + 1)
    }
    client.post("/cms/password_reset/", {"email": ADDRESS})

    assert locations == {reverse("password-reset-done")}
    assert len(mail.outbox) == settings.ACCOUNT_MAILS_PER_ADDRESS


def test_a_client_is_refused_with_429_after_the_limit_of_requests(client, amt, settings):
    settings.ACCOUNT_REQUESTS_PER_CLIENT = 4
    # Registration, resend, Oscar's and Wagtail's password reset share the count.
    submissions = [
        (REGISTER_URL, registration_data(amt, email="a@amt.example")),
        (RESEND_URL, {"email": "b@amt.example"}),
        (reverse("password-reset"), {"email": "c@amt.example"}),
        ("/cms/password_reset/", {"email": "d@amt.example"}),
    ]
    for url, data in submissions:
        assert client.post(url, data, REMOTE_ADDR="192.0.2.10").status_code == 302, url

    refused = client.post(RESEND_URL, {"email": "e@amt.example"}, REMOTE_ADDR="192.0.2.10")

    assert refused.status_code == 429
    assert "Zu viele Anfragen" in refused.content.decode()
    assert refused["Retry-After"] == "3600"
    assert not get_user_model().objects.filter(email="e@amt.example").exists()
    # Pages stay readable, and another client goes on.
    assert client.get(RESEND_URL, REMOTE_ADDR="192.0.2.10").status_code == 200
    other = client.post(RESEND_URL, {"email": "e@amt.example"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_behind_the_proxy_each_client_has_its_own_count_and_cannot_forge_another(
    client, db, settings
):
    settings.CLIENT_PROXY_COUNT = 1
    settings.ACCOUNT_REQUESTS_PER_CLIENT = 2
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    def resend(forwarded_for: str):
        return client.post(
            RESEND_URL, {"email": "x@amt.example"}, HTTP_X_FORWARDED_FOR=forwarded_for, **proxy
        ).status_code

    assert [resend("203.0.113.5"), resend("203.0.113.5")] == [302, 302]
    assert resend("203.0.113.5") == 429
    # A client naming another address in front of its own is still counted as itself.
    assert resend("198.51.100.99, 203.0.113.5") == 429
    assert resend("198.51.100.7") == 302


# Password reset


@pytest.mark.parametrize(
    ("url", "link_start"),
    [
        (reverse("password-reset"), "/shop/password-reset/confirm/"),
        ("/cms/password_reset/", "/cms/password_reset/confirm/"),
    ],
)
def test_password_reset_mails_a_german_link_and_says_nothing_about_unknown_addresses(
    client, url, link_start
):
    UserFactory(email=ADDRESS)

    known = client.post(url, {"email": ADDRESS})
    unknown = client.post(url, {"email": "niemand@amt.example"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    (message,) = mail.outbox
    assert message.subject == "Neues Passwort festlegen – OZG-Dienste-Shop"
    assert message.to == [ADDRESS]
    set_password = client.get(link_in(message, link_start), follow=True)
    assert set_password.status_code == 200
    assert 'name="new_password1"' in set_password.content.decode()


# Changing the sign-in address


@pytest.fixture
def person(client):
    person = UserFactory(email=ADDRESS, first_name="Hanna", last_name="Hüttmann")
    client.force_login(person)
    return person


def request_change(client, new_email: str = "hanna@neues-amt.example") -> str:
    response = client.post(EMAIL_CHANGE_URL, {"new_email": new_email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    return link_in(mail.outbox[-1], "/konto/e-mail-adresse/bestaetigen/")


def test_the_address_changes_after_the_new_one_is_confirmed_and_the_old_one_is_told(client, person):
    link = request_change(client)

    (confirmation,) = mail.outbox
    assert confirmation.to == ["hanna@neues-amt.example"]
    assert "Bitte bestätigen Sie Ihre neue E-Mail-Adresse" in confirmation.subject
    assert ADDRESS not in confirmation.body
    person.refresh_from_db()
    assert person.email == ADDRESS
    shown = client.get(link)
    assert shown.status_code == 200
    assert "von hanna.huettmann@amt-huettener-berge.example in hanna@neues-amt.example" in (
        shown.content.decode()
    )
    person.refresh_from_db()
    assert person.email == ADDRESS

    changed = client.post(link)

    assert changed["Location"] == reverse("customer:profile-view")
    person.refresh_from_db()
    assert person.email == "hanna@neues-amt.example"
    notice = mail.outbox[-1]
    assert notice.to == [ADDRESS]
    assert "Ihre Anmeldeadresse wurde geändert" in notice.subject
    assert "hanna@neues-amt.example" in notice.body
    # Used up: neither opening nor confirming it again does anything.
    assert client.get(link).status_code == 400
    reused = client.post(link)
    assert reused.status_code == 400
    assert "bereits verwendet" in reused.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"new_email": "neu@amt.example", "password": "falsch"}, "Das Passwort stimmt nicht"),
        ({"new_email": "kein-at", "password": DEFAULT_PASSWORD}, "gültige E-Mail-Adresse"),
        ({"new_email": ADDRESS.upper(), "password": DEFAULT_PASSWORD}, "bereits Ihre"),
    ],
)
def test_a_bad_change_request_is_refused_in_german_and_sends_nothing(client, person, data, message):
    response = client.post(EMAIL_CHANGE_URL, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not mail.outbox


def test_a_link_of_another_person_changes_nothing(client, person):
    link = request_change(client)
    other = UserFactory()
    client.force_login(other)

    response = client.post(link)

    assert response.status_code == 400
    assert "gehört zu einem anderen Konto" in response.content.decode()
    person.refresh_from_db()
    assert person.email == ADDRESS
    assert not get_user_model().objects.filter(email="hanna@neues-amt.example").exists()


def test_an_expired_or_forged_link_changes_nothing(client, person, monkeypatch):
    with monkeypatch.context() as past:
        two_days_ago = time.time() - 2 * 24 * 60 * 60
        past.setattr(time, "time", lambda: two_days_ago)
        link = request_change(client)

    expired = client.post(link)
    forged = client.post(link.replace("/bestaetigen/", "/bestaetigen/x"))

    assert expired.status_code == forged.status_code == 400
    assert "abgelaufen" in expired.content.decode()
    assert "ungültig" in forged.content.decode()
    person.refresh_from_db()
    assert person.email == ADDRESS


def test_an_address_taken_meanwhile_is_refused(client, person):
    link = request_change(client)
    UserFactory(email="Hanna@neues-amt.example")

    response = client.post(link)

    assert response.status_code == 400
    assert "inzwischen ein anderes Konto" in response.content.decode()
    person.refresh_from_db()
    assert person.email == ADDRESS


def test_the_change_request_needs_a_signed_in_person(client, db):
    response = client.get(EMAIL_CHANGE_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))


def test_oscars_profile_form_changes_the_name_but_not_the_address(client, person):
    page = client.get(reverse("customer:profile-view")).content.decode()
    assert reverse("shop_accounts:email_change") in page

    response = client.post(
        reverse("customer:profile-update"),
        {"first_name": "Johanna", "last_name": "Hüttmann", "email": "fremd@amt.example"},
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.email) == ("Johanna", ADDRESS)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"first_name": "", "last_name": "Hüttmann"}, "Bitte geben Sie Ihren Vornamen an."),
        ({"first_name": "Johanna", "last_name": "  "}, "Bitte geben Sie Ihren Nachnamen an."),
    ],
)
def test_the_name_cannot_be_removed_from_the_profile(client, person, data, message):
    """It names the person in the acceptance records of the orders, as at the registration."""
    client.force_login(person)
    before = (person.first_name, person.last_name)

    response = client.post(reverse("customer:profile-update"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == before


# Signing out


def test_signing_out_needs_a_post(client, person):
    page = client.get(LOGOUT_URL)

    assert page.status_code == 200
    assert "Möchten Sie sich abmelden?" in page.content.decode()
    assert "_auth_user_id" in client.session

    signed_out = client.post(LOGOUT_URL)

    assert signed_out.status_code == 302
    assert "_auth_user_id" not in client.session


def test_every_page_signs_out_with_a_form_not_a_link(client, person):
    for url in ("/konto/mitgliedschaften/", reverse("customer:profile-view")):
        html = client.get(url).content.decode()
        assert f'href="{LOGOUT_URL}"' not in html, url
        assert re.search(rf'<form[^>]*method="post" action="{LOGOUT_URL}"', html), url


def test_the_wagtail_admin_signs_out_on_post_only(client, person):
    person.is_superuser = person.is_staff = True
    person.save()

    refused = client.get("/cms/logout/")

    assert refused.status_code == 405
    assert "_auth_user_id" in client.session
    assert client.get("/cms/").status_code == 200
    client.post("/cms/logout/")
    assert "_auth_user_id" not in client.session


def test_an_anonymous_visit_of_the_logout_page_leads_home(client, db):
    assert client.get(LOGOUT_URL)["Location"] == "/"


# Deleting the profile


def test_a_person_who_has_ordered_cannot_delete_the_profile(client, db):
    terms_of_use_publish()
    amt = amt_with_gemeinden()
    member = member_create(verwaltung=amt)
    order = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    client.force_login(member)

    assert (
        'id="delete_profile"' not in client.get(reverse("customer:profile-view")).content.decode()
    )
    # Oscar's profile deletion is no page of the shop (oscar_overrides.customer).
    shown = client.get("/shop/accounts/profile/delete/")
    deleted = client.post("/shop/accounts/profile/delete/", {"password": DEFAULT_PASSWORD})

    assert shown.status_code == deleted.status_code == 404
    assert "Seite nicht gefunden" in deleted.content.decode()
    assert get_user_model().objects.filter(pk=member.pk, is_active=True).exists()
    assert AcceptanceRecord.objects.filter(order=order, user=member).exists()
