from rest_framework import serializers

from core.people import display_name
from organisations.models import Membership, Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    url = serializers.HyperlinkedIdentityField(
        view_name="api:organisation-detail", lookup_field="slug"
    )
    email = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "url",
            "slug",
            "name",
            "kind",
            "parent",
            "organisation_number",
            "email",
            "website",
            "description",
        ]

    def get_email(self, organisation) -> str | None:
        """Only for those who see the member list (the view's `show_contact`), else null."""
        return organisation.email if getattr(organisation, "show_contact", False) else None


class MembershipSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    name = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["id", "username", "name", "role", "created_at"]

    def get_name(self, membership) -> str:
        """The member's name as the member list page shows it."""
        return display_name(membership.user)
