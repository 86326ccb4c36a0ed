"""The Whoosh backend: the only module that imports whoosh.

Directory layout and the rebuild journal live in store.py; counting,
filtering, faceting and ranking are set algebra in matching.py over the
per-segment Leaf objects defined here.
"""

import math
import multiprocessing
import queue
import threading
import time
from array import array
from bisect import bisect_right
from collections import Counter, OrderedDict

import numpy as np
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
from .bulk import BulkWriter, encode_positions
from .errors import IndexCorrupt, QueryError
from .query import parse, positive_terms, prefixes
from .store import Store

PREFIX_TERMS = 10  # a prefix expands to at most this many terms
PREFIX_SCAN = 2000  # ... chosen among at most this many candidates
PARTS_BOOST = 0.4  # compound parts count less than whole words
SMALL_SEGMENT = 1000  # segments below this many documents are "small" ...
MAX_SMALL_SEGMENTS = 10  # ... and merged when this many have piled up


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


class RawPositions(Positions):
    """Positions as raw uint16 arrays: written at C speed, and read for
    phrase matching as flat numpy arrays (Whoosh's varint encoding costs a
    Python loop per position both ways)."""

    def word_values(self, value, analyzer, **kwargs):
        fb = self.field_boost
        poses = {}
        for i, w in enumerate(analyzer.terms(value)):
            poses.setdefault(w, []).append(i)
        for w, ps in poses.items():
            yield w, len(ps), len(ps) * fb, encode_positions(ps)

    def encode(self, poslist):
        return encode_positions(poslist)

    def decode_positions(self, valuestring):
        return list(array("H", valuestring))

    def decode_frequency(self, valuestring):
        return len(valuestring) // 2

    def decode_weight(self, valuestring):
        return self.decode_frequency(valuestring) * self.field_boost

    def combine(self, vs):
        return encode_positions(sorted({p for v in vs for p in self.decode_positions(v)}))


def _text(kind, positions=False, **options):
    field = TEXT(analyzer=SvTokenizer(kind), phrase=positions, **options)
    boost = field.format.field_boost
    field.format = (RawPositions if positions else FastFrequency)(field_boost=boost)
    return field


def current_schema(schema):
    """Whether an index was written with this version's schema."""
    return "text" in schema and isinstance(schema["text"].format, RawPositions)


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


EMPTY_IDS = np.zeros(0, dtype=np.int32)
EMPTY_TF = np.zeros(0, dtype=np.float32)


class PostingsCache:
    """Decoded postings of immutable segments, least recently used out.

    A segment never changes once written (deletions are kept apart), so a
    term's decoded arrays stay valid for the segment's life.  Bounded by
    bytes, so a long-lived worker keeps only the hot vocabulary.
    """

    def __init__(self, max_bytes=256 * 2**20):
        self.max_bytes, self.bytes = max_bytes, 0
        self._data = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key, value):
        size = sum(a.nbytes for a in value) + 100
        with self._lock:
            if key in self._data:
                return
            self._data[key] = value
            self.bytes += size
            while self.bytes > self.max_bytes and len(self._data) > 1:
                _, old = self._data.popitem(last=False)
                self.bytes -= sum(a.nbytes for a in old) + 100

    def drop_segments(self, live):
        with self._lock:
            for key in [k for k in self._data if k[0] not in live]:
                self.bytes -= sum(a.nbytes for a in self._data.pop(key)) + 100


def read_postings(reader, field, text, positions=False):
    """(docnums int32, weights float32) of a term, block by block, at C speed.

    With positions=True: (docnum per occurrence, position per occurrence)
    from the text field's raw uint16 positions.
    """
    btext = text.encode("utf-8") if isinstance(text, str) else text
    if (field, btext) not in reader:
        return (EMPTY_IDS, EMPTY_IDS if positions else EMPTY_TF)
    fmt = reader.schema[field].format
    m = reader._terms.matcher(field, btext, fmt)
    ids, weights, values = [], [], []
    if not hasattr(m, "_read_data"):  # an inlined posting list
        while m.is_active():
            ids.append(np.array([m.id()], dtype=np.int64))
            weights.append(np.array([m.weight()], dtype=np.float32))
            if positions:
                values.append((m.value(),))
            m.next()
    else:
        while m.is_active():
            if m._data is None:
                m._read_data()
            deltas, w, v = m._data
            ids.append(np.cumsum(np.array(deltas, dtype=np.int64)))
            n = m._blocklength
            if w is None:
                weights.append(np.ones(n, dtype=np.float32))
            elif isinstance(w, float):
                weights.append(np.full(n, w, dtype=np.float32))
            else:
                weights.append(np.asarray(w, dtype=np.float32))
            if positions:
                values.append(v)
            m._next_block()
    if not ids:
        return (EMPTY_IDS, EMPTY_IDS if positions else EMPTY_TF)
    docs = np.concatenate(ids).astype(np.int32)
    if not positions:
        return docs, np.concatenate(weights)
    flat = [b for vs in values for b in vs]
    counts = np.fromiter(map(len, flat), dtype=np.int64, count=len(flat)) // 2
    pos = np.frombuffer(b"".join(flat), dtype=np.uint16).astype(np.int32)
    return np.repeat(docs, counts), pos


