"""Applying to join: the public form, the coordinators' queue and every decision."""

import pytest
from django.core import mail
from django.dispatch import receiver

import events
from agreements import permissions as agreement_rules
from attachments.models import Attachment
from organisations.models import Application, Invitation, Membership, Organisation
from tests.factories import make_organisation, make_user, valid_orgnr
from tests.organisations.conftest import application_form, make_application

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


# --- applying ----------------------------------------------------------------------


def test_anyone_can_apply_on_the_public_page(
    client, open_agreement, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/organisations/apply/", application_form())

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/organisations/apply/{application.key}/"
    assert application.status == Application.Status.RECEIVED
    assert application.areas == ["sport", "environment"]
    assert application.accepted_principles_at is not None
    decision = Attachment.objects.for_object(application).get()
    assert decision.original_name == "Protokollsutdrag styrelsen.pdf"


def test_the_application_page_lists_the_principles_to_accept(client, open_agreement):
    response = client.get("/organisations/apply/")

    assert response.status_code == 200
    assert "Dialog" in response.text
    assert 'name="accept_principles"' in response.text


def test_the_applicant_and_the_coordinators_get_an_e_mail(
    client, open_agreement, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/organisations/apply/", application_form())

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["samordnare@example.org", "stina@batklubben.example"]
    receipt = next(m for m in mail.outbox if m.to == ["stina@batklubben.example"])
    assert Application.objects.get().key in receipt.body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation_number", "802000-0001", "Kontrollsiffran"),
        ("organisation_number", "80200-0001", "tio siffror"),
        ("accept_principles", "", "principerna"),
        ("areas", [], "obligatoriskt"),
        ("agreement", "no-such-agreement", "giltigt"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    client, open_agreement, field, value, message
):
    form = application_form(**{field: value})
    if not value:
        form.pop(field)

    response = client.post("/organisations/apply/", form)

    assert response.status_code == 200
    assert message in response.text
    assert not Application.objects.exists()
    assert not Attachment.objects.exists()


def test_an_application_without_the_board_decision_is_refused(client, open_agreement):
    form = application_form()
    form.pop("board_decision")

    response = client.post("/organisations/apply/", form)

    assert response.status_code == 200
    assert not Application.objects.exists()


def test_a_board_decision_that_is_not_an_allowed_file_is_refused(client, open_agreement):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("beslut.html", b"<html><script>alert(1)</script></html>")

    response = client.post("/organisations/apply/", application_form(board_decision=upload))

    assert response.status_code == 200
    assert not Application.objects.exists()


def test_a_second_application_from_the_same_organisation_is_refused(client, open_agreement):
    number = valid_orgnr()
    client.post("/organisations/apply/", application_form(organisation_number=number))

    response = client.post(
        "/organisations/apply/", application_form(organisation_number=number.replace("-", ""))
    )

    assert "redan" in response.text
    assert Application.objects.count() == 1


def test_an_organisation_that_is_already_a_party_cannot_apply(client, open_agreement):
    number = valid_orgnr()
    party = make_organisation(name="Redan Med", organisation_number=number)
    open_agreement.add_party(party, "signatory", by=None)

    response = client.post("/organisations/apply/", application_form(organisation_number=number))

    assert "redan part" in response.text
    assert not Application.objects.exists()


def test_a_refused_organisation_may_apply_again(open_agreement, coordinator):
    first = make_application(open_agreement)
    first.refuse(reason="Styrelsebeslutet saknar datum.", by=coordinator)

    second = make_application(open_agreement, organisation_number=first.organisation_number)

    assert second.status == Application.Status.RECEIVED


def test_no_agreement_open_means_no_form(client, municipality):
    response = client.get("/organisations/apply/")

    assert response.status_code == 200
    assert "accept_principles" not in response.text


# --- the queue ---------------------------------------------------------------------


def test_the_queue_shows_open_applications_and_flags_duplicates(
    client, open_agreement, coordinator
):
    known = make_organisation(name="Känd förening", organisation_number=valid_orgnr())
    fresh = make_application(open_agreement, name="Ny förening")
    make_application(
        open_agreement, name="Känd igen", organisation_number=known.organisation_number
    )

    response = login(client, coordinator).get("/organisations/applications/")

    assert response.status_code == 200
    assert "Ny förening" in response.text and "Känd igen" in response.text
    assert "Känd organisation" in response.text
    assert fresh.get_absolute_url() in response.text


def test_the_detail_page_names_applications_with_the_same_number(
    client, open_agreement, coordinator
):
    first = make_application(open_agreement, name="Första försöket")
    first.refuse(reason="Saknar beslut.", by=coordinator)
    second = make_application(
        open_agreement, name="Andra försöket", organisation_number=first.organisation_number
    )

    response = login(client, coordinator).get(f"/organisations/applications/{second.pk}/")

    assert "Första försöket" in response.text


def test_the_queue_page_queries_do_not_grow_with_applications(
    client, open_agreement, coordinator, django_assert_max_num_queries
):
    for number in range(3):
        make_application(open_agreement, name=f"Förening {number}")
    login(client, coordinator)
    client.get("/organisations/applications/")  # warm the session and content types
    for number in range(20):
        make_application(open_agreement, name=f"Fler {number}")

    with django_assert_max_num_queries(9):
        client.get("/organisations/applications/")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coordinator", 200),
        ("staff", 404),
        ("member", 404),
        ("association_coordinator", 404),
        ("outsider", 404),
    ],
)
def test_only_the_municipality_s_coordinators_see_the_queue_and_applications(
    client, request, open_agreement, role, status
):
    application = make_application(open_agreement)
    user = request.getfixturevalue(role)
    login(client, user)

    assert client.get("/organisations/applications/").status_code == status
    assert client.get(f"/organisations/applications/{application.pk}/").status_code == status
    decided = client.post(
        f"/organisations/applications/{application.pk}/decide/", {"decision": "approve"}
    )
    assert decided.status_code == (302 if status == 200 else 404)


