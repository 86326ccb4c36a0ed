"""'Did you mean' for long Swedish words with one or two typos, on both engines."""

import pytest

from search.engine import suggest
from search.engine.backend import Viewer

from .conftest import STAFF_GROUP, doc

LONG_WORDS = (
    "Arbetet med tillgänglighet i lokalerna fortsätter. "
    "Idrottsföreningarna bokar hallarna genom kulturförvaltningen. "
    "Föreningslivet växer i hamnen."
)

MISSPELT = [
    ("tillgängligheet", "tillgäng"),  # one letter too many, in the ending
    ("tilgänglighet", "tillgäng"),  # one too few, in the stem
    ("tillgänglihget", "tillgäng"),  # two letters swapped
    ("idrotsföreningarna", "idrottsförening"),
    ("idrotsförenigarna", "idrottsförening"),  # two typos
    ("kulturförvaltnigen", "kulturförvaltning"),
    ("kulturförvalningen", "kulturförvaltning"),
    ("föreningslivett", "föreningsliv"),
]


@pytest.fixture
def long_words(backend):
    backend.update(
        [
            doc("organisations.organisation:1#main", LONG_WORDS, groups=(STAFF_GROUP,)),
            doc("organisations.organisation:2#main", "Kanotklubben paddlar.", groups=(7,)),
        ]
    )
    return backend


@pytest.mark.parametrize("typed, stem", MISSPELT)
def test_a_long_word_with_a_typo_or_two_gets_a_suggestion(long_words, typed, stem):
    results = long_words.search(f"hamnen {typed}", Viewer.of([STAFF_GROUP]))

    assert results.total == 0
    assert f"hamnen {stem}" in results.suggestions


def test_a_word_only_in_records_the_user_may_not_open_is_never_suggested(long_words):
    results = long_words.search("tillgängligheet", Viewer.of([7], public=False))

    assert results.suggestions == []


def test_one_unknown_word_examines_a_bounded_number_of_vocabulary_terms():
    asked, examined = [], []

    def neighbours(probe):
        asked.append(probe)
        for n in range(1000):
            examined.append(n)
            yield f"ord{n}"

    suggest.did_you_mean("idrotsföreningarnaxyz", neighbours, lambda term: 0)

    assert 1 < len(asked) <= suggest.MAX_PROBES
    assert len(examined) <= suggest.MAX_PROBES * (suggest.MAX_CANDIDATES + 1)


@pytest.mark.parametrize(
    "typed, term, edits",
    [
        ("tillgängligheet", "tillgäng", 1),  # "tillgäng" + "ligheet", one edit from "lighet"
        ("kulturförvaltnigen", "kulturförvaltning", 1),
        ("idrottsföreningarna", "idrottsförening", 0),
        ("förening", "förening", 0),
        ("föreningarna", "förening", 0),
        ("kanotklubben", "kanot", 3),  # a compound's part is not a spelling of the whole
        ("ab", "ba", 1),
    ],
)
def test_the_distance_compares_a_typed_word_with_a_stem(typed, term, edits):
    assert min(suggest.distance(typed, term), 3) == edits
