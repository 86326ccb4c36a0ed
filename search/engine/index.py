"""The Whoosh backend: the only module that imports whoosh, through its documented API.

Whoosh owns indexing, BM25F scoring, phrases, highlighting and facets; this
module says how Swedish is analysed (a Whoosh analyser over analysis.py), what
a document's fields are, and how the engine-neutral query tree (query.py)
becomes Whoosh query objects. The permission filter is a query whose matching
documents are cached per searcher and passed as `filter=`.

Directory layout (generations, the atomic swap, the rebuild journal) lives in
store.py; inside a generation is a plain Whoosh index that stock Whoosh opens.
"""

import multiprocessing
import threading
import time
from html import escape

from whoosh import highlight, index, scoring, sorting
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.query import And, Not, NullQuery, NumericRange, Or, Phrase, Prefix, Term

from . import analysis, documents, locking, suggest
from .backend import Hit, Results, SearchBackend, clean_filters, clean_paging
from .errors import IndexBusy, IndexCorrupt, QueryError
from .query import parse, positive_terms, prefixes
from .store import Store

PREFIX_TERMS = 10  # a prefix expands to at most this many terms
PREFIX_SCAN = 2000  # ... chosen among at most this many candidates
PARTS_BOOST = 0.4  # compound parts count less than whole words
MAX_SMALL_SEGMENTS = 10  # Whoosh's MERGE_SMALL merges small segments as they pile up
TEXT_FIELDS = ("title", "text", "parts")
FACET_FIELDS = ("type", "year", "status", "forum", "agreement", "organisations")
SNIPPET_CHARS = 220
VIEWERS_PER_SEARCHER = 64  # permission sets (and facet lists) cached per open searcher


class SwedishFilter(Filter):
    """Snowball stem and compound parts (analysis.py) as a Whoosh filter.

    kind "text": the word's stem; "parts": the parts of a compound word, at the
    compound's position and characters; "title": both.
    """

    def __init__(self, kind="text"):
        self.kind = kind

    def __call__(self, tokens):
        whole, parts = self.kind != "parts", self.kind != "text"
        for t in tokens:
            if t.stopped:
                yield t
                continue
            word = t.text
            if whole:
                t.text = analysis.normalize(word)
                yield t
            if parts:
                for part in analysis.compound_parts(word):
                    t.text = part
                    yield t


def swedish(kind):
    """The Whoosh analyser of one text field: words, lower case, stop words, then Swedish."""
    return (
        RegexTokenizer(analysis.WORD_RE.pattern)
        | LowercaseFilter()
        | StopFilter(stoplist=analysis.STOP_WORDS, minsize=1, renumber=True)
        | SwedishFilter(kind)
    )


def make_schema():
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=swedish("title"), field_boost=2.0),
        text=TEXT(analyzer=swedish("text"), stored=True, phrase=True),
        parts=TEXT(analyzer=swedish("parts"), field_boost=PARTS_BOOST),
        type=ID(sortable=True),
        year=ID(sortable=True),
        status=ID(sortable=True),
        forum=ID(sortable=True),
        agreement=ID(sortable=True),
        organisations=KEYWORD(),
        groups=KEYWORD(),
        public=ID(),
        date=NUMERIC(int, bits=32, sortable=True, default=0),
        meta=STORED(),
    )


def signature(schema):
    """What makes two schemas index alike (Whoosh's columns do not compare by value)."""
    return {
        name: (
            type(field),
            field.analyzer,
            type(field.format),
            field.format and field.format.field_boost,
            field.stored,
            field.unique,
            type(field.column_type),
        )
        for name, field in schema.items()
    }


def to_fields(doc):
    """Whoosh field values for a prepared document (see documents.prepare)."""
    d = doc["date"]
    return {
        "id": doc["id"],
        "title": doc["title"],
        "text": doc["text"],
        "parts": doc["text"],
        "type": doc["type"],
        "year": str(doc["year"] or ""),
        "status": doc["status"],
        "forum": doc["forum"] or "",
        "agreement": doc["agreement"] or "",
        "organisations": " ".join(map(str, doc["organisations"])),
        "groups": " ".join(map(str, doc["groups"])),
        "public": "1" if doc["public"] else "0",
        "date": _dateint(d) if d else 0,
        "meta": {
            k: doc[k] for k in ("type", "title", "url", "date", "version", "groups", "public")
        },
    }


