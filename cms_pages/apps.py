from django.apps import AppConfig


class CmsPagesConfig(AppConfig):
    name = "cms_pages"
    verbose_name = "Redaktionelle Seiten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import page_contexts, signals  # noqa: F401  (registers builders, connects receivers)

        _send_wagtail_notifications_through_the_outbox()
        _name_the_pages_of_wagtails_page_search()


def _send_wagtail_notifications_through_the_outbox() -> None:
    """Wagtail's moderation and comment notifications open their connection with
    `wagtail.admin.mail.get_connection` and have no setting for it; given the outbox backend, a
    notification whose SMTP send fails is retried instead of lost (shop.mail)."""
    from wagtail.admin import mail as wagtail_mail

    from shop.mail.backends import OutboxEmailBackend

    wagtail_mail.get_connection = lambda **kwargs: OutboxEmailBackend(**kwargs)


def _name_the_pages_of_wagtails_page_search() -> None:
    """Wagtail's page search (a listing without a model) counts its results as "1-1 von 1 None":
    its title column names them by the view's `verbose_name`, which only the explorer, a model
    listing, sets. The search lists pages, so it takes the page's names."""
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page

    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural
