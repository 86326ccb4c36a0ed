from search.engine import documents
from search.engine.verify import verify
from tests.search.engine.conftest import doc


def test_verify_reports_missing_stale_and_extra_documents(backend):
    a, b, c = doc("a:1", "bidrag"), doc("a:2", "stöd"), doc("a:3", "lokal")
    backend.update([a, b])
    b_now = dict(b, groups=[1, 2])  # visibility changed in the database
    expected = [
        (d["id"], d["version"], d["groups"], d["public"])
        for d in map(documents.prepare, [a, b_now, c])
    ]

    diff = verify(backend, expected)

    assert diff == {"missing": ["a:3"], "extra": [], "stale": ["a:2"]}
