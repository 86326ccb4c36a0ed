"""Agreements: list (with the list page's filters), read, create, change the details, and the
workflow steps as POST actions. Each fetches through agreements/permissions.py, validates with
the page's form and calls the same model verb as the page; an illegal step is a 409."""

from django import forms
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from agreements import permissions
from agreements.forms import (
    AdoptForm,
    CloseForm,
    ConsultationForm,
    CreateForm,
    FilterForm,
    PartyForm,
    SettingsForm,
    SignForm,
    StatusForm,
    WithdrawForm,
)
from agreements.models import Agreement
from api.filters import filtered, form_parameters
from api.forminput import body_of, bound, current_values, form_serializer, validated
from api.routers import Router
from api.serializers.agreements import AgreementListSerializer, AgreementSerializer
from organisations.models import Organisation

CreateRequest = form_serializer(CreateForm, "AgreementCreate")
SettingsRequest = form_serializer(SettingsForm, "AgreementSettings")
ConsultationRequest = form_serializer(ConsultationForm, "OpenConsultation")
CloseRequest = form_serializer(CloseForm, "CloseConsultation")
AdoptRequest = type(
    "Adoption",
    (form_serializer(AdoptForm, "AdoptionBase"),),
    {"revision": serializers.IntegerField(help_text="The number of the adopted revision.")},
)
SignRequest = form_serializer(SignForm, "Signature")
StatusRequest = type(
    "StatusChange",
    (serializers.Serializer,),
    {
        "status": serializers.ChoiceField(
            Agreement.Status.choices, help_text="The new status; only legal moves succeed."
        ),
        "on": serializers.DateField(required=False, allow_null=True, help_text="From (today)."),
        "superseded_by": serializers.CharField(
            required=False, allow_blank=True, help_text="Slug of the replacing agreement."
        ),
    },
)
PartyRequest = type(
    "PartyAddition",
    (form_serializer(PartyForm, "PartyAdditionBase"),),
    {"organisation": serializers.SlugField(help_text="The organisation's slug.")},
)
WithdrawRequest = form_serializer(WithdrawForm, "Withdrawal")


class CreateFormBySlug(CreateForm):
    """The page picks the municipality from a list; the API names it by slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].to_field_name = "slug"


class StatusFormAnyStatus(StatusForm):
    """The page offers only the legal next statuses; the API takes any status and the model
    verb refuses an illegal one with its own message (409 `invalid_transition`). The
    replacing agreement is named by slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = Agreement.Status.choices
        self.fields["superseded_by"].to_field_name = "slug"


