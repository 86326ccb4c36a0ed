"""A published revision never changes, so its HTML is rendered once, not on every request."""

from unittest import mock

import pytest

from agreements import markdown
from tests.agreements.factories import TEXT, consult, edit_draft

pytestmark = pytest.mark.django_db


def renders_during(client, url, times=2):
    with mock.patch.object(markdown, "render", wraps=markdown.render) as render:
        for _ in range(times):
            assert client.get(url).status_code == 200
    return [call.args[0] for call in render.call_args_list]


def test_the_agreement_page_renders_the_published_text_only_once(client, agreement, coordinator):
    edit_draft(agreement, TEXT + "\nEn mening som bara finns här.\n")
    consult(agreement)
    client.force_login(coordinator)

    rendered = renders_during(client, "/agreements/lo/", times=3)

    assert sum("En mening som bara finns här." in text for text in rendered) <= 1


def test_a_changed_text_is_never_served_the_html_of_another(client, agreement, coordinator):
    consult(agreement)
    agreement.start_draft(by=coordinator)
    edit_draft(agreement, TEXT + "\nDen andra versionen.\n")
    consult(agreement)
    client.force_login(coordinator)

    first = client.get("/agreements/lo/revisions/1/").text
    second = client.get("/agreements/lo/revisions/2/").text

    assert "Den andra versionen." not in first
    assert "Den andra versionen." in second
