"""Named errors for illegal steps in an agreement's life.

Each carries a message in the user's language, so a view can show
`str(error)` as it is; nothing has changed when one is raised.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.dates import date_text
from core.errors import DomainError


class AgreementError(DomainError):
    message = _("This step is not possible now.")


class InvalidTransition(AgreementError):
    message = _("The agreement cannot go to that status from its current status.")


class AgreementClosed(AgreementError):
    message = _("The agreement is superseded or expired; its text can no longer change.")


class DraftExists(AgreementError):
    message = _("There is already a working draft; continue editing it.")


class NoDraft(AgreementError):
    message = _("There is no working draft. Start a new draft first.")


class NothingPublished(AgreementError):
    message = _("No revision has been published yet.")


class RevisionNotDraft(AgreementError):
    message = _("Only the working draft can be edited.")


class RevisionFrozen(AgreementError):
    message = _("A published revision never changes.")


class EmptyDraft(AgreementError):
    message = _("The draft has no text yet.")


class ConsultationOpen(AgreementError):
    message = _("A consultation is open. Close it before this step.")


class NoOpenConsultation(AgreementError):
    message = _("No consultation is open.")


class ClosingTimeInPast(AgreementError):
    message = _("The consultation must close at a time in the future.")


class RevisionNotPublished(AgreementError):
    message = _("Only a published revision that is not yet adopted can be adopted.")


class InvalidRegistrationNumber(AgreementError):
    message = _("The registration number does not follow the municipality's format.")


class NotAdopted(AgreementError):
    message = _("Parties sign once the agreement has been adopted.")


class AlreadySigned(AgreementError):
    message = _("This party has already signed.")


class PartyWithdrawn(AgreementError):
    message = _("This party has withdrawn from the agreement.")


class AlreadyParty(AgreementError):
    message = _("The organisation is already a party to this agreement.")


class EditConflict(AgreementError):
    """Someone saved the draft after the editor started; carries the draft as it is now."""

    message = _("Someone else saved the draft while you were editing.")

    def __init__(self, current):
        super().__init__()
        self.current = current


class ConsultationTooShort(AgreementError):
    """The closing time leaves less than the agreement's minimum period, and no reason."""

    def __init__(self, days):
        super().__init__(
            _(
                "The consultation period of this agreement is at least %(days)s days. Give the "
                "reason for a shorter period; it is recorded with the revision."
            )
            % {"days": days}
        )


class UnansweredComments(AgreementError):
    """Comments are still unanswered; the step needs an explicit decision to go on."""

    def __init__(self, count):
        self.count = count
        super().__init__(
            ngettext(
                "%(count)s comment has no answer yet. Confirm that you go on anyway.",
                "%(count)s comments have no answer yet. Confirm that you go on anyway.",
                count,
            )
            % {"count": count}
        )


class DecisionDateMissing(AgreementError):
    message = _("Give the date of the decision.")


class DecisionDateInFuture(AgreementError):
    message = _("The decision date cannot lie in the future.")


class DecisionBeforeConsultation(AgreementError):
    """A revision is adopted after its consultation, never before it closed."""

    def __init__(self, closed_on):
        super().__init__(
            _("The decision date cannot lie before the consultation closed (%(date)s).")
            % {"date": date_text(closed_on)}
        )


class SectionConflict(AgreementError):
    """The section changed, was renamed or was removed after the editor started. Carries the
    section as it is now (None when its anchor is gone) and, once the draft is known, the
    draft (`current`)."""

    message = _("Someone else changed this section while you were editing.")

    def __init__(self, section, current=None):
        super().__init__()
        self.section, self.current = section, current


class SectionHeadingMissing(AgreementError):
    message = _("Give the section a heading on one line.")


class SectionTextSplits(AgreementError):
    message = _(
        "The text would not stay one section: it has a heading of section level (# or ##) or "
        "an unfinished code block. Use ### for a heading inside the section, or add a new "
        "section with “Add a section”."
    )


class SectionCannotMove(AgreementError):
    message = _("The section cannot move further in that direction.")