class PartyFormBySlug(PartyForm):
    """The organisation by slug; one that is already a party is the model verb's 409
    (`already_party`) rather than "not one of the choices"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.active()
        self.fields["organisation"].to_field_name = "slug"


class AdoptFormWithRevision(AdoptForm):
    """The page takes the revision from its URL; the API from the body."""

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"] = forms.ModelChoiceField(
            queryset=agreement.revisions.published(), to_field_name="number"
        )


@extend_schema(tags=["agreements"])
class AgreementViewSet(viewsets.GenericViewSet):
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    serializer_class = AgreementSerializer

    def get_queryset(self):
        return Agreement.objects.select_related("municipality")

    def get_object(self, perm=permissions.VIEW):
        return permissions.get_agreement_or_404(
            self.request.user, self.kwargs["slug"], perm, queryset=self.get_queryset()
        )

    def _answer(self, agreement, code=status.HTTP_200_OK):
        agreement = (
            self.get_queryset()
            .prefetch_related("principles", "parties__organisation")
            .get(pk=agreement.pk)
        )
        return Response(
            AgreementSerializer(agreement, context={"request": self.request}).data, code
        )

    @extend_schema(
        parameters=form_parameters(FilterForm), responses=AgreementListSerializer(many=True)
    )
    def list(self, request):
        agreements = filtered(
            FilterForm, request, self.get_queryset().visible_to(request.user)
        ).order_by("-created_at", "-pk")
        page = self.paginate_queryset(agreements)
        serializer = AgreementListSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, slug=None):
        return self._answer(self.get_object())

    @extend_schema(request=CreateRequest, responses={201: AgreementSerializer})
    def create(self, request):
        municipalities = permissions.creatable_municipalities(request.user)
        if not municipalities.exists():
            raise Http404  # as the page: only coordinators of a municipality see it
        data = validated(CreateFormBySlug, request.data, municipalities=municipalities)
        agreement = Agreement.create(by=request.user, **data)
        return self._answer(agreement, status.HTTP_201_CREATED)

    @extend_schema(request=SettingsRequest)
    def partial_update(self, request, slug=None):
        """Title, summary, principles, openness and review cycle, as the details page."""
        agreement = self.get_object(permissions.MANAGE)
        current = current_values(SettingsForm(instance=agreement))
        bound(SettingsForm, request, base=current, instance=agreement).save()
        return self._answer(agreement)

    @extend_schema(request=ConsultationRequest, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path="open-consultation")
    def open_consultation(self, request, slug=None):
        """Freeze the working draft as the next numbered revision and open the consultation."""
        agreement = self.get_object(permissions.MANAGE)
        form = bound(ConsultationForm, request, agreement=agreement)
        data = form.cleaned_data
        agreement.open_consultation(
            closes_at=data["closes_at"],
            by=request.user,
            shortened_reason=data["shortened_reason"],
            start_review=data.get("start_review", False),
            invited=form.invited(),
        )
        return self._answer(agreement)

    @extend_schema(request=CloseRequest, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path="close-consultation")
    def close_consultation(self, request, slug=None):
        """End the consultation now; unanswered comments need `accept_unanswered` (else 409)."""
        agreement = self.get_object(permissions.MANAGE)
        data = validated(CloseForm, request.data)
        agreement.close_consultation(by=request.user, accept_unanswered=data["accept_unanswered"])
        return self._answer(agreement)

    @extend_schema(request=None, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path="start-draft")
    def start_draft(self, request, slug=None):
        """A new working draft from the latest revision (drafting parties too)."""
        agreement = self.get_object(permissions.EDIT_DRAFT)
        agreement.start_draft(by=request.user)
        return self._answer(agreement)

    @extend_schema(request=AdoptRequest, responses=AgreementSerializer)
    @action(detail=True, methods=["post"])
    def adopt(self, request, slug=None):
        """Record the decision that adopted a published revision (`revision`: its number).
        A decision date in the future is 400; one before the consultation closed, or unanswered
        comments without `accept_unanswered`, are 409."""
        agreement = self.get_object(permissions.MANAGE)
        data = validated(AdoptFormWithRevision, request.data, agreement=agreement)
        revision = data.pop("revision")
        agreement.adopt(revision, by=request.user, **data)
        return self._answer(agreement)

    @extend_schema(request=StatusRequest, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, slug=None):
        """Put the adopted agreement in force, under review, or end it (superseded: name the
        replacing agreement's slug in `superseded_by`; expired). Illegal moves are 409."""
        agreement = self.get_object(permissions.MANAGE)
        data = validated(StatusFormAnyStatus, request.data, agreement=agreement)
        agreement.change_status(
            data["status"], by=request.user, on=data["on"], superseded_by=data["superseded_by"]
        )
        return self._answer(agreement)

    @extend_schema(request=PartyRequest, responses={201: AgreementSerializer})
    @action(detail=True, methods=["post"], url_path="parties", url_name="parties")
    def add_party(self, request, slug=None):
        """An organisation accedes (by slug): its members then see what parties see."""
        agreement = self.get_object(permissions.MANAGE)
        data = validated(PartyFormBySlug, request.data, agreement=agreement)
        agreement.add_party(
            data["organisation"], data["role"], by=request.user, is_drafter=data["is_drafter"]
        )
        return self._answer(agreement, status.HTTP_201_CREATED)

    @extend_schema(request=SignRequest, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path=r"parties/(?P<party_id>[0-9]+)/sign")
    def sign(self, request, slug=None, party_id=None):
        """Record who signed for a party, and when."""
        agreement = self.get_object(permissions.MANAGE)
        party = self._party(agreement, party_id)
        party.sign(by=request.user, **validated(SignForm, request.data))
        return self._answer(agreement)

    @extend_schema(request=WithdrawRequest, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path=r"parties/(?P<party_id>[0-9]+)/withdraw")
    def withdraw(self, request, slug=None, party_id=None):
        """Record that a party left the agreement (`on`: the date, today when left out)."""
        agreement = self.get_object(permissions.MANAGE)
        party = self._party(agreement, party_id)
        data = {"on": timezone.localdate().isoformat(), **body_of(request)}
        party.withdraw(by=request.user, **validated(WithdrawForm, data))
        return self._answer(agreement)

    def _party(self, agreement, party_id):
        party = agreement.parties.filter(pk=party_id).first()
        if party is None:
            raise Http404
        return party


router = Router()
router.register("agreements", AgreementViewSet, basename="agreement")
urlpatterns = router.urls
