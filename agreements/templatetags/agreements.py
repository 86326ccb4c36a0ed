"""Filters for agreement pages: diff segments as HTML (as source text for an editor's
conflict, rendered Markdown for the compare page), and status labels."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from agreements.markdown import mark_lines, render_marked
from agreements.models import Agreement

register = template.Library()

TAGS = {"delete": "del", "insert": "ins"}


def _html(segments, kinds):
    parts = []
    for segment in segments:
        if segment.kind not in kinds:
            continue
        text = escape(segment.text)
        tag = TAGS.get(segment.kind)
        parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


@register.filter
def diff_old(paragraph):
    """The old side: unchanged words and deletions."""
    return _html(paragraph.segments, {"equal", "delete"})


@register.filter
def diff_new(paragraph):
    """The new side: unchanged words and insertions."""
    return _html(paragraph.segments, {"equal", "insert"})


@register.filter
def diff_inline(paragraph):
    return _html(paragraph.segments, {"equal", "delete", "insert"})


MARK_PAIRS = {"delete": ("\ue000", "\ue001"), "insert": ("\ue002", "\ue003")}


def _rendered(segments, kinds):
    """The segments' Markdown rendered (lists, headings, emphasis), changes as <del>/<ins>."""
    source = ""
    for segment in segments:
        if segment.kind not in kinds:
            continue
        if segment.kind == "equal":
            source += segment.text
        else:
            at_line_start = source == "" or source.endswith("\n")
            source += mark_lines(segment.text, *MARK_PAIRS[segment.kind], at_line_start)
    return render_marked(source)


@register.filter
def diff_old_rendered(paragraph):
    return _rendered(paragraph.segments, {"equal", "delete"})


@register.filter
def diff_new_rendered(paragraph):
    return _rendered(paragraph.segments, {"equal", "insert"})


@register.filter
def diff_inline_rendered(paragraph):
    return _rendered(paragraph.segments, {"equal", "delete", "insert"})


@register.filter
def status_label(value):
    try:
        return Agreement.Status(value).label
    except ValueError:
        return value
