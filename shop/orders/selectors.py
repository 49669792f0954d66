"""Reads about orders: what a Verwaltung orders for, what it has already ordered, and what its
members may see. Each function costs a fixed number of queries, however many rows there are."""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.urls import reverse

from shop.accounts.selectors import (
    membership_ordering_obstacle,
    verwaltung_list_for_member,
    verwaltungen_user_may_order_for,
)
from shop.dienste.responsibility import kind_is_responsible, responsibility_refusal
from shop.generations import ORDER_OVERVIEWS, generation_cached
from shop.models import (
    KREIS_KINDS,
    AcceptanceRecord,
    ContactRole,
    Dienst,
    Gemeinde,
    Membership,
    OrderContact,
    OrderDetails,
    OrderedService,
    RolloutEvent,
    RolloutStatus,
    ServiceCoverage,
    User,
    Verwaltung,
    VerwaltungKind,
)
from shop.onboarding.selectors import ServiceRef, onboarding_missing_counts
from shop.orders.pipeline import initial_status
from shop.oscar_models import Line, Order
from shop.spreadsheets import Table, local_minute, number_or_text
from shop.sql import SqlPages, sql_rows


def verwaltungen_visible_to(*, user: User) -> QuerySet[Verwaltung]:
    """The Verwaltungen whose orders the person may follow: every approved membership counts,
    "lesend" as well as "bestellberechtigt"."""
    return verwaltung_list_for_member(user=user)


def orders_for_itself(*, verwaltung: Verwaltung) -> bool:
    """A Kreis (Landkreis, Regionalverband) orders for itself, not for Gemeinden (a kreisfreie
    Stadt is its one Gemeinde)."""
    return verwaltung.kind in KREIS_KINDS


def gemeinden_for_ordering(*, verwaltung: Verwaltung) -> list[Gemeinde]:
    """The Gemeinden a Verwaltung can order services for: the active Gemeinden it administers
    (an amtsfreie Gemeinde or kreisfreie Stadt: itself); none for a Kreis."""
    if orders_for_itself(verwaltung=verwaltung):
        return []
    return list(verwaltung.gemeinden.filter(active=True).order_by("name"))


def _active_coverage(*, dienst_ids: Iterable[int]) -> QuerySet[ServiceCoverage]:
    return ServiceCoverage.objects.filter(is_active=True, dienst_id__in=list(dienst_ids))


@dataclasses.dataclass(frozen=True)
class PlannedService:
    """What an order would set up for one service: the chosen Gemeinden that do not have it yet.
    For a Kreis, `for_itself` and no Gemeinden."""

    dienst: Dienst
    gemeinden: list[Gemeinde]
    already_ordered: list[Gemeinde]
    for_itself: bool = False
    itself_already_ordered: bool = False

    @property
    def is_possible(self) -> bool:
        if self.for_itself:
            return not self.itself_already_ordered
        return bool(self.gemeinden)


def order_plan(
    *, verwaltung: Verwaltung, gemeinden: Iterable[Gemeinde], dienste: Iterable[Dienst]
) -> list[PlannedService]:
    """Per service, which of the chosen Gemeinden it would be set up for and for which it is
    already ordered or live (for anyone: a Gemeinde has each service once). One query."""
    gemeinden = list(gemeinden)
    dienste = list(dienste)
    for_itself = orders_for_itself(verwaltung=verwaltung)
    coverage = _active_coverage(dienst_ids=[dienst.pk for dienst in dienste])
    if for_itself:
        covered_itself = set(
            coverage.filter(verwaltung=verwaltung, gemeinde__isnull=True).values_list(
                "dienst_id", flat=True
            )
        )
        return [
            PlannedService(
                dienst=dienst,
                gemeinden=[],
                already_ordered=[],
                for_itself=True,
                itself_already_ordered=dienst.pk in covered_itself,
            )
            for dienst in dienste
        ]
    covered: dict[int, set[int]] = defaultdict(set)
    for dienst_id, gemeinde_id in coverage.filter(
        gemeinde_id__in=[gemeinde.pk for gemeinde in gemeinden]
    ).values_list("dienst_id", "gemeinde_id"):
        covered[dienst_id].add(gemeinde_id)
    return [
        PlannedService(
            dienst=dienst,
            gemeinden=[g for g in gemeinden if g.pk not in covered[dienst.pk]],
            already_ordered=[g for g in gemeinden if g.pk in covered[dienst.pk]],
        )
        for dienst in dienste
    ]


@dataclasses.dataclass(frozen=True)
class DienstOrderState:
    """How far a service is already ordered for one Verwaltung of the person."""

    verwaltung: Verwaltung
    dienst_id: int
    ordered_count: int
    gemeinden_count: int

    @property
    def is_complete(self) -> bool:
        return self.gemeinden_count == 0 or self.ordered_count >= self.gemeinden_count

    @property
    def label(self) -> str:
        if self.is_complete:
            return "bereits bestellt"
        return f"bestellt für {self.ordered_count} von {self.gemeinden_count} Gemeinden"


