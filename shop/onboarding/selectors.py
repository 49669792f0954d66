"""Reads on the onboarding checklists: the state of each line (which fields it needs, for the
Verwaltung or per Gemeinde, and what is supplied), the history of its values, and who may read an
uploaded file. Batched: the state of any number of lines costs the same few queries."""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from django.db.models import QuerySet

from shop.models import (
    Membership,
    OnboardingAnswer,
    OnboardingChecklist,
    OnboardingFieldType,
    OrderedService,
    ServiceCoverage,
    User,
)
from shop.models.onboarding import answer_is_filled
from shop.sql import sql_rows


@dataclasses.dataclass(frozen=True)
class Target:
    """Whom one value is for: the Verwaltung (`gemeinde_id` None) or one of its Gemeinden."""

    gemeinde_id: int | None
    gemeinde_name: str
    answer: OnboardingAnswer | None
    # The value as people read it (answer_display).
    display: str = ""

    @property
    def is_filled(self) -> bool:
        return self.answer is not None and self.answer.is_filled


@dataclasses.dataclass(frozen=True)
class FieldState:
    spec: dict
    targets: list[Target]

    @property
    def key(self) -> str:
        return self.spec["key"]

    @property
    def label(self) -> str:
        return self.spec["label"]

    @property
    def is_per_gemeinde(self) -> bool:
        return any(target.gemeinde_id for target in self.targets)

    @property
    def missing_targets(self) -> list[Target]:
        if not self.spec["required"]:
            return []
        return [target for target in self.targets if not target.is_filled]

    @property
    def missing_label(self) -> str:
        """ "DVDV-Adresse" or "DVDV-Adresse (für Ascheffel, Brekendorf)"."""
        missing = self.missing_targets
        if not missing:
            return ""
        named = [target.gemeinde_name for target in missing if target.gemeinde_id]
        return f"„{self.label}“ (für {', '.join(named)})" if named else f"„{self.label}“"


@dataclasses.dataclass(frozen=True)
class OnboardingState:
    """One line's checklist (the newest version of its service's) and what is supplied."""

    ordered_service_id: int
    checklist: OnboardingChecklist | None
    fields: list[FieldState]

    @property
    def has_checklist(self) -> bool:
        return bool(self.fields)

    @property
    def steps(self) -> list[dict]:
        return self.checklist.steps if self.checklist else []

    @property
    def required_count(self) -> int:
        return sum(len(f.targets) for f in self.fields if f.spec["required"])

    @property
    def filled_required_count(self) -> int:
        return self.required_count - sum(len(f.missing_targets) for f in self.fields)

    @property
    def missing(self) -> list[str]:
        return [f.missing_label for f in self.fields if f.missing_targets]

    @property
    def is_complete(self) -> bool:
        return not self.missing


def answer_display(*, spec: dict, answer: OnboardingAnswer | None) -> str:
    """A value as people read it: a date in German format, the rest as stored."""
    if answer is None or not answer.is_filled:
        return ""
    if answer.file:
        return answer.file_name
    if spec["type"] == OnboardingFieldType.DATE:
        try:
            return datetime.date.fromisoformat(answer.value).strftime("%d.%m.%Y")
        except ValueError:
            return answer.value
    return answer.value


class ServiceRef(NamedTuple):
    """An ordered service as onboarding_states needs it, for callers that read it as values: a
    page of them costs no model instances."""

    pk: int
    dienst_id: int


def _newest_checklists(dienst_ids: Iterable[int]) -> dict[int, OnboardingChecklist]:
    # Every version, newest first, the first of each service kept: a service has a handful of
    # versions, and this plain query costs a fraction of a correlated "newest" subquery to build.
    newest: dict[int, OnboardingChecklist] = {}
    for checklist in OnboardingChecklist.objects.filter(dienst_id__in=set(dienst_ids)).order_by(
        "dienst_id", "-version"
    ):
        newest.setdefault(checklist.dienst_id, checklist)
    return newest


