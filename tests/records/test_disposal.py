"""The information management plan and disposal: what the plan lets go is listed, a
coordinator approves, the content goes, the entry and the log stay; "keep" is never touched."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.models import Comment
from records import exceptions as errors
from records.models import Disposal, Document, DocumentType, RetentionRule
from tests.consultation.factories import make_comment, publish
from tests.records.test_register_views import as_role


@pytest.fixture
def response(agreement, coordinator, member, association, told):
    """A consultation response registered three years ago."""
    with told():
        comment = make_comment(publish(agreement, by=coordinator), member, association)
    document = Document.objects.of(comment).get()
    Document.objects.filter(pk=document.pk).update(
        official_since=timezone.now() - timedelta(days=3 * 366)
    )
    return document


def plan(action="dispose", years=2, document_type=DocumentType.CONSULTATION_RESPONSE):
    return RetentionRule.objects.update_or_create(
        document_type=document_type,
        defaults={"action": action, "years": years, "decision": "KS 2024/0100 § 12"},
    )[0]


def test_the_weekly_job_lists_what_the_plan_lets_go_and_never_what_it_keeps(agreement, response):
    plan(years=2)
    plan("keep", None, DocumentType.REVISION)

    listed = Disposal.list_due()

    assert listed == 1
    assert Disposal.objects.get().document == response
    assert Disposal.list_due() == 0  # listed once
    assert Disposal.objects.count() == 1


def test_a_document_not_due_yet_is_not_listed(response):
    plan(years=5)

    assert Disposal.list_due() == 0


def test_approving_removes_the_content_and_keeps_entry_and_log(coordinator, response):
    plan()
    Disposal.list_due()
    disposal = Disposal.objects.get()

    disposal.approve(by=coordinator)

    comment = Comment.objects.get(pk=response.object_id)
    assert "Vi vill att dialogen" not in comment.body
    assert Document.objects.filter(pk=response.pk).exists()
    disposal.refresh_from_db()
    assert (disposal.decision, disposal.approved_by) == ("KS 2024/0100 § 12", coordinator)
    assert disposal.disposed_at is not None
    with pytest.raises(errors.AlreadyDisposed):
        disposal.approve(by=coordinator)


def test_a_type_the_plan_now_keeps_is_never_disposed_of(coordinator, response):
    plan()
    Disposal.list_due()
    plan("keep", None)  # the plan changed after the listing

    with pytest.raises(errors.DocumentKept):
        Disposal.objects.get().approve(by=coordinator)

    assert "Vi vill att dialogen" in Comment.objects.get(pk=response.object_id).body
    assert Disposal.objects.get().disposed_at is None


def test_the_plan_is_public(client, db):
    plan()

    page = client.get("/register/plan/").content.decode()

    assert "KS 2024/0100 § 12" in page


@pytest.mark.parametrize("role", ["outsider", "member", "staff", "association_coordinator"])
def test_only_the_registrar_sees_and_approves_disposals(client, request, role, response):
    plan()
    Disposal.list_due()
    as_role(client, request, role)

    listing = client.get("/register/disposals/")
    approving = client.post(f"/register/disposals/{Disposal.objects.get().pk}/approve/")

    assert (listing.status_code, approving.status_code) == (404, 404)
    assert Disposal.objects.get().disposed_at is None


def test_the_registrar_approves_on_the_disposal_page(client, coordinator, response):
    plan()
    Disposal.list_due()
    client.force_login(coordinator)

    assert response.number in client.get("/register/disposals/").content.decode()
    answer = client.post(f"/register/disposals/{Disposal.objects.get().pk}/approve/")

    assert answer.status_code == 302
    assert Disposal.objects.get().disposed_at is not None


def test_a_refused_disposal_says_why_on_the_page(client, coordinator, response):
    plan()
    Disposal.list_due()
    plan("keep", None)
    client.force_login(coordinator)

    page = client.post(
        f"/register/disposals/{Disposal.objects.get().pk}/approve/", follow=True
    ).content.decode()

    assert "never disposed of" in page or "gallras aldrig" in page
