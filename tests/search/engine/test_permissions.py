"""No hit, count, facet, suggestion or completion from an unpermitted doc.

Each document carries a unique marker word and a unique organisation, so
any leak of a hidden document shows up as its marker or its organisation.
"""

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engine.backend import Viewer
from tests.search.engine.conftest import doc, drop, make_backend

MARKERS = [
    "alfakod",
    "betakod",
    "gammakod",
    "deltakod",
    "epsilonkod",
    "zetakod",
    "etakod",
    "thetakod",
    "jotakod",
    "kappakod",
]

docs_strategy = st.lists(
    st.tuples(st.sets(st.integers(1, 6), max_size=3), st.booleans()),
    min_size=1,
    max_size=len(MARKERS),
)
viewer_strategy = st.tuples(st.sets(st.integers(1, 6), max_size=3), st.booleans())


@pytest.mark.parametrize("kind", ["whoosh", "postgres"])
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(specs=docs_strategy, asker=viewer_strategy)
def test_nothing_leaks_from_documents_the_viewer_may_not_see(kind, specs, asker):
    tmp = Path(tempfile.mkdtemp())
    backend = make_backend(kind, tmp)
    try:
        _check(backend, specs, asker)
    finally:
        drop(backend)
        shutil.rmtree(tmp, ignore_errors=True)


def _check(backend, specs, asker):
    docs = [
        doc(
            f"d:{i}",
            f"förening {MARKERS[i]} bidrag",
            title=MARKERS[i],
            groups=sorted(groups),
            public=public,
            organisations=[1000 + i],
            type=f"type{i}",
        )
        for i, (groups, public) in enumerate(specs)
    ]
    backend.update(docs)
    viewer = Viewer.of(asker[0], public=asker[1])
    visible = {
        d["id"] for d in docs if set(d["groups"]) & viewer.groups or (d["public"] and viewer.public)
    }
    hidden_markers = {MARKERS[int(i[2:])] for i in {d["id"] for d in docs} - visible}

    r = backend.search("förening", viewer, per_page=100)
    assert {h.id for h in r.hits} == visible
    assert r.total == len(visible)
    shown_orgs = {int(v) for v, _ in r.facets.get("organisations", [])}
    assert shown_orgs == {1000 + int(i[2:]) for i in visible}
    assert sum(c for _, c in r.facets.get("type", [])) == len(visible)

    for marker in hidden_markers:
        assert backend.search(marker, viewer).total == 0
        typo = backend.search(marker[:-1] + "x", viewer).suggestions
        assert not any(marker[:-3] in s for s in typo), typo
    completions = [c for m in MARKERS for c in backend.autocomplete(m[:3], viewer)]
    leaked = [c for c in completions for m in hidden_markers if c.startswith(m[:-3])]
    assert not leaked
