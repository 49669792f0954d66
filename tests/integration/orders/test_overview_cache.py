"""The overview of "Meine Dienste" is computed once per generation ORDER_OVERVIEWS and per
Verwaltung: a repeated visit reads only the session, the person and the memberships, and every
change a member, the rollout team, an editor or the onboarding makes shows at the next visit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.accounts.services import membership_ensure_approved
from shop.generations import ORDER_OVERVIEWS
from shop.generations import generation_bump
from shop.models import Dienst
from shop.models import Membership
from shop.onboarding.services import onboarding_answers_save
from shop.orders.rollout import lines_status_change
from tests.factories import ONBOARDING_CHECKLIST
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.responses import page_text

pytestmark = pytest.mark.django_db

OVERVIEW = "/konto/meine-dienste/"


def overview_text(client, query: str = "") -> str:
    return page_text(client.get(OVERVIEW + query))


def queries_of_one_visit(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(OVERVIEW).status_code == 200
    return len(queries)


def test_a_repeated_visit_reads_no_order_data(client, member, order):
    client.force_login(member)
    client.get(OVERVIEW)  # what the process keeps for every page (legal links, the site)
    generation_bump(name=ORDER_OVERVIEWS)
    computed = queries_of_one_visit(client)
    cached = queries_of_one_visit(client)

    # Session, person and memberships; the ordered services, their orders, checklists and the
    # newest orders come from the cache.
    assert cached <= computed - 4


def test_a_status_change_of_the_rollout_team_shows_at_once(client, amt, member, order, fulfilment):
    client.force_login(member)
    assert "Eingegangen" in overview_text(client)

    lines_status_change(lines=[order.lines.get()], new_status="In Prüfung", user=fulfilment)

    text = overview_text(client)
    assert "In Prüfung" in text
    assert "In Prüfung" in overview_text(client, "?status=In+Pr%C3%BCfung")


def test_a_new_order_a_renamed_service_and_a_renamed_orderer_show_at_once(
    client, amt, member, order
):
    client.force_login(member)
    assert "Hanna Hüttmann" in overview_text(client)

    order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Hundesteuer")])
    assert "Hundesteuer" in overview_text(client)

    wohngeld = Dienst.objects.get(title="Wohngeld")
    wohngeld.title = "Wohngeld digital"
    wohngeld.save()
    assert "Wohngeld digital" in overview_text(client)

    member.last_name = "Hüttmann-Berg"
    member.save()
    assert "Hanna Hüttmann-Berg" in overview_text(client)


def test_a_login_keeps_what_is_cached(client, member, order, django_capture_on_commit_callbacks):
    member.save(update_fields=["last_login"])  # what Django does at every login

    with django_capture_on_commit_callbacks() as callbacks:
        member.save(update_fields=["last_login"])

    assert callbacks == []


@pytest.mark.object_storage
def test_onboarding_answers_show_at_once(client, amt, member):
    client.force_login(member)
    order = order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst_create(title="Gewerbeanmeldung", onboarding_fields=ONBOARDING_CHECKLIST)],
    )
    assert "Noch benötigte Angaben (6)" in overview_text(client)

    onboarding_answers_save(
        ordered_service=order.lines.get().ozg_service,
        user=member,
        values={("fachverfahren", None): "Migewa"},
    )

    assert "Noch benötigte Angaben (5)" in overview_text(client)


def test_each_verwaltung_and_each_page_has_its_own_overview(client, amt, member, order):
    other = amt_with_gemeinden(name="Amt Probsteierhagen")
    both = member_create(verwaltung=other, email="beide@example.org", first_name="Bea")
    membership_ensure_approved(user=both, verwaltung=amt, role=Membership.Role.ORDERING)
    order_place(user=both, verwaltung=other, dienste=[dienst_create(title="Fischereischein")])
    for number in range(25):
        order_place(user=member, verwaltung=amt, dienste=[dienst_create(title=f"Dienst {number}")])
    client.force_login(both)

    for _ in range(2):  # computed, then cached
        own = overview_text(client, f"?verwaltung={other.pk}")
        first = overview_text(client, f"?verwaltung={amt.pk}")
        second = overview_text(client, f"?verwaltung={amt.pk}&seite=2")
        assert "Fischereischein" in own and "Wohngeld" not in own
        assert "Fischereischein" not in first and "Dienst 0" in first
        assert "Wohngeld" in second and "Dienst 0" not in second
