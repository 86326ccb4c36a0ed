"""Results people expect (issue 20, item 4) and index writes off the request (item 3)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from search import backends, indexing, service
from search.engine.backend import Viewer
from tests.agreements.factories import consult, publish
from tests.search.conftest import whoosh_only
from tests.search.helpers import index_everything
from tests.search.records import MINUTES

pytestmark = pytest.mark.django_db


def publish_revisions(agreement, coordinator, count):
    """`count` published revisions of the same text; the last one out for consultation."""
    for _ in range(1, count):
        consult(agreement, by=coordinator)
        agreement.start_draft(by=coordinator)
    return publish(agreement, by=coordinator)


def test_a_section_found_in_three_revisions_is_one_hit_on_the_newest(agreement, coordinator):
    newest = publish_revisions(agreement, coordinator, 3)
    index_everything()

    results = service.search(coordinator, "lokalbristen")

    revisions = [f for f in results.hits if f.adapter.type == "agreements.revision"]
    assert [f.record.pk for f in revisions] == [newest.pk]
    assert sorted(revisions[0].also_in) == [1, 2]
    assert revisions[0].also_in_label == "1–2"
    assert results.total == len(results.hits) + 2  # the total counts what the engine found


def test_the_search_page_says_also_in_versions(client, agreement, coordinator):
    publish_revisions(agreement, coordinator, 3)
    index_everything()
    client.force_login(coordinator)

    page = client.get(reverse("search:search"), {"q": "lokalbristen"}, HTTP_ACCEPT_LANGUAGE="en")

    assert "also in versions 1–2" in page.text


def test_different_sections_of_revisions_stay_apart(agreement, coordinator):
    publish_revisions(agreement, coordinator, 2)
    index_everything()

    results = service.search(coordinator, "dialogforum OR lokalbristen")

    anchors = sorted(f.hit.id.partition("#")[2] for f in results.hits if f.also_in)
    assert len(anchors) == 2 and anchors[0] != anchors[1]


def test_a_minutes_paragraph_hit_lands_on_its_paragraph(client, meeting, coordinator, association):
    item = meeting.agenda_items.get(title="Lokalbrist i Norra hallen")
    item.discussion_summary = "Föreningarna saknar omklädningsrum."
    item.save()
    meeting.write_minutes(MINUTES)
    index_everything()

    urls = [
        f.hit.url
        for f in service.search(coordinator, "omklädningsrum").hits
        if f.adapter.type == "dialogues.minutes"
    ]
    client.force_login(coordinator)

    assert urls == [f"{meeting.get_absolute_url()}#paragraph-{item.pk}"]
    assert f'id="paragraph-{item.pk}"' in client.get(meeting.get_absolute_url()).text


def test_a_sync_replaces_a_records_documents_in_one_commit(published, coordinator):
    index_everything()
    engine = backends.backend()
    before = engine.status()

    indexing.sync([("agreements.revision", str(published.pk))])

    after = engine.status()
    if before.get("generation") is not None:
        assert after["generation"] == before["generation"] + 1
    assert after["doc_count"] == before["doc_count"]


@whoosh_only
def test_an_index_of_another_schema_is_rebuilt_by_a_job_and_searches_go_on(
    settings, agreement, coordinator, monkeypatch
):
    from whoosh import index
    from whoosh.fields import ID, STORED, Schema

    backends.close_all()
    engine = backends.backend()  # an empty index of the current schema
    live = engine.store.path(engine.store.live_name())
    index.create_in(str(live), Schema(id=ID(stored=True, unique=True), meta=STORED()))
    backends.close_all()
    queued = []
    from jobs import queue

    monkeypatch.setattr(queue, "enqueue", lambda job, *args: queued.append(job))

    engine = backends.backend()

    assert queued == ["search.indexing.rebuild"]
    indexing.rebuild()
    assert not engine.outdated()
    assert service.search(coordinator, "lokalbristen").total >= 1


@whoosh_only
def test_the_search_page_says_the_index_is_being_rebuilt(client, agreement, coordinator):
    index_everything()
    engine = backends.backend()
    engine.store.start_rebuild(engine.store.path(engine.store.live_name()))
    try:
        page = client.get(
            reverse("search:search"), {"q": "lokalbristen"}, HTTP_ACCEPT_LANGUAGE="en"
        )
    finally:
        engine.store.end_rebuild()

    assert "The search index is being rebuilt" in page.text


def test_search_index_optimize_keeps_every_document(published, capsys):
    index_everything()
    count = backends.backend().status()["doc_count"]

    call_command("search_index", "optimize")

    assert "Optimized" in capsys.readouterr().out
    assert backends.backend().status()["doc_count"] == count


@pytest.mark.parametrize(
    "query,message",
    [
        ("a*", "Type at least 2 letters before *."),
        ("och att", "The query has no searchable words. Try other words."),
        ("-idrott", "Give at least one search word that is not excluded."),
    ],
)
def test_engine_error_codes_become_messages_in_the_users_language(coordinator, query, message):
    from django.utils import translation

    with translation.override("en"):
        assert service.search(coordinator, query).error == message
    with translation.override("sv"):
        assert service.search(coordinator, query).error not in (None, message)


def test_an_empty_permission_set_finds_nothing_not_everything(published):
    index_everything()

    assert backends.backend().search("lokalbristen", Viewer.of([], public=False)).total == 0
