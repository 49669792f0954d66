"""Isolation sweep: nothing of one Verwaltung reaches the members of another, and no staff area
lets a municipal member in.

Two Verwaltungen, A and B, each with a member (its Verwaltungsadmin) who placed an order of
two services and a Rückfrage on it (Oscar's address book, wish lists, product alerts and
notifications are no pages of the shop: tests/integration/site/test_municipal_pages.py). The
member of B requests each municipal page and API object of A and must get 404; with the same
parameters built from B's objects, B's member must get the page (so the 404 is not true for
everyone).

The URLs come from the resolver, not from a hand-written list: every URL of the municipal areas
that takes a parameter must be either in OBJECT_URLS (how to build its parameters from a
Verwaltung's objects) or in EXEMPT_URLS (why it needs no sweep). A new URL with a parameter fails
`test_every_municipal_object_url_is_swept` until someone decides how it is isolated. Likewise
every URL below the staff areas is requested as a municipal member.

Each Verwaltung also supplied onboarding data for its own service, with an uploaded file (so
the module writes a file: object_storage).

The data is built once for the module (in a transaction rolled back at its end); each test runs
in a savepoint inside it, as pytest-django's `db` does.
"""

import dataclasses
from collections.abc import Callable
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import Resolver404
from django.urls import reverse

from shop.interest.services import dienst_interest_register
from shop.models import ContactChange
from shop.models import ContactRole
from shop.models import Dienst
from shop.models import Membership
from shop.models import OrderMessage
from shop.models import WithdrawalRequest
from shop.onboarding.services import onboarding_answers_save
from shop.orders.messages import order_message_post
from shop.orders.services import ContactData
from tests.factories import ONBOARDING_CHECKLIST
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.url_routes import Route
from tests.url_routes import model_of
from tests.url_routes import municipal_routes
from tests.url_routes import routes

pytestmark = [pytest.mark.django_db, pytest.mark.object_storage]


# The data: two Verwaltungen, each with an order and a Rückfrage


@dataclasses.dataclass(frozen=True)
class Municipality:
    """One Verwaltung with an ordering member who is its Verwaltungsadmin, the order and a
    Rückfrage on it, and its interest in a service in Vorbereitung."""

    verwaltung: object
    member: object
    order: object
    line: object
    dienst: object
    message: OrderMessage
    contact_email: str
    upcoming: object
    interest_note: str
    onboarding_email: str
    answer: object

    @property
    def secrets(self) -> dict[str, str]:
        """What must never appear in a response to a member of another Verwaltung."""
        return {
            "order number": self.order.number,
            "contact e-mail": self.contact_email,
            "Rückfrage": self.message.text,
            "interest note": self.interest_note,
            "member e-mail": self.member.email,
            "onboarding value": self.onboarding_email,
        }


def municipality_create(*, label: str, shared_dienst, upcoming) -> Municipality:
    """The Amt `label` and its member, who ordered the `shared_dienst` and a service of its own,
    asked a question about the order and is interested in the `upcoming` service."""
    own_dienst = dienst_create(
        title=f"Dienst nur für {label}", onboarding_fields=ONBOARDING_CHECKLIST
    )
    verwaltung = amt_with_gemeinden(count=2, name=f"Amt {label}")
    member = member_create(
        verwaltung=verwaltung, admin=True, email=f"mitglied@{label.lower()}.example"
    )
    contact_email = f"fachlich@{label.lower()}.example"
    order = order_place(
        user=member,
        verwaltung=verwaltung,
        dienste=[shared_dienst, own_dienst],
        contacts=(
            ContactData(role=ContactRole.SUBJECT, name=f"Fach {label}", email=contact_email),
            ContactData(role=ContactRole.TECHNICAL, name="Technik", email="t@amt.example"),
            ContactData(role=ContactRole.MAILBOX, name="Postfach", email="p@amt.example"),
            ContactData(role=ContactRole.DATA_PROTECTION, name="DS", email="ds@amt.example"),
        ),
    )
    message = order_message_post(
        details=order.ozg_details,
        author=member,
        text=f"Rückfrage aus dem Amt {label} zur Einrichtung",
        from_staff=False,
    )
    interest = dienst_interest_register(
        user=member, dienst=upcoming, verwaltung=verwaltung, note=f"Wir im Amt {label} warten"
    )
    line = order.lines.get(product=own_dienst.product)
    onboarding_email = f"gewerbe@{label.lower()}.example"
    onboarding_answers_save(
        ordered_service=line.ozg_service,
        user=member,
        values={
            ("funktionspostfach", None): onboarding_email,
            ("anbindungsformular", None): SimpleUploadedFile(
                f"Anbindung {label}.pdf", b"%PDF-1.4\n%%EOF\n"
            ),
        },
    )
    return Municipality(
        verwaltung=verwaltung,
        member=member,
        order=order,
        line=line,
        dienst=own_dienst,
        message=message,
        contact_email=contact_email,
        upcoming=upcoming,
        interest_note=interest.note,
        onboarding_email=onboarding_email,
        answer=line.ozg_service.onboarding_answers.get(field_key="anbindungsformular"),
    )


