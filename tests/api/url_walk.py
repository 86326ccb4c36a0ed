from tests.api.url_walk_records import URLS as RECORDS
from tests.url_walk import LOGIN, Expect, signed_in

ORGANISATION = {"slug": "kullahamns-if"}

URLS = {
    # The API answers for itself: JSON 404 rather than a login redirect (no ids leak).
    "api:organisation-list": Expect(),
    "api:organisation-detail": Expect(kwargs=lambda: ORGANISATION),
    # The member list: the organisation's members and municipal coordinators.
    "api:organisation-members": Expect(
        {"admin": 200, "samordnare": 200, "forening": 200},
        default=404,
        kwargs=lambda: ORGANISATION,
    ),
    "api:schema": Expect(),
    "api:docs": Expect(),
    "api:tokens": Expect(signed_in(200), post=True),
    "api:token_revoke": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=lambda: {"pk": 1}, post=True
    ),
}
URLS |= RECORDS
