from organisations.models import Membership
from tests.url_walk import LOGIN, Expect

ORGANISATION = {"slug": "kullahamns-if"}


def forening_membership():
    membership = Membership.objects.get(user__username="forening")
    return {**ORGANISATION, "membership_id": membership.pk}


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
}
