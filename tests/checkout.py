"""Walking the checkout through the HTTP layer, step by step, as a browser without JavaScript
would: the data each step posts, and a helper that posts all of them."""

import datetime
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import timezone

from shop.agreements.selectors import agreements_required_for
from shop.models import AgreementVersion, Dienst, Gemeinde, Verwaltung

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
    """Post every step and place the order; returns the response of the place-order POST (not
    followed). `request_extra` goes with that POST (for example REMOTE_ADDR)."""
    checkout_steps_post(
        client,
        verwaltung=verwaltung,
        dienste=dienste,
        gemeinden=gemeinden,
        contacts=contacts,
        remarks=remarks,
    )
    return order_place_from_review(client, **request_extra)


def checkout_steps_post(
    client,
    *,
    verwaltung: Verwaltung,
    dienste: list[Dienst],
    gemeinden: list[Gemeinde] | None = None,
    contacts: dict[str, str] = CONTACTS,
    remarks: str = "",
) -> None:
    """Post every step (the Verwaltung step only if offered), up to the review."""
    response = client.get(reverse("checkout:index"), follow=True)
    assert response.status_code == 200
    if response.request["PATH_INFO"] == reverse("checkout:verwaltung"):
        client.post(reverse("checkout:verwaltung"), {"verwaltung": verwaltung.pk})
    if gemeinden is not None:
        response = client.post(
            reverse("checkout:gemeinden"), {"gemeinden": [g.pk for g in gemeinden]}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(reverse("checkout:contacts"), contacts)
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(
        reverse("checkout:schedule"),
        {"wished_start_date": start_date().isoformat(), "remarks": remarks},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(reverse("checkout:agreements"), agreements_post_data(dienste))
    assert response.status_code == 302, response.content.decode()[:2000]
