from django import template

from followup.models import Commitment

register = template.Library()


@register.filter
def status_label(value):
    """A commitment status as the reader's language says it (reports store the key)."""
    try:
        return Commitment.Status(value).label
    except ValueError:
        return value
