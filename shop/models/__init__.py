from .accounts import Membership, ThrottleEvent, User
from .agreements import (
    AcceptanceRecord,
    Agreement,
    AgreementKind,
    AgreementVersion,
    ImmutableError,
)
from .catalogue import Dienst, Lage, LeikaLeistung, OzgLeistung, Themenfeld
from .mail import OutgoingMail
from .news import NewsAnnouncement, NewsSubscription
from .orders import (
    ENDED_STATUSES,
    ContactRole,
    OrderContact,
    OrderDetails,
    OrderedService,
    OrderMessage,
    RolloutEvent,
    RolloutStatus,
    ServiceCoverage,
)
from .registry import KREIS_KINDS, KREISFREIE_KINDS, Gemeinde, Verwaltung, VerwaltungKind

__all__ = [
    "ENDED_STATUSES",
    "KREISFREIE_KINDS",
    "KREIS_KINDS",
    "AcceptanceRecord",
    "Agreement",
    "AgreementKind",
    "AgreementVersion",
    "ContactRole",
    "Dienst",
    "Gemeinde",
    "ImmutableError",
    "Lage",
    "LeikaLeistung",
    "Membership",
    "NewsAnnouncement",
    "NewsSubscription",
    "OrderContact",
    "OrderDetails",
    "OrderMessage",
    "OrderedService",
    "OutgoingMail",
    "OzgLeistung",
    "RolloutEvent",
    "RolloutStatus",
    "ServiceCoverage",
    "Themenfeld",
    "ThrottleEvent",
    "User",
    "Verwaltung",
    "VerwaltungKind",
]
