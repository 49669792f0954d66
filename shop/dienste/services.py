"""Writes on the services offered: each published service profile is an orderable Oscar product.

The CMS hands plain values in; nothing here knows about pages.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from shop.dienste.responsibility import responsible_kinds_clean
from shop.interest.services import dienst_interest_notify
from shop.models import Agreement, Dienst, OzgLeistung
from shop.onboarding.services import onboarding_checklist_sync
from shop.oscar_models import Line as OrderLine
from shop.oscar_models import Partner, Product, ProductClass, StockRecord

PRODUCT_CLASS_NAME = "OZG-Dienst"
PRICE = Decimal("0.00")
CURRENCY = "EUR"


def _product_class() -> ProductClass:
    # No shipping and no stock: Oscar then skips shipping and, at a zero total, payment.
    product_class, _ = ProductClass.objects.get_or_create(
        slug="ozg-dienst",
        defaults={"name": PRODUCT_CLASS_NAME, "requires_shipping": False, "track_stock": False},
    )
    return product_class


def dienst_partner_name() -> str:
    """The Land that provides the services: the one the shop serves (SHOP_LAND)."""
    return f"Land {settings.SHOP_LAND_NAME}"


def _partner() -> Partner:
    name = dienst_partner_name()
    partner, _ = Partner.objects.get_or_create(code=slugify(name), defaults={"name": name})
    return partner


def _create_product(*, page_id: int, title: str, description: str, is_public: bool) -> Product:
    product = Product.objects.create(
        product_class=_product_class(),
        structure=Product.STANDALONE,
        title=title,
        description=description,
        is_public=is_public,
        upc=f"ozg-dienst-{page_id}",
    )
    StockRecord.objects.create(
        product=product,
        partner=_partner(),
        partner_sku=f"OZG-DIENST-{page_id}",
        price=PRICE,
        price_currency=CURRENCY,
    )
    return product


@transaction.atomic
def dienst_sync(
    *,
    page_id: int,
    title: str,
    description: str,
    url: str,
    availability: str,
    ozg_ids: Iterable[str],
    agreement_ids: Iterable[int] = (),
    responsible_kinds: Iterable[str] = (),
    onboarding_fields: Iterable[Mapping] = (),
    onboarding_steps: Iterable[Mapping] = (),
) -> Dienst:
    """Create or update the Dienst and its product for a published service profile.

    Re-publishing the same content changes nothing and never creates a second product. Once the
    service is orderable, the members of Verwaltungen that registered interest are mailed once.
    `responsible_kinds`: the kinds of Verwaltung that may order it (empty: all); ValidationError
    (German) for a value that is no kind. `onboarding_fields`/`onboarding_steps`: the checklist
    of what a Verwaltung supplies before setup (see shop.onboarding.definition), stored as a new
    version when it changed.
    """
    kinds = responsible_kinds_clean(responsible_kinds)
    dienst = Dienst.objects.select_related("product").filter(page_id=page_id).first()
    if dienst is None:
        product = _create_product(
            page_id=page_id, title=title, description=description, is_public=True
        )
        dienst = Dienst(page_id=page_id, product=product)
    dienst.title = title
    dienst.url = url
    dienst.availability = availability
    dienst.responsible_kinds = kinds
    dienst.is_published = True
    dienst.save()

    product = dienst.product
    if (product.title, product.description, product.is_public) != (title, description, True):
        product.title = title
        product.description = description
        product.is_public = True
        product.save()
    dienst.ozg_leistungen.set(OzgLeistung.objects.filter(ozg_id__in=list(ozg_ids)))
    dienst.required_agreements.set(Agreement.objects.filter(pk__in=list(agreement_ids)))
    onboarding_checklist_sync(dienst=dienst, fields=onboarding_fields, steps=onboarding_steps)
    # Orderable now: the Verwaltungen that registered interest are told, each once.
    dienst_interest_notify(dienst=dienst)
    return dienst


@transaction.atomic
def dienst_withdraw(*, page_id: int) -> Dienst | None:
    """The profile was unpublished: the service stays known (orders keep pointing at it) but can
    no longer be ordered."""
    dienst = Dienst.objects.select_related("product").filter(page_id=page_id).first()
    if dienst is None:
        return None
    dienst.is_published = False
    dienst.save(update_fields=["is_published", "updated_at"])
    if dienst.product.is_public:
        dienst.product.is_public = False
        dienst.product.save(update_fields=["is_public"])
    return dienst


@transaction.atomic
def dienst_remove(*, page_id: int) -> None:
    """The profile was deleted: forget the product unless an order points at it."""
    dienst = Dienst.objects.select_related("product").filter(page_id=page_id).first()
    if dienst is None:
        return
    if OrderLine.objects.filter(product_id=dienst.product_id).exists():
        dienst_withdraw(page_id=page_id)
        Dienst.objects.filter(pk=dienst.pk).update(page_id=None)
        return
    product = dienst.product
    dienst.delete()
    product.delete()
