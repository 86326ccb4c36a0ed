from django import template

from attachments import registry
from attachments.forms import AttachmentForm
from attachments.models import Attachment

register = template.Library()


@register.inclusion_tag("attachments/panel.html", takes_context=True)
def attachments_panel(context, record):
    """The record's files, and the upload form for those who may change the record."""
    user = context["request"].user
    can_change = registry.can_change(user, record)
    return {
        "record": record,
        "label": registry.label_of(record),
        "attachments": Attachment.objects.for_object(record),
        "can_change": can_change,
        "frozen": registry.is_frozen(record),
        "form": AttachmentForm(auto_id="id_attachment_%s") if can_change else None,
        "csrf_token": context.get("csrf_token"),
    }
