"""ozg_site.jinja2 and {% jinja_include %}: rows rendered by Jinja2 read as Django would render them
(German dates in the current time zone, Django's plural, escaped values) inside a Django page."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template import Context
from django.template import Template
from django.template import engines
from django.utils import translation


def render_jinja(source: str, **variables) -> str:
    return engines["jinja2"].from_string(source).template.render(variables)


def test_dates_are_shown_in_the_current_time_zone_in_german_format(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    placed = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)

    assert render_jinja('{{ placed|date("d.m.Y H:i") }}', placed=placed) == "01.01.2027 00:30"


@pytest.mark.parametrize("format_string", ["d.m.Y", "d.m.Y H:i", "H:i:s", "y-m-d", "j. F Y", "D"])
def test_dates_read_exactly_as_djangos_date_filter(settings, format_string):
    settings.TIME_ZONE = "Europe/Berlin"
    moments = [
        datetime.datetime(2026, 3, 29, 0, 59, 5, tzinfo=datetime.UTC),  # the clocks change
        datetime.datetime(2027, 1, 4, 23, 30, tzinfo=datetime.UTC),
    ]
    if "H" not in format_string:
        moments.append(datetime.date(2027, 1, 4))

    with translation.override("de"):
        for moment in moments:
            django_reads = Template(f'{{{{ moment|date:"{format_string}" }}}}').render(
                Context({"moment": moment})
            )
            jinja_reads = render_jinja(f'{{{{ moment|date("{format_string}") }}}}', moment=moment)
            assert jinja_reads == django_reads


def test_a_missing_date_reads_as_nothing():
    assert render_jinja('{{ moment|date("d.m.Y") }}', moment=None) == ""


def test_plural_and_url_encoding_follow_django_filters():
    rows = render_jinja(
        'Gemeinde{{ count|pluralize("n") }} {{ number|urlencode }}', count=2, number="100 001/a"
    )

    assert rows == "Gemeinden 100%20001/a"


def test_values_are_escaped():
    assert render_jinja("{{ title }}", title="<script>") == "&lt;script&gt;"


def test_jinja_include_renders_only_the_named_variables_inside_a_django_template():
    page = Template(
        '{% load jinja_include %}{% jinja_include "shop/orders/includes/order_table.jinja" '
        'orders=orders order_prefix="/konto/bestellungen/" caption_id="t" caption="Bestellungen" %}'
    )
    order = {
        "number": "100042",
        "date_placed": datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC),
        "user__email": "a@amt.example",
        "user__first_name": "Anna",
        "user__last_name": "<Muster>",
        "services_count": 3,
        "status": "In Bearbeitung",
    }

    with translation.override("de"):
        html = page.render(Context({"orders": [order], "secret": "nicht zeigen"}))

    assert 'href="/konto/bestellungen/100042/"' in html
    assert "02.03.2026" in html
    assert "Anna &lt;Muster&gt;" in html
    assert "nicht zeigen" not in html
    assert '<caption class="kern-sr-only" id="t">Bestellungen</caption>' in html
    assert 'aria-labelledby="t"' in html


def test_the_pager_keeps_the_other_parameters_of_the_address():
    page = Paginator(range(60), 25).page(2)
    query = QueryDict("verwaltung=3&status=Live&seite=2")

    html = render_jinja(
        '{% include "shop/orders/includes/pager.jinja" %}', page=page, query=query, label="Seiten"
    )

    assert 'href="?verwaltung=3&amp;status=Live&amp;seite=1" rel="prev"' in html
    assert 'href="?verwaltung=3&amp;status=Live&amp;seite=3" rel="next"' in html
    assert "Seite 2 von 3" in html
