"""The municipal checkout through the HTTP layer: every step, its validation, tampering, the
order placed once, and the confirmation."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from oscar_overrides.checkout.steps import STEPS
from oscar_overrides.checkout.steps import step_after
from oscar_overrides.checkout.steps import steps_after
from shop.accounts.services import membership_ensure_approved
from shop.models import AcceptanceRecord
from shop.models import AgreementKind
from shop.models import ContactRole
from shop.models import Membership
from shop.models import OrderContact
from shop.models import OrderDetails
from shop.models import OrderedService
from shop.models import ServiceCoverage
from shop.models import VerwaltungKind
from shop.orders.services import wished_start_date_latest
from shop.oscar_models import Basket
from shop.oscar_models import Order
from tests.checkout import CONTACTS
from tests.checkout import agreements_post_data
from tests.checkout import basket_add
from tests.checkout import checkout_complete
from tests.checkout import order_place_from_review
from tests.checkout import place_order_data
from tests.checkout import start_date
from tests.checkout import step_posts
from tests.checkout import steps_post
from tests.factories import AgreementVersionFactory
from tests.factories import GemeindeFactory
from tests.factories import KreisFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import publish
from tests.factories import published_version
from tests.factories import terms_of_use_publish


@pytest.fixture
def avv(db):
    return published_version(
        agreement__kind=AgreementKind.DATA_PROCESSING,
        agreement__title="Auftragsverarbeitungsvertrag",
        agreement__slug="avv",
    )


@pytest.fixture
def shop(db, avv):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=3, name="Amt Beispielhausen")
    return {
        "amt": amt,
        "gemeinden": list(amt.gemeinden.order_by("name")),
        "dienst": dienst_create(title="Hundesteuer online"),
        "dienst_avv": dienst_create(title="Wohngeld online", agreement_ids=[avv.agreement_id]),
        "user": member_create(verwaltung=amt, email="bestellerin@amt.example"),
    }


def nothing_saved() -> bool:
    return not (
        Order.objects.exists()
        or OrderDetails.objects.exists()
        or OrderedService.objects.exists()
        or ServiceCoverage.objects.exists()
        or AcceptanceRecord.objects.exists()
    )


def up_to(client, shop, step: str, *, dienste=None, gemeinden=None, contacts=CONTACTS):
    """Log in, fill the basket and post the steps before `step` (a URL name)."""
    dienste = dienste or [shop["dienst"]]
    client.force_login(shop["user"])
    basket_add(client, *dienste)
    posts = step_posts(
        verwaltung=shop["amt"],
        dienste=dienste,
        gemeinden=gemeinden or shop["gemeinden"],
        contacts=contacts,
    )
    steps_post(client, posts, until=step.removeprefix("checkout:"))


def review_reached(client, shop, **walk) -> dict:
    """Walk up to the review (as up_to) and return what its "Kostenfrei bestellen" posts."""
    up_to(client, shop, "preview", **walk)
    return place_order_data(client.get(reverse("checkout:preview")))


def assert_only_the_review_as_shown_places_the_order(client, review: dict) -> None:
    """The refused post saved nothing; the review as the page showed it still orders."""
    assert nothing_saved()
    assert client.post(reverse("checkout:preview"), review).status_code == 302
    assert Order.objects.count() == 1


def errors_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# The whole journey


def test_order_two_services_for_two_of_three_gemeinden(
    client, shop, django_capture_on_commit_callbacks
):
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"], shop["dienst_avv"])
    chosen = shop["gemeinden"][:2]
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(
            client,
            verwaltung=shop["amt"],
            dienste=[shop["dienst"], shop["dienst_avv"]],
            gemeinden=chosen,
            remarks="Bitte erst nach den Sommerferien.",
            REMOTE_ADDR="198.51.100.7",
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:thank-you")

    order = Order.objects.get()
    details = order.ozg_details
    assert order.user == shop["user"]
    assert order.status == "Eingegangen"
    assert order.total_incl_tax == 0
    assert details.verwaltung == shop["amt"]
    assert details.wished_start_date == start_date()
    assert details.remarks == "Bitte erst nach den Sommerferien."
    assert {c.role: c.email for c in details.contacts.all()} == {
        "fachlich": "frauke.fachlich@amt.example",
        "technisch": "tim.technik@amt.example",
        "funktionspostfach": "buergerservice@amt.example",
        "datenschutz": "datenschutz@amt.example",
    }
    assert sorted(line.status for line in order.lines.all()) == ["Eingegangen", "Eingegangen"]
    for service in OrderedService.objects.all():
        assert service.line.order == order
        assert {row.gemeinde for row in service.coverage.all()} == set(chosen)
    records = AcceptanceRecord.objects.select_related("agreement_version__agreement")
    assert sorted(r.agreement_version.agreement.title for r in records) == [
        "Allgemeine Nutzungsbedingungen",
        "Auftragsverarbeitungsvertrag",
    ]
    for record in records:
        assert record.order == order
        assert record.user == shop["user"]
        assert record.person_email == "bestellerin@amt.example"
        assert record.verwaltung == shop["amt"]
        assert record.verwaltung_name == "Amt Beispielhausen"
        assert record.text_sha256 == record.agreement_version.text_sha256
        assert record.ip_address == "198.51.100.7"

    page = client.get(response["Location"])
    content = page.content.decode()
    assert f"Bestellung {order.number}" in content
    assert "Wohngeld online" in content and chosen[0].name in content
    assert Basket.objects.get(pk=order.basket_id).status == Basket.SUBMITTED


def test_confirmation_mail_lists_services_gemeinden_contacts_and_agreements(
    client, shop, django_capture_on_commit_callbacks
):
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"], shop["dienst_avv"])
    with django_capture_on_commit_callbacks() as callbacks:
        checkout_complete(
            client,
            verwaltung=shop["amt"],
            dienste=[shop["dienst"], shop["dienst_avv"]],
            gemeinden=shop["gemeinden"][:2],
        )
    assert mail.outbox == []  # the mail waits for the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    order = Order.objects.get()
    assert message.to == ["bestellerin@amt.example", "buergerservice@amt.example"]
    assert message.subject == f"Ihre Bestellung {order.number} im OZG-Dienste-Shop"
    body = message.body
    for text in (
        "Amt Beispielhausen",
        "Hundesteuer online",
        "Wohngeld online",
        f"für 2 Gemeinden: {shop['gemeinden'][0].name}, {shop['gemeinden'][1].name}",
        "Fachliche Ansprechperson: Frauke Fachlich, frauke.fachlich@amt.example, Tel. 04331 123-45",
        "Funktionspostfach: Bürgerservice, buergerservice@amt.example",
        "Datenschutz: Dana Datenschutz, datenschutz@amt.example",
        f"Gewünschter Start: {start_date():%d.%m.%Y}",
        "Allgemeine Nutzungsbedingungen, Version",
        "Auftragsverarbeitungsvertrag, Version",
        f"/konto/meine-dienste/bestellungen/{order.number}/",
    ):
        assert text in body, text
    for record in AcceptanceRecord.objects.all():
        assert record.text_sha256 in body
    assert shop["gemeinden"][2].name not in body
    assert "&amp;" not in body and "&quot;" not in body


def test_no_mail_when_the_order_fails(client, shop, django_capture_on_commit_callbacks):
    review = review_reached(client, shop)
    order_place(
        user=member_create(verwaltung=shop["amt"]), verwaltung=shop["amt"], dienste=[shop["dienst"]]
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), review)
    assert mail.outbox == []


# Steps that need no choice


def test_single_membership_preselects_the_verwaltung(client, shop):
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    response = client.get(reverse("checkout:index"), follow=True)
    assert response.request["PATH_INFO"] == reverse("checkout:gemeinden")
    content = response.content.decode()
    for gemeinde in shop["gemeinden"]:
        assert f'value="{gemeinde.pk}"' in content
    assert content.count("checked") == 3  # all Gemeinden by default


def test_several_memberships_choose_the_verwaltung(client, shop):
    other = amt_with_gemeinden(count=2, name="Amt Zweites")
    Membership.objects.create(
        user=shop["user"], verwaltung=other, status=Membership.Status.APPROVED
    )
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    response = client.get(reverse("checkout:index"), follow=True)
    assert response.request["PATH_INFO"] == reverse("checkout:verwaltung")
    page = response.content.decode()
    assert "Amt Zweites" in page
    # The page's heading asks the question; the choice below it does not ask it again.
    assert page.count("Für welche Verwaltung bestellen Sie?") == 1
    assert '<legend class="kern-label kern-label--large">Ihre Verwaltungen' in page
    assert "gelten für die Verwaltung, die Sie hier wählen." in page
    response = client.post(reverse("checkout:verwaltung"), {"verwaltung": other.pk}, follow=True)
    assert response.request["PATH_INFO"] == reverse("checkout:gemeinden")
    assert response.content.decode().count('name="gemeinden"') == 2


def test_choosing_another_verwaltung_forgets_what_the_later_steps_captured(client, shop):
    other = amt_with_gemeinden(count=2, name="Amt Zweites")
    membership_ensure_approved(user=shop["user"], verwaltung=other, role=Membership.Role.ORDERING)
    up_to(client, shop, "preview")
    assert client.get(reverse("checkout:preview")).status_code == 200

    client.post(reverse("checkout:verwaltung"), {"verwaltung": shop["amt"].pk})
    assert client.get(reverse("checkout:preview")).status_code == 200  # the same: nothing lost
    client.post(reverse("checkout:verwaltung"), {"verwaltung": other.pk})

    assert set(client.session["checkout_data"]["ozg"]) == {"verwaltung"}
    assert client.get(reverse("checkout:preview"))["Location"] == reverse("checkout:gemeinden")


def test_kreis_orders_for_itself(client, shop, django_capture_on_commit_callbacks):
    kreis = KreisFactory(name="Kreis Beispiel")
    GemeindeFactory(verwaltung=amt_with_gemeinden(count=0, kreis=kreis))
    user = member_create(verwaltung=kreis)
    client.force_login(user)
    basket_add(client, shop["dienst"])
    response = client.get(reverse("checkout:index"), follow=True)
    assert response.request["PATH_INFO"] == reverse("checkout:contacts")
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(client, verwaltung=kreis, dienste=[shop["dienst"]])
    assert response["Location"] == reverse("checkout:thank-you")
    (row,) = ServiceCoverage.objects.all()
    assert row.verwaltung == kreis and row.gemeinde is None

    # A second order of the same service for the Kreis is refused at once.
    response = client.post(
        reverse("basket:add", kwargs={"pk": shop["dienst"].product_id}),
        {"quantity": 1},
        follow=True,
    )
    assert "Dieser Dienst ist für den Kreis Kreis Beispiel bereits bestellt." in (
        response.content.decode()
    )
    assert Basket.open.get(owner=user).num_lines == 0


SUBMIT_LABEL = re.compile(r'<button type="submit"[^>]*><span class="kern-label">([^<]*)</span>')


def next_button(response) -> str:
    (label,) = SUBMIT_LABEL.findall(response.content.decode())
    return label


def page_title(response) -> str:
    return re.search(r"<title>([^–]*) –", response.content.decode()).group(1).strip()


def test_each_step_is_titled_and_its_button_names_the_step_that_follows_for_this_person(
    client, shop
):
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    gemeinden = client.get(reverse("checkout:index"), follow=True)
    # An Amt's member of one Verwaltung skips the Verwaltung step, a Kreis's also the Gemeinden.
    assert page_title(gemeinden) == f"Gemeinden (Schritt 1 von {len(STEPS) - 1})"
    assert next_button(gemeinden) == "Weiter zu den Ansprechpersonen"

    kreis = KreisFactory(name="Kreis Beispiel")
    client.force_login(member_create(verwaltung=kreis))
    basket_add(client, shop["dienst"])
    contacts = client.get(reverse("checkout:index"), follow=True)
    assert page_title(contacts) == f"Ansprechpersonen (Schritt 1 von {len(STEPS) - 2})"
    assert next_button(contacts) == f"Weiter {step_after('contacts').towards}"


def test_the_verwaltung_step_names_no_goal_as_its_choice_decides_the_way_on(client, shop):
    """An Amt goes on to its Gemeinden, a Kreis to the contacts."""
    membership_ensure_approved(
        user=shop["user"], verwaltung=KreisFactory(), role=Membership.Role.ORDERING
    )
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])

    assert next_button(client.get(reverse("checkout:index"), follow=True)) == "Weiter"


# Who may check out


def test_anonymous_people_are_sent_to_the_login(client, shop):
    basket_add(client, shop["dienst"])
    response = client.get(reverse("checkout:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))


@pytest.mark.parametrize(
    ("status", "role", "explanation"),
    [
        (Membership.Status.REQUESTED, Membership.Role.ORDERING, "wird noch geprüft"),
        (Membership.Status.REJECTED, Membership.Role.ORDERING, "wurde abgelehnt"),
        (Membership.Status.APPROVED, Membership.Role.READ_ONLY, "nur mit Leserecht"),
    ],
)
@pytest.mark.parametrize(
    "url_name",
    [
        "checkout:index",
        "checkout:verwaltung",
        "checkout:gemeinden",
        "checkout:contacts",
        "checkout:schedule",
        "checkout:agreements",
        "checkout:preview",
    ],
)
def test_people_who_may_not_order_get_an_explanation(
    client, shop, status, role, explanation, url_name
):
    user = UserFactory()
    Membership.objects.create(user=user, verwaltung=shop["amt"], status=status, role=role)
    client.force_login(user)
    basket_add(client, shop["dienst"])
    response = client.get(reverse(url_name), follow=True)
    assert response.request["PATH_INFO"] == reverse("basket:summary")
    assert explanation in response.content.decode()
    response = client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert response.status_code == 302
    assert nothing_saved()


def test_person_without_membership_is_told_to_apply(client, shop):
    client.force_login(UserFactory())
    basket_add(client, shop["dienst"])
    response = client.get(reverse("checkout:index"), follow=True)
    assert "noch keiner Verwaltung zugeordnet" in response.content.decode()


def test_empty_basket_cannot_check_out(client, shop):
    client.force_login(shop["user"])
    response = client.get(reverse("checkout:verwaltung"))
    assert response.status_code == 302
    assert response["Location"] == reverse("basket:summary")


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("checkout:contacts", "checkout:gemeinden"),
        ("checkout:schedule", "checkout:gemeinden"),
        ("checkout:agreements", "checkout:gemeinden"),
        ("checkout:preview", "checkout:gemeinden"),
    ],
)
def test_steps_cannot_be_skipped(client, shop, url_name, expected):
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    client.get(reverse("checkout:verwaltung"))  # chooses the only Verwaltung
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"] == reverse(expected)


def test_preview_needs_the_agreements(client, shop):
    up_to(client, shop, "checkout:agreements")
    response = client.get(reverse("checkout:preview"))
    assert response["Location"] == reverse("checkout:agreements")
    response = client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert response["Location"] == reverse("checkout:agreements")
    assert nothing_saved()


# Validation of each step: German messages, input kept, nothing saved


def test_verwaltung_step_refuses_another_verwaltung(client, shop):
    other = amt_with_gemeinden(count=1, name="Fremdes Amt")
    Membership.objects.create(
        user=shop["user"],
        verwaltung=amt_with_gemeinden(count=1),
        status=Membership.Status.APPROVED,
    )
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    content = errors_of(client.post(reverse("checkout:verwaltung"), {"verwaltung": other.pk}))
    assert "Diese Auswahl steht Ihnen nicht zur Verfügung" in content
    content = errors_of(client.post(reverse("checkout:verwaltung"), {}))
    assert "Bitte wählen Sie eine Verwaltung." in content


def test_gemeinden_step_refuses_none_and_foreign_gemeinden(client, shop):
    up_to(client, shop, "checkout:gemeinden")
    content = errors_of(client.post(reverse("checkout:gemeinden"), {}))
    assert "Bitte wählen Sie mindestens eine Gemeinde." in content
    foreign = GemeindeFactory(name="Fremdgemeinde")
    content = errors_of(
        client.post(
            reverse("checkout:gemeinden"), {"gemeinden": [shop["gemeinden"][0].pk, foreign.pk]}
        )
    )
    assert "Diese Auswahl steht Ihnen nicht zur Verfügung" in content
    content = errors_of(client.post(reverse("checkout:gemeinden"), {"gemeinden": ["x"]}))
    assert "Diese Auswahl steht Ihnen nicht zur Verfügung" in content
    assert client.get(reverse("checkout:contacts"))["Location"] == reverse("checkout:gemeinden")


def test_gemeinden_step_names_what_is_already_ordered(client, shop):
    first, second, _third = shop["gemeinden"]
    order_place(
        user=shop["user"], verwaltung=shop["amt"], dienste=[shop["dienst"]], gemeinden=[first]
    )
    up_to(client, shop, "checkout:gemeinden", dienste=[shop["dienst"], shop["dienst_avv"]])
    content = client.get(reverse("checkout:gemeinden")).content.decode()
    # Ordered for one of the two services: still selectable, the other one is set up there.
    assert f"{first.name} (AGS {first.ags}) – bereits bestellt: Hundesteuer online" in content
    content = errors_of(client.post(reverse("checkout:gemeinden"), {"gemeinden": [first.pk]}))
    assert "„Hundesteuer online“ ist für alle gewählten Gemeinden bereits bestellt" in content
    response = client.post(reverse("checkout:gemeinden"), {"gemeinden": [first.pk, second.pk]})
    assert response.status_code == 302


def test_the_remaining_gemeinden_can_still_be_ordered(
    client, shop, django_capture_on_commit_callbacks
):
    first, second, third = shop["gemeinden"]
    order_place(
        user=shop["user"], verwaltung=shop["amt"], dienste=[shop["dienst"]], gemeinden=[first]
    )
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    with django_capture_on_commit_callbacks(execute=True):
        checkout_complete(
            client, verwaltung=shop["amt"], dienste=[shop["dienst"]], gemeinden=shop["gemeinden"]
        )
    latest = OrderedService.objects.order_by("-pk").first()
    assert {row.gemeinde for row in latest.coverage.all()} == {second, third}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"fachlich_name": ""}, "Bitte geben Sie den Namen (Fachliche Ansprechperson) an."),
        (
            {"technisch_email": ""},
            "Bitte geben Sie die E-Mail-Adresse (Technische Ansprechperson) an.",
        ),
        (
            {"funktionspostfach_email": ""},
            "Bitte geben Sie die E-Mail-Adresse (Funktionspostfach) an.",
        ),
        ({"fachlich_email": "keine-adresse"}, "Bitte geben Sie eine gültige E-Mail-Adresse an."),
        ({"technisch_phone": "ruf mich an"}, "nur mit Ziffern, Leerzeichen"),
        (
            {"digitalisierung_email": "digi@amt.example"},
            "Bitte geben Sie auch den Namen (Digitalisierungsbeauftragte/r) an.",
        ),
        (
            {"digitalisierung_name": "Dirk Digital"},
            "Bitte geben Sie auch die E-Mail-Adresse (Digitalisierungsbeauftragte/r) an.",
        ),
        ({"fachlich_name": "x" * 201}, "höchstens 200 Zeichen"),
    ],
)
def test_contacts_step_validation(client, shop, changes, message):
    up_to(client, shop, "checkout:contacts")
    data = {**CONTACTS, **changes}
    content = errors_of(client.post(reverse("checkout:contacts"), data))
    assert message in content
    assert 'value="tim.technik@amt.example"' in content or "technisch_email" in changes
    assert client.get(reverse("checkout:schedule"))["Location"] == reverse("checkout:contacts")


def test_data_protection_contact_required_only_with_an_avv(client, shop):
    without = {**CONTACTS, "datenschutz_name": "", "datenschutz_email": ""}
    up_to(client, shop, "checkout:contacts", dienste=[shop["dienst"]])
    assert client.post(reverse("checkout:contacts"), without).status_code == 302

    client.logout()
    Basket.objects.all().delete()
    up_to(client, shop, "checkout:contacts", dienste=[shop["dienst_avv"]])
    content = errors_of(client.post(reverse("checkout:contacts"), without))
    assert "Bitte geben Sie die E-Mail-Adresse (Datenschutz) an." in content
    assert "Bitte geben Sie den Namen (Datenschutz) an." in content


def test_contacts_are_prefilled_from_the_previous_order(client, shop):
    order_place(user=shop["user"], verwaltung=shop["amt"], dienste=[shop["dienst_avv"]])
    up_to(client, shop, "checkout:contacts")
    content = client.get(reverse("checkout:contacts")).content.decode()
    assert "aus der letzten Bestellung Ihrer Verwaltung" in content
    assert 'value="postfach@amt.example"' in content
    assert 'value="Frau Datenschutz"' in content


def test_contacts_of_another_verwaltung_are_not_prefilled(client, shop):
    other = amt_with_gemeinden(count=1)
    order_place(user=member_create(verwaltung=other), verwaltung=other, dienste=[shop["dienst"]])
    up_to(client, shop, "checkout:contacts")
    content = client.get(reverse("checkout:contacts")).content.decode()
    assert "postfach@amt.example" not in content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"wished_start_date": ""}, "Bitte geben Sie den gewünschten Starttermin an."),
        ({"wished_start_date": "31.02.2027"}, "Bitte geben Sie ein gültiges Datum an"),
        ({"wished_start_date": "morgen"}, "Bitte geben Sie ein gültiges Datum an"),
        (
            {"wished_start_date": (start_date(-31)).isoformat()},
            "darf nicht in der Vergangenheit liegen",
        ),
        (
            {"wished_start_date": start_date().isoformat(), "remarks": "x" * 2001},
            "höchstens 2.000 Zeichen",
        ),
    ],
)
def test_schedule_step_validation(client, shop, data, message):
    up_to(client, shop, "checkout:schedule")
    content = errors_of(client.post(reverse("checkout:schedule"), data))
    assert message in content


def latest_start() -> datetime.date:
    return wished_start_date_latest(today=start_date(0))


BEYOND_THE_BOUND = "darf höchstens 3 Jahre in der Zukunft liegen, also spätestens am"


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (datetime.date(9999, 12, 31), BEYOND_THE_BOUND),
        (latest_start() + datetime.timedelta(days=1), BEYOND_THE_BOUND),
        (start_date(-1), "darf nicht in der Vergangenheit liegen"),
    ],
    ids=["31.12.9999", "the day after the bound", "yesterday"],
)
def test_schedule_refuses_a_start_beyond_the_bounds(client, shop, day, message):
    up_to(client, shop, "checkout:schedule")
    content = errors_of(
        client.post(reverse("checkout:schedule"), {"wished_start_date": f"{day:%d.%m.%Y}"})
    )
    assert message in content
    if message == BEYOND_THE_BOUND:
        assert f"{message} {latest_start():%d.%m.%Y}." in content
    assert client.session["checkout_data"]["ozg"].get("schedule") is None
    assert client.get(reverse("checkout:agreements"))["Location"] == reverse("checkout:schedule")


@pytest.mark.parametrize("day", [start_date(0), latest_start()], ids=["today", "the bound"])
def test_schedule_accepts_a_german_date_from_today_to_the_bound(client, shop, day):
    up_to(client, shop, "checkout:schedule")
    response = client.post(reverse("checkout:schedule"), {"wished_start_date": f"{day:%d.%m.%Y}"})
    assert response.status_code == 302
    assert client.session["checkout_data"]["ozg"]["schedule"]["wished_start_date"] == (
        day.isoformat()
    )


def test_each_step_shows_again_what_it_captured(client, shop):
    """Back at a step, its form shows what was entered, the start date as TT.MM.JJJJ."""
    day = start_date(40)
    up_to(client, shop, "checkout:schedule")
    client.post(
        reverse("checkout:schedule"),
        {"wished_start_date": f"{day:%d.%m.%Y}", "remarks": "Bitte mit dem Kreis abstimmen."},
    )
    client.post(reverse("checkout:agreements"), agreements_post_data([shop["dienst"]]))

    schedule = client.get(reverse("checkout:schedule")).content.decode()
    assert f'value="{day:%d.%m.%Y}"' in schedule
    assert "Bitte mit dem Kreis abstimmen.</textarea>" in schedule
    contacts = client.get(reverse("checkout:contacts")).content.decode()
    assert f'value="{CONTACTS["fachlich_email"]}"' in contacts
    assert "aus der letzten Bestellung" not in contacts
    agreements = client.get(reverse("checkout:agreements")).content.decode()
    assert agreements.count("checked") == len(agreements_post_data([shop["dienst"]])) - 1


def test_schedule_names_the_bounds(client, shop):
    up_to(client, shop, "checkout:schedule")
    content = client.get(reverse("checkout:schedule")).content.decode()
    assert "Frühestens heute, höchstens 3 Jahre im Voraus." in content


def test_agreements_step_requires_each_checkbox(client, shop):
    up_to(client, shop, "checkout:agreements", dienste=[shop["dienst_avv"]])
    data = agreements_post_data([shop["dienst_avv"]])
    avv_key = next(key for key in data if key.startswith("version_") and key != next(iter(data)))
    del data[avv_key]
    content = errors_of(client.post(reverse("checkout:agreements"), data))
    assert "Bitte nehmen Sie „Auftragsverarbeitungsvertrag“ an, um zu bestellen." in content
    # The summary links the message alone: the checkbox's label is a sentence of its own.
    summary = content[
        content.index('id="fehler"') : content.index("</ul>", content.index('id="fehler"'))
    ]
    assert f'href="#id_{avv_key}">Bitte nehmen Sie „Auftragsverarbeitungsvertrag“' in summary
    assert "gelesen" not in summary


def test_agreements_step_shows_texts_and_refuses_an_old_version(client, shop, avv):
    up_to(client, shop, "checkout:agreements", dienste=[shop["dienst_avv"]])
    old_data = agreements_post_data([shop["dienst_avv"]])
    newer = publish(
        AgreementVersionFactory(
            agreement=avv.agreement,
            version="2.0",
            valid_from=start_date(-1),
            text="<p>Neue Fassung des AVV.</p>",
        )
    )
    content = client.get(reverse("checkout:agreements")).content.decode()
    assert "Neue Fassung des AVV." in content and "Version 2.0" in content
    # The page as it was before (old version's checkbox and list of versions shown) is refused.
    content = errors_of(client.post(reverse("checkout:agreements"), old_data))
    assert "Inzwischen gilt eine neue Fassung" in content
    assert "Bitte nehmen Sie „Auftragsverarbeitungsvertrag“ an" in content
    assert client.get(reverse("checkout:preview"))["Location"] == reverse("checkout:agreements")
    data = agreements_post_data([shop["dienst_avv"]])
    assert f"version_{newer.pk}" in data
    assert client.post(reverse("checkout:agreements"), data).status_code == 302


def test_a_version_published_after_acceptance_stops_the_order(client, shop, avv):
    review = review_reached(client, shop, dienste=[shop["dienst_avv"]])
    publish(
        AgreementVersionFactory(agreement=avv.agreement, version="2.0", valid_from=start_date(-1))
    )
    response = client.post(reverse("checkout:preview"), review)
    assert response["Location"] == reverse("checkout:agreements")
    assert nothing_saved()


def test_agreement_without_published_version_blocks_the_order(client, shop):
    draft = AgreementVersionFactory(agreement__title="Noch ungeklärt")
    dienst = dienst_create(agreement_ids=[draft.agreement_id])
    up_to(client, shop, "checkout:agreements", dienste=[dienst])
    response = client.get(reverse("checkout:agreements"), follow=True)
    assert response.request["PATH_INFO"] == reverse("basket:summary")
    assert "Für „Noch ungeklärt“ ist noch keine gültige Fassung veröffentlicht" in (
        response.content.decode()
    )


def test_unorderable_service_in_the_basket_stops_the_checkout(client, shop):
    review = review_reached(client, shop)
    shop["dienst"].is_published = False
    shop["dienst"].save()
    response = client.post(reverse("checkout:preview"), review, follow=True)
    assert response.request["PATH_INFO"] == reverse("basket:summary")
    assert nothing_saved()


# Placing the order


def test_preview_shows_everything_to_check(client, shop):
    up_to(client, shop, "preview", dienste=[shop["dienst"], shop["dienst_avv"]])
    content = client.get(reverse("checkout:preview")).content.decode()
    for text in (
        "Hundesteuer online",
        "Wohngeld online",
        "3 Gemeinden",
        "Frauke Fachlich",
        "buergerservice@amt.example",
        f"{start_date():%d.%m.%Y}",
        "Auftragsverarbeitungsvertrag, Version",
        "Kostenfrei bestellen",
    ):
        assert text in content, text


def test_double_submit_places_one_order(client, shop, django_capture_on_commit_callbacks):
    review = review_reached(client, shop)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("checkout:preview"), review)
        second = client.post(reverse("checkout:preview"), review, follow=True)
    assert first["Location"] == reverse("checkout:thank-you")
    assert second.request["PATH_INFO"] == reverse("checkout:thank-you")
    assert "bereits eingegangen; sie wurde nur einmal aufgegeben" in second.content.decode()
    assert Order.objects.count() == 1
    assert len(mail.outbox) == 1
    assert client.get(reverse("checkout:thank-you")).status_code == 200


def test_a_second_click_that_read_the_session_before_the_first_was_stored_shows_the_order(
    client, shop, django_capture_on_commit_callbacks
):
    """The second request of a double click can read the session before the first one has
    stored the order in it: then its basket is a new, empty one and the session knows no order.
    It must still show the order placed, not "Sie müssen Artikel zu Ihrem Warenkorb
    hinzufügen"."""
    review = review_reached(client, shop)
    session_before = dict(client.session.items())
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("checkout:preview"), review)
    assert first["Location"] == reverse("checkout:thank-you")
    session = client.session
    session.clear()
    session.update(session_before)
    session.save()

    second = client.post(reverse("checkout:preview"), review, follow=True)

    order = Order.objects.get()
    content = second.content.decode()
    assert second.request["PATH_INFO"] == reverse("checkout:thank-you")
    assert "Ihre Bestellung ist bereits eingegangen; sie wurde nur einmal aufgegeben." in content
    assert f"Bestellung {order.number}" in content
    assert "Warenkorb hinzufügen" not in content
    assert Order.objects.count() == 1 and len(mail.outbox) == 1
    # The stale session saved last does not bring the finished checkout back.
    assert "ozg" not in client.session.get("checkout_data", {})


