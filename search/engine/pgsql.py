"""The PostgreSQL engine's SQL: the one module that writes SQL text, always with parameters.

The tables come from migrations (search/models.py). Statements whose shape depends on the
query (the match condition, filters) are composed with psycopg's `sql` module from fragments
this module writes; every value is a parameter.

Analysis happens in Python (analysis.py), not in PostgreSQL: we write the tsvector literal
ourselves so compound parts sit at the position of their compound (weight D) and the same stems
serve both engines.  PyStemmer runs a newer Snowball Swedish than PostgreSQL 15's 'swedish'
configuration (it cuts "-et": "föreningslivet" -> "föreningsliv", PostgreSQL keeps the word),
so the query given to ts_headline('swedish', ...) matches our stems as prefixes.
"""

from psycopg import sql

from . import analysis

MAX_POS = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS = 256  # ... and most positions kept per lexeme


UPSERT = sql.SQL(
    "INSERT INTO search_document ({cols}) VALUES ({values}) "
    "ON CONFLICT (id) DO UPDATE SET {sets}, indexed_at = clock_timestamp()"
)
COPY = sql.SQL("COPY search_document ({cols}) FROM STDIN")
# One writer per document id at a time (a new id has no row to lock yet); ids come sorted.
LOCK_IDS = "SELECT pg_advisory_xact_lock(hashtextextended(id, 0)) FROM unnest(%s::text[]) id"
LOCK_REBUILD = "SELECT pg_advisory_xact_lock(hashtextextended('search_document rebuild', 0))"
OLD_TERMS = (
    "SELECT lexeme FROM search_document, unnest(tsv) WHERE id = ANY(%s) AND left(lexeme, 1) <> '_'"
)
# Added and removed document frequencies in one statement, terms sorted, so concurrent
# writers lock term rows in the same order; terms no document holds any more go.
COUNT_TERMS = (
    "INSERT INTO search_term SELECT * FROM unnest(%s::text[], %s::int[]) "
    "ON CONFLICT (term) DO UPDATE SET ndoc = search_term.ndoc + EXCLUDED.ndoc"
)
DROP_UNUSED_TERMS = "DELETE FROM search_term WHERE term = ANY(%s) AND ndoc <= 0"
ANALYZE = "VACUUM (ANALYZE) search_document"
WORK_MEM = "SET LOCAL work_mem = '64MB'; SET LOCAL enable_seqscan = off"
NEIGHBOURS = (
    "SELECT term FROM search_term WHERE term %% %s AND term <> %s "
    "ORDER BY similarity(term, %s) DESC, ndoc DESC LIMIT 30"
)
PERMITTED_DF = sql.SQL(
    "SELECT count(*) FROM (SELECT 1 FROM search_document WHERE tsv @@ %s::tsquery "
    "AND {perm} LIMIT 1000) x"
)
# A term is offered only if a permitted document contains it.
AUTOCOMPLETE = sql.SQL(
    "SELECT t.term FROM (SELECT term, ndoc FROM search_term WHERE term LIKE %s "
    "ORDER BY ndoc DESC LIMIT %s) t WHERE EXISTS (SELECT 1 FROM search_document d "
    "WHERE d.tsv @@ quote_literal(t.term)::tsquery AND {perm}) "
    "ORDER BY t.ndoc DESC, t.term LIMIT %s"
)
STATUS = (
    "SELECT count(*), pg_total_relation_size('search_document'), max(indexed_at) "
    "FROM search_document"
)

COLUMNS = (
    "id",
    "type",
    "title",
    "body",
    "date",
    "year",
    "organisations",
    "agreement",
    "forum",
    "status",
    "url",
    "groups",
    "public",
    "version",
    "tsv",
    "title_tsv",
    "pairs",
)


def row(doc):
    """(column values in COLUMNS order, the set of index terms) of a prepared document."""
    tsv, title_tsv, pairs, terms = tsvectors(
        doc["title"], doc["text"], acl_lexemes(doc["groups"], doc["public"])
    )
    values = (
        doc["id"],
        doc["type"],
        doc["title"],
        doc["text"],
        doc["date"],
        doc["year"],
        doc["organisations"],
        doc["agreement"],
        doc["forum"],
        doc["status"],
        doc["url"],
        doc["groups"],
        doc["public"],
        doc["version"],
        tsv,
        title_tsv,
        pairs,
    )
    return values, terms


def tsvectors(title, text, acl=()):
    """(tsv, title_tsv, pairs) literals of a document (see tsvector), and its terms.

    tsv and pairs also hold the document's access lexemes (acl_lexemes), so
    "these words, and visible to one of these groups" is one GIN lookup:
    exact, with no row read to count the matches.
    """
    pair_set, pos = set(), {}
    tsv = tsvector(title, text, pair_set, pos)
    access = " ".join(f"'{a}'" for a in acl)
    pairs = " ".join(f"'{p}'" for p in sorted(pair_set))
    return (
        (tsv + " " + access).strip(),
        tsvector(title, ""),
        (pairs + " " + access).strip(),
        set(pos),
    )


