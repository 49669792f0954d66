"""Interest before readiness: approved members register, update and withdraw their Verwaltung's
interest in a service in Vorbereitung on its profile; editors see it in Wagtail; when the
publication makes the service orderable, the members of the interested Verwaltungen are mailed
once (through the outbox)."""

import re

import pytest
from django.core import mail
from django.test import Client

from cms_pages.models import ServicePage
from shop.models import Dienst
from shop.models import DienstInterest
from shop.models import Membership
from shop.models import OutgoingMail
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create
from tests.pages import service_page_create
from tests.pages import service_page_publish
from tests.responses import page_text
from tests.responses import queries_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

IN_PREPARATION = Dienst.Availability.IN_PREPARATION


@pytest.fixture
def upcoming(page_tree):
    """A published profile "Hundesteuer" in Vorbereitung and its service."""
    page = service_page_create(
        parent=page_tree.service_index, title="Hundesteuer", availability=IN_PREPARATION
    )
    return page, Dienst.objects.get(page_id=page.pk)


def interest_url(dienst, verwaltung) -> str:
    return f"/konto/interesse/{dienst.pk}/{verwaltung.pk}/"


def csrf_token_from(response) -> str:
    return re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    ).group(1)


def signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


# On the profile ---------------------------------------------------------------------------------


def test_an_anonymous_visitor_sees_a_hint_to_sign_in(client, upcoming):
    page, _ = upcoming

    html = page_text(client.get(page.url))

    assert "Interesse bekunden" in html
    assert f'href="/shop/accounts/login/?next={page.url}"' in html
    assert "Melden Sie sich an</a>, um für Ihre Verwaltung Interesse zu bekunden" in html
    assert 'name="aktion"' not in html


def test_a_person_without_approved_membership_is_told_how_to_get_one(upcoming, amt):
    page, _ = upcoming
    requested = UserFactory()
    Membership.objects.create(user=requested, verwaltung=amt, status=Membership.Status.REQUESTED)

    html = page_text(signed_in(requested).get(page.url))

    assert "Interesse bekunden können bestätigte Mitglieder einer Verwaltung" in html
    assert 'name="aktion"' not in html


def test_an_orderable_service_shows_no_interest_box(client, wohngeld, member):
    page, _ = wohngeld

    html = page_text(signed_in(member).get(page.url))

    assert "Interesse bekunden" not in html


def test_registering_updating_and_withdrawing_through_the_csrf_protected_form(
    upcoming, amt, member
):
    page, dienst = upcoming
    client = signed_in(member, enforce_csrf_checks=True)
    profile = client.get(page.url)
    html = page_text(profile)
    assert "Hüttener Berge</strong> hat noch kein Interesse bekundet" in html
    assert f'action="{interest_url(dienst, amt)}"' in html
    url = interest_url(dienst, amt)

    refused = client.post(url, {"aktion": "bekunden"})
    assert refused.status_code == 403
    assert not DienstInterest.objects.exists()

    token = csrf_token_from(profile)
    registered = client.post(
        url,
        {
            "aktion": "bekunden",
            "note": "Ab Januar, für alle Gemeinden",
            "csrfmiddlewaretoken": token,
        },
        follow=True,
    )
    assert registered.redirect_chain == [(page.url, 302)]
    html = page_text(registered)
    assert "Das Interesse von Hüttener Berge an „Hundesteuer“ ist gespeichert" in html
    assert "Hüttener Berge</strong> hat am" in html
    assert "Ab Januar, für alle Gemeinden" in html
    interest = DienstInterest.objects.get()
    assert (interest.dienst, interest.verwaltung, interest.registered_by) == (dienst, amt, member)
    assert interest.notified_at is None

    updated = client.post(
        url, {"aktion": "bekunden", "note": "  Ab März  ", "csrfmiddlewaretoken": token}
    )
    assert updated.status_code == 302
    assert DienstInterest.objects.get().note == "Ab März"
    assert DienstInterest.objects.count() == 1

    withdrawn = client.post(
        url, {"aktion": "zurueckziehen", "note": "", "csrfmiddlewaretoken": token}, follow=True
    )
    assert "ist zurückgezogen" in page_text(withdrawn)
    assert not DienstInterest.objects.exists()


