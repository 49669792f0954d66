"""The demo agreements of `seed_demo` (their texts are data: demo/agreements.yaml, read by
ozg_site.demo_content) and the service that creates and publishes them."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from shop.agreements.services import agreement_version_publish
from shop.models import Agreement, AgreementVersion


@dataclass(frozen=True, kw_only=True)
class DemoVersion:
    version: str
    valid_from: datetime.date
    text: str


@dataclass(frozen=True, kw_only=True)
class DemoAgreement:
    slug: str
    kind: str
    title: str
    required_for_every_order: bool
    versions: tuple[DemoVersion, ...]


@transaction.atomic
def demo_agreements_ensure(*, agreements: Sequence[DemoAgreement]) -> dict[str, Agreement]:
    """Create the agreements (ozg_site.demo_content reads them from demo/agreements.yaml) and
    publish their versions; returns them by slug.

    Idempotent, by slug and version: an existing agreement gets the demo's title, kind and flag
    back; a missing version is created and published, a draft of the same number gets the demo
    text and is published; a published version is left as it is (it never changes).
    """
    ensured = {}
    for demo in agreements:
        agreement, _ = Agreement.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "kind": demo.kind,
                "title": demo.title,
                "required_for_every_order": demo.required_for_every_order,
            },
        )
        existing = {version.version: version for version in agreement.versions.all()}
        for demo_version in demo.versions:
            version = existing.get(demo_version.version)
            if version is not None and version.is_published:
                continue
            if version is None:
                version = AgreementVersion(agreement=agreement, version=demo_version.version)
            version.text = demo_version.text
            version.valid_from = demo_version.valid_from
            version.save()
            agreement_version_publish(version=version)
        ensured[demo.slug] = agreement
    return ensured
