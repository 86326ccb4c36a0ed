"""The follow-up's lines on the agreement's timeline (agreements.Event).

Every verb of the follow-up writes one line in its own transaction: the plan adopted, a
commitment added or edited, a status change, an indicator value, a follow-up opened, a
report submitted, a survey answered and a report published. Details hold names and numbers
(not translated text), so each reader sees the line in their own language. A line about a
draft plan or an open follow-up is `restricted` to those who read the agreement by
permission. A survey answer names no organisation and no person: the survey is shown only in
aggregate.
"""

from agreements.models import Event

Kind = Event.Kind


def log(agreement, kind, *, by, restricted=False, **details):
    return agreement.events.create(kind=kind, actor=by, restricted=restricted, details=details)


def about_commitment(commitment, kind, *, by, **details):
    plan = commitment.plan
    return log(
        plan.agreement,
        kind,
        by=by,
        restricted=not plan.is_adopted,
        subject=str(commitment),
        url=commitment.get_absolute_url(),
        **details,
    )


def about_round(round, kind, *, by, restricted=True, **details):
    return log(
        round.plan.agreement,
        kind,
        by=by,
        restricted=restricted,
        subject=round.plan.title,
        year=round.year,
        url=round.get_absolute_url(),
        **details,
    )
