"""The PostgreSQL backend: full-text search every app server shares.

The documents live in search.models.SearchDocument (created by migrations), written and read
on Django's connection inside Django's transactions, so a write is one atomic replace and a
dropped connection is replaced like any other of Django's. A precomputed, weighted tsvector sits
under a GIN index. Ranking with ts_rank reads each candidate's whole tsvector, which is what
made plain use slow when a user may see most records; we rank a bounded candidate set: matches
whose title matches first, then the newest (CANDIDATES rows).
"""

import datetime
import functools
import itertools
from html import escape

from django.contrib.postgres.search import SearchHeadline, SearchQueryField, SearchRank
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Func, Value
from django.db.models.functions import Greatest, Lower, StrIndex, Substr

from . import analysis, documents, pgsql
from .backend import Hit, Results, SearchBackend, clean_filters, clean_paging
from .errors import QueryError
from .query import parse, positive_terms, prefixes
from .suggest import did_you_mean

CANDIDATES = 100
WINDOW = 1200  # characters of body around the first match given to ts_headline
SAMPLE = 2000  # facets and ranking draw on at most this many matches
COPY_BATCH = 1000  # documents prepared, then copied, at a time


class TsQuery(Func):
    """A tsquery written by pgsql.tsquery, taken as it is (to_tsquery would stem it again)."""

    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()


