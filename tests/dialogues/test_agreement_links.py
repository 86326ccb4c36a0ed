"""Forums and agenda items link to the agreement they follow, shown only to its readers."""

import importlib

import pytest

from dialogues.models import AgendaItem, Forum
from tests.agreements.factories import adopt, consult, make_agreement
from tests.dialogues.factories import make_meeting

pytestmark = pytest.mark.django_db

migration = importlib.import_module("dialogues.migrations.0003_agreement_links")


@pytest.fixture
def agreement(municipality, coordinator):
    return make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")


@pytest.fixture
def public_agreement(agreement, coordinator):
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    return agreement


def test_the_forum_page_links_to_its_public_agreement(client, public_forum, public_agreement):
    Forum.objects.filter(pk=public_forum.pk).update(agreement=public_agreement)

    page = client.get(public_forum.get_absolute_url())

    assert '<a href="/agreements/lo/">Testhamns LÖ</a>' in page.text


def test_an_unpublished_agreements_title_stays_hidden_from_the_forums_readers(
    client, public_forum, agreement, coordinator, member
):
    Forum.objects.filter(pk=public_forum.pk).update(agreement=agreement)
    client.force_login(member)
    for_member = client.get(public_forum.get_absolute_url())
    client.force_login(coordinator)
    for_coordinator = client.get(public_forum.get_absolute_url())

    assert "Testhamns LÖ" not in for_member.text
    assert "Testhamns LÖ" in for_coordinator.text


def test_a_new_agenda_item_links_to_the_forums_agreement_by_default(
    client, public_forum, public_agreement, coordinator
):
    Forum.objects.filter(pk=public_forum.pk).update(agreement=public_agreement)
    meeting = make_meeting(public_forum)
    url = f"{meeting.get_absolute_url()}agenda/new/"
    client.force_login(coordinator)

    form = client.get(url)
    client.post(
        url,
        {"title": "Uppföljning", "agreement": public_agreement.pk, "agreement_reference": "2.1"},
    )
    page = client.get(meeting.get_absolute_url())

    assert f'<option value="{public_agreement.pk}" selected>' in form.text
    assert AgendaItem.objects.get(title="Uppföljning").agreement == public_agreement
    assert '<a href="/agreements/lo/">2.1</a>' in page.text


def test_an_agenda_item_cannot_link_an_agreement_the_user_cannot_read(
    client, forum, coordinator, municipality
):
    hidden = make_agreement(slug="annan-stad")
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    response = client.post(
        f"{meeting.get_absolute_url()}agenda/new/", {"title": "Punkt", "agreement": hidden.pk}
    )

    assert response.status_code == 200
    assert "agreement" in response.context["form"].errors
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://overens.kullahamn.se/agreements/lo/", "lo"),
        ("/agreements/lokal-lo/revisions/3/", "lokal-lo"),
        ("https://www.kullahamn.se/overenskommelse.pdf", None),
        ("", None),
    ],
)  # fmt: skip
def test_the_migration_reads_the_agreement_from_an_address(url, slug):
    assert migration.slug_from_url(url) == slug
