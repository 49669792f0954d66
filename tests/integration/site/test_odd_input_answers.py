"""What odd input gets (ozg_site.odd_input): 400 with a German page, JSON under /api/, 404 for
keys that cannot exist; and that ordinary requests, a `%` in a search included, pass untouched.
The sweep over every URL is tests/integration/site/test_odd_input.py."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ozg_site.odd_input import MAX_QUERY_NUMBER
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

NUL_TEXT = "Die Anfrage enthält ein Steuerzeichen (NUL-Byte, „%00“)."
UTF8_TEXT = "Die Adresse enthält Zeichen, die nicht als UTF-8 kodiert sind."
NUMBER_TEXT = "Die Adresse enthält eine zu große Zahl (höchstens 15 Stellen)."
HUGE = "99999999999999999999"


def german_400(response, text: str) -> bool:
    content = response.content.decode()
    return (
        response.status_code == 400
        and '<h1 class="kern-heading-x-large">Ungültige Anfrage</h1>' in content
        and text in content
    )


# The URLs of the issue (12, item 5): each was a 500 on PostgreSQL.


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search=%00",
        "/api/v2/pages/find/?html_path=%00",
    ],
)
def test_nul_in_wagtails_api_is_a_400_in_json(client, page_tree, url):
    response = client.get(url)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(NUL_TEXT)


@pytest.mark.parametrize(
    "url", ["/konto/registrieren/?verwaltung_suche=%00", "/shop/accounts/orders/%00/"]
)
def test_nul_in_the_shops_pages_is_a_400_page_in_german(client, page_tree, url):
    assert german_400(client.get(url), NUL_TEXT)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (f"offset={HUGE}", "offset muss eine ganze Zahl von 0 bis 2147483647 sein."),
        ("offset=2147483648", "offset muss eine ganze Zahl von 0 bis 2147483647 sein."),
        ("offset=-1", "offset muss eine ganze Zahl von 0 bis 2147483647 sein."),
        ("offset=" + "9" * 5000, "offset muss eine ganze Zahl von 0 bis 2147483647 sein."),
        ("limit=21", "limit muss eine ganze Zahl von 0 bis 20 sein."),
        ("limit=zwei", "limit muss eine ganze Zahl von 0 bis 20 sein."),
    ],
)
def test_paging_of_wagtails_api_out_of_range_is_a_400_with_a_message(
    client, page_tree, query, message
):
    """The ninja API's own paging is tested in test_api_schema.py. A number beyond 15 digits
    is refused by the middleware already; the pages API bounds what remains."""
    response = client.get(f"/api/v2/pages/?{query}")

    assert response.status_code == 400
    assert response.json()["message"] in (message, NUMBER_TEXT + " Bitte prüfen Sie die Adresse.")


def test_paging_of_wagtails_api_within_range_answers(client, page_tree):
    response = client.get("/api/v2/pages/?offset=2147483647&limit=20")

    assert response.status_code == 200
    assert response.json()["items"] == []


# The middleware's checks


@pytest.mark.parametrize(
    "url",
    [
        "/dienste/%00/",
        "/dienste/?q=Wohn%00geld",
        "/dienste/?%00=1",
        "/dienste/?q=%2500",  # decoded once more by a view, it would be NUL
        "/konto/registrieren/?verwaltung_suche=Amt%2500",
    ],
)
def test_nul_anywhere_in_path_or_query_is_a_400(client, page_tree, url):
    response = client.get(url)

    assert german_400(response, NUL_TEXT), url
    assert "Es wurde nichts gespeichert." in response.content.decode()


@pytest.mark.parametrize("content_type", ["urlencoded", "multipart"])
def test_nul_in_a_posted_form_is_a_400_and_saves_nothing(client, page_tree, content_type):
    verwaltung = VerwaltungFactory()
    data = {
        "first_name": "Nul\x00",
        "last_name": "Byte",
        "email": "nul@amt.example",
        "password1": "ein-sicheres-Passwort-2026",
        "password2": "ein-sicheres-Passwort-2026",
        "verwaltung": verwaltung.pk,
        "role": "bestellberechtigt",
    }
    if content_type == "urlencoded":
        response = client.post(
            "/konto/registrieren/",
            urlencode(data),
            content_type="application/x-www-form-urlencoded",
        )
    else:
        response = client.post("/konto/registrieren/", data)

    assert german_400(response, NUL_TEXT)
    assert not get_user_model().objects.filter(email="nul@amt.example").exists()


def test_a_percent_sign_in_a_form_field_is_text(client, page_tree):
    """Only addresses are decoded once more: a password may contain "%00"."""
    verwaltung = VerwaltungFactory()

    response = client.post(
        "/konto/registrieren/",
        {
            "first_name": "Prozent",
            "last_name": "Zeichen",
            "email": "prozent@amt.example",
            "password1": "ein-Passwort-mit-%00-darin",
            "password2": "ein-Passwort-mit-%00-darin",
            "verwaltung": verwaltung.pk,
            "role": "bestellberechtigt",
        },
    )

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="prozent@amt.example").exists()


@pytest.mark.parametrize("url", ["/dienste/%FF/", "/dienste/?q=%FF", "/dienste/?q=%C3"])
def test_invalid_utf8_is_a_400(client, page_tree, url):
    assert german_400(client.get(url), UTF8_TEXT), url


@pytest.mark.parametrize(
    "query", [f"seite={HUGE}", f"q=-{HUGE}", f"page={MAX_QUERY_NUMBER + 1}", "seite=" + "9" * 5000]
)
def test_a_number_beyond_15_digits_in_the_query_is_a_400(client, page_tree, query):
    assert german_400(client.get(f"/dienste/?{query}"), NUMBER_TEXT), query


@pytest.mark.parametrize(
    "url",
    [
        "/shop/basket/vouchers/2147483648/remove/",  # Oscar's basket: <int:pk>
        "/konto/meine-dienste/2147483648/dienste/1/",
    ],
)
def test_an_integer_path_parameter_beyond_the_database_is_a_404(client, url):
    member = member_create(verwaltung=amt_with_gemeinden(count=1))
    client.force_login(member)
    response = client.get(url)

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_an_integer_path_parameter_beyond_the_database_is_a_json_404_in_the_api(client):
    response = client.get("/api/v2/pages/2147483648/")

    assert response.status_code == 404
    assert response.json() == {"message": "Die aufgerufene Adresse gibt es nicht."}


@pytest.mark.parametrize("pk", ["1%27", "%22", "x", "2147483648"])
def test_a_key_that_cannot_be_one_is_a_404_in_oscars_dashboard(client, pk):
    """Oscar's dashboard and Wagtail's choosers take `<str:pk>` for models with integer keys;
    a word there raised ValueError in the lookup."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    for url in (f"/shop/dashboard/pages/update/{pk}/", f"/cms/images/chooser/chosen/{pk}/"):
        assert client.get(url).status_code == 404, url


