"""Records of every searchable type, each with a word of its own, for the adapter tests.

tests/search/conftest.py makes the fixtures available to every search test.
"""

import pytest

from agreements.models import Party
from dialogues.models import Attendance, Forum
from tests.agreements.factories import make_agreement, make_party, publish
from tests.dialogues.factories import make_approver, make_attendance, make_forum, make_meeting
from tests.factories import make_organisation, make_user

AGREEMENT_TEXT = """Inledning om samverkan.

# 1 Lokaler
Staden åtar sig att lösa lokalbristen för idrottsföreningar.

# 2 Dialog
Parterna möts i dialogforum två gånger om året.
"""

MINUTES = """### §1 Lokalbrist i Norra hallen

Föreningarna beskrev lokalbristen vintertid. Träningstiderna räcker inte.

### §2 Kvällsvandringar

Hyresgästföreningen ordnar kvällsvandringar i Södra hamnen.
"""


@pytest.fixture
def drafting_association(db):
    return make_organisation(name="Studieförbundet Test")


@pytest.fixture
def drafter(drafting_association):
    return make_user("skribent", drafting_association)


@pytest.fixture
def agreement(municipality, department, coordinator, association, drafting_association):
    """A draft agreement: the municipality and one association draft, another is signatory."""
    agreement = make_agreement(
        municipality, by=coordinator, slug="lo", title="Testhamns LÖ", body=AGREEMENT_TEXT
    )
    make_party(agreement, drafting_association, role=Party.Role.UMBRELLA, is_drafter=True)
    make_party(agreement, association)
    return agreement


@pytest.fixture
def published(agreement, coordinator):
    """Revision 1 of the agreement, out for consultation."""
    return publish(agreement, by=coordinator)


@pytest.fixture
def members_forum(municipality, association):
    return make_forum(
        municipality,
        members=[association],
        visibility=Forum.Visibility.MEMBERS,
        name="Temaforum idrott",
        description="Arbetsgrupp om idrottshallar.",
    )


@pytest.fixture
def meeting(members_forum, municipality, association):
    """A meeting with two agenda items, a member of the association present to approve."""
    meeting = make_meeting(members_forum, title="Vintermöte")
    meeting.agenda_items.create(title="Lokalbrist i Norra hallen", discussion_summary="Hallar.")
    meeting.agenda_items.create(title="Kvällsvandringar")
    make_attendance(meeting, municipality, meeting_role=Attendance.Role.CHAIR)
    make_approver(meeting, association)
    return meeting
