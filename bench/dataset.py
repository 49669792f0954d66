# ruff: noqa: S311  (seeded pseudo-random data, nothing secret)
"""The Land-scale dataset of `make bench`: the shipped registry and OZG catalogue, 557 published
service profiles, one member per Verwaltung and 50,000 order lines with realistic statuses.

Run as `python -m bench.dataset` with the bench's environment (bench.run sets it). The page tree,
registry, catalogue, agreements, staff groups and demo accounts come from the demo environment
(ozg_site.demo.demo_site_ensure); the further profiles are published through the same function
as the demo profiles (cms_pages.services.service_pages_ensure: real Wagtail pages with revisions,
whose page_published signal syncs their Dienst, Oscar product and stock record). The first order
is placed through the checkout's own service, shop.orders.services.order_place; the other orders
repeat its rows with bulk_create (what order_place and shop.orders.rollout write, with their dates
in the past), which takes seconds instead of hours.
"""

import datetime
import itertools
import json
import random
import sys
import time

import django

# A new version when what the dataset holds changes: `make bench` builds it again.
# 2: onboarding checklists for the services with a DVDV entry.
DATASET_VERSION = "2"
SERVICE_COUNT = 557
ORDER_LINE_COUNT = 50_000
SEED = 6
# The Verwaltung whose member the benchmark signs in for "Meine Dienste": many orders.
MEMBER_VERWALTUNG_KEY = "010585890"  # Amt Hüttener Berge
MEMBER_EMAIL = "bench-member@example.org"
STAFF_EMAIL = "fulfilment@example.org"
# Share of the order lines per final status (a status not named here does not occur); newer
# orders are less far along.
STATUS_WEIGHTS = {
    "Live": 55,
    "Im Test": 5,
    "In Umsetzung": 10,
    "In Prüfung": 8,
    "Eingegangen": 12,
    "Abgelehnt": 4,
    "Storniert": 6,
}
RECENT_STATUS_WEIGHTS = {
    "Eingegangen": 50,
    "In Prüfung": 25,
    "In Umsetzung": 12,
    "Im Test": 5,
    "Abgelehnt": 4,
    "Storniert": 4,
}


DVDV_CHECKLIST = (
    {"type": "text", "label": "DVDV-Adresse", "per_gemeinde": True},
    {"type": "email", "label": "Funktionspostfach"},
)


