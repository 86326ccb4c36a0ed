"""An association signs and withdraws on its own page; the timeline and access follow at once."""

import pytest

from agreements import permissions as agreement_rules
from agreements.models import Event
from tests.agreements.factories import make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def party(open_agreement, association):
    return open_agreement.add_party(association, "signatory", by=None)


SIGNATURE = {"name": "Eva Holm", "title": "Ordförande", "on": "2026-12-01"}


def test_the_authorised_signatory_signs_on_the_association_s_page(
    client, party, association_coordinator, open_agreement
):
    client.force_login(association_coordinator)

    page = client.get("/organisations/testhamns-if/")
    response = client.post(f"/organisations/testhamns-if/agreements/{party.pk}/sign/", SIGNATURE)

    party.refresh_from_db()
    assert f"/organisations/testhamns-if/agreements/{party.pk}/sign/" in page.text
    assert response.status_code == 302
    assert (party.signed_by_name, party.signed_by_title, str(party.signed_on)) == (
        "Eva Holm",
        "Ordförande",
        "2026-12-01",
    )
    event = open_agreement.events.get(kind=Event.Kind.SIGNED)
    assert (event.party, event.actor) == (party, association_coordinator)
    timeline = client.get(f"/agreements/{open_agreement.slug}/")
    assert "Eva Holm, Ordförande" in timeline.text


@pytest.mark.parametrize("role", ["member", "coordinator", "staff", "outsider"])
def test_nobody_else_signs_or_withdraws_for_the_association(client, request, party, role):
    client.force_login(request.getfixturevalue(role))

    signed = client.post(f"/organisations/testhamns-if/agreements/{party.pk}/sign/", SIGNATURE)
    withdrawn = client.post(
        f"/organisations/testhamns-if/agreements/{party.pk}/withdraw/", {"reason": "x"}
    )

    party.refresh_from_db()
    assert signed.status_code == withdrawn.status_code == 404
    assert party.signed_on is None and party.withdrawn_on is None


def test_signing_twice_or_before_adoption_is_refused_with_a_message(
    client, association, association_coordinator, party
):
    draft = make_agreement()
    early = draft.add_party(association, "signatory", by=None)
    client.force_login(association_coordinator)
    client.post(f"/organisations/testhamns-if/agreements/{party.pk}/sign/", SIGNATURE)

    twice = client.post(
        f"/organisations/testhamns-if/agreements/{party.pk}/sign/",
        {**SIGNATURE, "name": "Någon Annan"},
        follow=True,
    )
    too_early = client.post(
        f"/organisations/testhamns-if/agreements/{early.pk}/sign/", SIGNATURE, follow=True
    )

    party.refresh_from_db()
    early.refresh_from_db()
    assert "redan skrivit under" in twice.text
    assert party.signed_by_name == "Eva Holm"
    assert early.signed_on is None
    assert "antagits" in too_early.text


def test_a_signature_without_a_date_changes_nothing(client, party, association_coordinator):
    client.force_login(association_coordinator)

    client.post(
        f"/organisations/testhamns-if/agreements/{party.pk}/sign/", {**SIGNATURE, "on": "igår"}
    )

    party.refresh_from_db()
    assert party.signed_on is None


def test_withdrawing_with_a_reason_takes_access_away_at_once(
    client, municipality, coordinator, association, association_coordinator, member
):
    from tests.agreements.factories import publish

    agreement = make_agreement(municipality=municipality, by=coordinator)
    publish(agreement, by=coordinator)
    party = agreement.add_party(association, "signatory", by=None)
    assert agreement_rules.has_perm(member, agreement_rules.VIEW, agreement)
    client.force_login(association_coordinator)

    confirm = client.get(f"/organisations/testhamns-if/agreements/{party.pk}/withdraw/")
    response = client.post(
        f"/organisations/testhamns-if/agreements/{party.pk}/withdraw/",
        {"reason": "Föreningen läggs ned.", "on": "2026-12-02"},
    )

    party.refresh_from_db()
    assert confirm.status_code == 200
    assert response.status_code == 302
    assert str(party.withdrawn_on) == "2026-12-02"
    event = agreement.events.get(kind=Event.Kind.WITHDREW)
    assert event.details == {"reason": "Föreningen läggs ned."}
    fresh_member = type(member).objects.get(pk=member.pk)
    assert not agreement_rules.has_perm(fresh_member, agreement_rules.VIEW, agreement)
    client.force_login(member)
    assert client.get(f"/agreements/{agreement.slug}/").status_code == 404
    client.force_login(coordinator)
    assert "Föreningen läggs ned." in client.get(f"/agreements/{agreement.slug}/").text


def test_withdrawing_needs_a_reason(client, party, association_coordinator):
    client.force_login(association_coordinator)

    response = client.post(
        f"/organisations/testhamns-if/agreements/{party.pk}/withdraw/", {"on": "2026-12-02"}
    )

    party.refresh_from_db()
    assert response.status_code == 400
    assert party.withdrawn_on is None


def test_another_organisation_s_party_is_404(client, party, other_association):
    from organisations.models import Membership
    from tests.factories import make_user

    boss = make_user("annan-ordf", other_association, Membership.Role.COORDINATOR)
    client.force_login(boss)

    response = client.post(
        f"/organisations/ralsens-modellklubb/agreements/{party.pk}/sign/", SIGNATURE
    )

    assert response.status_code == 404
