"""The Whoosh backend: the only module that imports whoosh.

Directory layout and the rebuild journal live in store.py; counting,
filtering, faceting and ranking are set algebra in matching.py over the
per-segment Leaf objects defined here.
"""

import math
import threading
import time
from bisect import bisect_right
from collections import Counter

from whoosh import index as windex
from whoosh.analysis import Token, Tokenizer
from whoosh.codec import whoosh3
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Frequency, Positions
from whoosh.query import Prefix
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length

from . import analysis, documents, locking, matching, snippets, suggest
from .backend import Hit, Results, SearchBackend, clean_filters, clean_paging
from .errors import IndexCorrupt, QueryError
from .query import parse, positive_terms, prefixes
from .store import Store

PREFIX_TERMS = 10  # a prefix expands to at most this many terms
PREFIX_SCAN = 2000  # ... chosen among at most this many candidates
PARTS_BOOST = 0.4  # compound parts count less than whole words


def _cached_doc_field_length(self, docnum, fieldname, default=0):
    """Field length from an in-memory copy of the lengths column.

    Whoosh's version reads one byte from the column file per call, and the
    segment writer calls it once per posting: a fifth of indexing time.
    """
    cache = self.__dict__.setdefault("_searchcore_lengths", {})
    col = cache.get(fieldname)
    if col is None:
        reader = self._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        col = cache[fieldname] = bytes(reader) if reader is not None else b""
    lbyte = col[docnum] if docnum < len(col) else 0
    return byte_to_length(lbyte) if lbyte else default


whoosh3.W3PerDocReader.doc_field_length = _cached_doc_field_length


class SvTokenizer(Tokenizer):
    """Whoosh face of analysis.tokens / analysis.part_tokens."""

    def terms(self, value):
        """Index terms in order; titles carry their compound parts too."""
        terms, parts = analysis.analyze(value)
        if self.kind == "parts":
            return parts
        return terms + parts if self.kind == "title" else terms

    def __init__(self, kind="text"):
        self.kind = kind

    def __eq__(self, other):
        return type(other) is type(self) and other.kind == self.kind

    def __call__(self, value, positions=False, chars=False, mode="", **kwargs):
        # Only for Whoosh utilities; indexing goes through terms() above.
        t = Token(positions, chars, mode=mode, **kwargs)
        for pos, start, end, term in analysis.tokens(value):
            t.text, t.boost, t.stopped, t.pos = term, 1.0, False, pos
            t.startchar, t.endchar = start, end
            yield t


class FastFrequency(Frequency):
    """Frequency postings from a term list: Whoosh's own word_values builds
    a Token object per word, which was a third of indexing time."""

    def word_values(self, value, analyzer, **kwargs):
        fb = self.field_boost
        for w, n in Counter(analyzer.terms(value)).items():
            yield w, n, n * fb, pack_uint(n)


class FastPositions(Positions):
    """Positions postings from a term list (same bytes as Positions)."""

    def word_values(self, value, analyzer, **kwargs):
        fb = self.field_boost
        poses = {}
        for i, w in enumerate(analyzer.terms(value)):
            poses.setdefault(w, []).append(i)
        for w, ps in poses.items():
            yield w, len(ps), len(ps) * fb, self.encode(ps)


def _text(kind, positions=False, **options):
    field = TEXT(analyzer=SvTokenizer(kind), phrase=positions, **options)
    boost = field.format.field_boost
    field.format = (FastPositions if positions else FastFrequency)(field_boost=boost)
    return field


