"""The editors' Wagtail admin around pages: a confirmation after a decision in the workflow."""

from django.contrib import messages
from wagtail import hooks
from wagtail.models import TaskState

# Per workflow action: the status it leaves its task in, and what the editor is told.
WORKFLOW_DECISIONS = {
    "approve": (TaskState.STATUS_APPROVED, "Freigegeben: „{title}“."),
    "reject": (
        TaskState.STATUS_REJECTED,
        "Änderungen angefordert: „{title}“ geht an die einreichende Person zurück.",
    ),
}


@hooks.register("after_edit_page")
def confirm_workflow_decision(request, page) -> None:
    """Wagtail says only "Seite … wurde aktualisiert" after "Freigeben" in the editor. Wagtail
    saves a refused action as a draft and runs this hook, too: the task's status tells."""
    if not request.POST.get("action-workflow-action"):
        return
    decision = WORKFLOW_DECISIONS.get(request.POST.get("workflow-action-name", ""))
    if decision is None:
        return
    status, message = decision
    latest = TaskState.objects.for_instance(page).order_by("-pk").first()
    if latest is not None and latest.status == status and latest.finished_by_id == request.user.pk:
        messages.success(request, message.format(title=page.get_admin_display_title()))
