"""make_x(**overrides) helpers for agreements."""

import itertools
from datetime import timedelta

from django.utils import timezone

from agreements.models import Agreement, Party
from organisations.models import Organisation
from tests.factories import make_organisation, make_user

_numbers = itertools.count(1)

TEXT = """Kullahamns stad och föreningslivet samverkar.

# 1 Inledning
Denna överenskommelse gäller samverkan mellan staden och föreningslivet.

# 2 Principer
Parterna utgår från de sex principerna.

## 2.1 Dialog
Parterna för en öppen dialog.

# 3 Åtaganden
Staden åtar sig att bjuda in till dialog två gånger om året.
"""


def make_municipality(**overrides):
    return make_organisation(
        **{"name": f"Stad {next(_numbers)}", "kind": Organisation.Kind.MUNICIPALITY, **overrides}
    )


def make_agreement(municipality=None, by=None, body=TEXT, **overrides):
    """A new agreement in draft; `body` is its working draft's text."""
    number = next(_numbers)
    municipality = municipality or make_municipality()
    by = by or make_user()
    values = {"title": f"Lokal överenskommelse {number}", "slug": f"lo-{number}", **overrides}
    return Agreement.create(municipality=municipality, by=by, body=body, **values)


def closes_in(days=30):
    return timezone.now() + timedelta(days=days)


def make_party(agreement, organisation=None, role=Party.Role.SIGNATORY, **overrides):
    organisation = organisation or make_organisation()
    return agreement.add_party(organisation, role, by=overrides.pop("by", None), **overrides)


def edit_draft(agreement, body, by=None, title=None):
    draft = agreement.revisions.drafts().get()
    return draft.save_text(
        title=title or draft.title,
        body=body,
        change_summary="",
        base_version=draft.version,
        by=by,
    )


def publish(agreement, by=None, body=None, days=30):
    """Publish the working draft (after replacing its text with `body`) as the next revision."""
    if body is not None:
        edit_draft(agreement, body, by=by)
    return agreement.open_consultation(closes_at=closes_in(days), by=by)


def consult(agreement, by=None, body=None):
    """Publish and close the consultation: one full round; returns the revision."""
    revision = publish(agreement, by=by, body=body)
    agreement.close_consultation(by=by)
    return revision


def adopt(agreement, revision, by=None, number="KS 2024/0412"):
    return agreement.adopt(
        revision,
        body="Kommunfullmäktige",
        decided_on=timezone.localdate(),
        registration_number=number,
        minute_reference="§ 142",
        by=by,
    )


def make_revisions(agreement, count, by=None):
    """`count` consulted revisions, each a small edit of the previous one."""
    revisions = []
    for index in range(count):
        if index:
            agreement.start_draft(by=by)
        revisions.append(consult(agreement, by=by, body=TEXT + f"\nÄndring nummer {index}.\n"))
    return revisions
