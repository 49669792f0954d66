"""Meine Dienste: what the approved members of a Verwaltung (both roles) see of its orders and
ordered services, and the overview as CSV or XLSX. Read-only pages, except the Rückfragen on an
order, which both roles may write (see shop.orders.messages); each delegates to
shop.orders.selectors and shop.orders.messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from shop.accounts.selectors import membership_ordering_obstacle
from shop.models import Membership, RolloutStatus
from shop.onboarding.selectors import onboarding_states
from shop.slugs import german_slug
from shop.spreadsheets import CONTENT_TYPES, WRITERS

from . import changes, documents, selectors
from . import messages as rueckfragen

SERVICES_PER_PAGE = 25
ORDERS_PER_PAGE = 25
NEWEST_ORDERS = 5


def _selected_membership(request: HttpRequest) -> tuple[list[Membership], Membership | None]:
    """The person's approved memberships and the one whose Verwaltung the page shows
    (`?verwaltung=ID`, else the first by name). 404 for an ID that is not one of them."""
    memberships = list(selectors.approved_membership_list_for_user(user=request.user))
    wanted = request.GET.get("verwaltung", "")
    if not wanted:
        return memberships, memberships[0] if memberships else None
    for membership in memberships:
        if str(membership.verwaltung_id) == wanted:
            return memberships, membership
    raise Http404("Sie sind kein bestätigtes Mitglied dieser Verwaltung.")


def _link_prefixes(verwaltung) -> dict[str, str]:
    """The paths of a service's and of an order's page up to their last argument, reversed once
    for a page full of such links rather than once a row."""
    service = reverse(
        "shop_orders:service", kwargs={"verwaltung_id": verwaltung.pk, "dienst_id": 0}
    )
    return {
        "service_prefix": service.removesuffix("0/"),
        "order_prefix": reverse("shop_orders:orders"),
    }


def _page(request: HttpRequest, queryset, per_page: int):
    """A page of `queryset` for `?seite=N`: the first for a missing or invalid number, the last
    for a number past the end."""
    return Paginator(queryset, per_page).get_page(request.GET.get("seite"))


def _status_filter(request: HttpRequest) -> str:
    """The overview's filter `?status=`: a status of the pipeline, else none (all)."""
    status = request.GET.get("status", "")
    return status if status in RolloutStatus.values else ""


def _export_query(request: HttpRequest, *, status: str) -> str:
    """The overview's filters for its export links: the Verwaltung asked for and the status."""
    query = {"verwaltung": request.GET.get("verwaltung", ""), "status": status}
    return urlencode({name: value for name, value in query.items() if value})


@require_GET
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """One row per service the selected Verwaltung has ordered (newest status, Gemeinden live
    of ordered, address, last change), 25 to a page, optionally of one status; below, its
    newest orders. A fixed number of queries, however much was ordered."""
    memberships, membership = _selected_membership(request)
    if membership is None:
        return render(
            request,
            "shop/orders/overview.html",
            {"obstacle": membership_ordering_obstacle(user=request.user)},
        )
    status = _status_filter(request)
    verwaltung = membership.verwaltung
    overview = selectors.dienst_overview(
        verwaltung=verwaltung,
        status=status,
        page_number=request.GET.get("seite"),
        per_page=SERVICES_PER_PAGE,
        newest=NEWEST_ORDERS,
    )
    return render(
        request,
        "shop/orders/overview.html",
        {
            "memberships": memberships,
            "membership": membership,
            "verwaltung": verwaltung,
            "page": overview.page,
            **_link_prefixes(verwaltung),
            "services": overview.services,
            "statuses": RolloutStatus.values,
            "status": status,
            "export_query": _export_query(request, status=status),
            "orders": overview.orders,
        },
    )


@require_GET
@login_required
def overview_export(request: HttpRequest, kind: str) -> HttpResponse:
    """The overview's rows with its filters (`?verwaltung=`, `?status=`), all of them rather
    than a page, as CSV or XLSX (`kind`, fixed by the URL). 404 for a Verwaltung the person is
    no approved member of; without any membership back to the overview, which explains."""
    _memberships, membership = _selected_membership(request)
    if membership is None:
        return redirect("shop_orders:overview")
    verwaltung = membership.verwaltung
    table = selectors.dienst_summary_table(verwaltung=verwaltung, status=_status_filter(request))
    response = HttpResponse(WRITERS[kind](table=table), content_type=CONTENT_TYPES[kind])
    stamp = timezone.localdate().isoformat()
    name = german_slug(verwaltung.name, fallback="verwaltung")
    response["Content-Disposition"] = f'attachment; filename="meine-dienste-{name}-{stamp}.{kind}"'
    return response


@require_GET
@login_required
def order_list(request: HttpRequest) -> HttpResponse:
    """Every order of the selected Verwaltung, newest first, 25 to a page."""
    memberships, membership = _selected_membership(request)
    if membership is None:
        return redirect("shop_orders:overview")
    page = _page(
        request,
        selectors.order_rows_for_verwaltung(verwaltung=membership.verwaltung),
        ORDERS_PER_PAGE,
    )
    return render(
        request,
        "shop/orders/order_list.html",
        {
            "memberships": memberships,
            "membership": membership,
            "verwaltung": membership.verwaltung,
            "page": page,
            **_link_prefixes(membership.verwaltung),
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
    order_changes = changes.member_changes(
        user=request.user,
        details=record.details,
        lines=[state.line for state in record.services],
    )
    ordered = [state for state in record.services if state.ordered_service is not None]
    onboarding = onboarding_states(services=[state.ordered_service for state in ordered])
    return render(
        request,
        "shop/orders/order_detail.html",
        {
            "record": record,
            "thread": thread,
            "message_form": form,
            "changes": order_changes,
            "onboarding": [
                (state, onboarding[state.ordered_service.pk])
                for state in ordered
                if onboarding[state.ordered_service.pk].has_checklist
            ],
        },
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
def order_document(request: HttpRequest, number: str) -> HttpResponse:
    """The order document as PDF, for every approved member (either role) of the order's
    Verwaltung; others get 404."""
    return documents.order_document_response(request, record=_order_record(request, number))


@require_GET
@login_required
def order_print(request: HttpRequest, number: str) -> HttpResponse:
    """The order document as a page to print (the same content as the PDF)."""
    return render(request, "shop/orders/print.html", {"record": _order_record(request, number)})


@require_GET
@login_required
def service(request: HttpRequest, verwaltung_id: int, dienst_id: int) -> HttpResponse:
    history = selectors.service_history_for_user(
        user=request.user, verwaltung_id=verwaltung_id, dienst_id=dienst_id
    )
    if history is None:
        raise Http404("Diesen Dienst hat keine Ihrer Verwaltungen bestellt.")
    return render(request, "shop/orders/service_detail.html", {"history": history})