def test_ordinary_requests_pass_untouched(client, page_tree):
    service_page_create(parent=page_tree.service_index, title="Rabatt 100% digital")

    search = client.get("/dienste/", {"q": "100%"})  # ?q=100%25
    by_key = client.get("/dienste/", {"q": "010585890008"})  # an ARS, 12 digits
    longest = client.get("/dienste/", {"seite": str(MAX_QUERY_NUMBER)})
    quotes = client.get("/dienste/", {"q": "\"Rabatt 'digital"})

    assert search.status_code == 200
    assert "Rabatt 100% digital" in search.content.decode()
    assert 'value="100%"' in search.content.decode()
    assert [by_key.status_code, longest.status_code, quotes.status_code] == [200, 200, 200]


def test_refusing_odd_input_reads_neither_session_nor_account(client, page_tree):
    """The middleware answers before sessions and sign-in: scanners sending `%00` cost no
    query for them (the page shows the header of a visitor who is not signed in)."""
    client.force_login(member_create(verwaltung=amt_with_gemeinden(count=1)))
    client.get("/dienste/?q=%00")  # the footer's links are cached from now on

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/dienste/?q=%00")

    assert german_400(response, NUL_TEXT)
    assert "Anmelden" in response.content.decode()
    assert [query["sql"] for query in queries.captured_queries] == []


def test_the_shops_json_api_keeps_its_own_422_for_nul(client):
    """django-ninja validates the shop's API itself (site/api.py), as its OpenAPI document
    says; the middleware leaves it alone."""
    response = client.get("/api/ozg/leistungen?q=%00")

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Steuerzeichen (NUL) sind nicht erlaubt."


# handler400: Django's own refusals (an unknown host, too many fields) in German


def test_an_unknown_host_is_a_german_400_not_a_server_error(client, page_tree):
    response = client.get("/dienste/", HTTP_HOST="evil.example")

    assert german_400(response, "Die Anfrage ist ungültig.")


def test_odd_input_from_an_unknown_host_is_a_german_400(client, page_tree):
    response = client.get("/dienste/?q=%00", HTTP_HOST="evil.example")

    assert german_400(response, "Die Anfrage ist ungültig.")


def test_an_unknown_host_under_the_api_is_json(client):
    response = client.get("/api/v2/pages/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert response.json() == {
        "message": "Die Anfrage ist ungültig. Bitte prüfen Sie die Adresse oder Ihre Eingaben."
    }


def test_too_many_form_fields_is_a_german_400(client, page_tree, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10

    response = client.post(reverse("shop_accounts:register"), {f"f{n}": "x" for n in range(20)})

    assert german_400(response, "Die Anfrage ist ungültig.")
