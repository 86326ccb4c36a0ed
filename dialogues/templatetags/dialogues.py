from django import template

from dialogues import markdown as md
from dialogues.models import Meeting

register = template.Library()


@register.filter
def markdown(text):
    """Sanitised HTML from Markdown."""
    return md.render(text)


@register.filter
def field_named(form, name):
    """The bound field `name` of `form` (for forms whose fields are made per record)."""
    return form[name]


@register.inclusion_tag("dialogues/includes/to_approve.html", takes_context=True)
def minutes_to_approve(context):
    """The start page's list of minutes waiting for the signed-in user's approval."""
    user = context["request"].user
    meetings = Meeting.objects.awaiting_approval_by(user).select_related("forum")
    return {"meetings": list(meetings.order_by("approval_deadline", "starts_at"))}
