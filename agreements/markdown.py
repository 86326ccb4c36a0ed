"""Agreement texts in Markdown: the only module that imports markdown-it-py and nh3.

Raw HTML is switched off in the parser and the output is sanitised again with
nh3, so no script, event handler, style or `javascript:` link survives even if
the parser let something through. Markdown headings are shifted one level down
(`#` renders as <h2>) because the page title is the <h1>; level-1 and level-2
headings are the text's sections and carry their anchor as id.
"""

import hashlib
import re
from dataclasses import dataclass

import nh3
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from markdown_it import MarkdownIt

SECTION_LEVELS = ("h1", "h2")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.+)$")
PREAMBLE_ANCHOR = "ingress"

_parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

_ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "s", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
}


@dataclass
class ParsedSection:
    number: str
    title: str
    anchor: str
    level: int
    position: int
    body: str

    @property
    def heading(self):
        return f"{self.number} {self.title}".strip()


def _anchor(title, number, taken):
    base = slugify(title) or slugify(number.replace(".", "-")) or "avsnitt"
    anchor, suffix = base, 2
    while anchor in taken:
        anchor, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(anchor)
    return anchor


def _headings(tokens):
    """(token index, level, line span, text) of each section heading."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in SECTION_LEVELS:
            yield index, SECTION_LEVELS.index(token.tag) + 1, token.map, tokens[index + 1].content


def split_sections(text):
    """The text's sections in order; text before the first heading is the preamble."""
    return [section for section, _ in section_spans(text)]


def section_spans(text):
    """(section, (first line, first line of its body, end line)) for each section in order;
    the line numbers index the text's lines, so an editor can cut the source apart."""
    lines = (text or "").splitlines()
    headings = list(_headings(_parser.parse(text or "")))
    sections, taken = [], {PREAMBLE_ANCHOR}
    first_line = headings[0][2][0] if headings else len(lines)
    preamble = "\n".join(lines[:first_line]).strip()
    if preamble:
        section = ParsedSection("", "", PREAMBLE_ANCHOR, 1, 0, preamble)
        sections.append((section, (0, 0, first_line)))
    ends = [span[0] for _, _, span, _ in headings[1:]] + [len(lines)] if headings else []
    for (_, level, span, heading), end in zip(headings, ends, strict=True):
        match = NUMBERED.match(heading.strip())
        number, title = match.groups() if match else ("", heading.strip())
        body = "\n".join(lines[span[1] : end]).strip()
        anchor = _anchor(title, number, taken)
        section = ParsedSection(number, title, anchor, level, len(sections), body)
        sections.append((section, (span[0], span[1], end)))
    return sections


def _shift_headings_and_set_anchors(tokens, text):
    anchors = iter(s.anchor for s in split_sections(text) if s.anchor != PREAMBLE_ANCHOR)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            is_section = token.tag in SECTION_LEVELS
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
            if token.type == "heading_open" and is_section:
                token.attrSet("id", next(anchors, ""))


def render(text):
    """Safe HTML for a Markdown text, with section anchors on the headings."""
    tokens = _parser.parse(text or "")
    _shift_headings_and_set_anchors(tokens, text or "")
    html = _parser.renderer.render(tokens, _parser.options, {})
    return mark_safe(sanitise(html))  # noqa: S308 - sanitised by nh3 just above


def sanitise(html):
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


# Bump when `render` changes its output, so cached HTML of frozen texts is rendered afresh.
RENDERING = 1


def render_cached(text):
    """`render`, once per text: a published revision and its sections never change, so their
    HTML is rendered once and then read from the cache. The key is a digest of the text
    itself, so an edited comment or a reused id can never meet another text's HTML."""
    digest = hashlib.blake2b(text.encode(), digest_size=20).hexdigest()
    return cache.get_or_set(f"agreements:html:{RENDERING}:{digest}", lambda: render(text), None)


def _plain(token):
    """An inline token's text without its formatting (for a document writer)."""
    words = (
        " " if child.type in ("softbreak", "hardbreak") else child.content
        for child in token.children or []
        if child.type in ("text", "code_inline", "softbreak", "hardbreak")
    )
    return "".join(words).strip()


def blocks(text):
    """The text as plain blocks for a document writer: [(kind, text)], kind "heading",
    "paragraph", "bullet" or "number" (formatting and links left out)."""
    result, lists = [], []
    tokens = _parser.parse(text or "")
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if token.type == "bullet_list_open" else "number")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "inline" and token.content.strip():
            opener = tokens[index - 1].type
            kind = "heading" if opener == "heading_open" else (lists[-1] if lists else "paragraph")
            result.append((kind, _plain(token)))
    return result


# Private-use characters that stand for the diff's <del>/<ins> while the Markdown is rendered:
# they pass the parser and nh3 as plain text and are turned into the tags afterwards.
MARKS = {"\ue000": "<del>", "\ue001": "</del>", "\ue002": "<ins>", "\ue003": "</ins>"}
_BLOCK_MARKER = re.compile(r"^(\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*)*)")


def mark_lines(text, start, end, at_line_start):
    """`text` between two marks, line by line, with block markers (list bullets, heading
    hashes, quote signs) at the start of a line left outside, so a marked list item still
    renders as a list item."""
    pieces = []
    for index, line in enumerate(text.split("\n")):
        starts_line = index > 0 or at_line_start
        marker = _BLOCK_MARKER.match(line).group(1) if starts_line else ""
        rest = line[len(marker) :]
        pieces.append(f"{marker}{start}{rest}{end}" if rest.strip() else line)
    return "\n".join(pieces)


def render_marked(text):
    """A Markdown paragraph with the diff's marks (MARKS) as safe HTML: headings and lists
    rendered, the marks as <del>/<ins>. The result is cleaned again after the marks become
    tags, so a mark the parser put inside a link's address or across an element's end can
    only give balanced, harmless markup. Headings carry no id: a diff may show a heading twice."""
    tokens = _parser.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"  # as on the page: ### is an <h4>
    html = _parser.renderer.render(tokens, _parser.options, {})
    for mark, tag in MARKS.items():
        html = html.replace(mark, tag)
    attributes = {k: v - {"id"} for k, v in _ALLOWED_ATTRIBUTES.items()}
    html = nh3.clean(
        html,
        tags=_ALLOWED_TAGS | {"ins"},
        attributes=attributes,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(html)  # noqa: S308 - cleaned by nh3 just above
