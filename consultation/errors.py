"""Named errors for illegal steps in a consultation; views show `str(error)` as it is."""

from django.utils.translation import gettext_lazy as _

from agreements.exceptions import AgreementError


class ConsultationClosed(AgreementError):
    message = _("The consultation on this revision is closed; comments can no longer be made.")


class NotOnBehalfOf(AgreementError):
    message = _("You can only comment on behalf of a party organisation you are a member of.")


class ReplyTooDeep(AgreementError):
    message = _("Replies can only be made to a comment, not to another reply.")


class CommentWithdrawn(AgreementError):
    message = _("The comment has been withdrawn.")


class NotAuthor(AgreementError):
    message = _("Only the author can change a comment.")


class QuoteNotFound(AgreementError):
    message = _("The quoted passage is not in the text of the chosen section.")


class WrongRevision(AgreementError):
    message = _("The section belongs to another revision.")


class NotAnswerable(AgreementError):
    message = _("Only comments, not replies or withdrawn comments, are answered.")


class ExtensionNotPossible(AgreementError):
    message = _("The closing time can only be extended while the revision is out for consultation.")


class ClosingTimeNotLater(AgreementError):
    message = _("The new closing time must be later than the current one and in the future.")


class NotInvited(AgreementError):
    message = _("Only an organisation invited to this consultation can do that.")


class AlreadyInvited(AgreementError):
    message = _("That organisation is already invited to this consultation.")


class AlreadyAnswered(AgreementError):
    message = _("Your organisation has already answered this question; an answer is not changed.")


class AlreadyDeclined(AgreementError):
    message = _("Your organisation has declined to answer this consultation.")


class DeclineAfterAnswer(AgreementError):
    message = _(
        "Your organisation has already answered this consultation, so it can no longer decline."
    )


class NothingToRemind(AgreementError):
    message = _("Every invited organisation has answered or declined; there is no one to remind.")
