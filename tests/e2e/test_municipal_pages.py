"""Every page a municipal person reaches, in the browser at 1280 and 320 px: the site's KERN layout
with its navigation, no interactive element on top of another or of another's label, no
horizontal scrolling and no text out of the main column, none of a webshop's or English words,
no JavaScript error, and axe-core's WCAG 2.1 A/AA rules without violations.

The pages come from the resolver (tests/url_routes.municipal_routes, which the isolation sweep
requests too): each route is visited (PAGES: how to build its path, signed in or not) or exempt
with the reason (EXEMPT), so that a new municipal URL fails
`test_every_municipal_route_is_visited_or_exempt` until someone decides how the sweep sees it.
"""

import dataclasses
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page

from oscar_overrides.checkout.steps import form_steps
from shop.accounts.services import membership_ensure_approved
from shop.models import Dienst
from shop.models import Gemeinde
from shop.models import Membership
from shop.orders.messages import order_message_post
from tests.checkout import basket_add
from tests.checkout import step_posts
from tests.checkout import steps_post
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.layout import horizontal_overflow
from tests.e2e.layout import overlapping_elements
from tests.e2e.layout import tables_without_scroll_hint
from tests.e2e.layout import text_outside_main
from tests.e2e.layout import words_broken_apart
from tests.e2e.layout import words_found
from tests.e2e.session import log_in
from tests.factories import ONBOARDING_CHECKLIST
from tests.factories import GemeindeFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.url_routes import municipal_routes

# The members' JSON API has no pages (tests/integration/site/test_api_schema.py and the isolation
# sweep cover it).
JSON_NAMESPACE = "api"


@dataclasses.dataclass(frozen=True)
class World:
    member: object
    amt: object
    order: object
    ordered: Dienst
    # The service that the sweep puts into the basket and orders.
    dienst: Dienst
    # A service in Vorbereitung, for the interest page.
    upcoming: Dienst
    # An order of a service with an onboarding checklist, for "Noch benötigte Angaben".
    onboarding_order: object


@dataclasses.dataclass(frozen=True)
class Visit:
    """How the sweep opens a page: the URL's parameters from the world, as the signed-in member
    or as somebody who is not signed in, and the status the page answers with."""

    kwargs: Callable[[World], dict] = lambda world: {}
    signed_in: bool = True
    status: int = 200


def _order(world: World) -> dict:
    return {"number": world.order.number}


# A link from an e-mail whose signature no longer holds, for nobody (no primary key is 0): the
# page that says so.
EXPIRED_LINK = {"uidb64": "MA", "token": "abgelaufen"}

# In the order of the visits: the checkout's review before the confirmation, which places the
# order (see `place_order`), and the basket before it empties.
PAGES: dict[str, Visit] = {
    "customer:login()": Visit(signed_in=False),
    "shop_accounts:register()": Visit(signed_in=False),
    "shop_accounts:registered()": Visit(signed_in=False),
    "shop_accounts:confirm(token,uidb64)": Visit(
        lambda world: EXPIRED_LINK, signed_in=False, status=400
    ),
    "shop_accounts:confirmation_resend()": Visit(signed_in=False),
    "shop_accounts:confirmation_resent()": Visit(signed_in=False),
    "password-reset()": Visit(signed_in=False),
    "password-reset-done()": Visit(signed_in=False),
    "password-reset-confirm(token,uidb64)": Visit(lambda world: EXPIRED_LINK, signed_in=False),
    "password-reset-complete()": Visit(signed_in=False),
    "shop_orders:overview()": Visit(),
    "shop_orders:orders()": Visit(),
    "shop_orders:order(number)": Visit(_order),
    "shop_orders:print(number)": Visit(_order),
    "shop_orders:service(dienst_id,verwaltung_id)": Visit(
        lambda world: {"verwaltung_id": world.amt.pk, "dienst_id": world.ordered.pk}
    ),
    "shop_accounts:interest(dienst_id,verwaltung_id)": Visit(
        lambda world: {"verwaltung_id": world.amt.pk, "dienst_id": world.upcoming.pk}
    ),
    "shop_orders:contacts(number)": Visit(_order),
    "shop_orders:onboarding(line_id,number)": Visit(
        lambda world: {
            "number": world.onboarding_order.number,
            "line_id": world.onboarding_order.lines.get().pk,
        }
    ),
    "shop_orders:withdrawal(line_id,number)": Visit(
        lambda world: {**_order(world), "line_id": world.order.lines.get().pk}
    ),
    "shop_accounts:memberships()": Visit(),
    # The member is the Amt's Verwaltungsadmin: the members and their own membership's page.
    "shop_accounts:members()": Visit(),
    "shop_accounts:member(pk)": Visit(
        lambda world: {"pk": Membership.objects.get(user=world.member, verwaltung=world.amt).pk}
    ),
    "shop_accounts:news()": Visit(),
    "shop_accounts:email_change()": Visit(),
    # A link that is not (or no longer) valid: the German 400 page.
    "shop_accounts:email_change_confirm(token)": Visit(
        lambda world: {"token": "abgelaufen"}, status=400
    ),
    "customer:profile-view()": Visit(),
    "customer:profile-update()": Visit(),
    "customer:change-password()": Visit(),
    "basket:summary()": Visit(),
    **{f"{step.url_name}()": Visit() for step in form_steps()},
    "checkout:preview()": Visit(),
    "checkout:thank-you()": Visit(),
    # The page that asks before signing out (signing out takes a POST).
    "customer:logout()": Visit(),
}

