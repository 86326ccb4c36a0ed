from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        self.register_events()

    def register_events(self):
        """Events about plans and rounds reach only those the pages' own rules let see them."""
        import events
        from followup import permissions
        from followup.models import ActionPlan, Commitment, FollowUpRound

        events.register(
            ActionPlan, can_view=permissions.can_view_plan, agreement=lambda p: p.agreement
        )
        events.register(
            Commitment,
            can_view=permissions.can_view_commitment,
            agreement=lambda c: c.plan.agreement,
        )
        events.register(
            FollowUpRound,
            can_view=permissions.can_view_round,
            agreement=lambda r: r.plan.agreement,
        )