def dienst_order_states(
    *, user: User, dienst_ids: Iterable[int]
) -> dict[int, list[DienstOrderState]]:
    """Per service, for each Verwaltung of the person where it is ordered or live for at least
    one Gemeinde (a Kreis: for itself), how far. Two queries."""
    dienst_ids = list(dienst_ids)
    if not dienst_ids or not user.is_authenticated:
        return {}
    verwaltungen = {
        verwaltung.pk: verwaltung
        for verwaltung in verwaltungen_visible_to(user=user).annotate(
            gemeinden_count=Count("gemeinden", filter=Q(gemeinden__active=True), distinct=True)
        )
    }
    if not verwaltungen:
        return {}
    # Only the Gemeinden the Verwaltung administers today count (a Kreis: its row without
    # Gemeinde): a Gemeinde retired or moved to another body since would otherwise be counted
    # against Gemeinden it is not among ("bestellt für 4 von 3 Gemeinden").
    counts = (
        _active_coverage(dienst_ids=dienst_ids)
        .filter(verwaltung_id__in=list(verwaltungen))
        .filter(
            Q(gemeinde__isnull=True)
            | Q(gemeinde__active=True, gemeinde__verwaltung_id=F("verwaltung_id"))
        )
        .values("dienst_id", "verwaltung_id")
        .annotate(ordered=Count("pk"))
        .order_by()
    )
    states: dict[int, list[DienstOrderState]] = defaultdict(list)
    for row in counts:
        verwaltung = verwaltungen[row["verwaltung_id"]]
        for_itself = orders_for_itself(verwaltung=verwaltung)
        states[row["dienst_id"]].append(
            DienstOrderState(
                verwaltung=verwaltung,
                dienst_id=row["dienst_id"],
                ordered_count=row["ordered"],
                gemeinden_count=0 if for_itself else verwaltung.gemeinden_count,
            )
        )
    for dienst_states in states.values():
        dienst_states.sort(key=lambda state: state.verwaltung.name)
    return dict(states)


# A basket line whose product is not a service (the basket and placing the order refuse it).
NOT_A_SERVICE = "Dieses Produkt ist kein Dienst des Shops."


@dataclasses.dataclass(frozen=True)
class OrderRefusal:
    """Why the person cannot put a service in the basket (German, complete sentences) and the
    page where they see more (its label and address; empty where there is none).
    `already_ordered`: every Verwaltung of the person has it already."""

    reason: str
    link_label: str
    link_url: str
    already_ordered: bool = False

    def __str__(self) -> str:
        return f"{self.reason} Siehe „{self.link_label}“." if self.link_label else self.reason


@dataclasses.dataclass(frozen=True)
class DienstOrderOverview:
    """One service for the person: how far it is ordered for each of their Verwaltungen, and
    why they cannot order it, if they cannot."""

    states: list[DienstOrderState]
    refusal: OrderRefusal | None = None


_NO_OVERVIEW = DienstOrderOverview(states=[])

# Whose Gemeinden: the genitive of each kind of Verwaltung that orders for several Gemeinden.
_GEMEINDEN_OF = {
    VerwaltungKind.AMT: "des Amtes",
    VerwaltungKind.KIRCHSPIELSLANDGEMEINDE: "der Kirchspielslandgemeinde",
    VerwaltungKind.SAMTGEMEINDE: "der Samtgemeinde",
    VerwaltungKind.VERBANDSGEMEINDE: "der Verbandsgemeinde",
    VerwaltungKind.VERWALTUNGSGEMEINSCHAFT: "der Verwaltungsgemeinschaft",
    VerwaltungKind.VERWALTUNGSVERBAND: "des Verwaltungsverbands",
    VerwaltungKind.ERFUELLENDE_GEMEINDE: "der Verwaltungsgemeinschaft",
}
# "für den Kreis Rendsburg-Eckernförde": the accusative of each kind of Kreis.
_KREIS_ACCUSATIVE = {
    VerwaltungKind.KREIS: "den Kreis",
    VerwaltungKind.LANDKREIS: "den Landkreis",
    VerwaltungKind.REGIONALVERBAND: "den Regionalverband",
}


def _ordered_for(verwaltung: Verwaltung) -> str:
    """ "für alle Gemeinden des Amtes Hüttener Berge", "für den Kreis Rendsburg-Eckernförde",
    "für „Flensburg, Stadt“" (a body that is its one Gemeinde)."""
    if verwaltung.kind in _GEMEINDEN_OF:
        return f"für alle Gemeinden {_GEMEINDEN_OF[verwaltung.kind]} {verwaltung.name}"
    if verwaltung.kind in _KREIS_ACCUSATIVE:
        return f"für {_KREIS_ACCUSATIVE[verwaltung.kind]} {verwaltung.name}"
    return f"für „{verwaltung.name}“"