def make_schema():
    facet = dict(stored=False)
    return Schema(
        id=ID(stored=True, unique=True),
        # Positions only in text (phrases); no character offsets: snippets
        # find their words in the stored text (analysis.match_spans).
        # Every indexed value costs: Whoosh's writer pays per posting.
        title=_text("title", field_boost=2.0),
        text=_text("text", positions=True, stored=True),
        parts=_text("parts", field_boost=PARTS_BOOST),
        type=ID(**facet),
        year=ID(**facet),
        status=ID(**facet),
        forum=ID(**facet),
        agreement=ID(**facet),
        organisations=KEYWORD(**facet),
        groups=KEYWORD(**facet),
        public=ID(**facet),
        date=COLUMN(NumericColumn("I")),
        meta=STORED(),
    )


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
        "date": d.year * 10000 + d.month * 100 + d.day if d else 0,
        "meta": {
            k: doc[k] for k in ("type", "title", "url", "date", "version", "groups", "public")
        },
    }


class Leaf:
    """One segment of an open searcher, with per-segment cached sets."""

    def __init__(self, searcher, offset, cache):
        self.searcher, self.offset, self.cache = searcher, offset, cache
        self.reader = searcher.reader()
        self._memo = {}
        self.deleted = (
            set(self.reader.segment().deleted_docs()) if self.reader.has_deletions() else set()
        )

    def postings(self, field, text):
        """Local docnums of a term, read block by block (no per-id calls)."""
        btext = text.encode("utf-8")
        if (field, btext) not in self.reader:
            return
        m = self.reader.postings(field, btext)
        if not hasattr(m, "_read_ids"):
            yield from m.all_ids()
            return
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            yield from m._ids
            m._next_block()

    def ids(self, field, text):
        """Docnums of a term (a dict keys view: supports & | -)."""
        return self.weights(field, text).keys()

    def weights(self, field, text):
        """{docnum: term frequency} for one term, read once per search."""
        key = (field, text)
        if key not in self._memo:
            self._memo[key] = self._read_weights(field, text)
        return self._memo[key]

    def _read_weights(self, field, text):
        btext = text.encode("utf-8")
        if (field, btext) not in self.reader:
            return {}
        m, out = self.reader.postings(field, btext), {}
        if not hasattr(m, "_read_weights"):
            return dict(m.items_as("weight"))
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            m._read_weights()
            out.update(zip(m._ids, m._weights, strict=False))
            m._next_block()
        return out

    def phrase(self, stems, field):
        """Docs with stems at consecutive positions (text field only)."""
        if field == "title":  # titles keep no positions: all words suffice
            return matching.all_of(self.ids("title", s) for s in stems)
        found = matching.all_of(self.ids("text", s) for s in stems)
        if not found:
            return found
        where = [self._positions(s, found) for s in stems]
        return {d for d in found if matching.consecutive([w[d] for w in where])}

    def _positions(self, stem, docs):
        """{docnum: positions} of stem for the given docs only."""
        m = self.reader.postings("text", stem.encode("utf-8"))
        decode = self.reader.schema["text"].format.decoder("positions")
        out = {}
        while m.is_active():
            m._read_ids()
            hits = [i for i, d in enumerate(m._ids) if d in docs]
            if hits:
                m._read_values()
                for i in hits:
                    out[m._ids[i]] = decode(m._values[i])
            m._next_block()
        return out

    def values(self, field):
        """{value: frozenset(docnums)} for a facet field, cached per segment."""
        key = ("values", field)
        if key not in self.cache:
            self.cache[key] = {
                t.decode("utf-8"): frozenset(self.postings(field, t.decode("utf-8")))
                for t in self.reader.lexicon(field)
            }
        return self.cache[key]

    def column(self, field):
        """docnum -> value list (organisations: tuple), cached per segment."""
        key = ("column", field)
        if key not in self.cache:
            self.cache[key] = self._build_column(field)
        return self.cache[key]

    def _build_column(self, field):
        n = self.reader.doc_count_all()
        if field == "date":
            return list(self.reader.column_reader("date"))
        if field == "text_length":
            length = self.reader.doc_field_length
            return [length(d, "text", 0) or 0 for d in range(n)]
        col = [() if field == "organisations" else None] * n
        for value, docs in self.values(field).items():
            for d in docs:
                col[d] = col[d] + (value,) if field == "organisations" else value
        return col


