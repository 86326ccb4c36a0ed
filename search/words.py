"""Real words for "did you mean" and autocomplete, taken from what the user may open.

The engine answers both with index terms, which are stems ("tillgäng",
"överenskomm"): it knows which stems occur in documents the viewer may see,
not how they were written. The written form is recovered from the
highlighted words of a search the user may run anyway: every <mark> in a
permitted hit's snippet is a word of a record the user may open, so a
suggestion or completion is offered only when such a word was seen, and as
that word.
"""

import html
import re
from collections import Counter

from search.engine.analysis import WORD_RE, normalize
from search.engine.suggest import edit_distance, query_words

MARK = re.compile(r"<mark>(.*?)</mark>", re.S)
SAMPLE = 20  # permitted hits whose highlights are read


def written_forms(hits, stems):
    """{stem: Counter(written word)} of the highlighted words whose stem is in `stems`."""
    forms = {}
    for hit in hits:
        for marked in MARK.findall(hit.snippet or ""):
            for word in WORD_RE.findall(html.unescape(marked)):
                stem = normalize(word)
                if stem in stems:
                    forms.setdefault(stem, Counter())[word.lower()] += 1
    return forms


def completions(stems, prefix, search_hits, limit):
    """Written words for the completion stems, in the engine's order; unseen stems dropped.

    `search_hits(text)` runs a search as the user (both permission layers).
    """
    prefix = "".join(WORD_RE.findall(prefix.lower()))
    forms = written_forms(search_hits(f"{prefix}*"), set(stems))
    words = []
    for stem in stems:
        seen = [w for w, _n in forms.get(stem, Counter()).most_common() if w.startswith(prefix)]
        if seen and seen[0] not in words:
            words.append(seen[0])
    return words[:limit]


def suggestions(text, suggested, search_hits):
    """The engine's suggestions with each replaced stem written as a real word."""
    typed = [word for word, _stem in query_words(text)]
    out = []
    for suggestion in suggested:
        words = suggestion.split()
        if len(words) != len(typed):
            continue
        pairs = zip(words, typed, strict=True)
        fixed = [_written(w, t, search_hits) if w != t else w for w, t in pairs]
        if all(fixed) and (phrase := " ".join(fixed)) not in out:
            out.append(phrase)
    return out


def _written(stem, typed, search_hits):
    """The permitted word with this stem closest to what was typed, or None."""
    forms = written_forms(search_hits(f"{stem}*"), {stem}).get(stem)
    if not forms:
        return None
    return min(forms, key=lambda word: (edit_distance(word, typed), -forms[word], word))
