"""Search boxes on an agreement's and a forum's page search only there, and say so."""

import pytest

from dialogues.models import Forum
from tests.dialogues.factories import make_forum, make_meeting
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db


def test_an_agreement_page_has_a_search_box_for_the_agreement(client, agreement, coordinator):
    client.force_login(coordinator)

    page = client.get("/agreements/lo/").text

    assert 'role="search"' in page
    assert f'<input type="hidden" name="agreement" value="{agreement.pk}">' in page


def test_a_forum_page_has_a_search_box_for_the_forum(client, members_forum, member):
    client.force_login(member)

    page = client.get(f"/forums/{members_forum.slug}/").text

    assert f'<input type="hidden" name="forum" value="{members_forum.pk}">' in page


def test_a_scoped_search_finds_only_that_forums_records_and_offers_to_search_everywhere(
    client, members_forum, meeting, municipality, association, member
):
    other = make_forum(municipality, members=[association], visibility=Forum.Visibility.MEMBERS)
    make_meeting(other, title="Vintermöte i andra forumet")
    index_everything()
    client.force_login(member)

    response = client.get("/search/", {"q": "vintermöte", "forum": members_forum.pk})

    titles = [found.hit.title for found in response.context["hits"]]
    assert titles and all("andra forumet" not in title for title in titles)
    assert response.context["scope"]["label"] == "Temaforum idrott"
    assert response.context["scope"]["url"] == "?q=vintermöte".replace("ö", "%C3%B6")
    assert "Temaforum idrott" in response.text


def test_a_scoped_search_in_an_agreement_finds_its_revisions(client, published, staff):
    index_everything()
    client.force_login(staff)

    response = client.get("/search/", {"q": "dialogforum", "agreement": published.agreement_id})

    assert [found.hit.url for found in response.context["hits"]] == [
        "/agreements/lo/revisions/1/#dialog"
    ]
    assert response.context["scope"]["label"] == "Testhamns LÖ"


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_a_scope_the_user_may_not_see_does_not_name_it(
    client, request, agreement, members_forum, who
):
    if who == "outsider":
        client.force_login(request.getfixturevalue("outsider"))
    index_everything()

    forum = client.get("/search/", {"q": "vintermöte", "forum": members_forum.pk})
    both = client.get(
        "/search/", {"q": "vintermöte", "forum": members_forum.pk, "agreement": agreement.pk}
    )

    assert forum.context["scope"]["label"] == "det valda forumet"
    assert "Temaforum idrott" not in forum.text
    assert both.context["scope"]["label"] == "den valda överenskommelsen"
    labels = [chosen["label"] for chosen in both.context["active_filters"]]
    assert labels == ["det valda forumet"]
    assert "Testhamns LÖ" not in both.text


def test_a_scope_that_does_not_exist_is_named_in_the_users_language(client, staff):
    client.force_login(staff)

    answer = client.get("/search/", {"q": "lokal", "agreement": 999999}, HTTP_ACCEPT_LANGUAGE="en")

    assert answer.context["scope"]["label"] == "the chosen agreement"
    assert "Searching only in the chosen agreement." in answer.text


@pytest.mark.parametrize("who", ["coordinator", "outsider", "anonymous"])
def test_the_facets_name_an_agreement_only_to_those_who_may_see_it(
    client, request, agreement, municipality, who
):
    # A public forum follows an agreement still in draft: its meetings are for everyone,
    # the agreement's title only for those who may see the draft.
    forum = make_forum(
        municipality, visibility=Forum.Visibility.PUBLIC, agreement=agreement, name="Öppet forum"
    )
    make_meeting(forum, title="Vintermöte i öppna forumet")
    index_everything()
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    page = client.get("/search/", {"q": "vintermöte"})
    api = client.get("/api/v1/search/", {"q": "vintermöte"}).json()

    assert "Öppet forum" in page.text and api["count"] >= 1
    if who == "coordinator":
        assert "Testhamns LÖ" in page.text
        assert [v["label"] for v in api["facets"]["agreement"]] == ["Testhamns LÖ"]
    else:
        assert "Testhamns LÖ" not in page.text
        assert "agreement" not in api["facets"]
