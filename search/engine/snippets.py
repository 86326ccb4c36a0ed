"""Snippets from character spans: pick the densest window, escape, mark.

Backends that know where matches are (Whoosh stores character offsets,
chars=True) hand the spans here, so no text is re-analysed per hit.
"""

from html import escape

WINDOW = 220


def snippet(text, spans, window=WINDOW):
    """HTML for the part of text with most matches; matches in <mark>."""
    spans = sorted(set(spans))
    if not spans:
        return _plain(text, window)
    start = _best_start(spans, window)
    lo = max(0, start - 40)
    lo = _word_boundary(text, lo)
    hi = min(len(text), lo + window)
    out, cur = [], lo
    for s, e in spans:
        if s < cur or e > hi:
            continue
        out.append(escape(text[cur:s]))
        out.append("<mark>" + escape(text[s:e]) + "</mark>")
        cur = e
    out.append(escape(text[cur:hi]))
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    return prefix + "".join(out).strip() + suffix


def _best_start(spans, window):
    # Two-pointer sweep: the span start whose window holds most matches.
    best, best_n, j = spans[0][0], 0, 0
    for i, (s, _) in enumerate(spans):
        while spans[j][0] < s - window + 60:
            j += 1
        if i - j + 1 > best_n:
            best, best_n = spans[j][0], i - j + 1
    return best


def _word_boundary(text, i):
    if i <= 0:
        return 0
    space = text.find(" ", i)
    return i if space == -1 or space - i > 20 else space + 1


def _plain(text, window):
    cut = text[:window]
    return escape(cut) + (" …" if len(text) > window else "")