def _dateint(d):
    return d.year * 10000 + d.month * 100 + d.day


def permission_query(viewer):
    """Documents the viewer may see: public ones (if they count) or any of its groups."""
    terms = [Term("groups", str(g)) for g in sorted(viewer.groups)]
    if viewer.public:
        terms.append(Term("public", "1"))
    return Or(terms) if terms else NullQuery


def filter_query(filters):
    """Facet values (any of each facet's values) and an inclusive date range."""
    parts = [
        Or([Term(key, value) for value in sorted(values)])
        for key, values in filters.items()
        if key in FACET_FIELDS
    ]
    lo, hi = filters.get("date_from"), filters.get("date_to")
    if lo or hi:
        parts.append(
            NumericRange("date", _dateint(lo) if lo else 0, _dateint(hi) if hi else 99991231)
        )
    return And(parts) if parts else None


def to_query(node, expansions):
    """A Whoosh query for a query.py tree."""
    kind = node[0]
    fields = (node[2],) if kind in ("term", "prefix", "phrase") and node[2] else TEXT_FIELDS
    if kind == "term":
        return Or([Term(f, node[1]) for f in fields])
    if kind == "prefix":
        return Or([Term(f, w) for f in fields for w in expansions.get(node[1], ())])
    if kind == "phrase":
        if node[2] == "title":  # titles keep no positions: every word suffices
            return And([Term("title", s) for s in node[1]])
        return Phrase("text", list(node[1]))
    if kind == "filter":  # a facet condition adds nothing to the score
        return Term(node[1], node[2], boost=0.0)
    if kind == "not":
        return Not(to_query(node[1], expansions))
    children = [to_query(c, expansions) for c in node[1]]
    return And(children) if kind == "and" else Or(children)


class MarkFormatter(highlight.Formatter):
    """Matches in <mark>, the rest escaped; an ellipsis where the text goes on."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return "<mark>" + escape(highlight.get_text(text, token, replace)) + "</mark>"

    def format_fragment(self, fragment, replace=False):
        text, at, out = fragment.text, fragment.startchar, []
        for t in sorted(fragment.matches, key=lambda t: (t.startchar, t.startchar - t.endchar)):
            if t.startchar < at:
                continue
            out.append(escape(text[at : t.startchar]))
            out.append(self.format_token(text, t, replace))
            at = t.endchar
        out.append(escape(text[at : fragment.endchar]))
        before = "… " if fragment.startchar > 0 else ""
        after = " …" if fragment.endchar < len(text) else ""
        return before + "".join(out).strip() + after


def snippet(text, stems):
    """HTML of the part of text with the searched words marked (Whoosh's highlighter).

    Whoosh analyses the text it highlights; a long text is first cut to a window around
    the first place one of the stems occurs (a Snowball stem begins its word), as
    PostgreSQL's headline does, so a hit costs a few hundred words, not thousands."""
    marked = ""
    if stems:
        start = _first_match(text, stems)
        window = text if start is None else _window(text, start)
        marked = highlight.highlight(
            window,
            set(stems),
            swedish("title"),
            highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=40),
            MarkFormatter(),
            top=1,
        )
    if marked:
        if not text.startswith(window) and not marked.startswith("… "):
            marked = "… " + marked
        if not text.endswith(window) and not marked.endswith(" …"):
            marked += " …"
        return marked
    return escape(text[:SNIPPET_CHARS]) + (" …" if len(text) > SNIPPET_CHARS else "")


def _first_match(text, stems):
    found = [i for i in (text.lower().find(stem) for stem in stems) if i >= 0]
    return min(found) if found else None


