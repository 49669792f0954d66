from .accounts import Membership, User
from .agreements import (
    AcceptanceRecord,
    Agreement,
    AgreementKind,
    AgreementVersion,
    ImmutableError,
)
from .catalogue import Dienst, Lage, LeikaLeistung, OzgLeistung, Themenfeld
from .registry import Gemeinde, Verwaltung, VerwaltungKind

__all__ = [
    "AcceptanceRecord",
    "Agreement",
    "AgreementKind",
    "AgreementVersion",
    "Dienst",
    "Gemeinde",
    "ImmutableError",
    "Lage",
    "LeikaLeistung",
    "Membership",
    "OzgLeistung",
    "Themenfeld",
    "User",
    "Verwaltung",
    "VerwaltungKind",
]
