"""Twenty coordinators decide the same application at once: one wins, the others are told.

Threads each open their own database connection; the row lock on the application makes them
take turns on PostgreSQL, and on SQLite every transaction takes the write lock when it begins.
"""

import threading

import pytest
from django.db import connections

from agreements.models import Party
from organisations.applications import ApplicationError
from organisations.models import Application, Invitation, Membership, Organisation
from tests.factories import make_user
from tests.organisations.conftest import make_application

pytestmark = [pytest.mark.django_db(transaction=True)]

THREADS = 20


def decide(application_id, user_id, decision, barrier, outcomes):
    from django.contrib.auth import get_user_model

    try:
        application = Application.objects.get(pk=application_id)
        user = get_user_model().objects.get(pk=user_id)
        barrier.wait()
        try:
            if decision == "approve":
                application.approve(by=user)
            else:
                application.refuse(reason="Nej.", by=user)
            outcomes.append("won")
        except ApplicationError as error:
            outcomes.append(type(error).__name__)
    finally:
        connections.close_all()


def test_twenty_coordinators_approving_at_once_make_one_party_and_one_invitation(
    open_agreement, municipality
):
    application = make_application(open_agreement)
    coordinators = [
        make_user(f"samordnare{n}", municipality, Membership.Role.COORDINATOR)
        for n in range(THREADS)
    ]
    barrier, outcomes = threading.Barrier(THREADS), []
    threads = [
        threading.Thread(
            target=decide,
            args=(application.pk, user.pk, "approve" if n % 2 else "refuse", barrier, outcomes),
        )
        for n, user in enumerate(coordinators)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    application.refresh_from_db()
    assert outcomes.count("won") == 1
    assert len(outcomes) == THREADS
    assert set(outcomes) - {"won"} == {"AlreadyDecided"}
    approved = application.status == Application.Status.APPROVED
    assert Invitation.objects.count() == (1 if approved else 0)
    number = application.organisation_number
    assert Organisation.objects.filter(organisation_number=number).count() == (1 if approved else 0)
    assert Party.objects.filter(organisation__organisation_number=number).count() == (
        1 if approved else 0
    )
