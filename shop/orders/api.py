"""Meine Dienste as JSON: a signed-in member's Verwaltungen, their orders with services, statuses,
Gemeinden, each service's history and accepted agreements, and their ordered services.
Read-only: acceptance records are evidence and no endpoint changes or deletes anything. Session
authentication (401 otherwise); another Verwaltung's order is 404."""

import datetime
from collections.abc import Callable, Sequence

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from shop.catalogue.api import BoundedLimitOffsetPagination, ErrorOut

from . import pipeline, selectors

router = Router(tags=["Meine Dienste"], auth=django_auth)


NOT_SIGNED_IN = {401: ErrorOut}


class VerwaltungOut(Schema):
    id: int
    name: str
    kind: str = Field(description="kreis, kreisfreie_stadt, amt, amtsfreie_gemeinde, …")
    regional_key: str = Field(description="Regionalschlüssel (5 oder 9 Stellen)")
    role: str = Field(description="Rolle der Person: bestellberechtigt oder lesend")


class VerwaltungRef(Schema):
    id: int
    name: str


class DienstRef(Schema):
    id: int | None = Field(description="leer bei einer Position ohne Dienst des Shops")
    title: str


class GemeindeOut(Schema):
    ags: str = Field(description="Amtlicher Gemeindeschlüssel, 8 Stellen")
    name: str


STATUSES = ", ".join(stage.status for stage in pipeline.STAGES)


class HistoryEntryOut(Schema):
    at: datetime.datetime = Field(description="Zeitpunkt der Bestellung oder der Änderung")
    status: str = Field(description=f"Status danach: {STATUSES}")
    old_status: str | None = Field(description="Status davor; leer beim Eintrag der Bestellung")
    changed_by: str = Field(
        description=f"„{selectors.STAFF_ACTOR}“ für das Umsetzungsteam, sonst der Name des "
        "Mitglieds der Verwaltung"
    )
    reason: str = Field(description="Begründung bei Abgelehnt und Storniert, sonst leer")
    service_url: str | None = Field(description="beim Wechsel auf Live: die Adresse des Dienstes")


HISTORY = "Verlauf: die Bestellung und jede Statusänderung, älteste zuerst"


class OrderServiceOut(Schema):
    dienst: DienstRef
    status: str = Field(description=STATUSES)
    service_url: str | None = Field(description="Adresse des Dienstes, erst wenn er live ist")
    for_itself: bool = Field(description="von einem Kreis für sich selbst bestellt")
    gemeinden: list[GemeindeOut]
    history: list[HistoryEntryOut] = Field(description=HISTORY)


class OrderOut(Schema):
    number: str
    date_placed: datetime.datetime
    status: str
    verwaltung: VerwaltungRef
    services: list[OrderServiceOut]


class ContactOut(Schema):
    role: str
    role_label: str
    name: str
    email: str
    phone: str


class AcceptanceOut(Schema):
    agreement: str = Field(description="Titel der Vereinbarung")
    version: str
    text_sha256: str = Field(description="SHA-256 des angenommenen Textes")
    person_name: str
    person_email: str
    verwaltung_name: str
    accepted_at: datetime.datetime


class OrderDetailOut(OrderOut):
    placed_by: str
    wished_start_date: datetime.date
    remarks: str
    contacts: list[ContactOut]
    agreements: list[AcceptanceOut]


class OrderedServiceOut(Schema):
    id: int
    dienst: DienstRef
    verwaltung: VerwaltungRef
    status: str
    service_url: str | None = Field(description="Adresse des Dienstes, erst wenn er live ist")
    for_itself: bool
    gemeinden: list[GemeindeOut]
    history: list[HistoryEntryOut] = Field(description=HISTORY)
    order_number: str


class RowsOnDemand(Sequence):
    """Rows for django-ninja's pagination: counted in SQL, and only the requested slice becomes
    response items (an Amt with hundreds of ordered services gets them a page at a time)."""

    def __init__(self, rows: QuerySet, items: Callable[[QuerySet], list]):
        self.rows = rows
        self.items = items

    def __len__(self) -> int:
        return self.rows.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("RowsOnDemand answers slices only")
        return self.items(self.rows[index])


