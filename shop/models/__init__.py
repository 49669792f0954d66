from .accounts import Membership, User
from .catalogue import Dienst, Lage, LeikaLeistung, OzgLeistung, Themenfeld
from .registry import Gemeinde, Verwaltung, VerwaltungKind

__all__ = [
    "Dienst",
    "Gemeinde",
    "Lage",
    "LeikaLeistung",
    "Membership",
    "OzgLeistung",
    "Themenfeld",
    "User",
    "Verwaltung",
    "VerwaltungKind",
]
