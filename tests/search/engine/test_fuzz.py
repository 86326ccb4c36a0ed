"""Whatever a user types, search answers (maybe with a message) and never raises."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HOSTILE = [
    "(((",
    '"',
    '"unmatched phrase',
    "*",
    "**",
    "a*",
    "och att det",
    "x" * 10_000,
    "-",
    "--idrott",
    "OR",
    "title:",
    "typ:",
    ":::",
    "\x00",
    "'; DROP TABLE x; --",
    "förening:*",
    "\\",
    "'",
    "&|!<->",
    "före* OR",
    "år:abc",
    "organisation:xyz",
    " ".join(["förening"] * 200),
    "ö" * 300 + "*",
]
ALPHABET = st.sampled_from(list("abcdeföråä *\"'-():!&|<>\\%_") + ["OR ", "title:", "typ:"])


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_returns_a_result(loaded, staff, text):
    r = loaded.search(text, staff)

    assert r.total >= 0
    assert r.error is None or isinstance(r.error, str)
    assert isinstance(loaded.autocomplete(text, staff), list)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.lists(ALPHABET, max_size=40).map("".join))
def test_random_input_never_raises(loaded, staff, text):
    loaded.search(text, staff)
