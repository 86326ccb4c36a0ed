"""Markdown to safe HTML: the only module that imports markdown-it-py and nh3.

Raw HTML in the source is not rendered by the parser, and nh3 then keeps only a
small allow-list of tags and attributes, so a post can never inject script,
styles or event handlers.
"""

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render(text):
    """Render Markdown `text` to sanitised HTML, safe to put in a template."""
    html = _parser.render(text or "")
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def _plain_inline(token):
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def blocks(text):
    """The text as plain blocks for a document writer: [(kind, text)] where kind is
    "heading", "paragraph", "bullet" or "number" (formatting and links left out)."""
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
            result.append((kind, _plain_inline(token)))
    return result
