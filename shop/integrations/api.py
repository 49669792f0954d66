"""The status API for the operators' systems under /api/umsetzung/: read the orders of the Land
(filters, a cursor, "changed since") and change a position's status with the same service and
rules as the dashboard (shop.orders.rollout.lines_status_change).

Authenticated by an API client's token (`Authorization: Bearer ozg_…`, created in the
dashboard); a missing, unknown or revoked token answers 401, a token without the scope 403, each
with a German `detail`. A status change sent twice changes once: the second answer is the
current state with `changed: false`, without a second history entry, e-mail or webhook."""

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from shop.catalogue.api import ErrorOut
from shop.models import ApiClient, ApiScope, RolloutStatus
from shop.orders import selectors as order_selectors
from shop.orders.api import STATUSES, DienstRef, GemeindeOut, HistoryEntryOut, service_out
from shop.orders.rollout import lines_status_change
from shop.oscar_models import Line, Order

from .selectors import OperatorOrderFilters, operator_order_list
from .services import api_client_authenticate

MAX_ID = 2_147_483_647


class ApiClientAuth(HttpBearer):
    """The API client's token from `Authorization: Bearer …`; German 401 answers."""

    openapi_description = "API-Schlüssel eines API-Zugangs (im Dashboard unter „Schnittstellen“)"

    def __call__(self, request: HttpRequest):
        if not request.headers.get(self.header, "").lower().startswith("bearer "):
            raise HttpError(
                401, "Bitte senden Sie Ihren API-Schlüssel im Header „Authorization: Bearer …“."
            )
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> ApiClient:
        client = api_client_authenticate(token=token.strip())
        if client is None:
            raise HttpError(401, "Dieser API-Schlüssel ist unbekannt oder widerrufen.")
        return client


router = Router(tags=["Umsetzung (Betreiber)"], auth=ApiClientAuth())

SCOPE_MISSING = {
    ApiScope.READ_ORDERS: "Dieser API-Zugang darf keine Bestellungen lesen.",
    ApiScope.CHANGE_STATUS: "Dieser API-Zugang darf keinen Status ändern.",
}
NOT_AUTHORISED = {401: ErrorOut, 403: ErrorOut}


def _require(request: HttpRequest, scope: str) -> ApiClient:
    client: ApiClient = request.auth
    if scope not in client.scopes:
        raise HttpError(403, SCOPE_MISSING[scope])
    return client


class OperatorVerwaltungOut(Schema):
    id: int
    name: str
    regional_key: str = Field(description="Regionalschlüssel (5 oder 9 Stellen)")
    kreis: str | None = Field(description="Name des Kreises; leer bei Kreis und kreisfreier Stadt")
    kreis_id: int | None


class OperatorPositionOut(Schema):
    position_id: int = Field(description="Nummer der Position (ein Dienst der Bestellung)")
    dienst: DienstRef
    status: str = Field(description=STATUSES)
    service_url: str | None = Field(description="Adresse des Dienstes, erst wenn er live ist")
    for_itself: bool = Field(description="von einem Kreis für sich selbst bestellt")
    gemeinden: list[GemeindeOut]
    history: list[HistoryEntryOut]


class OperatorOrderOut(Schema):
    number: str
    date_placed: datetime.datetime
    changed_at: datetime.datetime = Field(
        description="Bestellung oder letzte Statusänderung, was später ist"
    )
    status: str = Field(description="Status der Bestellung: der ihres am wenigsten weiten Dienstes")
    verwaltung: OperatorVerwaltungOut
    wished_start_date: datetime.date
    positions: list[OperatorPositionOut]


class OperatorOrderPage(Schema):
    items: list[OperatorOrderOut]
    next: str | None = Field(description="Adresse der nächsten Seite; leer auf der letzten")


class OrderListParameters(Schema):
    status: RolloutStatus | None = Field(
        None, description="nur Bestellungen mit mindestens einem Dienst in diesem Status"
    )
    dienst: int | None = Field(None, ge=1, le=MAX_ID, description="ID eines Dienstes")
    verwaltung: int | None = Field(None, ge=1, le=MAX_ID, description="ID einer Verwaltung")
    kreis: int | None = Field(
        None, ge=1, le=MAX_ID, description="ID eines Kreises: seine und die Bestellungen darin"
    )
    since: datetime.datetime | None = Field(
        None,
        description="nur Bestellungen, die ab diesem Zeitpunkt (ISO 8601) bestellt oder geändert "
        "wurden; ohne Zeitzone gilt Europe/Berlin",
    )
    after: int = Field(
        0, ge=0, le=MAX_ID, description="Cursor: die Seite nach dieser Bestellung (aus `next`)"
    )
    limit: int = Field(50, ge=1, le=200, description="Bestellungen je Seite, höchstens 200")


# Nothing of the shop is older; an earlier `since` means everything. Clamped in UTC, also because
# the databases cannot compare dates at the edges of Python's range (year 1, 9999, odd offsets).
EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
LATEST = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)


