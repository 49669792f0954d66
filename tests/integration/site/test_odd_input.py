"""No odd input answers with a server error, on any URL, for anyone (issue 12, item 5).

Every URL pattern of the project (tests/url_routes.py walks the resolver, so a new URL is swept
without being listed here) is requested as an anonymous visitor, an approved municipal member,
fulfilment staff and a superuser, with:

- the path built from sample values (existing objects where the view names its model) and the
  queries `?q='` (an unpaired quote); `?q="` with the largest numbers the middleware lets
  through (15 digits) for the usual paging and id parameters; `?q=%00&page=%00`;
- each path parameter in turn replaced by a NUL character, and by a huge number (an `<int:…>`
  parameter) or its value with unpaired quotes `'"` (any other parameter);
- a POST with NUL characters in its fields, where the view takes POST.

A URL of an admin area that refuses the signed-in person (ozg_site.security: Wagtail's and
Django's admin for people without access) is requested once and must answer 403: the refusal
comes before any view reads a parameter. No answer may have a status of 500 or more. Each
request runs in a savepoint that is rolled back, so that a deleting URL leaves the objects for
the next one; the client raises what a view raised, and the test lists every failure with the
line it came from.
"""

import dataclasses
import traceback
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.test import RequestFactory
from django.urls import Resolver404
from django.urls import resolve
from django.views.generic import RedirectView

from ozg_site.odd_input import MAX_QUERY_NUMBER
from ozg_site.security import admin_area_refuses
from ozg_site.views import oscar_product_redirect
from shop.accounts.services import FULFILMENT_GROUP
from shop.models import Dienst
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish
from tests.pages import service_page_create
from tests.url_routes import Route
from tests.url_routes import ShadowedRoute
from tests.url_routes import model_of
from tests.url_routes import routes

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
QUOTES = "'\""
# The largest number the middleware lets through in a query (ozg_site.odd_input).
LARGEST = str(MAX_QUERY_NUMBER)
QUERIES = (
    "q=%27",
    "q=%22&"
    + "&".join(f"{name}={LARGEST}" for name in ("page", "p", "seite", "offset", "limit", "id")),
    "q=%00&page=%00",
)
NUL_FORM = {"q": "\x00", "name": "a\x00b", "\x00": "x"}
ROLES = ("anonymous", "member", "fulfilment", "superuser")
# Values of parameters whose pattern takes no object key.
ROUTE_VALUES = {
    "wagtail_serve": {"_0": "dienste/wohngeld/"},
}


@dataclasses.dataclass(frozen=True)
class World:
    """The objects the sample values point at, and one person per role."""

    values: dict[str, object]
    people: dict[str, object]


@pytest.fixture(scope="module")
def world(page_tree_for_module, django_db_blocker) -> World:
    with django_db_blocker.unblock():
        terms_of_use_publish()
        page = service_page_create(parent=page_tree_for_module.service_index, title="Wohngeld")
        dienst = Dienst.objects.get(page_id=page.pk)
        amt = amt_with_gemeinden(count=2)
        member = member_create(verwaltung=amt)
        order = order_place(user=member, verwaltung=amt, dienste=[dienst])
        fulfilment = staff_create(group=FULFILMENT_GROUP, is_staff=True)
        return World(
            values={
                "app_label": "shop",
                "model_name": "verwaltung",
                "number": order.number,
                "order_number": order.number,
                "line_id": order.lines.get().pk,
                "user_pk": member.pk,
                "dienst_id": dienst.pk,
                "verwaltung_id": amt.pk,
                "product_pk": dienst.product_id,
                "page_id": page.pk,
                "parent_page_id": page.get_parent().pk,
            },
            people={
                "anonymous": None,
                "member": member,
                "fulfilment": fulfilment,
                "superuser": UserFactory(is_staff=True, is_superuser=True),
            },
        )


def sample_values(route: Route, world: World) -> dict[str, object]:
    """A value for each parameter: a named object of the world, else an existing object of
    the view's model, else 1."""
    model = model_of(route.callback)
    existing = model._default_manager.order_by("pk").first() if model is not None else None
    fallback = existing.pk if existing is not None else 1
    values = {name: world.values.get(name, fallback) for name in route.parameters}
    return {**values, **ROUTE_VALUES.get(route.qualified_name, {})}


