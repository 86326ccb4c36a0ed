"""Search keeps the adopted text public while its successor is drafted and consulted on.

These tests commit for real (transaction=True), so the index follows each step as in
production."""

import pytest
from django.contrib.auth.models import AnonymousUser

from agreements.models import Agreement
from search import service
from tests.agreements.factories import adopt, consult, edit_draft, publish
from tests.search.records import AGREEMENT_TEXT

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSAGE = "Staden inrättar ett föreningsråd."


def public_hits(text):
    results = service.search(AnonymousUser(), text, per_page=100)
    return {(found.adapter.type, found.hit.title) for found in results.hits}


def revisions_found(text):
    return {title for kind, title in public_hits(text) if kind == "agreements.revision"}


def test_the_public_finds_the_adopted_text_at_every_step_of_a_review(agreement, coordinator):
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    agreement.change_status(Agreement.Status.IN_FORCE, by=coordinator)
    steps = [
        lambda: agreement.start_draft(by=coordinator),
        lambda: edit_draft(agreement, AGREEMENT_TEXT + f"\n{NEW_PASSAGE}\n", by=coordinator),
        lambda: agreement.change_status(Agreement.Status.UNDER_REVIEW, by=coordinator),
        lambda: publish(agreement, by=coordinator),
        lambda: agreement.close_consultation(by=coordinator),
    ]
    assert any("version 1" in title for title in revisions_found("lokalbristen"))

    for step in steps:
        step()

        assert any("version 1" in title for title in revisions_found("lokalbristen"))
        assert ("agreements.agreement", "Testhamns LÖ") in public_hits("Testhamns")

    adopt(agreement, agreement.revisions.get(number=2), by=coordinator)
    assert any("version 2" in title for title in revisions_found("föreningsråd"))
    assert ("agreements.agreement", "Testhamns LÖ") in public_hits("Testhamns")


def test_the_public_never_finds_the_working_draft(agreement, coordinator):
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    agreement.start_draft(by=coordinator)

    edit_draft(agreement, AGREEMENT_TEXT + f"\n{NEW_PASSAGE}\n", by=coordinator)

    assert revisions_found("föreningsråd") == set()
