"""Named domain errors; views turn each into a clear message and change nothing."""


class DialogueError(Exception):
    """Base class: an action that the record's state does not allow."""


class MinutesFrozen(DialogueError):
    """Approved minutes never change; corrections are addenda."""


class MinutesNotDraft(DialogueError):
    """Only draft minutes can be sent for checking."""


class MinutesNotSentForChecking(DialogueError):
    """Minutes are approved only after they were sent for checking."""


class MinutesEmpty(DialogueError):
    """There is nothing to send for checking."""


class NoMinutesChecker(DialogueError):
    """The meeting has no present attendee with the minutes checker role."""


class NotMinutesChecker(DialogueError):
    """Only a member of the minutes checker's organisation approves the minutes."""


class MinutesNotApproved(DialogueError):
    """Addenda correct approved minutes; before approval, edit the minutes instead."""


class InvalidTransition(DialogueError):
    """The action item cannot move from its status to the one asked for."""


class EditWindowClosed(DialogueError):
    """A post can be edited by its author only for a short time after posting."""


class HiddenPost(DialogueError):
    """A hidden post can no longer be edited."""


class ReasonRequired(DialogueError):
    """Hiding a post needs a reason, kept for the record."""
