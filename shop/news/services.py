"""Writes on the news: who subscribed, and announcing an event once to every subscriber.

Every event has a key; NewsAnnouncement's unique key makes a second announcement of the same
event impossible, also when two transactions try at the same time. The e-mails leave after the
transaction has committed, one per subscriber (nobody sees the other recipients), each as its own
task (shop.mail), so that one failing address does not hold up or repeat the others.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from shop.mail import mail_after_commit
from shop.models import AgreementVersion, NewsAnnouncement, NewsSubscription, User
from shop.news.selectors import news_recipient_emails

SUBSCRIPTION_PATH = "/konto/neuigkeiten/"
CATALOGUE_PATH = "/dienste/"


def _absolute_url(path_or_url: str) -> str:
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return settings.SHOP_BASE_URL.rstrip("/") + "/" + path_or_url.lstrip("/")


def news_subscription_set(*, user: User, subscribed: bool) -> bool:
    """Subscribe the person to the news or end the subscription; repeating it changes nothing.
    Returns whether the person is subscribed now."""
    if subscribed:
        NewsSubscription.objects.get_or_create(user=user)
    else:
        NewsSubscription.objects.filter(user=user).delete()
    return subscribed


def news_announce(*, event_key: str, subject: str, body: str) -> NewsAnnouncement | None:
    """Record that the event is announced and, after commit, mail `body` to every active
    subscriber, one e-mail each.

    An event that was already announced (same `event_key`) is not announced again: nothing is
    sent and None is returned. If the surrounding transaction rolls back, neither the record nor
    an e-mail remains.
    """
    recipients = news_recipient_emails()
    try:
        with transaction.atomic():  # a savepoint: a duplicate key must not break the caller's
            announcement = NewsAnnouncement.objects.create(
                event_key=event_key, subject=subject, recipients_count=len(recipients)
            )
    except IntegrityError:
        return None
    for email in recipients:
        mail_after_commit(subject=subject, body=body, recipients=[email])
    return announcement


def news_announce_dienst(
    *, page_id: int, title: str, description: str, url: str
) -> NewsAnnouncement | None:
    """A service profile was published for the first time: tell the subscribers (once)."""
    body = render_to_string(
        "shop/news/email/dienst_neu.txt",
        {
            "title": title,
            "description": description,
            "link": _absolute_url(url or CATALOGUE_PATH),
            "unsubscribe_url": _absolute_url(SUBSCRIPTION_PATH),
        },
    )
    return news_announce(event_key=f"dienst:{page_id}", subject=f"Neuer Dienst: {title}", body=body)


def news_announce_agreement_version(*, version: AgreementVersion) -> NewsAnnouncement | None:
    """An agreement version was published: the first one of a new agreement or a new version of
    one that had a published version before. Tell the subscribers (once)."""
    agreement = version.agreement
    changed = (
        AgreementVersion.objects.filter(
            agreement_id=version.agreement_id, published_at__isnull=False
        )
        .exclude(pk=version.pk)
        .exists()
    )
    body = render_to_string(
        "shop/news/email/vereinbarung_fassung.txt",
        {
            "agreement": agreement,
            "version": version,
            "changed": changed,
            "pdf_url": _absolute_url(version.pdf.url) if version.pdf_id else "",
            "link": _absolute_url(CATALOGUE_PATH),
            "unsubscribe_url": _absolute_url(SUBSCRIPTION_PATH),
        },
    )
    return news_announce(
        event_key=f"agreementversion:{version.pk}",
        subject=f"Neue Fassung: {agreement.title}, Version {version.version}",
        body=body,
    )