def _already_ordered_refusal(verwaltungen: list[Verwaltung], dienst_id: int) -> OrderRefusal:
    """For one Verwaltung it leads to the service's status there (the list of order states
    would only say "bereits bestellt" again); for several to Meine Dienste, next to the list of
    their states."""
    if len(verwaltungen) == 1:
        (verwaltung,) = verwaltungen
        return OrderRefusal(
            reason=f"Dieser Dienst ist {_ordered_for(verwaltung)} bereits bestellt.",
            link_label="Stand der Umsetzung",
            link_url=reverse(
                "shop_orders:service",
                kwargs={"verwaltung_id": verwaltung.pk, "dienst_id": dienst_id},
            ),
            already_ordered=True,
        )
    names = ", ".join(f"„{verwaltung.name}“" for verwaltung in verwaltungen)
    return OrderRefusal(
        reason=(
            f"Dieser Dienst ist für alle Verwaltungen, für die Sie bestellen dürfen ({names}), "
            "bereits bestellt."
        ),
        link_label="Meine Dienste",
        link_url=reverse("shop_orders:overview"),
        already_ordered=True,
    )


def _responsibility_refusal(
    *, title: str, kinds: list[str], verwaltungen: list[Verwaltung]
) -> OrderRefusal:
    return OrderRefusal(
        reason=responsibility_refusal(title=title, kinds=kinds, verwaltungen=verwaltungen),
        link_label="",
        link_url="",
    )


def dienst_order_overviews(
    *,
    user: User,
    dienst_ids: Iterable[int],
    dienste: Mapping[int, Dienst] | None = None,
) -> dict[int, DienstOrderOverview]:
    """Per service (by id), its states for the person's Verwaltungen and the refusal, if the
    person may not put it in the basket: because they may not order at all (not an approved,
    order-entitled member of an active Verwaltung), because none of the Verwaltungen they may
    order for is of a kind responsible for it (shop.dienste.responsibility), or because it is
    already ordered or live for all Gemeinden (a Kreis: for itself) of every responsible
    Verwaltung they may order for. Services with none of these are left out. Nothing for people
    who are not signed in: they sign in at the checkout. `dienste`: the services by id where the
    caller has them loaded (else one more query). Three queries (five for a person who may not
    order), none for an empty list or a visitor."""
    dienst_ids = list(dienst_ids)
    if not dienst_ids or not user.is_authenticated:
        return {}
    may_order_for = list(verwaltungen_user_may_order_for(user=user))
    states = dienst_order_states(user=user, dienst_ids=dienst_ids)
    if not may_order_for:
        obstacle = OrderRefusal(
            reason=membership_ordering_obstacle(user=user),
            link_label="Meine Verwaltungen",
            link_url=reverse("shop_accounts:memberships"),
        )
        return {
            pk: DienstOrderOverview(states=states.get(pk, []), refusal=obstacle)
            for pk in dienst_ids
        }
    if dienste is None:
        dienste = Dienst.objects.only("pk", "title", "responsible_kinds").in_bulk(dienst_ids)
    overviews = {}
    for dienst_id in dienst_ids:
        dienst = dienste.get(dienst_id)
        found = states.get(dienst_id, [])
        kinds = dienst.responsible_kinds if dienst is not None else []
        responsible = [
            verwaltung
            for verwaltung in may_order_for
            if kind_is_responsible(kinds=kinds, kind=verwaltung.kind)
        ]
        refusal = None
        if not responsible:
            refusal = _responsibility_refusal(
                title=dienst.title, kinds=kinds, verwaltungen=may_order_for
            )
        else:
            complete = {state.verwaltung.pk for state in found if state.is_complete}
            if all(verwaltung.pk in complete for verwaltung in responsible):
                refusal = _already_ordered_refusal(responsible, dienst_id)
        if found or refusal:
            overviews[dienst_id] = DienstOrderOverview(states=found, refusal=refusal)
    return overviews


def dienst_order_overview(*, user: User, dienst: Dienst) -> DienstOrderOverview:
    """One service's `dienst_order_overviews`."""
    return dienst_order_overviews(
        user=user, dienst_ids=[dienst.pk], dienste={dienst.pk: dienst}
    ).get(dienst.pk, _NO_OVERVIEW)


def contacts_from_previous_order(*, verwaltung: Verwaltung) -> dict[str, dict[str, str]]:
    """The contacts of the Verwaltung's latest order, by role, to prefill the next one."""
    latest = OrderDetails.objects.filter(verwaltung=verwaltung).order_by("-created_at", "-pk")
    contacts = OrderContact.objects.filter(details=latest.values("pk")[:1])
    return {
        contact.role: {"name": contact.name, "email": contact.email, "phone": contact.phone}
        for contact in contacts
    }


