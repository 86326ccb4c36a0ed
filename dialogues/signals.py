from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from dialogues import permissions
from dialogues.models import Forum, ForumMember
from organisations.models import Organisation


@receiver(post_save, sender=Forum)
def forum_saved(sender, instance, **kwargs):
    # Organiser or visibility may have changed: recompute from the data.
    permissions.sync_forum_permissions(instance)


@receiver(post_save, sender=ForumMember)
@receiver(post_delete, sender=ForumMember)
def forum_member_changed(sender, instance, **kwargs):
    forum = Forum.objects.filter(pk=instance.forum_id).first()
    if forum is not None:  # the forum may be the one being deleted
        permissions.sync_forum_permissions(forum)


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, created, **kwargs):
    # A new department joins the staff who read its municipality's forums.
    if created and instance.kind == Organisation.Kind.DEPARTMENT and instance.parent_id:
        for forum in Forum.objects.filter(
            organiser__in=[instance.parent, *instance.parent.children.all()]
        ):
            permissions.sync_forum_permissions(forum)
