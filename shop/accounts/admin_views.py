"""Staff decide membership requests in the Wagtail admin (/cms/mitgliedschaften/), the oldest of
them also listed on Wagtail's dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.ui.components import Component

from shop.members import services as member_services
from shop.models import Membership

from . import selectors
from .forms import MembershipDecisionForm

DECIDE_PERMISSION = "shop.change_membership"


class PendingMembershipsPanel(Component):
    """On Wagtail's dashboard, before the pages awaiting review: the oldest open requests, each
    with its link to decide, and how many there are."""

    name = "pending_memberships"
    order = 200
    template_name = "shop/admin/home_memberships_pending.html"
    shown = 10

    def get_context_data(self, parent_context):
        pending = selectors.membership_list_pending()
        count = pending.count()
        return {
            "memberships": list(pending[: self.shown]) if count else [],
            "count": count,
            "heading": f"Offene Mitgliedschaftsanträge ({count})",
        }


@permission_required(DECIDE_PERMISSION, raise_exception=True)
def pending_memberships(request):
    return TemplateResponse(
        request,
        "shop/admin/memberships_pending.html",
        {"memberships": selectors.membership_list_pending()},
    )


@permission_required(DECIDE_PERMISSION, raise_exception=True)
def decide_membership(request, pk: int):
    membership = get_object_or_404(
        Membership.objects.select_related("user", "verwaltung"),
        pk=pk,
        status=Membership.Status.REQUESTED,
    )
    form = MembershipDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            member_services.membership_request_decide(
                membership_id=membership.pk,
                approve=approve,
                decided_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except member_services.MemberError as error:
            form.add_error(None, str(error))
        else:
            decision = "bestätigt" if approve else "abgelehnt"
            messages.success(
                request,
                f"Mitgliedschaft {decision}: {membership.user.email} für "
                f"{membership.verwaltung.name}.",
            )
            return redirect("shop_memberships_pending")
    return TemplateResponse(
        request, "shop/admin/membership_decide.html", {"membership": membership, "form": form}
    )
