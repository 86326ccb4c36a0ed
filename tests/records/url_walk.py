from records.models import Case, Document, DocumentRequest
from tests.url_walk import Expect, signed_in

REGISTRAR = {"admin": 200, "samordnare": 200}


def entry():
    return {"pk": Document.objects.filter(case__number="KS 2024/0412").first().pk}


def case():
    return {"pk": Case.objects.get(number="KS 2024/0412").pk}


def waiting_request():
    return DocumentRequest.objects.waiting().first()


URLS = {
    "records:register": Expect(),
    "records:document": Expect(kwargs=entry),
    "records:correct": Expect(signed_in(404, **REGISTRAR), kwargs=entry, post=True),
    "records:ask": Expect(kwargs=entry, post=True),
    "records:requests": Expect(signed_in(404, **REGISTRAR)),
    "records:plan": Expect(),
    "records:disposals": Expect(signed_in(404, **REGISTRAR)),
    "records:approve_disposal": Expect(
        signed_in(405), kwargs=lambda: {"pk": 2_000_000_000}, post=True
    ),
    "records:answer": Expect(
        signed_in(404, **REGISTRAR), kwargs=lambda: {"pk": waiting_request().pk}, post=True
    ),
    "records:request": Expect(kwargs=lambda: {"code": waiting_request().code}),
    "records:archive": Expect(signed_in(404, **REGISTRAR), kwargs=case, post=True),
    # The demo builds no package: nobody finds one that does not exist.
    "records:download_package": Expect(signed_in(404), kwargs=lambda: {"pk": 2_000_000_000}),
    "records:retry_package": Expect(
        signed_in(405), kwargs=lambda: {"pk": 2_000_000_000}, post=True
    ),
}
