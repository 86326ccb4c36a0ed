"""The one interface both engines implement, and the values it passes.

Every read takes a Viewer: the asking user's auth-group ids and whether
public documents count.  Engines apply it inside the query, so hits,
counts, facets, suggestions and autocomplete never see other documents.
"""

import abc
import datetime
from dataclasses import dataclass, field

from .documents import FACETS

SORTS = ("relevance", "date")
MAX_PER_PAGE = 100
MAX_PAGE = 500


@dataclass(frozen=True)
class Viewer:
    """Who is asking: auth-group ids, and whether public documents count."""

    groups: frozenset = frozenset()
    public: bool = True

    @classmethod
    def of(cls, groups=(), public=True):
        return cls(frozenset(int(g) for g in groups), bool(public))


@dataclass
class Hit:
    id: str
    type: str
    title: str
    url: str
    date: datetime.date | None
    snippet: str
    score: float = 0.0


@dataclass
class Results:
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name -> [(value, count)]
    suggestions: list = field(default_factory=list)
    page: int = 1
    per_page: int = 20
    error: str | None = None  # the code of a QueryError (query.py), e.g. "too_long"
    # True when facet counts were taken over a bounded sample of the matches
    # (PostgreSQL, more than pg.SAMPLE matches); the total is always exact.
    facets_partial: bool = False
    # True while a rebuild runs: the answer comes from the index as it was before.
    rebuilding: bool = False

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


def clean_filters(filters):
    """Filters as {facet: set(str)} plus date_from/date_to dates."""
    out = {}
    for key, value in (filters or {}).items():
        if key in ("date_from", "date_to"):
            if value:
                out[key] = (
                    value
                    if isinstance(value, datetime.date)
                    else datetime.date.fromisoformat(str(value))
                )
        elif key in FACETS or key == "organisation":
            key = "organisations" if key == "organisation" else key
            values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
            out[key] = {str(v) for v in values if v not in (None, "")}
    return out


def clean_paging(page, per_page, sort):
    page = min(max(1, int(page or 1)), MAX_PAGE)
    per_page = min(max(1, int(per_page or 20)), MAX_PER_PAGE)
    return page, per_page, sort if sort in SORTS else "relevance"


class SearchBackend(abc.ABC):
    """What the Django app calls; see REPORT.md for when to call what."""

    @abc.abstractmethod
    def update(self, docs):
        """Add or replace documents (by id); visible to the next search."""

    @abc.abstractmethod
    def delete(self, ids):
        """Remove documents by id; unknown ids are ignored."""

    @abc.abstractmethod
    def delete_prefix(self, prefix):
        """Remove every document whose id starts with prefix (a record's sections)."""

    def replace(self, prefixes, docs):
        """Remove every document under `prefixes` and add `docs`: at once where the engine
        can (Whoosh: one commit); this default does it in steps."""
        for prefix in prefixes:
            self.delete_prefix(prefix)
        self.update(docs)

    def outdated(self):
        """True when the index was written for another schema and needs a rebuild."""
        return False

    @abc.abstractmethod
    def bulk_load(self, docs):
        """Index many documents fast (initial load); returns the count."""

    @abc.abstractmethod
    def rebuild(self, docs):
        """Index docs into a fresh index and swap it in; searches keep working."""

    @abc.abstractmethod
    def search(
        self,
        text,
        viewer,
        *,
        filters=None,
        sort="relevance",
        page=1,
        per_page=20,
        facets=True,
        suggest=True,
    ):
        """Return Results; never raises for bad user input (see Results.error)."""

    @abc.abstractmethod
    def autocomplete(self, prefix, viewer, limit=10):
        """Completions of prefix drawn only from documents viewer may see."""

    @abc.abstractmethod
    def status(self):
        """Dict with doc_count, size_bytes, age_seconds and engine details."""

    @abc.abstractmethod
    def iter_stored(self):
        """Yield (id, version, groups, public) of every indexed document."""

    @abc.abstractmethod
    def optimize(self):
        """Merge segments / vacuum; run off-peak, never on each commit."""

    def close(self):
        """Release files and connections."""


def get_backend(name, **options):
    """Build the configured backend ('whoosh' or 'postgres')."""
    if name == "whoosh":
        from .index import WhooshBackend

        return WhooshBackend(**options)
    if name == "postgres":
        from .pg import PostgresBackend

        return PostgresBackend(**options)
    raise ValueError(f"Unknown search backend {name!r}")
