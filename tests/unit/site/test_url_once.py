"""ozg_site.templatetags.url_once: the project's `{% url %}` gives what Django's gives, an
address without arguments worked out once per script prefix."""

import pytest
from django.template import Context
from django.template import Template
from django.test import RequestFactory
from django.urls import NoReverseMatch
from django.urls import reverse
from django.urls import set_script_prefix

from ozg_site.templatetags import url_once


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_an_address_without_arguments_is_django_s_and_reversed_once(monkeypatch):
    calls = []
    monkeypatch.setattr(url_once, "reverse", lambda *a, **k: calls.append(a) or reverse(*a, **k))
    url_once._reverse.cache_clear()

    first = render("{% url 'basket:summary' %}")
    second = render("{% url 'basket:summary' %}")

    assert first == second == reverse("basket:summary")
    assert len(calls) == 1


def test_the_script_prefix_is_part_of_what_is_remembered():
    url_once._reverse.cache_clear()
    try:
        set_script_prefix("/shop-vorschau/")
        behind_prefix = render("{% url 'basket:summary' %}")
    finally:
        set_script_prefix("/")

    assert behind_prefix.startswith("/shop-vorschau/")
    assert render("{% url 'basket:summary' %}") == reverse("basket:summary")


def test_the_template_s_namespace_picks_the_instance_as_django_s_tag_does():
    request = RequestFactory().get("/")
    request.current_app = "customer"

    assert render("{% url 'customer:summary' %}", request=request) == reverse("customer:summary")


def test_addresses_with_arguments_as_variables_and_escaping_are_django_s():
    dienst = reverse("shop_orders:service", kwargs={"verwaltung_id": 3, "dienst_id": 7})

    assert render("{% url 'shop_orders:service' verwaltung_id=3 dienst_id=7 %}") == dienst
    assert render("{% url name %}", name="basket:summary") == reverse("basket:summary")
    assert render("{% url 'basket:summary' as address %}[{{ address }}]") == (
        f"[{reverse('basket:summary')}]"
    )


def test_an_unknown_name_fails_as_with_django_s_tag_and_is_empty_with_as():
    with pytest.raises(NoReverseMatch):
        render("{% url 'gibt-es-nicht' %}")

    assert render("{% url 'gibt-es-nicht' as address %}[{{ address }}]") == "[]"
