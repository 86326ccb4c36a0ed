"""Twenty registrations at once: no duplicate and no gap, in the case and in the series.

Threads each open their own connection; the case's (and the series') row lock makes them
take turns on PostgreSQL, and on SQLite every transaction takes the write lock at BEGIN.
"""

import threading

import pytest
from django.db import connections
from django.utils import timezone

from agreements.models import Agreement, RegistrationFormat
from organisations.models import Organisation
from records.models import Case, Document, DocumentType, Origin
from tests.agreements.factories import make_agreement, make_municipality
from tests.factories import make_organisation

pytestmark = [pytest.mark.django_db(transaction=True)]

THREADS = 20


def run_at_once(target, args_list):
    barrier, outcomes = threading.Barrier(len(args_list)), []

    def run(*args):
        try:
            barrier.wait()
            outcomes.append(target(*args))
        except Exception as error:  # noqa: BLE001 - a failure is an outcome the test shows
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def register(agreement_id, organisation_id):
    """Register an organisation's letter (any record will do; these emit no events)."""
    agreement = Agreement.objects.get(pk=agreement_id)
    letter = Organisation.objects.get(pk=organisation_id)
    return Case.of_agreement(agreement).register(
        letter,
        DocumentType.CONSULTATION_RESPONSE,
        origin=Origin.RECEIVED,
        official_since=timezone.now(),
        subject=f"Brev från {letter}",
        organisation=letter,
    )


def test_twenty_documents_registered_at_once_are_numbered_one_to_twenty():
    agreement = make_agreement(make_municipality())
    senders = [make_organisation() for _ in range(THREADS)]

    outcomes = run_at_once(register, [(agreement.pk, o.pk) for o in senders])

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    sequences = sorted(Document.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, THREADS + 1))
    assert Case.objects.get().last_sequence == THREADS


def test_the_same_document_registered_twenty_times_at_once_is_registered_once():
    agreement = make_agreement(make_municipality())
    sender = make_organisation()

    outcomes = run_at_once(register, [(agreement.pk, sender.pk)] * THREADS)

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert {o.pk for o in outcomes} == {Document.objects.get().pk}
    assert Case.objects.get().last_sequence == 1


def test_twenty_cases_opened_at_once_take_consecutive_numbers_of_the_series():
    municipality = make_municipality()
    RegistrationFormat.objects.create(
        municipality=municipality, pattern=r"KS \d{4}/\d{4}", example="KS 2024/0412"
    )
    agreements = [make_agreement(municipality) for _ in range(THREADS)]

    outcomes = run_at_once(
        lambda pk: Case.of_agreement(Agreement.objects.get(pk=pk)), [(a.pk,) for a in agreements]
    )

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    year = timezone.localdate().year
    numbers = sorted(Case.objects.values_list("number", flat=True))
    assert numbers == [f"KS {year}/{n:04d}" for n in range(1, THREADS + 1)]
