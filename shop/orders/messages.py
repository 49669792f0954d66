"""Rückfragen: one thread per order between the Verwaltung's members and the fulfilment staff.

Both membership roles may write ("lesend" as well as "bestellberechtigt"): asking about an order
changes nothing about it, and a reading member is often the person the rollout team needs.

`read_at` of a message is when the OTHER side first opened the thread (for the municipal side:
any approved member). A page that shows the thread lists the messages first and marks them read
after (`order_thread_open` does both in that order), so that it can still show what is new.
"""

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from shop.accounts.services import FULFILMENT_GROUP
from shop.integrations.webhooks import webhook_event_publish
from shop.mail import mail_after_commit
from shop.models import ContactRole, OrderDetails, OrderMessage, User, WebhookEvent
from shop.oscar_models import Order

from .selectors import verwaltungen_visible_to

MAX_LENGTH = OrderMessage._meta.get_field("text").max_length
STAFF_NAME = "Umsetzungsteam"


class OrderMessageForm(forms.Form):
    """Carries the text and its error to the thread's template; the rules live in
    `order_message_post`."""

    text = forms.CharField(label="Nachricht", required=False, strip=False)


# Writes


def _text_clean(text: str) -> str:
    # Browsers send line breaks as CRLF; count them as one character, as the textarea does.
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError("Bitte geben Sie Ihre Nachricht ein.", code="required")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            f"Ihre Nachricht ist {len(text)} Zeichen lang; erlaubt sind höchstens "
            f"{MAX_LENGTH} Zeichen.",
            code="max_length",
        )
    return text


def author_name(*, user: User) -> str:
    return user.get_full_name() or user.email


def staff_thread_path(*, order) -> str:
    return reverse("shop_staff_orders:messages", kwargs={"number": order.number})


def member_thread_path(*, order) -> str:
    return reverse("shop_orders:order", kwargs={"number": order.number}) + "#rueckfragen"


def staff_recipients() -> list[str]:
    """settings.FULFILMENT_EMAIL, or when it is empty every active member of the Fulfilment
    group. One query at most."""
    if settings.FULFILMENT_EMAIL:
        return [settings.FULFILMENT_EMAIL]
    emails = (
        User.objects.filter(groups__name=FULFILMENT_GROUP, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
    return list(dict.fromkeys(emails))


def member_recipients(*, details: OrderDetails) -> list[str]:
    """The order's Funktionspostfach and the person who placed it, while that person is active
    and still an approved member of the Verwaltung (someone who has left it no longer reads its
    orders)."""
    mailbox = details.contacts.filter(role=ContactRole.MAILBOX).values_list("email", flat=True)
    emails = list(mailbox)
    orderer = details.order.user
    if (
        orderer is not None
        and orderer.email
        and verwaltungen_visible_to(user=orderer).filter(pk=details.verwaltung_id).exists()
    ):
        emails.append(orderer.email)
    return list(dict.fromkeys(email for email in emails if email))


def _mail_other_side(*, message: OrderMessage) -> None:
    details = message.details
    order = details.order
    context = {
        "message": message,
        "order": order,
        "verwaltung": details.verwaltung,
        "author_name": author_name(user=message.author),
        "staff_name": STAFF_NAME,
    }
    if message.from_staff:
        recipients = member_recipients(details=details)
        subject = f"Rückfrage zu Ihrer Bestellung {order.number}"
        context["thread_url"] = settings.SHOP_BASE_URL + member_thread_path(order=order)
        template = "shop/orders/email/message_to_municipality.txt"
    else:
        recipients = staff_recipients()
        subject = f"Neue Rückfrage zu Bestellung {order.number} ({details.verwaltung.name})"
        context["thread_url"] = settings.SHOP_BASE_URL + staff_thread_path(order=order)
        template = "shop/orders/email/message_to_staff.txt"
    if recipients:
        mail_after_commit(
            subject=subject, body=render_to_string(template, context), recipients=recipients
        )


def order_message_post(
    *, details: OrderDetails, author: User, text: str, from_staff: bool
) -> OrderMessage:
    """Add a message to the order's thread and mail the other side after commit. The text is
    stripped; empty or longer than 5000 characters: ValidationError, nothing saved. Whether the
    author may write here is the caller's check (membership or staff permission)."""
    message = OrderMessage.objects.create(
        details=details, author=author, from_staff=from_staff, text=_text_clean(text)
    )
    _mail_other_side(message=message)
    # The operators' ticket systems are the rollout team's: they get the text as staff see it.
    webhook_event_publish(
        event=WebhookEvent.MESSAGE_POSTED,
        payload={
            "order_number": details.order.number,
            "message_id": message.pk,
            "from_staff": from_staff,
            "text": message.text,
            "verwaltung": {"id": details.verwaltung_id},
            "created_at": message.created_at,
        },
    )
    return message


def order_messages_mark_read(
    *, details: OrderDetails, reader_is_staff: bool, message_ids: Iterable[int] | None = None
) -> int:
    """Mark the other side's unread messages of the order as read now (only those of
    `message_ids` if given: what the reader was shown). One UPDATE; returns how many."""
    unread = OrderMessage.objects.filter(
        details=details, from_staff=not reader_is_staff, read_at__isnull=True
    )
    if message_ids is not None:
        unread = unread.filter(pk__in=list(message_ids))
    return unread.update(read_at=timezone.now())


def order_thread_open(*, details: OrderDetails, reader_is_staff: bool) -> list[OrderMessage]:
    """The thread as the reader sees it now (the other side's unread messages keep read_at None
    in the returned list, so the page marks them "neu"), then marked read. Two queries, one when
    nothing is new."""
    messages = order_message_list(details=details)
    new_ids = [
        message.pk
        for message in messages
        if message.from_staff != reader_is_staff and message.read_at is None
    ]
    if new_ids:
        order_messages_mark_read(
            details=details, reader_is_staff=reader_is_staff, message_ids=new_ids
        )
    return messages


# Reads


def order_message_list(*, details: OrderDetails) -> list[OrderMessage]:
    """The order's thread, oldest first, with the authors. One query."""
    return list(
        OrderMessage.objects.filter(details=details)
        .select_related("author")
        .order_by("created_at", "pk")
    )


def order_get_for_staff(*, number: str):
    """An order of the shop (one with OrderDetails) with its Verwaltung and orderer, or
    Order.DoesNotExist. One query."""
    return (
        Order.objects.select_related("ozg_details__verwaltung", "user")
        .filter(ozg_details__isnull=False)
        .get(number=number[:128])
    )


def unread_for_staff() -> QuerySet[OrderMessage]:
    """The municipalities' messages that no staff member has read yet."""
    return OrderMessage.objects.filter(from_staff=False, read_at__isnull=True)


def unread_counts_for_staff(*, order_ids: Iterable[int]) -> dict[int, int]:
    """Per order, how many of the municipality's messages no staff member has read yet (0 for
    the orders without). One query, for the dashboard's order list."""
    order_ids = list(order_ids)
    counts = dict.fromkeys(order_ids, 0)
    if not order_ids:
        return counts
    rows: QuerySet = (
        unread_for_staff()
        .filter(details__order_id__in=order_ids)
        .values("details__order_id")
        .annotate(unread=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["details__order_id"]] = row["unread"]
    return counts


def unread_count_for_member(*, user: User) -> int:
    """How many of the staff's messages to the person's Verwaltungen no member has read yet.
    One query."""
    if not user.is_authenticated:
        return 0
    return OrderMessage.objects.filter(
        from_staff=True,
        read_at__isnull=True,
        details__verwaltung__in=verwaltungen_visible_to(user=user),
    ).count()
