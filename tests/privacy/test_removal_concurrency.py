"""Twenty removals of the same account at once (two tabs, a double click, many times over):
one removes it, the others are told it is gone or asked to sign in; never an error, and the
organisation the removed person is shown as stays the one they acted for."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from organisations.models import Membership
from tests.records.test_concurrency import run_at_once

pytestmark = [pytest.mark.django_db(transaction=True)]

THREADS = 20
REMOVED = "Ditt konto har tagits bort. Tack för att du var med."
ALREADY = "Ditt konto har redan tagits bort. Inget mer har ändrats."


def remove(client):
    response = client.post("/personal-data/remove/", {"password": "secret-pass-123"}, follow=True)
    return response.status_code, response.content.decode(), response.redirect_chain


def test_twenty_removals_at_once_remove_once_and_answer_every_request(member, association):
    member.first_name, member.last_name = "Fia", "Forsberg"
    member.save()
    clients = []
    for _ in range(THREADS):
        client = Client()
        client.force_login(member)
        clients.append(client)

    outcomes = run_at_once(remove, [(client,) for client in clients])

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert {status for status, _html, _chain in outcomes} == {200}
    removed = [html for _status, html, _chain in outcomes if REMOVED in html]
    assert len(removed) == 1
    for _status, html, chain in outcomes:
        # The others: told it is already gone, or (their session ended with the password)
        # sent to sign in.
        assert REMOVED in html or ALREADY in html or chain[-1][0].startswith("/accounts/login/")
    user = get_user_model().objects.get(pk=member.pk)
    assert (user.is_active, user.first_name, user.last_name) == (False, "Testhamns IF", "")
    assert not Membership.objects.filter(user=user).exists()
