"""Concurrent publishing: revision numbers stay unique and consecutive.

Threads each open their own database connection; the row lock on the agreement
makes them take turns on PostgreSQL, and on SQLite every transaction takes the
write lock when it begins (the test database is a file, as in production).
"""

import contextlib
import threading

import pytest
from django.db import connections

from agreements import exceptions as errors
from agreements.models import Agreement
from tests.agreements.factories import closes_in, make_agreement

pytestmark = [pytest.mark.django_db(transaction=True)]

THREADS = 6


def publish_a_round(agreement_id, barrier, outcomes):
    try:
        agreement = Agreement.objects.get(pk=agreement_id)
        barrier.wait()
        with contextlib.suppress(errors.DraftExists):
            agreement.start_draft(by=None)
        try:
            revision = agreement.open_consultation(closes_at=closes_in(), by=None)
            agreement.close_consultation(by=None)
            outcomes.append(revision.number)
        except (errors.NoDraft, errors.ConsultationOpen, errors.NoOpenConsultation) as error:
            outcomes.append(type(error).__name__)
    finally:
        connections.close_all()


def test_concurrent_publishing_gives_unique_consecutive_numbers():
    agreement = make_agreement()
    agreement.open_consultation(closes_at=closes_in(), by=None)
    agreement.close_consultation(by=None)
    barrier, outcomes = threading.Barrier(THREADS), []
    threads = [
        threading.Thread(target=publish_a_round, args=(agreement.pk, barrier, outcomes))
        for _ in range(THREADS)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # A thread may leave a draft it could not open (another's consultation was open): drafts
    # have no number yet.
    numbers = sorted(agreement.revisions.published().values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 2
    assert agreement.revisions.drafts().count() <= 1
    assert sorted(n for n in outcomes if isinstance(n, int)) == numbers[1:]


def test_concurrent_draft_saves_lose_no_text():
    agreement = make_agreement()
    draft = agreement.revisions.drafts().get()
    barrier, results = threading.Barrier(THREADS), []

    def save(index):
        try:
            barrier.wait()
            try:
                draft.save_text(
                    title="t", body=f"text {index}", change_summary="", base_version=1, by=None
                )
                results.append("saved")
            except errors.EditConflict:
                results.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == ["conflict"] * (THREADS - 1) + ["saved"]
    assert agreement.revisions.drafts().get().version == 2
