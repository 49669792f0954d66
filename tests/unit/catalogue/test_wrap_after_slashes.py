"""The profile's Lage names wrap after their slashes on a phone (catalogue_tags.wrap_after_slashes)
instead of inside a word."""

from django.template import Context
from django.template import Template


def render(value: str) -> str:
    template = Template("{% load catalogue_tags %}{{ value|wrap_after_slashes }}")
    return template.render(Context({"value": value}))


def test_a_break_opportunity_follows_each_slash():
    assert (
        render("Finanzielle Existenzsicherung/Unterstützung bei finanziellen Problemen")
        == "Finanzielle Existenzsicherung/<wbr>Unterstützung bei finanziellen Problemen"
    )


def test_the_name_is_escaped_once():
    assert render("Arbeit & Ruhestand/<Rente>") == "Arbeit &amp; Ruhestand/<wbr>&lt;Rente&gt;"


def test_a_name_without_slash_stays_as_it_is():
    assert render("Arbeit & Ruhestand") == "Arbeit &amp; Ruhestand"