@dataclasses.dataclass(frozen=True)
class World:
    a: Municipality
    b: Municipality


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        terms_of_use_publish()
        shared = dienst_create(title="Wohngeld")
        upcoming = dienst_create(
            title="Hundesteuer", availability=Dienst.Availability.IN_PREPARATION
        )
        world = World(
            a=municipality_create(label="Ahrensdorf", shared_dienst=shared, upcoming=upcoming),
            b=municipality_create(label="Bredstedt", shared_dienst=shared, upcoming=upcoming),
        )
        yield world
        transaction.set_rollback(True)


def offending(found: list[str]) -> str:
    return "\n  " + "\n  ".join(found)


# Meine Dienste, Oscar's account, checkout and the API: every URL with an object parameter


@dataclasses.dataclass(frozen=True)
class ObjectUrl:
    """How to request a URL for one Verwaltung's objects (`kwargs` from its Municipality), the
    methods its view serves, and what the member of that Verwaltung gets: `owner_get` for GET
    (None: the view serves no GET), `owner_post` for a POST of `post_data` (None: no POST). A
    member of another Verwaltung gets `foreign` for each."""

    kwargs: Callable[[Municipality], dict]
    owner_get: int | None = 200
    post_data: dict | None = None
    owner_post: int | None = None
    foreign: int = 404


def _order(m: Municipality) -> dict:
    return {"number": m.order.number}


def _oscar_order(m: Municipality) -> dict:
    return {"order_number": m.order.number}


# A correction of the contacts as the form posts it.
CHANGED_CONTACTS = {
    "fachlich_name": "Fach Neu",
    "fachlich_email": "fach-neu@amt.example",
    "technisch_name": "Technik",
    "technisch_email": "t@amt.example",
    "funktionspostfach_name": "Postfach",
    "funktionspostfach_email": "p@amt.example",
    "datenschutz_name": "DS",
    "datenschutz_email": "ds@amt.example",
}

