"""The sections of the consultation page, each rendered once and then read from the cache.

A section (its frozen text and the newest comments beside it) is cached under its id, the
language and a digest of everything it shows that can change: each comment's id, the times it
was edited or withdrawn, its answer, reply count, organisation's name and files, the
carried-over comments, the count, whether the consultation is open and on whose behalf the
reader may comment (which also decides who may attach files). The digest is computed from
plain values, so a page whose sections are all cached builds no comment objects; any change
gives a new digest, so nothing is invalidated by hand and no stale section is ever shown.
A comment's files are never frozen while anyone may change them, so a cached section never
holds the CSRF token of a "mark as superseded" form.

In front of the sections, the page's whole comment part is cached under the revision's
comments' last change (`comments_stamp`), so a page read between two changes costs a few
aggregate queries and one cache read, however many comments there are.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.template.loader import get_template
from django.utils import translation

from agreements.models import Comment
from attachments.models import Attachment
from organisations.models import Organisation

SECTION_TEMPLATE = "consultation/_section.html"
# How long an unused section stays in the cache; a changed one is never read again.
FRAGMENT_SECONDS = 24 * 60 * 60


def comment_stamps(comment_ids):
    """{comment id: (section id, what of it the page shows that can change)}."""
    rows = (
        Comment.objects.for_preview()
        .filter(pk__in=comment_ids)
        .values_list(
            "pk", "section_id", "created_at", "edited_at", "withdrawn_at", "organisation__name",
            "response__disposition", "response__responded_at", "response__reason", "reply_count",
            "author__is_active",
        )
    )  # fmt: skip
    files = {}
    for row in Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id__in=comment_ids
    ).values_list("object_id", "pk", "superseded_at", "description"):
        files.setdefault(row[0], []).append(row[1:])
    return {row[0]: (row[1], (*row, files.get(row[0]))) for row in rows}


def carried_stamp(row):
    response = row.comment.response_or_none
    answer = response and (response.disposition, response.responded_at)
    return (row.pk, row.kind, row.matched_text, row.comment.organisation.name, answer)


def section_key(revision, item, commenting_organisations, hide_names=False):
    parts = (
        hide_names,  # a public consultation's visitors see organisations, not persons
        item["section"].pk,
        revision.pk,
        revision.published_at,
        translation.get_language(),
        item["count"],
        revision.consultation_is_open,
        sorted(organisation.pk for organisation in commenting_organisations),
        item["stamps"],
        [carried_stamp(row) for row in item["carried"]],
    )
    return _key("consultation-section", parts)


def _key(name, parts):
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"agreements:{name}:{digest}"


def comments_stamp(revision):
    """The last change of what the page shows of the revision's comments and of the comments
    carried over to it: every change adds a row or sets a time to now (posting, replying,
    editing, withdrawing, answering, files), renames an organisation or removes an author
    (privacy.removal switches the account off)."""
    comments = Comment.objects.filter(revision=revision)
    carried = Comment.objects.filter(carry_overs__revision=revision)
    answers = {"answered": Count("response"), "answered_at": Max("response__responded_at")}
    files = Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id__in=comments.values("pk"),
    )
    names = Organisation.objects.filter(
        Q(agreement_comments__revision=revision)
        | Q(agreement_comments__carry_overs__revision=revision)
    )
    return (
        comments.aggregate(
            count=Count("pk"), last=Max("pk"), edited_at=Max("edited_at"),
            withdrawn=Count("withdrawn_at"), withdrawn_at=Max("withdrawn_at"), **answers,
            removed_authors=Count("pk", filter=Q(author__is_active=False)),
        ),
        carried.aggregate(count=Count("pk"), **answers),
        files.aggregate(count=Count("pk"), last=Max("pk"), superseded=Max("superseded_at")),
        sorted(names.values_list("pk", "name").distinct()),
    )  # fmt: skip


def comments_page(revision, commenting_organisations, hide_names, render):
    """The comment part of the consultation page: cached until the comments next change,
    else `render()`ed."""
    parts = (
        hide_names,  # a public consultation's visitors see organisations, not persons
        revision.pk,
        revision.published_at,
        translation.get_language(),
        revision.consultation_is_open,
        sorted(organisation.pk for organisation in commenting_organisations),
        comments_stamp(revision),
    )
    return _cached(_key("consultation-comments", parts), render)


def comment_form(revision, commenting_organisations, render):
    """The fields of the empty comment form (without its CSRF token, which the page adds):
    they depend only on the frozen sections and the organisations the reader may speak for."""
    organisations = sorted((o.pk, o.name) for o in commenting_organisations)
    parts = (revision.pk, revision.published_at, translation.get_language(), organisations)
    return _cached(_key("comment-form", parts), render)


def _cached(key, render):
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, FRAGMENT_SECONDS)
    return html


def render_sections(items, context, load_comments):
    """Fill each item's "html": from the cache, else rendered with `context` after
    `load_comments(items)` has given the missing items their "comments"."""
    found = cache.get_many([item["key"] for item in items])
    missing = [item for item in items if item["key"] not in found]
    if missing:
        load_comments(missing)
        template = get_template(SECTION_TEMPLATE)
        for item in missing:
            found[item["key"]] = template.render({**context, "item": item})
        cache.set_many({item["key"]: found[item["key"]] for item in missing}, FRAGMENT_SECONDS)
    for item in items:
        item["html"] = found[item["key"]]