def test_anonymous_visitors_are_sent_to_sign_in_for_the_queue(client, open_agreement):
    application = make_application(open_agreement)

    assert client.get("/organisations/applications/").status_code == 302
    assert client.get(f"/organisations/applications/{application.pk}/").status_code == 302


def test_a_coordinator_of_another_municipality_does_not_see_the_application(client, open_agreement):
    elsewhere = make_organisation(name="Annanstad", kind=Organisation.Kind.MUNICIPALITY)
    stranger = make_user("annan-samordnare", elsewhere, Membership.Role.COORDINATOR)
    application = make_application(open_agreement)

    response = login(client, stranger).get(f"/organisations/applications/{application.pk}/")

    assert response.status_code == 404


def test_the_board_decision_downloads_only_for_the_reviewers(
    client, open_agreement, coordinator, member
):
    client.post("/organisations/apply/", application_form())
    decision = Attachment.objects.get()

    assert client.get(f"/attachments/{decision.pk}/").status_code in (302, 404)
    assert login(client, member).get(f"/attachments/{decision.pk}/").status_code == 404
    assert login(client, coordinator).get(f"/attachments/{decision.pk}/").status_code == 200


# --- decisions ---------------------------------------------------------------------


def test_approval_creates_the_organisation_makes_it_a_party_and_invites_the_contact(
    client, open_agreement, coordinator, django_capture_on_commit_callbacks
):
    application = make_application(open_agreement, name="Södra Kören")

    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, coordinator).post(
            f"/organisations/applications/{application.pk}/decide/", {"decision": "approve"}
        )

    application.refresh_from_db()
    organisation = application.organisation
    assert response.status_code == 302
    assert application.status == Application.Status.APPROVED
    assert organisation.name == "Södra Kören"
    assert organisation.organisation_number == application.organisation_number
    assert open_agreement.parties.active().filter(organisation=organisation).exists()
    assert open_agreement.events.filter(kind="party_joined", party__organisation=organisation)
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("per@koren.example", "coordinator")
    invitation_mail = next(m for m in mail.outbox if m.to == ["per@koren.example"])
    assert invitation.key in invitation_mail.body


def test_approval_links_an_organisation_known_by_its_number(open_agreement, coordinator):
    known = make_organisation(name="Kända Kören", organisation_number=valid_orgnr())
    make_user("kor-ordforande", known, Membership.Role.COORDINATOR)
    application = make_application(open_agreement, organisation_number=known.organisation_number)

    application.approve(by=coordinator)

    assert application.organisation == known
    assert Organisation.objects.filter(organisation_number=known.organisation_number).count() == 1
    assert Invitation.objects.get().role == Membership.Role.MEMBER


def test_the_invited_contact_sees_what_parties_see_once_they_accept(
    client, open_agreement, coordinator
):
    application = make_application(open_agreement)
    application.approve(by=coordinator)
    invitation = Invitation.objects.get()

    response = client.post(
        invitation.get_absolute_url(),
        {
            "first_name": "Per",
            "last_name": "Lund",
            "password1": "ett-eget-lösenord-42",
            "password2": "ett-eget-lösenord-42",
            "accept_terms": "on",
        },
    )

    person = Membership.objects.get(organisation=application.organisation).user
    assert response.status_code == 302
    assert person.check_password("ett-eget-lösenord-42")
    assert agreement_rules.can_view(person, open_agreement)
    assert agreement_rules.has_perm(person, agreement_rules.VIEW, open_agreement)


