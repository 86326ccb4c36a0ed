"""Quoted passages: where a quote sits in a section's text, and where it went in the next one.

Quotes are chosen by readers in the rendered text, so they are compared with the
section's plain text (Markdown rendered, tags stripped, whitespace collapsed), never
with the Markdown source.
"""

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import strip_tags

from agreements.markdown import render

CONTEXT = 60  # characters of context stored on each side of a quote
FUZZY_THRESHOLD = 0.75  # how alike a passage must stay to count as the same, moved or edited
_SPACE = re.compile(r"\s+")


def normalise(text):
    return _SPACE.sub(" ", text or "").strip()


def plain_text(markdown):
    """What a reader sees of a Markdown text, as one line of plain text."""
    return normalise(html.unescape(strip_tags(render(markdown))))


def context_of(quote, text):
    """(prefix, suffix) around the first occurrence of `quote` in `text`, or None if absent."""
    quote, text = normalise(quote), normalise(text)
    start = text.find(quote) if quote else -1
    if start < 0:
        return None
    end = start + len(quote)
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


@dataclass
class Match:
    text: str
    ratio: float


def best_match(quote, text):
    """The passage of `text` most like `quote` (by difflib ratio over word windows)."""
    quote, words = normalise(quote), normalise(text).split(" ")
    size = max(1, len(quote.split(" ")))
    best = Match("", 0.0)
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    for length in {max(1, size - 2), size, size + 2}:
        for start in range(max(1, len(words) - length + 1)):
            candidate = " ".join(words[start : start + length])
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() <= best.ratio or matcher.quick_ratio() <= best.ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best.ratio:
                best = Match(candidate, ratio)
    return best
