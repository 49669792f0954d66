"""Walking the checkout through the HTTP layer, step by step in the order of
oscar_overrides.checkout.steps.STEPS, as a browser without JavaScript would: the data each step
posts, and helpers that post them."""

import datetime
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import timezone

from oscar_overrides.checkout.steps import form_steps
from shop.agreements.selectors import agreements_required_for
from shop.models import AgreementVersion
from shop.models import Dienst
from shop.models import Gemeinde
from shop.models import Verwaltung
from shop.orders.selectors import gemeinden_for_ordering

CONTACTS = {
    "fachlich_name": "Frauke Fachlich",
    "fachlich_email": "frauke.fachlich@amt.example",
    "fachlich_phone": "04331 123-45",
    "technisch_name": "Tim Technik",
    "technisch_email": "tim.technik@amt.example",
    "technisch_phone": "",
    "funktionspostfach_name": "Bürgerservice",
    "funktionspostfach_email": "buergerservice@amt.example",
    "funktionspostfach_phone": "",
    "datenschutz_name": "Dana Datenschutz",
    "datenschutz_email": "datenschutz@amt.example",
    "datenschutz_phone": "",
    "digitalisierung_name": "",
    "digitalisierung_email": "",
    "digitalisierung_phone": "",
}


def start_date(days: int = 30) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def basket_add(client, *dienste: Dienst) -> None:
    for dienst in dienste:
        response = client.post(
            reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1}
        )
        assert response.status_code == 302, response


def agreements_post_data(dienste: list[Dienst]) -> dict[str, str]:
    versions: list[AgreementVersion] = agreements_required_for(dienste=dienste)
    data = {f"version_{version.pk}": "on" for version in versions}
    data["shown_versions"] = ",".join(str(version.pk) for version in versions)
    return data


class _PlaceOrderFields(HTMLParser):
    """The inputs of the review's form that posts to the preview, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.in_form = attributes.get("action") == reverse("checkout:preview")
        elif tag == "input" and self.in_form and attributes.get("name"):
            self.fields[attributes["name"]] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def place_order_data(preview) -> dict[str, str]:
    """What "Kostenfrei bestellen" on this review page posts."""
    assert preview.status_code == 200, preview
    parser = _PlaceOrderFields()
    parser.feed(preview.content.decode())
    assert parser.fields.get("action") == "place_order", parser.fields
    return {name: value for name, value in parser.fields.items() if name != "csrfmiddlewaretoken"}


def order_place_from_review(client, **request_extra):
    """Open the review and click "Kostenfrei bestellen"; the response is not followed."""
    data = place_order_data(client.get(reverse("checkout:preview")))
    return client.post(reverse("checkout:preview"), data, **request_extra)


def step_posts(
    *,
    verwaltung: Verwaltung,
    dienste: list[Dienst],
    gemeinden: list[Gemeinde] | None = None,
    contacts: dict[str, str] = CONTACTS,
    remarks: str = "",
) -> dict[str, dict]:
    """What each step's form posts, by step name (default: all the Verwaltung's Gemeinden)."""
    if gemeinden is None:
        gemeinden = gemeinden_for_ordering(verwaltung=verwaltung)
    return {
        "verwaltung": {"verwaltung": verwaltung.pk},
        "gemeinden": {"gemeinden": [gemeinde.pk for gemeinde in gemeinden]},
        "contacts": contacts,
        "schedule": {"wished_start_date": start_date().isoformat(), "remarks": remarks},
        "agreements": agreements_post_data(dienste),
    }


def steps_post(client, posts: dict[str, dict], *, until: str = "") -> None:
    """Post the steps' forms in their order, up to the step named `until` (all without). A step
    the person does not go through answers the post with a redirect to the next one, too."""
    for step in form_steps():
        if step.name == until:
            return
        response = client.post(reverse(step.url_name), posts[step.name])
        assert response.status_code == 302, (step.name, response.content.decode()[:2000])


def checkout_complete(
    client,
    *,
    verwaltung: Verwaltung,
    dienste: list[Dienst],
    gemeinden: list[Gemeinde] | None = None,
    contacts: dict[str, str] = CONTACTS,
    remarks: str = "",
    **request_extra,
):
    """Post every step (see `step_posts`) and place the order; returns the response of the
    place-order POST (not followed). `request_extra` goes with that POST (for example
    REMOTE_ADDR)."""
    posts = step_posts(
        verwaltung=verwaltung,
        dienste=dienste,
        gemeinden=gemeinden,
        contacts=contacts,
        remarks=remarks,
    )
    steps_post(client, posts)
    return order_place_from_review(client, **request_extra)