def test_a_read_only_member_may_register_interest(upcoming, amt):
    _, dienst = upcoming
    reader = member_create(verwaltung=amt, role=Membership.Role.READ_ONLY)

    response = signed_in(reader).post(interest_url(dienst, amt), {"aktion": "bekunden"})

    assert response.status_code == 302
    assert DienstInterest.objects.get().verwaltung == amt


def test_a_member_of_two_verwaltungen_registers_for_each_separately(upcoming, amt, member):
    page, dienst = upcoming
    kreis = amt.kreis
    membership_other = amt_with_gemeinden(count=1, name="Amt Zweite")
    Membership.objects.create(
        user=member, verwaltung=membership_other, status=Membership.Status.APPROVED
    )
    client = signed_in(member)

    client.post(interest_url(dienst, membership_other), {"aktion": "bekunden", "note": "Z"})
    html = page_text(client.get(page.url))

    assert DienstInterest.objects.get().verwaltung == membership_other
    assert "Amt Zweite</strong> hat am" in html
    assert "Hüttener Berge</strong> hat noch kein Interesse bekundet" in html
    # Each Verwaltung's form has its own field ids.
    assert f'id="interesse-{amt.pk}-note"' in html
    assert f'id="interesse-{membership_other.pk}-note"' in html
    assert kreis is not None


def test_the_interest_page_shows_the_form_on_its_own(upcoming, amt, member):
    _, dienst = upcoming

    html = page_text(signed_in(member).get(interest_url(dienst, amt)))

    assert "Interesse an „Hundesteuer“ für Hüttener Berge" in html
    assert 'value="bekunden"' in html


