# ruff: noqa: S603, S310  (runs our own commands and fetches http://127.0.0.1 only)
"""`make screenshots`: the whole product in one folder, for a reviewer (not a test).

Builds a fresh demo database under var/screenshots/ (migrate + seed_demo), starts the
development server on 127.0.0.1:$SCREENSHOT_PORT (default 8299) and, with Playwright and
Debian's /usr/bin/chromium, writes a full-page PNG of every page type for each role at 1280 and
320 px: var/screenshots/<role>/<page>-<width>.png. The pages are the public Wagtail pages, what
a municipal member reaches (the namespaces of the isolation sweep, tests/integration/
site/test_isolation.py), the fulfilment team's dashboard and pages, and the Wagtail admin.
With --keep-database the database of the last run is used again (minutes less, for looking at
a change of templates).
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
PORT = int(os.environ.get("SCREENSHOT_PORT", "8299"))
BASE = f"http://127.0.0.1:{PORT}"
WIDTHS = (1280, 320)
CHROMIUM = "/usr/bin/chromium"

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


def pages_by_role() -> dict[str, tuple[str | None, dict[str, str]]]:
    """Per role: the demo account it signs in as (None: anonymous) and its pages, by name."""
    os.environ.update(ENV)
    import django

    django.setup()
    from django.urls import reverse

    from cms_pages.models import NewsPage, ServicePage
    from shop.models import OrderedService, RolloutStatus

    live = OrderedService.objects.select_related("line__order").get(line__status=RolloutStatus.LIVE)
    number = live.line.order.number
    profile_page = ServicePage.objects.live().get(slug="wohngeld")
    profile = profile_page.url
    news = NewsPage.objects.live().order_by("-date").first().url
    public = {
        "start": "/",
        "dienste": "/dienste/",
        "steckbrief": profile,
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
    municipal = {
        "start": "/",
        "steckbrief": profile,
        "warenkorb": reverse("basket:summary"),
        "meine-dienste": reverse("shop_orders:overview"),
        "bestellungen": reverse("shop_orders:orders"),
        "bestellung": reverse("shop_orders:order", kwargs={"number": number}),
        "dienst": reverse(
            "shop_orders:service",
            kwargs={"verwaltung_id": live.verwaltung_id, "dienst_id": live.dienst_id},
        ),
        "mitgliedschaften": reverse("shop_accounts:memberships"),
        "mein-konto": reverse("customer:summary"),
        "e-mail-adresse": reverse("shop_accounts:email_change"),
        "neuigkeiten-abonnieren": reverse("shop_accounts:news"),
        "kasse": reverse("checkout:index"),
    }
    fulfilment = {
        "dashboard": "/shop/dashboard/",
        "bestellungen": "/shop/dashboard/orders/",
        "bestellung": f"/shop/dashboard/orders/{number}/",
        "rueckfragen": reverse("shop_staff_orders:messages", kwargs={"number": number}),
        "abdeckung": reverse("shop_reports:coverage"),
        "postausgang": reverse("shop_mail:undelivered"),
    }
    editor = {
        "cms-start": "/cms/",
        "cms-seiten": "/cms/pages/",
        "cms-steckbrief-bearbeiten": f"/cms/pages/{profile_page.pk}/edit/",
        "cms-freigaben": "/cms/workflows/tasks/index/",
        "cms-kommunalregister": "/cms/shop/verwaltung/",
    }
    return {
        "anonym": (None, anonymous),
        "kommune": ("amt-huettener-berge@example.org", municipal),
        "kreisfreie-stadt": (
            "flensburg@example.org",
            {"meine-dienste": municipal["meine-dienste"]},
        ),
        "fulfilment": ("fulfilment@example.org", fulfilment),
        "redaktion": ("redaktion@example.org", editor),
        "superuser": (
            "admin@example.org",
            {**editor, "dashboard": "/shop/dashboard/", "django-admin": "/django-admin/"},
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


def shoot(roles: dict[str, tuple[str | None, dict[str, str]]]) -> int:
    from playwright.sync_api import sync_playwright

    from ozg_site.demo import DEMO_PASSWORD

    count = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for role, (email, pages) in roles.items():
            (OUT / role).mkdir()
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, locale="de-DE"
                )
                page = context.new_page()
                if email:
                    page.goto(f"{BASE}/shop/accounts/login/")
                    page.get_by_label("E-Mail-Adresse").first.fill(email)
                    page.get_by_label("Passwort").first.fill(DEMO_PASSWORD)
                    page.get_by_role("button", name="Anmelden").first.click()
                    page.wait_for_load_state()
                for name, path in pages.items():
                    response = page.goto(BASE + path)
                    page.screenshot(path=OUT / role / f"{name}-{width}.png", full_page=True)
                    status = response.status if response else "-"
                    print(f"{role:16} {width:5} {status} {path}")
                    count += 1
                context.close()
        browser.close()
    return count


def main() -> None:
    if not Path(CHROMIUM).exists():
        raise SystemExit("make screenshots braucht Chromium: sudo apt-get install chromium")
    database_build(keep="--keep-database" in sys.argv[1:])
    roles = pages_by_role()
    server = server_start()
    try:
        count = shoot(roles)
    finally:
        server.terminate()
        server.wait()
    print(f"{count} Bildschirmfotos unter {OUT.relative_to(ROOT)}/<Rolle>/<Seite>-<Breite>.png")


if __name__ == "__main__":
    main()