# Pages that are no route of their own: the error pages a municipal person may meet.
ERROR_PAGES = {
    "/gibt-es-nicht/": Visit(signed_in=False, status=404),
    "/umsetzung/berichte/abdeckung/": Visit(status=403),
}

EXEMPT: dict[str, str] = {
    "shop_orders:messages(number)": "nur POST: die Rückfrage auf der Bestellseite",
    "shop_orders:export_csv()": "Download (CSV), keine Seite: test_timeline_export_journey.py",
    "shop_orders:export_xlsx()": "Download (XLSX), keine Seite: test_timeline_export_journey.py",
    "shop_orders:onboarding_file(answer_id,line_id,number)": (
        "eine hochgeladene Datei, keine Seite: tests/integration/onboarding/"
        "test_onboarding_pages.py lädt sie"
    ),
    "shop_orders:document(number)": (
        "eine PDF-Datei, keine Seite: tests/e2e/test_order_document_journey.py lädt sie"
    ),
    "basket:add(pk)": "nur POST: „In den Warenkorb“ auf dem Steckbrief",
    "basket:saved()": "leitet zum Warenkorb",
    "basket:vouchers-add()": "leitet zum Warenkorb",
    "basket:vouchers-remove(pk)": "leitet zum Warenkorb",
    "checkout:index()": "leitet zum ersten Schritt",
    "checkout:shipping-address()": "Oscars Schritt, den ein Dienst überspringt: leitet weiter",
    "checkout:shipping-method()": "Oscars Schritt, den ein Dienst überspringt: leitet weiter",
    "checkout:payment-method()": "Oscars Schritt, den ein Dienst überspringt: leitet weiter",
    "checkout:payment-details()": "Oscars Schritt, den ein Dienst überspringt: leitet weiter",
    "customer:register()": "leitet zur Registrierung",
    "customer:summary()": "leitet zu „Mein Konto“",
    "customer:order-list()": "leitet zu „Meine Dienste“",
    "customer:order(order_number)": "leitet zur Bestellung unter „Meine Dienste“",
    "customer:order-line(line_id,order_number)": "leitet zur Bestellung unter „Meine Dienste“",
}

# A webshop's words and English ones; "Warenkorb" is the shop's word for the basket.
WEBSHOP_WORDS = re.compile(
    r"\b(Webshop|Shop-Artikel|Artikel|Warenkorb-Artikel|Lieferbar|Lieferung|Versand\w*|Menge"
    r"|Stückzahl|Wunschzettel|Merkliste|Adressbuch|Bewertung\w*|Lager|Lagerbestand|Preis\w*"
    r"|Steuer\w*|Gutschein\w*|Produkt(?:e|en|s)?|Produktbenachrichtigung\w*|Kunde|Kunden"
    r"|Ausloggen|Einloggen|Update|Basket|Sign in|Sign out|Log ?in|Log ?out|Checkout|Item"
    r"|Items|Image|Wishlist|Voucher|Shipping|Product|Price|Quantity|Submit|Cancel|Continue"
    r"|Delete|Remove|Save|Search|Password|Email|Account|Order|Orders)\b",
    re.IGNORECASE,
)

# The site's layout (site/templates/base.html): KERN's Schleswig-Holstein theme, the site's
# header with its navigation landmark and its footer.
SITE_LAYOUT = (
    "html.kern-theme-sh header.site-header nav.site-nav[aria-label='Hauptnavigation'],"
    " html.kern-theme-sh footer.site-footer"
)


