"""Bulk rollout: fulfilment moves many order lines (of many orders) to one new status in one
request, e.g. every "Wohngeld" line "Im Test" in Kreis Pinneberg to Live.

The same rules as a single change (shop.orders.rollout: the pipeline's transitions, a reason for
Abgelehnt/Storniert, an https address for Live) are checked for every line first; one bad line
refuses the whole batch and nothing changes. The live addresses come per line from the form or
from a CSV (Regionalschlüssel of the Verwaltung; URL). The Verwaltung gets one status e-mail per
order, naming every moved service of it.
"""

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import Context, Template

from shop.mail import mail_after_commit
from shop.models import (
    ENDED_STATUSES,
    Dienst,
    OrderedService,
    RolloutEvent,
    RolloutStatus,
    User,
    Verwaltung,
)
from shop.onboarding.selectors import onboarding_missing_for_lines
from shop.orders.pipeline import order_status_for
from shop.orders.rollout import (
    Line,
    Order,
    OrderStatusChange,
    _check,
    lines_move,
    order_mail_recipients,
    order_status_url,
    rollout_mail_inputs_read,
    rollout_mails_send,
)

BULK_LIMIT = 200
SIGNING_SALT = "shop.orders.bulk"
CSV_MAX_BYTES = 1_000_000

MANY_SUBJECT = "Bestellung {number}: {count} Dienste „{status}“"
MANY_BODY = """Guten Tag,

zu Ihrer Bestellung {number} für {verwaltung} haben folgende Dienste den Status „{status}“:

{services}

Den Stand sehen alle bestätigten Mitglieder Ihrer Verwaltung unter „Meine Dienste“:
{status_url}

Mit freundlichen Grüßen
Ihr Umsetzungsteam des OZG-Dienste-Shops Schleswig-Holstein
"""


@dataclass(frozen=True, kw_only=True)
class BulkFilters:
    dienst: Dienst | None = None
    status: str = ""
    kreis: Verwaltung | None = None
    verwaltung: Verwaltung | None = None


def bulk_lines_list(*, filters: BulkFilters, limit: int = BULK_LIMIT) -> list[OrderedService]:
    """The ordered services matching the filters (with line, order, Verwaltung and Dienst), by
    Verwaltung and order; at most `limit` + 1 so that the caller can tell there are more."""
    services = OrderedService.objects.select_related(
        "line__order", "verwaltung__kreis", "dienst"
    ).order_by("verwaltung__name", "line__order__number", "line_id")
    if filters.dienst is not None:
        services = services.filter(dienst=filters.dienst)
    if filters.status:
        services = services.filter(line__status=filters.status)
    if filters.kreis is not None:
        services = services.filter(verwaltung__kreis=filters.kreis)
    if filters.verwaltung is not None:
        services = services.filter(verwaltung=filters.verwaltung)
    return list(services[: limit + 1])


def bulk_csv_parse(*, content: bytes) -> tuple[dict[str, str], list[str]]:
    """The CSV's addresses by Regionalschlüssel (columns: Regionalschlüssel; URL, separated by
    semicolon or comma, UTF-8 with or without BOM, a header row optional) and a German message
    per bad row. The addresses themselves are checked with the line they belong to."""
    if len(content) > CSV_MAX_BYTES:
        return {}, ["Die CSV-Datei ist zu groß (höchstens 1 MB)."]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}, ["Die CSV-Datei ist nicht in UTF-8 gespeichert."]
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    urls: dict[str, str] = {}
    problems: list[str] = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and not cells[0].isdigit():
            continue  # the header
        if len(cells) != 2 or not cells[0] or not cells[1]:
            problems.append(
                f"Zeile {number}: Erwartet werden zwei Spalten, Regionalschlüssel und URL."
            )
        elif not cells[0].isdigit():
            problems.append(f"Zeile {number}: „{cells[0]}“ ist kein Regionalschlüssel.")
        elif cells[0] in urls:
            problems.append(
                f"Zeile {number}: Regionalschlüssel {cells[0]} steht doppelt in der Datei."
            )
        else:
            urls[cells[0]] = cells[1]
    if not urls and not problems:
        problems.append("Die CSV-Datei enthält keine Zeile mit Regionalschlüssel und URL.")
    return urls, problems