def _order_queryset() -> QuerySet:
    return Order.objects.select_related("ozg_details__verwaltung", "user").order_by(
        "-date_placed", "-pk"
    )


def order_list_for_user(*, user: User) -> QuerySet:
    """The orders of every Verwaltung the person is an approved member of, newest first, with
    their number of services. One query."""
    return (
        _order_queryset()
        .filter(ozg_details__verwaltung__in=verwaltungen_visible_to(user=user))
        .annotate(services_count=Count("lines"))
    )


def order_placed_from_basket(*, user: User, basket_id: int) -> "Order | None":
    """The order the person placed from that basket, if any (a basket is ordered once)."""
    return Order.objects.filter(user=user, basket_id=basket_id).first()


def order_get_for_user(*, user: User, number: str):
    """One order of the person's Verwaltungen with everything the order page shows (also each
    service's status changes), or Order.DoesNotExist (also when it belongs to another
    Verwaltung). Six queries."""
    return (
        _order_record_queryset()
        .filter(ozg_details__verwaltung__in=verwaltungen_visible_to(user=user))
        .prefetch_related(rollout_events_prefetch("lines__ozg_service__events"))
        .get(number=number)
    )


def _order_record_queryset() -> QuerySet:
    """Orders with what an order's page and document show: contacts, lines with their
    services and Gemeinden, acceptance records with the agreement versions."""
    return _order_queryset().prefetch_related(
        Prefetch(
            "ozg_details__contacts",
            queryset=OrderContact.objects.order_by("role"),
        ),
        *order_lines_prefetch(),
        Prefetch(
            "acceptance_records",
            queryset=AcceptanceRecord.objects.select_related(
                "agreement_version__agreement"
            ).order_by("agreement_version__agreement__title"),
        ),
    )


def ordered_service_list_for_user(
    *, user: User, verwaltung: Verwaltung | None = None, dienst: Dienst | None = None
) -> QuerySet[OrderedService]:
    """The services ordered by the person's Verwaltungen (optionally one Verwaltung and one
    service), with their status (the order line's), URL and number of Gemeinden. One query."""
    services = OrderedService.objects.filter(verwaltung__in=verwaltungen_visible_to(user=user))
    if verwaltung is not None:
        services = services.filter(verwaltung=verwaltung)
    if dienst is not None:
        services = services.filter(dienst=dienst)
    return (
        services.select_related("dienst", "verwaltung", "line__order__user", "details__order")
        .annotate(gemeinden_count=Count("coverage", filter=Q(coverage__gemeinde__isnull=False)))
        .order_by("verwaltung__name", "dienst__title", "-pk")
    )


def ordered_service_gemeinden(*, ordered_services: Iterable[OrderedService]) -> dict[int, list]:
    """The Gemeinden of each ordered service, by its id. One query."""
    by_service: dict[int, list] = defaultdict(list)
    for coverage in (
        ServiceCoverage.objects.filter(ordered_service__in=[s.pk for s in ordered_services])
        .exclude(gemeinde=None)
        .select_related("gemeinde")
        .order_by("gemeinde__name")
    ):
        by_service[coverage.ordered_service_id].append(coverage.gemeinde)
    return dict(by_service)


# "Meine Dienste": what the members of a Verwaltung see of its orders and services.


def approved_membership_list_for_user(*, user: User) -> QuerySet[Membership]:
    """The person's approved memberships (both roles) with their Verwaltung, by name. One
    query."""
    if not user.is_authenticated or not user.is_active:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
        .select_related("verwaltung")
        .order_by("verwaltung__name", "verwaltung_id")
    )


# Who changed a status, as the Verwaltung sees it: the rollout team (ITVSH and its service
# provider Dataport) without names, the Verwaltung's own members by name.
STAFF_ACTOR = "ITVSH/Dataport"
UNKNOWN_MEMBER = "ein Mitglied der Verwaltung"


def timeline_actor(*, user: User | None, by_staff: bool) -> str:
    """ "ITVSH/Dataport" for a change by the rollout team (or by nobody, e.g. a command);
    otherwise the member's name, else their e-mail address (a deleted person: a neutral
    phrase)."""
    if by_staff:
        return STAFF_ACTOR
    if user is None:
        return UNKNOWN_MEMBER
    return user.get_full_name().strip() or user.email


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    """One step in the history of an ordered service: when, to which status (from which; empty
    for the order itself), by whom (see timeline_actor), the reason given for a rejection or
    cancellation, the address recorded when it went live."""

    at: datetime.datetime
    status: str
    old_status: str
    actor: str
    reason: str = ""
    service_url: str = ""


