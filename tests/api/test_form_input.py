"""Request bodies reach the pages' forms one way for every endpoint (api/forminput.py): a JSON
object of single values (lists only for fields that take several), form-encoded or
multipart. Anything else is a 400 naming the field, never a 500."""

import pytest

from agreements.models import Party
from dialogues.models import ActionItem
from tests.agreements.factories import adopt, make_agreement, make_party, publish
from tests.api.conftest import as_user
from tests.dialogues.factories import make_forum, make_meeting

pytestmark = pytest.mark.django_db

SINGLE = "Skicka ett enda värde."


@pytest.fixture
def party(municipality, coordinator, association):
    agreement = make_agreement(municipality, by=coordinator, slug="lo")
    party = make_party(agreement, association)
    revision = publish(agreement, by=coordinator)
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    adopt(agreement, revision, by=coordinator)
    return party


@pytest.fixture
def meeting(municipality, association):
    return make_meeting(make_forum(municipality, members=[association]))


@pytest.mark.parametrize("value", [["2026-01-01", "2026-01-02"], {"day": 1}])
def test_a_list_or_object_for_a_single_value_is_400_on_the_agreement_endpoints(
    party, coordinator, value
):
    response = as_user(coordinator).post(
        f"/api/v1/agreements/lo/parties/{party.pk}/sign/",
        {"name": "Anna", "title": "Ordförande", "on": value}, format="json",
    )  # fmt: skip

    assert response.status_code == 400
    assert response.json()["errors"] == {"on": [SINGLE]}
    assert Party.objects.get(pk=party.pk).signed_on is None


@pytest.mark.parametrize("value", [["2026-01-01"], {"day": 1}])
def test_a_list_or_object_for_a_single_value_is_400_on_the_dialogue_endpoints(
    meeting, coordinator, value
):
    response = as_user(coordinator).post(
        f"/api/v1/meetings/{meeting.pk}/action-items/",
        {"title": "Städa", "owner": "testhamns-stad", "due_date": value}, format="json",
    )  # fmt: skip

    assert response.status_code == 400
    assert response.json()["errors"] == {"due_date": [SINGLE]}
    assert not ActionItem.objects.exists()


def test_a_number_for_a_date_is_the_date_fields_own_400(meeting, coordinator):
    response = as_user(coordinator).post(
        f"/api/v1/meetings/{meeting.pk}/action-items/",
        {"title": "Städa", "owner": "testhamns-stad", "due_date": 20260101}, format="json",
    )  # fmt: skip

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"due_date"}


