"""Staff decide membership requests in the Wagtail admin (/cms/mitgliedschaften/)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from shop.models import Membership

from . import selectors, services
from .forms import MembershipDecisionForm

DECIDE_PERMISSION = "shop.change_membership"


def _require_permission(request) -> None:
    if not request.user.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied


def pending_memberships(request):
    _require_permission(request)
    return TemplateResponse(
        request,
        "shop/admin/memberships_pending.html",
        {"memberships": selectors.membership_list_pending()},
    )


def decide_membership(request, pk: int):
    _require_permission(request)
    membership = get_object_or_404(
        Membership.objects.select_related("user", "verwaltung"),
        pk=pk,
        status=Membership.Status.REQUESTED,
    )
    form = MembershipDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_decide(
                membership=membership,
                approve=form.cleaned_data["decision"] == "approve",
                decided_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"Entschieden: {membership.user.email}, {membership.verwaltung.name}."
            )
            return redirect("shop_memberships_pending")
    return TemplateResponse(
        request, "shop/admin/membership_decide.html", {"membership": membership, "form": form}
    )
