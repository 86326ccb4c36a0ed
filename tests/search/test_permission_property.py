"""Property: whatever the organisations, memberships and visibility, no one finds more or less
than they may open."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from organisations import permissions
from organisations.models import Membership, Organisation
from search import backends, service
from tests.factories import make_organisation, make_user
from tests.search.conftest import drop_indexes, fresh_index
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db

KINDS = [Organisation.Kind.ASSOCIATION, Organisation.Kind.MUNICIPALITY, Organisation.Kind.UMBRELLA]

worlds = st.fixed_dictionaries(
    {
        "kinds": st.lists(st.sampled_from(KINDS), min_size=1, max_size=5),
        "public": st.lists(st.booleans(), min_size=5, max_size=5),
        "memberships": st.lists(
            st.lists(st.tuples(st.integers(0, 4), st.sampled_from(Membership.Role.values))),
            min_size=1,
            max_size=4,
        ),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(world=worlds)
def test_no_user_gets_a_hit_count_facet_or_suggestion_from_a_record_they_cannot_open(
    world, private_organisations, settings, monkeypatch
):
    fresh_index(settings, monkeypatch)
    monkeypatch.setattr(private_organisations, "is_public", lambda org: org.description == "open")
    with transaction.atomic():
        users, organisations = build(world)
        index_everything()
        for user in users:
            check(user, organisations, private_organisations)
        transaction.set_rollback(True)
    drop_indexes()


def build(world):
    organisations = [
        make_organisation(
            name=f"Paddelklubb {number}",
            kind=kind,
            description="open" if world["public"][number] else "closed",
        )
        for number, kind in enumerate(world["kinds"])
    ]
    permissions.sync_all_organisation_permissions()  # a new municipality's coordinators
    users = []
    for memberships in world["memberships"]:
        user = make_user()
        for index, role in dict(memberships).items():
            if index < len(organisations):
                Membership.objects.create(user=user, organisation=organisations[index], role=role)
        users.append(user)
    return users, organisations


def check(user, organisations, adapter):
    allowed = {org.name for org in organisations if adapter.can_view(user, org)}
    results = service.search(user, "paddelklubb", per_page=100)
    engine = backends.backend().search("paddelklubb", service.viewer_for(user), per_page=100)
    faceted = {int(pk) for pk, _count in engine.facets.get("organisations", [])}
    misspelt = service.search(user, "padelklubb")

    assert {found.hit.title for found in results.hits} == allowed
    assert {hit.title for hit in engine.hits} == allowed  # the engine alone already filters
    assert engine.total == len(allowed)
    assert faceted == {org.pk for org in organisations if org.name in allowed}
    assert misspelt.suggestions == [] or allowed


# --- forums, meetings, minutes and posts ------------------------------------------

VISIBILITIES = ["members", "staff", "public"]
MINUTES_STATES = ["draft", "checking", "approved"]

forum_worlds = st.fixed_dictionaries(
    {
        "forums": st.lists(
            st.tuples(
                st.sampled_from(VISIBILITIES),
                st.lists(st.booleans(), min_size=3, max_size=3),  # which associations are members
                st.sampled_from(MINUTES_STATES),
                st.lists(st.booleans(), min_size=3, max_size=3),  # which members are present
            ),
            min_size=1,
            max_size=3,
        ),
        "memberships": st.lists(
            st.lists(st.tuples(st.integers(0, 4), st.sampled_from(Membership.Role.values))),
            min_size=1,
            max_size=4,
        ),
    }
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(world=forum_worlds)
# A reader (department staff) present through a club outside the forum, and a member of that
# club only, who may not read the minutes being checked.
@example(
    world={
        "forums": [("members", [True, False, False], "checking", [True, True, False])],
        "memberships": [[(1, "member"), (3, "member")], [(3, "member")]],
    }
)
def test_no_user_finds_a_forum_record_they_cannot_open(world, settings, monkeypatch):
    fresh_index(settings, monkeypatch)
    with transaction.atomic():
        users = build_forums(world)
        index_everything()
        for user in users:
            check_forum_records(user)
        transaction.set_rollback(True)
    drop_indexes()


def build_forums(world):
    from dialogues.models import Forum, ForumMember
    from tests.dialogues.factories import make_approver, make_attendance, make_meeting

    city = make_organisation(name="Paddelstaden", kind=Organisation.Kind.MUNICIPALITY)
    department = make_organisation(
        name="Paddelförvaltningen", kind=Organisation.Kind.DEPARTMENT, parent=city
    )
    clubs = [make_organisation(name=f"Kanotförening {n}") for n in range(3)]
    everyone = [city, department, *clubs]
    for number, (visibility, membership, state, presence) in enumerate(world["forums"]):
        forum = Forum.objects.create(
            name=f"Paddelforum {number}",
            slug=f"paddelforum-{number}",
            kind="working_group",
            organiser=city,
            visibility=visibility,
        )
        members = [club for club, member in zip(clubs, membership, strict=True) if member]
        for club in members:
            ForumMember.objects.create(forum=forum, organisation=club)
        meeting = make_meeting(forum, title=f"Paddelmöte {number}")
        meeting.agenda_items.create(title="Paddelklubbens lokaler")
        checker = make_approver(meeting, city)
        for club, present in zip(clubs, presence, strict=True):
            # Organisations outside the forum may be present too (co-opted, guests).
            if club in members or present:
                make_attendance(meeting, club, presence="present" if present else "apologies")
        meeting.write_minutes("### §1 Paddelklubbens lokaler\n\nPaddelklubben saknar förråd.")
        if state != "draft":
            meeting.send_minutes_for_approval()
        if state == "approved":
            meeting.approve_minutes(by=checker.user)
        forum.topics.create(title="Paddelklubbens tider").add_post(
            "Paddelklubb", clubs[0], make_user()
        )
    users = []
    for memberships in world["memberships"]:
        user = make_user()
        for index, role in dict(memberships).items():
            Membership.objects.create(user=user, organisation=everyone[index], role=role)
        users.append(user)
    return users


# --- the follow-up: commitments and follow-up reports ---------------------------------

followup_worlds = st.fixed_dictionaries(
    {
        # (agreement public, plan adopted, follow-up: none, open or published)
        "agreements": st.lists(
            st.tuples(st.booleans(), st.booleans(), st.sampled_from(["none", "open", "published"])),
            min_size=1,
            max_size=2,
        ),
        "memberships": st.lists(
            st.lists(st.tuples(st.integers(0, 4), st.sampled_from(Membership.Role.values))),
            min_size=1,
            max_size=4,
        ),
    }
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(world=followup_worlds)
def test_no_user_finds_a_commitment_or_follow_up_they_cannot_open(world, settings, monkeypatch):
    fresh_index(settings, monkeypatch)
    with transaction.atomic():
        users = build_followup(world)
        index_everything()
        for user in users:
            check_forum_records(user)
        transaction.set_rollback(True)
    drop_indexes()


def build_followup(world):
    from agreements.models import Agreement
    from tests.agreements.factories import adopt, consult, make_agreement, make_party
    from tests.followup.factories import make_commitment, make_plan, open_round

    city = make_organisation(name="Paddelstaden", kind=Organisation.Kind.MUNICIPALITY)
    department = make_organisation(
        name="Paddelförvaltningen", kind=Organisation.Kind.DEPARTMENT, parent=city
    )
    clubs = [make_organisation(name=f"Kanotförening {n}") for n in range(3)]
    everyone = [city, department, *clubs]
    coordinator = make_user(organisation=city, role=Membership.Role.COORDINATOR)
    for number, (public, adopted, follow_up) in enumerate(world["agreements"]):
        agreement = make_agreement(city, by=coordinator)
        make_party(agreement, clubs[number])
        adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
        agreement.change_status(Agreement.Status.IN_FORCE, by=coordinator)
        agreement.is_public = public
        agreement.save(update_fields=["is_public"])
        plan = make_plan(agreement, adopted=adopted)
        commitment = make_commitment(plan, [clubs[number], department], title="Paddelklubb")
        if adopted and follow_up != "none":
            round = open_round(plan, year=2026)
            round.report_on(
                commitment, organisation=department, status="in_progress", progress=10,
                text="Paddelklubb", by=coordinator,
            )  # fmt: skip
            if follow_up == "published":
                round.publish(summary="Paddelklubb", by=coordinator)
    users = []
    for memberships in world["memberships"]:
        user = make_user()
        for index, role in dict(memberships).items():
            Membership.objects.create(user=user, organisation=everyone[index], role=role)
        users.append(user)
    return users


def check_forum_records(user):
    from django.contrib.auth.models import Group

    from search import registry
    from search.engine.backend import Viewer

    def ids(hits):
        return {(registry.parse_id(hit.id)[0].type, registry.parse_id(hit.id)[1]) for hit in hits}

    everything = Viewer.of(Group.objects.values_list("pk", flat=True))
    matching = ids(backends.backend().search("paddelklubb", everything, per_page=100).hits)
    adapters = registry.adapters()
    allowed = {
        (type_, pk)
        for type_, pk in matching
        if adapters[type_].can_view(user, adapters[type_].get_queryset().get(pk=pk))
    }
    engine = backends.backend().search("paddelklubb", service.viewer_for(user), per_page=100)
    results = service.search(user, "paddelklubb", per_page=100)

    assert ids(engine.hits) == allowed  # the engine alone already filters
    assert {(f.adapter.type, str(f.record.pk)) for f in results.hits} == allowed
    assert engine.total == len(allowed)
    assert sum(count for _value, count in engine.facets.get("type", [])) == len(allowed)
    assert service.autocomplete(user, "paddelk") == [] or allowed
