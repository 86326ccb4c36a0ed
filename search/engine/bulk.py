"""Fast bulk writing of Whoosh segments.

Whoosh's own writer pays several Python calls per posting: the field's
word_values generator, a tuple into a sorting pool (pickled to run files
when it fills), a merge of the runs, then add_posting per posting with a
lookup of the field length.  For an initial load that was about 4 ms of
CPU per record.  BulkWriter keeps Whoosh's segment format (the files are
read by Whoosh's own reader) but analyses each text into integer term ids
with one dictionary pass at C speed, groups them with numpy, and at commit
sorts all postings of a field at once and writes whole blocks.

Only for filling a fresh segment; updates go through Whoosh's writer.
"""

from array import array

import numpy as np
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from . import analysis

BLOCK = 1024  # postings per block (Whoosh's default is 128)
MAX_POS = 65535  # positions are stored as uint16
_UINT = [pack_uint(n) for n in range(256)]


def encode_positions(poslist):
    """Raw uint16 positions: C speed to write, numpy to read."""
    return array("H", [p for p in poslist if p <= MAX_POS]).tobytes()


class _Words(dict):
    """Raw word -> word id; analysed once per distinct word form."""

    def __init__(self, vocab):
        super().__init__()
        self.vocab = vocab
        self.term = np.full(1024, -1, dtype=np.int32)  # word id -> term id (-1: stop word)
        self.nparts = np.zeros(1024, dtype=np.int32)
        self.parts = []  # word id -> tuple of part term ids

    def __missing__(self, word):
        wid = len(self)
        if wid >= len(self.term):
            self.term = np.concatenate([self.term, np.full(len(self.term), -1, np.int32)])
            self.nparts = np.concatenate([self.nparts, np.zeros(len(self.nparts), np.int32)])
        term = analysis.normalize(word)
        parts = analysis.compound_parts(word) if term is not None else ()
        self.term[wid] = -1 if term is None else self.vocab[term]
        self.parts.append(tuple(self.vocab[p] for p in parts))
        self.nparts[wid] = len(parts)
        self[word] = wid
        return wid


class _Vocab(dict):
    """Term string -> term id."""

    def __missing__(self, term):
        tid = self[term] = len(self)
        return tid


class _Field:
    """Postings of one field, as per-document numpy chunks."""

    def __init__(self, positions):
        self.terms, self.counts, self.docs, self.pos = [], [], [], [] if positions else None
        self.lengths = array("I")

    def add(self, docnum, tids, counts, pos=None):
        self.terms.append(tids)
        self.counts.append(counts)
        self.docs.append(np.full(len(tids), docnum, dtype=np.int32))
        if pos is not None:
            self.pos.append(pos)


