"""Template tags that tell a person how far a service is already ordered for each of their
Verwaltungen ("bereits bestellt", "bestellt für 3 von 16 Gemeinden"), linked to its status under
"Meine Dienste".

Each tag costs a fixed number of queries, however many services, basket lines or Verwaltungen
there are, and none for a person who is not signed in.

    {% load shop_orders %}
    {% dienst_order_overview dienst as overview %}        one service (the profile)
    {% dienst_order_state overview.states dienst.title alert=True %}
    {% dienst_order_states_for_basket basket as states %} all lines of a basket at once
    {% dienst_order_state_for_line states line %}         one line's states
"""

import dataclasses
from collections.abc import Mapping, Sequence

from django import template

from shop.accounts.selectors import verwaltungen_user_may_order_for
from shop.models import Dienst, User
from shop.orders.selectors import DienstOrderState, dienst_order_states

register = template.Library()

STATE_TEMPLATE = "shop/orders/includes/dienst_order_state.html"


@dataclasses.dataclass(frozen=True)
class DienstOrderOverview:
    """The states of one service for the person's Verwaltungen, and whether it is completely
    ordered for every Verwaltung the person may order for (nothing left for them to order)."""

    states: list[DienstOrderState]
    complete_everywhere: bool = False


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
    return dienst_order_states(user=user, dienst_ids=[pk for pk in dienst_ids if pk])


@register.simple_tag(takes_context=True)
def dienst_order_overview(context, dienst: Dienst | None) -> DienstOrderOverview:
    """The states of one service (two queries; a third only when it is completely ordered for
    at least one Verwaltung, to compare with those the person may order for)."""
    user = _signed_in_user(context)
    if user is None or dienst is None:
        return DienstOrderOverview(states=[])
    states = dienst_order_states(user=user, dienst_ids=[dienst.pk]).get(dienst.pk, [])
    complete = {state.verwaltung.pk for state in states if state.is_complete}
    if not complete:
        return DienstOrderOverview(states=states)
    may_order_for = set(verwaltungen_user_may_order_for(user=user).values_list("pk", flat=True))
    return DienstOrderOverview(
        states=states, complete_everywhere=bool(may_order_for) and may_order_for <= complete
    )


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
    states = dienst_order_states(user=user, dienst_ids=product_by_dienst)
    return {product_by_dienst[dienst_id]: found for dienst_id, found in states.items()}


@register.inclusion_tag(STATE_TEMPLATE)
def dienst_order_state(
    states: Sequence[DienstOrderState], dienst_title: str, alert: bool = False
) -> dict:
    """One service's states, each with a link to its status (`alert`: as a KERN info alert)."""
    return {"states": list(states or []), "dienst_title": dienst_title, "alert": alert}


@register.inclusion_tag(STATE_TEMPLATE)
def dienst_order_state_for_line(states: Mapping[int, list[DienstOrderState]], line) -> dict:
    """The states of one basket line, from `dienst_order_states_for_basket`'s result."""
    return dienst_order_state(
        (states or {}).get(line.product_id, []), dienst_title=line.product.get_title()
    )
