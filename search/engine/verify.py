"""Compare the index with the database (manage.py search verify)."""


def verify(backend, expected):
    """Differences between the index and expected (id, version, groups, public).

    expected comes from the database, built with the same documents.prepare
    as indexing, so versions are comparable.  Returns ids to fix:
    missing (not indexed), stale (version or visibility differs) and extra
    (indexed, no longer in the database).
    """
    want = {i: (v, sorted(g), bool(p)) for i, v, g, p in expected}
    have = {i: (v, sorted(g), bool(p)) for i, v, g, p in backend.iter_stored()}
    return {
        "missing": sorted(want.keys() - have.keys()),
        "extra": sorted(have.keys() - want.keys()),
        "stale": sorted(i for i in want.keys() & have.keys() if want[i] != have[i]),
    }
