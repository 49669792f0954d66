"""factory_boy factories for the OZG catalogue.

Generated OZG-IDs start at 90000, above the IDs of the shipped catalogue (10000 to 10601), and
LeiKa keys at 88000000000000, below the shipped ones (99…), so that factory rows never collide
with an imported catalogue.
"""

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from shop.models import Lage
from shop.models import LeikaLeistung
from shop.models import OzgLeistung
from shop.models import Themenfeld


class ThemenfeldFactory(DjangoModelFactory):
    class Meta:
        model = Themenfeld

    name = factory.Sequence(lambda n: f"Themenfeld Beispiel {n}")
    slug = factory.LazyAttribute(lambda themenfeld: slugify(themenfeld.name))


class LageFactory(DjangoModelFactory):
    class Meta:
        model = Lage

    themenfeld = factory.SubFactory(ThemenfeldFactory)
    name = factory.Sequence(lambda n: f"Lage Beispiel {n}")
    slug = factory.LazyAttribute(lambda lage: slugify(lage.name))


class OzgLeistungFactory(DjangoModelFactory):
    class Meta:
        model = OzgLeistung

    ozg_id = factory.Sequence(lambda n: f"{90000 + n % 10000:05d}")
    name = factory.Sequence(lambda n: f"OZG-Leistung Beispiel {n}")
    lage = factory.SubFactory(LageFactory)


class LeikaLeistungFactory(DjangoModelFactory):
    """Belongs to an OZG-Leistung of its own unless `ozg_leistung` is given; pass
    `ozg_leistung=None, ozg_id=""` for one outside the OZG."""

    class Meta:
        model = LeikaLeistung

    key = factory.Sequence(lambda n: f"88{n % 10**12:012d}")
    name = factory.Sequence(lambda n: f"LeiKa-Leistung Beispiel {n}")
    ozg_leistung = factory.SubFactory(OzgLeistungFactory)
    ozg_id = factory.LazyAttribute(
        lambda leistung: leistung.ozg_leistung.ozg_id if leistung.ozg_leistung else ""
    )
    leika_type = "2/3"
