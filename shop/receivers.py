from shop.accounts.services import staff_groups_ensure
from shop.orders.rollout import rollout_mail_types_ensure


def staff_groups_after_migrate(sender, **kwargs) -> None:
    """post_migrate: keep the staff groups Redaktion and Fulfilment and their permissions."""
    staff_groups_ensure()


def rollout_mail_types_after_migrate(sender, **kwargs) -> None:
    """post_migrate: every status of the pipeline has its e-mail; edited texts stay."""
    rollout_mail_types_ensure()
