from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Agreements")

    def ready(self):
        from agreements import signals  # noqa: F401

        self.register_attachments()
        self.register_events()

    def register_events(self):
        """Events about agreements, revisions and parties reach only those the pages' own rules
        let see them (comments: consultation/apps.py)."""
        import events
        from agreements import permissions
        from agreements.models import Agreement, Party, Revision

        events.register(
            Agreement,
            can_view=permissions.can_view,
            agreement=lambda a: a,
            visible=lambda user, queryset: queryset.visible_to(user),
        )
        events.register(
            Revision,
            can_view=permissions.can_view_revision,
            agreement=lambda r: r.agreement,
            visible=permissions.visible_revisions,
        )
        events.register(
            Party,
            can_view=lambda user, party: permissions.can_view(user, party.agreement),
            agreement=lambda party: party.agreement,
            visible=permissions.visible_parties,
        )

    def register_attachments(self):
        """Files on agreements and revisions follow the pages' own rules (comments:
        consultation/apps.py)."""
        from agreements import permissions
        from agreements.models import Agreement, Revision
        from attachments import registry

        registry.register(
            Agreement,
            can_view=permissions.can_view,
            can_change=permissions.can_manage,
            is_frozen=permissions.agreement_is_frozen,
        )
        registry.register(
            Revision,
            can_view=permissions.can_view_revision,
            can_change=permissions.can_change_revision,
            is_frozen=permissions.revision_is_frozen,
        )