_BYTE_TO_LENGTH = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)


def _lengths(reader, field, n):
    """Field lengths of every doc of a segment (Whoosh stores one byte each)."""
    perdoc = getattr(reader, "_perdoc", None)
    col = None
    if perdoc is not None:
        col = perdoc._cached_reader(whoosh3._lenfield(field), whoosh3.LENGTHS_COLUMN)
    if col is None:
        return np.zeros(n, dtype=np.float32)
    raw = np.frombuffer(bytes(col), dtype=np.uint8)[:n]
    out = _BYTE_TO_LENGTH[raw]
    return out if len(out) == n else np.pad(out, (0, n - len(out)))


class SegmentData:
    """Per-segment arrays built once: facet codes, dates, lengths, groups."""

    def __init__(self, reader, key, postings):
        self.key, self.n, self.postings = key, reader.doc_count_all(), postings
        self._facets, self._groups = {}, {}
        self._lock = threading.Lock()
        self.public = self._mask(read_postings(reader, "public", "1")[0])
        self.dates = np.array(list(reader.column_reader("date")), dtype=np.int32)
        self.lengths = _lengths(reader, "text", self.n)

    def _mask(self, ids):
        mask = np.zeros(self.n, dtype=bool)
        mask[ids] = True
        return mask

    def facet(self, reader, field):
        """(codes per doc, values): single-valued facets; organisations as
        (docs, codes, values) pairs."""
        got = self._facets.get(field)
        if got is None:
            values, docs, codes = [], [], []
            for i, t in enumerate(reader.lexicon(field)):
                ids = read_postings(reader, field, t)[0]
                values.append(t.decode("utf-8"))
                docs.append(ids)
                codes.append(np.full(len(ids), i, dtype=np.int32))
            docs = np.concatenate(docs) if docs else EMPTY_IDS
            codes = np.concatenate(codes) if codes else EMPTY_IDS
            if field == "organisations":
                got = (docs, codes, values)
            else:
                col = np.full(self.n, -1, dtype=np.int32)
                col[docs] = codes
                got = (col, values)
            with self._lock:
                self._facets[field] = got
        return got

    def group(self, reader, gid):
        ids = self._groups.get(gid)
        if ids is None:
            ids = self._groups[gid] = read_postings(reader, "groups", gid)[0]
        return ids