def service_timeline(*, order: "Order", events: Iterable[RolloutEvent]) -> list[TimelineEntry]:
    """The history of one ordered service, oldest first: its order (the first status, by the
    member who placed it), then each status change. No queries of its own: the order's user
    and each event's person must be loaded (rollout_events_prefetch)."""
    placed = TimelineEntry(
        at=order.date_placed,
        status=initial_status(),
        old_status="",
        actor=timeline_actor(user=order.user, by_staff=False),
    )
    return [
        placed,
        *(
            TimelineEntry(
                at=event.created_at,
                status=event.new_status,
                old_status=event.old_status,
                actor=timeline_actor(user=event.changed_by, by_staff=event.by_staff),
                reason=event.reason,
                # As ServiceState.live_url: only a web address becomes a link.
                service_url=event.service_url
                if event.service_url.startswith(("https://", "http://"))
                else "",
            )
            for event in events
        ),
    ]


def rollout_events_prefetch(lookup: str) -> Prefetch:
    """The status changes at `lookup` (ending in an ordered service's `events`), oldest first,
    with the person who made each. One query."""
    return Prefetch(
        lookup,
        queryset=RolloutEvent.objects.select_related("changed_by").order_by("created_at", "pk"),
    )


@dataclasses.dataclass(frozen=True)
class ServiceState:
    """One ordered service (one order line) as the Verwaltung sees it: the line's status, the
    Gemeinden it is set up for (none: a Kreis ordered it for itself), its address once live,
    its history (where the selector loaded the status changes)."""

    line: "Line"
    ordered_service: OrderedService | None
    gemeinden: list[Gemeinde]

    @property
    def title(self) -> str:
        if self.ordered_service is not None:
            return self.ordered_service.dienst.title
        return self.line.title

    @property
    def dienst_id(self) -> int | None:
        return self.ordered_service.dienst_id if self.ordered_service is not None else None

    @property
    def status(self) -> str:
        return self.line.status

    @property
    def is_live(self) -> bool:
        return self.line.status == RolloutStatus.LIVE

    @property
    def live_url(self) -> str:
        """The permanent address of the service, only once it is live and recorded."""
        if not self.is_live or self.ordered_service is None:
            return ""
        url = self.ordered_service.service_url
        return url if url.startswith(("https://", "http://")) else ""

    @property
    def for_itself(self) -> bool:
        return self.ordered_service is not None and not self.gemeinden

    @property
    def history(self) -> list[TimelineEntry]:
        """Oldest first; the order's line and its status changes must be loaded (see the
        selectors that say so)."""
        events = self.ordered_service.events.all() if self.ordered_service is not None else []
        return service_timeline(order=self.line.order, events=events)


def _service_state_from_line(line) -> ServiceState:
    try:
        ordered_service = line.ozg_service
    except OrderedService.DoesNotExist:
        return ServiceState(line=line, ordered_service=None, gemeinden=[])
    return ServiceState(
        line=line,
        ordered_service=ordered_service,
        gemeinden=[row.gemeinde for row in ordered_service.coverage.all() if row.gemeinde_id],
    )


def order_lines_prefetch() -> tuple[Prefetch, Prefetch]:
    """The lines of orders with their service and its Gemeinden, in two queries."""
    return (
        Prefetch(
            "lines",
            queryset=Line.objects.select_related("ozg_service__dienst").order_by("pk"),
        ),
        Prefetch(
            "lines__ozg_service__coverage",
            queryset=ServiceCoverage.objects.select_related("gemeinde").order_by("gemeinde__name"),
        ),
    )


def ordered_service_states_for_user(
    *, user: User, verwaltung: Verwaltung | None = None, dienst: Dienst | None = None
) -> list[ServiceState]:
    """The services ordered by the person's Verwaltungen (optionally one Verwaltung and one
    service) with status, Gemeinden, live address and history, by Verwaltung, title, newest
    first. Three queries."""
    return ordered_service_states(
        services=ordered_service_list_for_user(user=user, verwaltung=verwaltung, dienst=dienst)
    )


def ordered_service_states(*, services: QuerySet[OrderedService]) -> list[ServiceState]:
    """The given ordered services (e.g. a page of ordered_service_list_for_user) with status,
    Gemeinden, live address and history. Three queries."""
    services = list(services.prefetch_related(rollout_events_prefetch("events")))
    gemeinden = ordered_service_gemeinden(ordered_services=services) if services else {}
    return [
        ServiceState(
            line=service.line, ordered_service=service, gemeinden=gemeinden.get(service.pk, [])
        )
        for service in services
    ]


