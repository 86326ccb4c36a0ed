import pytest

from search.engine import analysis
from search.engine.query import QueryError, parse


def test_it_stems_definite_plural_to_the_base_form():
    assert analysis.normalize("föreningarna") == analysis.normalize("förening")


def test_it_drops_swedish_stop_words():
    assert analysis.terms("öppenhet och insyn i staden") == ["öppen", "insyn", "stad"]


@pytest.mark.parametrize(
    "word", ["föreningslivet", "föreningsstöd", "idrottsförening", "idrottsföreningarna"]
)
def test_compounds_carry_the_part_forening(word):
    assert "förening" in analysis.compound_parts(word)


def test_plain_words_are_not_split():
    assert analysis.compound_parts("förening") == ()
    assert analysis.compound_parts("verksamhet") == ()


def test_the_whoosh_highlighter_marks_inflections_and_compounds():
    from search.engine.index import snippet

    text = "Föreningarna och föreningslivet i staden"
    assert snippet(text, ["förening"]) == (
        "<mark>Föreningarna</mark> och <mark>föreningslivet</mark> i staden"
    )


@pytest.mark.parametrize(
    "bad", ["(((", '"', "*", "och att det", "x" * 10_000, "-idrott", ":::", "title:", "OR OR", '""']
)
def test_bad_queries_raise_only_query_error(bad):
    try:
        parse(bad)
    except QueryError as exc:
        assert str(exc)
