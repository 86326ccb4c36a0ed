"""A labelled set of Swedish queries over a small realistic corpus."""

import json

from tests.search.engine.conftest import FIXTURES

QUERIES = json.loads((FIXTURES / "sv_queries.json").read_text(encoding="utf-8"))


def test_labelled_queries_have_high_recall_and_the_right_top_hit(loaded, staff):
    found = expected = top_right = top_total = 0
    misses = []

    for case in QUERIES:
        hits = [h.id for h in loaded.search(case["q"], staff, per_page=50).hits]
        found += len(set(case["expect"]) & set(hits))
        expected += len(case["expect"])
        misses += [(case["q"], i) for i in case["expect"] if i not in hits]
        if case["top"]:
            top_total += 1
            top_right += bool(hits) and hits[0] == case["top"]

    assert len(QUERIES) >= 40
    assert found / expected >= 0.9, misses
    assert top_right / top_total >= 0.8, (top_right, top_total)
