from tests.url_walk import Expect, signed_in

IMPORTER = {"admin": 200, "samordnare": 200}


def no_such_import():
    return {"pk": 2_000_000_000}  # the demo city has imported no register: everyone gets 404


URLS = {
    "imports:index": Expect(signed_in(404, **IMPORTER), post=True),
    "imports:detail": Expect(signed_in(404), kwargs=no_such_import),
    "imports:start": Expect(signed_in(405), kwargs=no_such_import, post=True),
    "imports:invite": Expect(signed_in(405), kwargs=no_such_import, post=True),
}