def _generated_services(count: int, used_ozg_ids: set[str]):
    """DemoService entries, one per OZG-Leistung, those without a profile first."""
    from ozg_site.demo_content import DemoContact, DemoService
    from shop.models import OzgLeistung

    rng = random.Random(SEED)
    kinds = ["online_dienst_efa"] * 6 + ["landesdienst"] * 3 + ["basisdienst"]
    services = []
    leistungen = list(OzgLeistung.objects.select_related("lage__themenfeld").order_by("ozg_id"))
    # First the Leistungen without a profile; the catalogue has 557, the demo profiles and
    # drafts use 30 of them, so a few profiles share a Leistung with a demo profile.
    leistungen.sort(key=lambda leistung: leistung.ozg_id in used_ozg_ids)
    for leistung in leistungen:
        if len(services) >= count:
            break
        name = leistung.name
        services.append(
            DemoService(
                title=name[:255],
                slug=f"dienst-{leistung.ozg_id}",
                short_description=(
                    f"Der Online-Dienst „{name}“ für Ihre Verwaltung: Antrag, Nachweise und "
                    f"Bescheid digital, aus der Lage {leistung.lage.name}."
                )[:300],
                ozg_ids=(leistung.ozg_id,),
                service_type=(kind := kinds[rng.randrange(len(kinds))]),
                provider=rng.choice(
                    ["Land Schleswig-Holstein", "Freie und Hansestadt Hamburg", "Dataport AöR"]
                ),
                operating_model="Betrieb durch Dataport AöR; Nachnutzung nach dem EfA-Prinzip",
                reifegrad=rng.choice([2, 3, 3, 3, 4]),
                availability="verfuegbar" if rng.random() < 0.92 else "in_vorbereitung",
                requires_servicekonto=rng.random() < 0.8,
                requires_postfach=rng.random() < 0.6,
                requires_epayment=rng.random() < 0.3,
                transport_route=rng.choice(["osci_xta", "fit_connect", "keine"]),
                requires_dvdv_entry=(dvdv := rng.random() < 0.4),
                # What the rollout of such a service asks of each Verwaltung (shop.onboarding),
                # so that the pages that show the missing data read it for a share of services.
                onboarding_fields=DVDV_CHECKLIST if dvdv else (),
                onboarding_steps=({"title": "DVDV-Eintrag prüfen"},) if dvdv else (),
                vertrauensniveau=rng.choice(["keins", "niedrig", "substantiell", "hoch"]),
                fachverfahren_interface="XÖV-Standard des Fachverfahrens über FIT-Connect",
                agreements=(
                    ("beitrittserklaerung-efa", "avv") if kind == "online_dienst_efa" else ("avv",)
                ),
                contacts=(
                    DemoContact(
                        role="Fachliche Ansprechperson",
                        name=f"Team {leistung.lage.themenfeld.name}, ITVSH",
                        email="onlinedienste@itvsh.example",
                    ),
                    DemoContact(
                        role="Technischer Support",
                        name="Service Desk Online-Dienste, Dataport",
                        email="onlinedienste@dataport.example",
                    ),
                ),
                body=(
                    ("heading", f"Was „{name}“ leistet"),
                    (
                        "paragraph",
                        f"<p>Bürgerinnen, Bürger und Unternehmen beantragen „{name}“ online, "
                        "rund um die Uhr und ohne Behördengang. Der Antrag kommt vollständig "
                        "und geprüft in Ihrem Fachverfahren an.</p><p>Das Land stellt den "
                        "Dienst bereit; Dataport richtet ihn für Ihre Verwaltung ein und "
                        "verknüpft ihn mit dem Zuständigkeitsfinder.</p>",
                    ),
                    (
                        "feature_list",
                        (
                            "Antrag mit Servicekonto und Nachweisen digital",
                            "Zustellung in Ihr Fachverfahren oder Postfach",
                            "Bescheid digital an die Antragstellenden",
                            "Einrichtung und Betrieb durch Dataport",
                        ),
                    ),
                    (
                        "faq",
                        (
                            ("Was kostet der Dienst?", "<p>Für Kommunen ist er kostenfrei.</p>"),
                            (
                                "Wie lange dauert die Einrichtung?",
                                "<p>In der Regel vier bis acht Wochen nach der Bestellung.</p>",
                            ),
                            (
                                "Was müssen wir vorbereiten?",
                                "<p>Zuständigkeiten im Zuständigkeitsfinder, ein "
                                "Funktionspostfach und die Ansprechpersonen.</p>",
                            ),
                        ),
                    ),
                ),
            )
        )
    return services


def _row_values(instance, **overrides):
    """The concrete field values of a model instance, without its primary key."""
    values = {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }
    values.update(overrides)
    return values


def _status_for(rng: random.Random, age_days: int) -> str:
    """A final status weighted by how old the order is: the last 60 days are mostly early."""
    weights = RECENT_STATUS_WEIGHTS if age_days < 60 else STATUS_WEIGHTS
    return rng.choices(list(weights), list(weights.values()))[0]


def _path_to(status: str, rng: random.Random) -> list[str]:
    """The statuses a line went through to reach `status`: the shortest way along the pipeline's
    transitions (shop.orders.pipeline) from its first status; an ended status is reached from a
    running status chosen at random among those that may move there."""
    from shop.orders.pipeline import STAGES, ended_statuses, initial_status

    next_statuses = {stage.status: stage.next_statuses for stage in STAGES}
    ways = {initial_status(): [initial_status()]}
    queue = [initial_status()]
    for current in queue:
        for following in next_statuses[current]:
            if following not in ways and following not in ended_statuses():
                ways[following] = [*ways[current], following]
                queue.append(following)
    if status in ways:
        return ways[status]
    reached = rng.choice(sorted(running for running in ways if status in next_statuses[running]))
    return [*ways[reached], status]