def test_the_review_of_a_basket_ordered_in_another_tab_shows_that_order(client, shop):
    review = review_reached(client, shop)
    order_place_from_review(client)
    basket_add(client, shop["dienst_avv"])  # the next order has begun meanwhile

    response = client.post(reverse("checkout:preview"), review, follow=True)

    assert response.request["PATH_INFO"] == reverse("checkout:thank-you")
    assert f"Bestellung {Order.objects.get().number}" in response.content.decode()
    assert Order.objects.count() == 1
    basket = Basket.objects.get(owner=shop["user"], status=Basket.OPEN)
    assert [line.product_id for line in basket.all_lines()] == [shop["dienst_avv"].product_id]


def test_a_review_naming_another_persons_basket_shows_nothing_of_that_order(client, shop):
    other = amt_with_gemeinden(count=1)
    foreign = order_place(
        user=member_create(verwaltung=other), verwaltung=other, dienste=[shop["dienst"]]
    )
    review = review_reached(client, shop)

    response = client.post(
        reverse("checkout:preview"), {**review, "basket": str(foreign.basket_id)}, follow=True
    )

    own = Order.objects.exclude(pk=foreign.pk).get()
    content = response.content.decode()
    assert f"Bestellung {own.number}" in content
    assert foreign.number not in content


