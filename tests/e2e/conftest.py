"""Browser tests: a real Chromium (Debian's headless shell) against pytest-django's live_server.

- Playwright's sync API runs an event loop in the main thread; Django's ORM refuses to run there
  unless DJANGO_ALLOW_ASYNC_UNSAFE is set. It is set here only, and only while this folder's
  tests run: processes that other tests start (`check --deploy`) must not inherit it.
- `playwright install` cannot download browsers here: Debian's chromium-headless-shell is
  launched instead, the same headless build of Chromium that Playwright itself runs headless. It
  costs the tests half the CPU of the full browser (/usr/bin/chromium, which they fall back to):
  tests/e2e took 165 s instead of 285 s with two workers. Without either the e2e tests are
  skipped locally, but fail on CI (CI=true).
- live_server runs each test in a transactional database that is flushed afterwards, with all
  that the migrations wrote (Wagtail's root page and Site, Django's Site, groups). `site_pages`
  asks for Django's serialized rollback, which restores that data before each test, and builds
  the pages again (`demo_site` adds services, `amt_huettener_berge` the Amt). On SQLite each of
  these layers is built once per worker: a later test restores the database image of the same
  layers (a millisecond instead of 1-3 s a layer). After the last e2e test the migrations' data
  is restored once more, for the tests that follow and for the database that `--reuse-db` keeps.
- A failing test leaves a full-page screenshot in var/e2e-artifacts/<test-name>.png.
"""

import contextlib
import dataclasses
import functools
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM_ARGS
from tests.chromium import CHROMIUM_MISSING
from tests.chromium import chromium_executable_find

E2E_DIR = Path(__file__).resolve().parent
ARTIFACTS_DIR = E2E_DIR.parents[1] / "var" / "e2e-artifacts"

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 320, "height": 640}

# The demo services the browser tests see: online services (EfA), one of them in preparation, a
# base service and a state service, with their OZG links (so the Themenfeld and Lage filters show).
DEMO_SLUGS = (
    "wohngeld",
    "unterhaltsvorschuss",
    "elterngeld",
    "servicekonto",
    "bewohnerparkausweis",
    "eheschliessung-anmeldung",
)


# The sweeps over every page of an area take the longest of the browser tests (20-30 s each).
SWEEPS = ("test_wagtail_pages.py", "test_municipal_pages.py", "test_dashboard_pages.py")


def database_outside_the_layers(item) -> bool:
    """Whether a browser test uses the database without the layers (`site_pages` and those on
    it), which ask for serialized rollback. pytest-django's `db` or `transactional_db` alone,
    or its live server (which a browser page asks for, and which makes the test transactional),
    would leave the database flushed or rolled back without what the migrations wrote, and the
    next browser tests of the worker would fail in their setup."""
    uses_database = (
        "_django_db_helper" in item.fixturenames
        or "live_server" in item.fixturenames
        or item.get_closest_marker("django_db")
    )
    return bool(uses_database) and "django_db_serialized_rollback" not in item.fixturenames


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests last (after pytest-django's own ordering): Playwright's event loop then
    stays in the main thread until the session ends, where other database tests could not run.
    Among them the sweeps first: pytest-xdist hands out tests in this order, so the shorter
    journeys even out the workers at the end instead of one worker finishing a sweep alone."""
    browser = [item for item in items if item.path.is_relative_to(E2E_DIR)]
    browser.sort(key=lambda item: item.path.name not in SWEEPS)  # stable: otherwise as collected
    items[:] = [item for item in items if not item.path.is_relative_to(E2E_DIR)] + browser
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)
            # pytest-playwright 0.10 defines its session fixture `base_url` as a method, which
            # pytest 9 deprecates; nothing to change on our side.
            item.add_marker(
                pytest.mark.filterwarnings(
                    "ignore:Session-scoped fixtures defined as instance methods"
                    ":pytest.PytestRemovedIn10Warning"
                )
            )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the test is set up, so that such a test fails alone and harms no
    other."""
    if item.path.is_relative_to(E2E_DIR) and database_outside_the_layers(item):
        pytest.fail(
            "Browser-Tests nutzen die Datenbank über site_pages (oder demo_site, "
            "amt_huettener_berge), nicht über db oder transactional_db.",
            pytrace=False,
        )


def _screenshot_path(item) -> Path:
    name = re.sub(r"[^\w.-]+", "_", item.name).strip("_")
    return ARTIFACTS_DIR / f"{name}.png"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when != "call" or not item.path.is_relative_to(E2E_DIR):
        return report
    path = _screenshot_path(item)
    if not report.failed:
        path.unlink(missing_ok=True)  # from an earlier failing run
        return report
    page = item.funcargs.get("page")
    if page is not None and not page.is_closed():
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(path), full_page=True)
        except Exception as error:  # the test's own failure matters more
            report.sections.append(("e2e screenshot", f"kein Bildschirmfoto: {error}"))
        else:
            report.sections.append(("e2e screenshot", str(path)))
    return report


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    build = chromium_executable_find()
    if build is not None:
        return build
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    pytest.skip(CHROMIUM_MISSING)