def acl_lexemes(groups, public):
    """'_g12' per group, '_pub' when public: the analyser never makes a
    term with '_' (analysis.WORD_RE), so no query word can match one."""
    return [f"_g{int(g)}" for g in groups] + (["_pub"] if public else [])


def acl_query(viewer):
    """tsquery text: visible to one of the viewer's groups, or public."""
    lex = acl_lexemes(sorted(viewer.groups), viewer.public) or ["_none"]
    return "(" + " | ".join(f"'{x}'" for x in lex) + ")"


def match_sql(node, viewer, params):
    """SQL for "matches node and viewer may see it", the access lexemes
    folded into the GIN condition wherever the tree allows."""
    acl = acl_query(viewer)
    if node[0] == "phrase" and node[2] is None:
        stems = node[1]
        pairs = " & ".join(f"'{a}_{b}'" for a, b in zip(stems, stems[1:], strict=False))
        params.append(f"({pairs}) & {acl}")
        if len(stems) == 2:
            return "pairs @@ %s::tsquery"
        params.append(tsquery(node))
        return "(pairs @@ %s::tsquery AND tsv @@ %s::tsquery)"
    tsq = tsquery(node) if not _has_phrase(node) else None
    if tsq is not None:
        params.append(f"({tsq}) & {acl}")
        return "tsv @@ %s::tsquery"
    cond = condition(node, params)
    return f"({cond} AND {permission_sql(viewer, params)})"


def tsvector(title, text, pair_set=None, pos=None):
    """tsvector literal: title A, title compound parts C, text B, parts D.

    Each two adjacent words of the title or the text go into pair_set as
    "a_b": the pairs column, under its own GIN index, answers a two-word
    phrase with one lookup and no recheck of positions (which reads every
    candidate's whole tsvector); see condition().  `pos` collects each
    term's positions (its keys are the document's terms and parts).
    """
    pos = {} if pos is None else pos
    offset = _add(pos, title, 1, "A", "C", pair_set)
    _add(pos, text, offset + 1, "B", "D", pair_set)
    return " ".join(f"'{t}':{','.join(p[:MAX_POSITIONS])}" for t, p in pos.items())


def _add(pos, text, start, weight, part_weight, pair_set):
    """Add a text's terms (and compound parts, at their compound's position) from
    `start` on; returns the last position used."""
    last, prev = start - 1, None
    for p, (term, parts) in enumerate(analysis.word_entries(text)):
        last = min(start + p, MAX_POS)
        pos.setdefault(term, []).append(f"{last}{weight}")
        for part in parts:
            pos.setdefault(part, []).append(f"{last}{part_weight}")
        if pair_set is not None and prev is not None:
            pair_set.add(f"{prev}_{term}")
        prev = term
    return last


# -- queries -------------------------------------------------------------
WEIGHTS = {None: "", "title": ":AC", "text": ":BD"}
FACET_COLUMNS = {
    "type": "type",
    "year": "year::text",
    "status": "status",
    "forum": "forum",
    "agreement": "agreement",
}


def condition(node, params):
    """SQL boolean for a query tree; tsquery text is passed as parameters."""
    kind = node[0]
    if kind == "phrase" and node[2] is None:
        # Word pairs: exact for two words; longer phrases also check
        # positions, but only where every pair occurs.
        stems = node[1]
        params.append(" & ".join(f"'{a}_{b}'" for a, b in zip(stems, stems[1:], strict=False)))
        if len(stems) == 2:
            return "pairs @@ %s::tsquery"
        params.append(tsquery(node))
        return "(pairs @@ %s::tsquery AND tsv @@ %s::tsquery)"
    tsq = tsquery(node) if not _has_phrase(node) else None
    if tsq is not None:
        params.append(tsq)
        return "tsv @@ %s::tsquery"
    if kind == "filter":
        return filter_sql(node[1], [node[2]], params)
    if kind == "not":
        return f"NOT ({condition(node[1], params)})"
    joint = " AND " if kind == "and" else " OR "
    return "(" + joint.join(condition(c, params) for c in node[1]) + ")"


