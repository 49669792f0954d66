"""Query budgets of the pages that `make bench` measures (docs/performance.md): each page costs
the same fixed number of queries with 2 services and 2 orders as with 20 of each.

The counts are those of the test client inside the test transaction: they include the two
savepoint statements of ATOMIC_REQUESTS (a running server sends BEGIN and COMMIT instead) and,
for signed-in people, the session and the user. Public pages after a first request has filled
what a worker keeps per generation (the site, the service cards, the profile's body). Equality
of small and large data is also asserted next to each view's own tests (test_site,
test_catalogue_page, test_meine_dienste, test_dashboard_orders, test_coverage_report); this file
holds the absolute numbers in one place, so that a change of any of them is seen.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import staff_groups_ensure
from shop.models import Dienst
from tests.factories import amt_with_gemeinden
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.pages import service_page_create

pytestmark = pytest.mark.django_db

PUBLIC_PAGE_LIMIT = 10
FILTER = "?typ=online_dienst_efa&verfuegbarkeit=verfuegbar"
SEARCH = "?q=Dienst"

# (name, url or None for the profile, who, budget). Budgets are today's exact counts.
PAGES = [
    ("home", "/", "anonymous", 5),
    ("catalogue", "/dienste/", "anonymous", 5),
    ("catalogue filtered", f"/dienste/{FILTER}", "anonymous", 5),
    ("catalogue search", f"/dienste/{SEARCH}", "anonymous", 4),
    ("profile", None, "anonymous", 5),
    # Signed in: each card says whether the person may still order its service (all refused here).
    ("catalogue signed in", "/dienste/", "member", 14),
    ("catalogue by responsibility", "/dienste/?zustaendig=amt", "anonymous", 5),
    # "Für meine Verwaltung": the member's Verwaltungen' kinds (one query for the offer).
    ("catalogue für meine Verwaltung", "/dienste/?zustaendig=amt", "member", 14),
    ("Meine Dienste", "/konto/meine-dienste/", "member", 10),
    ("Meine Dienste filtered", "/konto/meine-dienste/?status=Eingegangen", "member", 10),
    ("Meine Dienste orders", "/konto/meine-dienste/bestellungen/", "member", 7),
    ("dashboard order list", "/shop/dashboard/orders/", "staff", 10),
    # From the cache (shop.reports.cache) after the warm-up request.
    ("coverage report", "/umsetzung/berichte/abdeckung/", "staff", 6),
]


@pytest.fixture
def shop(page_tree):
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
            order_place(user=member, verwaltung=amt, dienste=[Dienst.objects.get(page_id=page.pk)])

    state["grow"] = grow
    return state


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


@pytest.mark.parametrize(("name", "url", "who", "budget"), PAGES, ids=[p[0] for p in PAGES])
def test_query_budget_is_fixed_for_small_and_large_data(client, shop, name, url, who, budget):
    shop["grow"](2)
    small = queries(client, shop, url, who)
    shop["grow"](20)
    large = queries(client, shop, url, who)

    assert (small, large) == (budget, budget)


@pytest.mark.parametrize(("name", "url"), [(p[0], p[1]) for p in PAGES if p[2] == "anonymous"])
def test_public_pages_stay_within_ten_queries(client, shop, name, url):
    shop["grow"](2)
    assert queries(client, shop, url, "anonymous") <= PUBLIC_PAGE_LIMIT
