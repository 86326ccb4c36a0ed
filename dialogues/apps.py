from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogue forums")

    def ready(self):
        from dialogues import signals  # noqa: F401

        self.register_attachments()
        self.register_events()

    def register_events(self):
        """Events about meetings (notice, minutes) and action items follow the forum's rules."""
        import events
        from dialogues import permissions as rules
        from dialogues.models import ActionItem, Meeting

        events.register(Meeting, can_view=rules.can_view_meeting, visible=rules.visible_meetings)
        events.register(
            ActionItem, can_view=rules.can_view_action_item, visible=rules.visible_action_items
        )

    def register_attachments(self):
        """Files on meetings, agenda items, action items and posts follow the forum's rules."""
        from attachments import registry
        from dialogues import permissions as rules
        from dialogues.models import ActionItem, AgendaItem, Meeting, Post

        registry.register(
            Meeting,
            can_view=rules.can_view_meeting,
            can_change=rules.can_change_meeting,
            is_frozen=rules.meeting_is_frozen,
        )
        registry.register(
            AgendaItem,
            can_view=rules.can_view_agenda_item,
            can_change=rules.can_change_agenda_item,
            is_frozen=rules.agenda_item_is_frozen,
        )
        registry.register(
            ActionItem, can_view=rules.can_view_action_item, can_change=rules.can_change_action_item
        )
        registry.register(Post, can_view=rules.can_view_post, can_change=rules.can_change_post)