@pytest.mark.parametrize(
    "tampered",
    [
        {"shown_plan": ""},
        {"shown_plan": "kaputt"},
        {"shown_plan": "1:2:3"},
        {"basket": "x"},
        {"basket": "99999999999999999999"},
    ],
)
def test_a_garbled_review_is_refused_with_a_message(client, shop, tampered):
    review = review_reached(client, shop)
    content = errors_of(client.post(reverse("checkout:preview"), {**review, **tampered}))
    assert "Die Übersicht ist unvollständig angekommen." in content
    assert_only_the_review_as_shown_places_the_order(client, review)


def test_a_nul_character_in_the_review_is_a_400_and_places_nothing(client, shop):
    """Refused before the checkout reads the form (ozg_site.odd_input)."""
    review = review_reached(client, shop)

    response = client.post(reverse("checkout:preview"), {**review, "shown_plan": "1:2\x00"})

    assert response.status_code == 400
    assert "Steuerzeichen (NUL-Byte" in response.content.decode()
    assert_only_the_review_as_shown_places_the_order(client, review)


def test_order_conflict_saves_nothing_and_explains(client, shop):
    review = review_reached(client, shop)
    colleague = member_create(verwaltung=shop["amt"])
    order_place(
        user=colleague,
        verwaltung=shop["amt"],
        dienste=[shop["dienst"]],
        gemeinden=shop["gemeinden"],
    )
    before = (Order.objects.count(), OrderDetails.objects.count(), AcceptanceRecord.objects.count())
    response = client.post(reverse("checkout:preview"), review, follow=True)
    content = response.content.decode()
    # Nothing is left to set up: back to the basket, which says why.
    assert response.request["PATH_INFO"] == reverse("basket:summary")
    assert (
        "Dieser Dienst ist für alle Gemeinden des Amtes Amt Beispielhausen bereits bestellt."
        in (content)
    )
    after = (Order.objects.count(), OrderDetails.objects.count(), AcceptanceRecord.objects.count())
    assert after == before
    basket = Basket.objects.get(owner=shop["user"])
    assert basket.status == Basket.OPEN and basket.num_lines == 1