class WhooshBackend(SearchBackend):
    """Embedded search in a directory; safe for threads and processes."""

    def __init__(self, path, procs=2, limitmb=256):
        self.store = Store(path)
        self.root = self.store.root
        self.procs, self.limitmb = procs, limitmb
        self._local = threading.local()
        self._seg_cache = {}
        self._ix, self._ix_path = None, None
        if not self.store.has_live():  # a missing index is created
            with locking.exclusive(self.store.lockfile):
                if not self.store.has_live():
                    self.store.swap(self._new_generation())

    def _new_generation(self):
        gen = self.store.new_generation()
        windex.create_in(str(gen), make_schema())
        return gen

    def _index(self):
        """The live index, reopened when a rebuild swapped generations."""
        target = self.store.live_name()
        if self._ix is None or target != self._ix_path:
            path = str(self.store.path(target))
            try:
                self._ix = windex.open_dir(path)
            except Exception as exc:  # whoosh raises many kinds here
                raise IndexCorrupt(path, exc) from exc
            self._ix_path = target
        return self._ix

    def _searcher(self):
        """A per-thread searcher, refreshed only when the index changed."""
        ix = self._index()
        s = getattr(self._local, "searcher", None)
        try:
            if s is None or getattr(self._local, "path", None) != self._ix_path:
                s = ix.searcher()
            elif not s.up_to_date():
                # Never s.refresh(): Whoosh reuses a segment's reader by segment id,
                # keeping its old deletions, so replaced documents came back twice.
                s.close()
                s = ix.searcher()
        except Exception as exc:
            raise IndexCorrupt(self._ix_path, exc) from exc
        self._local.searcher, self._local.path = s, self._ix_path
        return s

    def _leaves(self, searcher):
        leaves, live = [], set()
        for sub, offset in searcher.leaf_searchers():
            segment = sub.reader().segment()
            if segment is None:  # an empty index has no segment
                continue
            segid = (self._ix_path, segment.segment_id())
            live.add(segid)
            leaves.append(Leaf(sub, offset, self._seg_cache.setdefault(segid, {})))
        if len(self._seg_cache) > 2 * len(live) + 8:
            # Segments merged away by optimize(): drop their caches.
            self._seg_cache = {k: v for k, v in self._seg_cache.items() if k in live}
        return leaves

    # -- writing -----------------------------------------------------------
    def update(self, docs):
        self._write([("update", documents.prepare(d)) for d in docs])

    def delete(self, ids):
        self._write([("delete", str(i)) for i in ids])

    def delete_prefix(self, prefix):
        self._write([("delete_prefix", str(prefix))])

    def _write(self, ops):
        if not ops:
            return
        with locking.exclusive(self.store.lockfile):
            self._apply(self._index(), ops)
            self.store.record(ops)

    @staticmethod
    def _apply(ix, ops):
        w = ix.writer(compound=False)
        try:
            for kind, arg in ops:
                if kind == "update":
                    w.update_document(**to_fields(arg))
                elif kind == "delete":
                    w.delete_by_term("id", arg)
                else:
                    w.delete_by_query(_prefix_query(ix, arg))
        except BaseException:
            w.cancel()
            raise
        # No merge on commit: merging is what makes a save slow; optimize() merges.
        w.commit(merge=False)

    def bulk_load(self, docs):
        with locking.exclusive(self.store.lockfile):
            return self._bulk(self._index(), docs)

    def _bulk(self, ix, docs):
        fresh = ix.doc_count_all() == 0
        w = ix.writer(procs=self.procs, multisegment=True, limitmb=self.limitmb, compound=False)
        count = 0
        try:
            for doc in docs:
                fields = to_fields(documents.prepare(doc))
                (w.add_document if fresh else w.update_document)(**fields)
                count += 1
        except BaseException:
            w.cancel()
            raise
        w.commit()
        return count

    def rebuild(self, docs):
        with locking.exclusive(self.store.lockfile):
            gen = self._new_generation()
            self.store.start_rebuild(gen)
        try:
            new_ix = windex.open_dir(str(gen))
            count = self._bulk(new_ix, docs)
            with locking.exclusive(self.store.lockfile):
                self._apply(new_ix, self.store.journal())
                self.store.swap(gen)
        finally:
            self.store.end_rebuild()
        self.store.prune(keep=2)
        live = self.store.live_name()
        self._seg_cache = {k: v for k, v in self._seg_cache.items() if k[0] == live}
        return count

    def optimize(self):
        with locking.exclusive(self.store.lockfile):
            # Merge into one segment, still without a compound file.
            self._index().writer(compound=False).commit(optimize=True)

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
        s = self._searcher()
        expansions = {p: self._top_terms(s.reader(), p, PREFIX_TERMS) for p in prefixes(node)}
        leaves = self._leaves(s)
        filters = clean_filters(filters)
        matched = [
            matching.leaf_matches(leaf, node, viewer, filters, expansions) for leaf in leaves
        ]
        base.total = sum(map(len, matched))
        k = page * per_page
        if sort == "date":
            top = matching.top_newest(leaves, matched, k)
        else:
            top = self._relevant(s, node, expansions, leaves, matched, k)
        stems = positive_terms(node) + [w for ws in expansions.values() for w in ws]
        base.hits = [self._hit(s, leaves, d, score, stems) for d, score in top[k - per_page : k]]
        if facets:
            counters = {}
            for leaf, m in zip(leaves, matched, strict=False):
                matching.count_facets(leaf, m, counters)
            base.facets = matching.finish_facets(counters)
        if suggest and base.total == 0:
            base.suggestions = self._did_you_mean(s, leaves, text, viewer)
        return base

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

    def _relevant(self, s, node, expansions, leaves, matched, k):
        terms = matching.scoring_terms(node, expansions)
        if not terms:  # only filters: newest first
            return matching.top_newest(leaves, matched, k)
        reader = s.reader()
        n = max(reader.doc_count_all(), 1)

        def idf(field, term):
            df = reader.doc_frequency(field, term)
            return math.log(1 + (n - df + 0.5) / (df + 0.5))

        avg_len = reader.field_length("text") / n
        return matching.top_relevant(leaves, matched, terms, idf, avg_len, k)

    def _hit(self, s, leaves, docnum, score, stems):
        i = bisect_right([leaf.offset for leaf in leaves], docnum) - 1
        leaves[i]
        stored = s.stored_fields(docnum)
        meta = stored["meta"]
        spans = analysis.match_spans(stored["text"], stems)
        return Hit(
            id=stored["id"],
            type=meta["type"],
            title=meta["title"],
            url=meta["url"],
            date=meta["date"],
            score=score,
            snippet=snippets.snippet(stored["text"], spans),
        )

    def _did_you_mean(self, s, leaves, text, viewer):
        allowed = [matching.permitted(leaf, viewer) for leaf in leaves]
        return suggest.did_you_mean(
            text,
            lambda word: s.reader().terms_within("text", word, 1 if len(word) < 6 else 2, prefix=2),
            lambda term: matching.permitted_df(leaves, allowed, term),
        )

    def autocomplete(self, prefix, viewer, limit=10):
        prefix = "".join(analysis.WORD_RE.findall((prefix or "").lower()))[:40]
        if len(prefix) < 2:
            return []
        s = self._searcher()
        leaves = self._leaves(s)
        allowed = [matching.permitted(leaf, viewer) for leaf in leaves]
        candidates = self._top_terms(s.reader(), prefix, limit * 5)
        return [t for t in candidates if matching.permitted_df(leaves, allowed, t, cap=1)][:limit]

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


def _prefix_query(ix, prefix):
    return Prefix("id", prefix)
