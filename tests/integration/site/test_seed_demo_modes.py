"""seed_demo without DEBUG (production: no demo accounts unless asked for) and over the changes of
an editor, each test from the empty test database (test_seed_demo.py: the demo environment that
`make run` builds)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms_pages.models import HomePage
from cms_pages.models import LegalPage
from ozg_site.demo_content import demo_accounts

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_demo_accounts_without_debug(settings, capsys):
    settings.DEBUG = False

    call_command("seed_demo")

    assert not get_user_model().objects.exists()
    assert "--allow-demo-accounts" in capsys.readouterr().err
    assert HomePage.objects.exists()


def test_seed_demo_creates_demo_accounts_without_debug_when_asked(settings):
    settings.DEBUG = False

    call_command("seed_demo", allow_demo_accounts=True)

    assert get_user_model().objects.count() == len(demo_accounts())


def test_seed_demo_keeps_what_editors_changed(page_tree):
    impressum = page_tree.legal_pages["impressum"]
    impressum.title = "Impressum des ITVSH"
    impressum.save_revision().publish()

    call_command("seed_demo")

    assert LegalPage.objects.get(slug="impressum").title == "Impressum des ITVSH"
