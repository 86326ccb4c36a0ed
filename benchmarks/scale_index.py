"""The scale city's search index, in minutes rather than an hour.

Every record type goes through its real adapter (search/adapters/), except the 100,000 agenda
items and forum posts: those are written as the adapters would write them, from one query each
and the forum's grants read once per forum, instead of one grants query, one URL lookup and
one Markdown rendering per record (the seeded texts hold no Markdown). The documents are the
ones the adapters write (tests/scale/ compares them), so searching them costs what searching
real ones costs.
"""

from django.urls import reverse

from dialogues.models import AgendaItem, Forum, Post
from organisations.permissions import group_ids_with_perm
from search import backends, indexing, registry

BULK = {"dialogues.agendaitem", "dialogues.post"}


def rebuild():
    """Replace the index with the city's documents; returns how many were written."""
    return backends.backend().rebuild(documents())


def documents():
    """Every document of the database, as `indexing.all_documents()` would make them."""
    for adapter in registry.adapters().values():
        if adapter.type not in BULK:
            for obj in adapter.get_queryset().iterator(chunk_size=500):
                yield from indexing.documents(adapter, obj)
    forums = {forum.pk: forum for forum in Forum.objects.all()}
    yield from _agenda_items(forums)
    yield from _posts(forums)


def _agenda_items(forums):
    viewers = {pk: group_ids_with_perm("dialogues.view_forum", f) for pk, f in forums.items()}
    meeting_urls = {}
    rows = AgendaItem.objects.values_list(
        "pk", "position", "title", "description", "presenter_id", "presenter__name",
        "outcome_type", "meeting_id", "meeting__title", "meeting__starts_at", "meeting__year",
        "meeting__number", "meeting__forum_id",
    )  # fmt: skip
    for pk, position, title, text, presenter, name, outcome, meeting, *rest in rows.iterator(
        chunk_size=2000
    ):
        meeting_title, starts, year, number, forum_id = rest
        forum = forums[forum_id]
        if meeting not in meeting_urls:
            meeting_urls[meeting] = reverse(
                "dialogues:meeting_detail", args=[forum.slug, year, number]
            )
        yield {
            "id": f"dialogues.agendaitem:{pk}#main",
            "type": "dialogues.agendaitem",
            "title": f"§{position} {title} – {meeting_title} ({forum.name})",
            "text": "\n".join(p for p in (text, name or "") if p),
            "url": f"{meeting_urls[meeting]}#agenda-item-{pk}",
            "date": starts,
            "organisations": [presenter] if presenter else [],
            "status": outcome,
            "forum": forum.pk,
            "agreement": forum.agreement_id,
            "groups": sorted(viewers[forum.pk]),
            "public": forum.is_public,
        }


def _posts(forums):
    readers = {pk: group_ids_with_perm("dialogues.view_discussion", f) for pk, f in forums.items()}
    topic_urls = {}
    rows = Post.objects.filter(hidden_at__isnull=True).values_list(
        "pk", "body", "created_at", "organisation_id", "organisation__name", "topic_id",
        "topic__title", "topic__forum_id",
    )  # fmt: skip
    for pk, body, created, organisation, name, topic, topic_title, forum_id in rows.iterator(
        chunk_size=2000
    ):
        forum = forums[forum_id]
        if topic not in topic_urls:
            topic_urls[topic] = reverse("dialogues:topic_detail", args=[forum.slug, topic])
        yield {
            "id": f"dialogues.post:{pk}#main",
            "type": "dialogues.post",
            "title": f"{topic_title} – {forum.name}",
            "text": f"{name}\n{body}",
            "url": f"{topic_urls[topic]}#post-{pk}",
            "date": created,
            "organisations": [organisation],
            "forum": forum.pk,
            "agreement": forum.agreement_id,
            "groups": sorted(readers[forum.pk]),
            "public": False,
        }
