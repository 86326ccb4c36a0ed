"""The public front page: what anyone may read, and the installation's own name and colours."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from agreements.models import Agreement, Principle
from dialogues.models import Forum
from tests.agreements.factories import adopt, consult, make_agreement
from tests.dialogues.factories import approve, make_approver, make_forum, make_meeting
from tests.test_site import run_python


@pytest.fixture
def in_force(municipality, coordinator):
    # Its own principle: the national ones come from a migration, which a test that commits
    # (and so empties the tables after itself) may have removed before this one runs.
    principle = Principle.objects.create(name="Självständighet och oberoende", position=1)
    agreement = make_agreement(
        municipality, by=coordinator, title="Kullahamns LÖ", slug="lo", principles=[principle]
    )
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    agreement.change_status(Agreement.Status.IN_FORCE, by=coordinator)
    return agreement


def approved_meeting(forum, association, title):
    meeting = make_meeting(
        forum, title=title, starts_at=timezone.now() - datetime.timedelta(days=10)
    )
    make_approver(meeting, association)
    meeting.write_minutes("Anteckningar")
    meeting.send_minutes_for_approval(deadline=timezone.localdate())
    approve(meeting)
    return meeting


def test_visitors_see_the_agreement_in_force_with_its_principles(client, in_force):
    page = client.get("/").text

    assert "/agreements/lo/" in page
    assert "Kullahamns LÖ" in page
    assert "Självständighet och oberoende" in page


def test_visitors_do_not_see_drafts_or_their_consultations(client, municipality, coordinator):
    agreement = make_agreement(municipality, by=coordinator, title="Hemligt utkast")
    agreement.open_consultation(
        closes_at=timezone.now() + datetime.timedelta(days=5), by=coordinator
    )

    page = client.get("/").text

    assert "Hemligt utkast" not in page
    assert "Ingen offentlig remiss är öppen" in page


def test_visitors_see_public_meetings_and_minutes_only(client, municipality, association):
    public = make_forum(municipality, members=[association], visibility=Forum.Visibility.PUBLIC)
    closed = make_forum(municipality, members=[association], visibility=Forum.Visibility.MEMBERS)
    make_meeting(public, title="Öppet dialogmöte")
    make_meeting(closed, title="Internt möte")
    approved_meeting(public, association, "Justerat möte")
    approved_meeting(closed, association, "Internt justerat möte")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    unapproved = make_meeting(public, title="Ej justerat möte", starts_at=yesterday)
    unapproved.write_minutes("Utkast")

    page = client.get("/").text

    assert "Öppet dialogmöte" in page and "Justerat möte" in page
    assert "Internt" not in page
    assert "Ej justerat möte" not in page


def test_the_front_page_tells_associations_how_to_take_part(client, db):
    page = client.get("/").text

    assert "Hur kan vår förening delta?" in page
    assert "mailto:samverkan@kullahamn.se" in page
    assert "Kullahamns stad" in page


@override_settings(
    SITE_NAME="Samverkan",
    MUNICIPALITY_NAME="Testhamns kommun",
    MUNICIPALITY_CONTACT_EMAIL="lo@testhamn.se",
    MUNICIPALITY_LOGO="/media/logo.png",
    MUNICIPALITY_COLOUR="#7a1f2b",
)
def test_the_municipality_is_a_setting_not_text(client, db):
    page = client.get("/").text
    css = client.get("/brand.css")

    assert "Testhamns kommun" in page and "Kullahamn" not in page
    assert "<title>Start – Samverkan</title>" in page
    assert 'src="/media/logo.png"' in page
    assert "mailto:lo@testhamn.se" in page
    assert '<link rel="stylesheet" href="/brand.css">' in page
    assert "--accent: #7a1f2b;" in css.text and css["Content-Type"].startswith("text/css")


def test_without_colours_no_extra_stylesheet_is_loaded(client, db):
    assert "/brand.css" not in client.get("/").text


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MUNICIPALITY_COLOUR": "blue"}, "is not a colour"),
        ({"MUNICIPALITY_COLOUR": "#ffcc00"}, "contrast of 1.5:1 with white"),
        ({"MUNICIPALITY_LOGO": "https://cdn.example/logo.png"}, "MUNICIPALITY_LOGO"),
    ],
)
def test_unusable_branding_stops_the_start_with_a_clear_message(env, message):
    result = run_python("import config.settings", **env)

    assert result.returncode != 0
    assert message in result.stderr


def test_the_front_page_runs_a_fixed_number_of_queries(
    client, in_force, municipality, association, django_assert_max_num_queries
):
    public = make_forum(municipality, members=[association], visibility=Forum.Visibility.PUBLIC)
    for number in range(8):
        make_meeting(public, title=f"Möte {number}")
        approved_meeting(public, association, f"Justerat {number}")

    with django_assert_max_num_queries(8):
        client.get("/")
