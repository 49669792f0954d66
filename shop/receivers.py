from shop.accounts.services import staff_groups_ensure


def staff_groups_after_migrate(sender, **kwargs) -> None:
    """post_migrate: keep the staff groups Redaktion and Fulfilment and their permissions."""
    staff_groups_ensure()
