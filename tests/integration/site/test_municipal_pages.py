"""The pages a municipal person reaches through Oscar (sign-in, password reset, sign-out,
basket, account) in the site's KERN layout without a webshop's words or parts; Oscar's own
catalogue, search and product pages redirect to the service catalogue; the sign-in messages."""

import re

import pytest
from django.urls import reverse

from shop.oscar_models import Basket
from tests.checkout import basket_add
from tests.factories import DEFAULT_PASSWORD
from tests.factories import UserFactory
from tests.factories import dienst_create
from tests.signin import sign_in

WEBSHOP_WORDS = [
    "Lieferbar",
    "Für später speichern",
    "Versand",
    "Wunschzettel",
    "Adressbuch",
    "Produktbenachrichtigung",
    "Bewertung",
    "UPC",
    "exkl. Steuer",
    "Update",
    "Image Not Available",
    "Ausloggen",
    "Webshop",
]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def assert_municipal_page(response) -> None:
    assert response.status_code == 200, response
    html = response.content.decode()
    # The site's layout: its header navigation and footer, no Bootstrap.
    assert 'class="site-nav"' in html
    assert 'class="site-footer' in html
    assert "bootstrap" not in html.lower()
    assert 'for=""' not in html
    text = visible_text(html)
    for word in WEBSHOP_WORDS:
        assert word not in text, word
        assert word not in html, word


@pytest.fixture
def dienst(db):
    return dienst_create(title="Wohngeld beantragen")


@pytest.mark.parametrize(
    "url_name",
    ["customer:login", "password-reset", "password-reset-done", "basket:summary"],
)
def test_pages_for_everybody(client, db, url_name):
    assert_municipal_page(client.get(reverse(url_name)))


@pytest.mark.parametrize(
    "url_name",
    [
        "customer:logout",
        "customer:profile-view",
        "customer:profile-update",
        "customer:change-password",
        "shop_accounts:memberships",
        "shop_accounts:email_change",
    ],
)
def test_pages_for_a_signed_in_person(client, member, url_name):
    client.force_login(member)
    assert_municipal_page(client.get(reverse(url_name)))


def test_registration_page(client, db):
    assert_municipal_page(client.get(reverse("shop_accounts:register")))


def test_password_reset_confirmation_with_a_used_link(client, db):
    url = reverse("password-reset-confirm", kwargs={"uidb64": "MQ", "token": "abgelaufen"})
    response = client.get(url, follow=True)
    assert_municipal_page(response)
    assert "Der Link gilt nicht mehr" in response.content.decode()


def test_mein_konto_shows_what_a_municipal_person_has(client, member):
    client.force_login(member)
    response = client.get(reverse("customer:summary"), follow=True)

    assert_municipal_page(response)
    html = response.content.decode()
    assert "<h1" in html and "Mein Konto</h1>" in html
    assert member.email in html
    assert member.get_full_name() in html
    for url in (
        reverse("customer:profile-update"),
        reverse("shop_accounts:email_change"),
        reverse("customer:change-password"),
        reverse("shop_accounts:memberships"),
        reverse("shop_accounts:news"),
    ):
        assert f'href="{url}"' in html


def test_basket_line_links_its_profile_and_has_nothing_of_a_webshop(client, member, dienst):
    client.force_login(member)
    basket_add(client, dienst)

    response = client.get(reverse("basket:summary"))

    assert_municipal_page(response)
    html = response.content.decode()
    assert f'<a class="kern-link" href="{dienst.url}">Wohngeld beantragen</a>' in html
    assert 'type="number"' not in html
    assert "€" not in visible_text(html)
    assert "<img" not in html
    assert re.search(r'<button type="submit" [^>]*name="form-0-DELETE" value="on"', html)
    assert ">Entfernen<" in html


