"""Reads for the fulfilment staff: the order list with its filters and search, and its export.
A fixed number of queries, however many orders."""

import dataclasses
import datetime
from collections.abc import Iterable

from django.db.models import (
    Count,
    Exists,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.utils import timezone

from shop.models import (
    AcceptanceRecord,
    Dienst,
    Gemeinde,
    OrderContact,
    OrderDetails,
    OrderedService,
    ServiceCoverage,
    Verwaltung,
)
from shop.onboarding.selectors import ServiceRef, onboarding_missing_counts
from shop.orders.messages import unread_counts_for_staff, unread_for_staff
from shop.orders.pipeline import progress
from shop.orders.selectors import order_lines_prefetch, rollout_events_prefetch
from shop.oscar_models import Line, Order, OrderNote
from shop.search import search_text
from shop.spreadsheets import Table, local_minute, number_or_text, table_csv, table_xlsx


@dataclasses.dataclass(frozen=True)
class OrderFilters:
    text: str = ""
    status: str = ""
    verwaltung: Verwaltung | None = None
    kreis: Verwaltung | None = None
    dienst: Dienst | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    start_due: bool = False
    unread: bool = False


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def order_list_for_staff(*, filters: OrderFilters) -> QuerySet[OrderDetails]:
    """The orders of the rollout (those with details), newest first, as their details with
    order, person, Verwaltung and Kreis joined; `order_row_values` and `order_rows_for_staff`
    turn them into the rows of the list. The text is searched in the order number (start), the
    Verwaltung's name, its key and the AGS/ARS of its Gemeinden or of the Gemeinden the order is
    for.

    Built for the paginated list over the whole Land: every condition on several rows of an
    order (lines, services, Gemeinden) is an EXISTS, so no order is repeated and no DISTINCT or
    id subquery is needed; the unfiltered count reads the details table alone, and a page is
    read along Oscar's index on `date_placed` (ordered by it and the id, as the index is)."""
    details = OrderDetails.objects.all()
    text = search_text(filters.text)
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
    if filters.start_due:
        details = details.filter(_start_due(today=timezone.localdate()))
    if filters.unread:
        details = details.filter(Exists(unread_for_staff().filter(details_id=OuterRef("pk"))))
    return details.select_related("order__user", "verwaltung__kreis").order_by(
        "-order__date_placed", "-order_id"
    )


@dataclasses.dataclass(frozen=True)
class StaffOrderRow:
    """One order of the dashboard's list, as plain values."""

    order_id: int
    number: str
    date_placed: datetime.datetime
    status: str
    verwaltung_name: str
    regional_key: str
    kreis_name: str
    # Title, status and the number of required onboarding data still missing (shop.onboarding)
    # of each ordered service.
    lines: list[tuple[str, str, int]]
    unread_messages: int


ORDER_ROW_FIELDS = (
    "order_id",
    "order__number",
    "order__date_placed",
    "order__status",
    "verwaltung__name",
    "verwaltung__regional_key",
    "verwaltung__kreis__name",
)


def order_row_values(*, details: QuerySet[OrderDetails]) -> QuerySet:
    """`order_list_for_staff`'s orders as the values a row of the list shows, for a Paginator:
    no model instances for a page that shows only a few of their fields."""
    return details.values(*ORDER_ROW_FIELDS)


def order_rows_for_staff(*, rows: Iterable[dict]) -> list[StaffOrderRow]:
    """A page of `order_row_values` with the title, status and missing onboarding data of each
    order's lines and its unread questions. At most five queries (onboarding_missing_counts)."""
    rows = list(rows)
    order_ids = [row["order_id"] for row in rows]
    found = list(
        Line.objects.filter(order_id__in=order_ids)
        .order_by("pk")
        .values_list("order_id", "title", "status", "ozg_service__pk", "ozg_service__dienst_id")
    )
    onboarding_missing = onboarding_missing_counts(
        services=[
            ServiceRef(pk=service_id, dienst_id=dienst_id)
            for *_, service_id, dienst_id in found
            if service_id is not None
        ]
    )
    lines: dict[int, list[tuple[str, str, int]]] = {order_id: [] for order_id in order_ids}
    for order_id, title, status, service_id, _ in found:
        lines[order_id].append((title, status, onboarding_missing.get(service_id, 0)))
    unread = unread_counts_for_staff(order_ids=order_ids)
    return [
        StaffOrderRow(
            order_id=row["order_id"],
            number=row["order__number"],
            date_placed=row["order__date_placed"],
            status=row["order__status"],
            verwaltung_name=row["verwaltung__name"],
            regional_key=row["verwaltung__regional_key"],
            kreis_name=row["verwaltung__kreis__name"] or "",
            lines=lines[row["order_id"]],
            unread_messages=unread[row["order_id"]],
        )
        for row in rows
    ]


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
            rollout_events_prefetch("lines__ozg_service__events"),
            Prefetch(
                "acceptance_records",
                queryset=AcceptanceRecord.objects.select_related(
                    "agreement_version__agreement"
                ).order_by("agreement_version__agreement__title"),
            ),
            # Oscar's notes tab names each note's author; status changes and withdrawal
            # decisions write one note each.
            Prefetch("notes", queryset=OrderNote.objects.select_related("user")),
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
    "Anzahl Gemeinden",
    "Adresse des Dienstes",
    "Gewünschter Start",
)


