from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = "Shop: Verwaltungen, Bestellungen und Vereinbarungen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .agreements import receivers as agreement_receivers  # noqa: F401 (connects them)
        from .receivers import rollout_mail_types_after_migrate, staff_groups_after_migrate

        # Every database gets the staff groups, also production and the test database.
        post_migrate.connect(staff_groups_after_migrate, sender=self)
        # A new status of the pipeline gets its e-mail without a data migration.
        post_migrate.connect(rollout_mail_types_after_migrate, sender=self)