def test_a_gemeinde_ordered_by_a_colleague_during_the_review_is_not_dropped_silently(
    client, shop, django_capture_on_commit_callbacks
):
    """The review listed all three Gemeinden; meanwhile a colleague orders the service for
    one of them. Placing refuses, names it, keeps the basket; the review shown again states the
    change, and a new click orders the other two."""
    first, second, third = shop["gemeinden"]
    review = review_reached(client, shop)
    colleague = member_create(verwaltung=shop["amt"])
    colleague_order = order_place(
        user=colleague, verwaltung=shop["amt"], dienste=[shop["dienst"]], gemeinden=[first]
    )

    refused = client.post(reverse("checkout:preview"), review)

    content = errors_of(refused)
    assert "Die Bestellung wurde nicht aufgegeben" in content
    assert (
        f"„Hundesteuer online“ wurde inzwischen für {first.name} bestellt und ist für sie "
        "nicht mehr enthalten." in content
    )
    assert "Bitte prüfen Sie die aktualisierte Übersicht und bestellen Sie dann erneut." in content
    assert f"2 Gemeinden: {second.name}, {third.name}" in content
    assert f"Bereits bestellt und daher nicht enthalten: {first.name}" in content
    assert list(Order.objects.all()) == [colleague_order]
    basket = Basket.objects.get(owner=shop["user"], status=Basket.OPEN)
    assert [line.product_id for line in basket.all_lines()] == [shop["dienst"].product_id]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("checkout:preview"), place_order_data(refused))
    assert response["Location"] == reverse("checkout:thank-you")
    placed = Order.objects.exclude(pk=colleague_order.pk).get()
    assert {row.gemeinde for row in placed.ozg_details.services.get().coverage.all()} == {
        second,
        third,
    }


