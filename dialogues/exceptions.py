"""Named domain errors; views turn each into a clear message and change nothing.

Each carries a message in the user's language (as agreements' errors do), so the pages and the
API show `str(error)` as it is.
"""

from django.utils.translation import gettext_lazy as _


class DialogueError(Exception):
    """Base class: an action that the record's state does not allow."""

    message = _("That is not possible right now.")

    def __init__(self, message=None):
        super().__init__(message or self.message)

    def __str__(self):
        return str(self.args[0])


class MinutesFrozen(DialogueError):
    """Approved minutes never change; corrections are addenda."""

    message = _("Approved minutes cannot be changed. Add an addendum instead.")


class AgendaFrozen(DialogueError):
    """The agenda and attendance are part of approved minutes."""

    message = _("The minutes are approved; the agenda and attendance are part of them.")


class MinutesNotDraft(DialogueError):
    """Only draft minutes can be sent for checking."""

    message = _("The minutes have already been sent for checking.")


class MinutesNotSentForChecking(DialogueError):
    """Minutes are approved only after they were sent for checking."""

    message = _("The minutes must be sent for checking first.")


class MinutesEmpty(DialogueError):
    """There is nothing to send for checking."""

    message = _("Write the minutes before sending them for checking.")


class NoMinutesChecker(DialogueError):
    """The meeting has no present attendee with the minutes checker role."""

    message = _("Add a present attendee with the role minutes checker before sending the minutes.")


class NotMinutesChecker(DialogueError):
    """Only a member of the minutes checker's organisation approves the minutes."""

    message = _("Only a member of the minutes checker's organisation can approve the minutes.")


class MinutesNotApproved(DialogueError):
    """Addenda correct approved minutes; before approval, edit the minutes instead."""

    message = _("Addenda are for approved minutes; edit the draft instead.")


class InvalidTransition(DialogueError):
    """The action item cannot move from its status to the one asked for."""

    message = _("The action item cannot move to that status.")


class EditWindowClosed(DialogueError):
    """A post can be edited by its author only for a short time after posting."""

    message = _("The time for editing this post has passed.")


class HiddenPost(DialogueError):
    """A hidden post can no longer be edited."""

    message = _("A hidden post cannot be edited.")


class ReasonRequired(DialogueError):
    """Hiding a post needs a reason, kept for the record."""

    message = _("Give a reason for hiding the post.")