def _newest_checklist_fields(dienst_ids: Iterable[int]) -> dict[int, list[dict]]:
    """The fields of each service's newest checklist, as _newest_checklists finds it, without
    building the checklists (plain SQL: the lists call this on every page)."""
    dienst_ids = sorted(set(dienst_ids))
    newest: dict[int, list[dict]] = {}
    for row in sql_rows(
        "SELECT dienst_id, fields FROM {shop.OnboardingChecklist}"
        " WHERE dienst_id IN ({dienste}) ORDER BY dienst_id, version DESC",
        lists={"dienste": dienst_ids},
        types={"fields": OnboardingChecklist._meta.get_field("fields")},
    ):
        newest.setdefault(row["dienst_id"], row["fields"])
    return newest


def _field_targets(spec: dict, gemeinden: list[tuple[int, str]]) -> list[tuple[int | None, str]]:
    """Whom a field asks a value of: each Gemeinde of the line for a field per Gemeinde, else the
    Verwaltung (a Kreis orders for itself, without Gemeinden: its value is the Verwaltung's)."""
    return gemeinden if spec["per_gemeinde"] and gemeinden else [(None, "")]


def onboarding_checklist_current(*, dienst_id: int) -> OnboardingChecklist | None:
    return _newest_checklists([dienst_id]).get(dienst_id)


def onboarding_states(*, services: Sequence[OrderedService]) -> dict[int, OnboardingState]:
    """Per ordered service (anything with `pk` and `dienst_id`) its OnboardingState. At most
    three queries for any number of services (none for none): the newest checklists, then, for
    the services that have one, their Gemeinden and current answers."""
    services = list(services)
    if not services:
        return {}
    checklists = _newest_checklists(service.dienst_id for service in services)
    # Only a service whose checklist has fields needs its Gemeinden and answers.
    service_ids = [
        service.pk
        for service in services
        if service.dienst_id in checklists and checklists[service.dienst_id].fields
    ]
    gemeinden: dict[int, list[tuple[int, str]]] = defaultdict(list)
    answers = {}
    if service_ids:
        for row in (
            ServiceCoverage.objects.filter(ordered_service__in=service_ids, gemeinde__isnull=False)
            .order_by("gemeinde__name", "gemeinde_id")
            .values_list("ordered_service_id", "gemeinde_id", "gemeinde__name")
        ):
            gemeinden[row[0]].append((row[1], row[2]))
        answers = {
            (answer.ordered_service_id, answer.field_key, answer.gemeinde_id): answer
            for answer in OnboardingAnswer.objects.filter(
                ordered_service__in=service_ids, is_current=True
            ).select_related("answered_by")
        }
    states = {}
    for service in services:
        checklist = checklists.get(service.dienst_id)
        fields = []
        for spec in checklist.fields if checklist else []:
            fields.append(
                FieldState(
                    spec=spec,
                    targets=[
                        Target(
                            gemeinde_id=gemeinde_id,
                            gemeinde_name=name,
                            answer=(answer := answers.get((service.pk, spec["key"], gemeinde_id))),
                            display=answer_display(spec=spec, answer=answer),
                        )
                        for gemeinde_id, name in _field_targets(spec, gemeinden[service.pk])
                    ],
                )
            )
        states[service.pk] = OnboardingState(
            ordered_service_id=service.pk, checklist=checklist, fields=fields
        )
    return states


def onboarding_missing_counts(*, services: Sequence[ServiceRef]) -> dict[int, int]:
    """Per ordered service how many required fields still lack a value (for the Verwaltung or
    for any of its Gemeinden): `len(OnboardingState.missing)` for the lists that show only that
    number, read as plain values (no checklists, answers or people built, no Gemeinde names).
    Services without anything missing are left out. At most three queries (none for none)."""
    services = list(services)
    if not services:
        return {}
    required = {
        dienst_id: [spec for spec in fields if spec["required"]]
        for dienst_id, fields in _newest_checklist_fields(s.dienst_id for s in services).items()
    }
    services = [service for service in services if required.get(service.dienst_id)]
    if not services:
        return {}
    service_ids = [service.pk for service in services]
    gemeinden: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if any(spec["per_gemeinde"] for s in services for spec in required[s.dienst_id]):
        for row in sql_rows(
            "SELECT ordered_service_id, gemeinde_id FROM {shop.ServiceCoverage}"
            " WHERE gemeinde_id IS NOT NULL AND ordered_service_id IN ({services})",
            lists={"services": service_ids},
        ):
            gemeinden[row["ordered_service_id"]].append((row["gemeinde_id"], ""))
    filled = {
        (row["ordered_service_id"], row["field_key"], row["gemeinde_id"])
        for row in sql_rows(
            "SELECT ordered_service_id, field_key, gemeinde_id, value, file"
            " FROM {shop.OnboardingAnswer} WHERE is_current AND ordered_service_id IN"
            " ({services})",
            lists={"services": service_ids},
        )
        if answer_is_filled(value=row["value"], file=row["file"])
    }
    counts = {}
    for service in services:
        missing = sum(
            1
            for spec in required[service.dienst_id]
            if any(
                (service.pk, spec["key"], gemeinde_id) not in filled
                for gemeinde_id, _ in _field_targets(spec, gemeinden[service.pk])
            )
        )
        if missing:
            counts[service.pk] = missing
    return counts


