"""Oscar's order dashboard as the rollout workbench. The list filters by status, Verwaltung,
Kreis, service and date, searches by number, Verwaltung, AGS and ARS, and exports what it shows
as CSV or XLSX; the order page shows the municipal details and moves lines through
shop.orders.rollout (never Oscar's own set_status, which knows none of the rules)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from oscar.apps.dashboard.orders import views

from shop.onboarding import selectors as onboarding_selectors
from shop.orders import changes, rollout, staff
from shop.orders import messages as order_messages
from shop.spreadsheets import CONTENT_TYPES

from .forms import LineStatusForm, OrderFilterForm

EXPORT_FORMATS = {
    "csv": (CONTENT_TYPES["csv"], staff.order_export_csv),
    "xlsx": (CONTENT_TYPES["xlsx"], staff.order_export_xlsx),
}


class OrderListView(views.OrderListView):
    template_name = "oscar/dashboard/orders/order_list.html"

    def get(self, request, *args, **kwargs):
        self.filter_form = OrderFilterForm(request.GET or None)
        export = request.GET.get("export")
        if export in EXPORT_FORMATS:
            return self.export(export)
        return super(views.OrderListView, self).get(request, *args, **kwargs)

    def _details(self):
        """The filtered orders as their details (see staff.order_list_for_staff)."""
        if self.filter_form.is_bound:
            self.filter_form.is_valid()
        details = staff.order_list_for_staff(filters=self.filter_form.filters())
        # Oscar's rule for who sees which order: staff all (no subquery needed), partner users
        # their own.
        if self.request.user.is_staff:
            return details
        return details.filter(order_id__in=self.base_queryset.values("pk"))

    def get_queryset(self):
        self.details = self._details()
        return staff.order_row_values(details=self.details)

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        # The same number as counting the rows, whose values join order, Verwaltung and Kreis,
        # without those joins: over the whole Land the difference is most of the page's time.
        paginator.count = self.details.count()
        return paginator

    def export(self, kind: str) -> HttpResponse:
        content_type, write = EXPORT_FORMATS[kind]
        orders = staff.orders_for_export(details=self._details())
        response = HttpResponse(write(orders=orders), content_type=content_type)
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="bestellungen-{stamp}.{kind}"'
        return response

    def get_context_data(self, **kwargs):
        # Oscar's own describes its search form, which this list does not use.
        ctx = super(views.OrderListView, self).get_context_data(**kwargs)
        ctx["filter_form"] = self.filter_form
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("export", None)
        ctx["filter_query"] = query.urlencode()
        paginator = ctx.get("paginator")
        ctx["order_count"] = paginator.count if paginator else len(ctx["orders"])
        # Only the page's orders get their lines and unread questions.
        ctx["orders"] = staff.order_rows_for_staff(rows=ctx["orders"])
        # The order pages' address up to the number, reversed once rather than once a row.
        ctx["order_url_prefix"] = reverse(
            "dashboard:order-detail", kwargs={"number": "0"}
        ).removesuffix("0/")
        return ctx


class OrderDetailView(views.OrderDetailView):
    order_actions = ("save_note", "delete_note", "confirm_withdrawal", "reject_withdrawal")
    line_actions = ("change_line_statuses",)

    def get_object(self, queryset=None):
        # Oscar's rule for who may see the order, then the order with all the page shows.
        return staff.order_for_staff(number=super().get_object(queryset).number)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["line_status_form"] = kwargs.get("line_status_form") or LineStatusForm()
        ctx["details"] = getattr(self.object, "ozg_details", None)
        ctx["unread"] = order_messages.unread_counts_for_staff(order_ids=[self.object.pk])[
            self.object.pk
        ]
        if ctx["details"] is not None:
            ctx["contact_changes"] = changes.contact_change_list(details=ctx["details"])
            ctx["withdrawals"] = changes.withdrawal_request_list(details=ctx["details"])
            ctx["onboarding"] = onboarding_selectors.onboarding_for_staff(lines=ctx["lines"])
        return ctx

    def handle_line_action(self, request, order, action):
        # A service is one line of quantity 1: no quantities to post.
        if action not in self.line_actions:
            return self.reload_page(error="Diese Aktion gibt es hier nicht.")
        line_ids = request.POST.getlist("selected_line")
        lines = list(self.get_order_lines().filter(id__in=line_ids))
        if not line_ids or len(lines) != len(set(line_ids)):
            return self.reload_page(error="Bitte wählen Sie die Dienste dieser Bestellung aus.")
        return self.change_line_statuses(request, order, lines)

    def change_line_statuses(self, request, order, lines, quantities=None):
        form = LineStatusForm(request.POST)
        if not form.is_valid():
            return self._form_error(form.errors.get("new_status", ["Ungültige Eingabe."]))
        data = form.cleaned_data
        try:
            rollout.lines_status_change(
                lines=lines,
                new_status=data["new_status"],
                user=request.user,
                reason=data["reason"],
                service_url=data["service_url"],
            )
        except ValidationError as error:
            return self._form_error(error.messages)
        summary = ", ".join(f"„{line.title}“" for line in lines)
        message = f"Status von {summary} auf „{data['new_status']}“ gesetzt."
        if data["reason"]:
            message += f" Begründung: {data['reason']}"
        order.notes.create(user=request.user, message=message, note_type="System")
        messages.success(request, f"{message} Die Kommune wird per E-Mail informiert.")
        return self.reload_page()

    def confirm_withdrawal(self, request, order):
        """The service goes to Storniert with the Verwaltung's reason (shop.orders.changes)."""
        return self._withdrawal_decide(
            request,
            order,
            decide=lambda withdrawal: changes.withdrawal_confirm(
                withdrawal=withdrawal, user=request.user
            ),
            note="Stornierung von „{title}“ auf Antrag der Verwaltung bestätigt.",
        )

    def reject_withdrawal(self, request, order):
        return self._withdrawal_decide(
            request,
            order,
            decide=lambda withdrawal: changes.withdrawal_reject(
                withdrawal=withdrawal, user=request.user, reason=request.POST.get("reason", "")
            ),
            note="Stornierung von „{title}“ abgelehnt. Begründung: {reason}",
        )

    def _withdrawal_decide(self, request, order, *, decide, note: str):
        """The posted request of this order decided, noted on the order, or the reason why
        not."""
        try:
            withdrawal = changes.withdrawal_get_for_order(
                order=order, withdrawal_id=request.POST.get("withdrawal", "")
            )
        except changes.WithdrawalRequest.DoesNotExist:
            return self.reload_page(error="Diesen Antrag auf Stornierung gibt es hier nicht.")
        try:
            withdrawal = decide(withdrawal)
        except ValidationError as error:
            return self._form_error(error.messages)
        message = note.format(
            title=withdrawal.ordered_service.line.title, reason=withdrawal.decision_reason
        )
        order.notes.create(user=request.user, message=message, note_type="System")
        messages.success(request, f"{message} Die Kommune wird per E-Mail informiert.")
        return self.reload_page()

    def _form_error(self, problems):
        for problem in problems:
            messages.error(self.request, problem)
        return self.reload_page()


class LineDetailView(views.LineDetailView):
    """Oscar's page of one line shows product, stock, shipping and payment; a service of the
    rollout is a row of its order's page, which this address leads to (with Oscar's rule of who
    may see the order)."""

    def get(self, request, *args, **kwargs):
        line = self.get_object()
        order_page = reverse("dashboard:order-detail", kwargs={"number": line.order.number})
        return HttpResponseRedirect(f"{order_page}#dienst-{line.pk}")
