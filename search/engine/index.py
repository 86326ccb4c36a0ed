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
from pathlib import Path

from whoosh import index as windex
from whoosh.analysis import Token, Tokenizer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.query import Prefix

from . import analysis, documents, locking, matching, snippets, suggest
from .backend import Hit, Results, SearchBackend, clean_filters, clean_paging
from .errors import IndexCorrupt, QueryError
from .query import parse, positive_terms

PREFIX_TERMS = 10  # a prefix expands to at most this many terms
PREFIX_SCAN = 2000  # ... chosen among at most this many candidates
PARTS_BOOST = 0.4  # compound parts count less than whole words


class SvTokenizer(Tokenizer):
    """Whoosh face of analysis.tokens / analysis.part_tokens."""

    SOURCES = {"text": "tokens", "parts": "part_tokens", "pairs": "pair_terms"}

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
        source = getattr(analysis, self.SOURCES[self.kind])
        for pos, start, end, term in source(value):
            t.text, t.boost, t.stopped = term, 1.0, False
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


def make_schema():
    facet = dict(stored=False)
    return Schema(
        id=ID(stored=True, unique=True),
        # No positions anywhere: phrases are answered by the pairs field,
        # which makes indexing several times cheaper than position lists.
        title=TEXT(analyzer=SvTokenizer(), phrase=False, field_boost=2.0),
        text=TEXT(analyzer=SvTokenizer(), phrase=False, stored=True),
        parts=TEXT(analyzer=SvTokenizer("parts"), phrase=False, field_boost=PARTS_BOOST),
        pairs=TEXT(analyzer=SvTokenizer("pairs"), phrase=False),
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
    both = doc["title"] + "\n" + doc["text"]
    return {
        "id": doc["id"],
        "title": doc["title"],
        "text": doc["text"],
        "parts": both,
        "pairs": both,
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
        self.deleted = (
            {d for d in range(self.reader.doc_count_all()) if self.reader.is_deleted(d)}
            if self.reader.has_deletions()
            else set()
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
        return set(self.postings(field, text))

    def weights(self, field, text):
        """{docnum: term frequency} for one term, block by block."""
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
        found = set.intersection(*(self.ids("pairs", p) for p in _pairs(stems)))
        if field == "title" and found:
            found = found.intersection(*(self.ids("title", s) for s in stems))
        return found

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
            return [length(d, "text", 0) for d in range(n)]
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
            base.suggestions = self._did_you_mean(s, leaves, node, viewer)
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

    def _did_you_mean(self, s, leaves, node, viewer):
        allowed = [matching.permitted(leaf, viewer) for leaf in leaves]
        return suggest.did_you_mean(
            positive_terms(node),
            lambda stem: s.reader().terms_within("text", stem, 2, prefix=1),
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


def _pairs(stems):
    return [a + "_" + b for a, b in zip(stems, stems[1:], strict=False)]


def _prefix_query(ix, prefix):
    return Prefix("id", prefix)
