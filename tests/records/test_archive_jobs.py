"""A package is built by one job per document (printing its PDF/A into storage) and a last
job that assembles and validates it once every document is printed: the package is the same
as one built in one go; a document that fails to print shows on the case's page and can be
printed again; twenty clicks on "Build" start one build."""

import io
import zipfile
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone
from django_q.models import OrmQ

from records.archive import documents
from records.archive import package as sip
from records.archive.validation import all_listed_files, check_package
from records.models import ArchivePackage, ArchivePart, Case
from records.models.archive import print_part
from tests.dialogues.factories import make_forum
from tests.records.test_concurrency import THREADS, run_at_once


def _listing(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    root = archive.namelist()[0].split("/", 1)[0]
    names = {name.removeprefix(f"{root}/") for name in archive.namelist()}
    return names, sorted(path for path, _, _ in all_listed_files(archive, root))


@pytest.fixture
def failing(monkeypatch):
    """Make the printing of one document fail (its number), and count the prints."""
    real, state = documents.render, SimpleNamespace(numbers=set(), calls=[])

    def render(document):
        state.calls.append(document.number)
        if document.number in state.numbers:
            raise RuntimeError("the font is missing")
        return real(document)

    monkeypatch.setattr(documents, "render", render)
    return state


def test_the_package_built_document_by_document_equals_the_one_built_in_one_go(case, coordinator):
    in_one_go = sip.build(case, "uuid-test")

    package = ArchivePackage.request(case, by=coordinator)

    package.refresh_from_db()
    assert package.state == ArchivePackage.State.READY
    content = package.file.read()
    check_package(content)
    check_package(in_one_go)
    assert _listing(content) == _listing(in_one_go)
    assert package.parts.count() == case.documents.count() + 1  # and the case's summary
    assert not package.parts.exclude(file="").exists()  # the printed files are cleared away


def test_a_document_that_fails_to_print_shows_and_is_tried_again(
    client, case, coordinator, failing
):
    document = case.documents.order_by("sequence").last()
    failing.numbers.add(document.number)
    total = case.documents.count()

    package = ArchivePackage.request(case, by=coordinator)
    client.force_login(coordinator)
    page = client.get(f"/register/cases/{case.pk}/archive/").content.decode()

    package.refresh_from_db()
    part = package.parts.get(document=document)
    assert package.state == ArchivePackage.State.BUILDING
    assert (part.state, part.attempts) == (ArchivePart.State.WAITING, 1)
    assert f"{total - 1} av {total} handlingar klara" in page
    assert document.number in page and "the font is missing" in page
    assert "Skriv ut de återstående handlingarna igen" not in page  # the queue tries again

    failing.numbers.clear()
    print_part(part.pk)  # the queue's next try

    package.refresh_from_db()
    assert package.state == ArchivePackage.State.READY
    check_package(package.file.read())


def test_a_document_that_never_prints_fails_the_package_until_a_coordinator_retries(
    client, case, coordinator, failing, settings
):
    settings.JOBS_MAX_ATTEMPTS = 1
    document = case.documents.order_by("sequence").first()
    failing.numbers.add(document.number)
    package = ArchivePackage.request(case, by=coordinator)
    client.force_login(coordinator)

    page = client.get(f"/register/cases/{case.pk}/archive/").content.decode()

    package.refresh_from_db()
    assert package.state == ArchivePackage.State.FAILED
    assert document.number in package.error and "the font is missing" in package.error
    assert "Misslyckades" in page and "Skriv ut de återstående handlingarna igen" in page
    assert "/download/" not in page

    failing.numbers.clear()
    failing.calls.clear()
    retried = client.post(f"/register/packages/{package.pk}/retry/", follow=True)

    package.refresh_from_db()
    assert retried.status_code == 200
    assert package.state == ArchivePackage.State.READY
    assert failing.calls == [document.number]  # only what was left to print
    check_package(package.file.read())
    again = client.post(f"/register/packages/{package.pk}/retry/", follow=True)
    assert "kan inte försökas igen" in again.content.decode()


def test_a_ready_package_cannot_be_retried_by_others(client, case, coordinator, outsider):
    package = ArchivePackage.request(case, by=coordinator)
    client.force_login(outsider)

    response = client.post(f"/register/packages/{package.pk}/retry/")

    assert response.status_code == 404


def test_a_second_build_while_one_is_running_is_refused_with_a_clear_message(
    client, case, coordinator, settings
):
    settings.JOBS_EAGER = False  # the jobs wait for a worker
    client.force_login(coordinator)
    client.post(f"/register/cases/{case.pk}/archive/")

    response = client.post(f"/register/cases/{case.pk}/archive/", follow=True)

    page = response.content.decode()
    assert "byggs redan" in page
    assert ArchivePackage.objects.count() == 1
    assert f"0 av {case.documents.count()} handlingar klara" in page


@pytest.mark.django_db(transaction=True)
def test_twenty_clicks_on_build_at_once_start_one_build(
    municipality, association, coordinator, settings
):
    settings.JOBS_EAGER = False  # the jobs wait for a worker
    forum = make_forum(municipality, members=[association], name="Trygghetsrådet")
    forum.close(by=coordinator)
    case = Case.of_forum(forum)
    clients = []
    for _ in range(THREADS):
        clients.append(Client())
        clients[-1].force_login(coordinator)

    def click(browser):
        return browser.post(f"/register/cases/{case.pk}/archive/").status_code

    outcomes = run_at_once(click, [(browser,) for browser in clients])

    assert outcomes == [302] * THREADS
    package = ArchivePackage.objects.get()
    printing = [job for job in OrmQ.objects.all() if "print_part" in job.task["name"]]
    assert len(printing) == package.parts.count() >= 1


def test_a_build_that_stalled_can_be_tried_again_once(client, case, coordinator, settings):
    settings.JOBS_EAGER = False  # the print jobs are queued, and (say) lost to a timeout
    package = ArchivePackage.request(case, by=coordinator)
    client.force_login(coordinator)
    too_soon = client.post(f"/register/packages/{package.pk}/retry/", follow=True)
    assert "kan inte försökas igen" in too_soon.content.decode()

    an_hour_ago = timezone.now() - timedelta(hours=1)
    ArchivePackage.objects.filter(pk=package.pk).update(progress_at=an_hour_ago)
    page = client.get(f"/register/cases/{case.pk}/archive/").content.decode()
    settings.JOBS_EAGER = True
    client.post(f"/register/packages/{package.pk}/retry/")

    package.refresh_from_db()
    assert "Skriv ut de återstående handlingarna igen" in page
    assert package.state == ArchivePackage.State.READY
    check_package(package.file.read())
