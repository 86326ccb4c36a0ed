"""Removing a person (GDPR art. 17, as far as the archives law allows).

What they wrote stays part of the agreement's history (comments, posts, minutes, register
entries: official documents kept under the archives law), but the account no longer names
them: its name becomes the name of the organisations the person acted for, so every page,
API answer and export that shows the author shows the organisation instead. The e-mail
address, the password and everything that only served the person (memberships,
notifications, settings, API tokens, webhooks) are removed, and the account is switched off.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import NotificationPreference
from core.errors import DomainError
from notifications.models import Digest, Notification, Setting

REMOVED_USERNAME = "removed-{pk}"


class AlreadyRemoved(DomainError):
    """Another request removed the person first (two tabs, a double click): nothing to do."""

    message = gettext_lazy("Your account has already been removed. Nothing more was changed.")


def organisation_names(user):
    names = user.memberships.order_by("organisation__name").values_list(
        "organisation__name", flat=True
    )
    if names:
        return ", ".join(names)[:150]
    with translation.override(settings.LANGUAGE_CODE):
        return _("Former user")


@transaction.atomic
def remove_person(user):
    """Hide the person behind their organisation and switch the account off.

    Raises organisations.models.LastCoordinator (and changes nothing) if the person is an
    organisation's last coordinator: someone else must be able to act for it first, and
    AlreadyRemoved if another request removed them meanwhile: the row is read again under its
    lock, so a second removal never renames the account a second time ("Former user", once
    the memberships are gone) and the organisation shown stays the one they acted for.
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if user.username == REMOVED_USERNAME.format(pk=user.pk):
        raise AlreadyRemoved
    shown_as = organisation_names(user)
    for membership in user.memberships.select_related("organisation"):
        membership.remove(by=user)
    for model in (Notification, Setting, Digest, NotificationPreference):
        model.objects.filter(user=user).delete()
    user.api_tokens.all().delete()
    user.webhooks.all().delete()
    user.username = REMOVED_USERNAME.format(pk=user.pk)
    user.first_name, user.last_name, user.email = shown_as, "", ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    return user
