"""When a service takes interest, and what the interest form accepts (no database)."""

import pytest

from shop.interest.forms import InterestForm
from shop.interest.selectors import dienst_accepts_interest
from shop.models import Dienst

AVAILABLE = Dienst.Availability.AVAILABLE
IN_PREPARATION = Dienst.Availability.IN_PREPARATION


@pytest.mark.parametrize(
    ("is_published", "availability", "accepts"),
    [
        (True, IN_PREPARATION, True),
        (True, AVAILABLE, False),
        (False, IN_PREPARATION, False),
        (False, AVAILABLE, False),
    ],
)
def test_only_a_published_service_in_preparation_takes_interest(
    is_published, availability, accepts
):
    dienst = Dienst(is_published=is_published, availability=availability)

    assert dienst_accepts_interest(dienst=dienst) is accepts


@pytest.mark.parametrize(
    ("data", "withdraws"),
    [
        ({"aktion": "bekunden", "note": "Ab Januar"}, False),
        ({"aktion": "bekunden"}, False),
        ({"aktion": "zurueckziehen", "note": "egal"}, True),
    ],
)
def test_the_form_tells_registering_from_withdrawing(data, withdraws):
    form = InterestForm(data)

    assert form.is_valid(), form.errors
    assert form.withdraws is withdraws


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"aktion": "bekunden", "note": "x" * 1001},
            "note",
            "Die Anmerkung darf höchstens 1000 Zeichen lang sein (jetzt 1001).",
        ),
        ({}, "aktion", "Bitte wählen Sie, ob Sie Interesse bekunden oder zurückziehen."),
        (
            {"aktion": "kaufen"},
            "aktion",
            "Bitte wählen Sie, ob Sie Interesse bekunden oder zurückziehen.",
        ),
    ],
)
def test_bad_input_gets_a_german_message(data, field, message):
    form = InterestForm(data)

    assert not form.is_valid()
    assert form.errors[field] == [message]