def bulk_urls_from_csv(
    *, services: Sequence[OrderedService], csv_urls: Mapping[str, str]
) -> tuple[dict[int, str], list[str]]:
    """The CSV's addresses as addresses per line of the selected services, and a message for
    each key that is no Verwaltung or none of the selected lines'."""
    by_key: dict[str, list[OrderedService]] = {}
    for service in services:
        by_key.setdefault(service.verwaltung.regional_key, []).append(service)
    unknown = set(csv_urls) - set(by_key)
    known = set(
        Verwaltung.objects.filter(regional_key__in=unknown).values_list("regional_key", flat=True)
    )
    problems = []
    for key in sorted(unknown):
        if key in known:
            problems.append(f"CSV: Regionalschlüssel {key}: keine der ausgewählten Positionen.")
        else:
            problems.append(f"CSV: Regionalschlüssel {key}: Diese Verwaltung gibt es nicht.")
    urls = {
        service.line_id: url for key, url in csv_urls.items() for service in by_key.get(key, [])
    }
    return urls, problems


def bulk_selection_sign(
    *, line_ids: Sequence[int], new_status: str, urls: Mapping[int, str], reason: str
) -> str:
    """The confirmed selection as a signed token for the preview's form."""
    return signing.dumps(
        {
            "lines": list(line_ids),
            "status": new_status,
            "urls": {str(pk): url for pk, url in urls.items()},
            "reason": reason,
        },
        salt=SIGNING_SALT,
        compress=True,
    )


def bulk_selection_load(*, token: str) -> dict:
    """The selection of `bulk_selection_sign`; a ValidationError for a forged or broken one."""
    try:
        data = signing.loads(token, salt=SIGNING_SALT)
    except signing.BadSignature as error:
        raise ValidationError("Die Auswahl ist ungültig; bitte wählen Sie erneut.") from error
    return {
        "line_ids": [int(pk) for pk in data["lines"]],
        "new_status": data["status"],
        "urls": {int(pk): url for pk, url in data["urls"].items()},
        "reason": data["reason"],
    }


def _bulk_problems(
    *, services: Sequence[OrderedService], new_status: str, urls: Mapping[int, str], reason: str
) -> list[str]:
    """Every line checked with the rules of a single change; the messages name the line."""
    problems = []
    # Read once for the whole batch rather than once per line.
    missing = (
        onboarding_missing_for_lines(line_ids=[service.line_id for service in services])
        if new_status == RolloutStatus.IN_PROGRESS
        else {}
    )
    for service in services:
        line = service.line
        url = urls.get(line.pk, "") if new_status == RolloutStatus.LIVE else ""
        for problem in _check(
            lines=[line],
            new_status=new_status,
            reason="x",
            service_url=url,
            onboarding_missing=missing,
        ):
            problems.append(f"Bestellung {line.order.number}, {service.verwaltung.name}: {problem}")
    if new_status in ENDED_STATUSES and not reason.strip():
        problems.append(f"Für „{new_status}“ ist eine Begründung nötig; sie geht an die Kommune.")
    return problems


def bulk_preview(
    *, line_ids: Sequence[int], new_status: str, urls: Mapping[int, str], reason: str = ""
) -> list[OrderedService]:
    """The selected services, checked; a ValidationError with a message per bad line."""
    services = list(
        OrderedService.objects.filter(line_id__in=line_ids)
        .select_related("line__order", "verwaltung", "dienst")
        .order_by("verwaltung__name", "line__order__number", "line_id")
    )
    if not services or len(services) != len(set(line_ids)):
        raise ValidationError("Bitte wählen Sie Positionen aus der Liste.")
    problems = _bulk_problems(services=services, new_status=new_status, urls=urls, reason=reason)
    if problems:
        raise ValidationError(problems)
    return services


