"""Query budgets of the pages that `make bench` measures (docs/performance.md): each page costs
the same fixed number of queries with 2 services and 2 orders as with 20 of each.

The counts are those of the test client inside the test transaction: they include the two
savepoint statements of ATOMIC_REQUESTS (a running server sends BEGIN and COMMIT instead) and,
for signed-in people, the session and the user; their permissions come from the cache
(shop.accounts.auth_backends) after the warm-up request. Public pages after a first request has
filled what a worker keeps per generation (the site, the service cards, the profile's body).
Equality of small and large data is also asserted next to each view's own tests (test_site,
test_catalogue_page, test_meine_dienste, test_dashboard_orders, test_coverage_report); this file
holds the absolute numbers in one place, so that a change of any of them is seen.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import staff_groups_ensure
from shop.models import Dienst
from shop.onboarding.services import onboarding_checklist_sync
from shop.orders.rollout import lines_status_change
from tests.factories import ONBOARDING_CHECKLIST
from tests.factories import ONBOARDING_STEPS
from tests.factories import amt_with_gemeinden
from tests.factories import checklist_field
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

PUBLIC_PAGE_LIMIT = 10
FILTER = "?typ=online_dienst_efa&verfuegbarkeit=verfuegbar"
SEARCH = "?q=Dienst"

EXPORT_BUDGET = 10
# The order page with each service's history (tests/integration/orders/test_timeline_export.py),
# the open withdrawal requests and the contact changes (test_order_changes.py).
ORDER_PAGE_BUDGET = 16

# (name, url or None for the profile, who, budget). Budgets are today's exact counts.
PAGES = [
    ("home", "/", "anonymous", 5),
    ("catalogue", "/dienste/", "anonymous", 4),
    ("catalogue filtered", f"/dienste/{FILTER}", "anonymous", 4),
    ("catalogue search", f"/dienste/{SEARCH}", "anonymous", 3),
    ("profile", None, "anonymous", 2),
    # Signed in: each card says whether the person may still order its service (all refused here).
    ("catalogue signed in", "/dienste/", "member", 11),
    ("catalogue by responsibility", "/dienste/?zustaendig=amt", "anonymous", 4),
    # "Für meine Verwaltung": the member's Verwaltungen' kinds (one query for the offer).
    ("catalogue für meine Verwaltung", "/dienste/?zustaendig=amt", "member", 11),
    # From the cache (generation ORDER_OVERVIEWS) after the warm-up request: session, person,
    # memberships and the request's savepoint. Computed, the count is as fixed
    # (tests/integration/orders/test_meine_dienste.py).
    ("Meine Dienste", "/konto/meine-dienste/", "member", 5),
    ("Meine Dienste filtered", "/konto/meine-dienste/?status=Eingegangen", "member", 5),
    ("Meine Dienste orders", "/konto/meine-dienste/bestellungen/", "member", 7),
    # Every row of the overview, not a page: the same queries as the overview without its pager.
    ("Meine Dienste CSV", "/konto/meine-dienste/export.csv", "member", EXPORT_BUDGET),
    (
        "Meine Dienste XLSX",
        "/konto/meine-dienste/export.xlsx?status=Eingegangen",
        "member",
        EXPORT_BUDGET,
    ),
    ("dashboard order list", "/shop/dashboard/orders/", "staff", 11),
    # From the cache (shop.reports.cache) after the warm-up request.
    ("coverage report", "/umsetzung/berichte/abdeckung/", "staff", 4),
    # The map for a selection (bad input: all services) is kept in the same cache.
    ("coverage map selected", "/umsetzung/berichte/abdeckung/?dienst=alle", "staff", 4),
]


def shop_build(page_tree) -> dict:
    """Staff, an Amt with a member, and `grow(n)`: n published services, each ordered once."""
    staff_groups_ensure()
    staff = staff_create(group=FULFILMENT_GROUP, is_staff=True)
    amt = amt_with_gemeinden(count=4)
    member = member_create(verwaltung=amt)
    state = {"pages": [], "amt": amt, "member": member, "staff": staff}

    def grow(to: int) -> None:
        while len(state["pages"]) < to:
            number = len(state["pages"])
            page = service_page_create(
                parent=page_tree.service_index,
                title=f"Dienst {number}",
                featured=number % 2 == 0,
            )
            state["pages"].append(page)
            dienst = Dienst.objects.get(page_id=page.pk)
            if number == 0:
                # One service with a checklist: its Gemeinden and answers are read too.
                onboarding_checklist_sync(
                    dienst=dienst, fields=ONBOARDING_CHECKLIST, steps=ONBOARDING_STEPS
                )
            order_place(user=member, verwaltung=amt, dienste=[dienst])

    state["grow"] = grow
    return state


@pytest.fixture
def shop(page_tree):
    return shop_build(page_tree)


def queries(client, shop, url: str | None, who: str) -> int:
    client.logout()
    if who != "anonymous":
        client.force_login(shop[who])
    url = url or shop["pages"][0].url
    # Warm what a running server keeps: Wagtail's site root, templates, and what the public
    # pages keep per generation of the page cache (cms_pages.caching: legal links, facets,
    # figures), which publishing the pages of `grow` started anew.
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture(scope="module", autouse=True)
def measured(page_tree_for_module, django_db_blocker) -> dict[str, tuple[int, int]]:
    """The queries of each page of PAGES with 2 services and orders and with 20, measured once
    for the module (module_db): growing to 20 costs seconds, the requests milliseconds."""
    with django_db_blocker.unblock():
        shop = shop_build(page_tree_for_module)
        client = Client()
        shop["grow"](2)
        small = {name: queries(client, shop, url, who) for name, url, who, _ in PAGES}
        shop["grow"](20)
        large = {name: queries(client, shop, url, who) for name, url, who, _ in PAGES}
    return {name: (small[name], large[name]) for name in small}


@pytest.mark.parametrize(
    ("name", "budget"), [(p[0], p[3]) for p in PAGES], ids=[p[0] for p in PAGES]
)
def test_query_budget_is_fixed_for_small_and_large_data(measured, name, budget):
    assert measured[name] == (budget, budget)


@pytest.mark.parametrize("name", [p[0] for p in PAGES if p[2] == "anonymous"])
def test_public_pages_stay_within_ten_queries(measured, name):
    assert measured[name][0] <= PUBLIC_PAGE_LIMIT


def test_order_page_with_timeline_costs_the_same_for_one_and_many_services_and_changes(
    client, shop
):
    member, amt, staff = shop["member"], shop["amt"], shop["staff"]
    # With a checklist, so that the services' onboarding data are read too (nothing required:
    # the rollout below is not held up).
    checklist = {"onboarding_fields": [checklist_field("date", "Testtermin", required=False)]}
    small = order_place(user=member, verwaltung=amt, dienste=[dienst_create(**checklist)])
    lines_status_change(lines=list(small.lines.all()), new_status="In Prüfung", user=staff)
    large = order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst_create(**checklist), *(dienst_create() for _ in range(9))],
    )
    for status in ("In Prüfung", "In Umsetzung", "Im Test"):
        lines_status_change(lines=list(large.lines.all()), new_status=status, user=staff)

    counts = [
        queries(
            client, shop, reverse("shop_orders:order", kwargs={"number": order.number}), "member"
        )
        for order in (small, large)
    ]

    assert counts == [ORDER_PAGE_BUDGET, ORDER_PAGE_BUDGET]


# The members lists: a Verwaltungsadmin's under /konto/mitglieder/ and the ITVSH's in Wagtail
# (/cms/mitglieder/), with one member and with 30 (members, requests, removed ones).
MEMBER_LISTS = [
    ("Mitglieder", "/konto/mitglieder/", "admin", 6),
    ("Wagtail", "/cms/mitglieder/", "editor", 11),
]


@pytest.mark.parametrize(
    ("name", "url", "who", "budget"), MEMBER_LISTS, ids=[m[0] for m in MEMBER_LISTS]
)
def test_members_lists_cost_the_same_for_one_and_many_members(client, name, url, who, budget):
    from shop.accounts.services import EDITORS_GROUP
    from shop.members.services import membership_remove
    from shop.models import Membership
    from tests.factories import UserFactory

    amt = amt_with_gemeinden(count=1)
    people = {
        "admin": member_create(verwaltung=amt, admin=True),
        "editor": staff_create(group=EDITORS_GROUP),
    }

    def counted() -> int:
        client.force_login(people[who])
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(captured)

    one = counted()
    for number in range(10):
        member_create(verwaltung=amt, role="lesend" if number % 2 else "bestellberechtigt")
        Membership.objects.create(user=UserFactory(), verwaltung=amt)
        gone = member_create(verwaltung=amt)
        membership_remove(
            membership_id=Membership.objects.get(user=gone).pk, decided_by=people["admin"]
        )
    many = counted()

    assert (one, many) == (budget, budget)
