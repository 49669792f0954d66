"""The test data builders, in one package: factory_boy factories of the registry, the catalogue
and agreements, and orders placed through the shop's own service. Tests import from here; the
modules group them by subdomain. Oscar's own factories (oscar.test.factories) serve for Oscar's
models."""

from tests.factories.agreements import (
    AgreementFactory,
    AgreementVersionFactory,
    publish,
    published_version,
)
from tests.factories.catalogue import (
    LageFactory,
    LeikaLeistungFactory,
    OzgLeistungFactory,
    ThemenfeldFactory,
)
from tests.factories.orders import (
    DEFAULT_CONTACTS,
    amt_with_gemeinden,
    dienst_create,
    member_create,
    order_place,
    terms_of_use_publish,
)
from tests.factories.registry import (
    DEFAULT_PASSWORD,
    GemeindeFactory,
    KreisFactory,
    UserFactory,
    VerwaltungFactory,
    add_permission,
    staff_create,
)

__all__ = [
    "DEFAULT_CONTACTS",
    "DEFAULT_PASSWORD",
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
    "dienst_create",
    "member_create",
    "order_place",
    "publish",
    "published_version",
    "staff_create",
    "terms_of_use_publish",
]