OBJECT_URLS: dict[str, ObjectUrl] = {
    # Meine Dienste: the order page, its Rückfragen (POST only) and a service of a Verwaltung.
    "shop_orders:order(number)": ObjectUrl(_order),
    "shop_orders:messages(number)": ObjectUrl(
        _order, owner_get=None, post_data={"text": "Noch eine Frage"}, owner_post=302
    ),
    "shop_orders:service(dienst_id,verwaltung_id)": ObjectUrl(
        lambda m: {"verwaltung_id": m.verwaltung.pk, "dienst_id": m.dienst.pk}
    ),
    # The interest of a Verwaltung in a service in Vorbereitung (the profile's form posts here).
    "shop_accounts:interest(dienst_id,verwaltung_id)": ObjectUrl(
        lambda m: {"verwaltung_id": m.verwaltung.pk, "dienst_id": m.upcoming.pk},
        post_data={"aktion": "bekunden", "note": "Noch eine Anmerkung"},
        owner_post=302,
    ),
    # Changes after ordering: the contacts of an order, the withdrawal of one of its services.
    "shop_orders:contacts(number)": ObjectUrl(
        _order, post_data=dict(CHANGED_CONTACTS), owner_post=302
    ),
    "shop_orders:withdrawal(line_id,number)": ObjectUrl(
        lambda m: {"number": m.order.number, "line_id": m.line.pk},
        post_data={"reason": "Doppelt bestellt."},
        owner_post=302,
    ),
    # The onboarding data of a service ("Noch benötigte Angaben") and an uploaded file.
    "shop_orders:onboarding(line_id,number)": ObjectUrl(
        lambda m: {"number": m.order.number, "line_id": m.line.pk},
        post_data={"f-funktionspostfach": "neu@amt.example"},
        owner_post=302,
    ),
    "shop_orders:onboarding_file(answer_id,line_id,number)": ObjectUrl(
        lambda m: {"number": m.order.number, "line_id": m.line.pk, "answer_id": m.answer.pk}
    ),
    # The order document as PDF and its print view.
    "shop_orders:document(number)": ObjectUrl(_order),
    "shop_orders:print(number)": ObjectUrl(_order),
    # The members' JSON API.
    "api:bestellung(number)": ObjectUrl(_order),
    # A member of the Verwaltung, for its Verwaltungsadmin: the page and its decisions (here
    # the admin changes their own role and stays admin).
    "shop_accounts:member(pk)": ObjectUrl(
        lambda m: {"pk": Membership.objects.get(user=m.member).pk},
        post_data={"aktion": "rolle", "rolle-role": "lesend", "rolle-is_admin": "on"},
        owner_post=302,
    ),
    # Oscar's own order pages under /shop/accounts/ and their re-order actions lead to Meine
    # Dienste.
    "customer:order(order_number)": ObjectUrl(
        _oscar_order, owner_get=302, post_data={"action": "reorder"}, owner_post=302
    ),
    "customer:order-line(line_id,order_number)": ObjectUrl(
        lambda m: {"order_number": m.order.number, "line_id": m.line.pk},
        owner_get=302,
        post_data={"action": "reorder"},
        owner_post=302,
    ),
}

# URLs with a parameter that is no object of a Verwaltung or an account, and why.
EXEMPT_URLS = {
    # Public catalogue objects: products, service profiles, OZG-Leistungen.
    "basket:add(pk)",
    "api:service_detail(page_id)",
    "api:leistung(ozg_id)",
    # Looks the voucher up in the requester's own basket only.
    "basket:vouchers-remove(pk)",
    # The link of the registration e-mail: a signed one-time token (tests/integration/
    # accounts/test_registration.py).
    "shop_accounts:confirm(token,uidb64)",
    # The link that confirms a new sign-in address: signed, and refused unless the signed-in
    # person is the one it names (tests/integration/accounts/test_account_safety.py).
    "shop_accounts:email_change_confirm(token)",
    # The link of the password reset e-mail: a signed one-time token, for people not signed in.
    "password-reset-confirm(token,uidb64)",
    # The operators' status API: an API client's token, never a member's session (401 for
    # members: tests/integration/integrations/test_operator_api.py).
    "api:umsetzung_status_aendern(number,position_id)",
}


def test_every_municipal_object_url_is_swept():
    discovered = {route.key for route in municipal_routes() if route.parameters}

    unswept = sorted(discovered - set(OBJECT_URLS) - EXEMPT_URLS)
    gone = sorted((set(OBJECT_URLS) | EXEMPT_URLS) - discovered)
    assert not unswept, (
        "URLs with an object parameter that the isolation sweep does not cover; add them to "
        f"OBJECT_URLS or, with the reason, to EXEMPT_URLS:{offending(unswept)}"
    )
    assert not gone, f"Swept or exempt URLs that no longer exist:{offending(gone)}"
    assert not set(OBJECT_URLS) & EXEMPT_URLS


