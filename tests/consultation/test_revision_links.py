"""The revision page leads to its consultation: the way in for commenters."""

import pytest

pytestmark = pytest.mark.django_db


def open_revision_url():
    from agreements.models import Revision

    revision = next(
        r for r in Revision.objects.select_related("agreement") if r.consultation_is_open
    )
    return revision, f"/agreements/{revision.agreement.slug}/revisions/{revision.number}/"


def test_a_party_member_finds_the_open_consultation_from_the_revision_page(client, demo):
    from django.contrib.auth import get_user_model

    revision, url = open_revision_url()
    client.force_login(get_user_model().objects.get(username="forening"))

    response = client.get(url)

    assert f"{url}consultation/" in response.text
    assert "Läs och lämna synpunkter i remissen" in response.text