def test_entfernen_removes_the_line(client, member, dienst):
    client.force_login(member)
    basket_add(client, dienst)
    line = Basket.objects.get(owner=member).lines.get()

    response = client.post(
        reverse("basket:summary"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(line.pk),
            "form-0-quantity": "1",
            "form-0-DELETE": "on",
        },
        follow=True,
    )

    assert_municipal_page(response)
    assert not Basket.objects.get(owner=member).lines.exists()
    assert "Ihr Warenkorb ist leer." in response.content.decode()


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/shop/catalogue/", "/dienste/"),
        ("/shop/catalogue/category/basisdienste_3/", "/dienste/"),
        ("/shop/catalogue/ranges/alle/", "/dienste/"),
        ("/shop/catalogue/unbekannt_999999/", "/dienste/"),
        ("/shop/search/", "/dienste/"),
        ("/shop/offers/", "/dienste/"),
        ("/shop/search/?q=wohngeld", "/dienste/?q=wohngeld"),
    ],
)
def test_oscars_catalogue_and_search_redirect_to_the_service_catalogue(client, db, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


def test_oscars_product_page_redirects_to_the_service_profile(client, dienst):
    product = dienst.product
    for path in (
        product.get_absolute_url(),
        reverse(
            "catalogue:reviews-list",
            kwargs={"product_slug": product.slug, "product_pk": product.pk},
        ),
    ):
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == dienst.url


def test_product_of_an_unpublished_profile_redirects_to_the_catalogue(client, dienst):
    dienst.is_published = False
    dienst.save()
    response = client.get(dienst.product.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == "/dienste/"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_sign_in_says_so_in_german_without_welcome_back(client, member):
    response = sign_in(client, email=member.email, password=DEFAULT_PASSWORD)
    response = client.get(response["Location"], follow=True)

    assert messages_of(response) == ["Sie sind angemeldet."]


def test_basket_from_before_signing_in_is_announced_in_german(client, member, dienst):
    basket_add(client, dienst)
    sign_in(client, email=member.email, password=DEFAULT_PASSWORD)

    response = client.get(reverse("basket:summary"))

    assert (
        "Der Dienst, den Sie vor der Anmeldung in den Warenkorb gelegt haben, ist jetzt in "
        "Ihrem Warenkorb."
    ) in messages_of(response)
    assert not any("merged" in message for message in messages_of(response))
    assert "Wohngeld beantragen" in response.content.decode()


@pytest.fixture
def unconfirmed(db):
    return UserFactory(is_active=False, last_login=None)


def test_unconfirmed_person_is_told_to_confirm_the_address(client, unconfirmed):
    response = sign_in(client, email=unconfirmed.email, password=DEFAULT_PASSWORD)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sie haben Ihre E-Mail-Adresse noch nicht bestätigt." in html
    assert f'href="{reverse("shop_accounts:confirmation_resend")}"' in html
    assert "_auth_user_id" not in client.session


def test_unconfirmed_person_with_a_wrong_password_gets_the_usual_message(client, unconfirmed):
    response = sign_in(client, email=unconfirmed.email, password="falsch-falsch-falsch")

    html = response.content.decode()
    assert response.status_code == 200
    assert "noch nicht bestätigt" not in html
    assert "E-Mail-Adresse und Passwort" in html or "korrekte" in html


def test_deactivated_person_is_not_told_to_confirm(client, db):
    from django.utils import timezone

    deactivated = UserFactory(is_active=False, last_login=timezone.now())
    response = sign_in(client, email=deactivated.email, password=DEFAULT_PASSWORD)

    assert "noch nicht bestätigt" not in response.content.decode()


# Oscar's account pages of a webshop (oscar_overrides.customer): no URL of the shop, so a typed
# address answers 404 like any other unknown one, signed in or not.
OSCAR_PAGES_NOT_OFFERED = [
    "/shop/accounts/addresses/",
    "/shop/accounts/addresses/add/",
    "/shop/accounts/addresses/1/",
    "/shop/accounts/addresses/1/delete/",
    "/shop/accounts/addresses/1/default_for_billing/",
    "/shop/checkout/user-address/edit/1/",
    "/shop/checkout/user-address/delete/1/",
    "/shop/accounts/emails/",
    "/shop/accounts/emails/1/",
    "/shop/accounts/notifications/",
    "/shop/accounts/notifications/inbox/",
    "/shop/accounts/notifications/archive/",
    "/shop/accounts/notifications/1/",
    "/shop/accounts/alerts/",
    "/shop/accounts/alerts/create/1/",
    "/shop/accounts/alerts/confirm/schluessel/",
    "/shop/accounts/alerts/cancel/1/",
    "/shop/accounts/wishlists/",
    "/shop/accounts/wishlists/create/",
    "/shop/accounts/wishlists/add/1/",
    "/shop/accounts/wishlists/schluessel/",
    "/shop/wishlists/schluessel/",
    "/shop/accounts/profile/delete/",
    "/shop/accounts/order-status/100001/schluessel/",
    "/shop/accounts/order-status-form/100001/schluessel/",
]


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonym", "Mitglied"])
def test_oscars_webshop_account_pages_do_not_exist(client, member, signed_in):
    if signed_in:
        client.force_login(member)

    found = {}
    for path in OSCAR_PAGES_NOT_OFFERED:
        for method in (client.get, client.post):
            response = method(path)
            if response.status_code != 404 or "Seite nicht gefunden" not in response.text:
                found[f"{method.__name__.upper()} {path}"] = response.status_code
    assert not found