def test_a_gemeinde_freed_during_the_review_is_not_added_silently(client, shop):
    first, second, third = shop["gemeinden"]
    order_place(
        user=member_create(verwaltung=shop["amt"]),
        verwaltung=shop["amt"],
        dienste=[shop["dienst"]],
        gemeinden=[first],
    )
    review = review_reached(client, shop)
    OrderedService.objects.update(is_active=False)  # the colleague's order was cancelled
    ServiceCoverage.objects.update(is_active=False)

    content = errors_of(client.post(reverse("checkout:preview"), review))

    assert (
        f"„Hundesteuer online“ ist für {first.name} nicht mehr bestellt und wäre für sie "
        "zusätzlich enthalten." in content
    )
    assert f"3 Gemeinden: {first.name}, {second.name}, {third.name}" in content
    assert Order.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("basket", "Ihr Warenkorb hat sich inzwischen geändert."),
        ("gemeinden", "Ihre Auswahl der Gemeinden hat sich inzwischen geändert."),
    ],
)
def test_a_review_changed_in_another_window_must_be_confirmed_again(client, shop, change, message):
    review = review_reached(client, shop)
    if change == "basket":
        basket_add(client, dienst_create(title="Kfz-Abmeldung"))
    else:
        chosen = {"gemeinden": [g.pk for g in shop["gemeinden"][:2]]}
        assert client.post(reverse("checkout:gemeinden"), chosen).status_code == 302

    content = errors_of(client.post(reverse("checkout:preview"), review))

    assert message in content
    assert nothing_saved()


