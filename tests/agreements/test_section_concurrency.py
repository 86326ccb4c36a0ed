"""Twenty people saving the same section at once, through the page and through the API: one
wins, the others get the conflict (409) with their own text in the answer, none gets a 500,
and no text is lost. Threads each open their own database connection (see
test_concurrency.py: row locks on PostgreSQL, IMMEDIATE transactions on SQLite)."""

import threading

import pytest
from django.db import connections
from django.test import Client

from tests.agreements.factories import make_agreement, make_party
from tests.factories import make_organisation, make_user

pytestmark = [pytest.mark.django_db(transaction=True)]

THREADS = 20


@pytest.fixture
def drafters():
    agreement = make_agreement(slug="lo")
    association = make_organisation(name="Skrivarförbundet")
    make_party(agreement, association, is_drafter=True)
    users = [make_user(f"skribent{n}", association) for n in range(THREADS)]
    return agreement, users


def at_once(work):
    barrier, results = threading.Barrier(THREADS), [None] * THREADS

    def run(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # collected: a thread's exception would vanish
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def read_section(agreement, anchor):
    draft = agreement.revisions.drafts().get()
    return next(s for s in draft.draft_sections() if s.anchor == anchor)


def test_twenty_page_saves_of_one_section_one_wins_and_nobody_loses_a_text(drafters):
    agreement, users = drafters
    read = read_section(agreement, "principer")
    clients = []
    for user in users:
        clients.append(Client())
        clients[-1].force_login(user)

    def save(index):
        data = {"heading": "2 Principer", "body": f"Text nummer {index}.",
                "fingerprint": read.fingerprint}  # fmt: skip
        return clients[index].post("/agreements/lo/draft/sections/principer/", data)

    responses = at_once(save)

    statuses = sorted(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == [302] + [409] * (THREADS - 1)
    saved = read_section(agreement, "principer").body
    winner = next(i for i, r in enumerate(responses) if r.status_code == 302)
    assert saved == f"Text nummer {winner}."
    for index, response in enumerate(responses):
        if index != winner:
            assert f"Text nummer {index}.</textarea>" in response.text
            assert saved in response.text  # the saved section beside it
    assert agreement.revisions.drafts().get().version == 2


def test_twenty_api_saves_of_one_section_one_wins_the_others_get_409(drafters):
    agreement, users = drafters
    read = read_section(agreement, "principer")
    clients = []
    for user in users:
        clients.append(Client())
        clients[-1].force_login(user)

    def save(index):
        data = {"body": f"API-text {index}.", "fingerprint": read.fingerprint}
        return clients[index].patch(
            "/api/v1/agreements/lo/draft/sections/principer/", data,
            content_type="application/json",
        )  # fmt: skip

    responses = at_once(save)

    statuses = sorted(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == [200] + [409] * (THREADS - 1)
    saved = read_section(agreement, "principer").body
    for index, response in enumerate(responses):
        body = response.json()
        if response.status_code == 200:
            assert body["body"] == saved == f"API-text {index}."
        else:
            assert body["code"] == "section_conflict"
            assert body["yours"]["body"] == f"API-text {index}."
            assert body["current"]["body"] == saved


def test_twenty_saves_of_twenty_different_sections_all_succeed(drafters):
    agreement, users = drafters
    draft = agreement.revisions.drafts().get()
    body = "\n\n".join(f"# {n} Del {n}\nText {n}." for n in range(THREADS))
    draft.save_text(title="t", body=body, change_summary="", base_version=1, by=None)
    sections = agreement.revisions.drafts().get().draft_sections()

    def save(index):
        return agreement.revisions.drafts().get().save_section(
            sections[index].anchor, heading=sections[index].heading, body=f"Ny {index}.",
            base_fingerprint=sections[index].fingerprint, by=users[index],
        )  # fmt: skip

    results = at_once(save)

    assert [r for r in results if isinstance(r, Exception)] == []
    bodies = [s.body for s in agreement.revisions.drafts().get().draft_sections()]
    assert bodies == [f"Ny {n}." for n in range(THREADS)]
