# ruff: noqa: S603, S310  (runs our own commands and fetches http://127.0.0.1 only)
"""`make screenshots`: the whole product in one folder, for a reviewer (not a test).

Builds a fresh demo database under var/screenshots/ (migrate + seed_demo), starts the
development server on 127.0.0.1:$SCREENSHOT_PORT (default 8299) and, with Playwright and the
Chromium of the browser tests (tests/chromium.py), writes a full-page PNG of every page type for
each role at 1280 and 320 px: var/screenshots/<role>/<page>-<width>.png. The pages are the
public Wagtail pages, what a municipal member reaches and what the fulfilment team reaches (both
derived from the routes of their URL namespaces, filled with the demo data's objects), the
checkout of a member of two Verwaltungen, and the Wagtail admin.
With --keep-database the database of the last run is used again (minutes less, for looking at
a change of templates).
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.chromium import CHROMIUM_ARGS, CHROMIUM_MISSING, chromium_executable_find

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
PORT = int(os.environ.get("SCREENSHOT_PORT", "8299"))
BASE = f"http://127.0.0.1:{PORT}"
WIDTHS = (1280, 320)

ENV = {
    **os.environ,
    "DATABASE_URL": f"sqlite:///{OUT / 'db.sqlite3'}",
    "DEBUG": "true",
    "EMAIL_URL": "filemail://",
    "DJANGO_SETTINGS_MODULE": "ozg_site.settings",
}


def database_build(*, keep: bool) -> None:
    """A fresh demo database; with `keep` the one of the last run, if there is one."""
    database = OUT / "db.sqlite3"
    if keep and database.exists():
        for folder in OUT.iterdir():
            if folder.is_dir():
                shutil.rmtree(folder)
        return
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=ENV, check=True)


# Where the municipal and the fulfilment pages live: every route of these URL namespaces that
# answers the role's GET with a page of its own is photographed (the rest, a form's action, a
# step that sends back to the basket, a staff page the role may not see, is left out).
MUNICIPAL_NAMESPACES = ("shop_orders", "shop_accounts", "customer", "basket", "checkout")
FULFILMENT_NAMESPACES = ("dashboard", "shop_staff_orders", "shop_reports", "shop_mail")
# Routes whose GET changes something: signing out would end the role's session.
NOT_PHOTOGRAPHED = ("logout",)


@dataclass
class Role:
    """A demo account (None: anonymous), its declared pages by name, and the pages derived from
    the URL resolver, kept only where they answer with a page of their own. `basket` is the
    path of a service profile whose service goes into the basket first (the checkout's steps)."""

    email: str | None
    pages: dict[str, str]
    derived: dict[str, str] = field(default_factory=dict)
    basket: str | None = None


def routes_filled(namespaces: tuple[str, ...], values: dict[str, object]) -> dict[str, str]:
    """The paths of the namespaces' routes, by `namespace-name`, with their parameters from
    `values`; a route with a parameter not in it is left out."""
    from tests.url_routes import ShadowedRoute, routes

    paths = {}
    for route in routes():
        if route.namespace.split(":")[0] not in namespaces or route.name in NOT_PHOTOGRAPHED:
            continue
        if not set(route.parameters) <= set(values):
            continue
        try:
            path = route.path({name: values[name] for name in route.parameters})
        except ShadowedRoute:
            continue
        paths.setdefault(f"{route.qualified_name.replace(':', '-')}", path)
    return paths


def pages_by_role() -> dict[str, Role]:
    """Per role: the demo account it signs in as and its pages."""
    os.environ.update(ENV)
    import django

    django.setup()
    from django.urls import reverse

    from cms_pages.models import NewsPage, ServicePage
    from shop.models import Dienst, OrderedService, RolloutStatus

    live = OrderedService.objects.select_related("line__order").get(line__status=RolloutStatus.LIVE)
    order = live.line.order
    profile_page = ServicePage.objects.live().get(slug="wohngeld")
    profile = profile_page.url
    unordered = ServicePage.objects.get(
        pk=Dienst.objects.filter(is_published=True, availability=Dienst.Availability.AVAILABLE)
        .exclude(pk__in=OrderedService.objects.values("dienst_id"))
        .order_by("title")
        .values("page_id")[:1]
    )
    upcoming = (
        Dienst.objects.filter(is_published=True, availability=Dienst.Availability.IN_PREPARATION)
        .order_by("title")
        .first()
    )
    news = NewsPage.objects.live().order_by("-date").first().url
    public = {
        "start": "/",
        "dienste": "/dienste/",
        "steckbrief": profile,
        "steckbrief-in-vorbereitung": ServicePage.objects.get(pk=upcoming.page_id).url,
        "neuigkeiten": "/neuigkeiten/",
        "neuigkeit": news,
        "hilfe": "/hilfe/",
        "impressum": "/impressum/",
        "datenschutz": "/datenschutz/",
        "barrierefreiheit": "/barrierefreiheit/",
        "nicht-gefunden": "/gibt-es-nicht/",
    }
    anonymous = {
        **public,
        "anmelden": reverse("customer:login"),
        "registrieren": reverse("shop_accounts:register"),
        "passwort-vergessen": reverse("password-reset"),
        "bestaetigung-erneut-senden": reverse("shop_accounts:confirmation_resend"),
        "warenkorb": reverse("basket:summary"),
        "oscar-katalog": "/shop/catalogue/",
    }
    municipal = routes_filled(
        MUNICIPAL_NAMESPACES,
        {
            "number": order.number,
            "order_number": order.number,
            "line_id": live.line_id,
            "verwaltung_id": live.verwaltung_id,
            "dienst_id": live.dienst_id,
        },
    )
    # Interest is registered for a service in Vorbereitung, not for the live one.
    municipal["shop_accounts-interest"] = reverse(
        "shop_accounts:interest",
        kwargs={"dienst_id": upcoming.pk, "verwaltung_id": live.verwaltung_id},
    )
    fulfilment = routes_filled(
        FULFILMENT_NAMESPACES,
        {"number": order.number, "line_id": live.line_id, "slug": "ROLLOUT_LIVE"},
    )
    editor = {
        "cms-start": "/cms/",
        "cms-seiten": "/cms/pages/",
        "cms-steckbrief-bearbeiten": f"/cms/pages/{profile_page.pk}/edit/",
        "cms-mitgliedschaftsantraege": "/cms/mitgliedschaften/",
        "cms-mitglieder": "/cms/mitglieder/",
        "cms-interessen": "/cms/interessen/",
        "cms-kommunalregister": "/cms/shop/verwaltung/",
    }
    return {
        "anonym": Role(None, anonymous),
        "kommune": Role(
            "amt-huettener-berge@example.org", {"start": "/", "steckbrief": profile}, municipal
        ),
        "kreisfreie-stadt": Role(
            "flensburg@example.org", {"meine-dienste": reverse("shop_orders:overview")}
        ),
        # A member of two Verwaltungen with a service in the basket: the checkout asks which.
        "zwei-verwaltungen": Role(
            "zwei-verwaltungen@example.org",
            {"mitgliedschaften": reverse("shop_accounts:memberships")},
            routes_filled(("checkout",), {}),
            basket=unordered.url,
        ),
        "fulfilment": Role("fulfilment@example.org", {}, fulfilment),
        "redaktion": Role("redaktion@example.org", editor),
        "superuser": Role(
            "admin@example.org",
            {
                **editor,
                # The workflow's tasks are administered by superusers only.
                "cms-freigaben": "/cms/workflows/tasks/index/",
                "dashboard": "/shop/dashboard/",
                "django-admin": "/django-admin/",
            },
            # API clients and webhooks: the group Schnittstellen, which no demo account has.
            routes_filled(("shop_integrations",), {"pk": 1}),
        ),
    }


def server_start() -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=(OUT / "server.log").open("w"),
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit(f"Der Server auf {BASE} antwortet nicht (siehe {OUT / 'server.log'}).")


def shoot(roles: dict[str, Role], *, chromium: Path) -> int:
    from playwright.sync_api import sync_playwright

    from ozg_site.demo import DEMO_PASSWORD

    count = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        for name, role in roles.items():
            (OUT / name).mkdir()
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, locale="de-DE"
                )
                page = context.new_page()
                if role.email:
                    page.goto(f"{BASE}/shop/accounts/login/")
                    page.get_by_label("E-Mail-Adresse").first.fill(role.email)
                    page.get_by_label("Passwort").first.fill(DEMO_PASSWORD)
                    page.get_by_role("button", name="Anmelden").first.click()
                    page.wait_for_load_state()
                if role.basket and width == WIDTHS[0]:  # the basket lasts for both widths
                    page.goto(BASE + role.basket)
                    page.get_by_role("button", name="In den Warenkorb").first.click()
                    page.wait_for_load_state()
                pages = [(title, path, False) for title, path in role.pages.items()]
                pages += [(title, path, True) for title, path in role.derived.items()]
                for title, path, derived in pages:
                    if derived:
                        # Asked first, without following: a form's action (405), a download
                        # or a redirect would not leave a page of its own in the browser.
                        answer = context.request.get(BASE + path, max_redirects=0)
                        if answer.status != 200 or "html" not in answer.headers["content-type"]:
                            print(f"{name:18} {width:5} {answer.status} {path} (übersprungen)")
                            continue
                    response = page.goto(BASE + path)
                    status = response.status if response else "-"
                    page.screenshot(path=OUT / name / f"{title}-{width}.png", full_page=True)
                    print(f"{name:18} {width:5} {status} {path}")
                    count += 1
                context.close()
        browser.close()
    return count


def main() -> None:
    chromium = chromium_executable_find()
    if chromium is None:
        raise SystemExit(CHROMIUM_MISSING)
    database_build(keep="--keep-database" in sys.argv[1:])
    roles = pages_by_role()
    server = server_start()
    try:
        count = shoot(roles, chromium=chromium)
    finally:
        server.terminate()
        server.wait()
    print(f"{count} Bildschirmfotos unter {OUT.relative_to(ROOT)}/<Rolle>/<Seite>-<Breite>.png")


if __name__ == "__main__":
    main()
