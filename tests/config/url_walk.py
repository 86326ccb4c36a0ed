from tests.url_walk import LOGIN, Expect, signed_in

URLS = {
    "home": Expect(),
    "brand_css": Expect(),
    "accessibility": Expect(),
    "favicon": Expect(default=302),
    "healthz": Expect(),
    "readyz": Expect(),
    "set_language": Expect(default=302, post=True),
    "login": Expect(post=True),
    "logout": Expect({"anonymous": LOGIN}, default=405, post=True),
    "password_change": Expect(signed_in(200), post=True),
    "password_change_done": Expect(signed_in(200)),
    "password_reset": Expect(post=True),
    "password_reset_done": Expect(),
    "password_reset_confirm": Expect(
        kwargs=lambda: {"uidb64": "MQ", "token": "not-a-token"}, post=True
    ),
    "password_reset_complete": Expect(),
}
