"""Two Verwaltungsadmins take each other's admin role away at the same moment, on PostgreSQL
(SQLite serialises all writes, so there the race cannot happen; production runs on
PostgreSQL): one of them stays admin."""

import time

import pytest

from shop.members import services
from shop.models import Membership
from shop.models import MembershipDecision
from tests.concurrency import at_once
from tests.conftest import postgresql_only_and_restored
from tests.factories import amt_with_gemeinden
from tests.factories import member_create

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

_postgresql_only_and_restored = postgresql_only_and_restored(
    reason="Concurrent decisions are tested on PostgreSQL (DATABASE_URL=postgres://…)."
)


@pytest.fixture
def slow_count(monkeypatch):
    """Each decision waits after counting the admins, so that without a lock both would count
    two before either writes."""
    count = services.admin_count

    def counted_slowly(**kwargs):
        found = count(**kwargs)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(services, "admin_count", counted_slowly)


@pytest.mark.parametrize("how", ["demote", "remove"])
def test_two_admins_demoting_each_other_leave_one_admin(slow_count, how):
    amt = amt_with_gemeinden(count=1)
    first = member_create(verwaltung=amt, admin=True)
    second = member_create(verwaltung=amt, admin=True)
    memberships = {user: Membership.objects.get(user=user) for user in (first, second)}

    def take_away(target, by):
        if how == "remove":
            return lambda: services.membership_remove(
                membership_id=memberships[target].pk, decided_by=by
            )
        return lambda: services.membership_role_change(
            membership_id=memberships[target].pk,
            role=Membership.Role.ORDERING,
            is_admin=False,
            decided_by=by,
        )

    outcomes = at_once(take_away(second, first), take_away(first, second))

    refused = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert len(refused) == 1, outcomes
    assert isinstance(refused[0], services.MemberError)
    assert str(refused[0]) in (
        services.LAST_ADMIN,
        "Über diese Mitgliedschaft dürfen Sie nicht entscheiden.",
    )
    admins = Membership.objects.filter(
        verwaltung=amt, status=Membership.Status.APPROVED, is_admin=True
    )
    assert admins.count() == 1
    assert MembershipDecision.objects.count() == 1
