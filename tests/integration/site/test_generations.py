"""shop.generations: a bump is seen at once and again after the commit, once per transaction."""

from unittest import mock

import pytest
from django.core.cache import cache

from shop.generations import COVERAGE_REPORT
from shop.generations import ORDER_OVERVIEWS
from shop.generations import PUBLIC_PAGES
from shop.generations import generation_bump
from shop.generations import generation_cached
from shop.generations import generation_current
from shop.generations import generation_key


@pytest.mark.django_db
def test_a_bump_starts_a_new_generation_at_once_and_again_after_the_commit(
    django_capture_on_commit_callbacks,
):
    before = generation_current(name=PUBLIC_PAGES)

    with django_capture_on_commit_callbacks() as callbacks:
        generation_bump(name=PUBLIC_PAGES)
        generation_bump(name=PUBLIC_PAGES)
        generation_bump(name=COVERAGE_REPORT)
        during = generation_current(name=PUBLIC_PAGES)

    assert during != before
    assert len(callbacks) == 2  # one for each name, however often it was bumped
    for callback in callbacks:
        callback()
    assert generation_current(name=PUBLIC_PAGES) not in (before, during)


def test_a_lost_generation_key_starts_a_new_generation():
    old = generation_current(name=COVERAGE_REPORT)
    cache.delete(generation_key(COVERAGE_REPORT))

    assert generation_current(name=COVERAGE_REPORT) != old


def test_an_unknown_name_is_refused():
    with pytest.raises(ValueError, match="Unbekannte Generation"):
        generation_bump(name="tippfehler")


@pytest.mark.django_db
def test_a_cached_value_is_computed_once_a_generation_and_kept_for_at_most_its_seconds():
    computed = []

    def compute():
        computed.append(len(computed))
        return len(computed)

    def cached():
        return generation_cached(name=COVERAGE_REPORT, key="probe", compute=compute, seconds=60)

    assert (cached(), cached()) == (1, 1)
    generation_bump(name=COVERAGE_REPORT)
    assert (cached(), cached()) == (2, 2)
    with mock.patch.object(cache, "set") as stored:
        cache.delete("probe")
        cached()
    stored.assert_called_once_with("probe", (generation_current(name=COVERAGE_REPORT), 3), 60)


@pytest.mark.django_db
def test_a_transaction_writes_a_bump_again_only_after_the_generation_was_read(
    django_capture_on_commit_callbacks,
):
    generation_current(name=ORDER_OVERVIEWS)
    with (
        django_capture_on_commit_callbacks() as callbacks,
        mock.patch.object(cache, "set", wraps=cache.set) as stored,
    ):
        for _ in range(200):  # a bulk status change, nothing read in between
            generation_bump(name=ORDER_OVERVIEWS)
        assert stored.call_count == 1
        during = generation_current(name=ORDER_OVERVIEWS)
        generation_bump(name=ORDER_OVERVIEWS)  # what this thread read must not stay current
        assert stored.call_count == 2
        assert generation_current(name=ORDER_OVERVIEWS) != during

    assert len(callbacks) == 1
