from django import template
from django.conf import settings
from django.templatetags.static import static

register = template.Library()


@register.simple_tag
def coat_of_arms_url() -> str:
    """Where the Land's coat of arms beside the logo comes from (SITE_COAT_OF_ARMS): an https
    address or a path from / as it is, anything else a path among the static files; empty when
    none is configured."""
    value = settings.SITE_COAT_OF_ARMS
    if not value or value.startswith(("https://", "/")):
        return value
    return static(value)


@register.simple_tag
def shop_name() -> str:
    """'OZG-Dienste-Shop Schleswig-Holstein': the shop named after its Land (SHOP_LAND)."""
    return settings.SHOP_NAME


@register.simple_tag
def shop_land_name() -> str:
    """The name of the Land the shop serves (SHOP_LAND), e.g. 'Schleswig-Holstein'."""
    return settings.SHOP_LAND_NAME
