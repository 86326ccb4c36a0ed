"""The follow-up: an agreement's action plans with their commitments and indicators, a
follow-up (its compiled report once published), read-only; a commitment with its history,
and its status and progress written with the pages' verbs: by the plan's managers
(`update_progress`, as the status page) and, while a follow-up is open, by members of its
responsible organisations (`round.report_on`, as the report page). Fetched through
followup/permissions.py, as the pages are: outsiders and the public get 404 where the
pages give 404. A write names the `version` it read (or its ETag in If-Match): 409
`commitment_changed` (412) if someone changed the status since."""

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.conditional import IF_MATCH, body_with_version, with_precondition
from api.errors import register_domain_error
from api.forminput import bound, current_values, form_serializer
from core.people import display_name
from followup import permissions as rules
from followup.exceptions import FollowUpError
from followup.forms import CommitmentForm, ProgressForm, ReportForm
from followup.indicators import how, series
from followup.models import ActionPlan, Commitment

register_domain_error(FollowUpError)

COMMITMENT = {
    "id": serializers.IntegerField(),
    "number": serializers.IntegerField(),
    "title": serializers.CharField(),
    "responsibility": serializers.CharField(help_text="municipality, civil_society, joint"),
    "organisations": serializers.ListField(child=serializers.CharField(), help_text="Slugs."),
    "area": serializers.CharField(),
    "status": serializers.CharField(help_text="not_started, in_progress, done, delayed, cancelled"),
    "progress": serializers.IntegerField(help_text="Per cent, 0–100."),
    "url": serializers.CharField(),
}
INDICATOR = {
    "id": serializers.IntegerField(),
    "name": serializers.CharField(),
    "unit": serializers.CharField(),
    "direction": serializers.CharField(help_text="higher or lower (is better)"),
    "baseline_year": serializers.IntegerField(allow_null=True),
    "baseline": serializers.FloatField(allow_null=True),
    "target": serializers.FloatField(allow_null=True),
    "computed": serializers.CharField(help_text="Empty for entered values."),
    "how": serializers.CharField(help_text="How a computed indicator is computed."),
    "values": serializers.DictField(child=serializers.FloatField(allow_null=True)),
}
PLAN = {
    "id": serializers.IntegerField(),
    "title": serializers.CharField(),
    "first_year": serializers.IntegerField(),
    "last_year": serializers.IntegerField(),
    "status": serializers.CharField(help_text="draft or adopted"),
    "commitments": inline_serializer("FollowUpCommitment", fields=COMMITMENT, many=True),
    "indicators": inline_serializer("FollowUpIndicator", fields=INDICATOR, many=True),
    "follow_ups": serializers.ListField(child=serializers.IntegerField(), help_text="Years."),
}
FollowUpSerializer = inline_serializer(
    "FollowUp",
    fields={
        "year": serializers.IntegerField(),
        "status": serializers.CharField(help_text="open or published"),
        "deadline": serializers.DateField(),
        "published_at": serializers.DateTimeField(allow_null=True),
        "summary": serializers.CharField(),
        "report": serializers.DictField(help_text="The compiled report (published only)."),
    },
)


def _number(value):
    return None if value is None else float(value)


def _commitment(c, request):
    return {
        "id": c.pk,
        "number": c.number,
        "title": c.title,
        "responsibility": c.responsibility,
        "organisations": [o.slug for o in c.organisations.all()],
        "area": c.area.name,
        "status": c.status,
        "progress": c.progress,
        "url": request.build_absolute_uri(c.get_absolute_url()),
    }


def _indicator(i):
    return {
        "id": i.pk,
        "name": str(i.title),
        "unit": i.unit,
        "direction": i.direction,
        "baseline_year": i.baseline_year,
        "baseline": _number(i.baseline),
        "target": _number(i.target),
        "computed": i.computed,
        "how": str(how(i)),
        "values": {str(year): _number(v) for year, v in series(i).items()},
    }