def order_export_rows(*, orders) -> list[tuple]:
    """One row per ordered service (order line), for CSV and XLSX, as typed values: the order
    number and the number of Gemeinden as int, the time of ordering as a local datetime (without
    time zone, as spreadsheets keep it), the wished start as a date. Keys (Regionalschlüssel,
    AGS) stay text: their leading zeros count."""
    rows = []
    for order in orders:
        details = order.ozg_details
        verwaltung = details.verwaltung
        placed = local_minute(order.date_placed)
        for line in order.lines.all():
            service = getattr(line, "ozg_service", None)
            gemeinden = (
                [row.gemeinde for row in service.coverage.all() if row.gemeinde_id]
                if service
                else []
            )
            rows.append(
                (
                    number_or_text(order.number),
                    placed,
                    order.status,
                    verwaltung.name,
                    verwaltung.regional_key,
                    verwaltung.kreis.name if verwaltung.kreis_id else "",
                    order.user.email if order.user else "",
                    line.title,
                    line.status,
                    ", ".join(f"{g.name} ({g.ags})" for g in gemeinden)
                    or f"{verwaltung.name} selbst",
                    len(gemeinden),
                    service.service_url if service else "",
                    details.wished_start_date,
                )
            )
    return rows


def order_export_table(*, orders) -> Table:
    return Table(title="Bestellungen", header=EXPORT_HEADER, rows=order_export_rows(orders=orders))


def order_export_csv(*, orders) -> str:
    return table_csv(table=order_export_table(orders=orders))


def order_export_xlsx(*, orders) -> bytes:
    return table_xlsx(table=order_export_table(orders=orders))


# The workbench: the dashboard's start page for the fulfilment staff.

# The statuses that still need work, in the pipeline's order (the way forward without its goal).
WORKBENCH_STATUSES = progress()[:-1]
WORKBENCH_LINES_PER_STATUS = 10
WORKBENCH_DUE_DAYS = 14
WORKBENCH_ROWS = 20


@dataclasses.dataclass(frozen=True)
class QueueLine:
    order_number: str
    title: str
    verwaltung: str
    placed: datetime.date
    age_days: int
    wished_start: datetime.date


@dataclasses.dataclass(frozen=True)
class StatusQueue:
    status: str
    count: int
    oldest_age_days: int | None
    lines: list[QueueLine]


@dataclasses.dataclass(frozen=True)
class DueOrder:
    order_number: str
    verwaltung: str
    wished_start: datetime.date
    days_left: int  # negative: overdue by that many days
    open_lines: int

    @property
    def overdue_days(self) -> int:
        return -self.days_left


