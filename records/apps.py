from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = _("Official records")

    def ready(self):
        import events
        from records import official, permissions
        from records.models import Document, DocumentRequest

        events.register(Document, can_view=permissions.can_view_document)
        events.register(DocumentRequest, can_view=permissions.can_answer_request)
        events.happened.connect(official.on_event, dispatch_uid="records.official")
