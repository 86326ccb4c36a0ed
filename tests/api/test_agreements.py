"""Agreements through the API: the same rules and verbs as the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.models import Agreement, Comment, Party, Revision
from tests.api.conftest import as_user
from tests.url_walk import ROLES

pytestmark = pytest.mark.django_db

LO = "/api/v1/agreements/lokal-overenskommelse-kullahamn"
IOP = "/api/v1/agreements/iop-laxhjalp-oresundsvik"
FRITID = "/api/v1/agreements/fritid-barn-och-unga"


def in_days(days):
    return (timezone.now() + timedelta(days=days)).isoformat()


def client_for(role):
    from django.contrib.auth import get_user_model

    user = None if role == "anonymous" else get_user_model().objects.get(username=role)
    return as_user(user)


# Reading, per demo role: public in-force agreement, a never-published one, the consultation.
READ_MATRIX = {
    f"{LO}/": dict.fromkeys(ROLES, 200),
    f"{LO}/revisions/": dict.fromkeys(ROLES, 200),
    f"{LO}/revisions/3/": dict.fromkeys(ROLES, 200),
    f"{LO}/diff/?from=2&to=3": dict.fromkeys(ROLES, 200),
    # The public sees the report of a public adopted agreement, without names.
    f"{LO}/revisions/1/report/": dict.fromkeys(ROLES, 200),
    f"{LO}/revisions/1/comments/": {
        **dict.fromkeys(ROLES, 200), "anonymous": 404, "utomstaende": 404,
    },
    f"{IOP}/": {**dict.fromkeys(ROLES, 404), "admin": 200, "samordnare": 200},
    f"{IOP}/draft/": {**dict.fromkeys(ROLES, 404), "admin": 200, "samordnare": 200},
    f"{FRITID}/revisions/1/comments/": {
        **dict.fromkeys(ROLES, 200), "anonymous": 404, "utomstaende": 404,
    },
}  # fmt: skip


def test_every_role_reads_what_the_pages_show_it(demo):
    clients = {role: client_for(role) for role in ROLES}
    wrong = []

    for url, expected in READ_MATRIX.items():
        for role in ROLES:
            status = clients[role].get(url).status_code
            if status != expected[role]:
                wrong.append(f"{role} {url}: {status}, expected {expected[role]}")

    assert wrong == [], "\n".join(wrong)


def test_the_list_shows_each_role_only_what_it_may_read(demo):
    def slugs(role):
        response = client_for(role).get("/api/v1/agreements/", {"page_size": 100})
        return {a["slug"] for a in response.json()["results"]}

    assert "iop-laxhjalp-oresundsvik" in slugs("samordnare")
    assert "iop-laxhjalp-oresundsvik" not in slugs("tjansteperson")
    assert slugs("anonymous") == {"lokal-overenskommelse-kullahamn"}
    assert slugs("utomstaende") == slugs("anonymous")


def test_the_list_filters_with_the_pages_filters(demo):
    response = client_for("samordnare").get("/api/v1/agreements/", {"status": "in_force"})

    assert {a["status"] for a in response.json()["results"]} == {"in_force"}


@pytest.mark.parametrize("role", ["anonymous", "tjansteperson", "forening", "utomstaende"])
def test_only_managers_may_take_workflow_steps(demo, role):
    client = client_for(role)

    answers = [
        client.post(f"{IOP}/open-consultation/", {"closes_at": in_days(30)}, format="json"),
        client.post(f"{FRITID}/close-consultation/"),
        client.patch(f"{LO}/", {"title": "Kapad"}, format="json"),
    ]

    expected = 401 if role == "anonymous" else 404
    assert [a.status_code for a in answers] == [expected] * 3
    assert Agreement.objects.get(slug="lokal-overenskommelse-kullahamn").title != "Kapad"


# --- the life of an agreement, through the API alone --------------------------------------


@pytest.fixture
def parties(municipality, association, coordinator, member, outsider):
    return {"coordinator": as_user(coordinator), "member": as_user(member),
            "outsider": as_user(outsider)}  # fmt: skip


def test_a_script_drafts_publishes_collects_comments_and_answers_them(parties, association):
    coordinator, member, outsider = parties["coordinator"], parties["member"], parties["outsider"]

    created = coordinator.post(
        "/api/v1/agreements/", {"municipality": "testhamns-stad", "title": "Fritid"},
        format="json",
    )  # fmt: skip
    base = "/api/v1/agreements/fritid"
    assert created.status_code == 201, created.json()
    Agreement.objects.get(slug="fritid").add_party(association, Party.Role.SIGNATORY, by=None)
    draft = coordinator.get(f"{base}/draft/").json()
    saved = coordinator.put(f"{base}/draft/", {
        "title": "Fritid", "body": "# 1 Syfte\n\nVi samarbetar om fritid.",
        "version": draft["version"],
    }, format="json")  # fmt: skip
    opened = coordinator.post(
        f"{base}/open-consultation/", {"closes_at": in_days(14)}, format="json"
    )
    commented = member.post(f"{base}/revisions/1/comments/", {
        "organisation": association.pk, "body": "Bra!", "section": "syfte",
        "quote": "samarbetar om fritid",
    }, format="json")  # fmt: skip
    comment_id = commented.json().get("id")
    answered = coordinator.post(
        f"{base}/revisions/1/comments/{comment_id}/response/",
        {"disposition": "accepted", "reason": "Tack."}, format="json",
    )  # fmt: skip
    report = member.get(f"{base}/revisions/1/report/").json()

    assert saved.status_code == 200, saved.json()
    assert opened.json()["status"] == "consultation"
    assert commented.status_code == 201, commented.json()
    assert answered.json()["response"]["disposition"] == "accepted"
    assert report["sections"][0]["comments"][0]["disposition"] == "accepted"
    assert outsider.get(f"{base}/").status_code == 404
    assert outsider.get(f"{base}/revisions/1/comments/").status_code == 404


def test_saving_a_draft_read_at_an_old_version_is_409_with_both_versions(parties, coordinator):
    client = parties["coordinator"]
    client.post("/api/v1/agreements/", {"municipality": "testhamns-stad", "title": "LÖ"},
                format="json")  # fmt: skip
    version = client.get("/api/v1/agreements/lo/draft/").json()["version"]
    client.put("/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "Först", "version": version},
               format="json")  # fmt: skip

    late = client.put(
        "/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "Sen", "version": version},
        format="json",
    )  # fmt: skip

    body = late.json()
    assert late.status_code == 409
    assert body["code"] == "edit_conflict"
    assert body["current"]["body"] == "Först"
    assert body["yours"]["body"] == "Sen"
    assert Revision.objects.get(agreement__slug="lo").body == "Först"


def test_an_illegal_step_is_409_and_changes_nothing(parties):
    client = parties["coordinator"]
    client.post("/api/v1/agreements/", {"municipality": "testhamns-stad", "title": "LÖ"},
                format="json")  # fmt: skip

    response = client.post("/api/v1/agreements/lo/open-consultation/",
                           {"closes_at": in_days(3)}, format="json")  # fmt: skip

    assert response.status_code == 409
    assert response.json() == {"code": "empty_draft", "message": "Utkastet har ingen text ännu."}
    assert Agreement.objects.get(slug="lo").status == "draft"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"title"}),
        ({"title": "x" * 300}, {"title"}),
        ({"title": "Ok", "municipality": "nowhere"}, {"municipality"}),
        ({"title": "Ok", "slug": "ä ö"}, {"slug"}),
        ({"title": {"nested": 1}}, {"title"}),
    ],
)
def test_bad_input_is_400_with_field_errors(parties, body, fields):
    response = parties["coordinator"].post("/api/v1/agreements/", body, format="json")

    assert response.status_code == 400
    assert fields <= set(response.json()["errors"])
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("payload", ["[1, 2]", "not json", '"text"', "null"])
def test_a_body_that_is_not_an_object_is_400(parties, payload):
    response = parties["coordinator"].post(
        "/api/v1/agreements/", payload, content_type="application/json"
    )

    assert response.status_code == 400
    assert {"code", "message"} <= set(response.json())


@pytest.mark.parametrize(
    ("role", "expected"),
    [(None, 401), ("staff", 404), ("member", 404), ("outsider", 404), ("coordinator", 201)],
)
def test_only_coordinators_of_a_municipality_create_and_others_get_404_as_on_the_page(
    request, municipality, role, expected
):
    """The create page is 404 for whoever coordinates no municipality; so is the API."""
    client = as_user(request.getfixturevalue(role) if role else None)

    response = client.post(
        "/api/v1/agreements/", {"municipality": "testhamns-stad", "title": "X"}, format="json"
    )

    assert response.status_code == expected
    assert Agreement.objects.exists() == (expected == 201)
    if expected == 404:
        assert response.json()["code"] == "not_found"


def test_a_comment_on_behalf_of_someone_elses_organisation_is_refused(parties, other_association):
    client = parties["coordinator"]
    client.post("/api/v1/agreements/", {"municipality": "testhamns-stad", "title": "LÖ"},
                format="json")  # fmt: skip
    client.put("/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "Text", "version": 1},
               format="json")  # fmt: skip
    client.post("/api/v1/agreements/lo/open-consultation/", {"closes_at": in_days(3)},
                format="json")  # fmt: skip

    response = parties["outsider"].post(
        "/api/v1/agreements/lo/revisions/1/comments/",
        {"organisation": other_association.pk, "body": "Hej"}, format="json",
    )  # fmt: skip

    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_the_agreement_list_queries_do_not_grow(
    parties, django_assert_max_num_queries, coordinator
):
    municipality = coordinator.memberships.get().organisation
    for number in range(10):
        Agreement.create(
            municipality=municipality, title=f"Avtal {number}", slug=f"avtal-{number}",
            by=coordinator,
        )  # fmt: skip
    client = parties["coordinator"]

    with django_assert_max_num_queries(12):
        client.get("/api/v1/agreements/")


def test_a_comment_names_its_organisation_by_slug(parties, association):
    client = parties["coordinator"]
    client.post("/api/v1/agreements/", {"municipality": "testhamns-stad", "title": "LÖ"},
                format="json")  # fmt: skip
    Agreement.objects.get(slug="lo").add_party(association, Party.Role.SIGNATORY, by=None)
    client.put("/api/v1/agreements/lo/draft/", {"title": "LÖ", "body": "Text", "version": 1},
               format="json")  # fmt: skip
    client.post("/api/v1/agreements/lo/open-consultation/", {"closes_at": in_days(3)},
                format="json")  # fmt: skip

    response = parties["member"].post(
        "/api/v1/agreements/lo/revisions/1/comments/",
        {"organisation": association.slug, "body": "Hej"}, format="json",
    )  # fmt: skip

    assert response.status_code == 201, response.json()
    assert Comment.objects.get().organisation == association
