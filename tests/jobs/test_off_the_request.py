"""Slow work leaves the request: a file's text, the consultation e-mails, the index."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from attachments.models import Attachment
from organisations.models import Membership
from organisations.permissions import role_group
from search import service
from tests.attachments import files
from tests.consultation.factories import make_agreement, make_party, publish
from tests.factories import make_organisation


@pytest.mark.django_db(transaction=True)
def test_an_upload_returns_at_once_and_its_text_is_found_once_the_job_ran(
    client, association, association_coordinator, queued, settings, tmp_path
):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    client.force_login(association_coordinator)

    response = client.post(
        f"/attachments/organisations.organisation/{association.pk}/",
        {"file": SimpleUploadedFile("Årsmöte.pdf", files.pdf()), "description": ""},
    )

    assert response.status_code == 302
    assert Attachment.objects.get().extraction_status == Attachment.Extraction.PENDING
    assert "attachments.models.read_text" in queued.jobs()
    assert not service.search(association_coordinator, "växthusgaser").hits

    queued.run_all()

    assert Attachment.objects.get().extraction_status == Attachment.Extraction.OK
    hits = service.search(association_coordinator, "växthusgaser").hits
    assert [found.hit.title for found in hits] == ["Årsmöte.pdf – Testhamns IF"]


def an_agreement_with_members(count, municipality, coordinator):
    association = make_organisation(name=f"Förening med {count} medlemmar")
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"m{count}-{i}", email=f"m{count}-{i}@example.org")
        for i in range(count)
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=association, role=Membership.Role.MEMBER)
        for user in users
    )
    role_group(association, Membership.Role.MEMBER).user_set.add(*users)
    agreement = make_agreement(municipality, by=coordinator, slug=f"lo-{count}")
    make_party(agreement, association)
    return agreement


@pytest.mark.django_db
def test_opening_a_consultation_costs_the_same_for_a_thousand_recipients_as_for_ten(
    municipality, coordinator, queued, django_capture_on_commit_callbacks
):
    costs = {}
    for count in (10, 1000):
        agreement = an_agreement_with_members(count, municipality, coordinator)
        queued.run_all()
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            publish(agreement, by=coordinator)
        costs[count] = (len(queries), queued.jobs())
        queued.run_all()

    assert costs[10] == costs[1000]
    assert "consultation.notifications.notify_consultation_opened" in costs[1000][1]
    assert "jobs.mail.deliver" not in costs[1000][1]
    assert len({address for message in mail.outbox for address in message.to}) >= 1010
