"""The notification centre: the people concerned are told in the app, only about what they may
see, and a record they can no longer see is "no longer available"."""

import pytest
from django.utils import timezone

from notifications import delivery
from notifications.models import Notification
from tests.agreements.factories import make_agreement, make_party, publish
from tests.startpage.conftest import comment


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """Run the block's events (after its commit) and their jobs, as a worker would."""
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


def test_party_members_are_told_when_a_consultation_opens(opened, member, outsider, coordinator):
    assert Notification.objects.filter(user=member, kind="consultation.opened").count() == 1
    assert not Notification.objects.filter(user=outsider).exists()
    assert not Notification.objects.filter(user=coordinator, kind="consultation.opened").exists()


def test_coordinators_are_told_of_comments_and_authors_of_answers(
    opened, member, association, coordinator, told
):
    with told():
        posted = comment(opened, member, association)
    with told():
        posted.answer(disposition="noted", reason="Tack.", by=coordinator)

    assert Notification.objects.filter(user=coordinator, kind="comment.received").count() == 1
    assert Notification.objects.filter(user=member, kind="comment.answered").count() == 1


def test_a_job_that_runs_twice_tells_nobody_twice(opened, member):
    args = ("consultation.opened", "agreements.revision", opened.pk, None, "same-occurrence")

    first = delivery.notify(*args)
    second = delivery.notify(*args)

    assert first >= 1 and second == 0


def test_the_header_counts_unread_and_the_list_links_to_the_record(client, opened, member):
    client.force_login(member)

    page = client.get("/notifications/").text
    notification = Notification.objects.get(user=member)

    assert 'class="unread-count">1<' in page
    assert "Testhamns LÖ" in page
    assert f"/notifications/{notification.pk}/" in page


def test_opening_marks_read_and_goes_to_the_record(client, opened, member):
    notification = Notification.objects.get(user=member)
    client.force_login(member)

    response = client.get(f"/notifications/{notification.pk}/")

    assert response.status_code == 302
    assert response["Location"] == opened.get_absolute_url()
    notification.refresh_from_db()
    assert notification.is_read


def test_marking_all_as_read_empties_the_count(client, opened, member):
    client.force_login(member)

    client.post("/notifications/read/")

    assert not Notification.objects.for_user(member).unread().exists()
    assert "unread-count" not in client.get("/notifications/").text


def test_a_record_one_can_no_longer_see_is_no_longer_available(client, opened, agreement, member):
    agreement.parties.get(organisation__memberships__user=member).withdraw(
        on=timezone.localdate(), by=None
    )
    notification = Notification.objects.get(user=member)
    client.force_login(member)

    page = client.get("/notifications/").text
    response = client.get(f"/notifications/{notification.pk}/", follow=True)

    assert "Testhamns LÖ" not in page
    assert "inte längre tillgänglig" in page
    assert response.redirect_chain[-1][0] == "/notifications/"


def test_a_deleted_record_is_no_longer_available(client, opened, member):
    notification = Notification.objects.get(user=member)
    opened.comments.all().delete()
    type(opened).objects.filter(pk=opened.pk).delete()
    client.force_login(member)

    page = client.get("/notifications/").text

    assert notification.pk and "inte längre tillgänglig" in page


def test_someone_elses_notification_is_not_found(client, opened, member, outsider):
    notification = Notification.objects.get(user=member)
    client.force_login(outsider)

    assert client.get(f"/notifications/{notification.pk}/").status_code == 404
    assert client.post(f"/notifications/{notification.pk}/read/").status_code == 404


def test_the_list_links_to_the_e_mail_settings(client, member):
    client.force_login(member)

    page = client.get("/notifications/").text

    assert 'href="/notifications/settings/"' in page
    assert "Inga aviseringar än" in page