class PlanList(APIView):
    @extend_schema(
        responses=inline_serializer("ActionPlan", fields=PLAN, many=True),
        operation_id="action_plans_list",
    )
    def get(self, request, slug):
        agreement = rules.agreement_or_404(request.user, slug)
        plans = ActionPlan.objects.visible_to(request.user).filter(agreement=agreement)
        data = []
        for plan in plans.prefetch_related("indicators__values"):
            plan.agreement = agreement
            commitments = plan.commitments.select_related("area").prefetch_related("organisations")
            rounds = [r.year for r in plan.rounds.all() if rules.can_view_round(request.user, r)]
            data.append(
                {
                    "id": plan.pk,
                    "title": plan.title,
                    "first_year": plan.first_year,
                    "last_year": plan.last_year,
                    "status": plan.status,
                    "commitments": [_commitment(c, request) for c in commitments],
                    "indicators": [_indicator(i) for i in plan.indicators.all()],
                    "follow_ups": rounds,
                }
            )
        return Response(data)


class FollowUpDetail(APIView):
    @extend_schema(responses=FollowUpSerializer, operation_id="follow_up_retrieve")
    def get(self, request, slug, year):
        round = rules.round_or_404(request.user, slug, year)
        return Response(
            {
                "year": round.year,
                "status": round.status,
                "deadline": round.deadline,
                "published_at": round.published_at,
                "summary": round.summary,
                "report": round.report if not round.is_open else {},
            }
        )


CHANGE = {
    "from_status": serializers.CharField(),
    "to_status": serializers.CharField(),
    "from_progress": serializers.IntegerField(),
    "to_progress": serializers.IntegerField(),
    "note": serializers.CharField(help_text="Why."),
    "at": serializers.DateTimeField(),
    "by": serializers.CharField(
        allow_null=True, help_text="Username; null for readers without a grant (the public)."
    ),
}
CommitmentSerializer = inline_serializer(
    "CommitmentDetail",
    fields={
        **COMMITMENT,
        "description": serializers.CharField(),
        "version": serializers.IntegerField(help_text="Send it back with a change."),
        "history": inline_serializer("CommitmentChange", fields=CHANGE, many=True),
    },
)
VERSION = forms.IntegerField(
    min_value=0, help_text="`version` as read; a change in between is a 409 `commitment_changed`."
)


class StatusInput(ProgressForm):
    version = VERSION


class ReportInput(ReportForm):
    version = VERSION


def _commitment_detail(commitment, request):
    show_names = rules.reads_by_permission(request.user, commitment.plan.agreement)
    changes = list(commitment.changes.select_related("by"))
    history = [
        {
            "from_status": c.from_status,
            "to_status": c.to_status,
            "from_progress": c.from_progress,
            "to_progress": c.to_progress,
            "note": c.note,
            "at": c.at,
            "by": display_name(c.by) if show_names else None,
        }
        for c in changes
    ]
    version = {"description": commitment.description, "version": len(changes), "history": history}
    return {**_commitment(commitment, request), **version}


def _commitment_or_404(request, slug, pk):
    commitment = rules.commitment_or_404(request.user, slug, pk)
    return _fetched(commitment)


def _fetched(commitment):
    return (
        Commitment.objects.select_related("area", "plan__agreement")
        .prefetch_related("organisations")
        .get(pk=commitment.pk)
    )


class OrganisationSlugs(forms.ModelMultipleChoiceField):
    """Organisations by slug; a slug no organisation can have (a NUL character, which
    PostgreSQL refuses in a query) is an unknown choice, not a database error."""

    def clean(self, value):
        for item in value or ():
            if "\x00" in str(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice",
                    params={"value": str(item).replace("\x00", "")},
                )  # fmt: skip
        return super().clean(value)