@dataclasses.dataclass(frozen=True)
class UnreadThread:
    order_number: str
    verwaltung: str
    unread: int
    oldest: datetime.datetime


@dataclasses.dataclass(frozen=True)
class Workbench:
    queues: list[StatusQueue]
    due: list[DueOrder]
    due_count: int
    due_within_days: int
    unread: list[UnreadThread]
    unread_count: int


def _shop_lines() -> QuerySet:
    return Line.objects.filter(order__ozg_details__isnull=False)


def workbench_for_staff(*, today: datetime.date | None = None) -> Workbench:
    """What is waiting for the fulfilment staff: per open status the number of services (order
    lines), the age of the oldest and the oldest few; the orders whose wished start is due within
    WORKBENCH_DUE_DAYS days or overdue while services are open; the orders with Rückfragen of the
    municipality that nobody has read. A fixed number of queries (one per open status plus four),
    however many orders there are."""
    today = today or timezone.localdate()
    summary = {
        row["status"]: row
        for row in _shop_lines()
        .filter(status__in=WORKBENCH_STATUSES)
        .values("status")
        .annotate(count=Count("pk"), oldest=Min("order__date_placed"))
        .order_by()
    }
    queues = []
    for status in WORKBENCH_STATUSES:
        row = summary.get(status)
        lines = (
            _shop_lines()
            .filter(status=status)
            .order_by("order__date_placed", "pk")
            .values_list(
                "order__number",
                "title",
                "order__ozg_details__verwaltung__name",
                "order__date_placed",
                "order__ozg_details__wished_start_date",
            )[:WORKBENCH_LINES_PER_STATUS]
        )
        queues.append(
            StatusQueue(
                status=status,
                count=row["count"] if row else 0,
                oldest_age_days=_age_days(row["oldest"], today) if row else None,
                lines=[
                    QueueLine(
                        order_number=number,
                        title=title,
                        verwaltung=verwaltung,
                        placed=timezone.localdate(placed),
                        age_days=_age_days(placed, today),
                        wished_start=wished_start,
                    )
                    for number, title, verwaltung, placed, wished_start in lines
                ],
            )
        )
    due = (
        OrderDetails.objects.filter(_start_due(today=today))
        .values("order__number", "verwaltung__name", "wished_start_date")
        .annotate(
            open_lines=Count("order__lines", filter=Q(order__lines__status__in=WORKBENCH_STATUSES))
        )
        .order_by("wished_start_date", "order__number")
    )
    unread = (
        unread_for_staff()
        .values("details__order__number", "details__verwaltung__name")
        .annotate(unread=Count("pk"), oldest=Min("created_at"))
        .order_by("oldest")
    )
    return Workbench(
        queues=queues,
        due=[
            DueOrder(
                order_number=row["order__number"],
                verwaltung=row["verwaltung__name"],
                wished_start=row["wished_start_date"],
                days_left=(row["wished_start_date"] - today).days,
                open_lines=row["open_lines"],
            )
            for row in due[:WORKBENCH_ROWS]
        ],
        due_count=due.count(),
        due_within_days=WORKBENCH_DUE_DAYS,
        unread=[
            UnreadThread(
                order_number=row["details__order__number"],
                verwaltung=row["details__verwaltung__name"],
                unread=row["unread"],
                oldest=row["oldest"],
            )
            for row in unread[:WORKBENCH_ROWS]
        ],
        unread_count=unread.count(),
    )


def _start_due(*, today: datetime.date) -> Q:
    """Orders (as their details) with a service still open whose wished start has passed or
    comes within WORKBENCH_DUE_DAYS days."""
    open_line = Line.objects.filter(order_id=OuterRef("order_id"), status__in=WORKBENCH_STATUSES)
    return Q(wished_start_date__lte=today + datetime.timedelta(WORKBENCH_DUE_DAYS)) & Q(
        Exists(open_line)
    )


def _age_days(placed: datetime.datetime, today: datetime.date) -> int:
    return (today - timezone.localdate(placed)).days
