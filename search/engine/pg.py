"""The PostgreSQL backend: full-text search every app server shares.

One table (search_document by default) holds the documents with a
precomputed, weighted tsvector under a GIN index.  Ranking with ts_rank
reads each candidate's whole tsvector, which is what made plain use slow
when a user may see most records; we rank a bounded candidate set:
matches whose title matches first, then the newest (CANDIDATES rows).
"""

import datetime
from html import escape

import psycopg

from . import documents, pgsql
from .backend import Hit, Results, SearchBackend, clean_filters, clean_paging
from .errors import QueryError
from .query import parse, positive_terms, prefixes
from .suggest import did_you_mean

CANDIDATES = 100
WINDOW = 1200  # characters of body around the first match given to ts_headline
SAMPLE = 2000  # facets and ranking draw on at most this many matches
HEADLINE = (
    'StartSel=\x01, StopSel=\x02, MaxWords=35, MinWords=15, MaxFragments=1, FragmentDelimiter=" … "'
)


class PostgresBackend(SearchBackend):
    """Search in PostgreSQL; safe for many processes (row locks, MVCC)."""

    def __init__(self, dsn, table="search_document"):
        if not table.replace("_", "").isalnum():
            raise ValueError(f"Bad table name {table!r}")
        self.dsn, self.t = dsn, table
        self.conn = psycopg.connect(dsn, autocommit=True)
        self._sql(pgsql.SCHEMA + pgsql.INDEXES)
        narrow = self._sql(
            "SELECT reloptions FROM pg_class WHERE oid = %s::regclass", (self.t,), fetch=True
        )
        if not (narrow and narrow[0][0]):
            self._sql(pgsql.NARROW)

    def _sql(self, text, params=None, fetch=False):
        with self.conn.cursor() as cur:
            cur.execute(text.format(t=self.t) if params is None else text, params)
            return cur.fetchall() if fetch else None

    # -- writing -----------------------------------------------------------
    def update(self, docs):
        docs = [documents.prepare(d) for d in docs]
        if not docs:
            return
        cols = ", ".join(pgsql.COLUMNS)
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in pgsql.COLUMNS[1:])
        sql = (
            f"INSERT INTO {self.t} ({cols}) VALUES ({', '.join(['%s'] * len(pgsql.COLUMNS))}) "
            f"ON CONFLICT (id) DO UPDATE SET {sets}, indexed_at = clock_timestamp()"
        )
        rows = [pgsql.row(d) for d in docs]
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.executemany(sql, [values for values, _ in rows])
            self._add_terms(cur, set().union(*(terms for _, terms in rows)))
            self._journal(cur, [d["id"] for d in docs], False)

    def _add_terms(self, cur, terms):
        terms = sorted(terms)
        cur.execute(
            f"INSERT INTO {self.t}_terms SELECT unnest(%s::text[]), 1 "
            f"ON CONFLICT (term) DO UPDATE SET ndoc = {self.t}_terms.ndoc + 1",
            (terms,),
        )

    def _journal(self, cur, ids, deleted):
        # Only while a rebuild runs, so the new table can catch up at swap.
        cur.execute(
            f"INSERT INTO {self.t}_journal SELECT unnest(%s::text[]), %s "
            f"WHERE EXISTS (SELECT 1 FROM {self.t}_rebuild)",
            (ids, deleted),
        )

    def delete(self, ids):
        ids = [str(i) for i in ids]
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute(f"DELETE FROM {self.t} WHERE id = ANY(%s)", (ids,))
            self._journal(cur, ids, True)

    def delete_prefix(self, prefix):
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute(f"DELETE FROM {self.t} WHERE id LIKE %s RETURNING id", (like,))
            self._journal(cur, [r[0] for r in cur.fetchall()], True)

    def bulk_load(self, docs, table=None):
        """COPY rows in (no index maintenance per row when the table is new)."""
        table, count, df = table or self.t, 0, {}
        with self.conn.transaction(), self.conn.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(pgsql.COLUMNS)}) FROM STDIN") as copy:
                for doc in docs:
                    values, terms = pgsql.row(documents.prepare(doc))
                    copy.write_row(values)
                    for term in terms:
                        df[term] = df.get(term, 0) + 1
                    count += 1
            cur.execute(
                f"INSERT INTO {self.t}_terms SELECT * FROM unnest(%s::text[], %s::int[]) "
                f"ON CONFLICT (term) DO UPDATE SET ndoc = {self.t}_terms.ndoc + EXCLUDED.ndoc",
                (list(df), list(df.values())),
            )
        self._sql(f"VACUUM (ANALYZE) {table}")  # also sets the visibility map
        return count

    def rebuild(self, docs):
        new = self.t + "_new"
        self._sql(
            f"DROP TABLE IF EXISTS {new}; "
            f"CREATE TABLE {new} (LIKE {self.t} INCLUDING DEFAULTS INCLUDING STORAGE) "
            f"WITH (toast_tuple_target = 128); "
            f"TRUNCATE {self.t}_journal; INSERT INTO {self.t}_rebuild VALUES (now())"
        )
        try:
            # Indexes are built once after COPY: far cheaper than per row.
            count = self.bulk_load(docs, table=new)
            self._sql(
                f"SET maintenance_work_mem = '1GB'; "
                f"ALTER TABLE {new} ADD CONSTRAINT {new}_pkey PRIMARY KEY (id)"
            )
            self._sql(
                pgsql.INDEXES.format(t=new).split(f"CREATE INDEX IF NOT EXISTS {new}_terms")[0]
            )
            self._swap(new)
        finally:
            self._sql(f"DELETE FROM {self.t}_rebuild; TRUNCATE {self.t}_journal")
        return count

    def _swap(self, new):
        t = self.t
        with self.conn.transaction():
            self._sql(
                f"LOCK TABLE {t} IN EXCLUSIVE MODE; "
                f"DELETE FROM {new} n USING {t}_journal j WHERE n.id = j.id; "
                f"INSERT INTO {new} SELECT * FROM {t} WHERE id IN "
                f"(SELECT id FROM {t}_journal WHERE NOT deleted) ON CONFLICT DO NOTHING; "
                f"DROP TABLE {t}; ALTER TABLE {new} RENAME TO {t}; "
                f"ALTER TABLE {t} RENAME CONSTRAINT {new}_pkey TO {t}_pkey"
            )
            for suffix in ("tsv_gin", "pairs_gin", "groups_gin", "public", "date"):
                self._sql(f"ALTER INDEX {new}_{suffix} RENAME TO {t}_{suffix}")

    def optimize(self):
        self._sql(f"VACUUM ANALYZE {self.t}")

    # -- reading -----------------------------------------------------------
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
        sql, params = self._search_sql(node, viewer, clean_filters(filters), sort, page, per_page)
        if not facets:
            sql = sql.replace("{facets}", _TOTAL_ONLY)
        with self.conn.transaction(), self.conn.cursor() as cur:
            # The GIN index, never a scan that reads every tsvector; enough
            # memory that bitmaps stay exact (lossy pages force rechecks).
            cur.execute("SET LOCAL work_mem = '64MB'; SET LOCAL enable_seqscan = off")
            cur.execute(sql.replace("{facets}", _FACETS), params)
            rows = cur.fetchall()
        res.total, res.facets = _facets([r[:3] for r in rows if r[0] != "hit"])
        res.facets_partial = facets and res.total > SAMPLE
        hits = sorted((r for r in rows if r[0] == "hit"), key=lambda r: r[2])
        res.hits = [_hit(r[1:2] + r[3:]) for r in hits]
        if suggest and res.total == 0:
            res.suggestions = self._did_you_mean(text, viewer)
        return res

    def _search_sql(self, node, viewer, filters, sort, page, per_page):
        """One statement: total, facets and the page of hits.

        The words and the viewer's access lexemes form one GIN condition
        (pgsql.match_sql), exact for plain words, so the total is counted
        from the index without reading rows.  Facets and ranking draw on a
        bounded sample: the first SAMPLE matches (all of them when there
        are fewer; Results.facets_partial says when not).  Ranking reads the
        tsvector of at most CANDIDATES of those, picked in a cheap order
        (title matches first, then the newest).  Sorting by date orders all
        matches by the date column.
        """
        t, params = self.t, []
        match = pgsql.match_sql(node, viewer, params)
        conds, fparams = [], []
        for key, values in filters.items():
            if key in documents.FACETS:
                conds.append(pgsql.filter_sql(key, values, fparams))
        if filters.get("date_from"):
            fparams.append(filters["date_from"])
            conds.append("date >= %s")
        if filters.get("date_to"):
            fparams.append(filters["date_to"])
            conds.append("date <= %s")
        where = " AND ".join([match] + conds)
        wparams = params + fparams
        text_node = _text_only(node)
        hq = (pgsql.tsquery(text_node) if text_node else None) or "''"
        plain = (pgsql.tsquery(text_node, weights=False) if text_node else None) or ""
        offset, k = (page - 1) * per_page, page * per_page
        if sort == "date" or text_node is None:
            cand = f"SELECT id, date FROM {t} WHERE {where} ORDER BY date DESC NULLS LAST, id LIMIT {k}"
            top = "SELECT id, row_number() OVER (ORDER BY date DESC NULLS LAST, id) AS ord FROM c"
            cand_args, top_args = list(wparams), []
        else:
            cand = (
                "SELECT id, date FROM s ORDER BY title_tsv @@ %s::tsquery DESC, "
                f"date DESC NULLS LAST, id LIMIT {max(CANDIDATES, k)}"
            )
            top = (
                "SELECT c.id, row_number() OVER (ORDER BY ts_rank(d.tsv, %s::tsquery, 1) DESC, "
                f"c.id) AS ord FROM c JOIN {t} d USING (id)"
            )
            cand_args, top_args = [hq], [hq]
        sql = (
            f"WITH s AS MATERIALIZED (SELECT id, date, type, year, status, forum, agreement, "
            f"organisations, title_tsv FROM {t} WHERE {where} LIMIT {SAMPLE}), "
            f"c AS ({cand}), top AS ({top}) "
            f"SELECT 'total', NULL, count(*){_PAD} FROM {t} WHERE {where} "
            "UNION ALL {facets} UNION ALL "
            f"SELECT 'hit', d.id, top.ord::bigint, d.type, d.title, d.url, d.date, "
            # ts_headline parses the whole text it is given: give it a window
            # around the first literal occurrence of a searched stem.
            f"ts_headline('swedish', substr(d.body, greatest(1, "
            f"strpos(lower(d.body), %s) - {WINDOW // 4}), {WINDOW}), %s::tsquery, %s) "
            f"FROM top JOIN {t} d USING (id) WHERE top.ord > %s AND top.ord <= %s"
        )
        stems = positive_terms(text_node) if text_node else []
        first = stems[0] if stems else (prefixes(text_node)[0] if text_node else "")
        args = wparams + cand_args + top_args + wparams + [first, plain, HEADLINE, offset, k]
        return sql, args

    def _did_you_mean(self, text, viewer):
        params = []
        perm = pgsql.permission_sql(viewer, params)

        def neighbours(stem):
            return [
                r[0]
                for r in self._sql(
                    f"SELECT term FROM {self.t}_terms WHERE term %% %s AND term <> %s "
                    f"ORDER BY similarity(term, %s) DESC, ndoc DESC LIMIT 30",
                    (stem, stem, stem),
                    fetch=True,
                )
            ]

        def permitted_df(term):
            rows = self._sql(
                f"SELECT count(*) FROM (SELECT 1 FROM {self.t} WHERE "
                f"tsv @@ %s::tsquery AND {perm} LIMIT 1000) x",
                [f"'{term}'"] + params,
                fetch=True,
            )
            return rows[0][0]

        return did_you_mean(text, neighbours, permitted_df)

    def autocomplete(self, prefix, viewer, limit=10):
        from . import analysis

        prefix = "".join(analysis.WORD_RE.findall((prefix or "").lower()))[:40]
        if len(prefix) < 2:
            return []
        params = [prefix + "%"]
        perm = pgsql.permission_sql(viewer, params)
        # A term is offered only if a permitted document contains it.
        rows = self._sql(
            f"SELECT t.term FROM (SELECT term, ndoc FROM {self.t}_terms WHERE term LIKE %s "
            f"ORDER BY ndoc DESC LIMIT {limit * 5}) t WHERE EXISTS (SELECT 1 FROM {self.t} d "
            f"WHERE d.tsv @@ quote_literal(t.term)::tsquery AND {perm}) "
            f"ORDER BY t.ndoc DESC, t.term LIMIT {int(limit)}",
            params,
            fetch=True,
        )
        return [r[0] for r in rows]

    def status(self):
        count, size, newest = self._sql(
            f"SELECT count(*), pg_total_relation_size('{self.t}'), max(indexed_at) FROM {self.t}",
            (),
            fetch=True,
        )[0]
        age = (datetime.datetime.now(datetime.UTC) - newest).total_seconds() if newest else None
        return {
            "engine": "postgres",
            "table": self.t,
            "doc_count": count,
            "size_bytes": size,
            "age_seconds": age,
            "rebuilding": bool(self._sql(f"SELECT 1 FROM {self.t}_rebuild", (), fetch=True)),
        }

    def iter_stored(self):
        with psycopg.connect(self.dsn) as conn, conn.cursor(name="stored") as cur:
            cur.execute(f"SELECT id, version, groups, public FROM {self.t} ORDER BY id")
            for id_, version, groups, public in cur:
                yield id_, version, list(groups), public

    def clear(self):
        self._sql(f"TRUNCATE {self.t}, {self.t}_terms, {self.t}_journal")

    def close(self):
        self.conn.close()


