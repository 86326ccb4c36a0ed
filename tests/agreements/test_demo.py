import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from agreements import permissions
from agreements.models import Agreement, Revision
from demo import agreements as demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo):
    pass


def user(name):
    return get_user_model().objects.get(username=name)


def test_the_demo_agreement_tells_the_whole_story(seeded):
    agreement = Agreement.objects.get(slug=demo.LO_SLUG)

    states = list(agreement.revisions.order_by("number").values_list("number", "state"))
    assert states == [
        (1, Revision.State.PUBLISHED),
        (2, Revision.State.PUBLISHED),
        (3, Revision.State.ADOPTED),
    ]
    assert agreement.status == Agreement.Status.IN_FORCE
    assert agreement.registration_number == "KS 2024/0412"
    assert agreement.parties.filter(signed_on__isnull=False).count() >= 15
    assert agreement.parties.filter(
        organisation__name="Kullahamns IF", signed_on__isnull=False
    ).exists()
    assert not agreement.parties.filter(organisation__name="Modelljärnvägsklubben Rälsen").exists()
    assert len(agreement.revisions.get(number=3).body.split()) > 2000


def test_the_three_revisions_differ(seeded):
    first, second, third = demo.texts()

    assert first != second != third


def test_the_homework_help_draft_is_seen_only_by_its_drafters(seeded):
    iop = Agreement.objects.get(slug=demo.IOP_SLUG)

    readers = {
        name
        for name in ["samordnare", "tjansteperson", "forening", "utomstaende"]
        if permissions.can_view(user(name), iop)
    }

    assert readers == {"samordnare"}
    assert not iop.revisions.published().exists()


def test_seeding_twice_changes_nothing(seeded):
    counts = (Agreement.objects.count(), Revision.objects.count())

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (Agreement.objects.count(), Revision.objects.count()) == counts
