"""Changes after ordering, the rules without the database: which contacts differ, which services
can be withdrawn, what a reason must be."""

import pytest
from django.core.exceptions import ValidationError

from shop.models import ContactRole
from shop.models import RolloutStatus
from shop.orders.changes import REASON_MAX_LENGTH
from shop.orders.changes import REASON_REQUIRED
from shop.orders.changes import contact_differences
from shop.orders.changes import reason_clean
from shop.orders.changes import withdrawal_obstacle
from shop.orders.services import ContactData

SUBJECT = ContactData(role=ContactRole.SUBJECT, name="Frau Fachlich", email="fach@amt.example")
TECHNICAL = ContactData(role=ContactRole.TECHNICAL, name="Herr Technik", email="t@amt.example")


def by_role(*contacts: ContactData) -> dict[str, ContactData]:
    return {contact.role: contact for contact in contacts}


def test_the_same_contacts_differ_in_nothing():
    assert (
        contact_differences(old=by_role(SUBJECT, TECHNICAL), new=by_role(SUBJECT, TECHNICAL)) == []
    )


def test_white_space_and_the_case_of_an_address_are_no_change():
    same = ContactData(role=ContactRole.SUBJECT, name=" Frau Fachlich ", email="FACH@amt.example")

    assert contact_differences(old=by_role(SUBJECT), new=by_role(same)) == []


def test_a_changed_telephone_number_is_a_change_of_that_role_only():
    phoned = ContactData(
        role=ContactRole.TECHNICAL, name="Herr Technik", email="t@amt.example", phone="0431 1"
    )

    differences = contact_differences(old=by_role(SUBJECT, TECHNICAL), new=by_role(SUBJECT, phoned))

    assert [(d.role, d.old, d.new) for d in differences] == [
        (ContactRole.TECHNICAL, TECHNICAL, phoned)
    ]


def test_added_and_removed_roles_have_no_old_or_no_new_contact_in_the_checkouts_order():
    digital = ContactData(role=ContactRole.DIGITALISATION, name="D", email="d@amt.example")

    differences = contact_differences(old=by_role(TECHNICAL, digital), new=by_role(SUBJECT))

    assert [(d.role, d.old, d.new) for d in differences] == [
        (ContactRole.SUBJECT, None, SUBJECT),
        (ContactRole.TECHNICAL, TECHNICAL, None),
        (ContactRole.DIGITALISATION, digital, None),
    ]


@pytest.mark.parametrize(
    "status",
    [
        RolloutStatus.RECEIVED,
        RolloutStatus.IN_REVIEW,
        RolloutStatus.IN_PROGRESS,
        RolloutStatus.IN_TEST,
    ],
)
def test_a_service_that_is_not_yet_live_can_be_withdrawn(status):
    assert withdrawal_obstacle(title="Wohngeld", status=status, has_open_request=False) == ""


def test_a_live_service_cannot_be_withdrawn():
    obstacle = withdrawal_obstacle(
        title="Wohngeld", status=RolloutStatus.LIVE, has_open_request=False
    )

    assert obstacle.startswith("„Wohngeld“ ist bereits live")


@pytest.mark.parametrize("status", [RolloutStatus.CANCELLED, RolloutStatus.REJECTED])
def test_an_ended_service_cannot_be_withdrawn(status):
    obstacle = withdrawal_obstacle(title="Wohngeld", status=status, has_open_request=False)

    assert obstacle == f"„Wohngeld“ ist bereits „{status}“."


def test_a_second_open_request_is_refused_in_german():
    obstacle = withdrawal_obstacle(
        title="Wohngeld", status=RolloutStatus.IN_REVIEW, has_open_request=True
    )

    assert obstacle.startswith("Für „Wohngeld“ liegt bereits ein offener Antrag auf Stornierung")


@pytest.mark.parametrize("reason", ["", "   ", "\r\n"])
def test_a_withdrawal_needs_a_reason(reason):
    with pytest.raises(ValidationError) as error:
        reason_clean(reason=reason, required_message=REASON_REQUIRED)

    assert error.value.messages == [REASON_REQUIRED]


def test_a_reason_is_stripped_and_counts_a_line_break_once():
    assert reason_clean(reason=" Doppelt\r\nbestellt ", required_message="") == "Doppelt\nbestellt"
    with pytest.raises(ValidationError, match="höchstens 2000 Zeichen"):
        reason_clean(reason="x" * (REASON_MAX_LENGTH + 1), required_message="")
