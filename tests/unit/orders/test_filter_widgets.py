"""The order list's filter inputs, written in Python (oscar_overrides.dashboard.orders.forms),
are the inputs Django's templates write: the same element with the same attributes."""

from html.parser import HTMLParser

import pytest
from django import forms

from oscar_overrides.dashboard.orders.forms import OrderFilterForm


class Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, sorted(attrs)))


def parsed(html: str) -> list:
    parser = Inputs()
    parser.feed(html)
    return parser.found


def django_html(form: OrderFilterForm, name: str, widget_class) -> str:
    field = form.fields[name]
    ours = field.widget
    field.widget = widget_class(attrs=ours.attrs)
    field.widget.is_required = ours.is_required
    try:
        return str(form[name])
    finally:
        field.widget = ours


@pytest.mark.parametrize(
    "data",
    [None, {"text": 'Amt "Hüttener" <Berge>', "start_due": "on"}, {"text": "", "unread": "1"}],
)
@pytest.mark.parametrize(
    ("name", "widget_class"),
    [
        ("text", forms.TextInput),
        ("start_due", forms.CheckboxInput),
        ("unread", forms.CheckboxInput),
    ],
)
def test_each_input_is_the_one_djangos_template_writes(data, name, widget_class):
    form = OrderFilterForm(data)
    ours = str(form[name])
    assert parsed(ours) == parsed(django_html(form, name, widget_class))
    assert ours.startswith("<input ")