def test_the_interest_page_needs_a_login(client, upcoming, amt):
    _, dienst = upcoming
    for response in (
        client.get(interest_url(dienst, amt)),
        client.post(interest_url(dienst, amt), {"aktion": "bekunden"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/shop/accounts/login/")
    assert not DienstInterest.objects.exists()


# Bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "data", "message"),
    [
        (
            "upcoming",
            {"aktion": "bekunden", "note": "x" * 1001},
            "Die Anmerkung darf höchstens 1000 Zeichen lang sein (jetzt 1001).",
        ),
        (
            "upcoming",
            {"aktion": "alles"},
            "Bitte wählen Sie, ob Sie Interesse bekunden oder zurückziehen.",
        ),
        ("wohngeld", {"aktion": "bekunden"}, "Dieser Dienst ist bereits bestellbar"),
    ],
    ids=["too long a note", "unknown action", "orderable service"],
)
def test_bad_input_gets_a_german_message_and_saves_nothing(
    request, amt, member, service, data, message
):
    _, dienst = request.getfixturevalue(service)

    response = signed_in(member).post(interest_url(dienst, amt), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DienstInterest.objects.exists()


def test_a_verwaltung_not_responsible_for_the_service_is_told_who_is_and_cannot_register(
    page_tree, amt, member
):
    page = service_page_create(
        parent=page_tree.service_index,
        title="Kfz-Abmeldung",
        availability=IN_PREPARATION,
        responsible_kinds=["kreis", "kreisfreie_stadt"],
    )
    dienst = Dienst.objects.get(page_id=page.pk)
    refusal = (
        "„Kfz-Abmeldung“ bieten die Kreise und kreisfreien Städte an; das Amt Hüttener Berge "
        "kann diesen Dienst nicht bestellen."
    )

    html = page_text(signed_in(member).get(page.url))
    response = signed_in(member).post(interest_url(dienst, amt), {"aktion": "bekunden"})

    assert refusal in html
    assert f'action="{interest_url(dienst, amt)}"' not in html
    assert response.status_code == 400
    assert refusal in response.content.decode()
    assert not DienstInterest.objects.exists()


def test_unknown_or_unpublished_services_are_404(upcoming, amt, member):
    page, dienst = upcoming
    client = signed_in(member)
    assert client.get(f"/konto/interesse/999999/{amt.pk}/").status_code == 404

    page.unpublish()

    assert client.post(interest_url(dienst, amt), {"aktion": "bekunden"}).status_code == 404
    assert not DienstInterest.objects.exists()


# Isolation --------------------------------------------------------------------------------------


def test_interests_of_one_verwaltung_are_invisible_to_another(upcoming, amt, member):
    page, dienst = upcoming
    signed_in(member).post(
        interest_url(dienst, amt), {"aktion": "bekunden", "note": "Geheime Anmerkung A"}
    )
    other_amt = amt_with_gemeinden(count=1, name="Amt Bredstedt")
    other = member_create(verwaltung=other_amt)
    client = signed_in(other)

    profile = page_text(client.get(page.url))
    assert "Geheime Anmerkung A" not in profile
    assert "Hüttener Berge" not in profile
    assert "Amt Bredstedt</strong> hat noch kein Interesse bekundet" in profile
    assert client.get(interest_url(dienst, amt)).status_code == 404
    assert client.post(interest_url(dienst, amt), {"aktion": "zurueckziehen"}).status_code == 404
    assert client.post(interest_url(dienst, amt), {"aktion": "bekunden"}).status_code == 404
    assert DienstInterest.objects.get().note == "Geheime Anmerkung A"


# The single notification ------------------------------------------------------------------------


def test_members_are_mailed_once_when_the_service_becomes_orderable(
    upcoming, amt, member, django_capture_on_commit_callbacks
):
    page, dienst = upcoming
    reader = member_create(verwaltung=amt, role=Membership.Role.READ_ONLY)
    requested = UserFactory()
    Membership.objects.create(user=requested, verwaltung=amt, status=Membership.Status.REQUESTED)
    inactive = member_create(verwaltung=amt, is_active=False)
    both = member_create(verwaltung=amt)
    second = amt_with_gemeinden(count=1, name="Amt Zweite")
    Membership.objects.create(user=both, verwaltung=second, status=Membership.Status.APPROVED)
    uninterested = member_create(verwaltung=amt_with_gemeinden(count=1, name="Amt Ohne"))
    signed_in(member).post(interest_url(dienst, amt), {"aktion": "bekunden"})
    signed_in(both).post(interest_url(dienst, second), {"aktion": "bekunden"})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        service_page_publish(page)  # still in Vorbereitung: nobody is mailed
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        page.availability = Dienst.Availability.AVAILABLE
        service_page_publish(page)

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([member.email, reader.email, both.email])
    assert requested.email not in recipients
    assert inactive.email not in recipients
    assert uninterested.email not in recipients
    message = next(m for m in mail.outbox if m.to == [both.email])
    assert message.subject == "Jetzt bestellbar: Hundesteuer"
    assert "- Amt Zweite" in message.body
    assert "- Hüttener Berge" in message.body
    assert page.url in message.body
    assert DienstInterest.objects.filter(notified_at__isnull=True).count() == 0
    assert OutgoingMail.objects.filter(subject="Jetzt bestellbar: Hundesteuer").count() == 3

    # Publishing again, also after unpublishing, mails nobody a second time.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for publish in (service_page_publish, ServicePage.unpublish, service_page_publish):
            publish(page)
    assert (mail.outbox, OutgoingMail.objects.filter(subject__startswith="Jetzt").count()) == (
        [],
        3,
    )


def test_publishing_twice_in_one_go_mails_once(
    upcoming, amt, member, django_capture_on_commit_callbacks
):
    page, dienst = upcoming
    signed_in(member).post(interest_url(dienst, amt), {"aktion": "bekunden"})
    page.availability = Dienst.Availability.AVAILABLE

    with django_capture_on_commit_callbacks(execute=True):
        service_page_publish(page)
        service_page_publish(page)

    assert [message.to for message in mail.outbox] == [[member.email]]


def test_a_withdrawn_interest_is_not_mailed(
    upcoming, amt, member, django_capture_on_commit_callbacks
):
    page, dienst = upcoming
    client = signed_in(member)
    client.post(interest_url(dienst, amt), {"aktion": "bekunden"})
    client.post(interest_url(dienst, amt), {"aktion": "zurueckziehen"})
    page.availability = Dienst.Availability.AVAILABLE

    with django_capture_on_commit_callbacks(execute=True):
        service_page_publish(page)

    assert mail.outbox == []


# Editors in Wagtail -----------------------------------------------------------------------------


@pytest.fixture
def interested(upcoming, amt, member):
    """Two Verwaltungen interested in "Hundesteuer"."""
    _, dienst = upcoming
    signed_in(member).post(
        interest_url(dienst, amt), {"aktion": "bekunden", "note": "Ab Januar bitte"}
    )
    other = amt_with_gemeinden(count=1, name="Amt Bredstedt")
    signed_in(member_create(verwaltung=other)).post(
        interest_url(dienst, other), {"aktion": "bekunden"}
    )
    return dienst


def test_editors_see_the_count_per_service_and_the_list(interested, editor, wohngeld):
    client = signed_in(editor)

    overview = page_text(client.get("/cms/interessen/"))
    assert "Interesse an Diensten" in overview
    assert f'href="/cms/interessen/{interested.pk}/">Hundesteuer</a>' in overview
    assert "<td>in Vorbereitung</td> <td>2</td>" in overview
    assert "Wohngeld" not in overview  # orderable and nobody interested

    listing = page_text(client.get(f"/cms/interessen/{interested.pk}/"))
    expected = [
        "2 Verwaltungen haben Interesse bekundet",
        "Hüttener Berge",
        "Amt Bredstedt",
        "Ab Januar bitte",
        "hanna@amt.example",
        "noch nicht",  # notified
    ]
    assert [text for text in expected if text not in listing] == []


def test_the_profile_editor_shows_the_count(interested, editor, upcoming):
    page, _ = upcoming

    html = page_text(signed_in(editor).get(f"/cms/pages/{page.pk}/edit/"))

    assert "2 Verwaltungen haben Interesse an diesem Dienst bekundet" in html
    assert f'href="/cms/interessen/{interested.pk}/"' in html


def test_the_admin_menu_lists_the_interest_for_editors(editor, page_tree):
    html = signed_in(editor).get("/cms/").content.decode()

    assert "/cms/interessen/" in html


@pytest.mark.parametrize("who", ["member", "fulfilment"])
def test_municipal_members_and_fulfilment_cannot_reach_the_editor_views(request, interested, who):
    client = signed_in(request.getfixturevalue(who))

    for url in ("/cms/interessen/", f"/cms/interessen/{interested.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Ab Januar bitte" not in response.content.decode()


def test_an_unknown_service_in_the_editor_list_is_404(editor, page_tree):
    assert signed_in(editor).get("/cms/interessen/999999/").status_code == 404


def test_the_editor_views_cost_the_same_queries_for_one_and_many_rows(
    upcoming, amt, member, editor
):
    _, dienst = upcoming
    client = signed_in(editor)
    signed_in(member).post(interest_url(dienst, amt), {"aktion": "bekunden"})
    few = (
        queries_for(client, "/cms/interessen/"),
        queries_for(client, f"/cms/interessen/{dienst.pk}/"),
    )

    for number in range(6):
        verwaltung = amt_with_gemeinden(count=1, name=f"Amt Nummer {number}")
        signed_in(member_create(verwaltung=verwaltung)).post(
            interest_url(dienst, verwaltung), {"aktion": "bekunden", "note": f"Notiz {number}"}
        )
    for number in range(3):
        service_page_create(
            parent=upcoming[0].get_parent(), title=f"Später {number}", availability=IN_PREPARATION
        )
    many = (
        queries_for(client, "/cms/interessen/"),
        queries_for(client, f"/cms/interessen/{dienst.pk}/"),
    )

    assert few == many


def test_the_profile_costs_the_same_queries_for_one_and_many_verwaltungen(upcoming, amt, member):
    page, dienst = upcoming
    client = signed_in(member)
    client.post(interest_url(dienst, amt), {"aktion": "bekunden"})
    one = queries_for(client, page.url)

    for number in range(4):
        verwaltung = amt_with_gemeinden(count=1, name=f"Amt Nummer {number}")
        Membership.objects.create(
            user=member, verwaltung=verwaltung, status=Membership.Status.APPROVED
        )
        client.post(interest_url(dienst, verwaltung), {"aktion": "bekunden"})
    html = page_text(client.get(page.url))
    many = queries_for(client, page.url)

    assert html.count('name="aktion" value="zurueckziehen"') == 5
    assert one == many
