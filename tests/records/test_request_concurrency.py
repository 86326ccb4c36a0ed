"""Twenty coordinators answer one request at once: one answer wins, the others are told."""

import pytest

from records import exceptions as errors
from records.models import Case, DocumentRequest
from tests.agreements.factories import make_agreement, make_municipality
from tests.factories import make_organisation
from tests.records.factories import register_letter
from tests.records.test_concurrency import THREADS, run_at_once

pytestmark = [pytest.mark.django_db(transaction=True)]


def decide(pk, index):
    try:
        DocumentRequest.objects.get(pk=pk).decide(
            status="released", answer=f"svar {index}", by=None
        )
        return "answered"
    except errors.RequestAlreadyAnswered:
        return "told"


def test_one_of_twenty_answers_wins():
    entry = register_letter(
        Case.of_agreement(make_agreement(make_municipality())), make_organisation()
    )
    request = DocumentRequest.receive(entry, contact_email="a@example.org")

    outcomes = run_at_once(decide, [(request.pk, i) for i in range(THREADS)])

    assert sorted(outcomes) == ["answered"] + ["told"] * (THREADS - 1)
    request.refresh_from_db()
    assert request.answer.startswith("svar ")
