"""The document dict every backend indexes, and its validation.

A document is one searchable unit: a record, or one section / agenda item
of a long record (id "agreements.revision:12#s3").  Visibility is stored as
the auth-group ids that may view it plus a public flag, never as a list of
users, so a membership change needs no reindexing of documents.
"""

import datetime
import hashlib

from .errors import InvalidDocument

FACETS = ("type", "organisations", "forum", "agreement", "year", "status")
REQUIRED = ("id", "type", "title", "text")


def prepare(doc):
    """Return a validated copy of doc with defaults, year and version."""
    missing = [k for k in REQUIRED if not doc.get(k) and k != "text"]
    if missing:
        raise InvalidDocument(f"Document {doc.get('id')!r} lacks {missing}")
    out = {
        "id": str(doc["id"]),
        "type": str(doc["type"]),
        "title": str(doc["title"]),
        "text": str(doc.get("text") or ""),
        "date": _date(doc.get("date")),
        "url": str(doc.get("url") or ""),
        "organisations": sorted({int(o) for o in doc.get("organisations") or ()}),
        "agreement": _opt(doc.get("agreement")),
        "forum": _opt(doc.get("forum")),
        "status": str(doc.get("status") or ""),
        "groups": sorted({int(g) for g in doc.get("groups") or ()}),
        "public": bool(doc.get("public")),
    }
    out["year"] = out["date"].year if out["date"] else None
    out["version"] = str(doc.get("version") or content_hash(out))
    return out


def content_hash(doc):
    """A stable hash of everything indexed, for verify against the database."""
    keys = (
        "id",
        "type",
        "title",
        "text",
        "date",
        "url",
        "organisations",
        "agreement",
        "forum",
        "status",
        "groups",
        "public",
    )
    h = hashlib.sha1()
    for k in keys:
        h.update(repr(doc.get(k)).encode("utf-8"))
    return h.hexdigest()[:16]


def _date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InvalidDocument(f"Bad date {value!r}") from exc


def _opt(value):
    return None if value in (None, "") else str(value)
