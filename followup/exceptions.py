"""Named errors of the follow-up; views turn them into a message, never a 500."""

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError


class FollowUpError(DomainError):
    message = _("That cannot be done.")


class InvalidProgress(FollowUpError):
    message = _("Progress must be a whole number from 0 to 100.")


class InvalidTransition(FollowUpError):
    message = _("The commitment cannot get that status.")


class CommitmentChanged(FollowUpError):
    message = _(
        "The commitment's status has changed since you read it. Read it again and send its "
        "new version."
    )


class PlanNotDraft(FollowUpError):
    message = _("The action plan has already been adopted.")


class PlanNotAdopted(FollowUpError):
    message = _("Adopt the action plan before following it up.")


class YearOutsidePlan(FollowUpError):
    message = _("The year is outside the action plan's period.")


class RoundExists(FollowUpError):
    message = _("A follow-up for that year already exists.")


class RoundClosed(FollowUpError):
    message = _("This follow-up has been published; reports can no longer change.")


class DeadlinePassed(FollowUpError):
    message = _("The deadline for reporting has passed.")


class DeadlineInPast(FollowUpError):
    message = _("The deadline must be in the future.")


class NotResponsible(FollowUpError):
    message = _("You can only report on commitments your organisation is responsible for.")


class AlreadyAnswered(FollowUpError):
    message = _("Your organisation has already answered the survey this year.")


class InvalidScore(FollowUpError):
    message = _("Give every principle a score from 1 to 5.")


class AlreadyLinked(FollowUpError):
    message = _("That action item is already linked to the commitment.")


class AreaNameTaken(FollowUpError):
    message = _("The municipality already has an area of this name.")
