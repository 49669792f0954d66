"""factory_boy factories for agreements and their versions.

A version is a draft by default; `published_version(...)` creates one and publishes it through
the service, as the admin does, so that its hash is right.
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from shop.agreements.services import agreement_version_publish
from shop.models import Agreement
from shop.models import AgreementKind
from shop.models import AgreementVersion


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    kind = AgreementKind.SERVICE_TERMS
    title = factory.Sequence(lambda n: f"Vereinbarung Beispiel {n}")
    slug = factory.Sequence(lambda n: f"vereinbarung-beispiel-{n}")
    required_for_every_order = False


class AgreementVersionFactory(DjangoModelFactory):
    """A draft: not published, no hash yet."""

    class Meta:
        model = AgreementVersion

    agreement = factory.SubFactory(AgreementFactory)
    version = factory.Sequence(lambda n: f"1.{n}")
    text = factory.LazyAttribute(
        lambda version: f"<h2>§ 1 Gegenstand</h2><p>Text der Version {version.version}.</p>"
    )
    valid_from = datetime.date(2025, 1, 1)
    published_at = None
    text_sha256 = ""


def publish(version: AgreementVersion, **kwargs) -> AgreementVersion:
    return agreement_version_publish(version=version, **kwargs)


def published_version(**kwargs) -> AgreementVersion:
    """A version created as a draft and published through the service."""
    return publish(AgreementVersionFactory(**kwargs))
