"""The test data builders, in one package: factory_boy factories of the registry, the catalogue
and agreements, and orders placed through the shop's own service. Tests import from here; the
modules group them by subdomain. Oscar's own factories (oscar.test.factories) serve for Oscar's
models."""

from tests.factories.agreements import AgreementFactory
from tests.factories.agreements import AgreementVersionFactory
from tests.factories.agreements import publish
from tests.factories.agreements import published_version
from tests.factories.catalogue import LageFactory
from tests.factories.catalogue import LeikaLeistungFactory
from tests.factories.catalogue import OzgLeistungFactory
from tests.factories.catalogue import ThemenfeldFactory
from tests.factories.orders import DEFAULT_CONTACTS
from tests.factories.orders import ONBOARDING_CHECKLIST
from tests.factories.orders import ONBOARDING_STEPS
from tests.factories.orders import amt_with_gemeinden
from tests.factories.orders import checklist_field
from tests.factories.orders import dienst_create
from tests.factories.orders import member_create
from tests.factories.orders import order_in_status
from tests.factories.orders import order_place
from tests.factories.orders import orders_in_status
from tests.factories.orders import people_outside_create
from tests.factories.orders import terms_of_use_publish
from tests.factories.registry import DEFAULT_PASSWORD
from tests.factories.registry import GemeindeFactory
from tests.factories.registry import KreisFactory
from tests.factories.registry import UserFactory
from tests.factories.registry import VerwaltungFactory
from tests.factories.registry import add_permission
from tests.factories.registry import staff_create

__all__ = [
    "DEFAULT_CONTACTS",
    "DEFAULT_PASSWORD",
    "ONBOARDING_CHECKLIST",
    "ONBOARDING_STEPS",
    "AgreementFactory",
    "AgreementVersionFactory",
    "GemeindeFactory",
    "KreisFactory",
    "LageFactory",
    "LeikaLeistungFactory",
    "OzgLeistungFactory",
    "ThemenfeldFactory",
    "UserFactory",
    "VerwaltungFactory",
    "add_permission",
    "amt_with_gemeinden",
    "checklist_field",
    "dienst_create",
    "member_create",
    "order_in_status",
    "order_place",
    "orders_in_status",
    "people_outside_create",
    "publish",
    "published_version",
    "staff_create",
    "terms_of_use_publish",
]
