"""Organisations: read by anyone, as the directory; members as the organisation page shows."""

from django.db.models import BooleanField, ExpressionWrapper, Q
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.filters import filtered, form_parameters
from api.routers import Router
from api.serializers.organisations import MembershipSerializer, OrganisationSerializer
from organisations import permissions
from organisations.forms import DirectoryFilterForm
from organisations.models import Organisation


@extend_schema(tags=["organisations"])
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisationSerializer
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        # The e-mail is a contact detail: shown, as on the organisation's page, only to those
        # who see its member list (one subquery for the whole page).
        see_members = permissions.visible(
            self.request.user, "organisations.view_members", Organisation.objects.all()
        )
        return (
            Organisation.objects.active()
            .select_related("parent")
            .annotate(
                show_contact=ExpressionWrapper(
                    Q(pk__in=see_members.values("pk")), output_field=BooleanField()
                )
            )
        )

    def filter_queryset(self, queryset):
        if self.action == "list":
            return filtered(DirectoryFilterForm, self.request, queryset)
        return queryset

    @extend_schema(parameters=form_parameters(DirectoryFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses=MembershipSerializer(many=True))
    @action(detail=True, pagination_class=None)
    def members(self, request, slug=None):
        """The member list: the organisation's own members and municipal coordinators."""
        organisation = permissions.get_visible_or_404(
            request.user, "organisations.view_members", self.get_queryset(), slug=slug
        )
        memberships = organisation.memberships.select_related("user").order_by(
            "role", "user__username"
        )
        return Response(MembershipSerializer(memberships, many=True).data)


router = Router()
router.register("organisations", OrganisationViewSet, basename="organisation")
urlpatterns = router.urls