class CommitmentInput(CommitmentForm):
    """The commitment form, naming organisations by slug as the API shows them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisations"]
        self.fields["organisations"] = OrganisationSlugs(
            field.queryset, to_field_name="slug", label=field.label, help_text=field.help_text
        )


class CommitmentDetail(APIView):
    @extend_schema(responses=CommitmentSerializer, operation_id="commitment_retrieve")
    def get(self, request, slug, pk):
        """A commitment with its history (names only for readers with a grant)."""
        return Response(_commitment_detail(_commitment_or_404(request, slug, pk), request))

    @extend_schema(
        request=form_serializer(CommitmentInput, "CommitmentEditRequest"),
        responses=CommitmentSerializer,
        operation_id="commitment_partial_update",
    )
    def patch(self, request, slug, pk):
        """The plan's managers change what the edit page changes (organisations by slug, area
        and principles by id); an organisation made responsible during an open follow-up gets
        its reporting task, as from the page. Status and progress: `…/status/`."""
        commitment = _commitment_or_404(request, slug, pk)
        if not rules.can_manage_plan(request.user, commitment.plan):
            raise Http404
        plan = commitment.plan
        base = current_values(CommitmentInput(instance=commitment, plan=plan))
        bound(CommitmentInput, request, base=base, instance=commitment, plan=plan).save_by(
            request.user
        )
        return Response(_commitment_detail(_fetched(commitment), request))


def _change(request, commitment, form_class, verb):
    """Bind the body (the version from If-Match if sent), call `verb`, answer the commitment."""
    current = _commitment_detail(commitment, request)
    body = body_with_version(request, current, current["version"])
    data = bound(form_class, body).cleaned_data
    verb(data)
    return Response(_commitment_detail(_fetched(commitment), request))


class CommitmentStatus(APIView):
    @extend_schema(
        request=form_serializer(StatusInput, "CommitmentStatusRequest"),
        parameters=[IF_MATCH],
        responses=with_precondition({200: CommitmentSerializer}),
        operation_id="commitment_status",
    )
    def post(self, request, slug, pk):
        """The plan's managers set status and progress (as the status page); 409
        `invalid_transition`, `invalid_progress`, `commitment_changed`."""
        commitment = _commitment_or_404(request, slug, pk)
        if not rules.can_update_commitment(request.user, commitment):
            raise Http404
        return _change(
            request,
            commitment,
            StatusInput,
            lambda data: commitment.update_progress(
                status=data["status"], progress=data["progress"], note=data["note"],
                by=request.user, seen_version=data["version"],
            ),
        )  # fmt: skip


class CommitmentReport(APIView):
    @extend_schema(
        request=form_serializer(ReportInput, "CommitmentReportRequest"),
        parameters=[IF_MATCH],
        responses=with_precondition({200: CommitmentSerializer}),
        operation_id="commitment_report",
    )
    def post(self, request, slug, year, pk):
        """A member of a responsible organisation reports in the open follow-up of `year` (as
        the report page); 409 `deadline_passed`, `round_closed`, `commitment_changed`, …"""
        round = rules.round_or_404(request.user, slug, year)
        commitment = round.plan.commitments.filter(pk=pk).first()
        if commitment is None:
            raise Http404
        organisations = rules.reporting_organisations(request.user, commitment)
        if not organisations:
            raise Http404
        return _change(
            request,
            _fetched(commitment),
            ReportInput,
            lambda data: round.report_on(
                commitment, organisation=organisations[0], status=data["status"],
                progress=data["progress"], text=data["note"], by=request.user,
                seen_version=data["version"],
            ),
        )  # fmt: skip


urlpatterns = [
    path(
        "agreements/<slug:slug>/action-plans/",
        login_not_required(PlanList.as_view()),
        name="action-plans",
    ),
    path(
        "agreements/<slug:slug>/follow-ups/<int:year>/",
        login_not_required(FollowUpDetail.as_view()),
        name="follow-up",
    ),
    path(
        "agreements/<slug:slug>/commitments/<int:pk>/",
        login_not_required(CommitmentDetail.as_view()),
        name="commitment-detail",
    ),
    path(
        "agreements/<slug:slug>/commitments/<int:pk>/status/",
        login_not_required(CommitmentStatus.as_view()),
        name="commitment-status",
    ),
    path(
        "agreements/<slug:slug>/follow-ups/<int:year>/commitments/<int:pk>/report/",
        login_not_required(CommitmentReport.as_view()),
        name="commitment-report",
    ),
]
