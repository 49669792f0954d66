"""Template tags that tell a person how far a service is already ordered for each of their
Verwaltungen ("bereits bestellt", "bestellt für 3 von 16 Gemeinden"), linked to its status under
"Meine Dienste".

Each tag costs a fixed number of queries, however many services, basket lines or Verwaltungen
there are, and none for a person who is not signed in.

    {% load shop_orders %}
    {% dienst_order_overview dienst as overview %}        one service (the profile)
    {% dienst_order_state overview.states dienst.title alert=True %}
    {% include "shop/orders/includes/order_refusal.html" with refusal=overview.refusal %}
    {% order_refusals_for_pages page_ids as refusals %}   the cards of a list of profiles
    {% order_refusal_for_page refusals page_id %}         one card's refusal
    {% dienst_order_states_for_basket basket as states %} all lines of a basket at once
    {% dienst_order_state_for_line states line %}         one line's states
"""

from collections.abc import Mapping, Sequence

from django import template

from shop.models import Dienst, User
from shop.orders import selectors
from shop.orders.selectors import DienstOrderOverview, DienstOrderState, OrderRefusal

register = template.Library()

STATE_TEMPLATE = "shop/orders/includes/dienst_order_state.html"
REFUSAL_TEMPLATE = "shop/orders/includes/order_refusal.html"


def _signed_in_user(context) -> User | None:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return None
    return user


@register.simple_tag(takes_context=True)
def dienst_order_states_for(context, *dienst_ids: int) -> dict[int, list[DienstOrderState]]:
    """The states of the given services, by Dienst id (two queries; none when signed out)."""
    user = _signed_in_user(context)
    if user is None:
        return {}
    return selectors.dienst_order_states(user=user, dienst_ids=[pk for pk in dienst_ids if pk])


@register.simple_tag(takes_context=True)
def dienst_order_overview(context, dienst: Dienst | None) -> DienstOrderOverview:
    """The states of one service and why the person may not order it, if they may not (three
    queries; none when signed out)."""
    user = _signed_in_user(context)
    if user is None or dienst is None:
        return DienstOrderOverview(states=[])
    return selectors.dienst_order_overview(user=user, dienst=dienst)


@register.simple_tag(takes_context=True)
def order_refusals_for_pages(context, page_ids) -> dict[int, OrderRefusal]:
    """Why the person may not order each of the listed service profiles' services, by page id,
    only for those they may not order: four queries for a whole list (none when signed out)."""
    user = _signed_in_user(context)
    if user is None:
        return {}
    dienste = {
        dienst.pk: dienst
        for dienst in Dienst.objects.filter(page_id__in=page_ids).only(
            "pk", "page_id", "title", "responsible_kinds"
        )
    }
    overviews = selectors.dienst_order_overviews(
        user=user, dienst_ids=list(dienste), dienste=dienste
    )
    return {
        dienst.page_id: overviews[dienst_id].refusal
        for dienst_id, dienst in dienste.items()
        if dienst_id in overviews and overviews[dienst_id].refusal
    }


@register.inclusion_tag(REFUSAL_TEMPLATE)
def order_refusal_for_page(refusals: Mapping[int, OrderRefusal], page_id: int) -> dict:
    """One listed profile's refusal, from `order_refusals_for_pages`'s result."""
    return {"refusal": (refusals or {}).get(page_id)}


@register.simple_tag(takes_context=True)
def dienst_order_states_for_basket(context, basket) -> dict[int, list[DienstOrderState]]:
    """The states of every service in the basket, by the line's product id: three queries for
    the whole basket (none when signed out or the basket is not saved)."""
    user = _signed_in_user(context)
    if user is None or basket is None or basket.pk is None:
        return {}
    product_by_dienst = dict(
        Dienst.objects.filter(product__basket_lines__basket_id=basket.pk).values_list(
            "pk", "product_id"
        )
    )
    states = selectors.dienst_order_states(user=user, dienst_ids=product_by_dienst)
    return {product_by_dienst[dienst_id]: found for dienst_id, found in states.items()}


@register.inclusion_tag(STATE_TEMPLATE)
def dienst_order_state(
    states: Sequence[DienstOrderState],
    dienst_title: str,
    alert: bool = False,
    refusal: OrderRefusal | None = None,
) -> dict:
    """One service's states, each with a link to its status (`alert`: as a KERN info alert).
    None beside a refusal that already says the one Verwaltung has it and links its status:
    the list would only say "bereits bestellt" a second time."""
    shown = list(states or [])
    if refusal and refusal.already_ordered and len(shown) <= 1:
        shown = []
    return {"states": shown, "dienst_title": dienst_title, "alert": alert}


@register.inclusion_tag(STATE_TEMPLATE)
def dienst_order_state_for_line(
    states: Mapping[int, list[DienstOrderState]], line, refusal: OrderRefusal | None = None
) -> dict:
    """The states of one basket line, from `dienst_order_states_for_basket`'s result."""
    return dienst_order_state(
        (states or {}).get(line.product_id, []),
        dienst_title=line.product.get_title(),
        refusal=refusal,
    )
