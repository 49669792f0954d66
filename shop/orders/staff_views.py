"""The fulfilment staff's side of the Rückfragen: an order's thread with the reply form, in the
look of Oscar's dashboard (which links here from its order page). Delegates to
shop.orders.messages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods
from oscar.views.decorators import permissions_required

from . import documents, selectors
from . import messages as rueckfragen

# Like Oscar's dashboard: active staff with order.change_order, or a superuser; anonymous people
# go to the dashboard's login, everyone else signed in gets 403.
STAFF_PERMISSIONS = (["is_staff", "order.change_order"], ["is_superuser"])
# Reading an order's document changes nothing: the permission to see orders is enough.
VIEW_PERMISSIONS = (["is_staff", "order.view_order"], ["is_superuser"])


@require_http_methods(["GET", "POST"])
@permissions_required(STAFF_PERMISSIONS, login_url=reverse_lazy("dashboard:login"))
def order_messages(request: HttpRequest, number: str) -> HttpResponse:
    try:
        order = rueckfragen.order_get_for_staff(number=number)
    except rueckfragen.Order.DoesNotExist as error:
        raise Http404("Keine Bestellung mit dieser Nummer.") from error
    details = order.ozg_details
    form = rueckfragen.OrderMessageForm(request.POST or None)
    if request.method == "POST":
        form.is_valid()
        try:
            rueckfragen.order_message_post(
                details=details,
                author=request.user,
                text=form.data.get("text", ""),
                from_staff=True,
            )
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, "Die Nachricht ist gesendet; die Kommune erhält eine E-Mail.")
            return redirect(rueckfragen.staff_thread_path(order=order))
    thread = rueckfragen.order_thread_open(details=details, reader_is_staff=True)
    return render(
        request,
        "shop/orders/staff_messages.html",
        {"order": order, "details": details, "thread": thread, "message_form": form},
    )


@require_GET
@permissions_required(VIEW_PERMISSIONS, login_url=reverse_lazy("dashboard:login"))
def order_document(request: HttpRequest, number: str) -> HttpResponse:
    """The order document as PDF for the fulfilment staff (linked from the dashboard's order
    page)."""
    try:
        record = selectors.order_record_for_staff(number=number)
    except selectors.Order.DoesNotExist as error:
        raise Http404("Keine Bestellung mit dieser Nummer.") from error
    return documents.order_document_response(request, record=record)
