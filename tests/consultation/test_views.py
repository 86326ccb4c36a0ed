"""The consultation pages as each role: who reads, who writes, who answers; outsiders 404."""

import pytest

from agreements.models import Comment, Disposition
from tests.consultation.factories import make_comment, section

BASE = "/agreements/lo/revisions/1"
READ_URLS = [
    f"{BASE}/consultation/",
    f"{BASE}/comments/",
    f"{BASE}/consultation/report/",
    f"{BASE}/consultation/report.csv",
    f"{BASE}/consultation/report.pdf",
    f"{BASE}/consultation/report.docx",
]


def detail(comment, suffix=""):
    return f"{BASE}/comments/{comment.pk}/{suffix}"


@pytest.mark.parametrize("url", READ_URLS)
@pytest.mark.parametrize("role", ["coordinator", "staff", "member"])
def test_parties_and_the_municipality_read_the_consultation(client, request, revision, url, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("url", [*READ_URLS, "comment", "edit", "respond", "extend", "new"])
def test_outsiders_get_404_on_every_consultation_url(client, outsider, comment, url):
    urls = {
        "comment": detail(comment),
        "edit": detail(comment, "edit/"),
        "respond": detail(comment, "respond/"),
        "extend": f"{BASE}/consultation/extend/",
        "new": f"{BASE}/comments/new/",
    }
    client.force_login(outsider)

    response = client.get(urls.get(url, url))

    assert response.status_code == 404


@pytest.mark.parametrize("suffix", ["withdraw/", "reply/"])
def test_outsiders_get_404_when_posting_to_a_comment(client, outsider, comment, suffix):
    client.force_login(outsider)

    response = client.post(detail(comment, suffix), {"body": "Hej", "organisation": 1})

    assert response.status_code == 404
    assert Comment.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client, comment):
    response = client.get(detail(comment))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_member_comments_on_a_section_through_the_form(client, member, association, revision):
    client.force_login(member)

    response = client.post(
        f"{BASE}/comments/new/",
        {"organisation": association.pk, "section": "dialog", "quote": "", "body": "Bra text."},
    )

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert (comment.section.anchor, comment.author) == ("dialog", member)


def test_a_quote_not_in_the_section_is_refused_with_a_message(
    client, member, association, revision
):
    client.force_login(member)

    response = client.post(
        f"{BASE}/comments/new/",
        {"organisation": association.pk, "section": "dialog", "quote": "påhitt", "body": "X"},
    )

    assert response.status_code == 200
    assert "Det citerade stycket finns inte" in response.text
    assert not Comment.objects.exists()


def test_staff_cannot_comment_and_are_told_why(client, staff, revision):
    client.force_login(staff)

    response = client.get(f"{BASE}/comments/new/", follow=True)

    assert "Endast medlemmar i organisationer som är parter" in response.text
    assert "inbjudna till remissen" in response.text


def test_the_coordinator_answers_a_comment_with_a_disposition(client, coordinator, comment):
    client.force_login(coordinator)

    response = client.post(
        detail(comment, "respond/"), {"disposition": "partly_accepted", "reason": "Delvis."}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.response.disposition == Disposition.PARTLY_ACCEPTED


@pytest.mark.parametrize(
    ("anchor", "link"), [("dialog", "Version 1, 2.1 Dialog"), ("ingress", "Version 1")]
)
def test_the_answer_links_the_section_it_was_addressed_in(
    client, coordinator, member, comment, revision, anchor, link
):
    """The text before the first heading has no heading: the link names the revision only."""
    comment.answer(
        disposition=Disposition.ACCEPTED, reason="Ändrat.", by=coordinator,
        addressed_section=section(revision, anchor), addressed_in=revision,
    )  # fmt: skip
    client.force_login(member)

    page = client.get(detail(comment)).text

    assert f'#{anchor}">{link}</a>' in page


def test_a_member_cannot_answer_comments(client, member, comment):
    client.force_login(member)

    response = client.post(detail(comment, "respond/"), {"disposition": "accepted", "reason": "!"})

    assert response.status_code == 404
    assert not Comment.objects.answered().exists()


def test_the_author_withdraws_their_comment(client, member, comment):
    client.force_login(member)

    client.post(detail(comment, "withdraw/"))

    comment.refresh_from_db()
    assert comment.is_withdrawn


def test_another_member_cannot_withdraw_someone_elses_comment(
    client, association_coordinator, comment
):
    client.force_login(association_coordinator)

    response = client.post(detail(comment, "withdraw/"))

    comment.refresh_from_db()
    assert response.status_code == 404
    assert not comment.is_withdrawn


def test_a_member_replies_to_a_comment(client, association_coordinator, association, comment):
    client.force_login(association_coordinator)

    client.post(detail(comment, "reply/"), {"organisation": association.pk, "body": "Håller med."})

    assert comment.replies.get().author == association_coordinator


def test_the_coordinator_extends_the_closing_time_through_the_form(client, coordinator, revision):
    client.force_login(coordinator)

    response = client.post(f"{BASE}/consultation/extend/", {"closes_at": "2099-01-31T12:00"})

    revision.refresh_from_db()
    assert response.status_code == 302
    assert revision.consultation_closes_at.year == 2099


def test_scripts_in_comment_bodies_never_reach_the_page(client, member, association, revision):
    make_comment(
        revision, member, association, section=section(revision, "dialog"),
        body='<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)">',
    )  # fmt: skip
    client.force_login(member)

    pages = [client.get(url).text for url in READ_URLS[:3]]
    pages.append(client.get(detail(Comment.objects.get())).text)

    for page in pages:
        assert "<script>alert" not in page
        assert 'href="javascript:' not in page
        assert "<img src=x" not in page  # the header has a logo of its own


def test_a_commenter_sees_which_of_their_comments_were_answered(
    client, member, coordinator, revision, association
):
    answered = make_comment(revision, member, association, body="Besvarad")
    make_comment(revision, member, association, body="Obesvarad")
    answered.answer(disposition=Disposition.NOTED, reason="Noterad.", by=coordinator)
    client.force_login(member)

    response = client.get(f"{BASE}/comments/?status=answered")

    assert [c.body for c in response.context["comments"]] == ["Besvarad"]
    assert "Besvarad: Noterad" in response.text.replace("\n", " ") or "Noterad" in response.text


def test_the_comment_list_filters_by_section_and_disposition(
    client, member, coordinator, revision, association
):
    on_dialog = make_comment(revision, member, association, section=section(revision, "dialog"))
    make_comment(revision, member, association, section=section(revision, "principer"))
    on_dialog.answer(disposition=Disposition.ACCEPTED, reason="Ja.", by=coordinator)
    client.force_login(member)

    by_section = client.get(f"{BASE}/comments/?section=dialog").context["comments"]
    by_disposition = client.get(f"{BASE}/comments/?disposition=accepted").context["comments"]
    unanswered = client.get(f"{BASE}/comments/?status=unanswered").context["comments"]

    assert [c.pk for c in by_section] == [on_dialog.pk]
    assert [c.pk for c in by_disposition] == [on_dialog.pk]
    assert len(unanswered) == 1 and unanswered[0].pk != on_dialog.pk
