from tests.url_walk import LOGIN, Expect, signed_in

# Nobody opens another person's notification: an id that is not one's own is 404.
SOMEONE_ELSES = {"pk": 2_000_000_000}

URLS = {
    "notifications:list": Expect(signed_in(200)),
    "notifications:settings": Expect(signed_in(200), post=True),
    "notifications:mark_all_read": Expect(signed_in(405), post=True),
    "notifications:open": Expect(signed_in(404), kwargs=lambda: SOMEONE_ELSES),
    "notifications:read": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=lambda: SOMEONE_ELSES, post=True
    ),
}
