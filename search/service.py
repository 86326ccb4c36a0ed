"""Searching as a user: the engine filters by the user's groups, the database checks again.

The Viewer holds the ids of the user's groups, read at query time, so a
membership change applies at once without reindexing. Every hit is then
checked against the record's own rule (the adapter's `visible_pks`), so a
stale index can never show a record the user may not open.
"""

import logging
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.utils.translation import gettext as _

from organisations.models import Organisation
from organisations.permissions import user_group_ids
from search import backends, registry, words
from search.engine.backend import Results, Viewer
from search.engine.errors import IndexCorrupt, SearchError
from search.engine.query import MAX_CHARS, MAX_CLAUSES, MIN_PREFIX

log = logging.getLogger(__name__)


def viewer_for(user):
    """Anonymous visitors see public records; superusers see every group's records."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return Viewer.of(Group.objects.values_list("pk", flat=True))
    if not user.is_authenticated or not user.is_active:
        return Viewer.of()
    return Viewer.of({*user_group_ids(user), registry.person_token(user.pk)})


@dataclass
class Found:
    """One hit the user may open, with its record for the page."""

    hit: object
    adapter: object
    record: object
    organisations: list = field(default_factory=list)
    also_in: list = field(default_factory=list)  # older version numbers with the same hit

    @property
    def type_label(self):
        return self.adapter.label()

    @property
    def also_in_label(self):
        """ "1–3", "1, 3–4": the older versions, runs of numbers as ranges."""
        runs = []
        for number in sorted(self.also_in):
            if runs and number == runs[-1][1] + 1:
                runs[-1][1] = number
            else:
                runs.append([number, number])
        return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)


def search(user, text, *, filters=None, sort="relevance", page=1, per_page=20):
    """Results for `user`, with hits the user may open wrapped as `Found`."""
    try:
        results = backends.backend().search(
            text, viewer_for(user), filters=filters, sort=sort, page=page, per_page=per_page
        )
    except IndexCorrupt:
        log.exception("The search index cannot be read")
        return Results(error=_("Search is not available right now. Please try again later."))
    except SearchError as error:
        log.warning("Search failed: %s", error)
        return Results(error=_("Search is not available right now. Please try again later."))
    except Exception:
        # An engine bug must cost the user one query, not an error page.
        log.exception("Search failed for %r", text[:200])
        return Results(error=_("This search could not be run. Try other words."))
    results.error = friendly_error(results.error)
    _check_hits(user, results)
    _collapse_versions(results)
    if results.suggestions:
        results.suggestions = words.suggestions(text, results.suggestions, _hits_for(user))
    return results


def _hits_for(user):
    """search_hits(text): the permitted hits of a plain search, both layers applied."""

    def search_hits(text):
        results = backends.backend().search(
            text, viewer_for(user), per_page=words.SAMPLE, facets=False, suggest=False
        )
        _check_hits(user, results, name=False)
        return [found.hit for found in results.hits]

    return search_hits


def _check_hits(user, results, name=True):
    """Keep the hits the database lets `user` open; results.hits becomes a list of Found."""
    wanted = {}
    for hit in results.hits:
        adapter, pk = registry.parse_id(hit.id)
        if adapter is not None:
            wanted.setdefault(adapter.type, set()).add(pk)
    records = {
        (type_, pk): obj
        for type_, pks in wanted.items()
        for pk, obj in registry.adapters()[type_].visible_objects(user, pks).items()
    }
    found = []
    for hit in results.hits:
        adapter, pk = registry.parse_id(hit.id)
        if adapter is not None and (adapter.type, pk) in records:
            found.append(Found(hit, adapter, records[adapter.type, pk]))
    if len(found) < len(results.hits):
        # Only a stale index gets here; `search_index verify --fix` repairs it.
        log.warning("Search dropped %d hits the database refuses", len(results.hits) - len(found))
        results.total -= len(results.hits) - len(found)
    if name:
        _name_organisations(found)
    results.hits = found


def _collapse_versions(results):
    """Hits on the same section in several versions become one: the newest version, in the
    place of the best-ranked one, naming the others (`Found.also_in`). The total stays the
    engine's count of what the user may open (a page may then show fewer hits)."""
    groups, kept = {}, []
    for found in results.hits:
        version = found.adapter.version_of(found.record, found.hit.id.partition("#")[2])
        if version is None:
            kept.append(found)
            continue
        key, number = version
        if key not in groups:
            groups[key] = []
            kept.append(key)
        groups[key].append((number, found))
    results.hits = []
    for item in kept:
        if isinstance(item, Found):
            results.hits.append(item)
            continue
        versions = sorted(groups[item], key=lambda nf: nf[0], reverse=True)
        newest = versions[0][1]
        newest.also_in = [number for number, _ in versions[1:]]
        results.hits.append(newest)


def _name_organisations(found):
    ids = [f.adapter.fields(f.record).get("organisations", ()) for f in found]
    names = organisation_names({i for values in ids for i in values})
    for f, values in zip(found, ids, strict=True):
        f.organisations = [names[str(i)] for i in values if str(i) in names]


def autocomplete(user, prefix, limit=8):
    """Written words (not index stems) completing `prefix`, from records the user may open."""
    try:
        stems = backends.backend().autocomplete(prefix, viewer_for(user), limit=limit * 2)
        return words.completions(stems, prefix, _hits_for(user), limit) if stems else []
    except Exception:
        log.exception("Autocomplete failed")
        return []


def organisation_names(ids):
    """{str(id): name} for facet values and hit labels."""
    ids = [int(i) for i in ids if str(i).isdigit()]
    return {
        str(pk): name
        for pk, name in Organisation.objects.filter(pk__in=ids).values_list("pk", "name")
    }


def type_labels():
    return {type_: str(adapter.label()) for type_, adapter in registry.adapters().items()}


def messages():
    """The user's message for each engine error code (search.engine.errors, query.py)."""
    return {
        "too_long": _("The query is too long (at most %(n)s characters).") % {"n": MAX_CHARS},
        "too_many_parts": _("The query has too many parts (at most %(n)s).") % {"n": MAX_CLAUSES},
        "only_exclusions": _("Give at least one search word that is not excluded."),
        "no_words": _("The query has no searchable words. Try other words."),
        "short_prefix": _("Type at least %(n)s letters before *.") % {"n": MIN_PREFIX},
    }


def friendly_error(code):
    """The translated message of an engine error code (None stays None)."""
    if not code:
        return code
    return messages().get(code, _("This search could not be run. Try other words."))
