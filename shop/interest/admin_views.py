"""Editors see the interest in services in the Wagtail admin: per service the number of
interested Verwaltungen (/cms/interessen/) and the list of them (/cms/interessen/<dienst>/).
Read only; registered in shop/wagtail_hooks.py."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from shop.models import Dienst

from . import selectors

VIEW_PERMISSION = "shop.view_dienstinterest"


@permission_required(VIEW_PERMISSION, raise_exception=True)
def interest_overview(request):
    return TemplateResponse(
        request,
        "shop/interest/admin/overview.html",
        {"dienste": selectors.dienst_interest_overview()},
    )


@permission_required(VIEW_PERMISSION, raise_exception=True)
def interest_list(request, dienst_id: int):
    dienst = get_object_or_404(Dienst, pk=dienst_id)
    return TemplateResponse(
        request,
        "shop/interest/admin/list.html",
        {"dienst": dienst, "interests": selectors.dienst_interest_list(dienst_id=dienst.pk)},
    )
