"""The interest box on the profile of a service in Vorbereitung:

    {% load shop_interest %}
    {% dienst_interest_box dienst %}

Signed out: a hint to sign in (no query, so the page cache may keep it). Signed in: one form per
Verwaltung the person is an approved member of, in two queries.
"""

from django import template

from shop.interest.forms import InterestForm
from shop.interest.selectors import dienst_interest_states
from shop.models import Dienst

register = template.Library()


@register.inclusion_tag("shop/interest/includes/interest_box.html", takes_context=True)
def dienst_interest_box(context, dienst: Dienst) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    entries = []
    if signed_in:
        for state in dienst_interest_states(user=user, dienst=dienst):
            form = InterestForm(
                initial={"note": state.interest.note if state.interest else ""},
                auto_id=f"interesse-{state.verwaltung.pk}-%s",
            )
            entries.append({"state": state, "form": form})
    return {
        "signed_in": signed_in,
        "entries": entries,
        "dienst": dienst,
        "next_path": request.path if request else "",
    }