def onboarding_state(*, ordered_service: OrderedService) -> OnboardingState:
    return onboarding_states(services=[ordered_service])[ordered_service.pk]


def onboarding_missing_for_lines(*, line_ids: Iterable[int]) -> dict[int, list[str]]:
    """Per Oscar line id the required data still missing (labels, German), for the rollout
    gate; lines without a shop service or without anything missing are left out. Four queries."""
    services = list(
        OrderedService.objects.filter(line_id__in=list(line_ids)).only("pk", "line_id", "dienst_id")
    )
    states = onboarding_states(services=services)
    return {
        service.line_id: states[service.pk].missing
        for service in services
        if states[service.pk].missing
    }


def onboarding_history(*, ordered_service_ids: Iterable[int]) -> dict[int, list[OnboardingAnswer]]:
    """Every value ever supplied per ordered service, oldest first, with who supplied it."""
    history: dict[int, list[OnboardingAnswer]] = defaultdict(list)
    for answer in OnboardingAnswer.objects.filter(
        ordered_service__in=list(ordered_service_ids)
    ).select_related("answered_by", "gemeinde"):
        history[answer.ordered_service_id].append(answer)
    return history


def _is_fulfilment(user: User) -> bool:
    return user.is_active and (
        user.is_superuser or (user.is_staff and user.has_perm("order.view_order"))
    )


def onboarding_answer_for_reader(*, user: User, answer_id: int, line_id: int, number: str):
    """The answer with its file when the person may read it: an approved member of the line's
    Verwaltung, or fulfilment staff allowed to see orders. None for everybody else (the view
    answers 404, so that nobody learns the file exists)."""
    if not user.is_authenticated or not user.is_active:
        return None
    answers: QuerySet[OnboardingAnswer] = OnboardingAnswer.objects.filter(
        pk=answer_id,
        ordered_service__line_id=line_id,
        ordered_service__details__order__number=number,
    ).exclude(file="")
    if not _is_fulfilment(user):
        answers = answers.filter(
            ordered_service__verwaltung__memberships__user=user,
            ordered_service__verwaltung__memberships__status=Membership.Status.APPROVED,
        )
    return answers.first()


@dataclasses.dataclass(frozen=True)
class StaffOnboarding:
    """One line of an order on the dashboard's order page: its checklist state, every value
    ever supplied (the history) and the file links' line."""

    line: object
    state: OnboardingState
    # Every value ever supplied, oldest first, with how people read it.
    history: list[tuple[OnboardingAnswer, str]]


def onboarding_for_staff(*, lines: Iterable) -> list[StaffOnboarding]:
    """The onboarding of each Oscar line (with its `ozg_service` loaded) whose service has a
    checklist, in the lines' order. Three queries, four with any answers' history."""
    # A line of an order placed outside the shop has no ozg_service.
    services = [(line, line.ozg_service) for line in lines if getattr(line, "ozg_service", None)]
    states = onboarding_states(services=[service for _, service in services])
    history = onboarding_history(ordered_service_ids=[service.pk for _, service in services])
    result = []
    for line, service in services:
        state = states[service.pk]
        if not state.has_checklist:
            continue
        specs = {field.key: field.spec for field in state.fields}
        # A field dropped from the checklist since is shown as it was stored.
        plain = {"type": OnboardingFieldType.TEXT}
        result.append(
            StaffOnboarding(
                line=line,
                state=state,
                history=[
                    (answer, answer_display(spec=specs.get(answer.field_key, plain), answer=answer))
                    for answer in history.get(service.pk, [])
                ],
            )
        )
    return result
