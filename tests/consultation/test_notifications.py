"""Exactly the right people get each consultation e-mail, once, unless they opted out."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from agreements.models import Disposition, NotificationPreference, Revision
from notifications.models import Setting
from tests.consultation.factories import make_comment, make_party, publish
from tests.factories import make_organisation, make_user


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def open_consultation(agreement, coordinator, capture):
    with capture(execute=True):
        return publish(agreement, by=coordinator)


def test_party_members_hear_when_a_consultation_opens(
    agreement, coordinator, member, association_coordinator, staff, outsider,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    open_consultation(agreement, coordinator, django_capture_on_commit_callbacks)

    assert recipients() == [
        "forening@example.org", "ordforande@example.org", "samordnare@example.org",
    ]  # fmt: skip
    assert "stänga av" in mail.outbox[0].body
    assert "/agreements/lo/revisions/1/consultation/" in mail.outbox[0].body


def test_the_links_in_e_mails_are_whole_addresses_of_the_site(
    agreement, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://overens.kullahamn.se"
    open_consultation(agreement, coordinator, django_capture_on_commit_callbacks)

    body = mail.outbox[0].body
    assert "https://overens.kullahamn.se/agreements/lo/revisions/1/consultation/" in body
    assert "https://overens.kullahamn.se/notifications/settings/" in body.split("stänga av")[-1]


def test_members_who_switched_it_off_get_nothing(
    agreement, coordinator, member, django_capture_on_commit_callbacks
):
    Setting.objects.create(user=member, kind="consultation.opened", delivery="off")

    open_consultation(agreement, coordinator, django_capture_on_commit_callbacks)

    assert "forening@example.org" not in recipients()


def test_members_of_a_withdrawn_party_get_nothing(
    agreement, coordinator, member, association, django_capture_on_commit_callbacks
):
    agreement.parties.get(organisation=association).withdraw(on=timezone.localdate(), by=None)

    open_consultation(agreement, coordinator, django_capture_on_commit_callbacks)

    assert "forening@example.org" not in recipients()


def test_the_reminder_goes_out_three_days_before_closing_once(
    agreement, revision, coordinator, member, association_coordinator
):
    Revision.objects.filter(pk=revision.pk).update(
        consultation_closes_at=timezone.now() + timedelta(days=2)
    )

    call_command("send_consultation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_consultation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert recipients() == [
        "forening@example.org", "ordforande@example.org", "samordnare@example.org",
    ]  # fmt: skip


def test_no_reminder_while_closing_is_further_away(revision, member):
    call_command("send_consultation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert mail.outbox == []


def test_no_reminder_after_the_consultation_was_closed(agreement, revision, coordinator, member):
    Revision.objects.filter(pk=revision.pk).update(
        consultation_closes_at=timezone.now() + timedelta(days=1)
    )
    agreement.close_consultation(by=coordinator, accept_unanswered=True)

    call_command("send_consultation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert mail.outbox == []


def test_the_commenter_hears_when_their_comment_is_answered(
    client, coordinator, comment, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/agreements/lo/revisions/1/comments/{comment.pk}/respond/",
            {"disposition": Disposition.NOTED, "reason": "Tas med i handlingsplanen."},
        )

    assert recipients() == ["forening@example.org"]
    assert "Noterad" in mail.outbox[0].body


def test_an_author_who_left_the_party_is_not_told(
    client, agreement, coordinator, revision, django_capture_on_commit_callbacks
):
    leaving = make_organisation(name="Avgående förening")
    make_party(agreement, leaving)
    author = make_user("avgaende", leaving)
    comment = make_comment(revision, author, leaving)
    agreement.parties.get(organisation=leaving).withdraw(on=timezone.localdate(), by=None)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/agreements/lo/revisions/1/comments/{comment.pk}/respond/",
            {"disposition": Disposition.NOTED, "reason": "Noterad."},
        )

    assert comment.response_or_none is not None
    assert mail.outbox == []


def test_the_reminder_page_switches_the_closing_reminder_off(client, member):
    client.force_login(member)

    page = client.get("/agreements/notifications/").text
    client.post("/agreements/notifications/", {})

    assert 'href="/notifications/settings/"' in page
    assert not NotificationPreference.objects.get(user=member).consultation_closing
