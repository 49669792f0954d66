"""The ITVSH's list of all members in the Wagtail admin (/cms/mitglieder/), with the same
decisions as a Verwaltungsadmin has (shop.members.views.member_action_handle)."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from shop.models import Membership

from . import selectors
from .views import member_page

PER_PAGE = 50


@permission_required(selectors.STAFF_PERMISSION, raise_exception=True)
def members(request):
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


@permission_required(selectors.STAFF_PERMISSION, raise_exception=True)
def member(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("user", "verwaltung"), pk=pk)
    return member_page(
        request,
        membership,
        template="shop/admin/member.html",
        done_url=reverse("shop_members"),
        extra={"admins": selectors.admin_count(verwaltung_id=membership.verwaltung_id)},
    )