def test_asking_for_a_completion_sends_the_message_and_lets_the_applicant_complete(
    client, open_agreement, coordinator, django_capture_on_commit_callbacks
):
    application = make_application(open_agreement, district="")

    with django_capture_on_commit_callbacks(execute=True):
        login(client, coordinator).post(
            f"/organisations/applications/{application.pk}/decide/",
            {"decision": "complete", "message": "Ange vilken stadsdel ni verkar i."},
        )
    client.logout()
    page = client.get(f"/organisations/apply/{application.key}/")
    completed = client.post(
        f"/organisations/apply/{application.key}/",
        {
            "name": "Södra Kören",
            "contact_name": "Per Lund",
            "contact_email": "per@koren.example",
            "areas": ["culture"],
            "district": "Söder",
        },
    )

    application.refresh_from_db()
    assert "Ange vilken stadsdel ni verkar i." in mail.outbox[-1].body
    assert "Ange vilken stadsdel ni verkar i." in page.text
    assert completed.status_code == 302
    assert (application.status, application.district) == ("received", "Söder")


def test_refusing_needs_a_reason_and_sends_it(
    client, open_agreement, coordinator, django_capture_on_commit_callbacks
):
    application = make_application(open_agreement)
    login(client, coordinator)

    no_reason = client.post(
        f"/organisations/applications/{application.pk}/decide/", {"decision": "refuse"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/organisations/applications/{application.pk}/decide/",
            {"decision": "refuse", "message": "Föreningen är inte ideell."},
        )

    application.refresh_from_db()
    assert no_reason.status_code == 400
    assert application.status == Application.Status.REFUSED
    assert application.message == "Föreningen är inte ideell."
    assert mail.outbox[-1].to == ["per@koren.example"]
    assert "Föreningen är inte ideell." in mail.outbox[-1].body
    assert not Organisation.objects.filter(organisation_number=application.organisation_number)


def test_a_decided_application_cannot_be_decided_again(client, open_agreement, coordinator):
    application = make_application(open_agreement)
    application.refuse(reason="Nej.", by=coordinator)

    response = login(client, coordinator).post(
        f"/organisations/applications/{application.pk}/decide/",
        {"decision": "approve"},
        follow=True,
    )

    application.refresh_from_db()
    assert "redan" in response.text
    assert application.status == Application.Status.REFUSED
    assert not Invitation.objects.exists()


def test_the_applicant_cannot_complete_an_application_nobody_asked_to_complete(
    client, open_agreement
):
    application = make_application(open_agreement)

    response = client.post(f"/organisations/apply/{application.key}/", {"district": "X"})

    application.refresh_from_db()
    assert response.status_code == 200
    assert application.district == "Söder"


def test_an_unknown_applicant_link_is_404(client):
    assert client.get("/organisations/apply/not-a-key/").status_code == 404


def test_events_tell_of_receiving_and_deciding(
    open_agreement, coordinator, django_capture_on_commit_callbacks
):
    heard = []

    @receiver(events.happened, weak=False)
    def listen(sender, kind, record, **kwargs):
        heard.append((kind, kwargs["details"]))

    try:
        with django_capture_on_commit_callbacks(execute=True):
            application = make_application(open_agreement)
        with django_capture_on_commit_callbacks(execute=True):
            application.refuse(reason="Nej.", by=coordinator)
    finally:
        events.happened.disconnect(listen)

    assert ("application.received", {}) in heard
    assert ("application.decided", {"decision": "refused"}) in heard
    assert events.can_view(coordinator, application)


def test_an_organisation_that_withdrew_is_not_silently_approved_back(
    client, open_agreement, coordinator
):
    from datetime import date

    left = make_organisation(name="Lämnade", organisation_number=valid_orgnr())
    party = open_agreement.add_party(left, "signatory", by=None)
    party.withdraw(on=date(2026, 1, 1), by=None, reason="Paus.")
    application = make_application(open_agreement, organisation_number=left.organisation_number)

    response = login(client, coordinator).post(
        f"/organisations/applications/{application.pk}/decide/",
        {"decision": "approve"},
        follow=True,
    )

    application.refresh_from_db()
    assert "utträtt" in response.text
    assert application.status == Application.Status.RECEIVED
    assert not Invitation.objects.exists()
