"""Quoted passages: where a quote sits in a section's text, and where it went in the next one.

Quotes are chosen by readers in the rendered text, so they are compared with the
section's plain text (Markdown rendered, tags stripped, whitespace collapsed), never
with the Markdown source.
"""

import heapq
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


SHORTLIST = 8  # windows most alike in words that are then compared letter by letter
STEM = 5  # letters of a word compared when shortlisting, so inflected forms still match


def best_match(quote, text, floor=0.0):
    """The passage of `text` most like `quote`: a window of about as many words.

    Comparing every window letter by letter (difflib's ratio) took seconds per quote in a
    long agreement, so the windows are first ranked by the word beginnings they share with
    the quote, and only the best few are compared letter by letter, which forgives small
    edits. Only passages more alike than `floor` count; with none, the match is empty with
    ratio 0. Of equally alike windows the first in the text wins.
    """
    quote, words = normalise(quote), normalise(text).split(" ")
    stems = [word[:STEM].lower() for word in words]
    quote_stems = [word[:STEM].lower() for word in quote.split(" ")]
    size = len(quote_stems)
    by_words = SequenceMatcher(autojunk=False)
    by_words.set_seq2(quote_stems)
    ranked, top = [], [0.0] * SHORTLIST  # top: the best ratios so far, a min-heap
    for length in sorted({max(1, size - 2), size, size + 2}):
        for start in range(max(1, len(words) - length + 1)):
            by_words.set_seq1(stems[start : start + length])
            # quick_ratio bounds ratio from above: a window below the shortlist's
            # weakest so far can never make it, so its full ratio is not computed.
            if by_words.quick_ratio() < top[0]:
                continue
            ratio = by_words.ratio()
            heapq.heappushpop(top, ratio)
            ranked.append((-ratio, start, length))
    by_letters = SequenceMatcher(autojunk=False)
    by_letters.set_seq2(quote)
    best, best_at = Match("", 0.0), None
    for _, start, length in sorted(ranked)[:SHORTLIST]:
        candidate = " ".join(words[start : start + length])
        by_letters.set_seq1(candidate)
        if by_letters.real_quick_ratio() <= max(best.ratio, floor):
            continue
        ratio = by_letters.ratio()
        if ratio > max(best.ratio, floor) or (ratio == best.ratio and (start, length) < best_at):
            best, best_at = Match(candidate, ratio), (start, length)
    return best


def likeness(old, new):
    """How alike two long texts are (0 to 1), word by word: a section's old and new text."""
    return SequenceMatcher(None, normalise(old).split(" "), normalise(new).split(" ")).ratio()
