"""Parse what a user typed into a small, engine-neutral query tree.

Both backends translate the same tree, so the syntax and its limits are
defined once.  Hostile or malformed input never raises out of the engine:
parse() raises QueryError with a code (and the limit it hit), and the
backends turn that into an empty result whose `error` is the code; the
Django app translates the code (search.service.MESSAGES).

Tree nodes are tuples:
  ("term", stem, field|None)     field None = title, text and compound parts
  ("phrase", (stem, ...), field|None)
  ("prefix", text, field|None)
  ("filter", facet, value)       exact match on a facet field
  ("not", node)
  ("and", (node, ...)) / ("or", (node, ...))
"""

import re

from . import analysis
from .errors import QueryError

MAX_CHARS = 500
MAX_CLAUSES = 12
MAX_PHRASE_WORDS = 8
MIN_PREFIX = 2
# field:value names a user may type, mapped to the facet or text field.
FILTER_FIELDS = {
    "typ": "type",
    "type": "type",
    "status": "status",
    "år": "year",
    "year": "year",
    "forum": "forum",
    "organisation": "organisations",
    "org": "organisations",
    "överenskommelse": "agreement",
    "agreement": "agreement",
}
TEXT_FIELDS = {"titel": "title", "title": "title", "text": "text"}
OR_WORDS = {"OR", "ELLER"}

_CLAUSE_RE = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')


def parse(text):
    """Return the query tree for text, or raise QueryError."""
    text = (text or "").strip()
    if len(text) > MAX_CHARS:
        raise QueryError("too_long", n=MAX_CHARS)
    groups, pending_or = [], False
    for neg, phrase, word in _CLAUSE_RE.findall(text):
        if word in OR_WORDS and not neg:
            pending_or = bool(groups)
            continue
        node = _clause(phrase, word)
        if node is None:
            continue
        node = ("not", node) if neg else node
        # An exclusion cannot be one side of OR ("-a OR b"): b starts a new group.
        if pending_or and not neg and groups[-1][0][0] != "not":
            groups[-1].append(node)
        else:
            groups.append([node])
        pending_or = False
    return _combine(groups)


def _combine(groups):
    nodes = [g[0] if len(g) == 1 else ("or", tuple(g)) for g in groups]
    if sum(len(g) for g in groups) > MAX_CLAUSES:
        raise QueryError("too_many_parts", n=MAX_CLAUSES)
    positive = [n for n in nodes if n[0] != "not"]
    if not positive:
        if nodes:
            raise QueryError("only_exclusions")
        raise QueryError("no_words")
    return positive[0] if len(nodes) == 1 else ("and", tuple(nodes))


def _clause(phrase, word):
    if phrase is not None and word == "":
        return _phrase(phrase, None)
    field = None
    if ":" in word and not word.startswith(":"):
        name, _, value = word.partition(":")
        name = name.lower()
        if name in FILTER_FIELDS and value.strip('"'):
            return ("filter", FILTER_FIELDS[name], value.strip('"'))
        if name in TEXT_FIELDS:
            field, word = TEXT_FIELDS[name], value
    if word.startswith('"'):
        return _phrase(word.strip('"'), field)
    if word.endswith("*"):
        return _prefix(word, field)
    return _words(word, field)


def _phrase(text, field):
    stems = analysis.terms(text)[:MAX_PHRASE_WORDS]
    if not stems:
        return None
    if len(stems) == 1:
        return ("term", stems[0], field)
    return ("phrase", tuple(stems), field)


def _prefix(word, field):
    raw = word.rstrip("*").lower()
    letters = "".join(analysis.WORD_RE.findall(raw))
    if len(letters) < MIN_PREFIX:
        raise QueryError("short_prefix", n=MIN_PREFIX)
    return ("prefix", letters, field)


def _words(word, field):
    # Punctuation inside a clause ("(((", "KS-2024") splits it into words
    # that must all match, as the analyzer would split them in a document.
    stems = analysis.terms(word)
    if not stems:
        return None
    nodes = tuple(("term", s, field) for s in stems)
    return nodes[0] if len(nodes) == 1 else ("and", nodes)


def positive_terms(node):
    """The stems a user asked for (for highlighting and suggestions)."""
    kind = node[0]
    if kind == "term":
        return [node[1]]
    if kind == "phrase":
        return list(node[1])
    if kind in ("and", "or"):
        return [t for child in node[1] for t in positive_terms(child)]
    return []


def prefixes(node):
    """Every prefix* in the tree, excluded ones included (they must expand too)."""
    kind = node[0]
    if kind == "prefix":
        return [node[1]]
    if kind == "not":
        return prefixes(node[1])
    if kind in ("and", "or"):
        return [p for child in node[1] for p in prefixes(child)]
    return []