@pytest.fixture
def world(demo_site) -> World:
    amt = VerwaltungFactory(name="Amt Hüttener Berge")
    for name in ("Ascheffel", "Borgstedt", "Brekendorf", "Bünsdorf"):
        GemeindeFactory(verwaltung=amt, name=name)
    member = member_create(verwaltung=amt, admin=True, email="amt-huettener-berge@example.org")
    # A second Verwaltung, so that the checkout asks for which one the person orders.
    membership_ensure_approved(
        user=member,
        verwaltung=VerwaltungFactory(name="Stadt Flensburg"),
        role=Membership.Role.ORDERING,
    )
    ordered = Dienst.objects.get(title="Elterngeld digital")
    order = order_place(user=member, verwaltung=amt, dienste=[ordered])
    order_message_post(
        details=order.ozg_details, author=member, text="Wann geht es los?", from_staff=False
    )
    return World(
        member=member,
        amt=amt,
        order=order,
        ordered=ordered,
        dienst=Dienst.objects.get(title="Wohngeld online beantragen"),
        upcoming=Dienst.objects.get(title="Anmeldung der Eheschließung"),
        onboarding_order=order_place(
            user=member,
            verwaltung=amt,
            dienste=[
                dienst_create(title="Gewerbeanmeldung", onboarding_fields=ONBOARDING_CHECKLIST)
            ],
        ),
    )


def test_every_municipal_route_is_visited_or_exempt():
    discovered = {route.key for route in municipal_routes() if route.namespace != JSON_NAMESPACE}

    unvisited = sorted(discovered - set(PAGES) - set(EXEMPT))
    gone = sorted((set(PAGES) | set(EXEMPT)) - discovered)
    assert not unvisited, (
        "Seiten für Kommunen, die der Browser-Durchgang nicht besucht; in PAGES aufnehmen oder "
        f"mit Grund in EXEMPT: {unvisited}"
    )
    assert not gone, f"Besuchte oder ausgenommene Seiten, die es nicht mehr gibt: {gone}"
    assert not set(PAGES) & set(EXEMPT)


def checkout_fill(page: Page, world: World) -> None:
    """The service in the basket and every step of the checkout filled in, in the browser's
    session (through Django's test client with the browser's session cookie)."""
    client = Client()
    session = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    client.cookies["sessionid"] = session["value"]
    basket_add(client, world.dienst)
    posts = step_posts(
        verwaltung=world.amt,
        dienste=[world.dienst],
        gemeinden=list(Gemeinde.objects.filter(verwaltung=world.amt)),
    )
    steps_post(client, posts)


def place_order(page: Page) -> None:
    page.goto(reverse("checkout:preview"))
    with page.expect_navigation():
        page.get_by_role("button", name="Kostenfrei bestellen").click()


def page_problems(page: Page, path: str) -> list[str]:
    problems = []
    if page.locator(SITE_LAYOUT).count() != 2:
        problems.append("nicht im Layout der Website (Kopfzeile mit Navigation, Fußzeile)")
    for viewport in (DESKTOP, MOBILE):
        page.set_viewport_size(viewport)
        if overflow := horizontal_overflow(page):
            problems.append(f"bei {viewport['width']} px {overflow} px zu breit")
        problems += [
            f"bei {viewport['width']} px: {problem}"
            for problem in overlapping_elements(page)
            + text_outside_main(page)
            + tables_without_scroll_hint(page)
            + words_broken_apart(page)
        ]
    words = words_found(page, WEBSHOP_WORDS)
    if words:
        problems.append(f"Wörter eines Webshops oder englische: {sorted(set(words))}")
    return [f"{path}: {problem}" for problem in problems]


def test_every_page_of_a_municipal_person(page: Page, world):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            # Chromium reports an error status of the page itself; the visit checks it.
            and message.location.get("url") != page.url
            and errors.append(message.text)
        ),
    )
    visits = {
        reverse(key.split("(")[0], kwargs=visit.kwargs(world)): (key, visit)
        for key, visit in PAGES.items()
    } | {path: (path, visit) for path, visit in ERROR_PAGES.items()}
    anonymous = [path for path, (_, visit) in visits.items() if not visit.signed_in]
    signed_in = [path for path, (_, visit) in visits.items() if visit.signed_in]

    problems = []
    for path in anonymous + signed_in:
        key, visit = visits[path]
        if path == signed_in[0]:
            log_in(page, world.member.email)
            checkout_fill(page, world)
        if key == "checkout:thank-you()":
            place_order(page)
        response = page.goto(path)
        if response.status != visit.status:
            problems.append(f"{path}: {response.status} statt {visit.status}")
        problems += page_problems(page, path)
        problems += [f"{path}: JavaScript: {error}" for error in errors]
        errors.clear()
        assert_accessible(page)
    assert not problems, "\n".join(problems)
