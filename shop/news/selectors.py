"""Reads on the news subscriptions."""

from shop.models import NewsSubscription, User


def news_subscription_exists(*, user: User) -> bool:
    return NewsSubscription.objects.filter(user=user).exists()


def news_recipient_emails() -> list[str]:
    """The e-mail addresses of every subscriber whose account is active, each once. One query."""
    emails = (
        NewsSubscription.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )
    return list(dict.fromkeys(emails))
