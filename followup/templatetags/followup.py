from django import template

from followup.models import Commitment, Indicator

register = template.Library()


@register.filter
def status_label(value):
    """A commitment status as the reader's language says it (reports store the key)."""
    try:
        return Commitment.Status(value).label
    except ValueError:
        return value


# The agreement's timeline loads this one alone (`{% load commitment_status from followup %}`):
# its own `status_label` is the agreement's.
register.filter("commitment_status", status_label)


@register.filter
def indicator_name(row):
    """An indicator of a compiled report in the reader's language: a computed one by its key
    (reports published before the key was kept show the name as it was stored)."""
    if row.get("computed"):
        return Indicator.Computed(row["computed"]).label
    return row["name"]
