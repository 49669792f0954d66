"""The two-person rule of the editorial workflow: whoever submits a page cannot approve it, not
even by a forged request; Redaktion cannot publish without approval; superusers can."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask
from wagtail.models import Page
from wagtail.models import TaskState
from wagtail.models import Workflow
from wagtail.models import WorkflowPage
from wagtail.models import WorkflowTask

from cms_pages.models import SecondPersonApprovalTask
from cms_pages.models import ServicePage
from cms_pages.services import EDITORIAL_TASK_NAME
from cms_pages.services import EDITORIAL_WORKFLOW_NAME
from cms_pages.services import WAGTAIL_DEFAULT_WORKFLOW_NAME
from cms_pages.services import editorial_workflow_ensure
from shop.accounts.services import EDITORS_GROUP
from tests.factories import OzgLeistungFactory
from tests.factories import UserFactory
from tests.pages import add_url
from tests.pages import profile_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


@pytest.fixture
def editors():
    group = Group.objects.get(name=EDITORS_GROUP)
    editorial_workflow_ensure(approvers=group)
    first, second = UserFactory(), UserFactory()
    for editor in (first, second):
        editor.groups.add(group)
    return first, second


@pytest.fixture
def submitted(client, page_tree, editors):
    """A new profile that the first editor submitted for approval."""
    ozg = OzgLeistungFactory()
    client.force_login(editors[0])
    client.post(add_url(page_tree.service_index), profile_form(ozg, **{"action-submit": "submit"}))
    page = ServicePage.objects.get(slug="bewohnerparkausweis")
    assert page.current_workflow_state.requested_by == editors[0]
    return page, ozg


def workflow_action(page: ServicePage, ozg, action: str) -> dict:
    return profile_form(
        ozg,
        link_id=page.ozg_links.get().pk,
        **{"action-workflow-action": "true", "workflow-action-name": action},
    )


def test_the_submitter_is_not_offered_approval_and_the_second_editor_is(client, submitted, editors):
    page, _ozg = submitted
    edit_url = f"/cms/pages/{page.pk}/edit/"

    own = client.get(edit_url).content.decode()
    client.force_login(editors[1])
    other = client.get(edit_url).content.decode()

    assert 'data-workflow-action-name="approve"' not in own
    assert 'data-workflow-action-name="approve"' in other
    assert "Freigeben" in other


def test_a_forged_approval_by_the_submitter_is_refused(client, submitted):
    page, ozg = submitted
    task_state = page.current_workflow_task_state

    edit = client.post(
        f"/cms/pages/{page.pk}/edit/", workflow_action(page, ozg, "approve"), follow=True
    )
    modal = client.post(f"/cms/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")

    # Wagtail's answer to PermissionDenied: back to the dashboard with "keinen Zugang".
    assert (modal.status_code, modal.url) == (302, "/cms/")
    task_state.refresh_from_db()
    page.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not page.live
    assert "Freigegeben" not in edit.content.decode()


def test_the_second_editor_approves_and_is_told_so(client, submitted, editors):
    page, ozg = submitted
    client.force_login(editors[1])

    response = client.post(
        f"/cms/pages/{page.pk}/edit/", workflow_action(page, ozg, "approve"), follow=True
    )

    page.refresh_from_db()
    assert page.live
    assert "Freigegeben: „Bewohnerparkausweis online“." in response.content.decode()


def test_requesting_changes_is_confirmed(client, submitted, editors):
    page, ozg = submitted
    client.force_login(editors[1])

    response = client.post(
        f"/cms/pages/{page.pk}/edit/", workflow_action(page, ozg, "reject"), follow=True
    )

    assert "Änderungen angefordert: „Bewohnerparkausweis online“" in response.content.decode()
    assert page.current_workflow_task_state is None or not page.live


@pytest.mark.parametrize(
    ("action", "data", "confirmation"),
    [
        ("approve", {}, "Freigegeben: „Bewohnerparkausweis online“."),
        ("reject", {"comment": "Bitte die OZG-ID prüfen."}, "Änderungen angefordert: „"),
    ],
)
def test_a_decision_in_the_dashboards_dialog_is_confirmed_on_the_dashboard(
    client, submitted, editors, action, data, confirmation
):
    """The dialog posts by XMLHttpRequest and follows the redirect of the JSON answer."""
    page, _ozg = submitted
    task_state = page.current_workflow_task_state
    client.force_login(editors[1])

    answer = client.post(
        f"/cms/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/?next=/cms/",
        data,
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    dashboard = client.get(answer.json()["redirect"]).content.decode()

    assert answer.json()["step"] == "success"
    assert answer.json()["redirect"] == "/cms/"
    assert confirmation in dashboard
    task_state.refresh_from_db()
    assert task_state.status == {"approve": "approved", "reject": "rejected"}[action]


def test_a_late_decision_in_the_dialog_confirms_nothing(client, submitted, editors):
    """Another editor approved first: the late "Freigeben" of a third one decides nothing."""
    page, _ozg = submitted
    url = f"/cms/pages/workflow/action/{page.pk}/approve/{page.current_workflow_task_state.pk}/"
    client.force_login(editors[1])
    client.post(url, follow=True)  # reads its confirmation
    late = UserFactory()
    late.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(late)

    dashboard = client.post(f"{url}?next=/cms/", follow=True).content.decode()

    assert "Freigegeben" not in dashboard
    assert "wartet derzeit nicht auf Moderation" in dashboard


def test_only_others_see_a_submission_as_awaiting_their_review(submitted, editors):
    page, _ozg = submitted

    assert not TaskState.objects.reviewable_by(editors[0]).exists()
    assert list(TaskState.objects.reviewable_by(editors[1])) == [page.current_workflow_task_state]


def test_redaktion_is_not_offered_publishing_and_cannot_publish(client, page_tree, editors):
    client.force_login(editors[0])
    url = add_url(page_tree.service_index)

    form = client.get(url).content.decode()
    client.post(url, profile_form(OzgLeistungFactory(), **{"action-publish": "publish"}))

    assert 'name="action-publish"' not in form
    assert "Zur Freigabe einreichen" in form or "einreichen" in form
    assert not ServicePage.objects.get(slug="bewohnerparkausweis").live


def test_a_superuser_still_publishes_directly(admin_client, page_tree, editors):
    url = add_url(page_tree.service_index)

    assert 'name="action-publish"' in admin_client.get(url).content.decode()
    admin_client.post(url, profile_form(OzgLeistungFactory(), **{"action-publish": "publish"}))

    assert ServicePage.objects.get(slug="bewohnerparkausweis").live


def test_ensuring_the_workflow_replaces_the_plain_group_task_of_earlier_installs(
    client, page_tree, editors
):
    """Before, the workflow's task was Wagtail's GroupApprovalTask (the submitter could approve):
    a submission waiting for it moves on to the second person's task."""
    group = Group.objects.get(name=EDITORS_GROUP)
    workflow = Workflow.objects.get(name=EDITORIAL_WORKFLOW_NAME)
    WorkflowTask.objects.filter(workflow=workflow).delete()
    plain = GroupApprovalTask.objects.create(name=EDITORIAL_TASK_NAME)
    plain.groups.set([group])
    WorkflowTask.objects.create(workflow=workflow, task=plain, sort_order=0)
    client.force_login(editors[0])
    client.post(
        add_url(page_tree.service_index),
        profile_form(OzgLeistungFactory(), **{"action-submit": "submit"}),
    )
    page = ServicePage.objects.get(slug="bewohnerparkausweis")
    assert page.current_workflow_task.specific_class is GroupApprovalTask

    editorial_workflow_ensure(approvers=group)
    editorial_workflow_ensure(approvers=group)

    page = ServicePage.objects.get(pk=page.pk)
    assert isinstance(page.current_workflow_task.specific, SecondPersonApprovalTask)
    assert page.current_workflow_state.status == "in_progress"
    assert [task.specific_class for task in workflow.tasks] == [SecondPersonApprovalTask]
    assert not GroupApprovalTask.objects.get(pk=plain.pk).active
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow


def test_ensuring_the_workflow_switches_off_wagtails_default_with_self_approval(editors):
    """Wagtail's "Moderators approval" (a plain group task) must not be assigned by mistake."""
    group = Group.objects.get(name=EDITORS_GROUP)
    default, _ = Workflow.objects.get_or_create(name=WAGTAIL_DEFAULT_WORKFLOW_NAME)
    task, _ = GroupApprovalTask.objects.get_or_create(name=WAGTAIL_DEFAULT_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=default, task=task, defaults={"sort_order": 0})
    Workflow.objects.filter(pk=default.pk).update(active=True)
    GroupApprovalTask.objects.filter(pk=task.pk).update(active=True)

    editorial_workflow_ensure(approvers=group)

    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [
        EDITORIAL_WORKFLOW_NAME
    ]
    assert not GroupApprovalTask.objects.get(pk=task.pk).active
