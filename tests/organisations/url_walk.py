from organisations.models import Application, Invitation, Membership, Organisation
from tests.url_walk import LOGIN, Expect, signed_in

ORGANISATION = {"slug": "kullahamns-if"}


def forening_membership():
    membership = Membership.objects.get(user__username="forening")
    return {**ORGANISATION, "membership_id": membership.pk}


def demo_application():
    """An application to the demo city's public agreement (the demo seeds none)."""
    from agreements.models import Agreement

    application = Application.objects.filter(name="Vandrande Kören").first() or (
        Application.submit(
            agreement=Agreement.objects.get(slug="lokal-overenskommelse-kullahamn"),
            organisation_number="802479-3427",
            name="Vandrande Kören",
            contact_name="Ada Ek",
            contact_email="ada@koren.example",
            areas=["culture"],
            district="Hamnen",
        )
    )
    return {"pk": application.pk}


def demo_application_key():
    return {"key": Application.objects.get(pk=demo_application()["pk"]).key}


def demo_invitation():
    invitation = Invitation.objects.filter(email="ny@kullahamns-if.example").first()
    if invitation is None:
        organisation = Organisation.objects.get(**ORGANISATION)
        invitation = Invitation.issue(
            organisation=organisation, email="ny@kullahamns-if.example", role="member", by=None
        )
    return {"key": invitation.key}


def demo_party():
    from agreements.models import Party

    party = Party.objects.filter(organisation__slug=ORGANISATION["slug"]).order_by("pk").first()
    return {**ORGANISATION, "party_id": party.pk}


# The municipality's coordinators (samordnare) review applications; everyone else gets 404.
REVIEWERS = signed_in(404, admin=200, samordnare=200)

# Only the organisation's own coordinators (and the superuser) manage its members;
# POST-only actions answer 405 to a GET before looking at the record.
POST_ONLY = {"anonymous": LOGIN}

URLS = {
    "organisations:list": Expect(),
    "organisations:mine": Expect({"anonymous": LOGIN}),
    "organisations:detail": Expect(kwargs=lambda: ORGANISATION),
    "organisations:add_member": Expect(
        POST_ONLY, default=405, kwargs=lambda: ORGANISATION, post=True
    ),
    "organisations:change_role": Expect(
        POST_ONLY, default=405, kwargs=forening_membership, post=True
    ),
    "organisations:remove_member": Expect(
        {"anonymous": LOGIN, "admin": 200}, default=404, kwargs=forening_membership, post=True
    ),
    "organisations:apply": Expect(),
    "organisations:application_status": Expect(kwargs=demo_application_key),
    "organisations:applications": Expect(REVIEWERS),
    "organisations:application": Expect(REVIEWERS, kwargs=demo_application),
    "organisations:decide": Expect(POST_ONLY, default=405, kwargs=demo_application, post=True),
    "organisations:invitation": Expect(kwargs=demo_invitation),
    "organisations:invite": Expect(POST_ONLY, default=405, kwargs=lambda: ORGANISATION, post=True),
    "organisations:leave": Expect(
        signed_in(404, forening=200), kwargs=lambda: ORGANISATION, post=True
    ),
    "organisations:sign": Expect(POST_ONLY, default=405, kwargs=demo_party, post=True),
    "organisations:withdraw": Expect(
        {"anonymous": LOGIN, "admin": 200}, default=404, kwargs=demo_party, post=True
    ),
}
