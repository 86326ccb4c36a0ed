"""Every search test gets its own empty index directory and a clean queue of pending changes."""

import tempfile

import pytest
from django.conf import settings as django_settings

from search import backends, indexing, registry
from search.adapters.organisations import OrganisationAdapter
from tests.search.records import (  # noqa: F401 - fixtures for every search test
    agreement,
    drafter,
    drafting_association,
    meeting,
    members_forum,
    published,
)


@pytest.fixture(autouse=True)
def search_index(tmp_path, settings, monkeypatch):
    """An empty index per test: a directory (Whoosh) or a table (PostgreSQL)."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    indexing._local.pending = set()
    yield settings.SEARCH_INDEX_DIR
    drop_indexes()


def fresh_index(settings, monkeypatch):
    """Point the project at a new, empty index (a directory; PostgreSQL: the emptied table)."""
    settings.SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix="search-test-")
    if django_settings.SEARCH_BACKEND == "postgres":
        backends.backend().clear()


def drop_indexes():
    """Close the engines. PostgreSQL's documents are rows: rolled back with the test, or
    removed by the flush after a transactional test."""
    backends.close_all()


whoosh_only = pytest.mark.skipif(
    django_settings.SEARCH_BACKEND != "whoosh", reason="about the Whoosh index directory"
)


class PrivateOrganisationAdapter(OrganisationAdapter):
    """Test-only: organisations seen only by those who may see their member list.

    Real grants (organisations.view_members: the organisation's own groups and
    the municipal coordinators) make group filtering observable before the
    agreements and dialogues adapters exist.
    """

    view_perm = "organisations.view_members"

    def is_public(self, organisation):
        return False


@pytest.fixture
def private_organisations(monkeypatch):
    """Register organisations as private records instead of public ones."""
    adapter = PrivateOrganisationAdapter()
    monkeypatch.setattr(registry, "_registered", {adapter.type: adapter})
    return adapter
