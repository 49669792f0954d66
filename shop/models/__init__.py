from .accounts import Membership, MembershipDecision, ThrottleEvent, User
from .agreements import (
    AcceptanceRecord,
    Agreement,
    AgreementKind,
    AgreementVersion,
)
from .catalogue import Dienst, Lage, LeikaLeistung, OzgLeistung, Themenfeld
from .changes import ContactChange, WithdrawalRequest
from .evidence import ImmutableError
from .integrations import ApiClient, ApiScope, WebhookDelivery, WebhookEvent, WebhookSubscription
from .interest import DienstInterest
from .mail import OutgoingMail, OutgoingMailAttachment
from .news import NewsAnnouncement, NewsSubscription
from .onboarding import (
    OnboardingAnswer,
    OnboardingChecklist,
    OnboardingCompletion,
    OnboardingFieldType,
    OnboardingReminder,
)
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
    "ApiClient",
    "ApiScope",
    "ContactChange",
    "ContactRole",
    "Dienst",
    "DienstInterest",
    "Gemeinde",
    "ImmutableError",
    "Lage",
    "LeikaLeistung",
    "Membership",
    "MembershipDecision",
    "NewsAnnouncement",
    "NewsSubscription",
    "OnboardingAnswer",
    "OnboardingChecklist",
    "OnboardingCompletion",
    "OnboardingFieldType",
    "OnboardingReminder",
    "OrderContact",
    "OrderDetails",
    "OrderMessage",
    "OrderedService",
    "OutgoingMail",
    "OutgoingMailAttachment",
    "OzgLeistung",
    "RolloutEvent",
    "RolloutStatus",
    "ServiceCoverage",
    "Themenfeld",
    "ThrottleEvent",
    "User",
    "Verwaltung",
    "VerwaltungKind",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "WithdrawalRequest",
]
