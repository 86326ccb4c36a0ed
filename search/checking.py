"""Comparing the index with the database: what `search_index verify` and `update` find."""

import logging
from dataclasses import dataclass, field

from search import backends, indexing
from search.engine import documents as engine_documents

log = logging.getLogger(__name__)


@dataclass
class Report:
    missing: list = field(default_factory=list)  # in the database, not in the index
    stale: list = field(default_factory=list)  # indexed with other content
    wrong_permissions: list = field(default_factory=list)  # indexed with other viewers
    extra: list = field(default_factory=list)  # in the index, gone from the database
    checked: int = 0
    wanted: dict = field(default_factory=dict)  # id -> document, for repairs

    @property
    def healthy(self):
        return not (self.missing or self.stale or self.wrong_permissions or self.extra)

    def to_update(self):
        ids = self.missing + self.stale + self.wrong_permissions
        return [self.wanted[i] for i in ids]


def compare():
    """Every document the database calls for against every document stored."""
    wanted = {}
    for doc in indexing.all_documents():
        prepared = engine_documents.prepare(doc)
        wanted[prepared["id"]] = prepared
    report = Report(checked=len(wanted), wanted=wanted)
    seen = set()
    for doc_id, version, groups, public in backends.backend().iter_stored():
        seen.add(doc_id)
        doc = wanted.get(doc_id)
        if doc is None:
            report.extra.append(doc_id)
        elif set(doc["groups"]) != set(groups or ()) or doc["public"] != bool(public):
            report.wrong_permissions.append(doc_id)
        elif doc["version"] != version:
            report.stale.append(doc_id)
    report.missing = sorted(set(wanted) - seen)
    return report


def repair(report, everything=True):
    """Write what is missing or out of date; with `everything`, also remove extras."""
    engine = backends.backend()
    engine.update(report.to_update())
    if everything and report.extra:
        engine.delete(report.extra)


def verify_and_repair():
    """The nightly job: compare the index with the database and repair what differs."""
    report = compare()
    if not report.healthy:
        log.warning(
            "Search index repaired: %d missing, %d stale, %d with wrong permissions, %d extra",
            len(report.missing),
            len(report.stale),
            len(report.wrong_permissions),
            len(report.extra),
        )
        repair(report)
    return {"checked": report.checked, "healthy": report.healthy}
