"""Informing every municipality: opt-in news subscriptions per person, one e-mail per subscriber
when a service goes live for the first time or an agreement version is published, the Atom feed
of new and changed services, and the news pages."""

import datetime
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.db import transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms_pages.models import NewsPage
from shop.models import NewsAnnouncement
from shop.models import NewsSubscription
from shop.models import OutgoingMail
from shop.news.services import news_announce
from shop.news.services import news_subscription_set
from tests.factories import AgreementFactory
from tests.factories import AgreementVersionFactory
from tests.factories import UserFactory
from tests.factories import publish
from tests.pages import service_page_build
from tests.pages import service_page_create
from tests.pages import service_page_publish
from tests.responses import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

ATOM = "{http://www.w3.org/2005/Atom}"
SUBSCRIPTION_URL = "/konto/neuigkeiten/"
FEED_URL = "/dienste/feed/"


@pytest.fixture
def catalogue(page_tree):
    return page_tree.service_index


@pytest.fixture
def subscribers():
    people = [UserFactory(), UserFactory()]
    for person in people:
        news_subscription_set(user=person, subscribed=True)
    return people


def recipients_of(messages) -> list[str]:
    return sorted(address for message in messages for address in message.to)


# Subscribing -----------------------------------------------------------------------------------


def csrf_token_from(response) -> str:
    return re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    ).group(1)


def test_subscribing_and_unsubscribing_through_the_csrf_protected_form():
    person = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)

    page = client.get(SUBSCRIPTION_URL)
    html = page_text(page)
    assert "Neuigkeiten per E-Mail" in html
    assert "neuer Online-Dienst" in html
    assert "neue Fassung" in html
    assert "nicht abonniert" in html

    refused = client.post(SUBSCRIPTION_URL, {"aktion": "abonnieren"})
    assert refused.status_code == 403
    assert not NewsSubscription.objects.filter(user=person).exists()

    token = csrf_token_from(page)
    subscribed = client.post(
        SUBSCRIPTION_URL, {"aktion": "abonnieren", "csrfmiddlewaretoken": token}, follow=True
    )
    assert subscribed.redirect_chain == [(SUBSCRIPTION_URL, 302)]
    assert "Sie haben die Neuigkeiten abonniert" in subscribed.content.decode()
    assert NewsSubscription.objects.filter(user=person).count() == 1

    again = client.post(SUBSCRIPTION_URL, {"aktion": "abonnieren", "csrfmiddlewaretoken": token})
    assert again.status_code == 302
    assert NewsSubscription.objects.filter(user=person).count() == 1

    unsubscribed = client.post(
        SUBSCRIPTION_URL, {"aktion": "abbestellen", "csrfmiddlewaretoken": token}, follow=True
    )
    assert "abbestellt" in unsubscribed.content.decode()
    assert not NewsSubscription.objects.filter(user=person).exists()


def test_an_unknown_choice_gets_a_german_message_and_changes_nothing(client):
    person = UserFactory()
    client.force_login(person)

    response = client.post(SUBSCRIPTION_URL, {"aktion": "alles"})

    assert response.status_code == 400
    assert "Bitte wählen Sie, ob Sie die Neuigkeiten abonnieren" in response.content.decode()
    assert not NewsSubscription.objects.exists()


def test_the_subscription_page_needs_a_login(client):
    for response in (client.get(SUBSCRIPTION_URL), client.post(SUBSCRIPTION_URL, {})):
        assert response.status_code == 302
        assert response["Location"].startswith("/shop/accounts/login/")
    assert not NewsSubscription.objects.exists()


# Announcing ------------------------------------------------------------------------------------


def test_a_new_service_mails_each_active_subscriber_once(
    catalogue, subscribers, django_capture_on_commit_callbacks
):
    inactive = UserFactory(is_active=False)
    news_subscription_set(user=inactive, subscribed=True)
    bystander = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        page = service_page_create(
            parent=catalogue, title="Wohngeld", short_description="Wohngeld online beantragen."
        )

    assert recipients_of(mail.outbox) == sorted(person.email for person in subscribers)
    assert all(len(message.to) == 1 and not message.cc for message in mail.outbox)
    assert inactive.email not in recipients_of(mail.outbox)
    assert bystander.email not in recipients_of(mail.outbox)
    message = mail.outbox[0]
    assert message.subject == "Neuer Dienst: Wohngeld"
    assert "Wohngeld online beantragen." in message.body
    assert f"{settings.SHOP_BASE_URL}{page.url}" in message.body
    assert f"{settings.SHOP_BASE_URL}/konto/neuigkeiten/" in message.body
    assert "Abbestellen" in message.body
    announcement = NewsAnnouncement.objects.get(event_key=f"dienst:{page.pk}")
    assert (announcement.subject, announcement.recipients_count) == ("Neuer Dienst: Wohngeld", 2)