def test_a_field_that_takes_several_values_takes_a_list(party, coordinator):
    from agreements.models import Principle

    chosen = list(Principle.objects.filter(municipality__isnull=True)[:2])

    response = as_user(coordinator).patch(
        "/api/v1/agreements/lo/", {"principles": [p.pk for p in chosen]}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert set(response.json()["principles"]) == {p.name for p in chosen}


def test_form_encoded_bodies_are_read_as_the_page_reads_them(meeting, coordinator):
    response = as_user(coordinator).post(
        f"/api/v1/meetings/{meeting.pk}/action-items/",
        {"title": "Städa", "owner": "testhamns-stad", "due_date": "2026-05-01"},
    )

    assert response.status_code == 201
    assert ActionItem.objects.get().title == "Städa"


def test_sending_a_single_value_field_twice_form_encoded_is_400(meeting, coordinator):
    response = as_user(coordinator).post(
        f"/api/v1/meetings/{meeting.pk}/action-items/",
        "title=A&title=B&owner=testhamns-stad&due_date=2026-05-01",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"title": [SINGLE]}


@pytest.mark.parametrize("value", [True, 12])
def test_a_boolean_or_number_for_a_date_is_the_date_fields_own_400(party, coordinator, value):
    response = as_user(coordinator).post(
        f"/api/v1/agreements/lo/parties/{party.pk}/withdraw/", {"on": value}, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"on"}
    assert Party.objects.get(pk=party.pk).withdrawn_on is None


@pytest.mark.parametrize(("value", "expected"), [(True, True), (False, False), ("false", False)])
def test_a_checkbox_reads_json_booleans(party, coordinator, value, expected):
    response = as_user(coordinator).patch(
        "/api/v1/agreements/lo/", {"is_public": value}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["is_public"] is expected


@pytest.mark.parametrize("value", ["maybe", 1, ["true"]])
def test_a_checkbox_takes_only_true_or_false(party, coordinator, value):
    response = as_user(coordinator).patch(
        "/api/v1/agreements/lo/", {"is_public": value}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["is_public"]


def test_a_number_with_decimals_for_a_whole_number_is_400_not_rounded(meeting, coordinator):
    response = as_user(coordinator).put(
        f"/api/v1/meetings/{meeting.pk}/minutes/", {"minutes": "Text", "version": 0.5},
        format="json",
    )  # fmt: skip

    assert response.status_code == 400
    assert response.json()["errors"] == {"version": ["Fyll i ett heltal."]}


def test_text_longer_than_the_field_is_400_even_if_stripping_would_shorten_it(meeting, coordinator):
    response = as_user(coordinator).post(
        f"/api/v1/meetings/{meeting.pk}/action-items/",
        {"title": " " * 10 + "x" * 250, "owner": "testhamns-stad", "due_date": "2026-05-01"},
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["title"]
    assert not ActionItem.objects.exists()


def test_null_for_a_required_field_on_a_patch_is_400_not_ignored(meeting, coordinator):
    forum = meeting.forum

    response = as_user(coordinator).patch(
        f"/api/v1/forums/{forum.slug}/", {"visibility": None}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["visibility"]


def test_null_or_empty_for_an_optional_link_removes_it_as_the_schema_says(party, coordinator):
    forum = make_forum(party.agreement.municipality, agreement=party.agreement)

    response = as_user(coordinator).patch(
        f"/api/v1/forums/{forum.slug}/", {"agreement": None}, format="json"
    )

    assert response.status_code == 200
    forum.refresh_from_db()
    assert forum.agreement is None


def test_the_schema_declares_what_the_form_requires_and_what_may_be_empty(client):
    schema = client.get("/api/schema/?format=json").json()["components"]["schemas"]

    forum = schema["ForumRequestRequest"]
    assert set(forum["required"]) == {"name", "kind", "visibility", "organiser"}
    assert forum["properties"]["agreement"]["nullable"] is True
    assert "minLength" not in forum["properties"]["agreement"]
    response = schema["CommentResponseRequest"]
    assert "addressed_section" not in response.get("required", [])


def test_an_empty_query_value_is_400_rather_than_all(api, db):
    response = api.get("/api/v1/agreements/?status=")

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "status": ["Utelämna parametern i stället för att skicka den tom."]
    }


def test_a_field_sent_twice_form_encoded_on_a_patch_is_400(party, coordinator):
    response = as_user(coordinator).patch(
        "/api/v1/agreements/lo/",
        "review_interval_months=2%5E%00&review_interval_months=&summary=null",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"review_interval_months": [SINGLE]}


def test_json_true_for_a_text_field_is_400_not_the_text_true(meeting, coordinator):
    response = as_user(coordinator).post(
        f"/api/v1/meetings/{meeting.pk}/action-items/",
        {"title": True, "owner": "testhamns-stad", "due_date": "2026-05-01"},
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["title"]
    assert not ActionItem.objects.exists()


def test_a_json_number_for_a_text_field_is_400_not_the_text_of_the_number(meeting, coordinator):
    response = as_user(coordinator).patch(
        f"/api/v1/meetings/{meeting.pk}/", {"accessibility_notes": -1.5e235}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "accessibility_notes": ["Skicka text i det här fältet, inte ett tal."]
    }
    meeting.refresh_from_db()
    assert meeting.accessibility_notes == ""


def test_a_json_number_for_a_number_field_is_still_a_number(meeting, coordinator):
    response = as_user(coordinator).put(
        f"/api/v1/meetings/{meeting.pk}/minutes/", {"minutes": "Text", "version": 0},
        format="json",
    )  # fmt: skip

    assert response.status_code == 200
