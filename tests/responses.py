"""Reading what the site answered: a page's text and what a request costs in queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.generations import generation_bump


def page_text(response) -> str:
    """The HTML of a page that answered 200, its white space folded so that assertions need not
    know how the templates break their lines."""
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def queries_for(client, url: str, *, computed: str = "") -> int:
    """The queries of a GET that answers 200, after a first GET has filled what caches keep;
    with `computed`, the name of a generation (shop.generations), after a bump of it: what the
    page costs when the data behind it has changed."""
    client.get(url)
    if computed:
        generation_bump(name=computed)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def redirect_target(response) -> str:
    """Where a response that redirects sends the person (for a page that needs a login first:
    the login page)."""
    assert response.status_code == 302
    return response["Location"]


def assert_listing_filters(response, *, shown: str, hidden: str) -> None:
    """A listing searched or filtered (an admin's index page, answering 200) shows what matches
    and leaves out what does not."""
    html = page_text(response)
    assert shown in html
    assert hidden not in html