def _reconnecting(method):
    """Run once more on a new connection when the database dropped Django's connection (a
    restart, a failover: psycopg may not know yet that the socket is dead), unless a caller's
    transaction was lost with it."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (OperationalError, InterfaceError):
            if connection.in_atomic_block:
                raise
            connection.close()  # the next query opens a new one
            return method(self, *args, **kwargs)

    return run


class PostgresBackend(SearchBackend):
    """Search in PostgreSQL; safe for many processes (row and advisory locks, MVCC)."""

    def __init__(self):
        from search.models import SearchDocument, SearchTerm

        self.documents, self.terms = SearchDocument.objects, SearchTerm.objects

    # -- writing -----------------------------------------------------------
    @_reconnecting
    def update(self, docs):
        docs = sorted((documents.prepare(d) for d in docs), key=lambda d: d["id"])
        if not docs:
            return
        rows = [pgsql.row(d) for d in docs]
        ids = [d["id"] for d in docs]
        with transaction.atomic(), connection.cursor() as cur:
            old = self._lock_and_read_terms(cur, ids)
            cur.executemany(pgsql.UPSERT, [values for values, _ in rows])
            self._count(cur, old, [terms for _, terms in rows])

    @_reconnecting
    def delete(self, ids):
        with transaction.atomic(), connection.cursor() as cur:
            self._delete(cur, sorted(str(i) for i in ids))

    @_reconnecting
    def delete_prefix(self, prefix):
        with transaction.atomic(), connection.cursor() as cur:
            ids = self.documents.filter(id__startswith=prefix).order_by("id")
            self._delete(cur, list(ids.values_list("id", flat=True)))

    def _delete(self, cur, ids):
        old = self._lock_and_read_terms(cur, ids)
        self.documents.filter(id__in=ids).delete()
        self._count(cur, old, [])

    @staticmethod
    def _lock_and_read_terms(cur, ids):
        cur.execute(pgsql.LOCK_IDS, [ids])
        cur.execute(pgsql.OLD_TERMS, [ids])
        return [term for (term,) in cur.fetchall()]

    @staticmethod
    def _count(cur, removed, added):
        """Document frequencies after a write: -1 per removed document's term, +1 per added."""
        delta = {}
        for term in removed:
            delta[term] = delta.get(term, 0) - 1
        for terms in added:
            for term in terms:
                delta[term] = delta.get(term, 0) + 1
        changed = sorted(t for t, n in delta.items() if n)
        cur.execute(pgsql.COUNT_TERMS, [changed, [delta[t] for t in changed]])
        cur.execute(pgsql.DROP_UNUSED_TERMS, [sorted(removed)])

    def bulk_load(self, docs):
        """COPY rows in, in one transaction; returns the count."""
        with transaction.atomic():
            count = self._copy(docs)
        self.optimize()
        return count

    def _copy(self, docs):
        """COPY in batches: `docs` may read records on this same connection, which cannot
        run another statement while a COPY is open."""
        count, df = 0, {}
        with connection.cursor() as cur:
            for batch in _batches(docs, COPY_BATCH):
                rows = [pgsql.row(documents.prepare(doc)) for doc in batch]
                with cur.copy(pgsql.COPY) as copy:
                    for values, terms in rows:
                        copy.write_row(values)
                        for term in terms:
                            df[term] = df.get(term, 0) + 1
                count += len(rows)
            terms = sorted(df)
            cur.execute(pgsql.COUNT_TERMS, [terms, [df[t] for t in terms]])
        return count

    def rebuild(self, docs):
        """Replace every document in one transaction: searches read the old documents until it
        commits, and a rebuild killed halfway leaves them serving. Saves made meanwhile wait for
        the commit, then apply on top (LOCK_IDS, row locks)."""
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(pgsql.LOCK_REBUILD)
            self.documents.all().delete()
            self.terms.all().delete()
            count = self._copy(docs)
        self.optimize()
        return count

    def optimize(self):
        if not connection.in_atomic_block:  # VACUUM cannot run inside a transaction
            with connection.cursor() as cur:
                cur.execute(pgsql.ANALYZE)

    # -- reading -----------------------------------------------------------
    @_reconnecting
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
        page, per_page, sort = clean_paging(page, per_page, sort)
        res = Results(page=page, per_page=per_page)
        try:
            node = parse(text)
        except QueryError as exc:
            res.error = str(exc)
            return res
        with transaction.atomic(), connection.cursor() as cur:
            # The GIN index, never a scan that reads every tsvector; enough
            # memory that bitmaps stay exact (lossy pages force rechecks).
            cur.execute(pgsql.WORK_MEM)
            rows, text_node = self._matches(
                cur, node, viewer, filters, sort, page * per_page, facets
            )
            res.total, res.facets = _facets([r for r in rows if r[0] != "hit"])
            candidates = [r[1] for r in sorted((r for r in rows if r[0] == "hit"), key=_ordinal)]
            res.hits = self._page(candidates, text_node, sort, page, per_page)
        res.facets_partial = facets and res.total > SAMPLE
        if suggest and res.total == 0:
            res.suggestions = self._did_you_mean(text, viewer)
        return res

    @staticmethod
    def _matches(cur, node, viewer, filters, sort, k, facets):
        """Rows of the total, the facets and the candidate ids (see pgsql.search)."""
        params = []
        conds = [pgsql.match_sql(node, viewer, params)]
        filters = clean_filters(filters)
        for key, values in filters.items():
            if key in documents.FACETS:
                conds.append(pgsql.filter_sql(key, values, params))
        for key, op in (("date_from", ">="), ("date_to", "<=")):
            if filters.get(key):
                params.append(filters[key])
                conds.append(f"date {op} %s")
        text_node = _text_only(node)
        if sort == "date" or text_node is None:
            order = {"by_date": k}
        else:
            order = {"by_title": (pgsql.tsquery(text_node) or "''", max(CANDIDATES, k))}
        statement, args = pgsql.search(
            " AND ".join(conds), params, sample=SAMPLE, facets=facets, **order
        )
        cur.execute(statement, args)
        return cur.fetchall(), text_node

    def _page(self, candidates, text_node, sort, page, per_page):
        """The page's hits: candidates ranked by ts_rank (or kept in date order), each with a
        headline from a window around the first searched stem (ts_headline parses all it is
        given; PostgreSQL computes it after the LIMIT, for the page only)."""
        offset = (page - 1) * per_page
        stems = positive_terms(text_node) if text_node else []
        first = stems[0] if stems else (prefixes(text_node)[0] if text_node else "")
        plain = (pgsql.tsquery(text_node, weights=False) if text_node else None) or "''"
        start = Greatest(Value(1), StrIndex(Lower("body"), Value(first)) - WINDOW // 4)
        hits = self.documents.annotate(
            headline=SearchHeadline(
                Substr("body", start, WINDOW),
                TsQuery(Value(plain)),
                config="swedish",
                start_sel="\x01",
                stop_sel="\x02",
                max_words=35,
                min_words=15,
                max_fragments=1,
            )
        )
        columns = ("id", "type", "title", "url", "date", "headline")
        if sort == "relevance" and text_node is not None:
            query = TsQuery(Value(pgsql.tsquery(text_node) or "''"))
            ranked = hits.filter(id__in=candidates).annotate(
                rank=SearchRank(F("tsv"), query, normalization=Value(1))
            )
            ranked = ranked.order_by("-rank", "id").values_list(*columns)
            return [_hit(row) for row in ranked[offset : offset + per_page]]
        page_ids = candidates[offset : offset + per_page]
        found = {row[0]: row for row in hits.filter(id__in=page_ids).values_list(*columns)}
        return [_hit(found[i]) for i in page_ids if i in found]

    def _did_you_mean(self, text, viewer):
        params = []
        permitted = pgsql.with_permission(pgsql.PERMITTED_DF, viewer, params)

        def neighbours(stem):
            with connection.cursor() as cur:
                cur.execute(pgsql.NEIGHBOURS, [stem, stem, stem])
                return [term for (term,) in cur.fetchall()]

        def permitted_df(term):
            with connection.cursor() as cur:
                cur.execute(permitted, [f"'{term}'", *params])
                return cur.fetchone()[0]

        return did_you_mean(text, neighbours, permitted_df)

    @_reconnecting
    def autocomplete(self, prefix, viewer, limit=10):
        prefix = "".join(analysis.WORD_RE.findall((prefix or "").lower()))[:40]
        if len(prefix) < 2:
            return []
        params = [prefix + "%", limit * 5]
        statement = pgsql.with_permission(pgsql.AUTOCOMPLETE, viewer, params)
        with connection.cursor() as cur:
            cur.execute(statement, [*params, int(limit)])
            return [term for (term,) in cur.fetchall()]

    @_reconnecting
    def status(self):
        with connection.cursor() as cur:
            cur.execute(pgsql.STATUS)
            count, size, newest = cur.fetchone()
        age = (datetime.datetime.now(datetime.UTC) - newest).total_seconds() if newest else None
        return {
            "engine": "postgres",
            "table": self.documents.model._meta.db_table,
            "doc_count": count,
            "size_bytes": size,
            "age_seconds": age,
            "rebuilding": False,  # a rebuild is one transaction: nothing to see until it commits
        }

    def iter_stored(self):
        stored = self.documents.order_by("id").values_list("id", "version", "groups", "public")
        for id_, version, groups, public in stored.iterator(chunk_size=2000):
            yield id_, version, list(groups), public

    def clear(self):
        with transaction.atomic():
            self.documents.all().delete()
            self.terms.all().delete()


def _batches(items, size):
    items = iter(items)
    while batch := list(itertools.islice(items, size)):
        yield batch


def _ordinal(row):
    return row[2]


def _text_only(node):
    """The tree without facet filters and exclusions (for highlighting)."""
    kind = node[0]
    if kind in ("filter", "not"):
        return None
    if kind in ("and", "or"):
        kids = [k for k in (_text_only(c) for c in node[1]) if k is not None]
        return (kind, tuple(kids)) if len(kids) > 1 else (kids[0] if kids else None)
    return node


def _facets(rows):
    total, facets = 0, {}
    for name, value, count in rows:
        if name == "total":
            total = count
        elif name != "none" and value not in (None, ""):
            facets.setdefault(name, []).append((value, count))
    return total, {k: sorted(v, key=lambda vc: (-vc[1], vc[0]))[:20] for k, v in facets.items()}


def _hit(row):
    id_, type_, title, url, date, headline = row
    snippet = escape(headline or "").replace("\x01", "<mark>").replace("\x02", "</mark>")
    return Hit(id=id_, type=type_, title=title, url=url, date=date, snippet=snippet)
