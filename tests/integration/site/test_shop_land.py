"""The shop names the Land it serves (SHOP_LAND) wherever a page or an e-mail names the Land:
the header, the title, the home page's figures, the e-mails; the operator's name (IT-Verbund)
is the operator's, not the Land's."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings

from tests.manage import run_manage
from tests.responses import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

NIEDERSACHSEN = {
    "SHOP_LAND": "03",
    "SHOP_LAND_NAME": "Niedersachsen",
    "SHOP_NAME": "OZG-Dienste-Shop Niedersachsen",
    "SITE_COAT_OF_ARMS": "/media/wappen.svg",
}


@override_settings(**NIEDERSACHSEN)
def test_the_pages_name_the_land_of_the_shop(client, page_tree):
    html = client.get("/").content.decode()

    assert "<title>" in html
    assert "OZG-Dienste-Shop Niedersachsen</title>" in html
    assert "Offizielle Website – Land Niedersachsen" in html
    assert 'alt="Wappen des Landes Niedersachsen"' in html
    assert "für die Kommunen in Niedersachsen" in html
    assert "Gemeinden in Niedersachsen" in page_text(client.get("/"))
    # The intro is the editors' text (seeded once for the Land of the shop), not the layout's.
    assert "Offizielle Website – Land Schleswig-Holstein" not in html
    assert "Kommunen in Schleswig-Holstein" not in html


@override_settings(**NIEDERSACHSEN)
def test_the_error_page_and_the_mails_name_the_shop_of_the_land():
    assert "OZG-Dienste-Shop Niedersachsen</title>" in render_to_string("500.html")
    mail = render_to_string(
        "shop/accounts/email/password_reset.txt",
        {"user": {"first_name": "Erika", "last_name": "Muster"}, "reset_url": "https://x"},
    )
    assert "für Ihr Konto im OZG-Dienste-Shop Niedersachsen wurde" in mail
    assert not mail.startswith("\n")


def test_schleswig_holstein_is_the_default(client, page_tree):
    html = client.get("/").content.decode()

    assert "Offizielle Website – Land Schleswig-Holstein" in html
    assert "OZG-Dienste-Shop Schleswig-Holstein</title>" in html


def test_an_unknown_land_stops_the_start_with_a_german_message():
    result = run_manage("check", SHOP_LAND="17")

    assert result.returncode != 0
    assert "SHOP_LAND: Der Landesschlüssel „17“ ist unbekannt" in result.stderr
