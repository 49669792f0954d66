"""The members of a Verwaltung for its Verwaltungsadmins, under /konto/mitglieder/; the Wagtail
pages of the ITVSH (admin_views) handle a member's forms the same way (member_action_handle)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from shop.models import Membership

from . import selectors, services
from .forms import member_forms


def _apply(action: str, data: dict, membership: Membership, user) -> str:
    """Make the decision; what to tell the deciding person."""
    person = membership.user.get_full_name() or membership.user.email
    if action == "antrag":
        approve = data["decision"] == "approve"
        services.membership_request_decide(
            membership_id=membership.pk, approve=approve, decided_by=user, reason=data["reason"]
        )
        return f"Antrag von {person} {'bestätigt' if approve else 'abgelehnt'}."
    if action == "rolle":
        services.membership_role_change(
            membership_id=membership.pk,
            role=data["role"],
            is_admin=data["is_admin"],
            decided_by=user,
        )
        return f"Rolle von {person} geändert."
    services.membership_remove(membership_id=membership.pk, decided_by=user, reason=data["reason"])
    return f"{person} ist kein Mitglied mehr von {membership.verwaltung.name}."


def member_action_handle(request: HttpRequest, membership: Membership):
    """The forms of the member page, and on a valid POST the decision made: (message, forms);
    the message is None when nothing was decided (the forms then carry the errors)."""
    action = request.POST.get("aktion", "") if request.method == "POST" else ""
    forms = member_forms(membership=membership, action=action, data=request.POST or None)
    if request.method != "POST":
        return None, forms
    form = forms.get(action)
    if form is None:
        messages.error(
            request,
            "Diese Entscheidung passt nicht (mehr) zum Stand der Mitgliedschaft; bitte prüfen "
            "Sie die Angaben.",
        )
        return None, forms
    if form.is_valid():
        try:
            return _apply(action, form.cleaned_data, membership, request.user), forms
        except services.MemberNotFound as error:
            raise Http404(str(error)) from error
        except services.MemberError as error:
            form.add_error(None, str(error))
    return None, forms


def member_page(
    request: HttpRequest,
    membership: Membership,
    *,
    template: str,
    done_url: str,
    extra: dict | None = None,
) -> HttpResponse:
    """The page of one member (for a Verwaltungsadmin or the ITVSH): its forms and history; after
    a decision back to `done_url` with the message."""
    done, forms = member_action_handle(request, membership)
    if done:
        messages.success(request, done)
        return redirect(done_url)
    return TemplateResponse(
        request,
        template,
        {
            "membership": membership,
            "forms": forms,
            "decisions": selectors.decision_list(membership=membership),
            **(extra or {}),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def members(request: HttpRequest) -> HttpResponse:
    by_verwaltung = selectors.member_list_for_admin(user=request.user)
    if not by_verwaltung:
        raise PermissionDenied("Nur Verwaltungsadmins sehen die Mitglieder ihrer Verwaltung.")
    return render(request, "shop/members/members.html", {"by_verwaltung": by_verwaltung})


@login_required
@require_http_methods(["GET", "POST"])
def member(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_for_admin(user=request.user, pk=pk)
    if membership is None:
        raise Http404("Keine Mitgliedschaft einer Verwaltung, die Sie verwalten.")
    return member_page(
        request,
        membership,
        template="shop/members/member.html",
        done_url=reverse("shop_accounts:members"),
    )
