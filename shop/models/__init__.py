from .accounts import Membership, User
from .registry import Gemeinde, Verwaltung, VerwaltungKind

__all__ = ["Gemeinde", "Membership", "User", "Verwaltung", "VerwaltungKind"]
