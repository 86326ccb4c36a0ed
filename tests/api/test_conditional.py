"""Conditional requests: poll cheaply with If-None-Match (304), never overwrite a newer text
with If-Match (412)."""

import pytest

from agreements.models import Revision
from dialogues.models import Forum
from tests.api.conftest import as_user
from tests.dialogues.factories import make_forum, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafted(municipality, coordinator):
    client = as_user(coordinator)
    client.post(
        "/api/v1/agreements/", {"municipality": "testhamns-stad", "title": "LÖ"}, format="json"
    )
    return client


def test_a_record_read_again_unchanged_is_304_without_a_body(drafted):
    first = drafted.get("/api/v1/agreements/lo/")

    again = drafted.get("/api/v1/agreements/lo/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200 and first["ETag"].startswith('"')
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_changed_record_is_sent_again_with_a_new_etag(drafted):
    first = drafted.get("/api/v1/agreements/lo/")
    drafted.patch("/api/v1/agreements/lo/", {"summary": "Ny sammanfattning"}, format="json")

    again = drafted.get("/api/v1/agreements/lo/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert again.json()["summary"] == "Ny sammanfattning"


def test_a_draft_saved_with_the_etag_it_was_read_at_needs_no_version(drafted):
    read = drafted.get("/api/v1/agreements/lo/draft/")

    saved = drafted.put(
        "/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "Första texten"},
        format="json", HTTP_IF_MATCH=read["ETag"],
    )  # fmt: skip

    assert saved.status_code == 200, saved.json()
    assert Revision.objects.get(agreement__slug="lo").body == "Första texten"


def test_a_draft_saved_over_a_newer_text_is_412_and_changes_nothing(drafted):
    read = drafted.get("/api/v1/agreements/lo/draft/")
    version = read.json()["version"]
    drafted.put(
        "/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "Först", "version": version},
        format="json",
    )  # fmt: skip

    late = drafted.put(
        "/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "Sen", "version": version},
        format="json", HTTP_IF_MATCH=read["ETag"], HTTP_ACCEPT_LANGUAGE="en",
    )  # fmt: skip

    assert late.status_code == 412
    assert late.json()["code"] == "precondition_failed" and "changed" in late.json()["message"]
    assert Revision.objects.get(agreement__slug="lo").body == "Först"


def test_a_weak_or_unknown_etag_does_not_match(drafted):
    read = drafted.get("/api/v1/agreements/lo/draft/")

    for etag in ["W/" + read["ETag"], '"nothing"']:
        response = drafted.put(
            "/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "X"}, format="json",
            HTTP_IF_MATCH=etag,
        )  # fmt: skip
        assert response.status_code == 412


def test_minutes_are_saved_against_the_meeting_as_read(municipality, coordinator, association):
    forum = make_forum(municipality, members=[association], visibility=Forum.Visibility.MEMBERS)
    meeting = make_meeting(forum)
    client, url = as_user(coordinator), f"/api/v1/meetings/{meeting.pk}/"
    read = client.get(url)

    first = client.put(f"{url}minutes/", {"minutes": "Ett"}, format="json",
                       HTTP_IF_MATCH=read["ETag"])  # fmt: skip
    second = client.put(f"{url}minutes/", {"minutes": "Två"}, format="json",
                        HTTP_IF_MATCH=read["ETag"])  # fmt: skip

    assert first.status_code == 200, first.json()
    assert second.status_code == 412
    meeting.refresh_from_db()
    assert meeting.minutes == "Ett"


def test_pages_outside_the_api_get_no_etag(client):
    assert "ETag" not in client.get("/accessibility/")
