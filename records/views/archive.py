"""Export of a case to the e-archive: the case's packages and the request for a new one,
and the download of a built package. For the coordinators who manage the case; 404 else."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from attachments.serving import content_disposition
from records.exceptions import RecordsError
from records.models import ArchivePackage, Case
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
                request, _("The package is being built. It is listed here when it is ready.")
            )
        return redirect("records:archive", pk=case.pk)
    packages = case.packages.select_related("requested_by")[:50]
    return render(request, "records/archive.html", {"case": case, "packages": packages})


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