@dataclasses.dataclass(frozen=True)
class DienstSummary:
    """One service of a Verwaltung on the overview of "Meine Dienste": its newest order (status,
    number), for how many Gemeinden it is ordered and live (a Kreis: for itself), its address
    once live, and when anything last changed. The Gemeinden themselves are on the service's
    page."""

    dienst_id: int
    title: str
    status: str
    order_number: str
    gemeinden_count: int
    live_count: int
    itself_count: int
    live_url: str
    orders_count: int
    last_change: datetime.datetime
    # The newest order's line and how many of its required onboarding data are missing
    # ("Noch benötigte Angaben", shop.onboarding).
    line_id: int = 0
    onboarding_missing: int = 0

    @property
    def for_itself(self) -> bool:
        return self.itself_count > 0 and self.gemeinden_count == 0

    @property
    def coverage_label(self) -> str:
        """For whom it is set up, as the overview and its export say it."""
        if self.for_itself:
            return "für die Verwaltung selbst"
        if self.gemeinden_count:
            plural = "n" if self.gemeinden_count != 1 else ""
            return f"live in {self.live_count} von {self.gemeinden_count} Gemeinde{plural}"
        return "keine aktive Bestellung"


# The services a Verwaltung has ordered, one row each, its newest order deciding the status.
_ORDERED_DIENSTE = """
    SELECT service.dienst_id, dienst.title
    FROM {shop.OrderedService} service
    JOIN {shop.Dienst} dienst ON dienst.id = service.dienst_id
    JOIN {order.Line} line ON line.id = service.line_id
    WHERE service.id IN (
        SELECT MAX(newest.id) FROM {shop.OrderedService} newest
        WHERE newest.verwaltung_id = %(verwaltung)s GROUP BY newest.dienst_id
    ) AND (%(status)s = '' OR line.status = %(status)s)
    ORDER BY dienst.title, service.dienst_id
"""


def dienst_summary_rows(*, verwaltung: Verwaltung, status: str = "") -> list[dict]:
    """The services the Verwaltung has ordered (active or not), by title, as rows (`dienst_id`,
    `title`) for dienst_summaries(); with `status` only those whose newest order has that
    status. All of them in one query (a Verwaltung orders a few hundred services at most), for
    a Paginator, which then needs no query of its own to count."""
    return sql_rows(_ORDERED_DIENSTE, {"verwaltung": verwaltung.pk, "status": status})


# Every order of a page's services by one Verwaltung, newest first, with its status, its last
# status change and its active Gemeinden counted (a Kreis's one coverage row, without Gemeinde:
# "itself"); plain SQL, as the ORM took longer to build this than SQLite takes to run it.
_SERVICES_OF_PAGE = """
    SELECT service.id AS pk, service.dienst_id, service.line_id, service.service_url,
        service.is_active, line.status, placed.number AS order_number, placed.date_placed,
        (SELECT MAX(event.created_at) FROM {shop.RolloutEvent} event
            WHERE event.ordered_service_id = service.id) AS last_event,
        (SELECT COUNT(*) FROM {shop.ServiceCoverage} coverage
            WHERE coverage.ordered_service_id = service.id AND coverage.is_active
            AND coverage.gemeinde_id IS NOT NULL) AS gemeinden,
        (SELECT COUNT(*) FROM {shop.ServiceCoverage} coverage
            WHERE coverage.ordered_service_id = service.id AND coverage.is_active
            AND coverage.gemeinde_id IS NULL) AS itself
    FROM {shop.OrderedService} service
    JOIN {order.Line} line ON line.id = service.line_id
    JOIN {shop.OrderDetails} details ON details.id = service.details_id
    JOIN {order.Order} placed ON placed.id = details.order_id
    WHERE service.verwaltung_id = %(verwaltung)s AND service.dienst_id IN ({dienste})
    ORDER BY service.id DESC
"""
_SERVICES_OF_PAGE_TYPES = {
    "is_active": OrderedService._meta.get_field("is_active"),
    "date_placed": Order._meta.get_field("date_placed"),
    "last_event": RolloutEvent._meta.get_field("created_at"),
}