def _since(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is None:
        return None
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        value = value.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        return EARLIEST if value.year < 2000 else LATEST
    return min(max(value, EARLIEST), LATEST)


def _position(state: order_selectors.ServiceState) -> dict:
    return {**service_out(state), "position_id": state.line.pk}


def _order(summary: order_selectors.OrderSummary) -> dict:
    order, verwaltung = summary.order, summary.verwaltung
    kreis = verwaltung.kreis
    return {
        "number": order.number,
        "date_placed": order.date_placed,
        "changed_at": order.changed_at,
        "status": order.status,
        "verwaltung": {
            "id": verwaltung.pk,
            "name": verwaltung.name,
            "regional_key": verwaltung.regional_key,
            "kreis": kreis.name if kreis else None,
            "kreis_id": kreis.pk if kreis else None,
        },
        "wished_start_date": summary.details.wished_start_date,
        "positions": [_position(state) for state in summary.services if state.ordered_service],
    }


@router.get(
    "/bestellungen",
    response={200: OperatorOrderPage, **NOT_AUTHORISED},
    # Its own URL name: Meine Dienste's list is "api:bestellungen".
    url_name="umsetzung_bestellungen",
    summary="Bestellungen des Landes, älteste zuerst, seitenweise mit Cursor",
)
def bestellungen(request: HttpRequest, parameters: Query[OrderListParameters]):
    _require(request, ApiScope.READ_ORDERS)
    orders = operator_order_list(
        filters=OperatorOrderFilters(
            status=parameters.status or "",
            dienst_id=parameters.dienst,
            verwaltung_id=parameters.verwaltung,
            kreis_id=parameters.kreis,
            since=_since(parameters.since),
            after=parameters.after,
        )
    )
    # One more than the page: whether there is a next page, without counting.
    page = order_selectors.order_summaries(orders=orders[: parameters.limit + 1])
    items, more = page[: parameters.limit], len(page) > parameters.limit
    next_url = None
    if more:
        query = request.GET.copy()
        query["after"] = str(items[-1].order.pk)
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"items": [_order(summary) for summary in items], "next": next_url}


class StatusChangeIn(Schema):
    status: str = Field(max_length=30, description=STATUSES)
    reason: str = Field(
        "", max_length=2000, description="Begründung, nötig für Abgelehnt und Storniert"
    )
    service_url: str = Field(
        "", max_length=500, description="dauerhafte https-Adresse, nötig für Live"
    )

    @field_validator("status", "reason", "service_url")
    @classmethod
    def _without_nul(cls, value: str) -> str:
        # PostgreSQL cannot store NUL characters in text.
        if "\x00" in value:
            raise PydanticCustomError("nul_character", "NUL")
        return value


class StatusChangeOut(Schema):
    changed: bool = Field(
        description="false, wenn die Position schon so stand (eine wiederholte Anfrage)"
    )
    order_status: str
    position: OperatorPositionOut


def _position_state(*, order_id: int, line_id: int) -> tuple:
    summary = order_selectors.order_summaries(orders=Order.objects.filter(pk=order_id))[0]
    state = next(state for state in summary.services if state.line.pk == line_id)
    return summary.order, state


def _already(line, change: StatusChangeIn) -> bool:
    if line.status != change.status:
        return False
    if change.status != RolloutStatus.LIVE:
        return True
    return line.ozg_service.service_url == change.service_url.strip()


@router.post(
    "/bestellungen/{number}/positionen/{position_id}/status",
    response={200: StatusChangeOut, 404: ErrorOut, 409: ErrorOut, **NOT_AUTHORISED},
    url_name="umsetzung_status_aendern",
    summary="Status einer Position ändern, mit den Regeln des Dashboards",
    description="Erlaubte Übergänge wie im Dashboard; Abgelehnt und Storniert brauchen eine "
    "Begründung, Live die https-Adresse. Die Verwaltung sieht die Änderung als „ITVSH/Dataport“ "
    "und erhält die Statusmail. 409 mit Begründung, wenn die Regeln die Änderung nicht erlauben.",
)
def status_aendern(
    request: HttpRequest,
    number: str = Path(..., max_length=128),
    position_id: int = Path(..., ge=1, le=MAX_ID),
    change: StatusChangeIn = ...,
):
    client = _require(request, ApiScope.CHANGE_STATUS)
    line = (
        Line.objects.filter(pk=position_id, order__number=number, ozg_service__isnull=False)
        .select_related("ozg_service")
        .first()
    )
    if line is None:
        raise Http404("Keine Position mit dieser Nummer in dieser Bestellung.")
    changed = False
    if not _already(line, change):
        try:
            lines_status_change(
                lines=[line],
                new_status=change.status,
                user=None,
                reason=change.reason,
                service_url=change.service_url,
                api_client=client,
            )
            changed = True
        except DjangoValidationError as error:
            # The same request twice at once: the second waited for the first's lock and
            # finds the line already so.
            line.refresh_from_db(fields=["status"])
            line.ozg_service.refresh_from_db(fields=["service_url"])
            if not _already(line, change):
                raise HttpError(409, " ".join(error.messages)) from error
    order, state = _position_state(order_id=line.order_id, line_id=line.pk)
    return {"changed": changed, "order_status": order.status, "position": _position(state)}
