"""Set algebra over one index segment: matches, permissions, filters, facets.

Counting and faceting never score: each segment ("leaf") answers with
plain Python sets of its document numbers, built from postings at C speed,
so the cost of a common word is a set build, not a scoring loop.  The leaf
object (index.py) supplies ids(field, term), phrase(), values(field),
column(field) and deleted; this module holds no engine imports.
"""

from collections import Counter
from heapq import nlargest
from itertools import chain

from .documents import FACETS

TEXT_FIELDS = ("title", "text", "parts")


def evaluate(node, leaf, expansions):
    """Local docnums in leaf matching node (deleted docs not yet removed)."""
    kind = node[0]
    if kind == "term":
        fields = (node[2],) if node[2] else TEXT_FIELDS
        return set().union(*(leaf.ids(f, node[1]) for f in fields))
    if kind == "prefix":
        fields = (node[2],) if node[2] else TEXT_FIELDS
        words = expansions.get(node[1], ())
        return set().union(*(leaf.ids(f, w) for f in fields for w in words))
    if kind == "phrase":
        return leaf.phrase(node[1], node[2] or "text")
    if kind == "filter":
        return set(leaf.values(node[1]).get(node[2], ()))
    if kind == "or":
        return set().union(*(evaluate(c, leaf, expansions) for c in node[1]))
    if kind == "and":
        return _and(node[1], leaf, expansions)
    raise ValueError(f"Unexpected node {kind}")


def _and(children, leaf, expansions):
    pos = [c for c in children if c[0] != "not"]
    result = None
    for child in pos:
        found = evaluate(child, leaf, expansions)
        result = found if result is None else result & found
        if not result:
            return set()
    for child in children:
        if child[0] == "not":
            result -= evaluate(child[1], leaf, expansions)
    return result


def leaf_matches(leaf, node, viewer, filters, expansions):
    """Live, permitted, filtered docnums of one leaf matching node."""
    m = evaluate(node, leaf, expansions)
    if m:
        m = set(m) - leaf.deleted
        m &= permitted(leaf, viewer)
        m = apply_filters(m, leaf, filters)
    return m


def permitted(leaf, viewer):
    """Docnums the viewer may see: any of their groups, or public."""
    groups = leaf.values("groups")
    sets = [groups[str(g)] for g in viewer.groups if str(g) in groups]
    if viewer.public:
        sets.append(leaf.values("public").get("1", frozenset()))
    return set().union(*sets)


def apply_filters(matches, leaf, filters):
    """Narrow matches by facet values and an inclusive date range."""
    for key, wanted in filters.items():
        if key in FACETS:
            values = leaf.values(key)
            matches = matches & set().union(*(values.get(v, ()) for v in wanted))
    lo, hi = filters.get("date_from"), filters.get("date_to")
    if lo or hi:
        lo_i = _dateint(lo) if lo else 0
        hi_i = _dateint(hi) if hi else 99991231
        dates = leaf.column("date")
        matches = {d for d in matches if lo_i <= dates[d] <= hi_i}
    return matches


def count_facets(leaf, matches, counters):
    """Add this leaf's facet counts over matches into counters."""
    for name in FACETS:
        col = leaf.column(name)
        values = map(col.__getitem__, matches)
        if name == "organisations":
            values = chain.from_iterable(values)
        counters.setdefault(name, Counter()).update(values)


def finish_facets(counters, limit=20):
    """[(value, count)] per facet, most common first, without blanks."""
    out = {}
    for name, counter in counters.items():
        counter.pop(None, None)
        counter.pop("", None)
        out[name] = counter.most_common(limit)
    return out


def newest(leaf, matches, k):
    """The k newest matches of a leaf as (dateint, local docnum)."""
    dates = leaf.column("date")
    return nlargest(k, ((dates[d], d) for d in matches))


def _dateint(d):
    return d.year * 10000 + d.month * 100 + d.day


# -- ranking ---------------------------------------------------------------
# BM25 over plain dicts: a Whoosh matcher costs ~20-50 µs per scored
# document in Python; dict lookups over the permitted matches cost < 1 µs.
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
    """The k best (score, local docnum) of matches."""
    scores = dict.fromkeys(matches, 0.0)
    lengths = leaf.column("text_length")
    for field, term in terms:
        tf = leaf.weights(field, term)
        if not tf:
            continue
        w = FIELD_WEIGHTS[field] * idf(field, term) * (K1 + 1)
        common = tf.keys() & scores.keys()
        if field == "text":
            norm = K1 * (1 - B)
            scale = K1 * B / max(avg_len, 1.0)
            for d in common:
                t = tf[d]
                scores[d] += w * t / (t + norm + scale * lengths[d])
        else:
            for d in common:
                t = tf[d]
                scores[d] += w * t / (t + K1)
    return nlargest(k, ((s, d) for d, s in scores.items()))


def top_relevant(leaves, matched, terms, idf, avg_len, k):
    """The k best (global docnum, score) over all leaves."""
    top = []
    for leaf, m in zip(leaves, matched, strict=False):
        if m:
            top += [(sc, leaf.offset + d) for sc, d in rank(leaf, m, terms, idf, avg_len, k)]
    top.sort(key=lambda t: (-t[0], t[1]))
    return [(d, sc) for sc, d in top[:k]]


def top_newest(leaves, matched, k):
    """The k newest (global docnum, 0.0) over all leaves."""
    top = []
    for leaf, m in zip(leaves, matched, strict=False):
        top += [(di, leaf.offset + d) for di, d in newest(leaf, m, k)]
    top.sort(reverse=True)
    return [(d, 0.0) for _, d in top[:k]]


def permitted_df(leaves, allowed, term, cap=1000):
    """How many permitted live docs contain term (counting stops at cap)."""
    n = 0
    for leaf, ok in zip(leaves, allowed, strict=False):
        for d in leaf.postings("text", term):
            if d in ok and d not in leaf.deleted:
                n += 1
                if n >= cap:
                    return n
    return n


def all_of(sets):
    """Intersection of sets or dict key views."""
    sets = list(sets)
    out = set(sets[0])
    for other in sets[1:]:
        out &= other
    return out


def consecutive(poslists):
    """Whether some position p has p, p+1, ... in the successive lists."""
    starts = set(poslists[0])
    for shift, positions in enumerate(poslists[1:], 1):
        starts &= {p - shift for p in positions}
        if not starts:
            return False
    return True