def test_conflict_found_only_at_placement_is_refused(client, shop, monkeypatch):
    """The last check before writing misses a colleague's order: the constraint refuses it."""
    review = review_reached(client, shop)
    colleague = member_create(verwaltung=shop["amt"])
    order_place(user=colleague, verwaltung=shop["amt"], dienste=[shop["dienst"]])
    from oscar_overrides import strategy
    from shop.orders import selectors
    from shop.orders import services
    from shop.orders.selectors import order_plan

    def plan_without_existing_orders(**kwargs):
        return [
            type(p)(dienst=p.dienst, gemeinden=p.gemeinden + p.already_ordered, already_ordered=[])
            for p in order_plan(**kwargs)
        ]

    monkeypatch.setattr(services, "order_plan", plan_without_existing_orders)
    monkeypatch.setattr(selectors, "order_plan", plan_without_existing_orders)
    monkeypatch.setattr(strategy, "dienst_order_overviews", lambda **kwargs: {})
    count = Order.objects.count()
    response = client.post(reverse("checkout:preview"), review)
    content = errors_of(response)
    assert "hat jemand anderes mindestens einen dieser Dienste" in content
    assert Order.objects.count() == count
    assert OrderContact.objects.filter(details__order__user=shop["user"]).count() == 0


def test_a_cancelled_service_may_be_ordered_again(client, shop, django_capture_on_commit_callbacks):
    order_place(user=shop["user"], verwaltung=shop["amt"], dienste=[shop["dienst"]])
    OrderedService.objects.update(is_active=False)
    ServiceCoverage.objects.update(is_active=False)
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(
            client, verwaltung=shop["amt"], dienste=[shop["dienst"]], gemeinden=shop["gemeinden"]
        )
    assert response["Location"] == reverse("checkout:thank-you")
    assert ServiceCoverage.objects.filter(is_active=True).count() == 3


