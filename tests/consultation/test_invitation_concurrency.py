"""Twenty members of one invited organisation answer the same question or decline at once:
one wins, the others get a named error (no 500, no "database is locked"), on SQLite (write
lock taken when the transaction begins) as on PostgreSQL (row lock on the invitation)."""

import threading

import pytest
from django.db import connections

from agreements.exceptions import AgreementError
from agreements.models import Answer, Invitation, Invited, Question
from tests.agreements.factories import closes_in, make_agreement
from tests.factories import make_organisation, make_user

pytestmark = [pytest.mark.django_db(transaction=True)]

THREADS = 20


def act(index, question_id, organisation_id, user_id, barrier, outcomes):
    try:
        question = Question.objects.select_related("revision").get(pk=question_id)
        invitation = Invitation.objects.get(
            revision=question.revision, organisation=organisation_id
        )
        user = invitation.organisation.memberships.get(user=user_id).user
        barrier.wait()
        try:
            if index % 2:
                invitation.decline(reason=f"Avstår {index}", by=user)
                outcomes.append("declined")
            else:
                question.answer(organisation=invitation.organisation, body=f"Svar {index}", by=user)
                outcomes.append("answered")
        except AgreementError as error:
            outcomes.append(type(error).__name__)
        except Exception as error:  # noqa: BLE001 - the test reports any other failure
            outcomes.append(f"unexpected {error!r}")
    finally:
        connections.close_all()


def test_one_answer_or_one_decline_wins_and_the_others_are_told_why():
    agreement = make_agreement()
    umbrella = make_organisation(name="Paraplyet")
    user = make_user("paraply", umbrella)
    revision = agreement.open_consultation(
        closes_at=closes_in(), by=None,
        invited=Invited(organisations=[umbrella], questions=["Vad saknas?"]),
    )  # fmt: skip
    question = revision.questions.get()
    barrier, outcomes = threading.Barrier(THREADS), []
    threads = [
        threading.Thread(
            target=act, args=(index, question.pk, umbrella.pk, user.pk, barrier, outcomes)
        )
        for index in range(THREADS)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    invitation = Invitation.objects.get(revision=revision, organisation=umbrella)
    assert not [o for o in outcomes if o.startswith("unexpected")], outcomes
    assert len(outcomes) == THREADS
    winners = [o for o in outcomes if o in ("answered", "declined")]
    assert len(winners) == 1
    if winners == ["answered"]:
        assert Answer.objects.count() == 1 and invitation.declined_at is None
        assert set(outcomes) - {"answered"} <= {"AlreadyAnswered", "DeclineAfterAnswer"}
    else:
        assert Answer.objects.count() == 0 and invitation.declined_at is not None
        assert set(outcomes) - {"declined"} == {"AlreadyDeclined"}
