"""The agreements app's models; see agreements/README.md for the life of an agreement."""

from agreements.models.agreements import Agreement, Principle, RegistrationFormat
from agreements.models.comments import (
    CarryOver,
    Comment,
    ConsultationExtension,
    Disposition,
    Response,
    extend_consultation,
)
from agreements.models.events import Event
from agreements.models.invitations import (
    Answer,
    Invitation,
    Invited,
    Question,
    Readers,
    remind_waiting,
)
from agreements.models.notifications import NotificationPreference, NotificationSent
from agreements.models.parties import Party
from agreements.models.revisions import Revision, Section

__all__ = [
    "Agreement",
    "Answer",
    "CarryOver",
    "Comment",
    "ConsultationExtension",
    "Disposition",
    "Event",
    "Invitation",
    "Invited",
    "NotificationPreference",
    "NotificationSent",
    "Party",
    "Principle",
    "Question",
    "Readers",
    "RegistrationFormat",
    "Response",
    "Revision",
    "Section",
    "extend_consultation",
    "remind_waiting",
]
