"""A person registers for a Verwaltung, confirms the e-mail, and staff approve or reject."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from shop.accounts.selectors import membership_ordering_obstacle
from shop.accounts.selectors import verwaltungen_user_may_order_for
from shop.accounts.services import EDITORS_GROUP
from shop.models import Membership
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import staff_create
from tests.signin import is_signed_in
from tests.signin import sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "ein-sicheres-Passwort-2026"


def registration_data(chosen, **changes) -> dict:
    return {
        "first_name": "Hanna",
        "last_name": "Hüttmann",
        "email": "hanna.huettmann@amt-huettener-berge.example",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "verwaltung": chosen.pk,
        "role": "bestellberechtigt",
        **changes,
    }


def confirm_link(message) -> str:
    return re.search(r"http://testserver(/konto/bestaetigen/\S+/)", message.body).group(1)


def test_register_confirm_and_get_approved(client, amt, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/registrieren/", registration_data(amt))

    assert response.status_code == 302
    user = get_user_model().objects.get(email="hanna.huettmann@amt-huettener-berge.example")
    assert not user.is_active
    membership = Membership.objects.get(user=user)
    assert (membership.verwaltung, membership.status) == (amt, Membership.Status.REQUESTED)
    assert len(mail.outbox) == 1
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in mail.outbox[0].subject
    assert "Hüttener Berge" in mail.outbox[0].body

    confirmed = client.get(confirm_link(mail.outbox[0]))
    assert confirmed.status_code == 200
    assert "E-Mail-Adresse bestätigt" in confirmed.content.decode()
    user.refresh_from_db()
    assert user.is_active
    sign_in(client, email=user.email, password=PASSWORD)
    assert is_signed_in(client)
    assert "wird noch geprüft" in membership_ordering_obstacle(user=user)
    assert not verwaltungen_user_may_order_for(user=user).exists()

    staff = staff_create(group=EDITORS_GROUP)
    client.force_login(staff)
    pending = client.get("/cms/mitgliedschaften/")
    assert "hanna.huettmann@amt-huettener-berge.example" in pending.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        decided = client.post(f"/cms/mitgliedschaften/{membership.pk}/", {"decision": "approve"})

    assert decided.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED
    assert membership.decided_by == staff
    assert "bestätigt" in mail.outbox[-1].subject
    assert list(verwaltungen_user_may_order_for(user=user)) == [amt]
    assert membership_ordering_obstacle(user=user) == ""


def test_a_confirmation_link_works_once_and_a_forged_one_never(
    client, amt, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/registrieren/", registration_data(amt))
    user = get_user_model().objects.get()
    link = confirm_link(mail.outbox[0])

    assert client.get(link.replace(link.split("/")[-2], "falsch-token")).status_code == 400
    assert client.get("/konto/bestaetigen/xyz/abc/").status_code == 400
    assert client.get(link).status_code == 200
    assert "bereits bestätigt" in client.get(link).content.decode()
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "keine-adresse"}, "gültige E-Mail"),
        ({"password2": "anderes-Passwort-2026"}, "nicht identisch"),
        ({"password1": "kurz", "password2": "kurz"}, "zu kurz"),
        ({"verwaltung": "999999"}, "gibt es nicht (mehr)"),
        ({"first_name": ""}, "Dieses Feld ist zwingend erforderlich"),
        ({"role": "chef"}, "Bitte eine gültige Auswahl treffen"),
    ],
)
def test_bad_registration_input_is_refused_in_german_and_nothing_is_saved(
    client, amt, changes, message
):
    response = client.post("/konto/registrieren/", registration_data(amt, **changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.exists()
    assert not Membership.objects.exists()
    assert not mail.outbox


def test_the_verwaltung_can_be_searched_by_name_ags_or_ars(client, amt):
    other = VerwaltungFactory(kind="amt", name="Eiderkanal")
    for search in ("Hüttener", "01058008", "010585890008", "010585890"):
        html = client.get("/konto/registrieren/", {"verwaltung_suche": search}).content.decode()
        assert f'value="{amt.pk}"' in html, search
        assert f'value="{other.pk}"' not in html, search


def test_rejection_needs_a_reason_and_tells_the_person(
    client, amt, django_capture_on_commit_callbacks
):
    person = UserFactory()
    membership = Membership.objects.create(user=person, verwaltung=amt)
    staff = staff_create(group=EDITORS_GROUP)
    client.force_login(staff)

    without_reason = client.post(f"/cms/mitgliedschaften/{membership.pk}/", {"decision": "reject"})
    assert "Bitte begründen Sie die Ablehnung" in without_reason.content.decode()
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/cms/mitgliedschaften/{membership.pk}/",
            {"decision": "reject", "reason": "Nicht beim Amt beschäftigt."},
        )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REJECTED
    assert "abgelehnt" in mail.outbox[-1].subject
    assert "Nicht beim Amt beschäftigt." in mail.outbox[-1].body
    assert "abgelehnt" in membership_ordering_obstacle(user=person)


@pytest.mark.parametrize(
    ("status", "role", "obstacle"),
    [
        ("beantragt", "bestellberechtigt", "wird noch geprüft"),
        ("abgelehnt", "bestellberechtigt", "abgelehnt"),
        ("bestaetigt", "lesend", "nur mit Leserecht"),
    ],
)
def test_only_approved_ordering_members_may_order(amt, status, role, obstacle):
    person = UserFactory()
    Membership.objects.create(user=person, verwaltung=amt, status=status, role=role)

    assert not verwaltungen_user_may_order_for(user=person).exists()
    assert obstacle in membership_ordering_obstacle(user=person)


def test_staff_without_the_permission_do_not_reach_the_decisions(client, amt):
    membership = Membership.objects.create(user=UserFactory(), verwaltung=amt)
    wagtail_user_without_permission = UserFactory()
    group = Group.objects.create(name="Nur Admin-Zugang")
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="access_admin"))
    wagtail_user_without_permission.groups.add(group)
    client.force_login(wagtail_user_without_permission)

    assert client.get("/cms/mitgliedschaften/").status_code in (302, 403)
    client.post(f"/cms/mitgliedschaften/{membership.pk}/", {"decision": "approve"})
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED


def test_a_member_requests_a_further_verwaltung(client, amt):
    person = UserFactory()
    client.force_login(person)

    response = client.post("/konto/mitgliedschaften/", {"verwaltung": amt.pk, "role": "lesend"})

    assert response.status_code == 302
    assert Membership.objects.get(user=person).role == "lesend"
    again = client.post("/konto/mitgliedschaften/", {"verwaltung": amt.pk, "role": "lesend"})
    assert "bereits eine Mitgliedschaft" in again.content.decode()


def test_oscars_own_registration_leads_to_the_shops(client, db):
    """Registering anywhere else would skip the e-mail confirmation and the Verwaltung."""
    page = client.get(reverse("customer:login"))
    content = page.content.decode()
    assert 'name="registration_submit"' not in content
    assert reverse("shop_accounts:register") in content
    response = client.post(
        reverse("customer:login"),
        {
            "registration_submit": "Register",
            "registration-email": "umweg@kommune.example",
            "registration-password1": "ein-langes-Passwort-123",
            "registration-password2": "ein-langes-Passwort-123",
        },
    )
    assert response["Location"] == reverse("shop_accounts:register")
    assert client.get(reverse("customer:register"))["Location"] == reverse("shop_accounts:register")
    assert not get_user_model().objects.filter(email="umweg@kommune.example").exists()


def test_passwords_need_twelve_characters(client, db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("Elf-Zeichen")  # 11
    validate_password("Zwölf-Zeich1")  # 12


def test_sessions_end_after_eight_hours(client, db):
    user = UserFactory()
    client.force_login(user)
    assert client.session.get_expiry_age() == 8 * 60 * 60
