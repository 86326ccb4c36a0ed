"""Fixtures: every backend test runs on Whoosh and on PostgreSQL."""

import json
from pathlib import Path

# Adapted to the Django project: the PostgreSQL backend is tested against the test
# database of the PostgreSQL pass (DATABASE_URL=postgres://…) and skipped on SQLite; its
# documents are rows of search.models, rolled back with each test.
from pathlib import Path as _Path  # noqa: E402

import pytest
from django.db import connection as _connection  # noqa: E402

from search.engine.backend import Viewer, get_backend

POSTGRES = _connection.vendor == "postgresql"


def pytest_collection_modifyitems(items):
    # The django_db mark makes pytest-django create the test database these tests use.
    if not POSTGRES:
        return
    here = str(_Path(__file__).parent)
    for item in items:
        if str(item.fspath).startswith(here) and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)


FIXTURES = Path(__file__).parent / "fixtures"
STAFF_GROUP = 100


def make_backend(kind, tmp_path):
    if kind == "postgres" and not POSTGRES:
        pytest.skip("the PostgreSQL backend is tested in the PostgreSQL pass")
    if kind == "whoosh":
        return get_backend("whoosh", path=str(tmp_path / "index"), procs=1)
    backend = get_backend("postgres")
    # Like a new Whoosh directory, an empty index: the rows of an earlier hypothesis example
    # of the same test are still in its transaction.
    backend.clear()
    return backend


def drop(backend):
    backend.close()


@pytest.fixture(params=["whoosh", "postgres"])
def backend(request, tmp_path):
    b = make_backend(request.param, tmp_path)
    yield b
    drop(b)


@pytest.fixture
def corpus_docs():
    return json.loads((FIXTURES / "sv_corpus.json").read_text(encoding="utf-8"))


@pytest.fixture
def loaded(backend, corpus_docs):
    backend.update(corpus_docs)
    return backend


@pytest.fixture
def staff():
    return Viewer.of([STAFF_GROUP])


@pytest.fixture
def outsider():
    return Viewer.of([], public=False)


def doc(id, text, title="Titel", groups=(1,), public=False, **extra):
    """A minimal document; tests override what they are about."""
    return {
        "id": id,
        "type": extra.pop("type", "agreements.revision"),
        "title": title,
        "text": text,
        "date": extra.pop("date", "2024-05-01"),
        "groups": list(groups),
        "public": public,
        **extra,
    }
