"""Access to the shop's own staff pages that the dashboard's menu links to; Oscar's default
check only knows the dashboard's own URLs."""


def coverage_report_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_active and user.is_staff and user.has_perm("shop.view_servicecoverage")


def outgoing_mail_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_active and user.is_staff and user.has_perm("shop.view_outgoingmail")
