"""The records that may carry attachments, and the rules their own apps lend us.

Attachments never import the apps they serve. Each app registers its models
once, in its AppConfig.ready(), with callables from its own permissions module:

    from attachments import registry
    registry.register(
        Meeting,
        can_view=permissions.can_view_meeting,      # (user, meeting) -> bool
        can_change=permissions.can_change_meeting,  # (user, meeting) -> bool
        is_frozen=lambda meeting: meeting.minutes_approved,  # (meeting) -> bool
    )

Views look a parent up only through this registry: a model that is not
registered answers 404, like a record the user may not see.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete
from django.http import Http404


@dataclass(frozen=True)
class Registration:
    model: type
    can_view: object
    can_change: object
    is_frozen: object


_registry = {}


def never(obj):
    return False


def register(model, *, can_view, can_change, is_frozen=never):
    """Let `model` carry attachments, with the owning app's rules."""
    _registry[model._meta.label_lower] = Registration(model, can_view, can_change, is_frozen)
    post_delete.connect(
        _parent_deleted, sender=model, dispatch_uid=f"attachments-{model._meta.label_lower}"
    )


def registration_for(obj_or_model):
    """The registration of a record or model, or None if it carries no attachments."""
    return _registry.get(obj_or_model._meta.label_lower)


def is_registered(obj):
    return registration_for(obj) is not None


def can_view(user, obj):
    registration = registration_for(obj)
    return bool(registration and registration.can_view(user, obj))


def can_change(user, obj):
    registration = registration_for(obj)
    return bool(registration and registration.can_change(user, obj))


def is_frozen(obj):
    registration = registration_for(obj)
    return bool(registration and registration.is_frozen(obj))


def label_of(obj):
    """The registry key of a record, as used in upload URLs: "app_label.model"."""
    return obj._meta.label_lower


def get_parent_or_404(label, object_id):
    """The registered record `label` with pk `object_id`; 404 for anything else."""
    registration = _registry.get(label)
    if registration is None:
        raise Http404
    try:
        return registration.model._default_manager.get(pk=object_id)
    except (registration.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def parent_of_or_404(attachment):
    """The record an attachment belongs to, looked up through the registry only."""
    content_type = ContentType.objects.get_for_id(attachment.content_type_id)
    return get_parent_or_404(f"{content_type.app_label}.{content_type.model}", attachment.object_id)


def _parent_deleted(sender, instance, **kwargs):
    # A deleted record takes its files with it; generic relations do not cascade by themselves.
    from attachments.models import Attachment

    for attachment in Attachment.objects.for_object(instance):
        attachment.delete_with_file()
