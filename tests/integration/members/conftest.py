"""The Amt Hüttener Berge with its Verwaltungsadmin Hanna, a colleague who is a member, and an
open request; and the Amt Bredstedt with its own admin and member (for isolation)."""

import dataclasses

import pytest

from shop.models import Membership
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create


@dataclasses.dataclass(frozen=True)
class Team:
    verwaltung: object
    admin: object
    colleague: object
    request: Membership

    def membership(self, user) -> Membership:
        return Membership.objects.get(user=user, verwaltung=self.verwaltung)


def team_create(*, verwaltung, label: str) -> Team:
    admin = member_create(
        verwaltung=verwaltung,
        admin=True,
        first_name="Admin",
        last_name=label,
        email=f"admin@{label.lower()}.example",
    )
    colleague = member_create(
        verwaltung=verwaltung,
        first_name="Kolle",
        last_name=label,
        email=f"kollege@{label.lower()}.example",
    )
    applicant = UserFactory(
        first_name="Antje", last_name=label, email=f"antrag@{label.lower()}.example"
    )
    request = Membership.objects.create(user=applicant, verwaltung=verwaltung)
    return Team(verwaltung=verwaltung, admin=admin, colleague=colleague, request=request)


@pytest.fixture
def team(amt) -> Team:
    return team_create(verwaltung=amt, label="Huettener")


@pytest.fixture
def other_team(db) -> Team:
    return team_create(
        verwaltung=amt_with_gemeinden(count=1, name="Amt Bredstedt"), label="Bredstedt"
    )