def signed_in(user) -> Client:
    """A client that answers a server error with its status instead of raising, so that a
    sweep lists every offending URL at once."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def url_for(key: str, m: Municipality) -> str:
    return reverse(key.split("(")[0], kwargs=OBJECT_URLS[key].kwargs(m))


def requests_of(spec: ObjectUrl) -> list[tuple[str, dict | None, int]]:
    """(method, POST data, status for the owner) for each method the view serves."""
    requests = []
    if spec.owner_get is not None:
        requests.append(("get", None, spec.owner_get))
    if spec.owner_post is not None:
        requests.append(("post", spec.post_data, spec.owner_post))
    return requests


def send(client: Client, method: str, url: str, data: dict | None):
    return client.get(url) if method == "get" else client.post(url, data or {})


def leaks(response, m: Municipality) -> list[str]:
    content = response.content.decode(errors="replace")
    return [label for label, secret in m.secrets.items() if secret in content]


def test_a_member_gets_404_for_every_object_of_another_verwaltung(world):
    client = signed_in(world.b.member)

    found = []
    for key, spec in OBJECT_URLS.items():
        url = url_for(key, world.a)
        for method, data, _ in requests_of(spec):
            response = send(client, method, url, data)
            shown = leaks(response, world.a)
            if response.status_code != spec.foreign or shown:
                found.append(
                    f"{method.upper()} {url} ({key}): {response.status_code}, expected "
                    f"{spec.foreign}; shows {shown}"
                )
    assert not found, f"The member of B reaches objects of A:{offending(found)}"
    assert OrderMessage.objects.filter(details__order=world.a.order).count() == 1
    assert not ContactChange.objects.filter(details__order=world.a.order).exists()
    assert not WithdrawalRequest.objects.filter(ordered_service__details__order=world.a.order)


def test_a_member_gets_every_object_of_their_own_verwaltung(world):
    """The same sweep with B's objects, so that the 404s above are not true for everyone. Each
    request runs in a savepoint that is rolled back: a deleting POST leaves the object for the
    next request."""
    client = signed_in(world.b.member)

    found = []
    for key, spec in OBJECT_URLS.items():
        url = url_for(key, world.b)
        for method, data, expected in requests_of(spec):
            with transaction.atomic():
                response = send(client, method, url, data)
                transaction.set_rollback(True)
            if response.status_code != expected:
                found.append(
                    f"{method.upper()} {url} ({key}): {response.status_code}, expected {expected}"
                )
    assert not found, f"The member of B does not reach B's own objects:{offending(found)}"


# Parameters of which one belongs to B and another to A: each must be 404 as well.
MIXED_URLS = [
    (
        "shop_orders:withdrawal",
        lambda a, b: {"number": b.order.number, "line_id": a.line.pk},
    ),
    (
        "shop_orders:withdrawal",
        lambda a, b: {"number": a.order.number, "line_id": b.line.pk},
    ),
    (
        "shop_orders:service",
        lambda a, b: {"verwaltung_id": b.verwaltung.pk, "dienst_id": a.dienst.pk},
    ),
    (
        "shop_orders:service",
        lambda a, b: {"verwaltung_id": a.verwaltung.pk, "dienst_id": b.dienst.pk},
    ),
]


def test_parameters_mixing_two_verwaltungen_are_404(world):
    client = signed_in(world.b.member)

    found = []
    for name, kwargs in MIXED_URLS:
        url = reverse(name, kwargs=kwargs(world.a, world.b))
        response = client.get(url)
        if response.status_code != 404 or leaks(response, world.a):
            found.append(f"GET {url} ({name}): {response.status_code}")
    assert not found, f"Mixed parameters that reach objects of A:{offending(found)}"


# Pages of Meine Dienste that choose the Verwaltung by `?verwaltung=ID` (a member of several
# chooses which one to see or export) rather than by a path parameter; with B's ID, `own_shows`
# says whether B's order number can be read in the answer (not in a compressed XLSX).
VERWALTUNG_QUERY_URLS = {
    "shop_orders:overview": True,
    "shop_orders:orders": True,
    "shop_orders:export_csv": True,
    "shop_orders:export_xlsx": False,
}


def test_a_verwaltung_chosen_by_query_parameter_is_404_for_others(world):
    client = signed_in(world.b.member)

    found = []
    for name, own_shows in VERWALTUNG_QUERY_URLS.items():
        url = reverse(name)
        foreign = client.get(url, {"verwaltung": world.a.verwaltung.pk})
        if foreign.status_code != 404 or leaks(foreign, world.a):
            found.append(f"GET {url}?verwaltung=A: {foreign.status_code}, expected 404")
        own = client.get(url, {"verwaltung": world.b.verwaltung.pk})
        shown = world.b.order.number in own.content.decode(errors="replace")
        if own.status_code != 200 or (own_shows and not shown):
            found.append(f"GET {url}?verwaltung=B: {own.status_code}, B's order shown: {shown}")
    assert not found, f"Choosing a Verwaltung by query parameter:{offending(found)}"


def test_no_page_without_parameters_shows_anything_of_another_verwaltung(world):
    """Every municipal URL without a parameter (lists, account pages, checkout steps, the API's
    lists) as the member of B: no server error, nothing of A; and B's own order is listed where
    orders are listed, so that the check is not empty."""
    client = signed_in(world.b.member)

    found = []
    swept = {}
    for route in municipal_routes():
        if route.parameters:
            continue
        path = route.path({})
        client.force_login(world.b.member)  # again: customer:logout signs out
        response = client.get(path)
        swept[route.key] = response
        shown = leaks(response, world.a)
        if response.status_code >= 500 or shown:
            found.append(f"GET {path} ({route.key}): {response.status_code}; shows {shown}")
    assert not found, f"Pages that show the member of B something of A:{offending(found)}"

    listing_b = [
        "shop_orders:overview()",
        "shop_orders:export_csv()",
        "api:bestellungen()",
        "api:dienste()",
    ]
    for key in listing_b:
        assert world.b.order.number in swept[key].content.decode(), key
    assert world.b.member.email in swept["shop_accounts:members()"].content.decode()
    verwaltungen = [verwaltung["id"] for verwaltung in swept["api:verwaltungen()"].json()]
    assert verwaltungen == [world.b.verwaltung.pk]


def test_thank_you_page_shows_no_order_of_another_verwaltung(world):
    """Oscar lets superusers choose the order of the thank-you page by number or id; for
    everyone else the page shows the order that the session's checkout placed, and the shop's
    view checks that it belongs to the person's Verwaltungen."""
    client = signed_in(world.b.member)
    url = reverse("checkout:thank-you")

    chosen = client.get(url, {"order_number": world.a.order.number, "order_id": world.a.order.pk})
    session = client.session
    session["checkout_order_id"] = world.a.order.pk  # as if the session pointed at A's order
    session.save()
    pointed_at = client.get(url)
    session["checkout_order_id"] = world.b.order.pk
    session.save()
    own = client.get(url)

    # Without an order in the session, Oscar sends the person to the home page.
    assert (chosen.status_code, chosen["Location"], leaks(chosen, world.a)) == (302, "/", [])
    assert (pointed_at.status_code, leaks(pointed_at, world.a)) == (404, [])
    assert own.status_code == 200
    assert world.b.order.number in own.content.decode()


