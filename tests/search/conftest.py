"""Every search test gets its own empty index directory and a clean queue of pending changes."""

import pytest

from search import backends, indexing, registry
from search.adapters.organisations import OrganisationAdapter


@pytest.fixture(autouse=True)
def search_index(tmp_path, settings):
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    indexing._local.pending = set()
    yield settings.SEARCH_INDEX_DIR
    backends.close_all()


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
