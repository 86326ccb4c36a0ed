"""Query evaluation over one index segment as numpy masks.

Counting, filtering and faceting never score: each segment ("leaf")
answers with a boolean mask over its document numbers, built from postings
decoded once per segment (index.read_postings), so the cost of a common
word is a few vectorised operations, not a Python loop per hit.  Ranking
scores only the permitted matches, with BM25 in whole-array arithmetic,
and picks the top k with a partial sort.  The leaf object (index.py)
supplies postings(), term_mask(), phrase(), facet_mask(), permitted(),
live and data (dates, lengths, facet codes); this module holds no engine
imports.
"""

from collections import Counter

import numpy as np

from .documents import FACETS

TEXT_FIELDS = ("title", "text", "parts")


def evaluate(node, leaf, expansions, within):
    """Mask of docs in leaf (and in within) matching node."""
    kind = node[0]
    if kind == "term":
        return within & leaf.term_mask((node[2],) if node[2] else TEXT_FIELDS, (node[1],))
    if kind == "prefix":
        fields = (node[2],) if node[2] else TEXT_FIELDS
        return within & leaf.term_mask(fields, expansions.get(node[1], ()))
    if kind == "phrase":
        return leaf.phrase(node[1], node[2] or "text", within)
    if kind == "filter":
        return within & leaf.facet_mask(node[1], {node[2]})
    if kind == "or":
        out = np.zeros(leaf.n, dtype=bool)
        for c in node[1]:
            out |= evaluate(c, leaf, expansions, within)
        return out
    if kind == "and":
        return _and(node[1], leaf, expansions, within)
    raise ValueError(f"Unexpected node {kind}")


def _and(children, leaf, expansions, within):
    result = within
    # Cheap children first: a phrase checks positions only where the
    # other words already match.
    pos = sorted((c for c in children if c[0] != "not"), key=lambda c: c[0] == "phrase")
    for child in pos:
        result = evaluate(child, leaf, expansions, result)
        if not result.any():
            return result
    for child in children:
        if child[0] == "not":
            result = result & ~evaluate(child[1], leaf, expansions, result)
    return result


def leaf_matches(leaf, node, viewer, filters, expansions):
    """Mask of live, permitted, filtered docs of one leaf matching node."""
    within = apply_filters(leaf.permitted(viewer), leaf, filters)
    if not within.any():
        return within
    return evaluate(node, leaf, expansions, within)


def apply_filters(mask, leaf, filters):
    """Narrow a mask by facet values and an inclusive date range."""
    for key, wanted in filters.items():
        if key in FACETS:
            mask = mask & leaf.facet_mask(key, wanted)
    lo, hi = filters.get("date_from"), filters.get("date_to")
    if lo or hi:
        dates = leaf.data.dates
        mask = mask & (dates >= (_dateint(lo) if lo else 0))
        mask = mask & (dates <= (_dateint(hi) if hi else 99991231))
    return mask


def count_facets(leaf, matches, counters):
    """Add this leaf's facet counts over a match mask into counters."""
    if not matches.any():
        return
    for name in FACETS:
        counter = counters.setdefault(name, Counter())
        if name == "organisations":
            docs, codes, values = leaf.data.facet(leaf.reader, name)
            counts = np.bincount(codes[matches[docs]], minlength=len(values))
        else:
            col, values = leaf.data.facet(leaf.reader, name)
            counts = np.bincount(col[matches] + 1, minlength=len(values) + 1)[1:]
        for i in np.flatnonzero(counts):
            counter[values[i]] += int(counts[i])


def finish_facets(counters, limit=20):
    """[(value, count)] per facet, most common first, without blanks."""
    out = {}
    for name, counter in counters.items():
        counter.pop(None, None)
        counter.pop("", None)
        out[name] = sorted(counter.items(), key=lambda vc: (-vc[1], vc[0]))[:limit]
    return out


def _dateint(d):
    return d.year * 10000 + d.month * 100 + d.day


# -- ranking ---------------------------------------------------------------
FIELD_WEIGHTS = {"title": 2.0, "text": 1.0, "parts": 0.4}
K1, B = 1.2, 0.75


def scoring_terms(node, expansions):
    """(field, term) pairs that add to a document's score."""
    kind = node[0]
    if kind in ("term", "prefix"):
        words = [node[1]] if kind == "term" else expansions.get(node[1], [])
        fields = (node[2],) if node[2] else TEXT_FIELDS
        return [(f, w) for f in fields for w in words]
    if kind == "phrase":
        fields = (node[2],) if node[2] else ("title", "text")
        return [(f, s) for f in fields for s in node[1]]
    if kind in ("and", "or"):
        return [t for c in node[1] for t in scoring_terms(c, expansions)]
    return []


def rank(leaf, matches, terms, idf, avg_len, k):
    """The k best (score, local docnum) of a match mask (BM25, vectorised)."""
    cand = np.flatnonzero(matches)
    if not len(cand):
        return []
    scores = np.zeros(leaf.n, dtype=np.float32)
    lengths = leaf.data.lengths
    norm, scale = K1 * (1 - B), K1 * B / max(avg_len, 1.0)
    for field, term in terms:
        ids, tf = leaf.postings(field, term)
        if not len(ids):
            continue
        w = FIELD_WEIGHTS[field] * idf(field, term) * (K1 + 1)
        if field == "text":
            scores[ids] += w * tf / (tf + norm + scale * lengths[ids])
        else:
            scores[ids] += w * tf / (tf + K1)
    return top_k(scores[cand], cand, k)


def top_k(values, docs, k):
    """The k largest (value, doc), ties by doc, via a partial sort."""
    if len(values) > k:
        part = np.argpartition(-values, k - 1)[:k]
        values, docs = values[part], docs[part]
    order = np.lexsort((docs, -values))
    return [(float(values[i]), int(docs[i])) for i in order[:k]]


def top_relevant(leaves, matched, terms, idf, avg_len, k):
    """The k best (global docnum, score) over all leaves."""
    top = []
    for leaf, m in zip(leaves, matched, strict=False):
        top += [(sc, leaf.offset + d) for sc, d in rank(leaf, m, terms, idf, avg_len, k)]
    top.sort(key=lambda t: (-t[0], t[1]))
    return [(d, sc) for sc, d in top[:k]]


def top_newest(leaves, matched, k):
    """The k newest (global docnum, 0.0) over all leaves."""
    top = []
    for leaf, m in zip(leaves, matched, strict=False):
        cand = np.flatnonzero(m)
        if len(cand):
            top += [(di, leaf.offset + d) for di, d in top_k(leaf.data.dates[cand], cand, k)]
    top.sort(key=lambda t: (-t[0], -t[1]))
    return [(d, 0.0) for _, d in top[:k]]


def permitted_df(leaves, allowed, term, cap=1000):
    """How many permitted live docs contain term (at most cap)."""
    n = 0
    for leaf, ok in zip(leaves, allowed, strict=False):
        ids = leaf.postings("text", term)[0]
        if len(ids):
            n += int(np.count_nonzero(ok[ids]))
            if n >= cap:
                return cap
    return n
