"""A filter left empty shows everything, so its empty choice reads "Alla" (All), not "Välj …"
(Choose …, the empty choice of a field that must be filled in)."""

import re

import pytest

from tests.dialogues.factories import make_action_item, make_forum, make_meeting

pytestmark = pytest.mark.django_db


def empty_choices(html):
    """{select name: the text of its option with the empty value}."""
    found = {}
    for name, body in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', html, re.S):
        empty = re.search(r'<option value=""[^>]*>([^<]*)</option>', body)
        found[name] = empty and empty.group(1).strip()
    return found


def test_the_registers_filters_read_all_when_empty(client):
    html = client.get("/register/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()

    choices = empty_choices(html)
    assert choices["case"] == "Alla"
    assert choices["organisation"] == "Alla"
    assert "Välj …" not in html


def test_the_action_boards_filters_read_all_when_empty(client, municipality, association, member):
    forum = make_forum(municipality, members=[association])
    make_action_item(make_meeting(forum), association, responsible=member)
    client.force_login(member)

    html = client.get("/forums/action-items/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()

    choices = empty_choices(html)
    assert (choices["forum"], choices["organisation"], choices["person"]) == ("Alla",) * 3
    assert "Välj …" not in html


def test_in_english_the_empty_filter_reads_all(client):
    html = client.get("/register/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert empty_choices(html)["case"] == "All"
