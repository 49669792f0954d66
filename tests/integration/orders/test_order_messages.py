"""Rückfragen: one thread per order between the members of its Verwaltung (both roles may write)
and the fulfilment staff, with an e-mail to the other side, "neu" for what the reader has not seen
yet, and nobody else reading or writing it."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from shop.models import Membership
from shop.models import OrderMessage
from shop.orders.messages import order_message_list
from shop.orders.messages import order_message_post
from shop.orders.messages import order_messages_mark_read
from shop.orders.messages import unread_count_for_member
from shop.orders.messages import unread_counts_for_staff
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import people_outside_create
from tests.factories import staff_create
from tests.orders import order_url
from tests.responses import page_text

pytestmark = pytest.mark.django_db

BASE_URL = "https://shop.itvsh.example"
NEW_MARKER = '<span class="kern-label">neu</span>'


@pytest.fixture(autouse=True)
def mail_settings(settings):
    settings.SHOP_BASE_URL = BASE_URL
    settings.FULFILMENT_EMAIL = ""


@pytest.fixture
def reader(amt):
    return member_create(
        verwaltung=amt,
        role=Membership.Role.READ_ONLY,
        first_name="Lars",
        last_name="Lesend",
        email="lars@amt.example",
    )


@pytest.fixture
def post_message(client, django_capture_on_commit_callbacks):
    """Posts a message to a thread as `author`, with the e-mails that wait for the commit."""

    def post(url: str, text: str, *, author):
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"text": text})

    return post


def fulfilment_create(**fields):
    return staff_create(group=FULFILMENT_GROUP, is_staff=True, **fields)


def post_url(order) -> str:
    return reverse("shop_orders:messages", kwargs={"number": order.number})


def staff_url(order) -> str:
    return reverse("shop_staff_orders:messages", kwargs={"number": order.number})


def thread_of(html: str) -> str:
    return html[html.index('id="rueckfragen"') :]


def test_urls_and_names():
    assert reverse("shop_orders:messages", kwargs={"number": "100001"}) == (
        "/konto/meine-dienste/bestellungen/100001/rueckfragen/"
    )
    assert reverse("shop_staff_orders:messages", kwargs={"number": "100001"}) == (
        "/umsetzung/bestellungen/100001/rueckfragen/"
    )


def test_fulfilment_group_may_change_orders():
    """The staff page needs order.change_order; the Fulfilment group has it from
    staff_groups_ensure (post_migrate), no test has to grant it."""
    group = Group.objects.get(name=FULFILMENT_GROUP)
    assert group.permissions.filter(
        content_type__app_label="order", codename="change_order"
    ).exists()


# The thread both ways, with the e-mails


def test_member_question_reaches_the_fulfilment_staff(
    client, order, member, fulfilment, mailoutbox, post_message
):
    colleague = fulfilment_create(email="frida@land.example")
    fulfilment_create(email="weg@land.example", is_active=False)
    UserFactory(is_staff=True, email="andere@land.example")  # staff, not in Fulfilment

    response = post_message(post_url(order), "  Wann geht es los?\r\nDanke.  ", author=member)

    assert response.status_code == 302
    assert response["Location"] == order_url(order) + "#rueckfragen"
    message = OrderMessage.objects.get()
    assert message.text == "Wann geht es los?\nDanke."
    assert message.author == member
    assert message.from_staff is False
    assert message.details == order.ozg_details
    assert message.read_at is None

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert sorted(mail.to) == sorted([fulfilment.email, colleague.email])
    assert mail.subject == f"Neue Rückfrage zu Bestellung {order.number} (Hüttener Berge)"
    assert "Wann geht es los?\nDanke." in mail.body
    assert "Hanna Hüttmann (hanna@amt.example)" in mail.body
    assert f"{BASE_URL}/umsetzung/bestellungen/{order.number}/rueckfragen/" in mail.body

    html = page_text(client.get(response["Location"]))
    assert "Ihre Rückfrage ist gesendet." in html
    thread = thread_of(html)
    assert "Hanna Hüttmann</strong>" in thread
    assert "Wann geht es los?<br>Danke." in thread
    assert NEW_MARKER not in thread  # one's own side's messages are never new


def test_fulfilment_email_setting_replaces_the_group(
    settings, order, member, fulfilment, mailoutbox, post_message
):
    settings.FULFILMENT_EMAIL = "umsetzung@dataport.example"

    post_message(post_url(order), "Frage", author=member)

    assert [mail.to for mail in mailoutbox] == [["umsetzung@dataport.example"]]


def test_staff_reply_reaches_the_mailbox_and_the_orderer(
    client, order, member, fulfilment, mailoutbox, post_message
):
    text = "Bitte nennen Sie <b>die DVDV-Kennung</b>."

    response = post_message(staff_url(order), text, author=fulfilment)

    assert response.status_code == 302
    assert response["Location"] == staff_url(order)
    message = OrderMessage.objects.get()
    assert message.from_staff is True
    assert message.author == fulfilment

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["postfach@amt.example", "hanna@amt.example"]
    assert mail.subject == f"Rückfrage zu Ihrer Bestellung {order.number}"
    assert text in mail.body
    assert f"{BASE_URL}/konto/meine-dienste/bestellungen/{order.number}/#rueckfragen" in mail.body
    assert "Fiete" not in mail.body

    staff_html = page_text(client.get(staff_url(order)))
    assert "Die Nachricht ist gesendet; die Kommune erhält eine E-Mail." in staff_html
    staff_page = thread_of(staff_html)
    assert "Umsetzungsteam (Fiete Fulfilment)</strong>" in staff_page
    assert "Bitte nennen Sie &lt;b&gt;die DVDV-Kennung&lt;/b&gt;." in staff_page

    client.force_login(member)
    member_page = thread_of(page_text(client.get(order_url(order))))
    assert "Umsetzungsteam</strong>" in member_page
    assert "Fiete" not in member_page
    assert "&lt;b&gt;die DVDV-Kennung&lt;/b&gt;" in member_page


def test_staff_reply_skips_an_orderer_who_left_the_verwaltung(
    order, member, fulfilment, mailoutbox, post_message
):
    Membership.objects.filter(user=member).update(status=Membership.Status.REJECTED)

    post_message(staff_url(order), "Antwort", author=fulfilment)

    assert [mail.to for mail in mailoutbox] == [["postfach@amt.example"]]


def test_read_only_members_may_ask_too(order, reader, fulfilment, mailoutbox, post_message):
    response = post_message(post_url(order), "Frage von Lars", author=reader)

    assert response.status_code == 302
    assert OrderMessage.objects.get().author == reader
    assert len(mailoutbox) == 1


def test_page_shows_form_with_label_and_csrf(client, order, member):
    client.force_login(member)

    html = page_text(client.get(order_url(order)))
    thread = thread_of(html)

    assert "Zu dieser Bestellung gibt es noch keine Rückfragen." in thread
    assert "Rückfrage stellen</h3>" in thread
    assert f'<form method="post" action="{post_url(order)}"' in thread
    assert 'name="csrfmiddlewaretoken"' in thread
    assert '<label class="kern-label" for="id_text">' in thread
    assert '<textarea class="kern-form-input__input form-control" name="text" id="id_text"' in (
        thread
    )


# Read and unread


def test_new_marker_until_the_other_side_has_opened_the_thread(
    client, order, member, reader, fulfilment
):
    details = order.ozg_details
    question = order_message_post(
        details=details, author=member, text="Frage der Kommune", from_staff=False
    )
    assert unread_counts_for_staff(order_ids=[order.pk]) == {order.pk: 1}

    # The members never see their own side's messages as new, and do not mark them read.
    client.force_login(reader)
    assert NEW_MARKER not in thread_of(page_text(client.get(order_url(order))))
    question.refresh_from_db()
    assert question.read_at is None

    # The staff see it as new once; opening the page marks it read.
    client.force_login(fulfilment)
    assert thread_of(page_text(client.get(staff_url(order)))).count(NEW_MARKER) == 1
    question.refresh_from_db()
    assert question.read_at is not None
    assert unread_counts_for_staff(order_ids=[order.pk]) == {order.pk: 0}
    assert NEW_MARKER not in thread_of(page_text(client.get(staff_url(order))))

    answer = order_message_post(details=details, author=fulfilment, text="Antwort", from_staff=True)
    assert NEW_MARKER not in thread_of(page_text(client.get(staff_url(order))))
    answer.refresh_from_db()
    assert answer.read_at is None
    assert unread_count_for_member(user=member) == 1
    assert unread_count_for_member(user=reader) == 1

    # Any member opening the order marks it read for the Verwaltung (read_at: first reading).
    client.force_login(reader)
    thread = thread_of(page_text(client.get(order_url(order))))
    assert thread.count(NEW_MARKER) == 1
    assert thread.index(NEW_MARKER) > thread.index("Umsetzungsteam</strong>")
    answer.refresh_from_db()
    first_read = answer.read_at
    assert first_read is not None
    assert unread_count_for_member(user=member) == 0

    client.force_login(member)
    assert NEW_MARKER not in thread_of(page_text(client.get(order_url(order))))
    answer.refresh_from_db()
    assert answer.read_at == first_read


def test_mark_read_and_unread_counts(order, member, fulfilment, amt):
    details = order.ozg_details
    other_order = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    for text in ("eins", "zwei"):
        order_message_post(details=details, author=member, text=text, from_staff=False)
    order_message_post(details=details, author=fulfilment, text="drei", from_staff=True)
    outsider = member_create(verwaltung=amt_with_gemeinden(count=1))

    assert unread_counts_for_staff(order_ids=[order.pk, other_order.pk]) == {
        order.pk: 2,
        other_order.pk: 0,
    }
    assert unread_counts_for_staff(order_ids=[]) == {}
    assert unread_count_for_member(user=member) == 1
    assert unread_count_for_member(user=outsider) == 0

    assert order_messages_mark_read(details=details, reader_is_staff=True) == 2
    assert order_messages_mark_read(details=details, reader_is_staff=True) == 0
    assert unread_counts_for_staff(order_ids=[order.pk]) == {order.pk: 0}
    assert unread_count_for_member(user=member) == 1
    assert [m.text for m in order_message_list(details=details)] == ["eins", "zwei", "drei"]


# Validation


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Bitte geben Sie Ihre Nachricht ein."),
        (" \r\n\t ", "Bitte geben Sie Ihre Nachricht ein."),
        ("x" * 5001, "Ihre Nachricht ist 5001 Zeichen lang; erlaubt sind höchstens 5000 Zeichen."),
    ],
)
def test_invalid_text_is_refused_and_kept_on_both_sides(
    order, member, fulfilment, mailoutbox, post_message, text, error
):
    for person, url in ((member, post_url(order)), (fulfilment, staff_url(order))):
        response = post_message(url, text, author=person)

        html = page_text(response)
        assert f'id="id_text-fehler" role="alert">{error}</p>' in html
        assert 'aria-invalid="true"' in html
        if text.strip():
            assert f">{text}</textarea>" in html
    assert not OrderMessage.objects.exists()
    assert mailoutbox == []


def test_missing_field_and_the_limit_itself(client, order, member):
    client.force_login(member)

    assert "Bitte geben Sie Ihre Nachricht ein." in page_text(client.post(post_url(order), {}))
    assert not OrderMessage.objects.exists()

    # 5000 characters with browser line breaks (CRLF) count as the textarea counts them.
    text = ("x" * 99 + "\r\n") * 50
    assert client.post(post_url(order), {"text": text}).status_code == 302
    assert len(OrderMessage.objects.get().text) == 4999


# Who may read and write


def test_other_verwaltungen_and_unapproved_people_get_404(
    client, amt, order, mailoutbox, django_capture_on_commit_callbacks
):
    for person in people_outside_create(verwaltung=amt):
        client.force_login(person)
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(order_url(order)).status_code == 404
            assert client.post(post_url(order), {"text": "Hallo"}).status_code == 404
            assert client.get(staff_url(order)).status_code == 403
            assert client.post(staff_url(order), {"text": "Hallo"}).status_code == 403
    assert not OrderMessage.objects.exists()
    assert mailoutbox == []


def test_municipal_post_url_is_post_only_and_needs_login(client, order, member):
    response = client.post(post_url(order), {"text": "Hallo"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("customer:login"))

    client.force_login(member)
    assert client.get(post_url(order)).status_code == 405
    assert client.put(staff_url(order)).status_code in (403, 405)
    assert not OrderMessage.objects.exists()


@pytest.fixture
def people(amt, member, fulfilment):
    editor = staff_create(group=EDITORS_GROUP, is_staff=True)
    return {
        "member": member,
        "editor": editor,
        "staff_without_permission": UserFactory(is_staff=True),
        "fulfilment": fulfilment,
        "superuser": UserFactory(is_staff=True, is_superuser=True),
    }


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("member", 403),
        ("editor", 403),
        ("staff_without_permission", 403),
        ("fulfilment", 200),
        ("superuser", 200),
    ],
)
def test_staff_page_is_for_fulfilment_staff(client, order, people, person, status):
    client.force_login(people[person])

    response = client.get(staff_url(order))

    assert response.status_code == status
    if status == 200:
        html = page_text(response)
        assert f"Rückfragen zu Bestellung {order.number}" in html
        assert "Hüttener Berge" in html
        dashboard_order = reverse("dashboard:order-detail", kwargs={"number": order.number})
        assert f'href="{dashboard_order}"' in html
        assert f'<form method="post" action="{staff_url(order)}"' in html


def test_fulfilment_without_change_order_gets_403(client, order):
    person = UserFactory(is_staff=True)
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="order", codename="view_order")
    )
    client.force_login(person)

    assert client.get(staff_url(order)).status_code == 403


def test_staff_page_anonymous_goes_to_login_unknown_order_404(client, order, fulfilment):
    response = client.get(staff_url(order))
    assert response.status_code == 302
    assert response.url.startswith(reverse("dashboard:login"))
    assert "next=" in response.url

    client.force_login(fulfilment)
    assert client.get(staff_url(order).replace(order.number, "999999999")).status_code == 404


def test_csrf_is_enforced_on_both_sides(order, member, fulfilment):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(member)
    assert csrf_client.post(post_url(order), {"text": "Hallo"}).status_code == 403
    csrf_client.force_login(fulfilment)
    assert csrf_client.post(staff_url(order), {"text": "Hallo"}).status_code == 403
    assert not OrderMessage.objects.exists()


# Query budgets


def messages_create(order, *, member, fulfilment, count: int) -> None:
    OrderMessage.objects.bulk_create(
        OrderMessage(
            details=order.ozg_details,
            author=member if index % 2 else fulfilment,
            from_staff=not index % 2,
            text=f"Nachricht {index}",
        )
        for index in range(count)
    )


def queries_for(client, url: str) -> tuple[int, int]:
    """Queries for the first opening (marks the new messages read) and for the next one."""
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    return counts[0], counts[1]


def test_thread_query_counts_do_not_grow_with_messages(client, amt, member, fulfilment):
    # One message of each side against ten of each: each side has something new in both.
    small = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    large = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    messages_create(small, member=member, fulfilment=fulfilment, count=2)
    messages_create(large, member=member, fulfilment=fulfilment, count=20)

    client.force_login(fulfilment)
    client.get(reverse("dashboard:index"))  # the permissions, cached once
    staff_small = queries_for(client, staff_url(small))
    staff_large = queries_for(client, staff_url(large))
    assert staff_large == staff_small
    assert staff_small[1] == staff_small[0] - 1  # nothing new: no UPDATE

    client.force_login(member)
    client.get(reverse("shop_orders:overview"))  # the footer's legal links, cached once
    member_small = queries_for(client, order_url(small))
    member_large = queries_for(client, order_url(large))
    assert member_large == member_small
    assert member_small[1] == member_small[0] - 1
    assert page_text(client.get(order_url(large))).count("Nachricht ") >= 20
