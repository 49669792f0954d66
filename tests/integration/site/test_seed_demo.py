"""seed_demo builds the demo environment idempotently, as `make run` has it (DEBUG on).

seed_demo takes seconds; the tests here read one demo environment, built twice in a row by
the module's `seeded` fixture inside a transaction that is rolled back when the module is done.
Runs in other modes (without DEBUG, over an editor's change) are in test_seed_demo_modes.py."""

import dataclasses
from collections.abc import Iterator
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page
from wagtail.models import Site

from cms_pages.models import HelpPage
from cms_pages.models import HomePage
from cms_pages.models import LegalLinks
from cms_pages.models import LegalPage
from cms_pages.models import NewsPage
from cms_pages.models import ServiceIndexPage
from cms_pages.models import ServicePage
from cms_pages.services import EDITORIAL_WORKFLOW_NAME
from ozg_site.demo import DEMO_PASSWORD
from ozg_site.demo_content import demo_accounts
from ozg_site.demo_content import demo_services
from shop.models import Dienst
from shop.models import Gemeinde
from shop.models import Membership
from shop.models import OrderedService
from shop.models import OzgLeistung
from shop.models import RolloutEvent
from shop.models import RolloutStatus
from shop.models import Verwaltung
from shop.oscar_models import Line
from shop.oscar_models import Order
from shop.oscar_models import Product
from tests.signin import is_signed_in
from tests.signin import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def development_mode(settings):
    """Requests as under `make run` (Django's test runner switches DEBUG off)."""
    settings.DEBUG = True


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "verwaltungen": Verwaltung.objects.count(),
        "gemeinden": Gemeinde.objects.count(),
        "sites": Site.objects.count(),
        "products": Product.objects.count(),
        "ozg_leistungen": OzgLeistung.objects.count(),
        "orders": Order.objects.count(),
        "rollout_events": RolloutEvent.objects.count(),
    }


@dataclasses.dataclass(frozen=True)
class Seeded:
    first: dict[str, int]
    second: dict[str, int]
    second_output: str


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> Iterator[Seeded]:
    """seed_demo run twice with DEBUG on: what there was after each run and what the second one
    said."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(DEBUG=True),
    ):
        call_command("seed_demo", stdout=StringIO())
        first = snapshot()
        output = StringIO()
        call_command("seed_demo", stdout=output)
        yield Seeded(first=first, second=snapshot(), second_output=output.getvalue())
        transaction.set_rollback(True)


def test_seed_demo_builds_everything_and_a_second_run_changes_nothing(seeded, client):
    first = seeded.first

    assert seeded.second == first
    assert first["verwaltungen"] == 181  # see test_import_gemeindeverzeichnis
    assert first["gemeinden"] == 1106
    assert "bereits aktuell" in seeded.second_output

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert ServiceIndexPage.objects.get().url == "/dienste/"
    assert {page.url for page in LegalPage.objects.live()} == {
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
    }
    assert first["ozg_leistungen"] == 557
    assert ServicePage.objects.live().count() == len(demo_services()) >= 20
    assert ServicePage.objects.filter(live=False).count() == 3
    assert first["products"] == len(demo_services())
    assert Dienst.objects.filter(is_published=True).count() == len(demo_services())
    wohngeld = ServicePage.objects.get(slug="wohngeld")
    assert wohngeld.ozg_ids
    assert wohngeld.body
    assert wohngeld.contacts.exists()
    assert ServiceIndexPage.objects.get().get_workflow().name == EDITORIAL_WORKFLOW_NAME
    wohngeld_agreements = set(
        Dienst.objects.get(page_id=wohngeld.pk).required_agreements.values_list("slug", flat=True)
    )
    assert wohngeld_agreements == {"beitrittserklaerung-efa", "avv"}
    links = LegalLinks.load()
    assert links.impressum.slug == "impressum"
    assert links.accessibility.slug == "barrierefreiheit"
    assert HelpPage.objects.live().get().url == "/hilfe/"
    assert NewsPage.objects.live().count() == 2
    assert client.get("/").status_code == 200


def test_seed_demo_places_one_order_per_rollout_status_once(seeded):
    statuses = sorted(Line.objects.values_list("status", flat=True))
    assert statuses == sorted(RolloutStatus.values)
    assert Order.objects.count() == len(RolloutStatus.values)
    live = OrderedService.objects.get(line__status=RolloutStatus.LIVE)
    assert live.service_url.startswith("https://")
    assert {service.verwaltung.regional_key for service in OrderedService.objects.all()} == {
        "010585890",
        "01001",
    }


def test_seed_demo_creates_the_demo_accounts_with_their_rights(seeded):
    users = {user.email: user for user in get_user_model().objects.all()}

    assert set(users) == {account.email for account in demo_accounts()}
    assert all(user.check_password(DEMO_PASSWORD) for user in users.values())
    assert users["admin@example.org"].is_superuser
    editor = users["redaktion@example.org"]
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not editor.is_staff
    assert not editor.has_perm("order.view_order")
    fulfilment = users["fulfilment@example.org"]
    assert fulfilment.is_staff
    assert fulfilment.has_perm("order.change_order")
    assert not fulfilment.has_perm("wagtailadmin.access_admin")
    assert not fulfilment.is_superuser

    amt = Membership.objects.get(user=users["amt-huettener-berge@example.org"])
    assert amt.verwaltung.name == "Hüttener Berge"
    assert amt.verwaltung.regional_key == "010585890"
    assert amt.status == Membership.Status.APPROVED
    assert amt.role == Membership.Role.ORDERING
    # The Amt's Verwaltungsadmin, who decides the open request of a colleague below.
    assert amt.is_admin
    flensburg = Membership.objects.get(
        user=users["flensburg@example.org"], status=Membership.Status.APPROVED
    )
    assert flensburg.verwaltung.kind == "kreisfreie_stadt"
    assert flensburg.verwaltung.name.startswith("Flensburg")
    # One request waits for the Redaktion, so that its panel on the Wagtail dashboard shows,
    # and one for the Verwaltungsadmin of the Amt (/konto/mitglieder/).
    requested = Membership.objects.filter(status=Membership.Status.REQUESTED)
    assert sorted(requested.values_list("user__email", "verwaltung__regional_key")) == [
        ("flensburg@example.org", "01059"),
        ("kollegin-huettener-berge@example.org", "010585890"),
    ]
    admins = Membership.objects.filter(status=Membership.Status.APPROVED, is_admin=True)
    assert [admin.user.email for admin in admins] == ["amt-huettener-berge@example.org"]
    two = Membership.objects.filter(user=users["zwei-verwaltungen@example.org"])
    assert sorted(two.values_list("verwaltung__kind", "verwaltung__regional_key")) == [
        ("amt", "010585890"),
        ("kreis", "01058"),
    ]
    assert {membership.status for membership in two} == {Membership.Status.APPROVED}


def test_demo_users_log_in_with_the_demo_password(seeded, client):
    sign_in(client, email="amt-huettener-berge@example.org", password=DEMO_PASSWORD)

    assert is_signed_in(client)
