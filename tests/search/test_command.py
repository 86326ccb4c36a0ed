"""python manage.py search_index rebuild|update|verify [--fix]|status."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from search import backends
from tests.factories import make_organisation
from tests.search.conftest import whoosh_only
from tests.search.helpers import index_everything, indexed_ids, titles

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def clubs(db):
    return [make_organisation(name=f"Kanotklubb {n}", description="Paddling") for n in range(3)]


def test_rebuild_indexes_every_record_and_shows_progress(clubs):
    output = run("rebuild")

    assert "3/3 records" in output
    assert "/s, about" in output
    assert len(titles(None, "paddling")) == 3


@whoosh_only
def test_rebuild_swaps_in_a_fresh_index_while_the_old_one_answers(clubs, search_index):
    run("rebuild")
    first = (search_index / "current").resolve()

    run("rebuild")

    assert (search_index / "current").resolve() != first
    assert len(titles(None, "paddling")) == 3


def test_update_indexes_what_is_missing_and_leaves_the_rest(clubs):
    output = run("update")
    again = run("update")

    assert "Indexed 3 documents (3 missing" in output
    assert "Indexed 0 documents" in again


def test_verify_reports_a_healthy_index(clubs):
    index_everything()

    assert "The index matches the database." in run("verify")


def test_verify_finds_missing_stale_extra_and_wrong_permissions_and_fix_repairs_them(clubs):
    index_everything()
    engine = backends.backend()
    missing, stale, wrong = clubs
    engine.delete([f"organisations.organisation:{missing.pk}#main"])
    type(stale).objects.filter(pk=stale.pk).update(description="Segling")  # no signal
    type(wrong).objects.filter(pk=wrong.pk).update(is_active=False)  # no signal
    engine.update([{"id": "organisations.organisation:999999#main", "type": "x", "title": "Borta"}])

    with pytest.raises(CommandError):
        run("verify")
    output = run("verify", "--fix")

    assert "missing: 1" in output
    assert "stale: 1" in output
    assert "wrong permissions: 1" in output
    assert "extra: 1" in output
    assert "The index matches the database." in run("verify")
    assert titles(None, "segling") == ["Kanotklubb 1"]
    assert "organisations.organisation:999999#main" not in indexed_ids()


def test_status_prints_counts_size_and_age(clubs):
    index_everything()

    output = run("status")

    assert "documents: 3" in output
    assert "records in the database: 3" in output
    assert "size:" in output
    assert "last change:" in output


@whoosh_only
def test_a_corrupt_index_gives_a_clear_message_and_rebuild_recovers(clubs, search_index):
    index_everything()
    backends.close_all()
    live = (search_index / "current").resolve()
    for path in Path(live).iterdir():
        path.write_bytes(b"garbage")

    with pytest.raises(CommandError, match="search_index rebuild"):
        run("status")
    run("rebuild")

    assert len(titles(None, "paddling")) == 3


@whoosh_only
def test_the_search_page_explains_a_corrupt_index_instead_of_failing(clubs, search_index, client):
    index_everything()
    backends.close_all()
    for path in (search_index / "current").resolve().iterdir():
        path.write_bytes(b"garbage")

    response = client.get("/search/", {"q": "paddling"})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
