"""Action items that get done: editing, a responsible person, the board's filters and CSV,
and reminders before the deadline and when overdue."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from dialogues import notifications
from dialogues.models import ActionItem, Forum
from organisations.models import Membership
from tests.dialogues.factories import make_action_item, make_forum, make_meeting
from tests.factories import make_user

TODAY = timezone.localdate()


def days(count):
    return TODAY + datetime.timedelta(days=count)


@pytest.fixture
def item(forum, association):
    return make_action_item(make_meeting(forum), association, title="Kartlägga halltider")


def edit(client, item, **changes):
    values = {
        "title": item.title,
        "description": item.description,
        "owner": item.owner_id,
        "due_date": item.due_date.isoformat(),
        **changes,
    }
    return client.post(f"/forums/{item.meeting.forum.slug}/action-items/{item.pk}/edit/", values)


def test_the_coordinator_edits_what_when_and_who(client, coordinator, item, member):
    client.force_login(coordinator)

    response = edit(
        client,
        item,
        title="Kartlägga lediga halltider",
        description="Alla skolor.",
        due_date=days(40).isoformat(),
        responsible=member.pk,
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.title, item.description, item.due_date) == (
        "Kartlägga lediga halltider",
        "Alla skolor.",
        days(40),
    )
    assert item.responsible == member


def test_a_responsible_person_outside_the_owning_organisation_is_refused(
    client, coordinator, item, forum, municipality
):
    official = make_user("Olle Officiell", organisation=municipality)
    client.force_login(coordinator)

    response = edit(client, item, title="Ändrad", responsible=official.pk)

    item.refresh_from_db()
    assert response.status_code == 200
    assert "Olle Officiell är inte medlem i Testhamns IF." in response.text
    assert (item.title, item.responsible) == ("Kartlägga halltider", None)


@pytest.mark.parametrize("role", ["member", "staff", "outsider"])
def test_only_managers_edit_action_items(client, item, role, request):
    client.force_login(request.getfixturevalue(role))

    response = edit(client, item, title="Ändrad")

    assert response.status_code == 404
    assert ActionItem.objects.get(pk=item.pk).title == "Kartlägga halltider"


# --- the board -----------------------------------------------------------------------------


@pytest.fixture
def board(forum, municipality, association, member):
    other_forum = make_forum(municipality, members=[association], name="Annat forum")
    mine = make_action_item(make_meeting(forum), association, title="Mitt", responsible=member)
    theirs = make_action_item(make_meeting(other_forum), municipality, title="Stadens")
    return forum, other_forum, mine, theirs


def titles(response):
    return {item.title for item in response.context["page_obj"].object_list}


def test_the_board_filters_by_forum_and_by_person(client, member, board):
    forum, other_forum, _mine, _theirs = board
    client.force_login(member)

    by_forum = client.get("/forums/action-items/", {"forum": other_forum.pk})
    by_person = client.get("/forums/action-items/", {"person": member.pk})

    assert titles(by_forum) == {"Stadens"}
    assert titles(by_person) == {"Mitt"}


def test_the_board_exports_what_it_shows_as_csv(client, member, board):
    forum, _other, mine, _theirs = board
    client.force_login(member)

    response = client.get("/forums/action-items/export.csv", {"forum": forum.pk})

    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert rows[0][:3] == ["Vad", "Forum", "Möte"]
    assert [row[0] for row in rows[1:]] == ["Mitt"]
    assert rows[1][5] == "forening" and rows[1][9].endswith(mine.get_absolute_url())


def test_a_cell_that_looks_like_a_formula_stays_text(client, coordinator, forum, association):
    make_action_item(make_meeting(forum), association, title='=HYPERLINK("http://x")')
    client.force_login(coordinator)

    text = client.get("/forums/action-items/export.csv").content.decode("utf-8-sig")

    assert "'=HYPERLINK" in text


def test_the_public_gets_the_board_without_the_names_of_persons(
    client, municipality, association, member
):
    forum = make_forum(municipality, members=[association], visibility=Forum.Visibility.PUBLIC)
    make_action_item(make_meeting(forum), association, title="Öppet", responsible=member)

    text = client.get("/forums/action-items/export.csv").content.decode("utf-8-sig")
    page = client.get("/forums/action-items/").text

    assert "Öppet" in text and "forening" not in text
    assert "Öppet" in page and "forening" not in page


def test_the_board_export_runs_a_constant_number_of_queries(
    client, coordinator, forum, association, member, django_assert_max_num_queries
):
    meeting = make_meeting(forum)
    for number in range(15):
        make_action_item(meeting, association, title=f"Åtgärd {number}", responsible=member)
    client.force_login(coordinator)

    with django_assert_max_num_queries(12):
        response = client.get("/forums/action-items/export.csv")

    assert response.content.decode("utf-8-sig").count("\n") == 16


# --- reminders ----------------------------------------------------------------------------


def test_the_responsible_person_is_reminded_a_week_before_and_once_overdue(
    forum, association, member, mailoutbox
):
    item = make_action_item(make_meeting(forum), association, due_date=days(10), responsible=member)
    moment = timezone.now()

    too_early = notifications.send_action_item_reminders(now=moment)
    due_soon = notifications.send_action_item_reminders(now=moment + datetime.timedelta(days=3))
    twice = notifications.send_action_item_reminders(now=moment + datetime.timedelta(days=4))
    overdue = notifications.send_action_item_reminders(now=moment + datetime.timedelta(days=11))
    again = notifications.send_action_item_reminders(now=moment + datetime.timedelta(days=20))

    assert (too_early, due_soon, twice, overdue, again) == (0, 1, 0, 1, 0)
    assert [message.to for message in mailoutbox] == [[member.email]] * 2
    assert mailoutbox[0].subject.startswith("Klar senast")
    assert mailoutbox[1].subject == f"Försenad: {item.title}"


def test_without_a_responsible_person_the_owners_coordinators_are_reminded(
    forum, association, member, association_coordinator, mailoutbox
):
    make_action_item(make_meeting(forum), association, due_date=days(-1))

    notifications.send_action_item_reminders()

    assert [message.to for message in mailoutbox] == [[association_coordinator.email]]


def test_finished_items_are_not_reminded(forum, association, member, mailoutbox, coordinator):
    item = make_action_item(make_meeting(forum), association, due_date=days(-3), responsible=member)
    item.change_status("done", by=coordinator)

    assert notifications.send_action_item_reminders() == 0


def test_someone_who_can_no_longer_read_the_item_is_not_reminded(
    forum, association, member, mailoutbox
):
    make_action_item(make_meeting(forum), association, due_date=days(2), responsible=member)
    Membership.objects.filter(user=member).delete()

    assert notifications.send_action_item_reminders() == 0