class Leaf:
    """One segment of an open searcher: numpy masks over its documents."""

    def __init__(self, searcher, offset, data):
        self.searcher, self.offset, self.data = searcher, offset, data
        self.reader = searcher.reader()
        self.n = data.n
        self.live = np.ones(self.n, dtype=bool)
        if self.reader.has_deletions():
            self.live[list(self.reader.segment().deleted_docs())] = False

    def postings(self, field, text):
        """(docnums, weights) of a term, through the per-segment cache."""
        key = (self.data.key, field, text)
        got = self.data.postings.get(key)
        if got is None:
            got = read_postings(self.reader, field, text)
            self.data.postings.put(key, got)
        return got

    def mask(self, ids):
        mask = np.zeros(self.n, dtype=bool)
        mask[ids] = True
        return mask

    def term_mask(self, fields, words):
        mask = np.zeros(self.n, dtype=bool)
        for f in fields:
            for w in words:
                mask[self.postings(f, w)[0]] = True
        return mask

    def phrase(self, stems, field, within):
        """Docs (within the mask) with the stems at consecutive positions."""
        if field == "title":  # titles keep no positions: all words suffice
            found = within.copy()
            for s in stems:
                found &= self.term_mask(("title",), (s,))
            return found
        found = within.copy()
        for s in stems:
            found &= self.term_mask(("text",), (s,))
        if not found.any():
            return found
        starts = None
        for shift, stem in enumerate(stems):
            key = (self.data.key, "positions", stem)
            docs, pos = self.data.postings.get(key) or (None, None)
            if docs is None:
                docs, pos = read_postings(self.reader, "text", stem, positions=True)
                self.data.postings.put(key, (docs, pos))
            sel = found[docs]
            # (doc, position - shift) keys come out sorted: postings are in
            # document order, positions ascending, so a binary search
            # intersects them without sorting.
            keys = (docs[sel].astype(np.int64) << 17) | (pos[sel].astype(np.int64) - shift + 8)
            if starts is None:
                starts = keys
            elif len(keys):
                at = np.minimum(np.searchsorted(keys, starts), len(keys) - 1)
                starts = starts[keys[at] == starts]
                found = self.mask((starts >> 17).astype(np.int64))
            else:
                starts = keys
            if not len(starts):
                return np.zeros(self.n, dtype=bool)
        return self.mask((starts >> 17).astype(np.int64))

    def facet_mask(self, field, wanted):
        if field == "organisations":
            docs, codes, values = self.data.facet(self.reader, field)
            want = [i for i, v in enumerate(values) if v in wanted]
            return self.mask(docs[np.isin(codes, want)])
        col, values = self.data.facet(self.reader, field)
        want = [i for i, v in enumerate(values) if v in wanted]
        return np.isin(col, want)

    def permitted(self, viewer):
        """Live docs the viewer may see: any of their groups, or public."""
        mask = self.data.public.copy() if viewer.public else np.zeros(self.n, dtype=bool)
        for g in viewer.groups:
            mask[self.data.group(self.reader, str(g))] = True
        return mask & self.live


