"""An outsider reaches none of it: utomstaende, a member of Modelljärnvägsklubben Rälsen, which
is party to nothing, sees nothing of Kullahamns IF's members and gets 404 on every URL that
would reach them.

Each feature adds the URLs of its records that utomstaende may not reach to OUT_OF_REACH, as
(method, path function); a POST is sent with a valid CSRF token, so only the permission rule
can refuse it.
"""

from attachments.models import Attachment
from demo.attachments import CONSULTATION_RESPONSE
from organisations.models import Membership
from tests.browser.helpers import assert_accessible, login


def forenings_membership():
    return Membership.objects.get(user__username="forening").pk


def consultation_response():
    """The umbrella organisation's response (DOCX) on its comment: for the agreement's parties."""
    return Attachment.objects.get(original_name=CONSULTATION_RESPONSE).pk


def trygghet_meeting(status):
    """A meeting of the members-only trygghet forum (Kullahamns IF is a member)."""
    from dialogues.models import Meeting

    meeting = Meeting.objects.filter(forum__slug="temaforum-trygghet", minutes_status=status)
    return meeting.first().get_absolute_url()


OUT_OF_REACH = [
    ("GET", lambda: f"/organisations/kullahamns-if/members/{forenings_membership()}/remove/"),
    ("POST", lambda: f"/organisations/kullahamns-if/members/{forenings_membership()}/remove/"),
    ("POST", lambda: f"/organisations/kullahamns-if/members/{forenings_membership()}/role/"),
    ("POST", lambda: "/organisations/kullahamns-if/members/"),
    ("GET", lambda: f"/attachments/{consultation_response()}/"),
    ("GET", lambda: f"/attachments/{consultation_response()}/remove/"),
    ("POST", lambda: f"/attachments/{consultation_response()}/supersede/"),
    ("GET", lambda: trygghet_meeting("approved") + "attendance/print/"),
    ("GET", lambda: trygghet_meeting("approved") + "protocol.pdf"),
    ("GET", lambda: trygghet_meeting("approved") + "protocol.docx"),
    ("GET", lambda: trygghet_meeting("checking") + "minutes/approve/"),
    ("POST", lambda: trygghet_meeting("checking") + "minutes/approve/"),
    ("GET", lambda: "/forums/temaforum-trygghet/edit/"),
    ("POST", lambda: "/forums/temaforum-trygghet/close/"),
]


def status_of(page, method, path):
    if method == "GET":
        return page.goto(path).status
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(path, headers={"X-CSRFToken": token}, form={"role": "member"})
    return response.status


def test_an_outsider_sees_no_member_list_of_another_association(page):
    login(page, "utomstaende")

    page.goto("/organisations/kullahamns-if/")

    assert page.get_by_role("heading", name="Kullahamns IF").is_visible()
    assert page.get_by_role("heading", name="Medlemmar").count() == 0
    assert page.get_by_text("Fatima Nilsson").count() == 0
    page.goto("/organisations/mine/")
    assert page.get_by_role("link", name="Modelljärnvägsklubben Rälsen").is_visible()
    assert page.get_by_role("link", name="Kullahamns IF").count() == 0


def test_an_outsider_gets_page_not_found_everywhere_out_of_reach(page):
    login(page, "utomstaende")

    answers = {(method, path()): status_of(page, method, path()) for method, path in OUT_OF_REACH}

    assert {request: 404 for request in answers} == answers
    page.goto("/organisations/kullahamns-if/members/1/remove/")
    assert page.get_by_role("heading", name="Sidan hittades inte").is_visible()
    assert_accessible(page)
    assert Membership.objects.filter(user__username="forening", role="member").exists()
