"""The follow-up: an action plan's commitments and its published follow-up reports.

Who may read what is followup/permissions.py's rule, never repeated here: a commitment
follows its plan (an adopted plan: whoever reads the agreement, the public for a public
one; a draft plan: those who read the agreement by permission); a follow-up is found once
its report is published, by whoever may read the adopted plan. An open follow-up has no
documents: its reports are not final until published.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agreements.permissions import VIEW
from followup import permissions
from search.adapters.agreements import party_ids
from search.registry import Adapter, Section


def plan_records(plan):
    """Everything indexed that takes its readers from an action plan."""
    return [*plan.commitments.all(), *plan.rounds.all()]


def agreement_followup_records(agreement_id):
    """The commitments and follow-ups of every plan of an agreement."""
    from followup.models import Commitment, FollowUpRound

    return [
        *Commitment.objects.filter(plan__agreement_id=agreement_id),
        *FollowUpRound.objects.filter(plan__agreement_id=agreement_id),
    ]


class _PlanRecordAdapter(Adapter):
    """Shared by both: the agreement's view permission decides, the plan's rule checks."""

    view_perm = VIEW
    sectioned = True

    def perm_object(self, obj):
        return obj.plan.agreement

    def visible_objects(self, user, pks):
        verdicts = {}  # one rule check per plan (and state), not per hit
        visible = {}
        for obj in self.get_queryset().filter(pk__in=pks):
            key = (obj.plan_id, self.state(obj))
            if key not in verdicts:
                verdicts[key] = self.can_view(user, obj)
            if verdicts[key]:
                visible[str(obj.pk)] = obj
        return visible

    def state(self, obj):
        return None


class CommitmentAdapter(_PlanRecordAdapter):
    model = "followup.Commitment"
    verbose_name = _("Commitment")
    watch = {"followup.ActionPlan": plan_records}  # adopting a plan makes its records public

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("plan__agreement", "area")
            .prefetch_related("organisations", "plan__agreement__parties")
        )

    def is_public(self, commitment):
        return commitment.plan.is_adopted and commitment.plan.agreement.is_public_now

    def can_view(self, user, commitment):
        return permissions.can_view_commitment(user, commitment)

    def sections(self, commitment):
        plan = commitment.plan
        names = ", ".join(o.name for o in commitment.organisations.all())
        parts = [commitment.description, commitment.area.name, names]
        yield Section(
            key="main",
            title=f"{commitment} – {plan.title}, {plan.agreement.title}",
            text="\n".join(p for p in parts if p),
            url=commitment.get_absolute_url(),
        )

    def fields(self, commitment):
        return {
            "date": commitment.plan.adopted_on or commitment.plan.created_at,
            "organisations": sorted(o.pk for o in commitment.organisations.all()),
            "agreement": commitment.plan.agreement_id,
            "status": commitment.status,
        }

    def facet_labels(self, facet, values):
        from followup.models import Commitment

        if facet == "status":
            return {v: str(label) for v, label in Commitment.Status.choices if v in values}
        return {}


class FollowUpReportAdapter(_PlanRecordAdapter):
    model = "followup.FollowUpRound"
    verbose_name = _("Follow-up report")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("plan__agreement")
            .prefetch_related("plan__agreement__parties")
        )

    def state(self, round):
        return round.status

    def group_ids(self, round):
        return super().group_ids(round) if not round.is_open else set()

    def is_public(self, round):
        plan = round.plan
        return not round.is_open and plan.is_adopted and plan.agreement.is_public_now

    def can_view(self, user, round):
        return not round.is_open and permissions.can_view_round(user, round)

    def sections(self, round):
        if round.is_open:
            return
        texts = [
            f"{t['number']}. {t['commitment']}: {t['text']}"
            for t in round.report.get("texts", ())
            if t.get("text")
        ]
        yield Section(
            key="report",
            title=gettext("Follow-up report %(year)s – %(agreement)s")
            % {"year": round.year, "agreement": round.plan.agreement.title},
            text="\n".join(p for p in [round.summary, *texts] if p),
            url=round.get_absolute_url(),
        )

    def fields(self, round):
        return {
            "date": round.published_at or round.opened_at,
            "organisations": party_ids(round.plan.agreement),
            "agreement": round.plan.agreement_id,
            "status": round.status,
        }

    def facet_labels(self, facet, values):
        from followup.models import FollowUpRound

        if facet == "status":
            return {v: str(label) for v, label in FollowUpRound.Status.choices if v in values}
        return {}
