"""Export of a case to the e-archive: the case's packages and the request for a new one,
and the download of a built package. For the coordinators who manage the case; 404 else."""

from collections import defaultdict

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attachments.serving import content_disposition
from records.exceptions import RecordsError
from records.models import ArchivePackage, ArchivePart, Case
from records.permissions import can_manage_case


def _managed_case(user, pk):
    case = get_object_or_404(Case.objects.select_related("agreement", "forum"), pk=pk)
    if not can_manage_case(user, case):
        raise Http404
    return case


def case_archive(request, pk):
    case = _managed_case(request.user, pk)
    if request.method == "POST":
        try:
            ArchivePackage.request(case, by=request.user)
        except RecordsError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _(
                    "The package is being built, one document at a time. Its progress is "
                    "shown here; reload the page to follow it."
                ),
            )
        return redirect("records:archive", pk=case.pk)
    packages = list(case.packages.with_progress().select_related("requested_by")[:50])
    _add_problems(packages)
    return render(request, "records/archive.html", {"case": case, "packages": packages})


def _add_problems(packages):
    """Each unfinished package's files that failed to print, with their errors, and whether a
    coordinator may try it again (one query for them all)."""
    unfinished = [p for p in packages if p.state != ArchivePackage.State.READY]
    problems = defaultdict(list)
    failing = ArchivePart.objects.filter(package__in=unfinished).exclude(error="")
    for part in failing.select_related("document").order_by("pk"):
        problems[part.package_id].append(part)
    for package in packages:
        package.problems = problems[package.pk]
        pending = package.documents_done < package.documents_total or any(
            part.state != ArchivePart.State.DONE for part in package.problems
        )
        stalled = package.state == ArchivePackage.State.BUILDING and package.can_retry()
        package.retriable = stalled or (package.state == ArchivePackage.State.FAILED and pending)


@require_POST
def retry(request, pk):
    package = get_object_or_404(ArchivePackage.objects.select_related("case"), pk=pk)
    if not can_manage_case(request.user, package.case):
        raise Http404
    try:
        package.retry()
    except RecordsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The documents left to print are being printed again."))
    return redirect("records:archive", pk=package.case_id)


def download(request, pk):
    package = get_object_or_404(
        ArchivePackage.objects.select_related("case"), pk=pk, state=ArchivePackage.State.READY
    )
    if not can_manage_case(request.user, package.case):
        raise Http404
    response = FileResponse(package.file.open("rb"), content_type="application/zip")
    response["Content-Length"] = str(package.size)
    response["Content-Disposition"] = content_disposition(package.filename)
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response
