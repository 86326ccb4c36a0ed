"""Fast bulk writing of Whoosh segments.

Whoosh's own writer pays several Python calls per posting: the field's
word_values generator, a tuple into a sorting pool (pickled to run files
when it fills), a merge of the runs, then add_posting per posting with a
lookup of the field length from disk.  For an initial load that was about
4 ms of CPU per record.  BulkWriter keeps Whoosh's segment format (the
files are read by Whoosh's own reader) but collects each term's postings
in memory, already in document order, and writes whole blocks at once.

Only for filling a fresh segment; updates go through Whoosh's writer.
"""

from array import array
from collections import Counter

import numpy as np
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from . import analysis

BLOCK = 1024  # postings per block (Whoosh's default is 128)
MAX_POS = 65535  # positions are stored as uint16


def encode_positions(poslist):
    """Raw uint16 positions: C speed to write, numpy to read."""
    return array("H", [p for p in poslist if p <= MAX_POS]).tobytes()


class BulkWriter(SegmentWriter):
    """Adds prepared field dicts (index.to_fields) to one new segment."""

    TEXT = ("title", "text", "parts")

    def __init__(self, ix, **kwargs):
        super().__init__(ix, compound=False, **kwargs)
        # field -> {btext: [docnums, weights, values]}
        self._posts = {name: {} for name in self.schema.names() if self.schema[name].indexed}
        self._lengths = {name: array("I") for name in self.TEXT}

    def add_fields(self, fields):
        self._check_state()
        schema, docnum, perdoc = self.schema, self.docnum, self.perdocwriter
        posts = self._posts
        perdoc.start_doc(docnum)
        terms, parts = analysis.analyze(fields["text"])
        tterms, tparts = analysis.analyze(fields["title"])
        # text: positions, for phrases
        poses = {}
        for i, w in enumerate(terms):
            ps = poses.get(w)
            if ps is None:
                poses[w] = [i]
            else:
                ps.append(i)
        fb = schema["text"].format.field_boost
        p = posts["text"]
        for w, ps in poses.items():
            self._post(p, w, docnum, len(ps) * fb, encode_positions(ps))
        self._add_counts("parts", Counter(parts), docnum)
        self._add_counts("title", Counter(tterms + tparts), docnum)
        lengths = {"text": len(terms), "parts": len(parts), "title": len(tterms) + len(tparts)}
        for name in sorted(fields):
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            length = lengths.get(name, 0)
            if name in lengths:
                self._lengths[name].append(length)
            elif field.indexed:
                p = posts[name]
                for tbytes, _freq, weight, vbytes in field.index(value):
                    self._post(p, tbytes, docnum, weight, vbytes, encoded=True)
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_counts(self, name, counter, docnum):
        fb = self.schema[name].format.field_boost
        p = self._posts[name]
        for w, n in counter.items():
            self._post(p, w, docnum, n * fb, _UINT[n] if n < 256 else pack_uint(n))

    @staticmethod
    def _post(p, term, docnum, weight, vbytes, encoded=False):
        key = term if encoded else term.encode("utf-8")
        entry = p.get(key)
        if entry is None:
            p[key] = ([docnum], [weight], [vbytes] if vbytes else [])
        else:
            entry[0].append(docnum)
            entry[1].append(weight)
            if vbytes:
                entry[2].append(vbytes)

    def _flush_segment(self):
        self.perdocwriter.close()
        fw = self.fieldwriter
        for name in sorted(self._posts):
            terms = self._posts[name]
            if not terms:
                continue
            lengths = self._lengths.get(name)
            lengths = np.frombuffer(lengths, dtype=np.uint32) if lengths else None
            fw.start_field(name, self.schema[name])
            pw = fw._postwriter
            for btext in sorted(terms):
                ids, weights, values = terms[btext]
                fw.start_term(btext)
                _write_term(pw, ids, weights, values, lengths)
                fw.finish_term()
            fw.finish_field()
        fw.close()
        self._posts = {}

    def _close_segment(self):
        if not self.perdocwriter.is_closed:
            self.perdocwriter.close()
        if not self.fieldwriter.is_closed:
            self.fieldwriter.close()
        self.pool.cleanup()


def pack_uint(n):
    from whoosh.system import pack_uint as pu

    return pu(n)


_UINT = [pack_uint(n) for n in range(256)]


def _write_term(pw, ids, weights, values, lengths):
    """Write one term's postings as whole blocks through Whoosh's writer."""
    n = len(ids)
    for start in range(0, n, BLOCK):
        end = min(n, start + BLOCK)
        if start:
            pw._write_block()
        block_ids = array("I", ids[start:end])
        pw._ids = block_ids
        pw._weights = array("f", weights[start:end])
        pw._values = values[start:end]
        pw._maxweight = max(pw._weights)
        if lengths is not None:
            ls = lengths[np.frombuffer(block_ids, dtype=np.uint32)]
            pw._minlength, pw._maxlength = int(ls.min()), int(ls.max())
        else:
            pw._minlength, pw._maxlength = None, 0
        pw._mini_ids = _mini_ids.__get__(pw)


def _mini_ids(self):
    ids = np.frombuffer(self._ids, dtype=np.uint32).astype(np.int64)
    return tuple(np.diff(ids, prepend=0).tolist())


__all__ = ["BulkWriter", "encode_positions", "length_to_byte"]
