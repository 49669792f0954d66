"""Calls that start at the same moment, each in its own thread with its own database connection,
for the tests of concurrent writes on PostgreSQL."""

import threading
from collections.abc import Callable

from django.db import connection


def at_once(*calls: Callable[[], object]) -> list:
    """Run each call in its own thread, all released together: each call's result, or the
    exception it raised."""
    outcomes: list = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index: int) -> None:
        try:
            start.wait(timeout=30)
            outcomes[index] = calls[index]()
        except Exception as error:  # the caller compares the outcomes
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