def service_out(state: selectors.ServiceState) -> dict:
    return {
        "dienst": {"id": state.dienst_id, "title": state.title},
        "status": state.status,
        "service_url": state.live_url or None,
        "for_itself": state.for_itself,
        "gemeinden": [{"ags": g.ags, "name": g.name} for g in state.gemeinden],
        "history": [
            {
                "at": entry.at,
                "status": entry.status,
                "old_status": entry.old_status or None,
                "changed_by": entry.actor,
                "reason": entry.reason,
                "service_url": entry.service_url or None,
            }
            for entry in state.history
        ],
    }


def _order(summary: selectors.OrderSummary) -> dict:
    order = summary.order
    return {
        "number": order.number,
        "date_placed": order.date_placed,
        "status": order.status,
        "verwaltung": {"id": summary.verwaltung.pk, "name": summary.verwaltung.name},
        "services": [service_out(state) for state in summary.services],
    }


@router.get(
    "/verwaltungen",
    response={200: list[VerwaltungOut], **NOT_SIGNED_IN},
    summary="Ihre Verwaltungen",
)
def verwaltungen(request: HttpRequest):
    return [
        {
            "id": membership.verwaltung.pk,
            "name": membership.verwaltung.name,
            "kind": membership.verwaltung.kind,
            "regional_key": membership.verwaltung.regional_key,
            "role": membership.role,
        }
        for membership in selectors.approved_membership_list_for_user(user=request.user)
    ]


@router.get(
    "/bestellungen",
    response={200: list[OrderOut], **NOT_SIGNED_IN},
    summary="Bestellungen Ihrer Verwaltungen",
)
@paginate(BoundedLimitOffsetPagination)
def bestellungen(request: HttpRequest):
    return RowsOnDemand(
        selectors.order_list_for_user(user=request.user),
        lambda orders: [_order(summary) for summary in selectors.order_summaries(orders=orders)],
    )


@router.get(
    "/bestellungen/{number}",
    response={200: OrderDetailOut, 404: ErrorOut, **NOT_SIGNED_IN},
    summary="Eine Bestellung mit Ansprechpersonen und angenommenen Vereinbarungen",
)
def bestellung(request: HttpRequest, number: str):
    try:
        record = selectors.order_record_for_user(user=request.user, number=number)
    except selectors.Order.DoesNotExist as error:
        raise Http404("Keine Bestellung Ihrer Verwaltungen mit dieser Nummer.") from error
    user = record.order.user
    return {
        **_order(record),
        "placed_by": (user.get_full_name() or user.email) if user is not None else "",
        "wished_start_date": record.details.wished_start_date,
        "remarks": record.details.remarks,
        "contacts": [
            {
                "role": contact.role,
                "role_label": contact.get_role_display(),
                "name": contact.name,
                "email": contact.email,
                "phone": contact.phone,
            }
            for contact in record.contacts
        ],
        "agreements": [
            {
                "agreement": acceptance.agreement_version.agreement.title,
                "version": acceptance.agreement_version.version,
                "text_sha256": acceptance.text_sha256,
                "person_name": acceptance.person_name,
                "person_email": acceptance.person_email,
                "verwaltung_name": acceptance.verwaltung_name,
                "accepted_at": acceptance.accepted_at,
            }
            for acceptance in record.acceptance_records
        ],
    }


@router.get(
    "/dienste",
    response={200: list[OrderedServiceOut], **NOT_SIGNED_IN},
    summary="Bestellte Dienste Ihrer Verwaltungen",
)
@paginate(BoundedLimitOffsetPagination)
def dienste(request: HttpRequest):
    return RowsOnDemand(
        selectors.ordered_service_list_for_user(user=request.user),
        lambda services: [
            _ordered_service(state) for state in selectors.ordered_service_states(services=services)
        ],
    )


def _ordered_service(state: selectors.ServiceState) -> dict:
    return {
        **service_out(state),
        "id": state.ordered_service.pk,
        "verwaltung": {
            "id": state.ordered_service.verwaltung.pk,
            "name": state.ordered_service.verwaltung.name,
        },
        "order_number": state.ordered_service.details.order.number,
    }
