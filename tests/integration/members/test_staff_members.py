"""The ITVSH's list of all members in Wagtail (/cms/mitglieder/) with the same decisions as a
Verwaltungsadmin; the first approved member of a Verwaltung made its admin there."""

import pytest
from django.core import mail
from django.urls import reverse

from shop.models import Membership
from shop.models import MembershipDecision
from tests.factories import member_create

pytestmark = pytest.mark.django_db

MEMBERS = reverse("shop_members")


def member_url(membership) -> str:
    return reverse("shop_member", kwargs={"pk": membership.pk})


def test_the_list_shows_every_membership_searchable_and_filtered(client, editor, team, other_team):
    client.force_login(editor)

    everything = client.get(MEMBERS).content.decode()
    searched = client.get(MEMBERS, {"q": "Bredstedt"}).content.decode()
    requests = client.get(MEMBERS, {"status": "beantragt"}).content.decode()
    odd = client.get(MEMBERS, {"status": "gibt-es-nicht", "p": "x"})

    for email in (
        "admin@huettener.example",
        "kollege@bredstedt.example",
        "antrag@huettener.example",
    ):
        assert email in everything
    assert "6 Mitgliedschaften" in everything
    assert "bredstedt.example" in searched
    assert "huettener.example" not in searched
    assert "antrag@huettener.example" in requests
    assert "kollege@huettener.example" not in requests
    assert odd.status_code == 200


def test_itvsh_makes_the_first_approved_member_admin(
    client, editor, amt, django_capture_on_commit_callbacks
):
    first = member_create(verwaltung=amt, email="erste@amt.example")
    membership = Membership.objects.get(user=first)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            member_url(membership),
            {"aktion": "rolle", "rolle-role": "bestellberechtigt", "rolle-is_admin": "on"},
        )

    assert response.status_code == 302
    assert response.url == MEMBERS
    membership.refresh_from_db()
    assert membership.is_admin
    decision = MembershipDecision.objects.get(membership=membership)
    assert (decision.decided_by, decision.decided_as) == (editor, "ITVSH")
    assert "Der ITVSH hat Ihre Rolle" in mail.outbox[-1].body
    client.force_login(first)
    assert client.get(reverse("shop_accounts:members")).status_code == 200


def test_itvsh_decides_requests_and_removes_members_but_keeps_the_last_admin(client, editor, team):
    client.force_login(editor)
    colleague = team.membership(team.colleague)
    admin = team.membership(team.admin)

    approved = client.post(
        member_url(team.request), {"aktion": "antrag", "antrag-decision": "approve"}
    )
    removed = client.post(member_url(colleague), {"aktion": "entfernen"})
    last_admin = client.post(member_url(admin), {"aktion": "entfernen"})

    assert (approved.status_code, removed.status_code, last_admin.status_code) == (302, 302, 400)
    assert "mindestens eine Person als Verwaltungsadmin" in last_admin.content.decode()
    statuses = dict(Membership.objects.values_list("user__email", "status"))
    assert statuses == {
        "admin@huettener.example": "bestaetigt",
        "kollege@huettener.example": "entfernt",
        "antrag@huettener.example": "bestaetigt",
    }
    page = client.get(member_url(colleague)).content.decode()
    assert "Mitglied entfernt" in page
    assert "Rita Redakteurin (ITVSH)" in page


def test_the_old_request_page_records_its_decisions_too(client, editor, team):
    client.force_login(editor)

    client.post(f"/cms/mitgliedschaften/{team.request.pk}/", {"decision": "approve"})

    decision = MembershipDecision.objects.get(membership=team.request)
    assert (decision.action, decision.decided_as) == ("bestaetigt", "ITVSH")


@pytest.mark.parametrize("who", ["fulfilment", "admin"])
def test_people_without_the_permission_get_no_list(client, team, fulfilment, who):
    client.force_login(fulfilment if who == "fulfilment" else team.admin)

    for url in (MEMBERS, member_url(team.request)):
        assert client.get(url).status_code in (302, 403), url
    client.post(member_url(team.request), {"aktion": "antrag", "antrag-decision": "approve"})
    team.request.refresh_from_db()
    assert team.request.status == Membership.Status.REQUESTED


def test_the_menu_shows_the_members_to_editors(client, editor):
    client.force_login(editor)

    assert MEMBERS in client.get("/cms/").content.decode()


def test_a_removed_person_may_request_again_and_the_history_stays(client, editor, team):
    from shop.accounts.services import membership_request

    colleague = team.membership(team.colleague)
    client.force_login(editor)
    client.post(member_url(colleague), {"aktion": "rolle", "rolle-role": "lesend"})
    client.post(member_url(colleague), {"aktion": "entfernen"})

    again = membership_request(user=team.colleague, verwaltung=team.verwaltung, role="lesend")

    assert (again.pk, again.status, again.is_admin) == (colleague.pk, "beantragt", False)
    assert list(again.decisions.values_list("action", flat=True)) == ["entfernt", "rolle_geaendert"]