def build(*, services: int = SERVICE_COUNT, order_lines: int = ORDER_LINE_COUNT) -> dict:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from cms_pages.models import ServiceIndexPage, ServicePage
    from cms_pages.services import service_pages_ensure
    from ozg_site.demo import (
        DEMO_PASSWORD,
        DRAFT_OZG_IDS,
        demo_accounts_ensure,
        demo_site_ensure,
    )
    from ozg_site.demo_content import demo_agreements, demo_services
    from shop.accounts.services import membership_ensure_approved
    from shop.agreements.demo import demo_agreements_ensure
    from shop.agreements.selectors import agreements_required_for
    from shop.agreements.services import acceptance_records_append
    from shop.models import (
        AcceptanceRecord,
        ContactRole,
        Dienst,
        OrderContact,
        OrderDetails,
        OrderedService,
        RolloutEvent,
        ServiceCoverage,
        User,
        Verwaltung,
    )
    from shop.orders.rollout import order_status_for
    from shop.orders.selectors import gemeinden_for_ordering
    from shop.orders.services import ContactData, OrderSubmission, order_place
    from shop.oscar_models import Line, LinePrice, Order, OrderStatusChange, StockRecord

    started = time.monotonic()
    rng = random.Random(SEED)

    def step(message: str) -> None:
        print(f"  [{time.monotonic() - started:6.1f} s] {message}", flush=True)

    demo_site_ensure()
    demo_accounts_ensure(password=DEMO_PASSWORD)
    step("Seitenbaum, Kommunalregister, OZG-Katalog, Vereinbarungen, Demo-Konten")

    catalogue = ServiceIndexPage.objects.get()
    agreements = demo_agreements_ensure(agreements=demo_agreements())
    used = {ozg_id for service in demo_services() for ozg_id in service.ozg_ids}
    used |= set(DRAFT_OZG_IDS)
    while (missing := services - ServicePage.objects.live().count()) > 0:
        taken = set(ServicePage.objects.values_list("slug", flat=True))
        batch = [
            service
            for service in _generated_services(missing + len(taken), used)
            if service.slug not in taken
        ][:missing]
        if not batch:
            raise SystemExit("Der OZG-Katalog hat zu wenige Leistungen für die Steckbriefe.")
        for start in range(0, len(batch), 50):
            service_pages_ensure(
                parent=catalogue,
                services=batch[start : start + 50],
                agreements_by_slug=agreements,
            )
            step(f"{min(start + 50, len(batch))} von {len(batch)} weiteren Steckbriefen")
    step(f"{ServicePage.objects.live().count()} veröffentlichte Steckbriefe")

    verwaltungen = list(Verwaltung.objects.active().order_by("regional_key"))
    # One ordering member per Verwaltung (no password: the benchmark signs in by session).
    existing = set(User.objects.values_list("email", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create(
        User(
            email=f"bestellung-{v.regional_key}@kommune.example",
            first_name="Bestellung",
            last_name=v.name[:150],
            password=unusable,
        )
        for v in verwaltungen
        if f"bestellung-{v.regional_key}@kommune.example" not in existing
    )
    members = {user.email: user for user in User.objects.filter(email__endswith="@kommune.example")}
    if MEMBER_EMAIL not in existing:
        User.objects.create(
            email=MEMBER_EMAIL,
            first_name="Bench",
            last_name="Mitglied",
            password=unusable,
        )
    member_of = {}
    for v in verwaltungen:
        user = members[f"bestellung-{v.regional_key}@kommune.example"]
        membership_ensure_approved(user=user, verwaltung=v)
        member_of[v.pk] = user
    huettener_berge = Verwaltung.objects.get(regional_key=MEMBER_VERWALTUNG_KEY)
    membership_ensure_approved(
        user=User.objects.get(email=MEMBER_EMAIL), verwaltung=huettener_berge
    )
    staff = User.objects.get(email=STAFF_EMAIL)
    step(f"{len(verwaltungen)} Verwaltungen mit je einem bestellberechtigten Mitglied")

    if Line.objects.count() >= order_lines:
        step("Bestellungen bereits vorhanden")
        return sizes()

    dienste = list(
        Dienst.objects.filter(is_published=True, availability=Dienst.Availability.AVAILABLE)
        .select_related("product")
        .order_by("pk")
    )
    stockrecords = {
        sr.product_id: sr
        for sr in StockRecord.objects.filter(product__in=[d.product_id for d in dienste])
    }
    versions_for = {d.pk: agreements_required_for(dienste=[d]) for d in dienste}
    gemeinden_of = {v.pk: gemeinden_for_ordering(verwaltung=v) for v in verwaltungen}

    # How many services each Verwaltung ordered: Hüttener Berge all, the others by weight.
    weights = {v.pk: rng.uniform(0.15, 1.0) for v in verwaltungen}
    weights[huettener_berge.pk] = 0
    remaining = order_lines - len(dienste)
    total_weight = sum(weights.values())
    counts = {
        v.pk: min(len(dienste), round(remaining * weights[v.pk] / total_weight))
        for v in verwaltungen
    }
    counts[huettener_berge.pk] = len(dienste)
    difference = order_lines - sum(counts.values())
    for v in rng.sample(verwaltungen, len(verwaltungen)) * 10:
        if difference == 0:
            break
        step_by = 1 if difference > 0 else -1
        if 1 <= counts[v.pk] + step_by <= len(dienste) and v.pk != huettener_berge.pk:
            counts[v.pk] += step_by
            difference -= step_by

    contacts = (
        ContactData(
            role=ContactRole.SUBJECT, name="Fachbereich Bürgerservice", email="fach@kommune.example"
        ),
        ContactData(role=ContactRole.TECHNICAL, name="IT-Stelle", email="it@kommune.example"),
        ContactData(
            role=ContactRole.MAILBOX, name="Funktionspostfach", email="postfach@kommune.example"
        ),
        ContactData(
            role=ContactRole.DATA_PROTECTION, name="Datenschutz", email="ds@kommune.example"
        ),
    )

    # The first order through the application's own code, as the checkout places it.
    first_verwaltung = verwaltungen[0]
    first_user = member_of[first_verwaltung.pk]
    order_pick = {v.pk: rng.sample(dienste, counts[v.pk]) for v in verwaltungen}
    first_dienste = order_pick[first_verwaltung.pk][:2]
    order_pick[first_verwaltung.pk] = order_pick[first_verwaltung.pk][2:]
    template_order = order_place(
        submission=OrderSubmission(
            user=first_user,
            verwaltung=first_verwaltung,
            gemeinden=tuple(gemeinden_of[first_verwaltung.pk]),
            contacts=contacts,
            wished_start_date=timezone.localdate() + datetime.timedelta(days=30),
            accepted_version_ids=tuple(
                v.pk for v in agreements_required_for(dienste=first_dienste)
            ),
            ip_address="192.0.2.10",
        ),
        dienste=first_dienste,
    )
    template_line = template_order.lines.first()
    template_price = template_line.prices.first()
    step("erste Bestellung über shop.orders.services.order_place")

    # The other orders: the same rows, written in bulk, with dates over the last three years.
    now = timezone.now()
    for model, name in ((OrderDetails, "created_at"), (RolloutEvent, "created_at")):
        model._meta.get_field(name).auto_now_add = False  # dates in the past, in this process
    plans = []  # (verwaltung, user, [dienste], age_days)
    for v in verwaltungen:
        picked = order_pick[v.pk]
        while picked:
            size = min(len(picked), rng.choice([1, 1, 2, 2, 3, 4, 5, 8]))
            plans.append((v, member_of[v.pk], picked[:size], rng.randrange(1, 3 * 365)))
            picked = picked[size:]
    plans.sort(key=lambda plan: -plan[3])  # oldest first: order numbers grow with time

    number = Order.objects.count() + 200000
    chunk = 1000
    for start in range(0, len(plans), chunk):
        part = plans[start : start + chunk]
        with transaction.atomic():
            orders, lines_of, statuses_of, placed_at = [], [], [], []
            for _v, user, picked, age in part:
                number += 1
                placed = now - datetime.timedelta(days=age, minutes=rng.randrange(600))
                base = _status_for(rng, age)
                statuses = [base if rng.random() < 0.85 else _status_for(rng, age) for _ in picked]
                orders.append(
                    Order(
                        **_row_values(
                            template_order,
                            number=str(number),
                            basket_id=None,
                            user_id=user.pk,
                            status=order_status_for(line_statuses=statuses),
                            date_placed=placed,
                        )
                    )
                )
                statuses_of.append(statuses)
                placed_at.append(placed)
            Order.objects.bulk_create(orders)
            lines = []
            for order, (_, _, picked, _), statuses in zip(orders, part, statuses_of, strict=True):
                order_lines_ = [
                    Line(
                        **_row_values(
                            template_line,
                            order_id=order.pk,
                            product_id=dienst.product_id,
                            stockrecord_id=stockrecords[dienst.product_id].pk,
                            partner_sku=stockrecords[dienst.product_id].partner_sku,
                            title=dienst.product.title,
                            upc=dienst.product.upc,
                            status=status,
                        )
                    )
                    for dienst, status in zip(picked, statuses, strict=True)
                ]
                lines.extend(order_lines_)
                lines_of.append(order_lines_)
            Line.objects.bulk_create(lines)
            LinePrice.objects.bulk_create(
                LinePrice(**_row_values(template_price, order_id=line.order_id, line_id=line.pk))
                for line in lines
            )
            OrderStatusChange.objects.bulk_create(
                OrderStatusChange(
                    order=order,
                    old_status="Eingegangen",
                    new_status=order.status,
                    date_created=placed + datetime.timedelta(days=3),
                )
                for order, placed in zip(orders, placed_at, strict=True)
                if order.status != "Eingegangen"
            )
            details = [
                OrderDetails(
                    order=order,
                    verwaltung=v,
                    wished_start_date=(placed + datetime.timedelta(days=30)).date(),
                    remarks="",
                    created_at=placed,
                )
                for order, (v, _, _, _), placed in zip(orders, part, placed_at, strict=True)
            ]
            OrderDetails.objects.bulk_create(details)
            OrderContact.objects.bulk_create(
                OrderContact(details=d, role=c.role, name=c.name, email=c.email)
                for d in details
                for c in contacts
            )
            services_, coverage, events, records = [], [], [], []
            for order, d, order_lines_, statuses, (v, user, picked, _), placed in zip(
                orders, details, lines_of, statuses_of, part, placed_at, strict=True
            ):
                gemeinden = gemeinden_of[v.pk]
                if len(gemeinden) > 1 and rng.random() < 0.2:
                    gemeinden = rng.sample(gemeinden, rng.randrange(1, len(gemeinden)))
                for line, dienst, status in zip(order_lines_, picked, statuses, strict=True):
                    ended = status in ("Abgelehnt", "Storniert")
                    service = OrderedService(
                        line=line,
                        details=d,
                        dienst=dienst,
                        verwaltung=v,
                        is_active=not ended,
                        service_url=(
                            f"https://dienste.schleswig-holstein.example/{v.regional_key}/"
                            f"{dienst.pk}"
                            if status == "Live"
                            else ""
                        ),
                    )
                    services_.append(service)
                    coverage.extend(
                        ServiceCoverage(
                            ordered_service=service,
                            dienst=dienst,
                            verwaltung=v,
                            gemeinde=gemeinde,
                            is_active=not ended,
                        )
                        for gemeinde in (gemeinden or [None])
                    )
                    path = _path_to(status, rng)
                    for index, (old, new) in enumerate(itertools.pairwise(path)):
                        events.append(
                            RolloutEvent(
                                ordered_service=service,
                                old_status=old,
                                new_status=new,
                                reason="Begründung der Umsetzung"
                                if new in ("Abgelehnt", "Storniert")
                                else "",
                                service_url=service.service_url if new == "Live" else "",
                                changed_by=staff,
                                created_at=placed + datetime.timedelta(days=7 * (index + 1)),
                            )
                        )
                seen = set()
                for dienst in picked:
                    for version in versions_for[dienst.pk]:
                        if version.pk in seen:
                            continue
                        seen.add(version.pk)
                        records.append(
                            AcceptanceRecord(
                                order=order,
                                agreement_version=version,
                                text_sha256=version.text_sha256,
                                user=user,
                                person_name=user.get_full_name().strip() or user.email,
                                person_email=user.email,
                                verwaltung=v,
                                verwaltung_name=v.name,
                                accepted_at=placed,
                                ip_address="192.0.2.10",
                            )
                        )
            OrderedService.objects.bulk_create(services_)
            for row in coverage:
                row.ordered_service_id = row.ordered_service.pk
            for event in events:
                event.ordered_service_id = event.ordered_service.pk
            ServiceCoverage.objects.bulk_create(coverage, batch_size=2000)
            RolloutEvent.objects.bulk_create(events, batch_size=2000)
            acceptance_records_append(records=records)  # numbered and hashed into the chain
        step(f"{min(start + chunk, len(plans))} von {len(plans)} Bestellungen")
    return sizes()


def sizes() -> dict:
    from cms_pages.models import ServicePage
    from shop.models import Gemeinde, OrderDetails, ServiceCoverage, User, Verwaltung
    from shop.oscar_models import Line

    return {
        "verwaltungen": Verwaltung.objects.count(),
        "gemeinden": Gemeinde.objects.count(),
        "service_profiles": ServicePage.objects.live().count(),
        "orders": OrderDetails.objects.count(),
        "order_lines": Line.objects.count(),
        "coverage_rows": ServiceCoverage.objects.count(),
        "users": User.objects.count(),
    }


def main() -> None:
    django.setup()
    result = build()
    json.dump({"version": DATASET_VERSION, "sizes": result}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
