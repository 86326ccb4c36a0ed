"""The working draft's text as sections, for editing one section at a time.

A section is its heading line and the text up to the next section heading (`#` or `##`,
as `markdown.split_sections` cuts them); the text before the first heading is the preamble.
Sections are addressed by their anchor and protected by a fingerprint of their source text,
so two people editing different sections never disturb each other, and an edit made on a
section that changed meanwhile is refused (`SectionConflict`) rather than written over it.

The functions here work on text only and raise the named errors of agreements/exceptions.py;
the verbs on `Revision` lock the draft and call them.
"""

import hashlib
from dataclasses import dataclass

from agreements import exceptions as errors
from agreements.markdown import PREAMBLE_ANCHOR, section_spans


@dataclass
class DraftSection:
    anchor: str
    heading: str  # "3.2 Föreningslivets åtaganden"; "" for the preamble
    level: int
    body: str  # the text under the heading
    text: str  # the source: heading line and body

    @property
    def is_preamble(self):
        return self.anchor == PREAMBLE_ANCHOR

    @property
    def fingerprint(self):
        return fingerprint(self.text)


def fingerprint(text):
    """A short digest of a section's source text: what the editor carries to detect a change."""
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def sections_of(body):
    """The draft's sections in order, each with its own source text."""
    lines = (body or "").splitlines()
    result = []
    for parsed, (start, body_start, end) in section_spans(body):
        result.append(
            DraftSection(
                anchor=parsed.anchor,
                heading=parsed.heading,
                level=parsed.level,
                body=_trim(lines[body_start:end]),
                text=_trim(lines[start:end]),
            )
        )
    return result


def _trim(lines):
    """The lines without blank ones at either end (indentation inside is kept)."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(line.rstrip() for line in lines)


def compose(heading, level, body):
    """A section's source from its parts; the preamble (no heading) is its body alone."""
    body = _trim((body or "").replace("\r\n", "\n").splitlines())
    if not heading:
        return body
    return f"{'#' * level} {heading.strip()}\n\n{body}".strip()


def join(texts):
    return "\n\n".join(t for t in texts if t) + "\n" if any(texts) else ""


def find(sections, anchor, base_fingerprint=None):
    """The index of the section at `anchor`, unchanged since `base_fingerprint` if given."""
    for index, section in enumerate(sections):
        if section.anchor == anchor:
            if base_fingerprint is not None and section.fingerprint != base_fingerprint:
                raise errors.SectionConflict(section)
            return index
    raise errors.SectionConflict(None)


def _checked(texts, expected_count, kept):
    """The new body, if it has exactly the sections intended: `kept` (index in the new list →
    source text) must come out unchanged, so a heading or an unclosed code block in the
    edited text cannot cut or swallow a section."""
    body = join(texts)
    sections = sections_of(body)
    if len(sections) != expected_count:
        raise errors.SectionTextSplits
    if any(sections[index].text != text for index, text in kept.items()):
        raise errors.SectionTextSplits
    return body, sections


def replace(body, anchor, base_fingerprint, heading, section_body):
    """The body with one section's text replaced; returns (body, the section's new anchor)."""
    sections = sections_of(body)
    index = find(sections, anchor, base_fingerprint)
    preamble = sections[index].is_preamble
    _check_heading(heading, preamble)
    texts = [s.text for s in sections]
    level = sections[index].level  # a section keeps its level; moving it is another step
    texts[index] = compose("" if preamble else heading, level, section_body)
    if not texts[index]:  # an emptied preamble simply goes; nothing else may vanish like this
        if not preamble:
            raise errors.SectionHeadingMissing
        kept = {i - 1: t for i, t in enumerate(texts) if i != index}
        new_body, _ = _checked(texts, len(sections) - 1, kept)
        return new_body, None
    new_body, new_sections = _checked(
        texts, len(sections), {i: t for i, t in enumerate(texts) if i != index}
    )
    edited = new_sections[index]
    if edited.is_preamble != preamble or edited.level != level:
        raise errors.SectionTextSplits
    return new_body, edited.anchor


def add(body, after, heading, level, section_body):
    """The body with a new section after the one at `after` ("" for the start, after the
    preamble); returns (body, the new section's anchor)."""
    sections = sections_of(body)
    _check_heading(heading, preamble=False)
    if level not in (1, 2):
        raise errors.SectionHeadingMissing
    at = find(sections, after) + 1 if after else _first_place(sections)
    texts = [s.text for s in sections]
    texts.insert(at, compose(heading, level, section_body))
    kept = {i: t for i, t in enumerate(texts) if i != at}
    new_body, new_sections = _checked(texts, len(sections) + 1, kept)
    return new_body, new_sections[at].anchor


def _first_place(sections):
    """Where a section goes at the beginning: after the preamble, which has no heading."""
    return 1 if sections and sections[0].is_preamble else 0


def move(body, anchor, direction):
    """The body with the section at `anchor` swapped with its neighbour ("up" or "down")."""
    sections = sections_of(body)
    index = find(sections, anchor)
    other = index - 1 if direction == "up" else index + 1
    first = _first_place(sections)
    if sections[index].is_preamble or not first <= other < len(sections):
        raise errors.SectionCannotMove
    texts = [s.text for s in sections]
    texts[index], texts[other] = texts[other], texts[index]
    new_body, _ = _checked(texts, len(sections), dict(enumerate(texts)))
    return new_body


def remove(body, anchor, base_fingerprint):
    """The body without the section at `anchor`, if it is as the remover saw it."""
    sections = sections_of(body)
    index = find(sections, anchor, base_fingerprint)
    texts = [s.text for i, s in enumerate(sections) if i != index]
    new_body, _ = _checked(texts, len(sections) - 1, dict(enumerate(texts)))
    return new_body, sections[index]


def _check_heading(heading, preamble):
    if preamble:
        return
    if not (heading or "").strip():
        raise errors.SectionHeadingMissing
    if "\n" in heading or "\r" in heading:
        raise errors.SectionHeadingMissing