def dienst_summaries(*, verwaltung: Verwaltung, page: Iterable[dict]) -> list[DienstSummary]:
    """The overview rows for one page of dienst_summary_rows(). At most four queries (none
    for an empty page), each bounded by the page's services: every order of them by the
    Verwaltung with its status, last status change and active Gemeinden, counted in the
    database; the onboarding data of the newest orders (none to three, see
    onboarding_missing_counts)."""
    page = list(page)
    if not page:
        return []
    dienst_ids = [row["dienst_id"] for row in page]
    services: dict[int, list[dict]] = defaultdict(list)
    for row in sql_rows(
        _SERVICES_OF_PAGE,
        {"verwaltung": verwaltung.pk},
        lists={"dienste": dienst_ids},
        types=_SERVICES_OF_PAGE_TYPES,
    ):
        services[row["dienst_id"]].append(row)
    onboarding_missing = onboarding_missing_counts(
        services=[
            ServiceRef(pk=orders[0]["pk"], dienst_id=dienst_id)
            for dienst_id, orders in services.items()
            if orders[0]["is_active"]
        ]
    )
    summaries = []
    for row in page:
        orders = services.get(row["dienst_id"])
        if not orders:  # cannot happen: ordered services are never deleted (PROTECT)
            continue
        newest = orders[0]
        live = [
            order
            for order in orders
            if order["is_active"] and order["status"] == RolloutStatus.LIVE
        ]
        live_urls = [
            order["service_url"]
            for order in live
            if order["service_url"].startswith(("https://", "http://"))
        ]
        summaries.append(
            DienstSummary(
                dienst_id=row["dienst_id"],
                title=row["title"],
                status=newest["status"],
                order_number=newest["order_number"],
                gemeinden_count=sum(order["gemeinden"] for order in orders),
                live_count=sum(order["gemeinden"] for order in live),
                itself_count=sum(order["itself"] for order in orders),
                live_url=live_urls[0] if live_urls else "",
                orders_count=len(orders),
                line_id=newest["line_id"],
                onboarding_missing=onboarding_missing.get(newest["pk"], 0),
                last_change=max(
                    moment
                    for order in orders
                    for moment in (order["last_event"], order["date_placed"])
                    if moment is not None
                ),
            )
        )
    return summaries


# Bump when the shape of what dienst_overview() stores changes: a deployment must not read
# what the old code stored.
OVERVIEW_FORMAT = 1
# shop.receivers starts a new generation ORDER_OVERVIEWS whenever the data behind an overview
# changes; this bounds what no receiver sees (SQL by hand).
OVERVIEW_SECONDS = 5 * 60


@dataclasses.dataclass(frozen=True)
class DienstOverview:
    """The overview of "Meine Dienste" for one Verwaltung: a page of its ordered services
    (`page.object_list` rows of dienst_summary_rows, `services` their summaries) and its
    newest orders (rows of order_rows_for_verwaltung)."""

    page: Page
    services: list[DienstSummary]
    orders: list[dict]


def dienst_overview(
    *, verwaltung: Verwaltung, status: str, page_number: str | None, per_page: int, newest: int
) -> DienstOverview:
    """The overview's page `page_number` (the first for a missing or invalid number, the last
    for one past the end), optionally of one `status`, with the `newest` orders; computed once
    per generation ORDER_OVERVIEWS (two cache round trips, no query), else with at most seven
    queries. The caller has checked that the person is an approved member."""
    status_name = RolloutStatus(status).name if status else "ALL"  # safe in any cache key
    key = f"orders:overview:{OVERVIEW_FORMAT}:{verwaltung.pk}:{status_name}"
    rows, orders = generation_cached(
        name=ORDER_OVERVIEWS,
        key=key,
        compute=lambda: (
            dienst_summary_rows(verwaltung=verwaltung, status=status),
            order_rows_for_verwaltung(verwaltung=verwaltung)[:newest],
        ),
        seconds=OVERVIEW_SECONDS,
    )
    page = Paginator(rows, per_page).get_page(page_number)
    services = generation_cached(
        name=ORDER_OVERVIEWS,
        key=f"{key}:{per_page}:{page.number}",
        compute=lambda: dienst_summaries(verwaltung=verwaltung, page=page.object_list),
        seconds=OVERVIEW_SECONDS,
    )
    return DienstOverview(page=page, services=services, orders=orders)


DIENST_SUMMARY_HEADER = (
    "Dienst",
    "eingerichtet für",
    "Gemeinden bestellt",
    "Gemeinden live",
    "Status der neuesten Bestellung",
    "Adresse des Dienstes",
    "letzte Änderung",
    "neueste Bestellung",
    "Anzahl Bestellungen",
)


def dienst_summary_table(*, verwaltung: Verwaltung, status: str = "") -> Table:
    """Every row of the overview of "Meine Dienste" with the same filter (`status`), not a page
    of them, for the CSV and XLSX export: the last change to the minute (local_minute), counts
    and the order number as numbers. At most five queries. The caller has checked that the
    person is an approved member."""
    summaries = dienst_summaries(
        verwaltung=verwaltung,
        page=dienst_summary_rows(verwaltung=verwaltung, status=status),
    )
    return Table(
        title="Meine Dienste",
        header=DIENST_SUMMARY_HEADER,
        rows=[
            (
                summary.title,
                summary.coverage_label,
                summary.gemeinden_count,
                summary.live_count,
                summary.status,
                summary.live_url,
                local_minute(summary.last_change),
                number_or_text(summary.order_number),
                summary.orders_count,
            )
            for summary in summaries
        ],
    )


