"""Compare two revisions: section-aware, paragraph by paragraph, word by word (difflib).

Sections are matched by anchor (which comes from the title, so renumbering keeps
it), then by number for renamed ones. A matched section whose place in the order
changed is marked moved. Inside a changed section the paragraphs are aligned,
and each replaced paragraph is diffed word by word. Everything is computed on
the Markdown source, so the reader sees exactly what was written.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Above this many tokens a paragraph pair is diffed with difflib's junk heuristic,
# which keeps pathological inputs (one huge rewritten paragraph) fast.
AUTOJUNK_ABOVE = 4000


@dataclass
class Segment:
    kind: str  # equal, delete, insert
    text: str


@dataclass
class ParagraphDiff:
    kind: str  # equal, changed, added, removed
    old: str = ""
    new: str = ""
    segments: list = field(default_factory=list)


@dataclass
class SectionDiff:
    kind: str  # unchanged, changed, added, removed
    old: object = None
    new: object = None
    moved: bool = False
    paragraphs: list = field(default_factory=list)

    @property
    def anchor(self):
        return (self.new or self.old).anchor

    @property
    def heading(self):
        return (self.new or self.old).heading

    @property
    def old_heading(self):
        return self.old.heading if self.old else ""

    @property
    def text_changed(self):
        return any(p.kind != "equal" for p in self.paragraphs)

    @property
    def renamed(self):
        return bool(self.old and self.new and self.old.heading != self.new.heading)


def split_paragraphs(text):
    return [p.strip() for p in PARAGRAPH_BREAK.split(text or "") if p.strip()]


def diff_words(old, new):
    """Word-level segments turning `old` into `new`; adjacent segments of a kind merged."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    matcher = SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > AUTOJUNK_ABOVE)
    segments = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(segments, "equal", "".join(a[i1:i2]))
            continue
        if i2 > i1:
            _append(segments, "delete", "".join(a[i1:i2]))
        if j2 > j1:
            _append(segments, "insert", "".join(b[j1:j2]))
    return segments


def _append(segments, kind, text):
    if segments and segments[-1].kind == kind:
        segments[-1].text += text
    else:
        segments.append(Segment(kind, text))


def diff_paragraphs(old_text, new_text):
    a, b = split_paragraphs(old_text), split_paragraphs(new_text)
    result = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            result += [ParagraphDiff("equal", p, p, [Segment("equal", p)]) for p in a[i1:i2]]
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for index in range(max(len(olds), len(news))):
            result.append(_paragraph(olds[index] if index < len(olds) else None,
                                     news[index] if index < len(news) else None))  # fmt: skip
    return result


def _paragraph(old, new):
    if new is None:
        return ParagraphDiff("removed", old, "", [Segment("delete", old)])
    if old is None:
        return ParagraphDiff("added", "", new, [Segment("insert", new)])
    return ParagraphDiff("changed", old, new, diff_words(old, new))


def match_sections(old, new):
    """Pairs (old or None, new) in the new order, and the old sections that were removed."""
    by_anchor = {s.anchor: s for s in old}
    matched = {id(n): by_anchor.get(n.anchor) for n in new}
    used = {id(s) for s in matched.values() if s is not None}
    by_number = {s.number: s for s in old if s.number and id(s) not in used}
    for section in new:
        if matched[id(section)] is None and section.number in by_number:
            matched[id(section)] = by_number.pop(section.number)
            used.add(id(matched[id(section)]))
    pairs = [(matched[id(n)], n) for n in new]
    return pairs, [s for s in old if id(s) not in used]


def _moved(pairs, old):
    """Anchors of matched sections outside the longest common order: those that moved."""
    position = {id(s): index for index, s in enumerate(old)}
    in_new_order = [position[id(o)] for o, _ in pairs if o is not None]
    in_old_order = sorted(in_new_order)
    kept = set()
    matcher = SequenceMatcher(None, in_old_order, in_new_order, autojunk=False)
    for block in matcher.get_matching_blocks():
        kept.update(in_old_order[block.a : block.a + block.size])
    return {index for index in in_new_order if index not in kept}


def compare(old, new):
    """SectionDiffs in reading order: the new text's sections with removed ones in place."""
    pairs, removed = match_sections(old, new)
    moved = _moved(pairs, old)
    position = {id(s): index for index, s in enumerate(old)}
    result = []
    for old_section, new_section in pairs:
        if old_section is None:
            result.append(
                SectionDiff(
                    "added", None, new_section, False, diff_paragraphs("", new_section.body)
                )
            )
            continue
        same = old_section.body == new_section.body and old_section.heading == new_section.heading
        result.append(
            SectionDiff(
                "unchanged" if same else "changed",
                old_section,
                new_section,
                position[id(old_section)] in moved,
                [] if same else diff_paragraphs(old_section.body, new_section.body),
            )
        )
    for section in removed:
        index = _insert_at(result, position, position[id(section)])
        result.insert(
            index, SectionDiff("removed", section, None, False, diff_paragraphs(section.body, ""))
        )
    return result


def _insert_at(result, position, old_index):
    """Just after the last shown section that came before `old_index` in the old text."""
    at = 0
    for index, item in enumerate(result):
        if item.old is not None and position[id(item.old)] < old_index:
            at = index + 1
    return at


def summary(sections):
    """Counts by kind, plus moved, for the page's overview."""
    counts = {"changed": 0, "added": 0, "removed": 0, "moved": 0, "unchanged": 0}
    for section in sections:
        counts[section.kind] += 1
        counts["moved"] += section.moved
    return counts
