"""A Verwaltungsadmin manages the Verwaltung's members under /konto/mitglieder/: decides
requests, changes roles, removes members; each decision is recorded and mailed, the last admin
stays, and nobody else gets in."""

import pytest
from django.core import mail
from django.urls import reverse

from shop.accounts.selectors import verwaltungen_user_may_order_for
from shop.models import Membership
from shop.models import MembershipDecision
from tests.factories import member_create

pytestmark = pytest.mark.django_db

MEMBERS = reverse("shop_accounts:members")


def member_url(membership) -> str:
    return reverse("shop_accounts:member", kwargs={"pk": membership.pk})


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def admin_decides(client, team, django_capture_on_commit_callbacks):
    """The team's admin, signed in, POSTs a decision to a member's page; the mail it sends on
    commit goes out."""
    signed_in(client, team.admin)

    def decide(membership, data: dict):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(member_url(membership), data)

    return decide


def test_the_admin_sees_members_and_open_requests_of_the_verwaltung(client, team, other_team):
    page = signed_in(client, team.admin).get(MEMBERS)

    content = page.content.decode()
    assert page.status_code == 200
    for email in (
        "admin@huettener.example",
        "kollege@huettener.example",
        "antrag@huettener.example",
    ):
        assert email in content
    assert "Antrag entscheiden" in content
    assert "bredstedt.example" not in content


def test_the_admin_approves_a_request_recorded_and_mailed(team, admin_decides):
    response = admin_decides(team.request, {"aktion": "antrag", "antrag-decision": "approve"})

    assert response.status_code == 302
    assert response.url == MEMBERS
    team.request.refresh_from_db()
    assert team.request.status == Membership.Status.APPROVED
    assert team.request.decided_by == team.admin
    (decision,) = MembershipDecision.objects.filter(membership=team.request)
    assert (decision.action, decision.decided_by, decision.decided_as) == (
        MembershipDecision.Action.APPROVED,
        team.admin,
        "Verwaltungsadmin",
    )
    (sent,) = mail.outbox
    assert sent.to == ["antrag@huettener.example"]
    assert (
        sent.subject == "Ihre Mitgliedschaft für Hüttener Berge wurde bestätigt – OZG-Dienste-Shop"
    )
    assert "Admin Huettener (Verwaltungsadmin) hat Ihre Mitgliedschaft" in sent.body
    assert list(verwaltungen_user_may_order_for(user=team.request.user)) == [team.verwaltung]


def test_a_rejection_needs_its_reason_which_the_person_receives(client, team, admin_decides):
    without = client.post(
        member_url(team.request), {"aktion": "antrag", "antrag-decision": "reject"}
    )
    team.request.refresh_from_db()
    assert without.status_code == 400
    assert "Bitte begründen Sie die Ablehnung" in without.content.decode()
    assert team.request.status == Membership.Status.REQUESTED

    admin_decides(
        team.request,
        {"aktion": "antrag", "antrag-decision": "reject", "antrag-reason": "Nicht bei uns tätig"},
    )

    team.request.refresh_from_db()
    assert team.request.status == Membership.Status.REJECTED
    assert "Nicht bei uns tätig" in mail.outbox[-1].body
    assert MembershipDecision.objects.get(membership=team.request).reason == "Nicht bei uns tätig"


def test_the_admin_changes_a_role_and_makes_a_colleague_admin(team, admin_decides):
    colleague = team.membership(team.colleague)

    response = admin_decides(
        colleague, {"aktion": "rolle", "rolle-role": "lesend", "rolle-is_admin": "on"}
    )

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert (colleague.role, colleague.is_admin) == ("lesend", True)
    decision = MembershipDecision.objects.get(membership=colleague)
    assert (decision.role_before, decision.role_after) == ("bestellberechtigt", "lesend")
    assert (decision.admin_before, decision.admin_after) == (False, True)
    assert "Jetzt:  lesend, Verwaltungsadmin" in mail.outbox[-1].body
    assert not verwaltungen_user_may_order_for(user=team.colleague).exists()


def test_an_unchanged_role_saves_nothing(client, team):
    signed_in(client, team.admin)
    colleague = team.membership(team.colleague)

    response = client.post(
        member_url(colleague), {"aktion": "rolle", "rolle-role": "bestellberechtigt"}
    )

    assert response.status_code == 400
    assert "unverändert" in response.content.decode()
    assert not MembershipDecision.objects.exists()


