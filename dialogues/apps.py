from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogue forums")

    def ready(self):
        from attachments import registry
        from dialogues import permissions, signals  # noqa: F401
        from dialogues.models import Meeting

        registry.register(
            Meeting,
            can_view=permissions.can_view_meeting,
            can_change=permissions.can_change_meeting,
            is_frozen=permissions.meeting_is_frozen,
        )
