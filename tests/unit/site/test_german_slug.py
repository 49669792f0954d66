"""shop.slugs.german_slug: slugs of German names as a German reader spells them without umlauts
(catalogue slugs, the file names of exports)."""

import pytest

from shop.slugs import german_slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Hüttener Berge", "huettener-berge"),
        ("Mobilität & Reisen", "mobilitaet-reisen"),
        ("Eheschließung", "eheschliessung"),
        ("Ölmühle ÄÜ", "oelmuehle-aeue"),
        ("Flensburg, Stadt", "flensburg-stadt"),
    ],
)
def test_umlauts_and_sharp_s_are_spelled_out(name, slug):
    assert german_slug(name, fallback="x") == slug


def test_a_name_without_letters_or_digits_gets_the_fallback():
    assert german_slug("– / –", fallback="verwaltung") == "verwaltung"


def test_the_slug_is_cut_without_a_trailing_hyphen():
    assert german_slug("Amt Hüttener Berge", fallback="x", max_length=4) == "amt"
