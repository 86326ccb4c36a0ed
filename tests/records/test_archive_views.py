"""Export to the e-archive at /register/cases/<pk>/archive/: coordinators of the case build a
package of a closed case and download it; a case still open is refused with a message; for
everyone else the pages do not exist."""

import pytest

from records.archive.validation import check_package
from records.exceptions import CaseStillOpen
from records.models import ArchivePackage, Case
from tests.consultation.factories import publish
from tests.dialogues.factories import make_forum

OTHERS = ["outsider", "member", "association_coordinator", "staff"]


@pytest.fixture
def package(case, coordinator):
    return ArchivePackage.request(case, by=coordinator)


def test_a_coordinator_builds_the_package_of_an_adopted_agreement_and_downloads_it(
    client, case, coordinator
):
    client.force_login(coordinator)

    built = client.post(f"/register/cases/{case.pk}/archive/")
    package = ArchivePackage.objects.get(case=case)
    page = client.get(f"/register/cases/{case.pk}/archive/").content.decode()
    download = client.get(f"/register/packages/{package.pk}/download/")

    assert built.status_code == 302
    assert package.state == ArchivePackage.State.READY
    assert f"/register/packages/{package.pk}/download/" in page and package.sha256 in page
    content = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/zip"
    assert package.filename in download["Content-Disposition"]
    check_package(content)
    assert len(content) == package.size


def test_the_export_of_a_case_still_open_is_refused_with_a_clear_message(
    client, agreement, coordinator, told
):
    with told():
        publish(agreement, by=coordinator)
    case = Case.of_agreement(agreement)
    client.force_login(coordinator)

    response = client.post(f"/register/cases/{case.pk}/archive/", follow=True)

    assert "Ärendet är inte avslutat" in response.content.decode()
    assert not ArchivePackage.objects.exists()


def test_a_forums_own_case_is_open_until_the_forum_closes(municipality, association, coordinator):
    forum = make_forum(municipality, members=[association], name="Trygghetsrådet")
    case = Case.of_forum(forum)

    with pytest.raises(CaseStillOpen):
        ArchivePackage.request(case, by=coordinator)
    forum.close(by=coordinator)
    package = ArchivePackage.request(Case.objects.get(pk=case.pk), by=coordinator)

    package.refresh_from_db()
    assert package.state == ArchivePackage.State.READY


@pytest.mark.parametrize("role", OTHERS)
def test_the_pages_do_not_exist_for_others(client, request, role, case, package):
    client.force_login(request.getfixturevalue(role))

    page = client.get(f"/register/cases/{case.pk}/archive/")
    built = client.post(f"/register/cases/{case.pk}/archive/")
    download = client.get(f"/register/packages/{package.pk}/download/")

    assert (page.status_code, built.status_code, download.status_code) == (404, 404, 404)
    assert ArchivePackage.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, case, package):
    page = client.get(f"/register/cases/{case.pk}/archive/")
    download = client.get(f"/register/packages/{package.pk}/download/")

    assert page.status_code == download.status_code == 302
    assert "login" in page["Location"] and "login" in download["Location"]


def test_a_package_is_kept_once_however_often_the_job_finishes(package):
    package.refresh_from_db()
    first = (package.file.name, package.sha256)
    files = sorted(package.file.storage.listdir("archive")[1])

    package.finish(b"another zip")
    package.refresh_from_db()

    assert (package.file.name, package.sha256) == first
    assert sorted(package.file.storage.listdir("archive")[1]) == files


def test_the_page_makes_a_constant_number_of_queries(
    client, case, coordinator, django_assert_max_num_queries
):
    for _ in range(3):
        ArchivePackage.request(case, by=coordinator)
    client.force_login(coordinator)

    with django_assert_max_num_queries(12):
        response = client.get(f"/register/cases/{case.pk}/archive/")

    assert response.content.decode().count("/download/") == 3
