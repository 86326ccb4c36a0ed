"""What the search page shows around the hits: facets, active filters, pages."""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from search import registry
from search.engine.backend import MAX_PAGE
from search.forms import FACET_PARAMS
from search.service import organisation_names

FACET_TITLES = {
    "type": _("Type"),
    "organisations": _("Organisation"),
    "year": _("Year"),
    "status": _("Status"),
    "forum": _("Forum"),
    "agreement": _("Agreement"),
}


def _labels(name, values):
    if name == "type":
        return {t: str(a.label()) for t, a in registry.adapters().items()}
    if name == "organisations":
        return organisation_names(values)
    labels = {}
    for adapter in registry.adapters().values():
        labels.update(adapter.facet_labels(name, values))
    return labels


def url_with(query, **changes):
    """The search URL with some parameters set (None removes one), back on page 1."""
    query = query.copy()
    query.pop("page", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode()


def facet_scale(results):
    """How many matches each sampled match stands for, when the facets were counted over a
    sample (PostgreSQL, `Results.facets_partial`); None when the counts are exact.

    Every document has exactly one type, so the type counts add up to the sample's size."""
    if not results.facets_partial:
        return None
    sample = sum(count for _value, count in results.facets.get("type") or ())
    return results.total / sample if sample else 1.0


def estimate(count, scale):
    """A sampled count scaled to all matches, to two significant digits (1 234 -> 1 200)."""
    n = count * scale
    if n < 100:
        return max(1, round(n))
    digits = len(str(int(n))) - 2
    return round(n / 10**digits) * 10**digits


def facet_groups(facets, form, user, scale=None):
    """[{name, title, values: [{label, count, shown, approximate, selected, url}]}] for the
    non-empty facets; with a `scale` (facet_scale) the counts are estimates, marked approximate.

    An agreement or forum the user may not see is left out: a record they may open can name
    one (a public forum following an agreement that is not public), but its title is not theirs.
    """
    groups = []
    for name, title in FACET_TITLES.items():
        counts = facets.get(name) or []
        if name in UNSEEN:
            seen = _seen(user, name, [value for value, _count in counts])
            counts = [(value, count) for value, count in counts if str(value) in seen]
        if not counts:
            continue
        param = FACET_PARAMS[name]
        labels = _labels(name, [str(value) for value, _count in counts])
        chosen = str(form.cleaned_data.get(param) or "")
        values = [
            {
                "value": value,
                "label": labels.get(str(value), value),
                "count": count if scale is None else estimate(count, scale),
                "approximate": scale is not None,
                "selected": str(value) == chosen,
                "url": url_with(form.data, **{param: None if str(value) == chosen else value}),
            }
            for value, count in counts
        ]
        for value in values:
            value["shown"] = number_format(value["count"], force_grouping=True)
        groups.append({"name": name, "title": title, "values": values})
    return groups


SCOPES = {"agreement": "agreement", "forum": "forum"}  # facet -> parameter of a scoped search
# What a filter on an agreement or forum the user may not see (or that does not exist) is
# called: its title is not theirs to learn from a hand-made address.
UNSEEN = {"agreement": _("the chosen agreement"), "forum": _("the chosen forum")}


def _seen(user, name, values):
    """Of the agreement or forum ids among `values`, those `user` may see (as text)."""
    ids = [int(v) for v in values if str(v).isdigit()]
    if not ids:
        return set()
    if name == "agreement":
        from agreements.permissions import visible_agreements

        readable = visible_agreements(user)
    else:
        from dialogues.permissions import readable_forums

        readable = readable_forums(user)
    return {str(pk) for pk in readable.filter(pk__in=ids).values_list("pk", flat=True)}


def _chosen_label(user, name, value):
    """The label of a filter value taken from the address, shown only to those who may see it."""
    label = _labels(name, [value]).get(str(value))
    if name in UNSEEN and (label is None or str(value) not in _seen(user, name, [value])):
        return UNSEEN[name]
    return value if label is None else label


def scope(form, user):
    """The agreement or forum a scoped search box limited the search to, with a way out."""
    for name, param in SCOPES.items():
        value = form.cleaned_data.get(param)
        if value:
            return {
                "label": _chosen_label(user, name, value),
                "url": url_with(form.data, **{param: None}),
            }
    return None


def active_filters(form, user):
    """The facet filters in force (besides the scope), each with a label, to show and remove."""
    out = []
    shown_scope = next((p for p in SCOPES.values() if form.cleaned_data.get(p)), None)
    for name, param in FACET_PARAMS.items():
        if param == shown_scope:
            continue
        value = form.cleaned_data.get(param)
        if value:
            label = _chosen_label(user, name, value)
            out.append(
                {
                    "label": label,
                    "title": FACET_TITLES[name],
                    "url": url_with(form.data, **{param: None}),
                }
            )
    return out


class ResultPage:
    """Enough of Django's Page for includes/pagination.html."""

    def __init__(self, results):
        self.number = results.page
        self.num_pages = min(results.pages, MAX_PAGE)
        self.paginator = self

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.num_pages

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1
