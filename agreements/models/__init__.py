"""The agreements app's models; see agreements/README.md for the life of an agreement."""

from agreements.models.agreements import Agreement, Principle, RegistrationFormat
from agreements.models.events import Event
from agreements.models.parties import Party
from agreements.models.revisions import Revision, Section

__all__ = [
    "Agreement",
    "Event",
    "Party",
    "Principle",
    "RegistrationFormat",
    "Revision",
    "Section",
]
