"""The shop's receivers: staff groups after migrate, and the generations of what is cached
(shop.generations) when the data behind it changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from oscar.apps.order.signals import order_line_status_changed, order_placed

from shop.accounts.services import staff_groups_ensure
from shop.generations import COVERAGE_REPORT, generation_bump
from shop.integrations.webhooks import webhook_event_publish
from shop.models import Dienst, Gemeinde, Verwaltung, WebhookEvent
from shop.onboarding.signals import onboarding_completed
from shop.orders.rollout import rollout_mail_types_ensure
from shop.registry.signals import registry_imported


def staff_groups_after_migrate(sender, **kwargs) -> None:
    """post_migrate: keep the staff groups Redaktion and Fulfilment and their permissions."""
    staff_groups_ensure()


@receiver(order_placed, dispatch_uid="shop.coverage.order_placed")
@receiver(order_line_status_changed, dispatch_uid="shop.coverage.line_status")
@receiver(registry_imported, dispatch_uid="shop.coverage.registry")
def coverage_changed(sender, **kwargs) -> None:
    generation_bump(name=COVERAGE_REPORT)


# A service published, unpublished or deleted, a Verwaltung or Gemeinde edited one by one.
for model in (Dienst, Verwaltung, Gemeinde):
    post_save.connect(
        coverage_changed, sender=model, dispatch_uid=f"shop.coverage.{model.__name__}"
    )
    post_delete.connect(
        coverage_changed, sender=model, dispatch_uid=f"shop.coverage.{model.__name__}.delete"
    )


def rollout_mail_types_after_migrate(sender, **kwargs) -> None:
    """post_migrate: every status of the pipeline has its e-mail; edited texts stay."""
    rollout_mail_types_ensure()


@receiver(onboarding_completed, dispatch_uid="shop.webhooks.onboarding_completed")
def onboarding_completed_announce(sender, *, line, verwaltung, **kwargs) -> None:
    """The operators' systems learn that a line's required data is complete (after commit, like
    every webhook), with the line and order as the status webhooks name them."""
    webhook_event_publish(
        event=WebhookEvent.ONBOARDING_COMPLETED,
        payload={
            "order_number": line.details.order.number,
            "position_id": line.line_id,
            "dienst": {"id": line.dienst_id, "title": line.dienst.title},
            "verwaltung": {
                "id": verwaltung.pk,
                "name": verwaltung.name,
                "regional_key": verwaltung.regional_key,
            },
        },
    )
