from tests.url_walk import Expect, signed_in

URLS = {
    "privacy:page": Expect(signed_in(200)),
    "privacy:export": Expect(signed_in(200)),
    "privacy:remove": Expect(signed_in(200), post=True),
}
