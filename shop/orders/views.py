"""Meine Dienste: what the approved members of a Verwaltung (both roles) see of its orders and
ordered services. Read-only pages; each delegates to shop.orders.selectors."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from shop.accounts.selectors import membership_ordering_obstacle

from . import selectors


@require_GET
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    verwaltungen = selectors.meine_dienste_overview(user=request.user)
    return render(
        request,
        "shop/orders/overview.html",
        {
            "verwaltungen": verwaltungen,
            "obstacle": "" if verwaltungen else membership_ordering_obstacle(user=request.user),
        },
    )


@require_GET
@login_required
def order(request: HttpRequest, number: str) -> HttpResponse:
    try:
        record = selectors.order_record_for_user(user=request.user, number=number)
    except selectors.Order.DoesNotExist as error:
        raise Http404("Keine Bestellung Ihrer Verwaltungen mit dieser Nummer.") from error
    return render(request, "shop/orders/order_detail.html", {"record": record})


@require_GET
@login_required
def service(request: HttpRequest, verwaltung_id: int, dienst_id: int) -> HttpResponse:
    history = selectors.service_history_for_user(
        user=request.user, verwaltung_id=verwaltung_id, dienst_id=dienst_id
    )
    if history is None:
        raise Http404("Diesen Dienst hat keine Ihrer Verwaltungen bestellt.")
    return render(request, "shop/orders/service_detail.html", {"history": history})
