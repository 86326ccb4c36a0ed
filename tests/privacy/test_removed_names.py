"""A removed person's name is gone everywhere at once, and the API names people as the pages
do: the cached timeline of the agreement page, the minutes' addenda, the member list."""

import pytest
from django.core.cache import cache

from agreements.models import Event
from dialogues.models import ActionItem, Addendum, Forum
from privacy.removal import remove_person
from tests.api.conftest import as_user
from tests.dialogues.factories import approve, make_action_item, make_checked_meeting, make_forum


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fia(member):
    member.first_name, member.last_name = "Fia", "Forsberg"
    member.save()
    return member


def test_after_removal_the_cached_timeline_no_longer_names_the_person(
    client, fia, coordinator, agreement
):
    party = agreement.parties.get(organisation__name="Testhamns IF")
    agreement.events.create(kind=Event.Kind.SIGNED, actor=fia, party=party)
    client.force_login(coordinator)
    before = client.get("/agreements/lo/").content.decode()
    assert "Fia Forsberg" in before  # and the timeline is now in the cache

    remove_person(fia)

    after = client.get("/agreements/lo/").content.decode()
    timeline = after[after.index('id="timeline"') :] if 'id="timeline"' in after else after
    assert "Fia Forsberg" not in after
    assert "(Testhamns IF)" in timeline


@pytest.fixture
def meeting(municipality, association):
    forum = make_forum(
        municipality, members=[association], visibility=Forum.Visibility.MEMBERS, slug="styrgrupp"
    )
    meeting = make_checked_meeting(forum, association)
    approve(meeting)
    return meeting


def test_the_api_names_an_addendums_author_as_the_minutes_page_does(
    client, fia, coordinator, meeting
):
    Addendum.objects.create(meeting=meeting, text="Rättelse av punkt 3", author=fia)
    api = as_user(coordinator)
    client.force_login(coordinator)

    named = api.get(f"/api/v1/meetings/{meeting.pk}/").json()["addenda"][0]["author"]
    assert named == "Fia Forsberg"
    assert "Fia Forsberg" in client.get(meeting.get_absolute_url()).content.decode()

    remove_person(fia)

    named = api.get(f"/api/v1/meetings/{meeting.pk}/").json()["addenda"][0]["author"]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert named == "Testhamns IF"
    assert "Fia Forsberg" not in page and f"removed-{fia.pk}" not in page
    assert "Testhamns IF" in page


def test_the_api_member_list_names_members_as_the_member_page_does(
    fia, association_coordinator, coordinator
):
    rows = as_user(coordinator).get("/api/v1/organisations/testhamns-if/members/").json()

    names = {row["username"]: row["name"] for row in rows}
    # A member with a name is named; one without is shown by username, as on the page.
    assert names == {"forening": "Fia Forsberg", "ordforande": "ordforande"}


def test_the_api_names_who_changed_an_action_item_as_its_page_does(
    client, fia, coordinator, meeting, association
):
    item = make_action_item(meeting, association)
    item.change_status(ActionItem.Status.IN_PROGRESS, by=fia, note="Vi har börjat")
    client.force_login(coordinator)

    history = as_user(coordinator).get(f"/api/v1/action-items/{item.pk}/").json()["history"]
    page = client.get(item.get_absolute_url()).content.decode()

    assert history[0]["by"] == "Fia Forsberg"
    assert "Fia Forsberg" in page
