"""The rules that placing an order checks last: the wished start date's bounds and that the
order sets up exactly what the person confirmed on the review."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from shop.models import Dienst
from shop.models import Gemeinde
from shop.orders.selectors import PlannedService
from shop.orders.services import OrderConflict
from shop.orders.services import OrderPlanChanged
from shop.orders.services import plan_confirm
from shop.orders.services import wished_start_date_latest
from shop.orders.services import wished_start_date_validate

HUNDESTEUER = Dienst(pk=1, title="Hundesteuer online")
WOHNGELD = Dienst(pk=2, title="Wohngeld online")
ASCHEFFEL = Gemeinde(pk=11, name="Ascheffel")
BUENSDORF = Gemeinde(pk=12, name="Bünsdorf")
HOLZBUNGE = Gemeinde(pk=13, name="Holzbunge")


@pytest.mark.parametrize(
    ("today", "latest"),
    [
        (datetime.date(2026, 12, 3), datetime.date(2029, 12, 3)),
        (datetime.date(2028, 2, 29), datetime.date(2031, 2, 28)),
    ],
)
def test_the_latest_start_is_three_years_ahead(today, latest):
    assert wished_start_date_latest(today=today) == latest


def test_the_start_date_lies_between_today_and_the_bound():
    today = timezone.localdate()
    latest = wished_start_date_latest(today=today)
    assert wished_start_date_validate(day=today) == today
    assert wished_start_date_validate(day=latest) == latest
    with pytest.raises(ValidationError, match="nicht in der Vergangenheit"):
        wished_start_date_validate(day=today - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as beyond:
        wished_start_date_validate(day=latest + datetime.timedelta(days=1))
    assert beyond.value.messages == [
        "Der gewünschte Starttermin darf höchstens 3 Jahre in der Zukunft liegen, also "
        f"spätestens am {latest:%d.%m.%Y}."
    ]
    with pytest.raises(ValidationError, match="spätestens am"):
        wished_start_date_validate(day=datetime.date(9999, 12, 31))
    with pytest.raises(ValidationError, match="Bitte geben Sie den gewünschten Starttermin an"):
        wished_start_date_validate(day=None)


def planned(dienst, gemeinden, already_ordered=()):
    return PlannedService(
        dienst=dienst, gemeinden=list(gemeinden), already_ordered=list(already_ordered)
    )


def test_the_plan_the_review_showed_is_confirmed():
    plan = [planned(HUNDESTEUER, [ASCHEFFEL, BUENSDORF]), planned(WOHNGELD, [HOLZBUNGE])]
    plan_confirm(plan=plan, confirmed={1: [12, 11], 2: [13]})


def test_a_kreis_confirms_its_services_without_gemeinden():
    plan = [PlannedService(dienst=HUNDESTEUER, gemeinden=[], already_ordered=[], for_itself=True)]
    plan_confirm(plan=plan, confirmed={1: []})


@pytest.mark.parametrize(
    ("plan", "confirmed", "explanations"),
    [
        (
            [planned(HUNDESTEUER, [BUENSDORF], already_ordered=[ASCHEFFEL, HOLZBUNGE])],
            {1: [11, 12, 13]},
            [
                "„Hundesteuer online“ wurde inzwischen für Ascheffel, Holzbunge bestellt und "
                "ist für sie nicht mehr enthalten."
            ],
        ),
        (
            [planned(HUNDESTEUER, [ASCHEFFEL, BUENSDORF])],
            {1: [12]},
            [
                "„Hundesteuer online“ ist für Ascheffel nicht mehr bestellt und wäre für sie "
                "zusätzlich enthalten."
            ],
        ),
        (
            [planned(HUNDESTEUER, [ASCHEFFEL]), planned(WOHNGELD, [ASCHEFFEL])],
            {1: [11]},
            ["Ihr Warenkorb hat sich inzwischen geändert."],
        ),
        (
            [planned(HUNDESTEUER, [ASCHEFFEL])],
            {1: [11], 2: [11]},
            ["Ihr Warenkorb hat sich inzwischen geändert."],
        ),
        (
            [planned(HUNDESTEUER, [ASCHEFFEL])],
            {1: [11, 12]},
            ["Ihre Auswahl der Gemeinden hat sich inzwischen geändert."],
        ),
    ],
    ids=["taken meanwhile", "freed meanwhile", "service added", "service removed", "rechosen"],
)
def test_a_changed_plan_is_refused_with_what_changed(plan, confirmed, explanations):
    with pytest.raises(OrderPlanChanged) as changed:
        plan_confirm(plan=plan, confirmed=confirmed)
    assert isinstance(changed.value, OrderConflict)
    assert str(changed.value) == " ".join(
        [
            *explanations,
            "Bitte prüfen Sie die aktualisierte Übersicht und bestellen Sie dann erneut.",
        ]
    )