def test_the_session_cannot_point_at_another_verwaltung(client, shop):
    """A session value the person could not have chosen (membership revoked meanwhile)."""
    review = review_reached(client, shop)
    Membership.objects.filter(user=shop["user"]).update(status=Membership.Status.REJECTED)
    response = client.post(reverse("checkout:preview"), review)
    assert response["Location"] == reverse("basket:summary")
    assert nothing_saved()


def test_contact_roles_are_stored_once_each(client, shop, django_capture_on_commit_callbacks):
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"])
    contacts = {
        **CONTACTS,
        "digitalisierung_name": "Dirk Digital",
        "digitalisierung_email": "digital@amt.example",
    }
    with django_capture_on_commit_callbacks(execute=True):
        checkout_complete(
            client,
            verwaltung=shop["amt"],
            dienste=[shop["dienst"]],
            gemeinden=shop["gemeinden"],
            contacts=contacts,
        )
    roles = list(OrderContact.objects.values_list("role", flat=True))
    assert sorted(roles) == sorted(
        [
            ContactRole.SUBJECT,
            ContactRole.TECHNICAL,
            ContactRole.MAILBOX,
            ContactRole.DATA_PROTECTION,
            ContactRole.DIGITALISATION,
        ]
    )


def test_wished_start_date_in_the_past_by_placement_is_refused(client, shop, monkeypatch):
    up_to(client, shop, "preview")
    session = client.session
    session["checkout_data"]["ozg"]["schedule"]["wished_start_date"] = "2020-01-01"
    session.save()
    content = errors_of(order_place_from_review(client))
    assert "darf nicht in der Vergangenheit liegen" in content
    assert nothing_saved()


