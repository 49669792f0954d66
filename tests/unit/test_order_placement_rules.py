"""The rules that placing an order checks last: the wished start date's bounds."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from shop.orders.services import wished_start_date_latest, wished_start_date_validate


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
