"""The shop's outgoing e-mail: stored with the transaction that causes it, delivered at least
once (shop.mail.services). Callers use `mail_after_commit`."""

from .services import Attachment, mail_after_commit

__all__ = ["Attachment", "mail_after_commit"]
