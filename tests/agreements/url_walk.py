from agreements.models import Party
from tests.url_walk import LOGIN, Expect

LO = {"slug": "lokal-overenskommelse-kullahamn"}  # adopted, in force, public
IOP = {"slug": "iop-laxhjalp-oresundsvik"}  # never published: its drafters only


def unsigned_party():
    party = Party.objects.get(agreement__slug=LO["slug"], signed_on__isnull=True)
    return {**LO, "party_id": party.pk}


# The public agreement is read by everyone, signed in or not.
PUBLIC = Expect()
# Workflow pages: the owning municipality's coordinators (and the superuser); others 404.
MANAGERS = {"anonymous": LOGIN, "admin": 200, "samordnare": 200}

URLS = {
    "agreements:list": PUBLIC,
    "agreements:create": Expect(MANAGERS, default=404, post=True),
    "agreements:detail": Expect(kwargs=lambda: LO),
    "agreements:print": Expect(kwargs=lambda: LO),
    "agreements:print_pdf": Expect(kwargs=lambda: LO),
    "agreements:print_docx": Expect(kwargs=lambda: LO),
    "agreements:compare": Expect(kwargs=lambda: LO),
    "agreements:revision": Expect(kwargs=lambda: {**LO, "number": 3}),
    "agreements:adopt": Expect(
        MANAGERS, default=404, kwargs=lambda: {**LO, "number": 2}, post=True
    ),
    "agreements:draft": Expect(MANAGERS, default=404, kwargs=lambda: IOP, post=True),
    "agreements:add_section": Expect(MANAGERS, default=404, kwargs=lambda: IOP, post=True),
    "agreements:draft_section": Expect(
        MANAGERS, default=404, kwargs=lambda: {**IOP, "anchor": "bakgrund"}, post=True
    ),
    "agreements:move_section": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=lambda: {**IOP, "anchor": "bakgrund"}, post=True
    ),
    "agreements:remove_section": Expect(
        MANAGERS, default=404, kwargs=lambda: {**IOP, "anchor": "bakgrund"}, post=True
    ),
    "agreements:start_draft": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=lambda: LO, post=True
    ),
    "agreements:open_consultation": Expect(MANAGERS, default=404, kwargs=lambda: IOP, post=True),
    "agreements:close_consultation": Expect(MANAGERS, default=404, kwargs=lambda: LO, post=True),
    "agreements:change_status": Expect(MANAGERS, default=404, kwargs=lambda: LO, post=True),
    "agreements:settings": Expect(MANAGERS, default=404, kwargs=lambda: LO, post=True),
    "agreements:add_party": Expect(MANAGERS, default=404, kwargs=lambda: LO, post=True),
    "agreements:sign": Expect(MANAGERS, default=404, kwargs=unsigned_party, post=True),
    "agreements:withdraw": Expect(MANAGERS, default=404, kwargs=unsigned_party, post=True),
}
