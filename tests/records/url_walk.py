from records.models import Document
from tests.url_walk import LOGIN, Expect, signed_in

REGISTRAR = {"admin": 200, "samordnare": 200}


def entry():
    return {"pk": Document.objects.filter(case__number="KS 2024/0412").first().pk}


URLS = {
    "records:register": Expect(),
    "records:document": Expect(kwargs=entry),
    "records:correct": Expect(signed_in(404, **REGISTRAR), kwargs=entry, post=True),
    "records:ask": Expect(kwargs=entry, post=True),
    "records:requests": Expect(signed_in(404, **REGISTRAR)),
    "records:answer": Expect(
        {"anonymous": LOGIN}, default=404, kwargs=lambda: {"pk": 2_000_000_000}, post=True
    ),
    "records:request": Expect(default=404, kwargs=lambda: {"code": "no-such-code"}),
}
