import pytest

from organisations.models import Membership
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


# --- directory -------------------------------------------------------------------


def test_the_directory_is_public_and_searchable_by_name(client, association, other_association):
    response = client.get("/organisations/?q=modell")

    assert response.status_code == 200
    assert "Rälsens modellklubb" in response.text
    assert "Testhamns IF" not in response.text


def test_the_directory_filters_by_kind(client, association, department):
    response = client.get("/organisations/?kind=department")

    assert "Kulturförvaltningen" in response.text
    assert "Testhamns IF" not in response.text


def test_the_directory_paginates(client):
    for number in range(30):
        make_organisation(name=f"Förening {number:02d}")

    first = client.get("/organisations/")
    second = client.get("/organisations/?page=2")

    assert "Förening 24" in first.text and "Förening 25" not in first.text
    assert "Förening 25" in second.text


def test_the_directory_shrugs_off_a_bad_page_or_kind(client, association):
    response = client.get("/organisations/?page=abc&kind=nonsense")

    assert response.status_code == 200


def test_the_directory_queries_do_not_grow_with_organisations(
    client, django_assert_max_num_queries, department
):
    for number in range(25):
        make_organisation(name=f"Förening {number:02d}")

    with django_assert_max_num_queries(4):
        client.get("/organisations/")


def test_inactive_organisations_are_hidden(client):
    make_organisation(name="Nedlagd förening", is_active=False)

    assert client.get("/organisations/nedlagd-forening/").status_code == 404


# --- organisation page -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees_members", "may_manage"),
    [
        ("association_coordinator", True, True),
        ("member", True, False),
        ("coordinator", True, False),
        ("staff", False, False),
        ("outsider", False, False),
        (None, False, False),
    ],
)
def test_the_member_list_shows_only_to_members_and_municipal_coordinators(
    client, request, association, member, association_coordinator, role, sees_members, may_manage
):
    if role:
        login(client, request.getfixturevalue(role))

    response = client.get("/organisations/testhamns-if/")

    assert response.status_code == 200
    assert ("Medlemmar" in response.text) is sees_members
    assert ("Lägg till en medlem" in response.text) is may_manage


# --- managing members ----------------------------------------------------------------


def test_a_coordinator_adds_a_member_by_e_mail(client, association, association_coordinator):
    newcomer = make_user("nykomling", email="ny@example.org")

    response = login(client, association_coordinator).post(
        "/organisations/testhamns-if/members/",
        {"identifier": "NY@example.org", "role": "member"},
        follow=True,
    )

    assert association.memberships.filter(user=newcomer, role="member").exists()
    assert "nykomling har lagts till" in response.text


def test_adding_an_unknown_user_says_so_and_changes_nothing(
    client, association, association_coordinator
):
    response = login(client, association_coordinator).post(
        "/organisations/testhamns-if/members/",
        {"identifier": "ingen-alls", "role": "member"},
        follow=True,
    )

    assert "Ingen användare har det användarnamnet" in response.text
    assert association.memberships.count() == 1


def test_adding_someone_twice_says_they_are_already_a_member(
    client, association, association_coordinator, member
):
    response = login(client, association_coordinator).post(
        "/organisations/testhamns-if/members/",
        {"identifier": "forening", "role": "coordinator"},
        follow=True,
    )

    assert "forening är redan medlem" in response.text
    assert association.memberships.get(user=member).role == "member"


def test_a_coordinator_changes_a_role(client, association, association_coordinator, member):
    membership = member.memberships.get()

    login(client, association_coordinator).post(
        f"/organisations/testhamns-if/members/{membership.pk}/role/", {"role": "coordinator"}
    )

    membership.refresh_from_db()
    assert membership.role == Membership.Role.COORDINATOR


def test_the_last_coordinator_cannot_demote_themselves(
    client, association, association_coordinator
):
    membership = association_coordinator.memberships.get()

    response = login(client, association_coordinator).post(
        f"/organisations/testhamns-if/members/{membership.pk}/role/",
        {"role": "member"},
        follow=True,
    )

    assert "minst en samordnare" in response.text
    membership.refresh_from_db()
    assert membership.role == Membership.Role.COORDINATOR


def test_removing_a_member_asks_first_then_removes(
    client, association, association_coordinator, member
):
    membership = member.memberships.get()
    url = f"/organisations/testhamns-if/members/{membership.pk}/remove/"
    login(client, association_coordinator)

    confirmation = client.get(url)
    client.post(url)

    assert "Ta bort medlem" in confirmation.text
    assert not association.memberships.filter(user=member).exists()


@pytest.mark.parametrize("role", ["member", "coordinator", "outsider", "staff"])
def test_only_the_organisations_coordinators_manage_members(
    client, request, association, association_coordinator, member, role
):
    membership = member.memberships.get()
    login(client, request.getfixturevalue(role))

    responses = [
        client.post("/organisations/testhamns-if/members/", {"identifier": "x", "role": "member"}),
        client.post(
            f"/organisations/testhamns-if/members/{membership.pk}/role/", {"role": "coordinator"}
        ),
        client.get(f"/organisations/testhamns-if/members/{membership.pk}/remove/"),
        client.post(f"/organisations/testhamns-if/members/{membership.pk}/remove/"),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404, 404]
    assert association.memberships.get(user=member).role == "member"


def test_anonymous_visitors_are_sent_to_log_in_before_managing(client, association, member):
    membership = member.memberships.get()

    response = client.post(f"/organisations/testhamns-if/members/{membership.pk}/remove/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_membership_of_another_organisation_is_not_found(
    client, association, association_coordinator, outsider
):
    foreign = outsider.memberships.get()

    response = login(client, association_coordinator).post(
        f"/organisations/testhamns-if/members/{foreign.pk}/remove/"
    )

    assert response.status_code == 404


# --- my organisations ------------------------------------------------------------------


def test_my_organisations_lists_each_membership(client, association, other_association):
    user = make_user("anna", association)
    other_association.add_member(user, Membership.Role.COORDINATOR)

    response = login(client, user).get("/organisations/mine/")

    assert "Testhamns IF" in response.text and "Rälsens modellklubb" in response.text


def test_my_organisations_needs_a_login(client):
    response = client.get("/organisations/mine/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/organisations/mine/"
