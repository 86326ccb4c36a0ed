"""The public directory of organisations: search and filters over what is public anyway.

Being a party counts only for agreements anyone may read, so the directory never reveals a
party to an agreement that is still being drafted. The agreements app is looked up by name
(organisations imports none of the domain apps).
"""

from django.apps import apps
from django.db import connection
from django.db.models import Exists, Min, OuterRef, Q


def public_parties():
    """Active parties of public agreements."""
    Party = apps.get_model("agreements", "Party")
    Agreement = apps.get_model("agreements", "Agreement")
    return Party.objects.active().filter(agreement__in=Agreement.objects.public())


def with_public_party(queryset):
    """Annotate `is_party` and `joined_year` (the first year it joined a public agreement)."""
    parties = public_parties().filter(organisation=OuterRef("pk"))
    return queryset.annotate(
        is_party=Exists(parties),
        joined_on=Min(
            "agreement_parties__joined_on",
            filter=Q(agreement_parties__in=public_parties()),
        ),
    )


def in_area(queryset, area):
    if connection.features.supports_json_field_contains:
        return queryset.filter(areas__contains=[area])
    # SQLite keeps the JSON list as text: match the quoted code.
    return queryset.filter(areas__icontains=f'"{area}"')


def joined_in(queryset, year):
    return queryset.filter(
        Exists(public_parties().filter(organisation=OuterRef("pk"), joined_on__year=year))
    )
