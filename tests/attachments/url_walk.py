from attachments.models import Attachment
from demo.attachments import ACTION_PLAN
from organisations.models import Organisation
from tests.url_walk import LOGIN, Expect


def action_plan():
    """The demo action plan, on a meeting of the public dialogue forum organised by
    Kullahamns stad (coordinated by samordnare); its minutes are approved (frozen)."""
    return {"pk": Attachment.objects.get(original_name=ACTION_PLAN).pk}


def city():
    city = Organisation.objects.get(slug="kullahamns-stad")
    return {"label": "organisations.organisation", "object_id": city.pk}


# Changing the city's files is for its coordinators (samordnare) and the superuser;
# everyone else gets 404, anonymous visitors are asked to log in first.
CHANGERS = {"anonymous": LOGIN, "admin": 200, "samordnare": 200}

URLS = {
    # The public forum's meeting page is public, and so are its files.
    "attachments:download": Expect(kwargs=action_plan),
    "attachments:text_status": Expect(kwargs=action_plan),
    "attachments:upload": Expect(CHANGERS, default=404, kwargs=city, post=True),
    "attachments:remove": Expect(CHANGERS, default=404, kwargs=action_plan, post=True),
    "attachments:supersede": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=action_plan, post=True
    ),
}