class BulkWriter(SegmentWriter):
    """Adds prepared field dicts (index.to_fields) to one new segment."""

    TEXT = ("title", "text", "parts")

    def __init__(self, ix, **kwargs):
        super().__init__(ix, compound=False, **kwargs)
        self._vocab = _Vocab()
        self._words = _Words(self._vocab)
        self._fields = {"text": _Field(True), "parts": _Field(False), "title": _Field(False)}
        # other indexed fields (ids, facets, groups): field -> {btext: [docs, weights, values]}
        self._posts = {
            name: {}
            for name in self.schema.names()
            if self.schema[name].indexed and name not in self.TEXT
        }

    def add_fields(self, fields):
        self._check_state()
        schema, docnum, perdoc = self.schema, self.docnum, self.perdocwriter
        perdoc.start_doc(docnum)
        lengths = self._add_text(docnum, fields["text"])
        lengths["title"] = self._add_title(docnum, fields["title"])
        for name in sorted(fields):
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            length = lengths.get(name, 0)
            if name in self.TEXT:
                self._fields[name].lengths.append(length)
            elif field.indexed:
                p = self._posts[name]
                for tbytes, _freq, weight, vbytes in field.index(value):
                    entry = p.get(tbytes)
                    if entry is None:
                        p[tbytes] = entry = ([], [], [])
                    entry[0].append(docnum)
                    entry[1].append(weight)
                    if vbytes:
                        entry[2].append(vbytes)
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_text(self, docnum, text):
        words = analysis.WORD_RE.findall(text)
        wmap = self._words
        wids = np.fromiter(map(wmap.__getitem__, words), dtype=np.int32, count=len(words))
        tids = wmap.term[wids]
        tids = tids[tids >= 0][: MAX_POS + 1]
        if not len(tids):
            self._fields["parts"].lengths.append(0)
            return {"text": 0, "parts": 0}
        order = np.argsort(tids, kind="stable")
        st = tids[order]
        starts = np.flatnonzero(np.r_[True, st[1:] != st[:-1]])
        counts = np.diff(np.r_[starts, len(st)])
        self._fields["text"].add(docnum, st[starts], counts, order.astype(np.uint16))
        # compound parts: per distinct word form that has parts
        uw, wc = np.unique(wids, return_counts=True)
        has = wmap.nparts[uw] > 0
        nparts = 0
        if has.any():
            acc = {}
            parts = wmap.parts
            for w, c in zip(uw[has].tolist(), wc[has].tolist(), strict=True):
                for p in parts[w]:
                    acc[p] = acc.get(p, 0) + c
                    nparts += c
            ptids = np.fromiter(acc.keys(), dtype=np.int32, count=len(acc))
            pcounts = np.fromiter(acc.values(), dtype=np.int64, count=len(acc))
            self._fields["parts"].add(docnum, ptids, pcounts)
        return {"text": len(tids), "parts": nparts}

    def _add_title(self, docnum, title):
        terms, parts = analysis.analyze(title)
        acc = {}
        vocab = self._vocab
        for t in terms + parts:
            tid = vocab[t]
            acc[tid] = acc.get(tid, 0) + 1
        if acc:
            self._fields["title"].add(
                docnum,
                np.fromiter(acc.keys(), dtype=np.int32, count=len(acc)),
                np.fromiter(acc.values(), dtype=np.int64, count=len(acc)),
            )
        return len(terms) + len(parts)

    def _flush_segment(self):
        self.perdocwriter.close()
        fw = self.fieldwriter
        # term ids in the byte order Whoosh's term table needs
        strings = list(self._vocab)
        encoded = [s.encode("utf-8") for s in strings]
        by_bytes = sorted(range(len(encoded)), key=encoded.__getitem__)
        rank = np.empty(len(encoded), dtype=np.int64)
        rank[by_bytes] = np.arange(len(encoded))
        for name in sorted(set(self._posts) | set(self._fields)):
            field = self.schema[name]
            if name in self._fields:
                self._flush_text(fw, name, field, encoded, by_bytes, rank)
                continue
            terms = self._posts[name]
            if not terms:
                continue
            fw.start_field(name, field)
            pw = fw._postwriter
            for btext in sorted(terms):
                ids, weights, values = terms[btext]
                fw.start_term(btext)
                _write_term(pw, np.array(ids, dtype=np.uint32), weights, values, None)
                fw.finish_term()
            fw.finish_field()
        fw.close()
        self._posts, self._fields = {}, {}

    def _flush_text(self, fw, name, field, encoded, by_bytes, rank):
        f = self._fields[name]
        if not f.terms:
            return
        terms = np.concatenate(f.terms)
        counts = np.concatenate(f.counts)
        docs = np.concatenate(f.docs)
        lengths = np.frombuffer(f.lengths, dtype=np.uint32)
        perm = np.argsort(rank[terms], kind="stable")  # by term, then document
        terms, counts_s, docs = terms[perm], counts[perm], docs[perm]
        weights = (counts_s * field.format.field_boost).astype(np.float32)
        if f.pos is not None:
            blob = np.concatenate(f.pos).tobytes()
            offsets = np.zeros(len(counts), dtype=np.int64)
            np.cumsum(counts[:-1], out=offsets[1:])
            offs = (offsets[perm] * 2).tolist()
            ends = ((offsets[perm] + counts[perm]) * 2).tolist()
        else:
            cl = counts_s.tolist()
        bounds = np.flatnonzero(np.r_[True, terms[1:] != terms[:-1]]).tolist() + [len(terms)]
        tlist = terms[np.array(bounds[:-1], dtype=np.int64)].tolist() if len(terms) else []
        fw.start_field(name, field)
        pw = fw._postwriter
        # Uncompressed blocks: zlib was a fifth of loading time, and reading
        # skips the decompression too (the segment is about a third larger).
        pw._compression = 0
        for i, tid in enumerate(tlist):
            a, b = bounds[i], bounds[i + 1]
            if f.pos is not None:
                values = [blob[s:e] for s, e in zip(offs[a:b], ends[a:b], strict=True)]
            else:
                values = [_UINT[c] if c < 256 else pack_uint(c) for c in cl[a:b]]
            fw.start_term(encoded[tid])
            _write_term(pw, docs[a:b].astype(np.uint32), weights[a:b], values, lengths)
            fw.finish_term()
        fw.finish_field()

    def _close_segment(self):
        if not self.perdocwriter.is_closed:
            self.perdocwriter.close()
        if not self.fieldwriter.is_closed:
            self.fieldwriter.close()
        self.pool.cleanup()


def _write_term(pw, ids, weights, values, lengths):
    """Write one term's postings as whole blocks through Whoosh's writer;
    the last block is left buffered for finish_term()."""
    n = len(ids)
    weights = np.asarray(weights, dtype=np.float32)
    for start in range(0, n, BLOCK):
        end = min(n, start + BLOCK)
        if start:
            pw._write_block()
        block = ids[start:end]
        pw._ids = array("I", block.tobytes())
        pw._weights = array("f", weights[start:end].tobytes())
        pw._values = values[start:end]
        pw._maxweight = float(weights[start:end].max())
        if lengths is not None:
            ls = lengths[block]
            pw._minlength, pw._maxlength = int(ls.min()), int(ls.max())
        else:
            pw._minlength, pw._maxlength = None, 0
        pw._mini_ids = _mini_ids.__get__(pw)


def _mini_ids(self):
    ids = np.frombuffer(self._ids, dtype=np.uint32).astype(np.int64)
    return tuple(np.diff(ids, prepend=0).tolist())
