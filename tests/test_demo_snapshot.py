"""Restoring the demo city's folders: a search never sees an index half copied."""

import shutil

import pytest
from django.contrib.auth import get_user_model

from search.engine.backend import Viewer, get_backend
from search.engine.errors import IndexCorrupt
from tests import demo_city


def make_index(path, word):
    engine = get_backend("whoosh", path=str(path), procs=1)
    engine.update(
        [
            {
                "id": "organisations.organisation:1#main",
                "type": "organisations.organisation",
                "title": "Kanotklubben",
                "text": word,
                "url": "/",
                "groups": [1],
                "public": True,
            }
        ]
    )
    engine.close()


def test_an_index_file_read_while_still_empty_is_the_error_seen(tmp_path):
    make_index(tmp_path / "index", "paddling")
    live = (tmp_path / "index" / "current").resolve()
    next(live.glob("*.seg")).write_bytes(b"")  # what a copy in progress looks like

    with pytest.raises(IndexCorrupt):
        get_backend("whoosh", path=str(tmp_path / "index"), procs=1).search(
            "paddling", Viewer.of([1])
        )


def test_the_restored_folder_appears_whole_and_the_old_one_stays_until_then(tmp_path, monkeypatch):
    make_index(tmp_path / "snapshot", "segling")
    make_index(tmp_path / "live", "paddling")
    before = sorted(p.name for p in (tmp_path / "live").iterdir())
    seen_during_copy = []
    copy = shutil.copytree

    def watched_copy(source, target, *args, **options):
        live = tmp_path / "live"
        if not seen_during_copy:
            seen_during_copy.append(sorted(p.name for p in live.iterdir()) if live.exists() else [])
        return copy(source, target, *args, **options)

    monkeypatch.setattr(shutil, "copytree", watched_copy)

    demo_city._restore_folder(tmp_path / "snapshot", tmp_path / "live")

    assert seen_during_copy == [before]  # the copy is written elsewhere
    engine = get_backend("whoosh", path=str(tmp_path / "live"), procs=1)
    assert engine.search("segling", Viewer.of([1])).total == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live", "snapshot"]


def test_permission_questions_work_after_a_restore_over_a_flushed_database(transactional_db):
    """A test database flushed between two restores gets new content-type ids; the restored
    demo brings the old ones back, and no cache may keep the flushed database's ids (guardian
    keeps its own, which once made every page of a browser story a 500)."""
    from django.core.management import call_command

    from agreements.models import Agreement
    from organisations.permissions import visible
    from tests.factories import make_organisation, make_user

    demo_city.load_demo_city()
    call_command("flush", interactive=False, verbosity=0)  # what a transactional test leaves
    someone = make_user("someone", make_organisation(name="Kanotklubben"))
    assert list(visible(someone, "agreements.view_agreement", Agreement.objects.all())) == []

    demo_city.load_demo_city()
    samordnare = get_user_model().objects.get(username="samordnare")

    assert visible(samordnare, "agreements.view_agreement", Agreement.objects.all()).exists()