class WhooshBackend(SearchBackend):
    """Embedded search in a directory; safe for threads and processes."""

    def __init__(self, path, procs=2, limitmb=256):
        self.store = Store(path)
        self.root = self.store.root
        self.procs, self.limitmb = procs, limitmb
        self._local = threading.local()
        self._seg_cache = {}
        self._postings = PostingsCache()
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
                ix = windex.open_dir(path)
            except Exception as exc:  # whoosh raises many kinds here
                raise IndexCorrupt(path, exc) from exc
            if not current_schema(ix.schema):
                # Written by an older version: start an empty index of the
                # current schema; `search_index update` (or rebuild) fills it.
                ix = self._replace_outdated(target)
                target = self.store.live_name()
            self._ix, self._ix_path = ix, target
        return self._ix

    def _replace_outdated(self, target):
        with locking.exclusive(self.store.lockfile):
            if self.store.live_name() == target:
                self.store.swap(self._new_generation())
        return windex.open_dir(str(self.store.path(self.store.live_name())))

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
            data = self._seg_cache.get(segid)
            if data is None:
                data = self._seg_cache[segid] = SegmentData(sub.reader(), segid, self._postings)
            leaves.append(Leaf(sub, offset, data))
        if len(self._seg_cache) > len(live) + 8:
            # Segments merged away: drop their caches.
            self._seg_cache = {k: v for k, v in self._seg_cache.items() if k in live}
            self._postings.drop_segments(live)
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
        small = [s for s in w.segments if s.doc_count_all() < SMALL_SEGMENT]
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
        # No merge on commit: merging is what makes a save slow.  Only when
        # single-record segments pile up are the small ones merged (cheap:
        # they are small); optimize() merges everything.
        if len(small) >= MAX_SMALL_SEGMENTS:
            w.commit(mergetype=_merge_small)
        else:
            w.commit(merge=False)

    def bulk_load(self, docs):
        with locking.exclusive(self.store.lockfile):
            return self._bulk(self._index(), docs)

    def _bulk(self, ix, docs):
        if ix.doc_count_all():  # not a fresh index: replace by id
            w = ix.writer(compound=False)
            count = 0
            try:
                for doc in docs:
                    w.update_document(**to_fields(documents.prepare(doc)))
                    count += 1
            except BaseException:
                w.cancel()
                raise
            w.commit(merge=False)
            return count
        if self.procs > 1:
            return _parallel_bulk(ix, docs)
        w = BulkWriter(ix)
        count = 0
        try:
            for doc in docs:
                w.add_fields(to_fields(documents.prepare(doc)))
                count += 1
        except BaseException:
            w.cancel()
            raise
        w.commit(merge=False)
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
        self._postings.drop_segments(set(self._seg_cache))
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
        filters = clean_filters(filters)
        return self._reading(
            lambda s: self._search(
                s, node, text, viewer, filters, sort, page, per_page, facets, suggest
            )
        )

    def _reading(self, read):
        """read(searcher), once more on a fresh searcher if it failed while the index changed.

        Whoosh opens some files of a segment only when first asked (stored fields,
        columns), and a commit that merges segments deletes the files of those merged
        away: a searcher opened just before finds them gone (TypeError or OSError
        inside Whoosh). A fresh searcher reads the new segments; a failure on an
        unchanged index is raised as it is.
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
        base = Results(page=page, per_page=per_page)
        expansions = {p: self._top_terms(s.reader(), p, PREFIX_TERMS) for p in prefixes(node)}
        leaves = self._leaves(s)
        matched = [
            matching.leaf_matches(leaf, node, viewer, filters, expansions) for leaf in leaves
        ]
        base.total = int(sum(np.count_nonzero(m) for m in matched))
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
        allowed = [leaf.permitted(viewer) for leaf in leaves]
        return suggest.did_you_mean(
            text,
            lambda word: s.reader().terms_within("text", word, 1 if len(word) < 6 else 2, prefix=2),
            lambda term: matching.permitted_df(leaves, allowed, term),
        )

    def autocomplete(self, prefix, viewer, limit=10):
        prefix = "".join(analysis.WORD_RE.findall((prefix or "").lower()))[:40]
        if len(prefix) < 2:
            return []

        def complete(s):
            leaves = self._leaves(s)
            allowed = [leaf.permitted(viewer) for leaf in leaves]
            candidates = self._top_terms(s.reader(), prefix, limit * 5)
            return [t for t in candidates if matching.permitted_df(leaves, allowed, t, cap=1)][
                :limit
            ]

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


BATCH = 100  # documents per job for the second process


def _parallel_bulk(ix, docs):
    """Fill a fresh index from two processes, one segment each.

    This process reads the documents and hands every other batch to a
    forked worker while there is room in its queue, indexing the rest
    itself, so neither waits for the other; then it commits both segments
    in one table of contents.
    """
    ctx = multiprocessing.get_context("fork")
    jobs, results = ctx.Queue(maxsize=4), ctx.Queue()
    worker = ctx.Process(
        target=_bulk_worker, args=(ix.storage.folder, ix.indexname, jobs, results), daemon=True
    )
    worker.start()
    try:
        w = BulkWriter(ix)
    except BaseException:
        worker.kill()
        raise
    count, batch, turn = 0, [], 0
    try:
        for doc in docs:
            batch.append(to_fields(documents.prepare(doc)))
            count += 1
            if len(batch) < BATCH:
                continue
            turn += 1
            if turn % 2:
                try:
                    jobs.put_nowait(batch)
                    batch = []
                    continue
                except queue.Full:
                    pass
            for fields in batch:
                w.add_fields(fields)
            batch = []
        for fields in batch:
            w.add_fields(fields)
        jobs.put(None)
        theirs = results.get()
        worker.join()
        if isinstance(theirs, BaseException):
            raise theirs
    except BaseException:
        worker.kill()
        w.cancel()
        raise
    segments = w._merge_segments(None, False, False)
    if theirs is not None:
        segments.append(theirs)
    if w._added:
        segments.append(w._finalize_segment())
    else:
        w._close_segment()
    w._commit_toc(segments)
    w._finish()
    return count


def _bulk_worker(folder, indexname, jobs, results):
    try:
        ix = windex.open_dir(folder, indexname=indexname)
        w = BulkWriter(ix, _lk=False)
        while (batch := jobs.get()) is not None:
            for fields in batch:
                w.add_fields(fields)
        if w._added:
            results.put(w._finalize_segment())
        else:
            w._close_segment()
            results.put(None)
    except BaseException as exc:  # reported to the parent, which re-raises
        results.put(exc)


def _merge_small(writer, segments):
    """Merge the small segments into the new one; leave the big ones."""
    from whoosh.reading import SegmentReader

    keep = []
    for seg in segments:
        if seg.doc_count_all() < SMALL_SEGMENT:
            writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
        else:
            keep.append(seg)
    return keep


def _prefix_query(ix, prefix):
    return Prefix("id", prefix)