def test_the_admin_removes_a_member_who_then_sees_nothing(client, team, admin_decides):
    colleague = team.membership(team.colleague)

    response = admin_decides(
        colleague, {"aktion": "entfernen", "entfernen-reason": "Ausgeschieden"}
    )

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.status == Membership.Status.REMOVED
    assert Membership.objects.filter(pk=colleague.pk).exists()
    assert MembershipDecision.objects.get(membership=colleague).action == "entfernt"
    assert mail.outbox[-1].subject == (
        "Ihre Mitgliedschaft für Hüttener Berge wurde beendet – OZG-Dienste-Shop"
    )
    assert not verwaltungen_user_may_order_for(user=team.colleague).exists()
    client.force_login(team.colleague)
    assert client.get(MEMBERS).status_code == 403


def test_the_last_admin_can_neither_be_demoted_nor_removed(client, team):
    signed_in(client, team.admin)
    own = team.membership(team.admin)

    demoted = client.post(member_url(own), {"aktion": "rolle", "rolle-role": "bestellberechtigt"})
    removed = client.post(member_url(own), {"aktion": "entfernen"})

    for response in (demoted, removed):
        assert response.status_code == 400
        assert "mindestens eine Person als Verwaltungsadmin" in response.content.decode()
    own.refresh_from_db()
    assert (own.status, own.is_admin) == (Membership.Status.APPROVED, True)
    assert not MembershipDecision.objects.exists()
    assert not mail.outbox


def test_an_admin_may_step_down_once_a_colleague_is_admin(client, team):
    member_create(verwaltung=team.verwaltung, admin=True, email="zweite@huettener.example")
    signed_in(client, team.admin)
    own = team.membership(team.admin)

    response = client.post(member_url(own), {"aktion": "rolle", "rolle-role": "bestellberechtigt"})

    assert response.status_code == 302
    own.refresh_from_db()
    assert not own.is_admin
    assert client.get(MEMBERS).status_code == 403


def test_a_member_who_is_no_admin_gets_403_and_404(client, team):
    signed_in(client, team.colleague)

    assert client.get(MEMBERS).status_code == 403
    assert client.get(member_url(team.request)).status_code == 404
    posted = client.post(
        member_url(team.request), {"aktion": "antrag", "antrag-decision": "approve"}
    )
    assert posted.status_code == 404
    team.request.refresh_from_db()
    assert team.request.status == Membership.Status.REQUESTED


def test_an_admin_of_another_verwaltung_neither_sees_nor_changes_members(client, team, other_team):
    signed_in(client, other_team.admin)
    target = team.membership(team.colleague)

    assert client.get(member_url(team.request)).status_code == 404
    for data in (
        {"aktion": "antrag", "antrag-decision": "approve"},
        {"aktion": "rolle", "rolle-role": "lesend", "rolle-is_admin": "on"},
        {"aktion": "entfernen"},
    ):
        assert client.post(member_url(target), data).status_code == 404
        assert client.post(member_url(team.request), data).status_code == 404
    target.refresh_from_db()
    team.request.refresh_from_db()
    assert (target.status, target.role, target.is_admin) == (
        "bestaetigt",
        "bestellberechtigt",
        False,
    )
    assert team.request.status == Membership.Status.REQUESTED
    assert "huettener.example" not in client.get(MEMBERS).content.decode()


def test_a_decision_that_does_not_fit_the_status_changes_nothing(client, team):
    signed_in(client, team.admin)

    response = client.post(member_url(team.request), {"aktion": "entfernen"}, follow=True)

    assert "passt nicht" in response.content.decode()
    team.request.refresh_from_db()
    assert team.request.status == Membership.Status.REQUESTED


def test_signed_out_people_are_sent_to_the_login(client, team):
    response = client.get(MEMBERS)

    assert response.status_code == 302
    assert reverse("customer:login") in response.url


def test_the_memberships_page_links_admins_to_the_members(client, team):
    admin_page = signed_in(client, team.admin).get(reverse("shop_accounts:memberships"))
    member_page = signed_in(client, team.colleague).get(reverse("shop_accounts:memberships"))

    assert MEMBERS in admin_page.content.decode()
    assert "Verwaltungsadmin" in admin_page.content.decode()
    assert MEMBERS not in member_page.content.decode()
