"""A person downloads what Överens holds about them, and can remove themselves."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.test import APIClient

from agreements.models import Comment
from api.models import ApiToken
from notifications.models import Setting
from organisations.models import Membership
from tests.consultation.factories import make_comment

PAGES = ["/personal-data/", "/personal-data/export/", "/personal-data/remove/"]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("role", ["coordinator", "staff", "member", "outsider"])
def test_every_signed_in_person_opens_their_own_pages(client, request, url, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(url)

    assert response.status_code == 200


def test_the_account_page_links_to_the_personal_data_page(client, member):
    client.force_login(member)

    response = client.get("/organisations/mine/")

    assert 'href="/personal-data/"' in response.content.decode()


def test_the_export_holds_the_persons_data_and_nobody_elses(
    client,
    member,
    association_coordinator,
    comment,
    revision,
    association,
    django_assert_max_num_queries,
):
    Setting.objects.create(user=member, kind="comment.answered", delivery="email")
    Setting.objects.create(user=association_coordinator, kind="comment.answered", delivery="off")
    make_comment(revision, association_coordinator, association, body="Someone else's words")
    client.force_login(member)

    with django_assert_max_num_queries(16):
        response = client.get("/personal-data/export/")

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment;")
    assert data["account"]["email"] == "forening@example.org"
    assert [m["organisation__name"] for m in data["memberships"]] == ["Testhamns IF"]
    assert [c["id"] for c in data["comments"]] == [comment.pk]
    assert data["notification_settings"] == [{"kind": "comment.answered", "delivery": "email"}]
    text = response.content.decode()
    assert "ordforande" not in text
    assert "Someone else's words" not in text


def test_removal_keeps_the_comment_and_shows_the_organisation_instead_of_the_name(
    client, member, coordinator, comment
):
    member.first_name, member.last_name = "Fia", "Forsberg"
    member.save()
    ApiToken.objects.create(user=member, name="mine", key_hash="x" * 64)
    client.force_login(coordinator)
    url = f"/agreements/lo/revisions/1/comments/{comment.pk}/"
    assert "Fia Forsberg" in client.get("/agreements/lo/revisions/1/consultation/").content.decode()
    client.force_login(member)

    response = client.post("/personal-data/remove/", {"password": "secret-pass-123"})

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.is_active, member.email, member.first_name) == (False, "", "Testhamns IF")
    assert not member.has_usable_password()
    assert not Membership.objects.filter(user=member).exists()
    assert not ApiToken.objects.filter(user=member).exists()
    assert Comment.objects.filter(pk=comment.pk, author=member).exists()
    client.force_login(coordinator)
    for page in (url, "/agreements/lo/revisions/1/consultation/"):
        html = client.get(page).content.decode()
        assert "Fia Forsberg" not in html and "forening" not in html
        assert comment.body in html
    api = APIClient()
    api.force_authenticate(coordinator)
    rows = api.get("/api/v1/agreements/lo/revisions/1/comments/").json()
    rows = rows.get("results", rows) if isinstance(rows, dict) else rows
    assert [row["author"] for row in rows] == ["Testhamns IF"]


def test_a_removed_person_is_signed_out_and_cannot_sign_in_again(client, member):
    client.force_login(member)

    client.post("/personal-data/remove/", {"password": "secret-pass-123"})

    assert client.get("/personal-data/").status_code == 302
    response = client.post(
        "/accounts/login/", {"username": "forening", "password": "secret-pass-123"}
    )
    assert response.status_code == 200  # the form again, with its error
    assert client.get("/personal-data/").status_code == 302


def test_a_wrong_password_is_refused_with_a_message_and_changes_nothing(client, member):
    client.force_login(member)

    response = client.post("/personal-data/remove/", {"password": "not-my-password"})

    assert response.status_code == 200
    assert "Lösenordet stämmer inte" in response.content.decode()
    member.refresh_from_db()
    assert (member.is_active, member.email, member.username) == (
        True,
        "forening@example.org",
        "forening",
    )
    assert Membership.objects.filter(user=member).exists()


def test_the_last_coordinator_of_an_organisation_is_told_and_nothing_changes(
    client, association_coordinator
):
    client.force_login(association_coordinator)

    response = client.post("/personal-data/remove/", {"password": "secret-pass-123"}, follow=True)

    assert "sista samordnare" in response.content.decode()
    user = get_user_model().objects.get(pk=association_coordinator.pk)
    assert user.is_active and user.email == "ordforande@example.org"
    assert user.memberships.exists()
