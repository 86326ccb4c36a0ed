"""'Did you mean': spelling alternatives drawn only from permitted documents.

A candidate word comes from the engine's vocabulary, which includes words
of documents the user cannot see; it is offered only when at least one
permitted document contains it, so a suggestion never reveals a word that
appears only in hidden documents.
"""

from functools import lru_cache

from . import analysis

MAX_SUGGESTIONS = 3
MAX_CANDIDATES = 30  # vocabulary terms examined per probe ...
MAX_PROBES = 5  # ... and probes per word: at most 150 terms for one unknown word
MIN_LENGTH = 4
MAX_EDITS = 2

# The endings the Swedish Snowball stemmer removes (steps 1 and 3), so that a
# typed word can be compared with a stem: "tillgängligheet" is the stem
# "tillgäng" + "ligheet", one edit from the ending "lighet".
_STEP1 = (  # noqa: SIM905 - the stemmer's list, as Snowball writes it
    "a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er "
    "heter or as arnas ernas ornas es ades andes ens arens hetens erns at andet het ast s"
).split()
ENDINGS = frozenset(["", *_STEP1, *(a + b for a in ("lig", "ig", "els") for b in ["", *_STEP1])])
_LONGEST_ENDING = max(map(len, ENDINGS))


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
    its stem, which Snowball may have cut short ("fören") or, for a
    misspelt ending, not cut at all ("tillgängligheet"): a candidate stem
    may stand for the word's beginning, the rest being (nearly) an ending
    (`distance`).
    neighbours(word) -> iterable of similar vocabulary terms, asked for the
    word and for at most MAX_PROBES - 1 of its beginnings (`probes`);
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
    scored, seen = [], set()
    for probe in probes(word):
        for i, term in enumerate(neighbours(probe)):
            if i >= MAX_CANDIDATES:
                break
            term = term.decode("utf-8") if isinstance(term, bytes) else term
            if term in seen:
                continue
            seen.add(term)
            d = distance(word, term)
            if d > MAX_EDITS:
                continue
            df = permitted_df(term)
            if df:
                scored.append((d, -df, term))
    return min(scored)[2] if scored else None


def probes(word):
    """The word, then the beginnings a stem within reach may stand for: those followed by
    an ending, then by nearly one, longest ending first ("idrotsförening" + "arna")."""
    cuts = [
        (cost, cut)
        for cut in range(MIN_LENGTH, len(word))
        if (cost := _ending_cost(word[cut:])) <= 1
    ]
    return [word] + [word[:cut] for _cost, cut in sorted(cuts)[: MAX_PROBES - 1]]


def distance(word, term):
    """Edits from `term` to `word`, where `term` may be a stem: the least of
    (edits to a beginning of the word) + (edits from the rest to an ending)."""
    prev = _edit_rows(term, word)
    first = max(MIN_LENGTH, len(word) - _LONGEST_ENDING - 1)
    return min(
        [prev[-1]]
        + [
            prev[j] + _ending_cost(word[j:])
            for j in range(first, len(word))
            if prev[j] <= MAX_EDITS
        ]
    )


@lru_cache(maxsize=4096)
def _ending_cost(rest):
    """0 when `rest` is an ending the stemmer removes, 1 when one edit away, else 3."""
    if rest in ENDINGS:
        return 0
    near = (e for e in ENDINGS if abs(len(e) - len(rest)) <= 1)
    return 1 if any(edit_distance(rest, e) == 1 for e in near) else 3


def edit_distance(a, b):
    """Edits (insert, delete, replace, swap two neighbours) from a to b; short words only,
    so the plain DP is fine."""
    return _edit_rows(a, b)[-1]


def _edit_rows(a, b):
    """The last row of the DP: row[j] = edits between a and b[:j] (optimal string alignment)."""
    before, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            best = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if j > 1 and i > 1 and ca == b[j - 2] and a[i - 2] == cb and ca != cb:
                best = min(best, before[j - 2] + 1)
            cur.append(best)
        before, prev = prev, cur
    return prev