def test_csrf_is_required(shop):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(shop["user"])
    response = client.post(reverse("checkout:contacts"), CONTACTS)
    assert response.status_code == 403


# The Gemeinden step: what is already ordered cannot be chosen; all or none at once


def gemeinde_checkboxes(content: str) -> dict[int, str]:
    """Per Gemeinde id its checkbox tag as rendered."""
    found = re.findall(r'(<input type="checkbox" name="gemeinden" value="(\d+)"[^>]*>)', content)
    return {int(pk): tag for tag, pk in found}


def test_gemeinden_ordered_for_every_service_are_shown_but_not_selectable(client, shop):
    first, second, third = shop["gemeinden"]
    order_place(
        user=shop["user"], verwaltung=shop["amt"], dienste=[shop["dienst"]], gemeinden=[first]
    )
    up_to(client, shop, "checkout:gemeinden")

    content = client.get(reverse("checkout:gemeinden")).content.decode()
    boxes = gemeinde_checkboxes(content)

    assert f"{first.name} (AGS {first.ags}) – bereits bestellt</label>" in content
    assert "disabled" in boxes[first.pk] and "checked" not in boxes[first.pk]
    for other in (second, third):
        assert "disabled" not in boxes[other.pk] and "checked" in boxes[other.pk]


def test_all_or_none_of_the_gemeinden_without_javascript(client, shop):
    first, second, third = shop["gemeinden"]
    order_place(
        user=shop["user"], verwaltung=shop["amt"], dienste=[shop["dienst"]], gemeinden=[first]
    )
    up_to(client, shop, "checkout:gemeinden")
    client.post(reverse("checkout:gemeinden"), {"gemeinden": [second.pk]})
    page = client.get(reverse("checkout:gemeinden")).content.decode()
    assert '<a class="kern-link" href="?auswahl=alle">Alle auswählen</a>' in page
    assert '<a class="kern-link" href="?auswahl=keine">Keine auswählen</a>' in page

    def boxes(query: str = "") -> dict[int, str]:
        url = reverse("checkout:gemeinden") + query
        return gemeinde_checkboxes(client.get(url).content.decode())

    everything, nothing, saved = boxes("?auswahl=alle"), boxes("?auswahl=keine"), boxes()

    assert ["checked" in everything[g.pk] for g in (first, second, third)] == [False, True, True]
    assert not any("checked" in tag for tag in nothing.values())
    assert ["checked" in saved[g.pk] for g in (first, second, third)] == [False, True, False]


# The steps are numbered by what the person goes through


def step_indicator(content: str) -> list[str]:
    nav = content[content.index('aria-label="Schritte der Bestellung"') :]
    nav = nav[: nav.index("</nav>")]
    items = re.findall(r"<li[^>]*>(.*?)</li>", nav, re.S)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


def numbered(*steps: str) -> list[str]:
    """The step indicator's items for `steps`, numbered from 1 as it numbers them."""
    return [f"{number}. {step}" for number, step in enumerate(steps, start=1)]


# The steps every order ends with, after those that choose whom and for whom it orders.
LAST_STEPS = tuple(step.label for step in steps_after("contacts"))


def test_an_amt_member_of_one_verwaltung_skips_the_verwaltung_step(client, shop):
    up_to(client, shop, "checkout:contacts")

    content = client.get(reverse("checkout:contacts")).content.decode()

    assert step_indicator(content) == numbered(
        "Gemeinden (erledigt)", "Ansprechpersonen", *LAST_STEPS
    )
    assert f"Schritt 2 von {len(STEPS) - 1}" in content
    assert f"<title>Ansprechpersonen (Schritt 2 von {len(STEPS) - 1})" in content.replace("\n", "")
    # Its one Verwaltung is chosen for it, also when it comes back to that step's address.
    response = client.get(reverse("checkout:verwaltung"))
    assert response["Location"] == reverse("checkout:gemeinden")


def test_a_kreisfreie_stadt_skips_both_choices(client, shop):
    stadt = VerwaltungFactory(kind=VerwaltungKind.KREISFREIE_STADT, name="Flensburg, Stadt")
    GemeindeFactory(verwaltung=stadt)
    client.force_login(member_create(verwaltung=stadt))
    basket_add(client, shop["dienst"])

    response = client.get(reverse("checkout:index"), follow=True)

    assert response.request["PATH_INFO"] == reverse("checkout:contacts")
    assert step_indicator(response.content.decode()) == numbered("Ansprechpersonen", *LAST_STEPS)
    assert f"Schritt 1 von {len(STEPS) - 2}" in response.content.decode()


def test_a_member_of_two_goes_through_every_step(client, shop):
    membership_ensure_approved(
        user=shop["user"], verwaltung=amt_with_gemeinden(count=2), role=Membership.Role.ORDERING
    )
    up_to(client, shop, "checkout:gemeinden")
    client.post(reverse("checkout:verwaltung"), {"verwaltung": shop["amt"].pk})

    content = client.get(reverse("checkout:gemeinden")).content.decode()

    assert step_indicator(content) == numbered(
        "Verwaltung (erledigt)", "Gemeinden", "Ansprechpersonen", *LAST_STEPS
    )
    assert f"Schritt 2 von {len(STEPS)}" in content
