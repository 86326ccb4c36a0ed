"""Named domain errors; views turn each into a clear message and change nothing.

Each carries a message in the user's language (as agreements' errors do), so the pages and the
API show `str(error)` as it is.
"""

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError


class DialogueError(DomainError):
    """Base class: an action that the record's state does not allow."""

    message = _("That is not possible right now.")


class MinutesFrozen(DialogueError):
    """Approved minutes never change; corrections are addenda."""

    message = _("Approved minutes cannot be changed. Add an addendum instead.")


class AgendaFrozen(DialogueError):
    """The agenda and attendance are part of approved minutes."""

    message = _("The minutes are approved; the agenda and attendance are part of them.")


class MinutesNotDraft(DialogueError):
    """Only draft minutes can be sent for approval."""

    message = _("The minutes have already been sent for approval.")


class MinutesNotSentForChecking(DialogueError):
    """Minutes are approved only after they were sent for approval."""

    message = _("The minutes must be sent for approval first.")


class MinutesEmpty(DialogueError):
    """There is nothing to send for approval."""

    message = _("Write the minutes before sending them for approval.")


class NoApprovers(DialogueError):
    """The minutes go to named approvers; the meeting has none yet."""

    message = _(
        "Name at least one approver among the people present (on the attendance page) before "
        "sending the minutes."
    )


class NotAnApprover(DialogueError):
    """Only the named approvers approve the minutes."""

    message = _("Only the approvers named in the attendance can approve these minutes.")


class WriterCannotApprove(DialogueError):
    """Whoever wrote or sent the minutes does not approve them: the check is independent."""

    message = _("You wrote these minutes, so you cannot approve them. Another approver must.")


class AlreadyApproved(DialogueError):
    """Each approver approves once."""

    message = _("You have already approved these minutes.")


class MinutesChanged(DialogueError):
    """The minutes changed after the approver opened them."""

    message = _("The minutes changed after you opened them. Read them again before approving.")


class MinutesSentForApproval(DialogueError):
    """Minutes out for approval, with their agenda and attendance, wait for the approvers."""

    message = _(
        "The minutes have been sent for approval. Take them back to change the minutes, "
        "the agenda or the attendance."
    )


class MinutesEditConflict(DialogueError):
    """Someone saved the minutes after this writer opened them."""

    message = _(
        "Someone else saved the minutes after you opened them. Your text was not saved; "
        "open the minutes again and add your changes."
    )


class DeadlineBeforeMeeting(DialogueError):
    """An approval deadline before the meeting makes no sense."""

    message = _("The deadline for approval cannot be before the meeting.")


class AttendanceInvalid(DialogueError):
    """The attendance as given breaks a rule; the message says which and for whom."""

    message = _("The attendance could not be saved.")


class MeetingCancelled(DialogueError):
    """A called-off meeting has no notice, calendar file or minutes."""

    message = _("The meeting has been called off.")


class MeetingOver(DialogueError):
    """A notice is for a meeting still to come."""

    message = _("The meeting is over; a notice is only sent before a meeting.")


class ForumClosed(DialogueError):
    """A closed forum holds no new meetings."""

    message = _("The forum is closed.")


class ForumOpen(DialogueError):
    """Only a closed forum can be reopened."""

    message = _("The forum is open.")


class UpcomingMeetings(DialogueError):
    """A forum with planned meetings ahead cannot close."""

    message = _("The forum has planned meetings ahead. Call them off before closing the forum.")


class NotAMember(DialogueError):
    """A person named for an organisation must belong to it."""

    message = _("That person is not a member of the organisation.")


class MinutesNotApproved(DialogueError):
    """Addenda correct approved minutes; before approval, edit the minutes instead."""

    message = _("Addenda are for approved minutes; edit the draft instead.")


class InvalidTransition(DialogueError):
    """The action item cannot move from its status to the one asked for."""

    message = _("The action item cannot move to that status.")


class InvalidMeetingTransition(DialogueError):
    """The meeting cannot move from its status to the one asked for."""

    message = _("The meeting cannot move to that status.")


class EditWindowClosed(DialogueError):
    """A post can be edited by its author only for a short time after posting."""

    message = _("The time for editing this post has passed.")


class HiddenPost(DialogueError):
    """A hidden post can no longer be edited."""

    message = _("A hidden post cannot be edited.")


class ReasonRequired(DialogueError):
    """Hiding a post needs a reason, kept for the record."""

    message = _("Give a reason for hiding the post.")
