from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from organisations import signals  # noqa: F401

        self.register_applications()

    def register_applications(self):
        """An application and its board decision are seen by those who review it; the
        applicant's files arrive with the application and are never changed afterwards."""
        import events
        from attachments import registry
        from organisations.models import Application
        from organisations.permissions import can_review_application

        events.register(Application, can_view=can_review_application)
        registry.register(
            Application,
            can_view=can_review_application,
            can_change=lambda user, application: False,
            is_frozen=lambda application: True,
        )
