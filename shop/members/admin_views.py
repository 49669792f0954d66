"""The ITVSH's list of all members in the Wagtail admin (/cms/mitglieder/), with the same
decisions as a Verwaltungsadmin has (shop.members.views.member_action_handle)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from shop.models import Membership

from . import selectors
from .views import member_page

PER_PAGE = 50


def _require_permission(request) -> None:
    if not request.user.has_perm(selectors.STAFF_PERMISSION):
        raise PermissionDenied


def members(request):
    _require_permission(request)
    text = request.GET.get("q", "")[:100]
    status = request.GET.get("status", "")
    page = Paginator(selectors.member_list_for_staff(text=text, status=status), PER_PAGE).get_page(
        request.GET.get("p")
    )
    return TemplateResponse(
        request,
        "shop/admin/members.html",
        {
            "page": page,
            "q": text,
            "status": status if status in Membership.Status.values else "",
            "statuses": Membership.Status.choices,
        },
    )


def member(request, pk: int):
    _require_permission(request)
    membership = get_object_or_404(Membership.objects.select_related("user", "verwaltung"), pk=pk)
    return member_page(
        request,
        membership,
        template="shop/admin/member.html",
        done_url=reverse("shop_members"),
        extra={"admins": selectors.admin_count(verwaltung_id=membership.verwaltung_id)},
    )
