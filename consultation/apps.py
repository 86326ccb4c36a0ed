from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    """Consultation (remiss) on a published revision: comments, responses, invited bodies,
    carry-over and the report. Its models still live in agreements/models (see README.md)."""

    name = "consultation"
    verbose_name = _("Consultation")

    def ready(self):
        import events
        from agreements.models import Comment
        from attachments import registry
        from consultation import permissions

        events.register(
            Comment,
            can_view=lambda user, comment: permissions.can_view_comments(user, comment.revision),
            agreement=lambda comment: comment.revision.agreement,
            visible=permissions.visible_comments,
        )
        registry.register(
            Comment,
            can_view=permissions.can_view_comment_files,
            can_change=permissions.can_change_comment_files,
            is_frozen=permissions.comment_is_frozen,
        )
