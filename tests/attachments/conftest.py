import pytest

from attachments import registry
from organisations import permissions
from organisations.models import Organisation


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """A media folder of the test's own, so 'nothing left on disk' can be checked."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def stored_files(media):
    """The files currently on disk under MEDIA_ROOT."""

    def listing():
        return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []

    return listing


def _members_only(user, organisation):
    return permissions.has_perm(user, "organisations.view_members", organisation)


def _coordinators(user, organisation):
    return permissions.has_perm(user, "organisations.manage_members", organisation)


@pytest.fixture
def members_only(monkeypatch):
    """Organisations as a record only their members (and municipal coordinators) may see."""
    monkeypatch.setitem(
        registry._registry,
        "organisations.organisation",
        registry.Registration(Organisation, _members_only, _coordinators, registry.never),
    )


@pytest.fixture
def frozen(monkeypatch):
    """Organisations as a frozen record, like approved minutes or a published revision."""
    monkeypatch.setitem(
        registry._registry,
        "organisations.organisation",
        registry.Registration(Organisation, lambda u, o: True, _coordinators, lambda o: True),
    )
