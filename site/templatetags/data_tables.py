"""`{% data_table %}`: the frame every data table of the site shares, written once per design
system. A table is a region of its own that scrolls sideways on a phone; it is focusable, so
that keyboards scroll it too, and named by its caption (or by the heading above it).

    {% data_table "kern" caption_id="tabelle-dienste" %}
      Dienste der Bestellung {{ order.number }}
    {% columns %}
      <th class="kern-table__header" scope="col">Dienst</th>
    {% rows %}
      {% for state in record.services %}<tr class="kern-table__row">…</tr>{% endfor %}
    {% empty %}
      <p>Noch keine Dienste.</p>
    {% enddata_table %}

The optional `{% empty %}` section, as in `{% for %}`, stands instead of the whole table when the
rows come out blank: a table of headings without a row tells a screen reader user nothing.

"kern" is the KERN table of the municipal pages (caption for screen readers only), "dashboard"
the Bootstrap table of the staff pages, "wagtail" the listing of the shop's pages in Wagtail's
admin; the dashboard frame also takes `caption_class` and `labelled_by`, the id of a heading that
names the region instead of the caption; dashboard and wagtail take `table_class` (a further
class of the table).
"""

from django import template
from django.template.base import token_kwargs

register = template.Library()

FRAMES = {
    "kern": "includes/data_table.html",
    "dashboard": "oscar/dashboard/partials/data_table.html",
    "wagtail": "wagtailadmin/shared/data_table.html",
}


class DataTableNode(template.Node):
    def __init__(self, *, frame: str, options: dict, caption, columns, rows, empty):
        self.frame = frame
        self.options = options
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.empty = empty

    def render(self, context) -> str:
        rows = self.rows.render(context)
        if self.empty is not None and not rows.strip():
            return self.empty.render(context)
        values = {name: value.resolve(context) for name, value in self.options.items()}
        values["caption"] = self.caption.render(context)
        values["columns"] = self.columns.render(context)
        values["rows"] = rows
        frame = context.template.engine.get_template(self.frame)
        return frame.render(context.new(values))


@register.tag
def data_table(parser, token) -> DataTableNode:
    name, *arguments = token.split_contents()
    frame = FRAMES.get(arguments.pop(0).strip("\"'") if arguments else "")
    options = token_kwargs(arguments, parser)  # takes the name=value options off `arguments`
    if frame is None or arguments:
        raise template.TemplateSyntaxError(
            f"{name} takes one of {', '.join(FRAMES)} and then only name=value options"
        )
    end = f"end{name}"
    sections = []
    for section_end in ("columns", "rows"):
        sections.append(parser.parse((section_end,)))
        parser.delete_first_token()
    caption, columns = sections
    rows = parser.parse(("empty", end))
    empty = None
    if parser.next_token().contents == "empty":
        empty = parser.parse((end,))
        parser.delete_first_token()
    return DataTableNode(
        frame=frame, options=options, caption=caption, columns=columns, rows=rows, empty=empty
    )
