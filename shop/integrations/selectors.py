"""Reads of the integrations: the operators' order list (status API), the API clients, the
webhooks and their delivery log for staff."""

import dataclasses
import datetime

from django.db.models import DateTimeField, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from shop.models import (
    ApiClient,
    OrderedService,
    RolloutEvent,
    WebhookDelivery,
    WebhookSubscription,
)
from shop.oscar_models import Line, Order


@dataclasses.dataclass(frozen=True, kw_only=True)
class OperatorOrderFilters:
    status: str = ""
    dienst_id: int | None = None
    verwaltung_id: int | None = None
    kreis_id: int | None = None
    since: datetime.datetime | None = None
    after: int = 0  # the cursor: the id of the last order of the previous page


def operator_order_list(*, filters: OperatorOrderFilters) -> QuerySet:
    """The shop's orders for the operators' systems, oldest first by id (a stable order that
    new orders only extend, so a cursor pages through it without gaps or repeats), each with
    `changed_at`: its placement or its latest status change. `since` keeps the orders changed
    at or after it. One query; conditions on lines and services are EXISTS, so no order repeats.
    """
    latest_change = (
        RolloutEvent.objects.filter(ordered_service__details__order_id=OuterRef("pk"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    orders = Order.objects.filter(ozg_details__isnull=False, pk__gt=filters.after)
    if filters.status:
        line_with_status = Line.objects.filter(order_id=OuterRef("pk"), status=filters.status)
        orders = orders.filter(Exists(line_with_status))
    if filters.dienst_id is not None:
        orders = orders.filter(
            Exists(
                OrderedService.objects.filter(
                    details__order_id=OuterRef("pk"), dienst_id=filters.dienst_id
                )
            )
        )
    if filters.verwaltung_id is not None:
        orders = orders.filter(ozg_details__verwaltung_id=filters.verwaltung_id)
    if filters.kreis_id is not None:
        # The Kreis's own orders and those of the bodies in it.
        orders = orders.filter(
            Q(ozg_details__verwaltung__kreis_id=filters.kreis_id)
            | Q(ozg_details__verwaltung_id=filters.kreis_id)
        )
    if filters.since is not None:
        changed_since = RolloutEvent.objects.filter(
            ordered_service__details__order_id=OuterRef("pk"), created_at__gte=filters.since
        )
        orders = orders.filter(Q(date_placed__gte=filters.since) | Exists(changed_since))
    return (
        orders.select_related("ozg_details__verwaltung__kreis", "user")
        .annotate(
            # Status changes always come after the placement.
            changed_at=Coalesce(
                Subquery(latest_change), "date_placed", output_field=DateTimeField()
            )
        )
        .order_by("pk")
    )


def api_client_list() -> QuerySet[ApiClient]:
    """Active clients first, newest first, with who created and revoked them. One query."""
    return ApiClient.objects.select_related("created_by", "revoked_by").order_by(
        "revoked_at", "-created_at", "-pk"
    )


def webhook_subscription_list() -> QuerySet[WebhookSubscription]:
    return WebhookSubscription.objects.select_related("created_by").order_by("name", "pk")


DELIVERY_STATUSES = tuple(WebhookDelivery.Status.values)


def webhook_delivery_list(
    *, status: str = "", subscription: WebhookSubscription | None = None
) -> QuerySet[WebhookDelivery]:
    """The delivery log, newest first; `status` and `subscription` narrow it. One query."""
    deliveries = WebhookDelivery.objects.select_related("subscription")
    if status in DELIVERY_STATUSES:
        deliveries = deliveries.filter(status=status)
    if subscription is not None:
        deliveries = deliveries.filter(subscription=subscription)
    return deliveries.defer("payload").order_by("-created_at", "-pk")
