"""Decisions about memberships are evidence: never changed, never deleted; the membership they
are about cannot be deleted either."""

import pytest
from django.db.models import ProtectedError

from shop.members.services import membership_role_change
from shop.models import ImmutableError
from shop.models import MembershipDecision

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(team) -> MembershipDecision:
    membership_role_change(
        membership_id=team.membership(team.colleague).pk,
        role="lesend",
        is_admin=False,
        decided_by=team.admin,
    )
    return MembershipDecision.objects.get()


def test_a_decision_is_never_changed(decision):
    decision.reason = "nachträglich"
    with pytest.raises(ImmutableError):
        decision.save()
    with pytest.raises(ImmutableError):
        MembershipDecision.objects.update(reason="nachträglich")


def test_a_decision_is_never_deleted(decision):
    with pytest.raises(ImmutableError):
        decision.delete()
    with pytest.raises(ImmutableError):
        MembershipDecision.objects.all().delete()
    with pytest.raises(ProtectedError):
        decision.membership.delete()
    assert MembershipDecision.objects.count() == 1
