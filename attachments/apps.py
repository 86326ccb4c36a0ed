from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "attachments"
    verbose_name = _("Attachments")

    def ready(self):
        from attachments import permissions, registry
        from organisations.models import Organisation

        # An association's statutes or annual report belong on its own page.
        registry.register(
            Organisation,
            can_view=permissions.can_view_organisation,
            can_change=permissions.can_change_organisation,
        )
