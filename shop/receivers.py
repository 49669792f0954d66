"""The shop's receivers: staff groups after migrate, and the generations of what is cached
(shop.generations) when the data behind it changes."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from oscar.apps.order.signals import order_line_status_changed, order_placed

from shop.accounts.services import staff_groups_ensure
from shop.generations import COVERAGE_REPORT, ORDER_OVERVIEWS, PERMISSIONS, generation_bump
from shop.integrations.webhooks import webhook_event_publish
from shop.models import (
    Dienst,
    Gemeinde,
    OnboardingAnswer,
    OnboardingChecklist,
    OrderedService,
    RolloutEvent,
    ServiceCoverage,
    User,
    Verwaltung,
    WebhookEvent,
)
from shop.onboarding.signals import onboarding_completed
from shop.orders.rollout import rollout_mail_types_ensure
from shop.oscar_models import Line, Order
from shop.registry.signals import registry_imported


def staff_groups_after_migrate(sender, **kwargs) -> None:
    """post_migrate: keep the staff groups Redaktion and Fulfilment and their permissions."""
    staff_groups_ensure()


# What each generation follows: these models saved or deleted one by one (a profile published or
# deleted, an edit in the Django admin, an onboarding answer, a person's new name), relations
# added or removed (a person's groups), and the signals of GENERATION_SIGNALS. Bulk writes of
# the rollout (ended services, rollout events, order statuses) come with a line status change.
GENERATION_MODELS = {
    COVERAGE_REPORT: (Dienst, Verwaltung, Gemeinde),
    # Verwaltung: a deleted one's cached overview must never reach a new one with its key.
    ORDER_OVERVIEWS: (
        Verwaltung,
        Dienst,
        Order,
        Line,
        OrderedService,
        ServiceCoverage,
        RolloutEvent,
        OnboardingChecklist,
        OnboardingAnswer,
        User,
    ),
    # Not the person: what of a person decides the permissions is in the cache key (superuser)
    # or checked before it (active), and people are saved often (registrations, names).
    PERMISSIONS: (
        Group,
        Permission,
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
    ),
}
DATA_SIGNALS = (order_placed, order_line_status_changed, registry_imported)
GENERATION_SIGNALS = {COVERAGE_REPORT: DATA_SIGNALS, ORDER_OVERVIEWS: DATA_SIGNALS, PERMISSIONS: ()}


def _generation_receiver(name: str):
    """A receiver that bumps the generation `name`, connected to what the generation follows."""

    def generation_changed(sender, update_fields=None, action=None, **kwargs) -> None:
        if update_fields is not None and set(update_fields) <= {"last_login"}:
            return  # a login changes nothing cached
        if action is not None and not action.startswith("post_"):
            return  # a relation about to change: its post_ signal follows
        generation_bump(name=name)

    uid = f"shop.generation.{name}"
    for signal in GENERATION_SIGNALS[name]:
        signal.connect(generation_changed, dispatch_uid=uid)
    for model in GENERATION_MODELS[name]:
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(generation_changed, sender=model, dispatch_uid=uid)
    return generation_changed


# Signals hold their receivers weakly: these references keep them.
GENERATION_RECEIVERS = {name: _generation_receiver(name) for name in GENERATION_MODELS}


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
