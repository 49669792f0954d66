"""factory_boy factories for the shop's models.

Registry keys are built so that they are unique and well-formed: a Kreis gets a 5-digit key in
Land 01, a body below it the Kreis key plus a 4-digit Verband, a Gemeinde the Kreis key plus a
3-digit Gemeinde number (AGS) and its Verband in between (ARS).
"""

from decimal import Decimal
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.models import Permission
from factory.django import DjangoModelFactory
from factory.django import Password

from shop.models import Gemeinde
from shop.models import Verwaltung
from shop.models import VerwaltungKind

DEFAULT_PASSWORD = "Testpasswort-123"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()

    email = factory.Sequence(lambda n: f"person{n}@kommune.example")
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Mustermann {n}")
    password = Password(DEFAULT_PASSWORD)
    is_active = True


def staff_create(*, group: str, **fields) -> Any:
    """A person in one of the staff groups (Redaktion, Fulfilment), as the group name says."""
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group))
    return user


def add_permission(holder: Any, code: str) -> None:
    """Grant a permission ("app_label.codename") to a group or a user."""
    app_label, codename = code.split(".")
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    if isinstance(holder, Group):
        holder.permissions.add(permission)
    else:
        holder.user_permissions.add(permission)


KREIS_LEVEL_KINDS = (VerwaltungKind.KREIS, VerwaltungKind.KREISFREIE_STADT)


# Keys from ranges the Gemeindeverzeichnis of Schleswig-Holstein does not use (its Kreise are
# 01001-01062, its Gemeindeverbände 0xxx and 5xxx, its Gemeinden 001-1xx within a Kreis), so that
# a factory-made body never collides with one imported from the real registry in the same test.
def _regional_key(verwaltung: Any, n: int) -> str:
    if verwaltung.is_kreis_level:
        return f"01{100 + n % 900:03d}"
    return f"{verwaltung.kreis.regional_key}{9000 + n % 1000:04d}"


class VerwaltungFactory(DjangoModelFactory):
    """An Amt by default. A Kreis-level body (kind "kreis" or "kreisfreie_stadt") belongs to
    itself; any other body gets a Kreis of its own unless `kreis` is given. An amtsfreie Gemeinde
    also needs its `ags`."""

    class Meta:
        model = Verwaltung
        skip_postgeneration_save = True

    class Params:
        is_kreis_level = factory.LazyAttribute(
            lambda verwaltung: verwaltung.kind in KREIS_LEVEL_KINDS
        )

    kind = VerwaltungKind.AMT
    name = factory.Sequence(lambda n: f"Verwaltung Beispiel {n}")
    kreis = factory.Maybe(
        "is_kreis_level",
        yes_declaration=None,
        no_declaration=factory.SubFactory("tests.factories.registry.KreisFactory"),
    )
    regional_key = factory.LazyAttributeSequence(_regional_key)

    @factory.post_generation
    def kreis_level_body_belongs_to_itself(
        verwaltung, create: bool, extracted: object, **kwargs: object
    ) -> None:
        if verwaltung.is_kreis_level and verwaltung.kreis_id is None:
            verwaltung.kreis = verwaltung
            if create:
                verwaltung.save(update_fields=["kreis"])


class KreisFactory(VerwaltungFactory):
    kind = VerwaltungKind.KREIS
    name = factory.Sequence(lambda n: f"Kreis Beispiel {n}")


class GemeindeFactory(DjangoModelFactory):
    class Meta:
        model = Gemeinde

    verwaltung = factory.SubFactory(VerwaltungFactory)
    kreis = factory.SelfAttribute("verwaltung.kreis")
    ags = factory.LazyAttributeSequence(
        lambda gemeinde, n: f"{gemeinde.kreis.regional_key}{500 + n % 500:03d}"
    )
    ars = factory.LazyAttribute(
        lambda gemeinde: f"{gemeinde.verwaltung.regional_key.ljust(9, '0')}{gemeinde.ags[5:]}"
    )
    name = factory.Sequence(lambda n: f"Gemeinde Beispiel {n}")
    kind = Gemeinde.Kind.GEMEINDE
    population = 1000
    area_km2 = Decimal("12.34")
    postcode = "24100"
    latitude = Decimal("54.300000")
    longitude = Decimal("9.700000")
