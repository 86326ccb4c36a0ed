"""The follow-up, read-only: an agreement's action plans with their commitments and
indicators, and a follow-up (its compiled report once published). Fetched through
followup/permissions.py, as the pages are: outsiders and the public get 404 where the
pages give 404."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from followup import permissions as rules
from followup.indicators import how, series
from followup.models import ActionPlan

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
]
