from django import template

from attachments import registry
from attachments.forms import AttachmentForm
from attachments.models import files_of

register = template.Library()


def _panel(context, record):
    user = context["request"].user
    return {
        "record": record,
        "label": registry.label_of(record),
        "attachments": files_of(record),
        "can_change": registry.can_change(user, record),
        "frozen": registry.is_frozen(record),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("attachments/panel.html", takes_context=True)
def attachments_panel(context, record):
    """The record's files, and the upload form for those who may change the record."""
    panel = _panel(context, record)
    panel["form"] = AttachmentForm(auto_id="id_attachment_%s") if panel["can_change"] else None
    return panel


@register.inclusion_tag("attachments/compact.html", takes_context=True)
def attachments_compact(context, record):
    """A short list of the record's files, for records shown many to a page (posts,
    comments, agenda items): no heading, no form, a link to the upload page instead.
    Prefetch the files with `Attachment.objects.prefetch_for(records)`."""
    return _panel(context, record)