def test_a_former_member_sees_nothing_of_the_verwaltung_in_meine_dienste(world):
    """Whoever placed an order and then left the Verwaltung (membership removed) sees its
    orders no longer: orders belong to the Verwaltung, not to the person."""
    Membership.objects.filter(user=world.a.member).delete()
    client = signed_in(world.a.member)

    for key in (
        "shop_orders:order(number)",
        "shop_orders:document(number)",
        "shop_orders:print(number)",
        "shop_orders:service(dienst_id,verwaltung_id)",
        "api:bestellung(number)",
    ):
        assert client.get(url_for(key, world.a)).status_code == 404, key
    for path in ("/konto/meine-dienste/", "/api/konto/bestellungen", "/api/konto/dienste"):
        assert world.a.order.number not in client.get(path).content.decode(), path


# Oscar's own order pages filter by the person who placed the order, not by the Verwaltung
# (oscar_overrides.customer_views leads them to Meine Dienste).


def test_a_former_member_sees_nothing_of_the_verwaltung_in_oscars_account(world):
    Membership.objects.filter(user=world.a.member).delete()
    client = signed_in(world.a.member)

    detail = client.get(url_for("customer:order(order_number)", world.a))
    line = client.get(url_for("customer:order-line(line_id,order_number)", world.a))
    history = client.get(reverse("customer:order-list"), follow=True)

    assert detail.status_code == 404
    assert line.status_code == 404
    assert history.redirect_chain[-1][0] == reverse("shop_orders:overview")
    assert world.a.order.number not in history.content.decode()


