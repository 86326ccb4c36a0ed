"""'Did you mean': spelling alternatives drawn only from permitted documents.

A candidate word comes from the engine's vocabulary, which includes words
of documents the user cannot see; it is offered only when at least one
permitted document contains it, so a suggestion never reveals a word that
appears only in hidden documents.
"""

MAX_SUGGESTIONS = 3
MAX_CANDIDATES = 30
MIN_LENGTH = 4


def did_you_mean(stems, neighbours, permitted_df):
    """Up to 3 alternative queries, replacing one unknown word each.

    neighbours(stem) -> iterable of similar vocabulary terms;
    permitted_df(term) -> how many permitted documents contain term.
    """
    out = []
    for stem in stems:
        if len(stem) < MIN_LENGTH or permitted_df(stem):
            continue
        best = _best(stem, neighbours, permitted_df)
        if best:
            out.append(" ".join(best if s == stem else s for s in stems))
        if len(out) >= MAX_SUGGESTIONS:
            break
    return out


def _best(stem, neighbours, permitted_df):
    scored = []
    for i, term in enumerate(neighbours(stem)):
        if i >= MAX_CANDIDATES:
            break
        term = term.decode("utf-8") if isinstance(term, bytes) else term
        if term == stem:
            continue
        df = permitted_df(term)
        if df:
            scored.append((df, term))
    return max(scored)[1] if scored else None
