import pytest

from tests.api.conftest import as_user

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_directory(association, department):
    response = as_user(None).get("/api/v1/organisations/")

    names = [o["name"] for o in response.json()["results"]]
    assert response.status_code == 200
    assert names == sorted(names)
    assert "Testhamns IF" in names


def test_the_directory_filters_as_the_page_does(association, department):
    response = as_user(None).get("/api/v1/organisations/", {"kind": "department"})

    assert [o["slug"] for o in response.json()["results"]] == ["kulturforvaltningen"]


def test_an_organisation_is_read_by_its_slug(department):
    response = as_user(None).get("/api/v1/organisations/kulturforvaltningen/")

    assert response.json()["parent"] == "testhamns-stad"
    assert response.json()["url"].endswith("/api/v1/organisations/kulturforvaltningen/")


@pytest.mark.parametrize("role", ["member", "association_coordinator", "coordinator"])
def test_members_and_municipal_coordinators_see_the_member_list(request, role, member):
    user = request.getfixturevalue(role)

    response = as_user(user).get("/api/v1/organisations/testhamns-if/members/")

    assert response.status_code == 200
    assert "forening" in [m["username"] for m in response.json()]


@pytest.mark.parametrize("role", [None, "outsider", "staff"])
def test_others_get_404_for_the_member_list(request, role, member):
    user = request.getfixturevalue(role) if role else None

    response = as_user(user).get("/api/v1/organisations/testhamns-if/members/")

    assert response.status_code == 404


def test_the_directory_queries_do_not_grow(association, django_assert_max_num_queries):
    from tests.factories import make_organisation

    for number in range(20):
        make_organisation(name=f"Förening {number:02d}")
    client = as_user(None)

    with django_assert_max_num_queries(3):
        client.get("/api/v1/organisations/")


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        (None, False),
        ("outsider", False),
        ("staff", False),
        ("member", True),
        ("association_coordinator", True),
        ("coordinator", True),
    ],
)
def test_the_e_mail_is_shown_only_to_those_who_see_the_member_list(
    request, role, sees, association, member
):
    association.email = "ordforande@example.org"
    association.save()
    client = as_user(request.getfixturevalue(role) if role else None)

    one = client.get("/api/v1/organisations/testhamns-if/").json()
    listed = client.get("/api/v1/organisations/", {"q": "Testhamns IF"}).json()["results"]

    expected = "ordforande@example.org" if sees else None
    assert one["email"] == expected
    assert [o["email"] for o in listed if o["slug"] == "testhamns-if"] == [expected]
