"""Changes after ordering, the members' pages: correct an order's contacts, ask to withdraw one of
its services. Members of another Verwaltung get 404, reading members 403; the rules live in
shop.orders.changes."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from . import changes, selectors
from .forms import ContactsForm
from .services import ContactData


class WithdrawalForm(forms.Form):
    """Carries the reason and its error to the page; the rules live in
    `changes.withdrawal_request_create`."""

    reason = forms.CharField(
        label="Begründung",
        error_messages={"required": changes.REASON_REQUIRED},
        help_text=f"Warum soll der Dienst nicht eingerichtet werden? Höchstens "
        f"{changes.REASON_MAX_LENGTH} Zeichen; die Begründung geht an das Umsetzungsteam.",
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": changes.REASON_MAX_LENGTH}),
    )


def _record_for_change(request: HttpRequest, number: str) -> selectors.OrderRecord:
    """The order of one of the person's Verwaltungen (else 404), when the person may change it
    (else ChangeRefused)."""
    try:
        record = selectors.order_record_for_user(user=request.user, number=number)
    except selectors.Order.DoesNotExist as error:
        raise Http404("Keine Bestellung Ihrer Verwaltungen mit dieser Nummer.") from error
    if not changes.may_change_orders(user=request.user, verwaltung=record.verwaltung):
        raise changes.ChangeRefused(changes.READ_ONLY)
    return record


def _refused(request: HttpRequest, error: changes.ChangeRefused) -> HttpResponse:
    """The 403 page with the reason (a reading member), and the way back."""
    return render(request, "403.html", {"refusal": str(error)}, status=403)


def _order_path(record: selectors.OrderRecord) -> str:
    return reverse("shop_orders:order", kwargs={"number": record.order.number})


@require_http_methods(["GET", "POST"])
@login_required
def order_contacts(request: HttpRequest, number: str) -> HttpResponse:
    """The order's contacts in the checkout's form; saving records each changed role."""
    try:
        record = _record_for_change(request, number)
    except changes.ChangeRefused as error:
        return _refused(request, error)
    details = record.details
    required = changes.data_protection_required(details=details)
    if request.method == "POST":
        form = ContactsForm(request.POST, data_protection_required=required)
        if form.is_valid():
            try:
                changed = changes.order_contacts_change(
                    details=details,
                    user=request.user,
                    contacts=[
                        ContactData(role=role, **values) for role, values in form.contacts().items()
                    ],
                )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                if changed:
                    messages.success(
                        request,
                        "Die Ansprechpersonen sind geändert. Das Umsetzungsteam erhält eine "
                        "E-Mail und sieht auch die bisherigen Angaben.",
                    )
                else:
                    messages.info(request, "Sie haben nichts geändert.")
                return redirect(_order_path(record) + "#ansprechpersonen")
    else:
        form = ContactsForm(
            initial=ContactsForm.initial_from(
                {
                    contact.role: {
                        "name": contact.name,
                        "email": contact.email,
                        "phone": contact.phone,
                    }
                    for contact in record.contacts
                }
            ),
            data_protection_required=required,
        )
    return render(request, "shop/orders/order_contacts.html", {"record": record, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def order_withdrawal(request: HttpRequest, number: str, line_id: int) -> HttpResponse:
    """Ask to withdraw one service of the order, with a reason (for a service that cannot be
    withdrawn: why not)."""
    try:
        record = _record_for_change(request, number)
    except changes.ChangeRefused as error:
        return _refused(request, error)
    state = next((state for state in record.services if state.line.pk == line_id), None)
    if state is None or state.ordered_service is None:
        raise Http404("Diesen Dienst gibt es in dieser Bestellung nicht.")
    requests = changes.withdrawal_request_list(details=record.details)
    option = changes.withdrawal_options(lines=[state.line], requests=requests)[0]
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and not option.obstacle and form.is_valid():
        try:
            changes.withdrawal_request_create(
                ordered_service=state.ordered_service,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(
                request,
                f"Ihr Antrag, „{state.title}“ zu stornieren, ist beim Umsetzungsteam. Sie "
                "erhalten eine E-Mail, sobald es entschieden hat.",
            )
            return redirect(_order_path(record) + "#stornierung")
    return render(
        request,
        "shop/orders/order_withdrawal.html",
        {"record": record, "state": state, "option": option, "form": form},
    )