@pytest.fixture(scope="session")
def browser_type_launch_args(chromium_executable, browser_type_launch_args):
    """pytest-playwright's launch options (--headed, --slowmo) plus Debian's Chromium."""
    return {
        **browser_type_launch_args,
        "executable_path": str(chromium_executable),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def _serialized_db_contents(django_db_setup):
    """What the test database setup serialized (for serialized rollback), per connection."""
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(scope="session")
def playwright(_serialized_db_contents, playwright):
    """Once Playwright's event loop runs in this thread, asgiref hands Django new connection
    objects (async-context storage) that lack the serialized contents the test database setup put
    on the old ones; without them serialized rollback would silently restore nothing."""
    from django.db import connections

    for alias, contents in _serialized_db_contents.items():
        connections[alias]._test_serialized_contents = contents
    return playwright


@pytest.fixture(scope="session")
def browser(chromium_executable, playwright, browser_type_launch_args):
    browser = playwright.chromium.launch(**browser_type_launch_args)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "de-DE",
        "viewport": DESKTOP,
    }


@functools.cache
def _demo_services() -> tuple:
    from ozg_site.demo_content import demo_services

    return tuple(service for service in demo_services() if service.slug in DEMO_SLUGS)


@functools.cache
def _ozg_katalog():
    """The shipped OZG catalogue, cut down to the OZG-Leistungen of the demo services (with their
    Lagen, Themenfelder and LeiKa-Leistungen): importing all of it would cost a second per test."""
    from shop.catalogue.ozg_katalog import DEFAULT_LEIKA_LEISTUNGEN
    from shop.catalogue.ozg_katalog import DEFAULT_OZG_LEISTUNGEN
    from shop.catalogue.ozg_katalog import parse_ozg_katalog

    katalog = parse_ozg_katalog(leistungen=DEFAULT_OZG_LEISTUNGEN, leika=DEFAULT_LEIKA_LEISTUNGEN)
    ozg_ids = {ozg_id for service in _demo_services() for ozg_id in service.ozg_ids}
    ozg_leistungen = tuple(row for row in katalog.ozg_leistungen if row.ozg_id in ozg_ids)
    lagen = {row.lage for row in ozg_leistungen}
    themenfelder = {row.themenfeld for row in ozg_leistungen}
    return dataclasses.replace(
        katalog,
        themenfelder=tuple(row for row in katalog.themenfelder if row.name in themenfelder),
        lagen=tuple(row for row in katalog.lagen if row.name in lagen),
        ozg_leistungen=ozg_leistungen,
        leika_leistungen=tuple(row for row in katalog.leika_leistungen if row.ozg_id in ozg_ids),
        repeated_rows=(),
    )


# The Amt Hüttener Berge (ARS prefix 01 0 58 5890) in the Kreis Rendsburg-Eckernförde.
HUETTENER_BERGE = "010585890"


@functools.cache
def _huettener_berge_registry():
    """The shipped Gemeindeverzeichnis, cut down to the Amt Hüttener Berge, its Kreis and its 16
    Gemeinden: people pick it by name, AGS or ARS as in production, without importing all 181
    Verwaltungen for every test."""
    from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS
    from shop.registry.gemeindeverzeichnis import parse_gemeindeverzeichnis

    verzeichnis = parse_gemeindeverzeichnis(DEFAULT_GEMEINDEVERZEICHNIS)
    keys = {HUETTENER_BERGE, HUETTENER_BERGE[:5]}
    return dataclasses.replace(
        verzeichnis,
        verwaltungen=tuple(row for row in verzeichnis.verwaltungen if row.regional_key in keys),
        gemeinden=tuple(
            row for row in verzeichnis.gemeinden if row.verwaltung_key == HUETTENER_BERGE
        ),
        skipped_rows=(),
    )