def test_republishing_a_service_announces_nothing(
    catalogue, subscribers, django_capture_on_commit_callbacks
):
    page = service_page_create(parent=catalogue)
    mail.outbox.clear()

    queued = OutgoingMail.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Neuer Titel"
        service_page_publish(page)
        page.unpublish()
        service_page_publish(page)

    assert mail.outbox == []
    assert OutgoingMail.objects.count() == queued
    assert NewsAnnouncement.objects.count() == 1


def test_a_draft_announces_nothing(catalogue, subscribers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        service_page_build(parent=catalogue).save_revision()

    assert mail.outbox == []
    assert not NewsAnnouncement.objects.exists()


def test_the_same_event_is_never_announced_twice(subscribers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        first = news_announce(event_key="dienst:4711", subject="Neuer Dienst: X", body="Text")
        second = news_announce(event_key="dienst:4711", subject="Neuer Dienst: X", body="Text")
        # The savepoint kept the transaction usable after the duplicate key.
        assert NewsAnnouncement.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        third = news_announce(event_key="dienst:4711", subject="Neuer Dienst: X", body="Text")

    assert first is not None
    assert second is None
    assert third is None
    assert len(mail.outbox) == len(subscribers)


def test_nothing_is_sent_when_the_transaction_rolls_back(
    catalogue, subscribers, django_capture_on_commit_callbacks
):
    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        service_page_create(parent=catalogue, title="Kfz-Abmeldung")
        publish(AgreementVersionFactory())
        raise Abort

    assert callbacks == []
    assert mail.outbox == []
    assert not NewsAnnouncement.objects.exists()


def test_nobody_is_mailed_without_subscribers(catalogue, django_capture_on_commit_callbacks):
    UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        page = service_page_create(parent=catalogue)

    assert mail.outbox == []
    assert NewsAnnouncement.objects.get(event_key=f"dienst:{page.pk}").recipients_count == 0


def test_a_new_agreement_and_a_new_version_of_it_mail_the_subscribers(
    subscribers, django_capture_on_commit_callbacks
):
    agreement = AgreementFactory(title="Auftragsverarbeitungsvertrag Wohngeld")
    with django_capture_on_commit_callbacks(execute=True):
        first = publish(AgreementVersionFactory(agreement=agreement, version="1.0"))

    assert recipients_of(mail.outbox) == sorted(person.email for person in subscribers)
    message = mail.outbox[0]
    assert message.subject == "Neue Fassung: Auftragsverarbeitungsvertrag Wohngeld, Version 1.0"
    assert "eine neue Vereinbarung" in message.body
    assert "gültig ab 01.01.2025" in message.body
    assert f"{settings.SHOP_BASE_URL}/dienste/" in message.body
    assert f"{settings.SHOP_BASE_URL}/konto/neuigkeiten/" in message.body
    assert NewsAnnouncement.objects.filter(event_key=f"agreementversion:{first.pk}").exists()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = publish(
            AgreementVersionFactory(
                agreement=agreement, version="2.0", valid_from=datetime.date(2026, 7, 1)
            )
        )

    assert len(mail.outbox) == len(subscribers)
    message = mail.outbox[0]
    assert message.subject == "Neue Fassung: Auftragsverarbeitungsvertrag Wohngeld, Version 2.0"
    assert "hat eine neue Fassung" in message.body
    assert "gültig ab 01.07.2026" in message.body
    assert NewsAnnouncement.objects.filter(event_key=f"agreementversion:{second.pk}").exists()


def test_a_draft_agreement_version_announces_nothing(
    subscribers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        AgreementVersionFactory()

    assert mail.outbox == []


# Atom feed -------------------------------------------------------------------------------------


def feed_parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314  (the shop's own feed)


def test_the_feed_is_atom_with_the_published_services_newest_first(client, catalogue):
    older = service_page_create(
        parent=catalogue, title="Wohngeld", short_description="Wohngeld <online> & einfach."
    )
    newer = service_page_create(parent=catalogue, title="Kfz-Abmeldung")
    service_page_build(parent=catalogue, title="Entwurf", live=False).save_revision()

    response = client.get(FEED_URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feed_parse(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert "Neue und geänderte Dienste" in feed.findtext(f"{ATOM}title")
    assert feed.findtext(f"{ATOM}id").startswith("tag:")
    assert feed.findtext(f"{ATOM}updated")
    entries = feed.findall(f"{ATOM}entry")
    host = urlsplit(settings.SHOP_BASE_URL).hostname
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Kfz-Abmeldung", "Wohngeld"]
    for entry, page in zip(entries, [newer, older], strict=True):
        assert entry.find(f"{ATOM}link").get("href").endswith(page.url)
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert updated == page.last_published_at
        assert entry.findtext(f"{ATOM}id") == f"tag:{host},2025:dienst/{page.pk}"
    # type="html": the text is escaped once more, so that it stays text in a feed reader.
    summary = entries[1].find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "Wohngeld &lt;online&gt; &amp; einfach."


def test_an_entry_keeps_its_id_and_moves_up_when_the_service_changes(client, catalogue):
    first = service_page_create(parent=catalogue, title="Wohngeld")
    service_page_create(parent=catalogue, title="Kfz-Abmeldung")
    before = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}id")
        for entry in feed_parse(client.get(FEED_URL).content).findall(f"{ATOM}entry")
    }

    first.slug = "wohngeld-neu"
    service_page_publish(first)
    entries = feed_parse(client.get(FEED_URL).content).findall(f"{ATOM}entry")

    assert entries[0].findtext(f"{ATOM}title") == "Wohngeld"
    assert entries[0].findtext(f"{ATOM}id") == before["Wohngeld"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith("/dienste/wohngeld-neu/")


def test_the_feed_query_count_does_not_grow_with_the_services(client, catalogue):
    def queries_for_feed(expected_entries: int) -> int:
        client.get(FEED_URL)  # caches (Django site, Wagtail's site root paths) filled
        with CaptureQueriesContext(connection) as queries:
            response = client.get(FEED_URL)
        assert len(feed_parse(response.content).findall(f"{ATOM}entry")) == expected_entries
        return len(queries)

    service_page_create(parent=catalogue)
    one = queries_for_feed(1)
    for _ in range(9):
        service_page_create(parent=catalogue)
    ten = queries_for_feed(10)

    print(f"feed queries: 1 service {one}, 10 services {ten}")
    assert one == ten
    # view restrictions, the pages, Wagtail's site for the request; the request's savepoint
    assert one <= 5


def test_every_page_links_the_feed(client, page_tree):
    html = client.get("/").content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="Neue und geänderte Dienste" href="{FEED_URL}">'
    ) in html


# News pages ------------------------------------------------------------------------------------


def news_page_create(*, parent, **fields) -> NewsPage:
    page = parent.add_child(
        instance=NewsPage(
            title=fields.pop("title", "Neuigkeit"),
            intro=fields.pop("intro", "Kurz gesagt."),
            **fields,
        )
    )
    page.save_revision().publish()
    return page


def test_the_news_index_lists_its_news_newest_first_in_pages(client, page_tree):
    news_index = page_tree.news_index
    assert news_index.url == "/neuigkeiten/"
    for day in range(1, 13):
        news_page_create(
            parent=news_index,
            title=f"Meldung vom {day}. März",
            date=datetime.date(2026, 3, day),
        )

    first = client.get("/neuigkeiten/")
    second = client.get("/neuigkeiten/?seite=2")
    nonsense = client.get("/neuigkeiten/?seite=abc")

    assert first.status_code == second.status_code == nonsense.status_code == 200
    html = first.content.decode()
    assert html.index("Meldung vom 12. März") < html.index("Meldung vom 3. März")
    assert "Meldung vom 2. März" not in html
    assert "Seite 1 von 2" in html
    assert "Meldung vom 1. März" in second.content.decode()
    assert "Meldung vom 12. März" in nonsense.content.decode()
    assert SUBSCRIPTION_URL in html


def test_a_news_page_renders_and_is_in_the_api(client, page_tree):
    page = news_page_create(
        parent=page_tree.news_index,
        title="Neuer Basisdienst ePayment",
        intro="ePayment steht ab sofort allen Kommunen zur Verfügung.",
        body="<p>Einzelheiten im Steckbrief.</p>",
        date=datetime.date(2026, 3, 5),
    )

    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Neuer Basisdienst ePayment" in html
    assert "5. März 2026" in html
    assert "Einzelheiten im Steckbrief." in html

    api = client.get(
        "/api/v2/pages/", {"type": "cms_pages.NewsPage", "fields": "date,intro,body"}
    ).json()
    assert [item["title"] for item in api["items"]] == ["Neuer Basisdienst ePayment"]
    assert api["items"][0]["date"] == "2026-03-05"
    assert api["items"][0]["intro"].startswith("ePayment")


def test_the_page_tree_builds_the_news_index_once(page_tree):
    from cms_pages.models import NewsIndexPage
    from cms_pages.services import page_tree_ensure

    again = page_tree_ensure()

    assert again.news_index.pk == page_tree.news_index.pk
    assert NewsIndexPage.objects.count() == 1
    assert again.news_index.live
