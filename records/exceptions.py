"""Named errors of the register; views turn them into a message and change nothing."""

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError


class RecordsError(DomainError):
    message = _("That cannot be done.")


class InvalidCaseNumber(RecordsError):
    message = _("The case number does not follow the municipality's format.")


class NothingCorrected(RecordsError):
    message = _("Nothing was changed: correct at least one field.")


class CorrectionReasonMissing(RecordsError):
    message = _("Say why the entry is corrected.")


class RequestAlreadyAnswered(RecordsError):
    message = _("This request has already been answered.")


class ProvisionMissing(RecordsError):
    message = _("Name the provision that applies when a document is withheld in whole or part.")


class DocumentKept(RecordsError):
    message = _(
        "The information management plan keeps this type of document: it is never disposed of."
    )


class NotDueYet(RecordsError):
    message = _("This document is not due for disposal yet.")


class AlreadyDisposed(RecordsError):
    message = _("This document has already been disposed of.")


class CannotDispose(RecordsError):
    message = _(
        "Överens cannot yet remove the content of this type of document; dispose of it by hand."
    )


class CaseStillOpen(RecordsError):
    message = _(
        "The case is still open: an agreement goes to the e-archive once it is adopted (and "
        "not under review or out for consultation), a forum's case once the forum is closed."
    )


class PackageBeingBuilt(RecordsError):
    message = _(
        "A package of this case is being built already. Its progress is shown below; build "
        "another once it is ready."
    )


class PackageNotRetriable(RecordsError):
    message = _(
        "This package cannot be tried again: its documents are printed or still being "
        "printed. Build a new package instead."
    )
