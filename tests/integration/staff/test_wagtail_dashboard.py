"""Wagtail's dashboard for editors: open membership requests with links to decide them, the pages
awaiting their review, a confirmation after deciding, and no avatar from Gravatar."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_pages.services import editorial_workflow_ensure
from shop.accounts.services import EDITORS_GROUP
from shop.models import Membership
from tests.factories import OzgLeistungFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import staff_create
from tests.pages import add_url
from tests.pages import profile_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


def membership_request(number: int) -> Membership:
    return Membership.objects.create(
        user=UserFactory(first_name="Person", last_name=str(number)),
        verwaltung=VerwaltungFactory(name=f"Amt Nummer {number}"),
        status=Membership.Status.REQUESTED,
    )


def test_the_dashboard_lists_open_membership_requests_with_links_to_decide(client, editor):
    requests = [membership_request(n) for n in range(3)]
    client.force_login(editor)

    html = client.get("/cms/").content.decode()

    assert "Offene Mitgliedschaftsanträge (3)" in html
    for request in requests:
        assert f'href="/cms/mitgliedschaften/{request.pk}/"' in html
        assert request.verwaltung.name in html


def test_the_panel_costs_the_same_queries_for_one_request_and_for_many(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    membership_request(0)
    client.get("/cms/")
    with CaptureQueriesContext(connection) as one:
        client.get("/cms/")
    for n in range(1, 15):
        membership_request(n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get("/cms/").content.decode()

    assert "Offene Mitgliedschaftsanträge (15)" in html
    assert "Alle 15 offenen Anträge" in html


def test_without_requests_or_permission_there_is_no_panel(client, editor, page_tree):
    client.force_login(editor)
    assert "Mitgliedschaftsanträge (" not in client.get("/cms/").content.decode()

    membership_request(1)
    others = staff_create(group=EDITORS_GROUP)
    Group.objects.get(name=EDITORS_GROUP).permissions.remove(
        *Group.objects.get(name=EDITORS_GROUP).permissions.filter(codename="change_membership")
    )
    client.force_login(others)
    assert "Mitgliedschaftsanträge (" not in client.get("/cms/").content.decode()


def test_deciding_a_request_is_confirmed_in_german(client, editor):
    request = membership_request(1)
    client.force_login(editor)

    response = client.post(
        f"/cms/mitgliedschaften/{request.pk}/",
        {"decision": "reject", "reason": "unbekannt"},
        follow=True,
    )

    assert f"Mitgliedschaft abgelehnt: {request.user.email} für Amt Nummer 1." in (
        response.content.decode()
    )


def test_pages_awaiting_review_show_for_the_second_editor_not_the_submitter(
    client, page_tree, editor
):
    editorial_workflow_ensure(approvers=Group.objects.get(name=EDITORS_GROUP))
    reviewer = staff_create(group=EDITORS_GROUP)
    client.force_login(editor)
    client.post(
        add_url(page_tree.service_index),
        profile_form(OzgLeistungFactory(), **{"action-submit": "submit"}),
    )

    own = client.get("/cms/").content.decode()
    client.force_login(reviewer)
    other = client.get("/cms/").content.decode()

    assert 'id="awaiting-review' not in own
    assert 'id="awaiting-review' in other
    assert "Bewohnerparkausweis online" in other


@pytest.mark.parametrize("path", ["/cms/", "/cms/account/", "/cms/pages/"])
def test_no_avatar_is_requested_from_gravatar(admin_client, path):
    html = admin_client.get(path).content.decode()

    assert "gravatar" not in html.lower()
