"""Slugs of German names, with umlauts and ß spelled out as German readers write them without:
Django's slugify drops them ("Hüttener Berge" would become "huttener-berge", "Eheschließung"
"eheschlieung")."""

from django.utils.text import slugify

GERMAN_SPELLING = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slug(name: str, *, fallback: str, max_length: int | None = None) -> str:
    """'Mobilität & Reisen' -> 'mobilitaet-reisen'; a name without letters or digits gets the
    fallback, because a slug must not be empty."""
    slug = slugify(name.translate(GERMAN_SPELLING))[:max_length].strip("-")
    return slug or fallback