@pytest.fixture(scope="package", autouse=True)
def _async_unsafe_allowed():
    """Django's ORM in the thread where Playwright's event loop runs, for this folder's tests."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if before is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="package", autouse=True)
def _migration_data_restored(_async_unsafe_allowed, django_db_blocker):
    """Put back what the migrations wrote, after the last e2e test flushed the database, and
    close the connections these tests used (not the ones the test database teardown closes)."""
    yield
    from django.db import connections

    from tests.conftest import migration_data_restore

    with django_db_blocker.unblock():
        migration_data_restore()
        connections.close_all()


# The database images of the layers built so far in this worker, by the layers in the order a
# test asked for them.
_LAYER_IMAGES: dict[tuple[str, ...], bytes] = {}
_LAYERS = pytest.StashKey[list]()


def _layer(request, name: str, build: Callable[[], object]) -> None:
    """Build the layer `name` on those the test has already, or on SQLite restore the image of
    the same layers that an earlier test of this worker took after building them. The image
    holds everything, the primary key counters included, so the restored database is the one
    that was built, to the last row."""
    from django.db import connection

    layers = request.node.stash.setdefault(_LAYERS, [])
    layers.append(name)
    if connection.vendor != "sqlite":
        build()
        return
    connection.ensure_connection()
    image = _LAYER_IMAGES.get(tuple(layers))
    if image is None:
        build()
        _LAYER_IMAGES[tuple(layers)] = connection.connection.serialize()
        return
    # An in-memory database cannot be in WAL mode: the copy says "rollback journal" instead; the
    # backup leaves the test database in WAL mode.
    in_memory = bytearray(image)
    in_memory[18] = in_memory[19] = 1
    with contextlib.closing(sqlite3.connect(":memory:")) as source:
        source.deserialize(bytes(in_memory))
        source.backup(connection.connection)


@pytest.fixture
def site_pages(request, django_db_serialized_rollback, live_server):
    """The fixed pages (home, catalogue, legal pages) as seed_demo builds them, without services."""
    from cms_pages.services import page_tree_ensure

    _layer(request, "site_pages", page_tree_ensure)
    return page_tree_ensure()


@pytest.fixture
def demo_site(request, site_pages):
    """The fixed pages plus the OZG catalogue, the demo agreements and a few published service
    profiles from the demo content, requiring the agreements that seed_demo gives them.

    About 2 s to build on SQLite (once a worker, see `_layer`), 3 s a test on PostgreSQL.
    `ozg_site.demo.demo_site_ensure()` takes ~8 s (registry, full OZG catalogue, 24 services,
    drafts, workflow) and would have to be built again for every test on PostgreSQL, because
    live_server flushes the database after each one.
    """
    from cms_pages.services import service_pages_ensure
    from ozg_site.demo_content import demo_agreements
    from shop.agreements.demo import demo_agreements_ensure
    from shop.catalogue.services import ozg_katalog_import

    def build() -> None:
        ozg_katalog_import(katalog=_ozg_katalog())
        service_pages_ensure(
            parent=site_pages.service_index,
            services=_demo_services(),
            agreements_by_slug=demo_agreements_ensure(agreements=demo_agreements()),
        )

    _layer(request, "demo_site", build)
    # Restored, the services are in the database but not in the count of children that the
    # catalogue page read before (treebeard asks for children only where it is not 0).
    site_pages.service_index.refresh_from_db()
    return site_pages


@pytest.fixture
def amt_huettener_berge(request, site_pages):
    """The Amt Hüttener Berge with its Kreis and Gemeinden, imported from the shipped
    Gemeindeverzeichnis (before any other Verwaltung: the import retires those it does not name)."""
    from shop.models import Verwaltung
    from shop.registry.services import registry_import_gemeindeverzeichnis

    _layer(
        request,
        "amt_huettener_berge",
        lambda: registry_import_gemeindeverzeichnis(records=_huettener_berge_registry()),
    )
    return Verwaltung.objects.get(regional_key=HUETTENER_BERGE)
