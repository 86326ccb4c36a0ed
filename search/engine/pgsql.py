"""SQL text and tsvector/tsquery building for the PostgreSQL backend.

Analysis happens in Python (analysis.py), not in PostgreSQL: we write the
tsvector literal ourselves so compound parts sit at the position of their
compound (weight D) and the same stems serve both engines.  PyStemmer runs
a newer Snowball Swedish than PostgreSQL 15's 'swedish' configuration (it cuts
"-et": "föreningslivet" -> "föreningsliv", PostgreSQL keeps the word), so the
query given to ts_headline('swedish', ...) matches our stems as prefixes.
"""

from . import analysis

MAX_POS = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS = 256  # ... and most positions kept per lexeme

SCHEMA = """
CREATE TABLE IF NOT EXISTS {t} (
    id text PRIMARY KEY, type text NOT NULL, title text NOT NULL,
    body text NOT NULL, date date, year int,
    organisations int[] NOT NULL DEFAULT '{{}}', agreement text, forum text,
    status text NOT NULL DEFAULT '', url text NOT NULL DEFAULT '',
    groups int[] NOT NULL DEFAULT '{{}}', public boolean NOT NULL DEFAULT false,
    version text NOT NULL, tsv tsvector NOT NULL, title_tsv tsvector NOT NULL,
    indexed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    pairs tsvector NOT NULL DEFAULT '');
ALTER TABLE {t} ADD COLUMN IF NOT EXISTS pairs tsvector NOT NULL DEFAULT '';
CREATE TABLE IF NOT EXISTS {t}_terms (term text PRIMARY KEY, ndoc int NOT NULL);
CREATE TABLE IF NOT EXISTS {t}_journal (id text NOT NULL, deleted boolean NOT NULL);
CREATE TABLE IF NOT EXISTS {t}_rebuild (started timestamptz NOT NULL);
"""
# Keep the heap narrow: body and tsv (kilobytes each) go out of line, the
# columns every match reads for counts and facets stay inline and
# uncompressed, so counting 90,000 matches reads megabytes, not the whole
# table's text.
NARROW = """
ALTER TABLE {t} SET (toast_tuple_target = 128);
ALTER TABLE {t} ALTER COLUMN type SET STORAGE PLAIN, ALTER COLUMN status SET STORAGE PLAIN,
    ALTER COLUMN agreement SET STORAGE PLAIN, ALTER COLUMN forum SET STORAGE PLAIN,
    ALTER COLUMN organisations SET STORAGE PLAIN, ALTER COLUMN groups SET STORAGE PLAIN,
    ALTER COLUMN version SET STORAGE PLAIN, ALTER COLUMN id SET STORAGE MAIN,
    ALTER COLUMN title SET STORAGE MAIN, ALTER COLUMN url SET STORAGE MAIN,
    ALTER COLUMN title_tsv SET STORAGE MAIN;
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS {t}_tsv_gin ON {t} USING gin (tsv);
CREATE INDEX IF NOT EXISTS {t}_pairs_gin ON {t} USING gin (pairs);
CREATE INDEX IF NOT EXISTS {t}_groups_gin ON {t} USING gin (groups);
CREATE INDEX IF NOT EXISTS {t}_public ON {t} (date) WHERE public;
CREATE INDEX IF NOT EXISTS {t}_date ON {t} (date);
CREATE INDEX IF NOT EXISTS {t}_terms_trgm ON {t}_terms USING gin (term gin_trgm_ops);
"""
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