def bulk_request_check(
    *,
    line_ids: Sequence[int],
    new_status: str,
    form_urls: Mapping[int, str],
    csv_content: bytes | None,
    reason: str = "",
) -> tuple[list[OrderedService], dict[int, str]]:
    """The posted batch checked for its preview: the services and the address per line (from
    the CSV if one is given, else from the form). A ValidationError names every bad row."""
    if not line_ids:
        raise ValidationError("Bitte wählen Sie mindestens eine Position.")
    urls = {pk: url.strip() for pk, url in form_urls.items() if url.strip()}
    problems: list[str] = []
    if csv_content is not None:
        csv_urls, problems = bulk_csv_parse(content=csv_content)
        selected = OrderedService.objects.filter(line_id__in=line_ids).select_related("verwaltung")
        urls, unknown = bulk_urls_from_csv(services=list(selected), csv_urls=csv_urls)
        problems += unknown
    try:
        services = bulk_preview(line_ids=line_ids, new_status=new_status, urls=urls, reason=reason)
    except ValidationError as error:
        problems += error.messages
    if problems:
        raise ValidationError(problems)
    if new_status != RolloutStatus.LIVE:
        urls = {}
    return services, urls


@transaction.atomic
def bulk_lines_status_change(
    *,
    line_ids: Sequence[int],
    new_status: str,
    urls: Mapping[int, str],
    user: User | None,
    reason: str = "",
) -> list[RolloutEvent]:
    """Move all the lines to `new_status`, with their address for Live, or none (a
    ValidationError names every bad line). The lines are locked and checked again, so a second
    submit of the same batch refuses and changes nothing. One status e-mail per order."""
    locked = list(Line.objects.select_for_update().filter(pk__in=line_ids).values_list("pk"))
    if len(locked) != len(set(line_ids)):
        raise ValidationError("Bitte wählen Sie Positionen aus der Liste.")
    services = bulk_preview(line_ids=line_ids, new_status=new_status, urls=urls, reason=reason)
    events = lines_move(
        lines=[service.line for service in services],
        services={service.line_id: service for service in services},
        new_status=new_status,
        urls=urls,
        reason=reason,
        user=user,
        by_staff=True,
    )
    by_order: dict[int, list[RolloutEvent]] = {}
    for event in events:
        by_order.setdefault(event.ordered_service.line.order_id, []).append(event)
    orders = _orders_status_follow(order_ids=list(by_order))
    inputs = rollout_mail_inputs_read(new_status=new_status, events=events)
    for order in orders:
        _order_mail_send(
            order=order, new_status=new_status, events=by_order[order.pk], inputs=inputs
        )
    return events


def _orders_status_follow(*, order_ids: Sequence[int]) -> list:
    """rollout.order_status_follow for many orders, reading their lines once."""
    orders = list(
        Order.objects.select_for_update(of=("self",))
        .filter(pk__in=order_ids)
        .select_related("user", "ozg_details__verwaltung")
        .prefetch_related("ozg_details__contacts")
    )
    statuses: dict[int, list[str]] = {}
    for order_id, status in Line.objects.filter(order_id__in=order_ids).values_list(
        "order_id", "status"
    ):
        statuses.setdefault(order_id, []).append(status)
    changes = []
    for order in orders:
        new_status = order_status_for(line_statuses=statuses.get(order.pk, []))
        if new_status != order.status:
            changes.append(
                OrderStatusChange(order=order, old_status=order.status, new_status=new_status)
            )
            order.status = new_status
    OrderStatusChange.objects.bulk_create(changes)
    Order.objects.bulk_update([change.order for change in changes], ["status"])
    return orders


def _order_mail_send(
    *, order, new_status: str, events: Sequence[RolloutEvent], inputs: tuple
) -> None:
    """One status e-mail for the order: the pipeline's own for one service, a list for
    several."""
    if len(events) == 1:
        rollout_mails_send(order=order, new_status=new_status, events=events, inputs=inputs)
        return
    if inputs[0] is None:
        return
    details = order.ozg_details
    recipients = order_mail_recipients(order=order)
    line_template = Template(
        "– „{{ dienst.title }}“{% if url %}: {{ url }}{% endif %}{% if reason %} "
        "(Begründung: {{ reason }}){% endif %}"
    )
    services = "\n".join(
        line_template.render(
            Context(
                {
                    "dienst": event.ordered_service.dienst,
                    "url": event.service_url,
                    "reason": event.reason,
                },
                autoescape=False,
            )
        )
        for event in events
    )
    mail_after_commit(
        subject=MANY_SUBJECT.format(number=order.number, count=len(events), status=new_status),
        body=MANY_BODY.format(
            number=order.number,
            verwaltung=details.verwaltung.name,
            status=new_status,
            services=services,
            status_url=order_status_url(order=order),
        ),
        recipients=recipients,
    )
