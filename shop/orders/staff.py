"""Reads for the fulfilment staff: the order list with its filters and search, and its export.
A fixed number of queries, however many orders."""

import csv
import dataclasses
import datetime
import io
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone
from oscar.core.loading import get_model

from shop.models import (
    AcceptanceRecord,
    Dienst,
    Gemeinde,
    OrderContact,
    OrderDetails,
    OrderedService,
    RolloutEvent,
    ServiceCoverage,
    Verwaltung,
)
from shop.orders.selectors import order_lines_prefetch

Order = get_model("order", "Order")
Line = get_model("order", "Line")


@dataclasses.dataclass(frozen=True)
class OrderFilters:
    text: str = ""
    status: str = ""
    verwaltung: Verwaltung | None = None
    kreis: Verwaltung | None = None
    dienst: Dienst | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def order_list_for_staff(*, filters: OrderFilters) -> QuerySet[OrderDetails]:
    """The orders of the rollout (those with details), newest first, as their details with
    order, person, Verwaltung and Kreis joined; `orders_with_lines` turns a page of them into
    orders. The text is searched in the order number (start), the Verwaltung's name, its key and
    the AGS/ARS of its Gemeinden or of the Gemeinden the order is for.

    Built for the paginated list over the whole Land: every condition on several rows of an
    order (lines, services, Gemeinden) is an EXISTS, so no order is repeated and no DISTINCT or
    id subquery is needed; the unfiltered count reads the details table alone, and a page is
    read along Oscar's index on `date_placed` (ordered by it and the id, as the index is)."""
    details = OrderDetails.objects.all()
    text = " ".join(filters.text.split())[:100]
    if text:
        gemeinde_of_verwaltung = Gemeinde.objects.filter(
            verwaltung_id=OuterRef("verwaltung_id")
        ).filter(Q(ags=text) | Q(ars=text))
        gemeinde_of_order = ServiceCoverage.objects.filter(
            ordered_service__details_id=OuterRef("pk")
        ).filter(Q(gemeinde__ags=text) | Q(gemeinde__ars=text))
        details = details.filter(
            Q(order__number__startswith=text)
            | Q(verwaltung__name__icontains=text)
            | Q(verwaltung__regional_key__startswith=text)
            | Q(verwaltung__ags=text)
            | Exists(gemeinde_of_verwaltung)
            | Exists(gemeinde_of_order)
        )
    if filters.status:
        line_with_status = Line.objects.filter(order_id=OuterRef("order_id"), status=filters.status)
        details = details.filter(Q(order__status=filters.status) | Exists(line_with_status))
    if filters.verwaltung is not None:
        details = details.filter(verwaltung=filters.verwaltung)
    if filters.kreis is not None:
        details = details.filter(verwaltung__kreis=filters.kreis)
    if filters.dienst is not None:
        details = details.filter(
            Exists(OrderedService.objects.filter(details_id=OuterRef("pk"), dienst=filters.dienst))
        )
    if filters.date_from is not None:
        details = details.filter(order__date_placed__gte=_day_start(filters.date_from))
    if filters.date_to is not None:
        end = _day_start(filters.date_to + datetime.timedelta(1))
        details = details.filter(order__date_placed__lt=end)
    return details.select_related("order__user", "verwaltung__kreis").order_by(
        "-order__date_placed", "-order_id"
    )


def orders_with_lines(*, details: Iterable[OrderDetails]) -> list:
    """The orders of the listed details with their lines (title and status: what the list
    shows). One query."""
    orders = [item.order for item in details]
    prefetch_related_objects(
        orders,
        Prefetch("lines", queryset=Line.objects.only("order_id", "title", "status").order_by("pk")),
    )
    return orders


def orders_for_export(*, details: Iterable[OrderDetails]) -> list:
    """The orders of the listed details with what the export writes of them: the lines with
    their service and its Gemeinden."""
    orders = [item.order for item in details]
    prefetch_related_objects(orders, *order_lines_prefetch())
    return orders


def order_for_staff(*, number: str):
    """One order with what the dashboard's order page shows of it: Verwaltung, contacts, the
    services with their Gemeinden and history, the acceptance records. A fixed number of
    queries."""
    return (
        Order.objects.select_related("user", "ozg_details__verwaltung__kreis")
        .prefetch_related(
            Prefetch("ozg_details__contacts", queryset=OrderContact.objects.order_by("pk")),
            *order_lines_prefetch(),
            Prefetch(
                "lines__ozg_service__events",
                queryset=RolloutEvent.objects.select_related("changed_by").order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch(
                "acceptance_records",
                queryset=AcceptanceRecord.objects.select_related(
                    "agreement_version__agreement"
                ).order_by("agreement_version__agreement__title"),
            ),
        )
        .get(number=number)
    )


EXPORT_HEADER = (
    "Bestellnummer",
    "Bestellt am",
    "Status der Bestellung",
    "Verwaltung",
    "Regionalschlüssel",
    "Kreis",
    "Bestellt von",
    "Dienst",
    "Status des Dienstes",
    "Gemeinden (AGS)",
    "Adresse des Dienstes",
    "Gewünschter Start",
)


def order_export_rows(*, orders) -> list[tuple]:
    """One row per ordered service (order line), for CSV and XLSX."""
    rows = []
    for order in orders:
        details = order.ozg_details
        verwaltung = details.verwaltung
        for line in order.lines.all():
            service = getattr(line, "ozg_service", None)
            gemeinden = (
                [row.gemeinde for row in service.coverage.all() if row.gemeinde_id]
                if service
                else []
            )
            rows.append(
                (
                    order.number,
                    timezone.localtime(order.date_placed).strftime("%d.%m.%Y %H:%M"),
                    order.status,
                    verwaltung.name,
                    verwaltung.regional_key,
                    verwaltung.kreis.name if verwaltung.kreis_id else "",
                    order.user.email if order.user else "",
                    line.title,
                    line.status,
                    ", ".join(f"{g.name} ({g.ags})" for g in gemeinden)
                    or f"{verwaltung.name} selbst",
                    service.service_url if service else "",
                    details.wished_start_date.strftime("%d.%m.%Y"),
                )
            )
    return rows


def _spreadsheet_safe(value):
    """A cell that a spreadsheet would read as a formula is written as text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def order_export_csv(*, orders) -> str:
    """Semicolon-separated with a BOM, as German Excel opens it."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(EXPORT_HEADER)
    for row in order_export_rows(orders=orders):
        writer.writerow([_spreadsheet_safe(value) for value in row])
    return out.getvalue()


def order_export_xlsx(*, orders) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Bestellungen"
    sheet.append(EXPORT_HEADER)
    for row in order_export_rows(orders=orders):
        sheet.append([_spreadsheet_safe(value) for value in row])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
