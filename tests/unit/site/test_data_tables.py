"""{% data_table %}: one frame per design system, each a focusable region named by its caption
that scrolls sideways where the table is wider than the screen."""

import pytest
from django.template import Context
from django.template import Template
from django.template import TemplateSyntaxError

SOURCE = """{% load data_tables %}{% data_table FRAME caption_id="t" OPTIONS %}
  Bestellungen
{% columns %}<th scope="col">Nummer</th>
{% rows %}{% for number in numbers %}<tr><td>{{ number }}</td></tr>{% endfor %}
{% enddata_table %}"""


def render(frame: str, options: str = "") -> str:
    source = SOURCE.replace("FRAME", f'"{frame}"').replace("OPTIONS", options)
    return Template(source).render(Context({"numbers": ["100042", "<b>"]}))


@pytest.mark.parametrize(
    ("frame", "region_class", "table_class", "caption_class"),
    [
        ("kern", "kern-table-responsive", "kern-table", "kern-sr-only"),
        ("dashboard", "table-responsive", "table table-striped table-bordered", ""),
        ("wagtail", "shop-admin-table", "listing", "w-sr-only"),
    ],
)
def test_each_frame_is_a_scrolling_region_named_by_its_caption(
    frame, region_class, table_class, caption_class
):
    html = render(frame)

    assert f'<div class="{region_class}" role="region" aria-labelledby="t" tabindex="0">' in html
    assert f'<table class="{table_class}">' in html
    assert f'<caption class="{caption_class}" id="t">' in html or (
        not caption_class and '<caption id="t">' in html
    )
    assert '<th scope="col">Nummer</th>' in html
    assert "<td>100042</td>" in html
    assert "<td>&lt;b&gt;</td>" in html  # values escaped as anywhere else


@pytest.mark.parametrize(
    ("frame", "extra", "table"),
    [
        (
            "dashboard",
            "coverage-matrix",
            '<table class="table table-striped table-bordered coverage-matrix">',
        ),
        ("wagtail", "listing--dashboard", '<table class="listing listing--dashboard">'),
    ],
)
def test_a_further_table_class(frame, extra, table):
    assert table in render(frame, f'table_class="{extra}"')


def test_an_unknown_frame_is_refused_when_the_template_is_read():
    with pytest.raises(TemplateSyntaxError, match="takes one of kern, dashboard, wagtail"):
        render("bootstrap")


EMPTY_SOURCE = """{% load data_tables %}{% data_table "kern" caption_id="t" %}
  Bestellungen
{% columns %}<th scope="col">Nummer</th>
{% rows %}
  {% for number in numbers %}<tr><td>{{ number }}</td></tr>{% endfor %}
{% empty %}
  <p>Noch keine Bestellung für {{ verwaltung }}.</p>
{% enddata_table %}"""


def test_the_empty_section_stands_instead_of_a_table_without_rows():
    html = Template(EMPTY_SOURCE).render(Context({"numbers": [], "verwaltung": "Amt <X>"}))

    assert html.strip() == "<p>Noch keine Bestellung für Amt &lt;X&gt;.</p>"


def test_with_rows_the_empty_section_is_left_out():
    html = Template(EMPTY_SOURCE).render(Context({"numbers": ["100042"], "verwaltung": "Amt"}))

    assert "<td>100042</td>" in html
    assert "Noch keine Bestellung" not in html


def test_without_an_empty_section_a_table_without_rows_keeps_its_headings():
    html = Template(SOURCE.replace("FRAME", '"kern"').replace("OPTIONS", "")).render(
        Context({"numbers": []})
    )

    assert '<th scope="col">Nummer</th>' in html
    assert "<tbody" in html
