"""The editors' Wagtail admin around pages: a confirmation after a decision in the workflow, made
in the page editor or in the dashboard's "Freigeben"/"Änderungen anfordern" dialog; the legal
pages in the sidebar."""

from django.contrib import messages
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState

from cms_pages.templatetags.legal_links import legal_links

# Per workflow action: the status it leaves its task in, and what the editor is told.
WORKFLOW_DECISIONS = {
    "approve": (TaskState.STATUS_APPROVED, "Freigegeben: „{title}“."),
    "reject": (
        TaskState.STATUS_REJECTED,
        "Änderungen angefordert: „{title}“ geht an die einreichende Person zurück.",
    ),
}


def workflow_decision_confirm(*, request, page: Page, action_name: str) -> None:
    """Tell the editor what her decision did. Wagtail may have refused the action (a draft is
    saved instead, or the task was decided by someone else meanwhile): the task's status tells."""
    decision = WORKFLOW_DECISIONS.get(action_name)
    if decision is None:
        return
    status, message = decision
    latest = TaskState.objects.for_instance(page).order_by("-pk").first()
    if latest is not None and latest.status == status and latest.finished_by_id == request.user.pk:
        messages.success(request, message.format(title=page.get_admin_display_title()))


@hooks.register("after_edit_page")
def confirm_workflow_decision(request, page) -> None:
    """Wagtail says only "Seite … wurde aktualisiert" after "Freigeben" in the editor."""
    if request.POST.get("action-workflow-action"):
        workflow_decision_confirm(
            request=request,
            page=page,
            action_name=request.POST.get("workflow-action-name", ""),
        )


class ConfirmedWorkflowActionView(WorkflowActionView):
    """The dashboard's workflow dialog posts here and then follows the redirect it is answered
    with, silently: the message waits in the session for the page it leads to."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        workflow_decision_confirm(request=request, page=self.object, action_name=self.action_name)
        return response


class EditorialPageViewSet(PageViewSet):
    workflow_action_view_class = ConfirmedWorkflowActionView


@hooks.register("register_admin_viewset")
def register_editorial_page_viewset():
    """Registered after Wagtail's own viewset for Page (order -1), so it takes its place for
    every page type that has no viewset of its own."""
    return EditorialPageViewSet()


@hooks.register("construct_main_menu")
def legal_pages_in_the_sidebar(request, menu_items) -> None:
    """Every admin page reaches the legal pages too (BITV 2.0), the same as the public footer
    links: a submenu at the end of the sidebar, built per request, as editors may move them."""
    links = legal_links({"request": request})
    if links:
        items = [MenuItem(link.title, link.url, icon_name="doc-full") for link in links]
        menu_items.append(
            SubmenuMenuItem(
                "Rechtliche Hinweise",
                Menu(items=items),
                name="rechtliche-hinweise",
                icon_name="info-circle",
                order=100_000,
            )
        )