def _window(text, start, before=SNIPPET_CHARS // 2, after=2 * SNIPPET_CHARS):
    """text[start - before : start + after], cut at spaces."""
    lo, hi = max(0, start - before), min(len(text), start + after)
    if lo:
        lo = text.find(" ", lo, start) + 1 or lo
    if hi < len(text):
        hi = text.rfind(" ", start, hi) if text.rfind(" ", start, hi) > start else hi
    return text[lo:hi]


class ListsFacet(sorting.FacetType):
    """A facet from per-segment value lists built once per searcher, instead of Whoosh's
    categorizers reading the column (FieldFacet) or the postings (a multi-valued field) again
    for every search: with twenty thousand documents that reading was most of a search."""

    def __init__(self, lists):
        self.lists = lists  # {segment docoffset: [values per segment docnum]}

    def categorizer(self, global_searcher):
        return ListsCategorizer(self.lists)


class ListsCategorizer(sorting.Categorizer):
    allow_overlap = True

    def __init__(self, lists):
        self.lists, self.segment = lists, ()

    def set_searcher(self, segment_searcher, docoffset):
        self.segment = self.lists[docoffset]

    def keys_for(self, matcher, docid):
        return self.segment[docid] or [None]


def value_lists(searcher, key):
    """{docoffset: [[values] per document]} of one field, per segment (public reader API)."""
    fieldname = key[1]
    out = {}
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        lists = [[] for _ in range(reader.doc_count_all())]
        if fieldname in reader.indexed_field_names():
            for term in reader.lexicon(fieldname):
                value = term.decode("utf-8")
                for docnum in reader.postings(fieldname, term).all_ids():
                    lists[docnum].append(value)
        out[offset] = lists
    return out


class WhooshBackend(SearchBackend):
    """Embedded search in a directory; safe for threads and processes."""

    def __init__(self, path, procs=2, limitmb=256):
        self.store = Store(path)
        self.root = self.store.root
        self.procs, self.limitmb = procs, limitmb
        self._local = threading.local()
        self._ix, self._ix_path = None, None
        if not self.store.has_live():  # a missing index is created
            with locking.exclusive(self.store.lockfile):
                if not self.store.has_live():
                    self.store.swap(self._new_generation())

    def _new_generation(self):
        gen = self.store.new_generation()
        index.create_in(str(gen), make_schema())
        return gen

    def _index(self):
        """The live index, reopened when a rebuild swapped generations."""
        target = self.store.live_name()
        if self._ix is None or target != self._ix_path:
            path = str(self.store.path(target))
            try:
                ix = index.open_dir(path)
            except Exception as exc:  # whoosh raises many kinds here
                raise IndexCorrupt(path, exc) from exc
            self._ix, self._ix_path = ix, target
        return self._ix

    def outdated(self):
        """The live index was written with another schema: rebuild it (searches go on)."""
        try:
            return signature(self._index().schema) != signature(make_schema())
        except IndexCorrupt:
            return True

    def _searcher(self):
        """A per-thread searcher, reopened only when the index changed."""
        ix = self._index()
        s = getattr(self._local, "searcher", None)
        try:
            if s is None or getattr(self._local, "path", None) != self._ix_path:
                s = ix.searcher(weighting=scoring.BM25F())
            elif not s.up_to_date():
                s.close()
                s = ix.searcher(weighting=scoring.BM25F())
            else:
                return s
        except Exception as exc:
            raise IndexCorrupt(self._ix_path, exc) from exc
        self._local.searcher, self._local.path, self._local.cache = s, self._ix_path, {}
        return s

    def _per_searcher(self, s, key, compute):
        """compute(s, key), kept while this thread's searcher stays open."""
        cache = self._local.cache
        value = cache.get(key)
        if value is None:
            if len(cache) >= VIEWERS_PER_SEARCHER:
                cache.clear()
            value = cache[key] = compute(s, key)
        return value

    def _allowed(self, s, viewer):
        """The docnums the viewer may see, computed once per searcher."""
        return self._per_searcher(
            s, viewer, lambda s, viewer: set(s.docs_for_query(permission_query(viewer)))
        )

    # -- writing -----------------------------------------------------------
    def update(self, docs):
        self.replace((), docs)

    def delete(self, ids):
        self._write([("delete", str(i)) for i in ids])

    def delete_prefix(self, prefix):
        self._write([("delete_prefix", str(prefix))])

    def replace(self, prefixes, docs):
        """Remove the documents under prefixes and add docs in ONE commit."""
        ops = [("delete_prefix", str(p)) for p in prefixes]
        self._write(ops + [("update", documents.prepare(d)) for d in docs])

    def _write(self, ops):
        if not ops:
            return
        with locking.exclusive(self.store.lockfile):
            self._apply(self._index(), ops)
            self.store.record(ops)

    @staticmethod
    def _apply(ix, ops):
        with ix.writer() as w:  # commits on leaving, cancels on an error
            for kind, arg in ops:
                if kind == "update":
                    w.update_document(**to_fields(arg))
                elif kind == "delete":
                    w.delete_by_term("id", arg)
                else:
                    w.delete_by_query(Prefix("id", arg))

    def bulk_load(self, docs):
        with locking.exclusive(self.store.lockfile):
            return self._bulk(self._index(), docs)

    def _bulk(self, ix, docs):
        fresh = ix.doc_count_all() == 0
        options = {"limitmb": self.limitmb}
        # Whoosh's multiprocessing writer; not inside a daemonic process (a job worker's),
        # which may not start processes of its own.
        if fresh and self.procs > 1 and not multiprocessing.current_process().daemon:
            options.update(procs=self.procs, multisegment=True)
        count = 0
        with ix.writer(**options) as w:
            add = w.add_document if fresh else w.update_document
            for doc in docs:
                add(**to_fields(documents.prepare(doc)))
                count += 1
        return count

    def rebuild(self, docs):
        """Fill a new generation and swap it in; searches use the old one until then."""
        with locking.exclusive(self.store.lockfile):
            if self.store.rebuilding():
                raise IndexBusy("A rebuild of the search index is already running.")
            gen = self._new_generation()
            self.store.start_rebuild(gen)
        try:
            new_ix = index.open_dir(str(gen))
            count = self._bulk(new_ix, docs)
            with locking.exclusive(self.store.lockfile):
                self._apply(new_ix, self.store.journal())
                self.store.swap(gen)
        finally:
            self.store.end_rebuild()
        self.store.prune(keep=2)
        return count

    def optimize(self):
        with locking.exclusive(self.store.lockfile):
            self._index().optimize()

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
        base = Results(page=page, per_page=per_page)
        try:
            node = parse(text)
        except QueryError as exc:
            base.error = str(exc)
            return base
        filters = clean_filters(filters)
        return self._reading(
            lambda s: self._search(
                s, node, text, viewer, filters, sort, page, per_page, facets, suggest
            )
        )

    def _reading(self, read):
        """read(searcher), once more on a fresh searcher if it failed while the index changed.

        Whoosh opens some files of a segment only when first asked, and a commit
        that merges segments deletes the files of those merged away: a searcher
        opened just before finds them gone. A failure on an unchanged index is
        raised as it is.
        """
        s = self._searcher()
        try:
            return read(s)
        except Exception:
            try:
                changed = not s.up_to_date()
            except Exception:
                changed = True
            if not changed:
                raise
            return read(self._searcher())

    def _search(self, s, node, text, viewer, filters, sort, page, per_page, facets, suggest):
        results = Results(page=page, per_page=per_page, rebuilding=self.store.rebuilding())
        allowed = self._allowed(s, viewer)
        where = filter_query(filters)
        if where is not None and allowed:
            allowed = allowed.intersection(s.docs_for_query(where))
        if not allowed:  # Whoosh reads an empty filter as "no filter"
            if suggest:
                results.suggestions = self._did_you_mean(s, text, allowed)
            return results
        expansions = {p: self._top_terms(s.reader(), p, PREFIX_TERMS) for p in prefixes(node)}
        stems = positive_terms(node) + [w for ws in expansions.values() for w in ws]
        options = {"filter": allowed, "limit": page * per_page}
        if sort == "date" or not stems:  # only filters: newest first
            options.update(sortedby="date", reverse=True)
        if facets:
            groups = {
                name: ListsFacet(self._per_searcher(s, ("facet", name), value_lists))
                for name in FACET_FIELDS
            }
            options.update(groupedby=groups, maptype=sorting.Count)
        found = s.search(to_query(node, expansions), **options)
        results.total = len(found)
        results.hits = [self._hit(h, stems) for h in found[(page - 1) * per_page : page * per_page]]
        if facets:
            results.facets = _facet_counts(found)
        if suggest and results.total == 0:
            results.suggestions = self._did_you_mean(s, text, allowed)
        return results

    @staticmethod
    def _top_terms(reader, prefix, n, scan=PREFIX_SCAN):
        """The n most frequent text terms starting with prefix (bounded scan)."""
        found = []
        for i, t in enumerate(reader.expand_prefix("text", prefix)):
            if i >= scan:
                break
            found.append((reader.doc_frequency("text", t), t))
        found.sort(reverse=True)
        return [t.decode("utf-8") if isinstance(t, bytes) else t for _, t in found[:n]]

    @staticmethod
    def _hit(hit, stems):
        meta = hit["meta"]
        return Hit(
            id=hit["id"],
            type=meta["type"],
            title=meta["title"],
            url=meta["url"],
            date=meta["date"],
            score=hit.score or 0.0,
            snippet=snippet(hit["text"], stems),
        )

    @staticmethod
    def _permitted_df(reader, allowed, term, cap=1000):
        """How many permitted documents contain term (at most cap)."""
        if not allowed or ("text", term) not in reader:
            return 0
        n = 0
        for docnum in reader.postings("text", term).all_ids():
            n += docnum in allowed
            if n >= cap:
                break
        return n

    def _did_you_mean(self, s, text, allowed):
        reader = s.reader()
        return suggest.did_you_mean(
            text,
            lambda word: reader.terms_within("text", word, 1 if len(word) < 6 else 2, prefix=2),
            lambda term: self._permitted_df(reader, allowed, term),
        )

    def autocomplete(self, prefix, viewer, limit=10):
        prefix = "".join(analysis.WORD_RE.findall((prefix or "").lower()))[:40]
        if len(prefix) < 2:
            return []

        def complete(s):
            reader, allowed = s.reader(), self._allowed(s, viewer)
            candidates = self._top_terms(reader, prefix, limit * 5)
            return [t for t in candidates if self._permitted_df(reader, allowed, t, cap=1)][:limit]

        return self._reading(complete)

    def status(self):
        ix = self._index()
        path = self.store.path(self._ix_path)
        files = list(path.iterdir())
        with ix.reader() as r:
            segments = len(r.leaf_readers())
            count = r.doc_count()
        toc = max((f.stat().st_mtime for f in files if f.suffix == ".toc"), default=0)
        return {
            "engine": "whoosh",
            "path": str(path),
            "doc_count": count,
            "segments": segments,
            "generation": ix.latest_generation(),  # one more per commit
            "size_bytes": sum(f.stat().st_size for f in files),
            "age_seconds": round(time.time() - toc, 1) if toc else None,
            "rebuilding": self.store.rebuilding(),
        }

    def iter_stored(self):
        with self._index().searcher() as s:
            for fields in s.all_stored_fields():
                meta = fields["meta"]
                yield fields["id"], meta["version"], meta["groups"], meta["public"]

    def close(self):
        s = getattr(self._local, "searcher", None)
        if s is not None:
            s.close()
            self._local.searcher = None


def _facet_counts(found, limit=20):
    """[(value, count)] per facet, most common first, without blanks."""
    out = {}
    for name in FACET_FIELDS:
        counts = {str(k): v for k, v in found.groups(name).items() if k not in (None, "")}
        out[name] = sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))[:limit]
    return out