def odd_paths(route: Route, values: dict[str, object]) -> Iterator[str]:
    """The path with each parameter in turn replaced by NUL, and by a huge number (`<int:…>`)
    or its value with unpaired quotes (any other)."""
    for name in route.parameters:
        odd = HUGE if name in route.int_parameters else f"{values[name]}{quote(QUOTES)}"
        for value in ("%00", odd):
            yield route.path({**values, name: value}, check=False)


def takes_post(callback) -> bool:
    """Whether the view answers POST: a class-based view or API viewset says so; of a function
    view only its code knows, so it gets the POST."""
    actions = getattr(callback, "actions", None)  # Django REST framework (Wagtail's API)
    if actions is not None:
        return "post" in actions
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return "post" in view_class.http_method_names and hasattr(view_class, "post")
    return True


class Sweep:
    """Sends the requests as one person; collects what answered with a server error."""

    def __init__(self, person) -> None:
        self.person = person
        self.client = Client()
        self.session = self.sign_in()
        self.failures: list[str] = []
        self.sent = 0

    def sign_in(self) -> str:
        if self.person is None:
            return ""
        self.client.force_login(self.person)
        return self.client.cookies[settings.SESSION_COOKIE_NAME].value

    def refused(self, path: str) -> bool:
        """Whether the admin area of the path refuses the person (ozg_site.security)."""
        if self.person is None:
            return False
        request = RequestFactory().get(path)
        request.user = self.person
        request.resolver_match = resolve(path)
        return admin_area_refuses(request)

    def send(self, method: str, url: str, data: dict | None = None, expected: int = 0) -> None:
        """One request; a failure is a server error or, where `expected` is given, another
        status."""
        self.sent += 1
        status = None
        with transaction.atomic():
            try:
                if data is None:
                    status = self.client.generic(method, url).status_code
                else:
                    status = self.client.post(url, data).status_code
            except Exception as error:  # the sweep lists every failure at once
                self.failures.append(f"{method} {url}: {describe(error)}")
            transaction.set_rollback(True)
        if status is not None and (status >= 500 or (expected and status != expected)):
            self.failures.append(f"{method} {url}: {status}")
        cookie = self.client.cookies.get(settings.SESSION_COOKIE_NAME)
        if self.person is not None and (cookie is None or cookie.value != self.session):
            self.session = self.sign_in()  # a logout URL signed the person out


def describe(error: Exception) -> str:
    """The exception and the innermost line of the project or of a library above the ORM."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if "/django/db/" not in frame.filename and "/psycopg/" not in frame.filename
    ]
    where = f" ({frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {str(error)[:200]}{where}"


def answered_by_a_storefront_redirect(path: str) -> bool:
    view = resolve(path).func
    return getattr(view, "view_class", None) is RedirectView or view is oscar_product_redirect


def sweep(route: Route, world: World, requests: Sweep) -> None:
    values = sample_values(route, world)
    try:
        path = route.path(values)
    except ShadowedRoute as error:
        if not answered_by_a_storefront_redirect(route.path(values, check=False)):
            requests.failures.append(f"{route.text}: no path built ({error}); add a sample value")
        # else the redirect that takes Oscar's storefront URLs answers, and is swept on its own
        return
    except (KeyError, ValueError, Resolver404) as error:
        requests.failures.append(f"{route.text}: no path built ({error}); add a sample value")
        return
    if requests.refused(path):
        # The area answers 403 before any view reads a parameter: once is enough.
        requests.send("GET", f"{path}?{QUERIES[0]}", expected=403)
        return
    for query in QUERIES:
        requests.send("GET", f"{path}?{query}")
    for odd_path in odd_paths(route, values):
        requests.send("GET", odd_path)
    if takes_post(route.callback):
        requests.send("POST", path, NUL_FORM)


@pytest.mark.parametrize("role", ROLES)
def test_no_url_answers_odd_input_with_a_server_error(world, role):
    requests = Sweep(world.people[role])

    all_routes = list(routes())
    for route in all_routes:
        sweep(route, world, requests)

    # Every route was requested (people refused by an admin area get one request a route); some
    # 720 routes since Django's admin leaves out Oscar's webshop models (site/admin.py).
    assert len(all_routes) > 700 and requests.sent > len(all_routes)
    assert not requests.failures, (
        f"{len(requests.failures)} of {requests.sent} requests as {role} failed:\n  "
        + "\n  ".join(requests.failures)
    )
