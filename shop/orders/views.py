"""Meine Dienste: what the approved members of a Verwaltung (both roles) see of its orders and
ordered services. Read-only pages, except the Rückfragen on an order, which both roles may write
(see shop.orders.messages); each delegates to shop.orders.selectors and shop.orders.messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from shop.accounts.selectors import membership_ordering_obstacle

from . import messages as rueckfragen
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


def _order_record(request: HttpRequest, number: str) -> selectors.OrderRecord:
    try:
        return selectors.order_record_for_user(user=request.user, number=number)
    except selectors.Order.DoesNotExist as error:
        raise Http404("Keine Bestellung Ihrer Verwaltungen mit dieser Nummer.") from error


def _order_page(
    request: HttpRequest, *, record: selectors.OrderRecord, form: rueckfragen.OrderMessageForm
) -> HttpResponse:
    """The order page with its Rückfragen; opening it marks the staff's messages read."""
    thread = rueckfragen.order_thread_open(details=record.details, reader_is_staff=False)
    return render(
        request,
        "shop/orders/order_detail.html",
        {"record": record, "thread": thread, "message_form": form},
    )


@require_GET
@login_required
def order(request: HttpRequest, number: str) -> HttpResponse:
    record = _order_record(request, number)
    return _order_page(request, record=record, form=rueckfragen.OrderMessageForm())


@require_POST
@login_required
def order_message(request: HttpRequest, number: str) -> HttpResponse:
    """A Rückfrage from a member (either role) of the order's Verwaltung; others get 404."""
    record = _order_record(request, number)
    form = rueckfragen.OrderMessageForm(request.POST)
    form.is_valid()
    try:
        rueckfragen.order_message_post(
            details=record.details,
            author=request.user,
            text=form.data.get("text", ""),
            from_staff=False,
        )
    except ValidationError as error:
        form.add_error("text", error)
        return _order_page(request, record=record, form=form)
    messages.success(
        request,
        "Ihre Rückfrage ist gesendet. Das Umsetzungsteam antwortet hier; Sie erhalten dazu "
        "eine E-Mail.",
    )
    return redirect(rueckfragen.member_thread_path(order=record.order))


@require_GET
@login_required
def service(request: HttpRequest, verwaltung_id: int, dienst_id: int) -> HttpResponse:
    history = selectors.service_history_for_user(
        user=request.user, verwaltung_id=verwaltung_id, dienst_id=dienst_id
    )
    if history is None:
        raise Http404("Diesen Dienst hat keine Ihrer Verwaltungen bestellt.")
    return render(request, "shop/orders/service_detail.html", {"history": history})