def tsquery(node, weights=True):
    """tsquery text for a tree without facet filters, else None.

    weights=False gives the query for ts_headline, which reads the body
    text and knows nothing of our weight classes.  It stems the body with
    PostgreSQL's own Snowball, which can keep a longer stem than PyStemmer
    ("föreningslivet" stays whole where PyStemmer gives "föreningsliv"), so
    there each stem matches as a prefix: both stems begin like the word.
    """
    kind = node[0]
    w = WEIGHTS[node[2]] if weights and kind in ("term", "prefix", "phrase") else ""
    if kind == "term":
        return f"'{node[1]}'{w}" if weights else f"'{node[1]}':*"
    if kind == "prefix":
        return f"'{node[1]}':*{w[1:]}"
    if kind == "phrase":
        w = (":AB" if node[2] is None else w[:2]) if weights else ":*"
        return "(" + " <-> ".join(f"'{s}'{w}" for s in node[1]) + ")"
    if kind == "not":
        inner = tsquery(node[1], weights)
        return None if inner is None else f"!({inner})"
    if kind in ("and", "or"):
        parts = [tsquery(c, weights) for c in node[1]]
        if None in parts:
            return None
        return "(" + (" & " if kind == "and" else " | ").join(parts) + ")"
    return None


def _has_phrase(node):
    if node[0] == "phrase":
        return node[2] is None
    if node[0] == "not":
        return _has_phrase(node[1])
    if node[0] in ("and", "or"):
        return any(_has_phrase(c) for c in node[1])
    return False


def filter_sql(key, values, params):
    if key == "organisations":
        params.append([int(v) for v in values if str(v).isdigit()])
        return "organisations && %s::int[]"
    params.append([str(v) for v in values])
    return f"{FACET_COLUMNS[key]} = ANY(%s::text[])"


def permission_sql(viewer, params):
    params.append(sorted(viewer.groups))
    return "(groups && %s::int[]" + (" OR public)" if viewer.public else ")")


# -- statements composed per query ----------------------------------------
_COLUMNS = sql.SQL(", ").join(map(sql.Identifier, COLUMNS))
UPSERT = UPSERT.format(
    cols=_COLUMNS,
    values=sql.SQL(", ").join(sql.Placeholder() * len(COLUMNS)),
    sets=sql.SQL(", ").join(
        sql.SQL("{c} = EXCLUDED.{c}").format(c=sql.Identifier(c)) for c in COLUMNS[1:]
    ),
)
COPY = COPY.format(cols=_COLUMNS)

# One pass over the sampled permitted matches feeds every facet (hashed grouping sets);
# organisations need their own unnest.
FACETS = sql.SQL(
    "SELECT CASE WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(year) = 0 THEN 'year' "
    "WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(forum) = 0 THEN 'forum' "
    "ELSE 'agreement' END, COALESCE(type, year::text, status, forum, agreement), count(*) "
    "FROM s GROUP BY GROUPING SETS ((type), (year), (status), (forum), (agreement)) "
    "UNION ALL SELECT 'organisations', o::text, n FROM (SELECT o, count(*) AS n "
    "FROM (SELECT unnest(organisations) AS o FROM s) u GROUP BY o ORDER BY n DESC, o LIMIT 20) x"
)
NO_FACETS = sql.SQL("SELECT 'none', NULL, 0 WHERE false")
BY_DATE = sql.SQL(
    "SELECT id, date FROM search_document WHERE {where} ORDER BY date DESC NULLS LAST, id LIMIT %s"
)
# Ranking reads each candidate's whole tsvector: pick a bounded set cheaply first.
BY_TITLE_THEN_DATE = sql.SQL(
    "SELECT id, date FROM s ORDER BY title_tsv @@ %s::tsquery DESC, date DESC NULLS LAST, id "
    "LIMIT %s"
)
SEARCH = sql.SQL(
    "WITH s AS MATERIALIZED (SELECT id, date, type, year, status, forum, agreement, "
    "organisations, title_tsv FROM search_document WHERE {where} LIMIT %s) "
    "SELECT 'total', NULL, count(*) FROM search_document WHERE {where} "
    "UNION ALL {facets} "
    "UNION ALL SELECT 'hit', id, row_number() OVER (ORDER BY date DESC NULLS LAST, id) "
    "FROM ({candidates}) c"
)


def search(where, params, *, sample, facets, by_date=None, by_title=None):
    """(statement, params): the total, the facet counts of the first `sample` matches and
    candidate ids, as rows (kind, value, count). Candidates are the first `by_date` matches
    by date, or `by_title` = (tsquery, n): n sampled matches, title matches first."""
    if by_date is not None:
        candidates, cparams = BY_DATE.format(where=sql.SQL(where)), [*params, by_date]
    else:
        candidates, cparams = BY_TITLE_THEN_DATE, list(by_title)
    statement = SEARCH.format(
        where=sql.SQL(where), facets=FACETS if facets else NO_FACETS, candidates=candidates
    )
    return statement, [*params, sample, *params, *cparams]


def with_permission(statement, viewer, params):
    """`statement` with its {perm} filled by the viewer's permission condition."""
    return statement.format(perm=sql.SQL(permission_sql(viewer, params)))
