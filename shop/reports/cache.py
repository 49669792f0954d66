"""The computed coverage report in Django's default cache (Redis in production), so that a
request does not aggregate some 300,000 coverage rows.

Every entry is kept with the generation shop.generations.COVERAGE_REPORT it was computed in and
used only while that generation is current. shop.receivers starts a new one whenever the data
behind the report changes: an order placed, a line's status changed, the registry imported, a
Dienst, Verwaltung or Gemeinde saved or deleted one by one (a profile published, unpublished or
deleted, an edit in the Django admin). Entries expire after ENTRY_SECONDS, a bound for changes
that bypass all of these (e.g. SQL by hand).
"""

from collections.abc import Callable
from typing import TypeVar

from shop.generations import COVERAGE_REPORT, generation_cached

# Bump when the shape of a stored value or the report's templates change: a deployment must not
# serve what the old code computed and rendered.
FORMAT = 3
ENTRY_SECONDS = 24 * 60 * 60

T = TypeVar("T")


def report_cached(name: str, compute: Callable[[], T]) -> T:
    """The value stored under `name` for the current generation, else `compute()` stored. One
    cache round trip on a hit."""
    return generation_cached(
        name=COVERAGE_REPORT,
        key=f"reports:coverage:{FORMAT}:{name}",
        compute=compute,
        seconds=ENTRY_SECONDS,
    )