_PAD = ", NULL, NULL, NULL, NULL::date, NULL"
_TOTAL_ONLY = f"SELECT 'none', NULL, 0{_PAD} WHERE false"
# One pass over the permitted matches feeds the total and every facet
# (hashed grouping sets); organisations need their own unnest.
_FACETS = (
    "SELECT CASE WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(year) = 0 THEN 'year' "
    "WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(forum) = 0 THEN 'forum' "
    "WHEN GROUPING(agreement) = 0 THEN 'agreement' ELSE 'sample' END, "
    f"COALESCE(type, year::text, status, forum, agreement), count(*){_PAD} FROM s "
    "GROUP BY GROUPING SETS ((type), (year), (status), (forum), (agreement), ()) "
    "UNION ALL SELECT 'organisations', o::text, n" + _PAD + " FROM (SELECT o, count(*) AS n "
    "FROM (SELECT unnest(organisations) AS o FROM s) u GROUP BY o ORDER BY n DESC, o LIMIT 20) x"
)


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
        if name in ("sample", "none"):
            continue
        if name == "total":
            total = count
        elif value not in (None, ""):
            facets.setdefault(name, []).append((value, count))
    return total, {k: sorted(v, key=lambda vc: (-vc[1], vc[0]))[:20] for k, v in facets.items()}


def _hit(row):
    id_, type_, title, url, date, headline = row
    snippet = escape(headline or "").replace("\x01", "<mark>").replace("\x02", "</mark>")
    return Hit(id=id_, type=type_, title=title, url=url, date=date, snippet=snippet)
