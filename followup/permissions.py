"""Who may do what in the follow-up: the agreement's own rules (agreements/permissions.py),
applied to its action plans, commitments and follow-ups.

- An adopted action plan, its commitments and its published follow-ups: whoever may read
  the agreement (its parties and the municipality's staff; anyone for a public agreement).
- A draft plan and an open follow-up: those who read the agreement by permission (parties,
  staff, coordinators), never the public.
- Managing (plans, commitments, opening and publishing a follow-up): the agreement's managers
  (the owning municipality's coordinators).
- Reporting on a commitment: the members of its responsible organisations (associations for
  theirs, departments for theirs) while a follow-up is open; managers at any time.
- Answering the survey: members of an active party, once per organisation and year.

Everyone else gets 404.
"""

from django.http import Http404

from agreements import permissions as agreement_rules
from organisations.models import Organisation
from organisations.permissions import has_perm


def reads_by_permission(user, agreement):
    return has_perm(user, agreement_rules.VIEW, agreement)


def can_view_plan(user, plan):
    if plan.is_adopted:
        return agreement_rules.can_view(user, plan.agreement)
    return reads_by_permission(user, plan.agreement)


def can_manage_plan(user, plan):
    return agreement_rules.can_manage(user, plan.agreement)


def can_view_commitment(user, commitment):
    return can_view_plan(user, commitment.plan)


def can_view_round(user, round):
    if round.is_open:
        return reads_by_permission(user, round.plan.agreement)
    return can_view_plan(user, round.plan)


def reporting_organisations(user, commitment):
    """The responsible organisations of `commitment` that `user` reports for."""
    if not user.is_authenticated:
        return []
    return list(commitment.organisations.filter(memberships__user=user).distinct())


def can_report(user, commitment):
    return commitment.plan.is_adopted and bool(reporting_organisations(user, commitment))


def can_update_commitment(user, commitment):
    """Status and progress outside a follow-up: the plan's managers."""
    return commitment.plan.is_adopted and can_manage_plan(user, commitment.plan)


def survey_organisations(user, agreement):
    """The party organisations for which `user` may answer the survey (not the municipality)."""
    return [
        organisation
        for organisation in agreement_rules.party_organisations_of(user, agreement)
        if organisation.kind != Organisation.Kind.MUNICIPALITY
    ]


def reporting_organisations_in(user, plan):
    """Every organisation responsible for something in `plan` that `user` is a member of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(commitments__plan=plan, memberships__user=user).distinct()


# --- fetching for views -------------------------------------------------------------


def agreement_or_404(user, slug):
    return agreement_rules.get_agreement_or_404(user, slug)


def plan_or_404(user, slug, pk, manage=False):
    from followup.models import ActionPlan

    agreement = agreement_or_404(user, slug)
    plan = ActionPlan.objects.filter(agreement=agreement, pk=pk).first()
    if plan is None or not can_view_plan(user, plan):
        raise Http404
    plan.agreement = agreement
    if manage and not can_manage_plan(user, plan):
        raise Http404
    return plan


def commitment_or_404(user, slug, pk):
    from followup.models import Commitment

    agreement = agreement_or_404(user, slug)
    commitment = (
        Commitment.objects.filter(plan__agreement=agreement, pk=pk)
        .select_related("plan", "area")
        .first()
    )
    if commitment is None or not can_view_commitment(user, commitment):
        raise Http404
    commitment.plan.agreement = agreement
    return commitment


def round_or_404(user, slug, year):
    from followup.models import FollowUpRound

    if not 1 <= year <= 32767:  # a year column is a small integer; PostgreSQL would refuse it
        raise Http404
    agreement = agreement_or_404(user, slug)
    round = (
        FollowUpRound.objects.filter(plan__agreement=agreement, year=year)
        .select_related("plan")
        .first()
    )
    if round is None or not can_view_round(user, round):
        raise Http404
    round.plan.agreement = agreement
    return round
