"""The catalogue's URL state: parsed leniently, written back canonically."""

from django.http import QueryDict

from cms_pages.catalogue import CatalogueQuery


def parse(query_string: str) -> CatalogueQuery:
    return CatalogueQuery.from_params(QueryDict(query_string))


def test_parses_search_filters_sort_and_page():
    query = parse(
        "q=Wohn++geld&themenfeld=bauen-wohnen&typ=basisdienst&typ=landesdienst"
        "&sortierung=neu&seite=3"
    )

    assert query.text == "Wohn geld"
    assert query.filters == {
        "themenfeld": ("bauen-wohnen",),
        "typ": ("basisdienst", "landesdienst"),
    }
    assert query.sort == "neu"
    assert query.page == 3


def test_invalid_values_are_dropped_not_errors():
    query = parse("seite=abc&sortierung=quatsch&unbekannt=1&typ=&q=" + "x" * 500)

    assert query.page == 1
    assert query.sort == ""
    assert query.filters == {}
    assert len(query.text) == 200


def test_relevance_needs_a_search_and_is_the_default_with_one():
    assert parse("sortierung=relevanz").effective_sort == "name"
    assert parse("q=kfz").effective_sort == "relevanz"
    assert parse("").effective_sort == "name"


def test_page_is_bounded():
    assert parse("seite=-5").page == 1
    assert parse("seite=99999999").page == 10_000


def test_writes_a_canonical_query_string_and_resets_the_page():
    query = parse("typ=landesdienst&q=kfz&seite=4&themenfeld=mobilitaet")

    assert query.to_params() == "q=kfz&themenfeld=mobilitaet&typ=landesdienst"
    assert query.to_params(page=2).endswith("&seite=2")
    assert query.without("typ", "landesdienst") == "q=kfz&themenfeld=mobilitaet"


def test_duplicate_values_are_kept_once():
    assert parse("typ=basisdienst&typ=basisdienst").filters == {"typ": ("basisdienst",)}


def test_unknown_choice_values_are_dropped():
    query = parse("typ=quatsch&typ=basisdienst&reifegrad=vier&reifegrad=9&verfuegbarkeit=bald")

    assert query.filters == {"typ": ("basisdienst",)}


def test_control_characters_become_spaces_in_search_and_filters():
    query = parse("q=Wohn%00geld%07&themenfeld=bauen%00wohnen&lage=%00")

    assert query.text == "Wohn geld"
    assert query.filters == {"themenfeld": ("bauen wohnen",)}


def test_paired_quotes_search_a_phrase_an_unpaired_one_counts_as_none():
    assert parse('q="Wohngeld beantragen"').text == '"Wohngeld beantragen"'
    assert parse('q=Wohngeld "beantragen').text == "Wohngeld beantragen"
    assert parse('q="""').text == ""
