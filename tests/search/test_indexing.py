"""Saving, changing and deleting records through the ORM keeps the index equal to the database.

These tests commit for real (transaction=True), so on_commit callbacks run as in production.
"""

import pytest
from django.db import transaction

from organisations import permissions
from search import indexing
from tests.factories import make_organisation, make_user
from tests.search.helpers import indexed_ids, titles

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_new_organisation_is_found_once_saved():
    make_organisation(name="Kullahamns Kanotklubb", description="Paddling i hamnen.")

    assert titles(None, "kanotklubb") == ["Kullahamns Kanotklubb"]


def test_a_changed_organisation_is_found_by_its_new_words_only():
    club = make_organisation(name="Kullahamns Kanotklubb", description="Paddling i hamnen.")

    club.description = "Segling och rodd för ungdomar."
    club.save()

    assert titles(None, "segling") == ["Kullahamns Kanotklubb"]
    assert titles(None, "paddling") == []


def test_a_deleted_organisation_leaves_the_index():
    club = make_organisation(name="Kullahamns Kanotklubb")
    pk = club.pk

    club.delete()

    assert titles(None, "kanotklubb") == []
    assert not any(
        doc_id.startswith(f"organisations.organisation:{pk}#") for doc_id in indexed_ids()
    )


def test_a_rolled_back_transaction_leaves_the_index_untouched():
    make_organisation(name="Kullahamns Kanotklubb")
    before = indexed_ids()

    with pytest.raises(RuntimeError), transaction.atomic():
        make_organisation(name="Kullahamns Seglarförening")
        club = make_organisation(name="Hamnens Roddklubb")
        club.delete()
        raise RuntimeError("the request failed")

    assert indexed_ids() == before
    assert titles(None, "seglarförening") == []


def test_a_rolled_back_deletion_keeps_the_record_searchable():
    club = make_organisation(name="Kullahamns Kanotklubb")

    with pytest.raises(RuntimeError), transaction.atomic():
        club.delete()
        raise RuntimeError("the request failed")
    make_organisation(name="Hamnens Roddklubb")  # the next commit flushes what is pending

    assert titles(None, "kanotklubb") == ["Kullahamns Kanotklubb"]


def test_nothing_is_written_before_the_transaction_commits():
    with transaction.atomic():
        make_organisation(name="Kullahamns Kanotklubb")

        assert titles(None, "kanotklubb") == []

    assert titles(None, "kanotklubb") == ["Kullahamns Kanotklubb"]


def test_a_deactivated_organisation_is_no_longer_public():
    club = make_organisation(name="Kullahamns Kanotklubb")

    club.is_active = False
    club.save()

    assert titles(None, "kanotklubb") == []


def test_a_change_of_grants_reindexes_the_record(private_organisations):
    club = make_organisation(name="Kullahamns Kanotklubb")
    rower = make_user("roddare", make_organisation(name="Hamnens Roddklubb"))
    assert titles(rower, "kanotklubb") == []

    permissions.grant_exactly(
        "organisations.view_members", club, permissions.groups_for([club, *rower_orgs(rower)])
    )

    assert titles(rower, "kanotklubb") == ["Kullahamns Kanotklubb"]


def test_grant_exactly_sends_grants_changed_only_when_something_changes(private_organisations):
    club = make_organisation(name="Kullahamns Kanotklubb")
    received = []
    permissions.grants_changed.connect(lambda **kwargs: received.append(kwargs["obj"]), weak=False)
    try:
        permissions.sync_organisation_permissions(club)  # already as computed on creation
        unchanged = list(received)
        permissions.grant_exactly("organisations.view_members", club, [])
    finally:
        permissions.grants_changed.receivers.pop()

    assert unchanged == []
    assert received == [club]


def test_an_index_failure_never_breaks_the_save(monkeypatch, caplog):
    def broken(adapter, pks):
        raise OSError("disk full")

    monkeypatch.setattr(indexing, "_sync_type", broken)

    club = make_organisation(name="Kullahamns Kanotklubb")

    assert club.pk is not None
    assert "job search.indexing.sync" in caplog.text
    assert "OSError: disk full" in caplog.text


def rower_orgs(user):
    return [m.organisation for m in user.memberships.select_related("organisation")]
