"""Editors browse the municipal registry in the Wagtail admin; municipal users do not."""

import pytest

from tests.factories import GemeindeFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.responses import assert_listing_filters
from tests.responses import page_text
from tests.responses import queries_for
from tests.responses import redirect_target

VERWALTUNG_INDEX = "/cms/shop/verwaltung/"
GEMEINDE_INDEX = "/cms/shop/gemeinde/"


@pytest.fixture
def registry(db):
    kreis = VerwaltungFactory(kind="kreis", name="Rendsburg-Eckernförde", regional_key="01058")
    other_kreis = VerwaltungFactory(kind="kreis", name="Pinneberg", regional_key="01056")
    amt = VerwaltungFactory(
        kind="amt", name="Hüttener Berge", regional_key="010585890", kreis=kreis
    )
    other_amt = VerwaltungFactory(
        kind="amt", name="Pinnau", regional_key="010565655", kreis=other_kreis
    )
    ascheffel = GemeindeFactory(
        name="Ascheffel", ags="01058008", ars="010585890008", verwaltung=amt, kreis=kreis
    )
    GemeindeFactory(
        name="Borgstedt", ags="01058024", ars="010585890024", verwaltung=amt, kreis=kreis
    )
    GemeindeFactory(
        name="Ellerhoop",
        ags="01056012",
        ars="010565655012",
        verwaltung=other_amt,
        kreis=other_kreis,
    )
    return {"kreis": kreis, "amt": amt, "other_amt": other_amt, "ascheffel": ascheffel}


@pytest.fixture
def municipal_user(db, registry):
    from shop.models import Membership

    user = UserFactory(email="amt@example.org")
    Membership.objects.create(
        user=user, verwaltung=registry["amt"], status=Membership.Status.APPROVED
    )
    return user


def test_editor_lists_verwaltungen(client, editor, registry):
    client.force_login(editor)

    assert "Hüttener Berge" in page_text(client.get(VERWALTUNG_INDEX))


# The query of each search or filter, made from the registry fixture's records.
@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        pytest.param(lambda _: {"q": "Hüttener"}, "Hüttener Berge", "Pinnau", id="by-name"),
        pytest.param(
            lambda _: {"q": "010585890008"}, "Hüttener Berge", "Pinnau", id="by-ars-of-a-gemeinde"
        ),
        pytest.param(
            lambda registry: {"kreis__id__exact": registry["kreis"].pk},
            "Hüttener Berge",
            "Pinnau",
            id="by-kreis",
        ),
        pytest.param(
            lambda _: {"kind__exact": "kreis"},
            "Rendsburg-Eckernförde",
            "Hüttener Berge",
            id="by-type",
        ),
    ],
)
def test_editor_searches_and_filters_verwaltungen(client, editor, registry, query, shown, hidden):
    client.force_login(editor)

    response = client.get(VERWALTUNG_INDEX, query(registry))

    assert_listing_filters(response, shown=shown, hidden=hidden)


def test_editor_sees_the_gemeinden_of_a_verwaltung(client, editor, registry):
    client.force_login(editor)

    response = client.get(f"{VERWALTUNG_INDEX}inspect/{registry['amt'].pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Verwaltete Gemeinden (2)" in html
    assert "Ascheffel" in html
    assert "010585890008" in html
    assert "Ellerhoop" not in html


def test_editor_searches_gemeinden_by_ags_and_filters_by_kreis(client, editor, registry):
    client.force_login(editor)

    by_ags = client.get(GEMEINDE_INDEX, {"q": "01058008"}).content.decode()
    assert "Ascheffel" in by_ags
    assert "Borgstedt" not in by_ags

    by_kreis = client.get(GEMEINDE_INDEX, {"kreis__id__exact": registry["kreis"].pk})
    assert "Ellerhoop" not in by_kreis.content.decode()


@pytest.mark.parametrize(
    ("method", "action"), [("get", "create/"), ("get", "edit/{pk}/"), ("post", "delete/{pk}/")]
)
def test_editor_cannot_change_the_registry_by_hand(client, editor, registry, method, action):
    """The registry changes only by import; Wagtail answers a denied action with a redirect."""
    client.force_login(editor)
    amt = registry["amt"]

    response = getattr(client, method)(VERWALTUNG_INDEX + action.format(pk=amt.pk))

    assert response.status_code == 302
    assert response["Location"] == "/cms/"
    amt.refresh_from_db()
    assert amt.name == "Hüttener Berge"


@pytest.mark.parametrize("url", [VERWALTUNG_INDEX, GEMEINDE_INDEX, "/cms/"])
def test_municipal_user_does_not_reach_the_wagtail_admin(client, municipal_user, url):
    client.force_login(municipal_user)

    response = client.get(url)

    assert response.status_code == 403


def test_anonymous_visitor_is_sent_to_the_wagtail_login(client, registry):
    assert "/cms/login/" in redirect_target(client.get(VERWALTUNG_INDEX))


def test_registry_list_query_count_does_not_grow_with_rows(client, editor, registry):
    client.force_login(editor)
    few = queries_for(client, VERWALTUNG_INDEX)
    kreis = registry["kreis"]
    for number in range(40):
        amt = VerwaltungFactory(kind="amt", regional_key=f"01058{7000 + number:04d}", kreis=kreis)
        # Numbers of their own: the factory's sequence could meet the fixture's Ascheffel.
        GemeindeFactory(verwaltung=amt, kreis=kreis, ags=f"01058{500 + number:03d}")
    assert queries_for(client, VERWALTUNG_INDEX) == few


def test_the_type_filter_offers_the_kinds_of_the_imported_data(client, editor, registry):
    landkreis = VerwaltungFactory(kind="landkreis", name="Cuxhaven", regional_key="03352")
    VerwaltungFactory(
        kind="samtgemeinde", name="Land Hadeln", regional_key="033525409", kreis=landkreis
    )
    client.force_login(editor)

    html = client.get(VERWALTUNG_INDEX).content.decode()
    filtered = page_text(client.get(VERWALTUNG_INDEX, {"kind__exact": "samtgemeinde"}))

    for present in ("?kind__exact=kreis", "?kind__exact=amt", "?kind__exact=samtgemeinde"):
        assert present in html
    for absent in ("?kind__exact=verwaltungsgemeinschaft", "?kind__exact=stadtkreis"):
        assert absent not in html
    assert "Land Hadeln" in filtered
    assert "Hüttener Berge" not in filtered
