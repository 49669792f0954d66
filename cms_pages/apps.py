from django.apps import AppConfig


class CmsPagesConfig(AppConfig):
    name = "cms_pages"
    verbose_name = "Redaktionelle Seiten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import page_contexts, signals  # noqa: F401  (registers builders, connects receivers)

        _send_wagtail_notifications_through_the_outbox()


def _send_wagtail_notifications_through_the_outbox() -> None:
    """Wagtail's moderation and comment notifications open their connection with
    `wagtail.admin.mail.get_connection` and have no setting for it; given the outbox backend, a
    notification whose SMTP send fails is retried instead of lost (shop.mail)."""
    from wagtail.admin import mail as wagtail_mail

    from shop.mail.backends import OutboxEmailBackend

    wagtail_mail.get_connection = lambda **kwargs: OutboxEmailBackend(**kwargs)
