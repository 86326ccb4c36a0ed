"""The Whoosh backend: the only module that imports whoosh.

Layout of the index root:
  current -> gen-000001   symlink to the live index (swapped atomically)
  gen-NNNNNN/             one full index per rebuild; the previous one is kept
  write.lock              flock()ed by the single writer (see locking.py)
  rebuild.json, journal.jsonl   present while a rebuild runs: writes made
                          meanwhile are replayed into the new index at swap
"""

import json
import math
import os
import threading
import time
from bisect import bisect_right
from collections import Counter
from pathlib import Path

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
from .query import parse, positive_terms

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

    SOURCES = {"text": "tokens", "parts": "part_tokens"}

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

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        source = getattr(analysis, self.SOURCES.get(self.kind, "tokens"))
        for pos, start, end, term in source(value):
            t.text, t.boost, t.stopped = term, 1.0, False
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
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
            return _all(self.ids("title", s) for s in stems)
        found = _all(self.ids("text", s) for s in stems)
        if not found:
            return found
        where = [self._positions(s, found) for s in stems]
        return {d for d in found if _consecutive([w[d] for w in where])}

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
        self.root = Path(path)
        self.procs, self.limitmb = procs, limitmb
        self.root.mkdir(parents=True, exist_ok=True)
        self._lockfile = str(self.root / "write.lock")
        self._local = threading.local()
        self._seg_cache = {}
        self._ix, self._ix_path = None, None
        self._ensure_index()

    # -- opening -----------------------------------------------------------
    def _ensure_index(self):
        if not (self.root / "current").exists():
            with locking.exclusive(self._lockfile):
                if not (self.root / "current").exists():
                    gen = self._new_generation()
                    self._swap(gen)

    def _new_generation(self):
        gens = sorted(p.name for p in self.root.glob("gen-*"))
        number = int(gens[-1][4:]) + 1 if gens else 1
        gen = self.root / f"gen-{number:06d}"
        gen.mkdir()
        windex.create_in(str(gen), make_schema())
        return gen

    def _swap(self, gen):
        tmp = self.root / f"current.tmp{os.getpid()}"
        if tmp.is_symlink():
            tmp.unlink()
        os.symlink(gen.name, tmp)
        os.replace(tmp, self.root / "current")  # atomic on POSIX

    def _index(self):
        """The live index, reopened when a rebuild swapped generations."""
        target = os.readlink(self.root / "current")
        if self._ix is None or target != self._ix_path:
            path = str(self.root / target)
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
                # Whoosh cannot refresh a searcher opened on an empty index.
                s = s.refresh() if s.doc_count_all() else ix.searcher()
        except Exception as exc:
            raise IndexCorrupt(self._ix_path, exc) from exc
        self._local.searcher, self._local.path = s, self._ix_path
        return s

    def _leaves(self, searcher):
        leaves = []
        for sub, offset in searcher.leaf_searchers():
            segment = sub.reader().segment()
            if segment is None:  # an empty index has no segment
                continue
            segid = (self._ix_path, segment.segment_id())
            leaves.append(Leaf(sub, offset, self._seg_cache.setdefault(segid, {})))
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
        with locking.exclusive(self._lockfile):
            self._apply(self._index(), ops)
            if (self.root / "rebuild.json").exists():
                with open(self.root / "journal.jsonl", "a", encoding="utf-8") as f:
                    for op in ops:
                        f.write(json.dumps(op, default=str) + "\n")

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
        with locking.exclusive(self._lockfile):
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
        with locking.exclusive(self._lockfile):
            gen = self._new_generation()
            (self.root / "journal.jsonl").unlink(missing_ok=True)
            (self.root / "rebuild.json").write_text(json.dumps({"gen": gen.name}))
        try:
            new_ix = windex.open_dir(str(gen))
            count = self._bulk(new_ix, docs)
            with locking.exclusive(self._lockfile):
                self._apply(new_ix, self._journal())
                self._swap(gen)
        finally:
            (self.root / "rebuild.json").unlink(missing_ok=True)
            (self.root / "journal.jsonl").unlink(missing_ok=True)
        self._prune_generations(keep=2)
        return count

    def _journal(self):
        path = self.root / "journal.jsonl"
        if not path.exists():
            return []
        ops = []
        for line in path.read_text(encoding="utf-8").splitlines():
            kind, arg = json.loads(line)
            ops.append((kind, documents.prepare(arg) if kind == "update" else arg))
        return ops

    def _prune_generations(self, keep):
        # The previous generation stays so searchers opened before the swap
        # can finish; anything older is removed.
        live = os.readlink(self.root / "current")
        for old in sorted(p for p in self.root.glob("gen-*") if p.name != live)[
            : -(keep - 1) or None
        ]:
            for f in old.iterdir():
                f.unlink()
            old.rmdir()
        self._seg_cache = {k: v for k, v in self._seg_cache.items() if k[0] == live}

    def optimize(self):
        with locking.exclusive(self._lockfile):
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
        s = self._searcher()
        expansions = self._expand_prefixes(s, node)
        leaves = self._leaves(s)
        filters = clean_filters(filters)
        matched = [self._leaf_matches(leaf, node, viewer, filters, expansions) for leaf in leaves]
        base.total = sum(map(len, matched))
        k = page * per_page
        if sort == "date":
            top = self._newest(leaves, matched, k)
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

    def _leaf_matches(self, leaf, node, viewer, filters, expansions):
        m = matching.evaluate(node, leaf, expansions)
        if m:
            m -= leaf.deleted
            m &= matching.permitted(leaf, viewer)
            m = matching.apply_filters(m, leaf, filters)
        return m

    def _expand_prefixes(self, s, node, out=None):
        out = {} if out is None else out
        if node[0] == "prefix":
            out[node[1]] = self._top_terms(s.reader(), node[1], PREFIX_TERMS)
        elif node[0] in ("and", "or"):
            for child in node[1]:
                self._expand_prefixes(s, child, out)
        elif node[0] == "not":
            self._expand_prefixes(s, node[1], out)
        return out

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
    def _newest(leaves, matched, k):
        top = []
        for leaf, m in zip(leaves, matched, strict=False):
            top += [(di, leaf.offset + d) for di, d in matching.newest(leaf, m, k)]
        top.sort(reverse=True)
        return [(d, 0.0) for _, d in top[:k]]

    def _relevant(self, s, node, expansions, leaves, matched, k):
        terms = matching.scoring_terms(node, expansions)
        if not terms:  # only filters: newest first
            return self._newest(leaves, matched, k)
        reader = s.reader()
        n = max(reader.doc_count_all(), 1)
        avg_len = reader.field_length("text") / n

        def idf(field, term):
            df = reader.doc_frequency(field, term)
            return math.log(1 + (n - df + 0.5) / (df + 0.5))

        top = []
        for leaf, m in zip(leaves, matched, strict=False):
            if m:
                top += [
                    (sc, leaf.offset + d)
                    for sc, d in matching.rank(leaf, m, terms, idf, avg_len, k)
                ]
        top.sort(key=lambda t: (-t[0], t[1]))
        return [(d, sc) for sc, d in top[:k]]

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
            lambda term: self._permitted_df(leaves, allowed, term),
        )

    def _permitted_df(self, leaves, allowed, term, cap=1000):
        """How many permitted docs contain term (counting stops at cap)."""
        n = 0
        for leaf, ok in zip(leaves, allowed, strict=False):
            for d in leaf.postings("text", term):
                if d in ok and d not in leaf.deleted:
                    n += 1
                    if n >= cap:
                        return n
        return n

    def autocomplete(self, prefix, viewer, limit=10):
        prefix = "".join(analysis.WORD_RE.findall((prefix or "").lower()))[:40]
        if len(prefix) < 2:
            return []
        s = self._searcher()
        leaves = self._leaves(s)
        allowed = [matching.permitted(leaf, viewer) for leaf in leaves]
        candidates = self._top_terms(s.reader(), prefix, limit * 5)
        return [t for t in candidates if self._permitted_df(leaves, allowed, t, cap=1)][:limit]

    def status(self):
        ix = self._index()
        path = self.root / self._ix_path
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
            "rebuilding": (self.root / "rebuild.json").exists(),
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


def _all(sets):
    sets = list(sets)
    out = set(sets[0])
    for other in sets[1:]:
        out &= other
    return out


def _consecutive(poslists):
    starts = set(poslists[0])
    for shift, positions in enumerate(poslists[1:], 1):
        starts &= {p - shift for p in positions}
        if not starts:
            return False
    return True


def _prefix_query(ix, prefix):
    return Prefix("id", prefix)