def test_oscar_order_pages_lead_the_member_to_meine_dienste(world):
    client = signed_in(world.b.member)
    order_page = reverse("shop_orders:order", kwargs={"number": world.b.order.number})

    detail = client.get(url_for("customer:order(order_number)", world.b))
    line = client.get(url_for("customer:order-line(line_id,order_number)", world.b))
    history = client.get(reverse("customer:order-list"))

    assert detail.url == order_page
    assert line.url == order_page
    assert history.url == reverse("shop_orders:overview")


def test_oscar_order_line_of_another_order_is_404(world):
    client = signed_in(world.b.member)

    response = client.post(
        reverse(
            "customer:order-line",
            kwargs={"order_number": world.b.order.number, "line_id": world.a.line.pk},
        ),
        {"action": "reorder"},
    )

    assert response.status_code == 404


# The staff areas: every URL below them, as a municipal member


@dataclasses.dataclass(frozen=True)
class StaffArea:
    """What a signed-in municipal member gets on every URL of a staff area: `status`, and for a
    redirect the page it must lead to (the area's own login, which tells a signed-in person
    that their account has no access)."""

    prefix: str
    status: int
    login: str = ""


STAFF_AREAS = (
    # Oscar's dashboard and the shop's pages for the fulfilment team answer 403.
    StaffArea("/shop/dashboard/", 403),
    StaffArea("/umsetzung/", 403),
    # Wagtail's and Django's admin would show their login form; ozg_site.security answers 403.
    StaffArea("/cms/", 403),
    StaffArea("/django-admin/", 403),
)

# The pages of a staff area that are there for people without access: signing in and out,
# resetting a password.
STAFF_PUBLIC_URLS = {
    "dashboard:login()",
    "dashboard:logout()",
    "admin:login()",
    "admin:logout()",
    "wagtailadmin_login()",
    "wagtailadmin_password_reset()",
    "wagtailadmin_password_reset_done()",
    "wagtailadmin_password_reset_confirm(token,uidb64)",
    "wagtailadmin_password_reset_complete()",
    # Static assets of the admin UIs, the same for everyone: Wagtail's icon sprite, the
    # JavaScript translation catalogues of Wagtail and of django-treebeard's category admin.
    "wagtailadmin_sprite()",
    "wagtailadmin_javascript_catalog()",
    "admin:javascript-catalog()",
}

# Parameter values that the path of a staff URL needs to resolve at all; every other parameter
# gets an existing object of the view's model or "1". The permission check comes first, so the
# object does not matter, except that a view which forgot it must not hide behind a 404.
STAFF_PARAMETER_VALUES = {"app_label": "shop", "model_name": "verwaltung"}


def staff_values(route: Route, world: World) -> dict[str, object]:
    model = model_of(route.callback)
    existing = model._default_manager.order_by("pk").first() if model is not None else None
    by_name = {
        **STAFF_PARAMETER_VALUES,
        "number": world.a.order.number,
        "order_number": world.a.order.number,
        "line_id": world.a.line.pk,
        "user_pk": world.a.member.pk,
    }
    return {
        name: by_name.get(name, existing.pk if existing is not None else 1)
        for name in route.parameters
    }


def staff_routes(area: StaffArea) -> list[Route]:
    return [route for route in routes() if route.text.startswith(area.prefix)]


def test_staff_exemptions_exist():
    discovered = {route.key for area in STAFF_AREAS for route in staff_routes(area)}

    assert not STAFF_PUBLIC_URLS - discovered, "exempt staff URLs that no longer exist"


@pytest.mark.parametrize("area", STAFF_AREAS, ids=lambda area: area.prefix)
def test_every_staff_url_refuses_a_municipal_member(world, area):
    client = signed_in(world.b.member)

    found = []
    swept = 0
    for route in staff_routes(area):
        if route.key in STAFF_PUBLIC_URLS:
            continue
        try:
            path = route.path(staff_values(route, world))
        except (KeyError, ValueError, Resolver404) as error:
            found.append(f"{route.text}: no path built ({error}); add a value")
            continue
        response = client.get(path)
        swept += 1
        location = response.get("Location", "")
        if response.status_code != area.status or not location.startswith(area.login):
            found.append(f"GET {path} ({route.key}): {response.status_code} {location}")
    assert swept, f"no URL found below {area.prefix}"
    assert not found, (
        f"Staff URLs that do not answer a municipal member with {area.status} "
        f"{area.login}:{offending(found)}"
    )
