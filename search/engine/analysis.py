"""Swedish text analysis shared by every backend.

Lower-casing, Swedish stop words, Snowball stemming (PyStemmer, the C
implementation of the same algorithm PostgreSQL's 'swedish' configuration
uses, so both engines agree on lexemes) and compound splitting.

Compounds: Swedish glues words together (idrottsförening, föreningslivet).
We split a word when every part is a known word from the shipped domain
word list (searchcore/data/sv_words.txt), allowing the linking -s- and a
dropped final vowel (skola -> skolgård).  Parts are indexed as extra tokens
in a separate, lower-weighted field, so "förening" finds "föreningslivet"
while a quoted phrase still matches the main field exactly.
"""

import re
from functools import lru_cache
from pathlib import Path

import Stemmer

WORD_RE = re.compile(r"[^\W_]+")
MIN_PART = 3
# Caches grow with the vocabulary; a cap keeps a long-lived worker bounded.
_CACHE_CAP = 500_000

STOP_WORDS = frozenset(
    [
        "och",
        "det",
        "att",
        "i",
        "en",
        "jag",
        "hon",
        "som",
        "han",
        "på",
        "den",
        "med",
        "var",
        "sig",
        "för",
        "så",
        "till",
        "är",
        "men",
        "ett",
        "om",
        "hade",
        "de",
        "av",
        "icke",
        "mig",
        "du",
        "henne",
        "då",
        "sin",
        "nu",
        "har",
        "inte",
        "hans",
        "honom",
        "skulle",
        "hennes",
        "där",
        "min",
        "man",
        "ej",
        "vid",
        "kunde",
        "något",
        "från",
        "ut",
        "när",
        "efter",
        "upp",
        "vi",
        "dem",
        "vara",
        "vad",
        "över",
        "än",
        "dig",
        "kan",
        "sina",
        "här",
        "ha",
        "mot",
        "alla",
        "under",
        "någon",
        "eller",
        "allt",
        "mycket",
        "sedan",
        "ju",
        "denna",
        "själv",
        "detta",
        "åt",
        "utan",
        "varit",
        "hur",
        "ingen",
        "mitt",
        "ni",
        "bli",
        "blev",
        "oss",
        "din",
        "dessa",
        "några",
        "deras",
        "blir",
        "mina",
        "samma",
        "vilken",
        "er",
        "sådan",
        "vår",
        "blivit",
        "dess",
        "inom",
        "mellan",
        "sådant",
        "varför",
        "varje",
        "vilka",
        "ditt",
        "vem",
        "vilket",
        "sitta",
        "sådana",
        "vart",
        "dina",
        "vars",
        "vårt",
        "våra",
        "ert",
        "era",
        "vilkas",
    ]
)

_stemmer = Stemmer.Stemmer("swedish")
_norm_cache = {}


def _load_words():
    path = Path(__file__).with_name("data") / "sv_words.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


WORDS = _load_words()
STEMS = frozenset(_stemmer.stemWord(w) for w in WORDS)
# A word can be the first part of a compound as it is or without its final
# vowel (skola -> skolgård, arbete -> arbetsplats with linking s).
HEADS = frozenset(WORDS | {w[:-1] for w in WORDS if w[-1] in "aeo" and len(w) > 4})


def normalize(word):
    """Return the index term for one raw word, or None for a stop word."""
    try:
        return _norm_cache[word]
    except KeyError:
        pass
    low = word.lower()
    term = None if low in STOP_WORDS else _stemmer.stemWord(low)
    if len(_norm_cache) > _CACHE_CAP:
        _norm_cache.clear()
    _norm_cache[word] = term
    return term


def tokens(text):
    """Yield (position, startchar, endchar, term); stop words leave no gap.

    Positions are renumbered after stop-word removal so a quoted phrase with
    a stop word in it ("öppenhet och insyn") matches the same way in both
    engines.
    """
    pos = 0
    for m in WORD_RE.finditer(text):
        term = normalize(m.group())
        if term is not None:
            yield pos, m.start(), m.end(), term
            pos += 1


def terms(text):
    """The index terms of a text, in order (for queries and tsvectors)."""
    return [t[3] for t in tokens(text)]


def _is_word(part):
    return part in WORDS or _stemmer.stemWord(part) in STEMS


@lru_cache(maxsize=_CACHE_CAP)
def _split(word):
    """Split a lower-case word into known words, longest head first."""
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, rest = word[:i], word[i:]
        if head not in HEADS:
            continue
        tails = [rest]
        if rest[0] == "s" and len(rest) > MIN_PART:
            tails.append(rest[1:])  # linking -s-: förening+s+liv
        for tail in tails:
            if _is_word(tail):
                return (head, tail)
            deeper = _split(tail) if len(tail) >= 2 * MIN_PART else ()
            if deeper:
                return (head,) + deeper
    return ()


@lru_cache(maxsize=_CACHE_CAP)
def compound_parts(word):
    """Stemmed parts of a compound word, () when it is not a compound."""
    low = word.lower()
    if len(low) < 2 * MIN_PART or low in WORDS or low in STOP_WORDS:
        return ()
    parts = _split(low)
    if not parts:
        return ()
    return tuple(dict.fromkeys(_stemmer.stemWord(p) for p in parts))


def word_entries(text):
    """Yield (term, compound parts) per word of a text, stop words left out, from one
    cached look-up per word (PostgreSQL's documents; Whoosh analyses with index.swedish)."""
    info = _word_info
    for word in WORD_RE.findall(text):
        entry = info.get(word)
        if entry is None:
            entry = _info(word)
        if entry[0] is not None:
            yield entry


_word_info = {}


def _info(word):
    if len(_word_info) > _CACHE_CAP:
        _word_info.clear()
    term = normalize(word)
    entry = (term, compound_parts(word) if term is not None else ())
    _word_info[word] = entry
    return entry