# The orders of a Verwaltung with who ordered and how many services; the services are counted
# per order shown rather than grouped over all its orders, so a page reads only its own lines.
_ORDERS_OF_VERWALTUNG = """
    SELECT placed.number, placed.date_placed, placed.status,
        person.first_name AS user__first_name, person.last_name AS user__last_name,
        person.email AS user__email,
        (SELECT COUNT(*) FROM {order.Line} line WHERE line.order_id = placed.id) AS services_count
    FROM {order.Order} placed
    JOIN {shop.OrderDetails} details ON details.order_id = placed.id
    LEFT JOIN {shop.User} person ON person.id = placed.user_id
    WHERE details.verwaltung_id = %(verwaltung)s
    ORDER BY placed.date_placed DESC, placed.id DESC
"""
_ORDERS_OF_VERWALTUNG_COUNT = """
    SELECT COUNT(*) AS count FROM {shop.OrderDetails} details
    WHERE details.verwaltung_id = %(verwaltung)s
"""


def order_rows_for_verwaltung(*, verwaltung: Verwaltung) -> SqlPages:
    """The orders of a Verwaltung, newest first, as rows (number, date, status, who ordered,
    number of services) for the order tables of "Meine Dienste", to be sliced or paged. The
    caller has checked that the person is an approved member. One query a slice (a Paginator:
    one more to count)."""
    return SqlPages(
        sql=_ORDERS_OF_VERWALTUNG,
        count_sql=_ORDERS_OF_VERWALTUNG_COUNT,
        params={"verwaltung": verwaltung.pk},
        types={"date_placed": Order._meta.get_field("date_placed")},
    )


@dataclasses.dataclass(frozen=True)
class OrderSummary:
    """One order of the person's Verwaltungen with its services."""

    order: "Order"
    services: list[ServiceState]

    @property
    def details(self) -> OrderDetails:
        return self.order.ozg_details

    @property
    def verwaltung(self) -> Verwaltung:
        return self.order.ozg_details.verwaltung


@dataclasses.dataclass(frozen=True)
class OrderRecord(OrderSummary):
    """One order with everything its page shows: contacts in the checkout's order of roles and
    the acceptance records (evidence, shown as stored)."""

    contacts: list[OrderContact]
    acceptance_records: list[AcceptanceRecord]


def order_summaries(*, orders: QuerySet) -> list[OrderSummary]:
    """The given orders (e.g. a page of order_list_for_user) with their services, statuses,
    Gemeinden and histories. Four queries."""
    orders = orders.prefetch_related(
        *order_lines_prefetch(), rollout_events_prefetch("lines__ozg_service__events")
    )
    return [
        OrderSummary(
            order=order, services=[_service_state_from_line(line) for line in order.lines.all()]
        )
        for order in orders
    ]


def order_record_for_user(*, user: User, number: str) -> OrderRecord:
    """One order of the person's Verwaltungen with services (and their histories), contacts and
    acceptance records, or Order.DoesNotExist (also for another Verwaltung's order). Six
    queries."""
    return _order_record(order_get_for_user(user=user, number=number[:128]))


def order_record_for_staff(
    *, number: str | None = None, order_id: int | None = None
) -> OrderRecord:
    """One order of the shop (one with OrderDetails), by number or id, with services, contacts
    and acceptance records, for the fulfilment staff and the background tasks; no check of
    who asks. Order.DoesNotExist when there is none. Five queries."""
    orders = _order_record_queryset().filter(ozg_details__isnull=False)
    if order_id is not None:
        return _order_record(orders.get(pk=order_id))
    return _order_record(orders.get(number=(number or "")[:128]))


def _order_record(order) -> OrderRecord:
    role_order = {role: index for index, role in enumerate(ContactRole.values)}
    return OrderRecord(
        order=order,
        services=[_service_state_from_line(line) for line in order.lines.all()],
        contacts=sorted(
            order.ozg_details.contacts.all(),
            key=lambda contact: role_order.get(contact.role, len(role_order)),
        ),
        acceptance_records=list(order.acceptance_records.all()),
    )


@dataclasses.dataclass(frozen=True)
class ServiceHistory:
    """Every order of one service by one Verwaltung, newest first."""

    verwaltung: Verwaltung
    dienst: Dienst
    services: list[ServiceState]


def service_history_for_user(
    *, user: User, verwaltung_id: int, dienst_id: int
) -> ServiceHistory | None:
    """One service of one of the person's Verwaltungen with each time it was ordered, or None
    when the person is no approved member of that Verwaltung or it never ordered the service.
    Four queries."""
    if not (0 < verwaltung_id < 2**63 and 0 < dienst_id < 2**63):
        return None
    verwaltung = verwaltungen_visible_to(user=user).filter(pk=verwaltung_id).first()
    if verwaltung is None:
        return None
    states = ordered_service_states_for_user(
        user=user, verwaltung=verwaltung, dienst=Dienst(pk=dienst_id)
    )
    if not states:
        return None
    return ServiceHistory(
        verwaltung=verwaltung, dienst=states[0].ordered_service.dienst, services=states
    )
