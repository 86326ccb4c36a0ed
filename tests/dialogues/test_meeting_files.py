"""Files on a meeting follow the meeting's own rules (attachments registry)."""

import pytest

from attachments.models import Attachment
from tests.attachments.factories import make_attachment
from tests.dialogues.factories import approve, make_checked_meeting, make_meeting

pytestmark = pytest.mark.django_db


def test_the_organisers_coordinator_gets_the_upload_form_on_the_meeting_page(
    client, forum, coordinator
):
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    response = client.get(meeting.get_absolute_url())

    assert f'action="/attachments/dialogues.meeting/{meeting.pk}/"' in response.text


def test_a_member_reads_the_files_but_cannot_add_any(client, forum, member, coordinator):
    meeting = make_meeting(forum)
    attachment = make_attachment(meeting, name="Dagordning.pdf", by=coordinator)
    client.force_login(member)

    page = client.get(meeting.get_absolute_url())
    download = client.get(f"/attachments/{attachment.pk}/")

    assert "Dagordning.pdf" in page.text
    assert "/attachments/dialogues.meeting/" not in page.text
    assert download.status_code == 200


@pytest.mark.parametrize("role", ["outsider", None])
def test_files_of_a_members_only_meeting_are_not_found_for_others(
    client, request, forum, coordinator, role
):
    attachment = make_attachment(make_meeting(forum), by=coordinator)
    if role:
        client.force_login(request.getfixturevalue(role))

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 404


def test_files_of_approved_minutes_can_only_be_superseded(client, forum, association, coordinator):
    meeting = make_checked_meeting(forum, association)
    approve(meeting, association)
    attachment = make_attachment(meeting, by=coordinator)
    client.force_login(coordinator)

    page = client.get(meeting.get_absolute_url())
    removal = client.post(f"/attachments/{attachment.pk}/remove/")

    assert f"/attachments/{attachment.pk}/remove/" not in page.text
    assert f"/attachments/{attachment.pk}/supersede/" in page.text
    assert removal.status_code == 302
    assert Attachment.objects.filter(pk=attachment.pk).exists()
