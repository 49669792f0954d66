"""Keep the shop's Dienst and its Oscar product in step with the service profiles.

One receiver per signal; each hands plain values to shop.dienste.services.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from shop.dienste.services import dienst_remove, dienst_sync, dienst_withdraw
from shop.generations import PUBLIC_PAGES, generation_bump
from shop.news.services import news_announce_dienst

from .models import ServicePage


@receiver(page_published, sender=ServicePage)
def service_page_published(sender, instance: ServicePage, **kwargs) -> None:
    dienst_sync(
        page_id=instance.pk,
        title=instance.title,
        description=instance.short_description,
        url=instance.url or "",
        availability=instance.availability,
        ozg_ids=instance.ozg_ids,
        agreement_ids=instance.required_agreement_ids,
        responsible_kinds=instance.responsible_kinds,
        onboarding_fields=instance.onboarding_field_values(),
        onboarding_steps=instance.onboarding_step_values(),
    )
    # Wagtail sets both to the same moment when a page goes live for the first time.
    if instance.live and instance.first_published_at == instance.last_published_at:
        news_announce_dienst(
            page_id=instance.pk,
            title=instance.title,
            description=instance.short_description,
            url=instance.url or "",
        )


@receiver(page_unpublished, sender=ServicePage)
def service_page_unpublished(sender, instance: ServicePage, **kwargs) -> None:
    dienst_withdraw(page_id=instance.pk)


@receiver(pre_delete, sender=ServicePage)
def service_page_deleted(sender, instance: ServicePage, **kwargs) -> None:
    dienst_remove(page_id=instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def page_view_restriction_changed(sender, **kwargs) -> None:
    # Which pages are public is part of what the page cache and cms_pages.caching keep.
    generation_bump(name=PUBLIC_PAGES)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, **kwargs) -> None:
    # cms_pages.middleware keeps each worker's site lookup for the generation.
    generation_bump(name=PUBLIC_PAGES)
