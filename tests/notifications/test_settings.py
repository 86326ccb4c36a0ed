"""Notification settings: per kind an e-mail at once, a daily or weekly digest, or none; the
digests tell only what the person may still see, once per period."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from notifications import email
from notifications.models import Digest, Notification, Setting
from tests.agreements.factories import make_agreement, make_party, publish
from tests.startpage.conftest import comment

ROLES = ["member", "association_coordinator", "staff", "coordinator", "outsider"]
TOMORROW_MORNING = timezone.now() + datetime.timedelta(days=1)


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def agreement(municipality, department, coordinator, association, member, outsider):
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    return agreement


@pytest.fixture
def opened(agreement, coordinator, told):
    with told():
        return publish(agreement, by=coordinator)


def choose(user, **choices):
    for kind, delivery in choices.items():
        Setting.objects.create(user=user, kind=kind.replace("_", ".", 1), delivery=delivery)


def test_the_page_is_linked_from_the_menu_and_needs_a_login(client, member):
    assert client.get("/notifications/settings/").status_code == 302

    client.force_login(member)

    assert 'href="/notifications/settings/"' in client.get("/").text


@pytest.mark.parametrize("role", ROLES)
def test_each_person_sees_and_saves_their_own_settings(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)

    page = client.get("/notifications/settings/").text
    response = client.post("/notifications/settings/", {"consultation.opened": "weekly"})

    assert "En remiss öppnades" in page
    assert response.status_code == 302
    assert Setting.objects.get(kind="consultation.opened").user == user


def test_the_defaults_are_shown_until_a_choice_is_saved(client, member):
    client.force_login(member)

    client.post("/notifications/settings/", {"comment.received": "off"})
    page = client.get("/notifications/settings/").text

    assert Setting.objects.get(user=member, kind="comment.received").delivery == "off"
    assert Setting.objects.get(user=member, kind="consultation.opened").delivery == "at_once"
    assert 'value="off" selected' in page


def test_an_unknown_value_is_refused_and_nothing_changes(client, member):
    choose(member, consultation_opened="daily")
    client.force_login(member)

    response = client.post(
        "/notifications/settings/", {"consultation.opened": "hourly", "comment.received": "off"}
    )

    assert response.status_code == 200
    assert "Inget sparades" in response.text
    assert list(Setting.objects.values_list("kind", "delivery")) == [
        ("consultation.opened", "daily")
    ]


def test_switching_the_e_mail_off_keeps_the_notification_in_the_app(
    agreement, coordinator, member, told, mailoutbox
):
    choose(member, consultation_opened="off")

    with told():
        publish(agreement, by=coordinator)

    assert Notification.objects.filter(user=member, kind="consultation.opened").exists()
    assert not [m for m in mailoutbox if member.email in m.to]


def test_at_once_sends_one_e_mail_for_a_kind_without_an_e_mail_of_its_own(
    opened, agreement, coordinator, member, told, mailoutbox
):
    choose(member, consultation_closed="at_once")
    mailoutbox.clear()

    with told():
        agreement.close_consultation(by=coordinator)

    [message] = [m for m in mailoutbox if member.email in m.to]
    notification = Notification.objects.get(user=member, kind="consultation.closed")
    assert "En remiss stängdes" in message.subject
    assert f"/notifications/{notification.pk}/" in message.body


def test_a_daily_digest_gathers_the_day_in_one_e_mail_once(
    opened, association, member, coordinator, told, mailoutbox
):
    choose(coordinator, comment_received="daily")
    with told():
        comment(opened, member, association)
        comment(opened, member, association, body="Och fler bänkar.")
    mailoutbox.clear()

    sent = email.send_daily(now=TOMORROW_MORNING)
    again = email.send_daily(now=TOMORROW_MORNING)

    [digest] = mailoutbox
    assert (sent, again) == (1, 0)
    assert digest.to == [coordinator.email]
    assert "igår: 2 aviseringar" in digest.subject
    assert digest.body.count("/notifications/") == 3  # two notifications and the settings
    assert Digest.objects.get().user == coordinator


def test_a_digest_leaves_out_what_the_person_may_no_longer_see(
    opened, agreement, member, told, mailoutbox
):
    choose(member, consultation_opened="weekly")
    agreement.parties.get(organisation__memberships__user=member).withdraw(
        on=timezone.localdate(), by=None
    )
    mailoutbox.clear()

    sent = email.send_weekly(now=TOMORROW_MORNING)

    assert sent == 0 and not mailoutbox


def test_the_digests_are_scheduled():
    jobs = {job for job, _cron in settings.JOBS_SCHEDULE.values()}

    assert {"notifications.email.send_daily", "notifications.email.send_weekly"} <= jobs
