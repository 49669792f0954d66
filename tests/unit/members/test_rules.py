"""The rules of deciding about members, without the database."""

import pytest

from shop.members.forms import member_forms
from shop.members.services import LAST_ADMIN
from shop.members.services import last_admin_obstacle
from shop.models import Membership


@pytest.mark.parametrize(
    ("admins", "was_admin", "stays_admin", "refused"),
    [
        (1, True, False, True),  # the last admin steps down or is removed
        (2, True, False, False),  # another admin remains
        (1, True, True, False),  # the admin only changes bestellberechtigt/lesend
        (1, False, False, False),  # a member who is no admin
        (0, False, True, False),  # ITVSH makes the first admin
        (0, False, False, False),  # a Verwaltung without admin: nothing to keep
    ],
)
def test_the_last_admin_stays(admins, was_admin, stays_admin, refused):
    obstacle = last_admin_obstacle(admins=admins, was_admin=was_admin, stays_admin=stays_admin)

    assert obstacle == (LAST_ADMIN if refused else "")


@pytest.mark.parametrize(
    ("status", "offered"),
    [
        (Membership.Status.REQUESTED, ["antrag"]),
        (Membership.Status.APPROVED, ["rolle", "entfernen"]),
        (Membership.Status.REJECTED, []),
        (Membership.Status.REMOVED, []),
    ],
)
def test_a_member_page_offers_the_decisions_that_fit_the_status(status, offered):
    membership = Membership(status=status, role=Membership.Role.READ_ONLY, is_admin=True)

    forms = member_forms(membership=membership)

    assert list(forms) == offered
    assert not any(form.is_bound for form in forms.values())
    if "rolle" in forms:
        assert forms["rolle"].initial == {"role": "lesend", "is_admin": True}


def test_only_the_submitted_form_is_bound():
    membership = Membership(status=Membership.Status.APPROVED)

    forms = member_forms(
        membership=membership, action="entfernen", data={"entfernen-reason": "Ausgeschieden"}
    )

    assert not forms["rolle"].is_bound
    assert forms["entfernen"].is_valid()
    assert forms["entfernen"].cleaned_data == {"reason": "Ausgeschieden"}
