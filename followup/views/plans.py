"""Action plans and commitments: pages for everyone who may read them, forms for managers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup import permissions as rules
from followup.exceptions import FollowUpError
from followup.forms import CommitmentForm, LinkForm, PlanForm, ProgressForm
from followup.indicators import series
from followup.models import ActionPlan
from followup.views.common import form_data, perform


@login_not_required
def plan_list(request, slug):
    agreement = rules.agreement_or_404(request.user, slug)
    plans = ActionPlan.objects.visible_to(request.user).filter(agreement=agreement)
    context = {
        "agreement": agreement,
        "plans": plans,
        "can_manage": rules.agreement_rules.can_manage(request.user, agreement),
    }
    return render(request, "followup/plan_list.html", context)


def plan_create(request, slug):
    agreement = rules.agreement_or_404(request.user, slug)
    if not rules.agreement_rules.can_manage(request.user, agreement):
        raise Http404
    form = PlanForm(form_data(request))

    def act(data):
        return ActionPlan.objects.create(agreement=agreement, created_by=request.user, **data)

    page = {"title": _("New action plan"), "back": agreement, "submit": _("Create the plan")}
    return perform(request, form, act, success=_("The action plan was created."), page=page)


@login_not_required
def plan_detail(request, slug, pk):
    plan = rules.plan_or_404(request.user, slug, pk)
    commitments = (
        plan.commitments.select_related("area").prefetch_related("organisations").order_by("number")
    )
    rounds = [r for r in plan.rounds.all() if rules.can_view_round(request.user, r)]
    indicators = [(i, series(i)) for i in plan.indicators.prefetch_related("values")]
    context = {
        "indicators": indicators,
        "years": list(plan.years()),
        "agreement": plan.agreement,
        "plan": plan,
        "commitments": commitments,
        "rounds": rounds,
        "can_manage": rules.can_manage_plan(request.user, plan),
    }
    return render(request, "followup/plan_detail.html", context)


@require_POST
def plan_adopt(request, slug, pk):
    plan = rules.plan_or_404(request.user, slug, pk, manage=True)
    try:
        plan.adopt(by=request.user)
    except FollowUpError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The action plan was adopted."))
    return redirect(plan)


def commitment_create(request, slug, pk):
    plan = rules.plan_or_404(request.user, slug, pk, manage=True)
    initial = {
        "number": (
            plan.commitments.order_by("-number").values_list("number", flat=True).first() or 0
        )
        + 1
    }
    form = CommitmentForm(form_data(request), plan=plan, initial=initial)

    def act(data):
        form.instance.plan = plan
        return form.save_by(request.user)

    page = {"title": _("New commitment"), "back": plan, "submit": _("Add the commitment")}
    return perform(request, form, act, success=_("The commitment was added."), page=page)


def commitment_edit(request, slug, pk):
    commitment = rules.commitment_or_404(request.user, slug, pk)
    if not rules.can_manage_plan(request.user, commitment.plan):
        raise Http404
    form = CommitmentForm(form_data(request), instance=commitment, plan=commitment.plan)
    page = {"title": _("Edit the commitment"), "back": commitment, "submit": _("Save")}
    return perform(
        request,
        form,
        lambda data: form.save_by(request.user),
        success=_("The commitment was saved."),
        page=page,
    )


@login_not_required
def commitment_detail(request, slug, pk):
    commitment = rules.commitment_or_404(request.user, slug, pk)
    user = request.user
    can_update = rules.can_update_commitment(user, commitment)
    open_round = commitment.plan.rounds.filter(status="open").first()
    context = {
        "agreement": commitment.plan.agreement,
        "plan": commitment.plan,
        "commitment": commitment,
        "history": commitment.changes.select_related("by"),
        "action_items": commitment.action_items.select_related("meeting__forum", "owner"),
        "reports": commitment.reports.select_related("round", "organisation"),
        "status_form": ProgressForm(
            initial={"status": commitment.status, "progress": commitment.progress}
        )
        if can_update
        else None,
        "link_form": LinkForm(user=user, agreement=commitment.plan.agreement)
        if can_update
        else None,
        "open_round": open_round if open_round and rules.can_report(user, commitment) else None,
        "can_manage": rules.can_manage_plan(user, commitment.plan),
        # The public reads what changed and why, not who (personal data kept to the need).
        "show_names": rules.reads_by_permission(user, commitment.plan.agreement),
    }
    return render(request, "followup/commitment_detail.html", context)


def _updatable(request, slug, pk):
    commitment = rules.commitment_or_404(request.user, slug, pk)
    if not rules.can_update_commitment(request.user, commitment):
        raise Http404
    return commitment


def commitment_status(request, slug, pk):
    commitment = _updatable(request, slug, pk)
    form = ProgressForm(
        form_data(request), initial={"status": commitment.status, "progress": commitment.progress}
    )

    def act(data):
        commitment.update_progress(
            status=data["status"], progress=data["progress"], note=data["note"], by=request.user
        )
        return commitment

    page = {
        "title": _("Change status and progress"),
        "back": commitment,
        "submit": _("Save"),
        "subject": commitment,
    }
    return perform(request, form, act, success=_("The status was saved."), page=page)


def commitment_link(request, slug, pk):
    commitment = _updatable(request, slug, pk)
    form = LinkForm(form_data(request), user=request.user, agreement=commitment.plan.agreement)

    def act(data):
        commitment.link_action_item(data["action_item"], by=request.user)
        return commitment

    page = {
        "title": _("Link an action item"),
        "back": commitment,
        "submit": _("Link"),
        "subject": commitment,
    }
    return perform(request, form, act, success=_("The action item was linked."), page=page)


@require_POST
def commitment_unlink(request, slug, pk, item_id):
    commitment = _updatable(request, slug, pk)
    item = get_object_or_404(commitment.action_items, pk=item_id)
    commitment.action_items.remove(item)
    messages.success(request, _("The link was removed."))
    return redirect(commitment)
