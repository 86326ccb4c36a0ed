"""The base of the apps' named domain errors.

A model verb that the record's state does not allow raises a subclass; views and the API show
`str(error)` as it is, in the user's language, and change nothing. Each app names its own base
(`AgreementError`, `DialogueError`, …) with a default message, and each error its own message.
"""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    message = _("That is not possible right now.")

    def __init__(self, message=None):
        self.message = message or self.message
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)
