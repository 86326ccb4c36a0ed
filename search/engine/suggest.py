"""'Did you mean': spelling alternatives drawn only from permitted documents.

A candidate word comes from the engine's vocabulary, which includes words
of documents the user cannot see; it is offered only when at least one
permitted document contains it, so a suggestion never reveals a word that
appears only in hidden documents.
"""

from . import analysis

MAX_SUGGESTIONS = 3
MAX_CANDIDATES = 30
MIN_LENGTH = 4


def query_words(text):
    """(lower-case word, stem) for each searchable word the user typed."""
    out = []
    for word in analysis.WORD_RE.findall(text or ""):
        stem = analysis.normalize(word)
        if stem is not None:
            out.append((word.lower(), stem))
    return out[:12]


def did_you_mean(text, neighbours, permitted_df):
    """Up to 3 alternative queries, replacing one unknown word each.

    Candidates are compared with the word as typed ("förenig"), not with
    its stem, which Snowball may have cut short ("fören").
    neighbours(word) -> iterable of similar vocabulary terms;
    permitted_df(term) -> how many permitted documents contain term.
    """
    words, out = query_words(text), []
    for word, stem in words:
        if len(word) < MIN_LENGTH or permitted_df(stem):
            continue
        best = _best(word, neighbours, permitted_df)
        if best:
            out.append(" ".join(best if w == word else w for w, _ in words))
        if len(out) >= MAX_SUGGESTIONS:
            break
    return out


def _best(word, neighbours, permitted_df):
    scored = []
    for i, term in enumerate(neighbours(word)):
        if i >= MAX_CANDIDATES:
            break
        term = term.decode("utf-8") if isinstance(term, bytes) else term
        distance = edit_distance(word, term)
        if distance > 2:
            continue
        df = permitted_df(term)
        if df:
            scored.append((distance, -df, term))
    return min(scored)[2] if scored else None


def edit_distance(a, b):
    """Levenshtein distance (short words only, so the plain DP is fine)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
