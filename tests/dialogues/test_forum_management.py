"""A coordinator sets up, changes and closes forums in the interface; members see who is in."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import Forum, Meeting
from dialogues.permissions import access
from tests.dialogues.factories import make_forum, make_meeting
from tests.factories import make_organisation, make_user


def forum_data(**overrides):
    values = {
        "name": "Dialogforum om idrott",
        "kind": "dialogue_forum",
        "purpose": "Följa upp idrottens villkor.",
        "visibility": "members",
    }
    values.update(overrides)
    return values


def test_the_coordinator_creates_a_forum_with_members_departments_and_officers(
    client, coordinator, municipality, department, association, member
):
    client.force_login(coordinator)

    response = client.post(
        "/forums/new/",
        forum_data(
            organiser=municipality.pk,
            members=[association.pk],
            departments=[department.pk],
            secretary=coordinator.pk,
        ),
    )

    forum = Forum.objects.get(name="Dialogforum om idrott")
    assert response.status_code == 302 and response["Location"] == f"/forums/{forum.slug}/"
    assert forum.slug == "dialogforum-om-idrott"
    assert {m.organisation for m in forum.members.all()} == {association, department}
    assert forum.secretary == coordinator and forum.purpose == "Följa upp idrottens villkor."
    assert access(member, forum).view  # the new member organisation reads it at once


@pytest.mark.parametrize("role", ["member", "staff", "outsider", "association_coordinator"])
def test_only_a_municipalitys_coordinators_create_forums(client, role, request):
    client.force_login(request.getfixturevalue(role))

    assert client.get("/forums/new/").status_code == 404
    assert client.post("/forums/new/", forum_data()).status_code == 404
    assert not Forum.objects.exists()


def test_a_chair_outside_the_forums_organisations_is_refused_and_nothing_is_created(
    client, coordinator, municipality, association, other_association
):
    stranger = make_user("Främling", organisation=other_association)
    client.force_login(coordinator)

    response = client.post(
        "/forums/new/",
        forum_data(organiser=municipality.pk, members=[association.pk], chair=stranger.pk),
    )

    assert response.status_code == 200
    assert not Forum.objects.exists()


def test_a_chair_from_a_member_organisation_is_accepted_on_edit(
    client, coordinator, forum, association, member
):
    client.force_login(coordinator)

    client.post(
        f"/forums/{forum.slug}/edit/",
        forum_data(
            name=forum.name, organiser=forum.organiser_id, members=[association.pk], chair=member.pk
        ),
    )

    assert Forum.objects.get(pk=forum.pk).chair == member


def test_principles_must_belong_to_the_agreement_the_forum_serves(
    client, coordinator, municipality
):
    from agreements.models import Principle
    from tests.agreements.factories import make_agreement

    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="LÖ")
    other = Principle.objects.create(name="Egen princip", municipality=municipality)
    agreement.principles.remove(other)
    client.force_login(coordinator)

    response = client.post(
        "/forums/new/",
        forum_data(organiser=municipality.pk, agreement=agreement.pk, principles=[other.pk]),
    )

    assert response.status_code == 200
    assert "Välj principer ur den överenskommelse" in response.text
    assert not Forum.objects.exists()


def test_removing_a_member_organisation_takes_away_its_access(
    client, coordinator, forum, association, member
):
    client.force_login(coordinator)

    client.post(
        f"/forums/{forum.slug}/edit/",
        forum_data(name=forum.name, organiser=forum.organiser_id, members=[]),
    )

    assert not forum.members.exists()
    assert not access(member, forum).view


@pytest.mark.parametrize("role", ["member", "staff", "outsider"])
def test_others_cannot_edit_or_close_a_forum(client, forum, role, request):
    client.force_login(request.getfixturevalue(role))

    assert client.get(f"/forums/{forum.slug}/edit/").status_code == 404
    assert client.post(f"/forums/{forum.slug}/close/", {"confirm": "on"}).status_code == 404
    assert not Forum.objects.get(pk=forum.pk).is_closed


def test_closing_asks_for_confirmation_and_then_closes(client, coordinator, forum):
    client.force_login(coordinator)

    unconfirmed = client.post(f"/forums/{forum.slug}/close/", {})
    confirmed = client.post(f"/forums/{forum.slug}/close/", {"confirm": "on"}, follow=True)

    assert unconfirmed.status_code == 200
    assert Forum.objects.get(pk=forum.pk).is_closed
    assert "Forumet avslutades" in confirmed.text


def test_a_forum_with_planned_meetings_ahead_is_not_closed(client, coordinator, forum):
    make_meeting(forum)
    client.force_login(coordinator)

    response = client.post(f"/forums/{forum.slug}/close/", {"confirm": "on"}, follow=True)

    assert not Forum.objects.get(pk=forum.pk).is_closed
    assert "Ställ in dem innan du avslutar forumet" in response.text


def test_a_closed_forum_plans_no_meeting_until_reopened(client, coordinator, forum):
    make_meeting(forum, starts_at=timezone.now() - datetime.timedelta(days=30))
    forum.close()
    client.force_login(coordinator)
    starts = (timezone.now() + datetime.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    data = {"title": "Nytt", "starts_at": starts, "ends_at": starts}

    refused = client.post(f"/forums/{forum.slug}/meetings/new/", data, follow=True)
    client.post(f"/forums/{forum.slug}/reopen/")
    accepted = client.post(f"/forums/{forum.slug}/meetings/new/", data)

    assert "Forumet är avslutat" in refused.text
    assert accepted.status_code == 302
    assert Meeting.objects.filter(title="Nytt").count() == 1


def test_members_see_who_else_is_in_the_forum_and_the_public_does_not(
    client, municipality, association, member
):
    forum = make_forum(municipality, members=[association], visibility="public")
    make_user("Kim Kassör", organisation=association)

    anonymous = client.get(f"/forums/{forum.slug}/").text
    client.force_login(member)
    insider = client.get(f"/forums/{forum.slug}/").text

    assert "Kim Kassör" in insider and "forening" in insider
    assert "Kim Kassör" not in anonymous and association.name in anonymous


def test_a_new_department_is_offered_only_from_the_organisers_municipality(
    client, coordinator, department
):
    elsewhere = make_organisation(name="Annan stad", kind="municipality")
    foreign = make_organisation(name="Annans förvaltning", kind="department", parent=elsewhere)
    client.force_login(coordinator)

    page = client.get("/forums/new/").text

    assert department.name in page and foreign.name not in page
