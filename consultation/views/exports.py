"""The consultation report as PDF and DOCX for the political decision. The report's rule
(`can_view_report`) decides who may download it; names of persons only where
`report_shows_names`. A large report comes from the job queue (consultation/exports.py)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from agreements import exports
from consultation import exports as stored
from consultation import permissions as rules
from exports.responses import file_download


def _report(request, slug, number, extension):
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_view_report)
    with_names = rules.report_shows_names(request.user, revision)
    filename = exports.report_filename(revision, extension)
    count, digest = stored.state_of(revision)
    if not stored.is_large(count):
        content, content_type = exports.report(revision, extension, with_names, request=request)
        return file_download(content, filename, content_type)
    content = stored.stored_or_queued(revision, digest, extension, with_names)
    if content is None:
        context = {"revision": revision, "agreement": revision.agreement, "count": count}
        response = render(request, "consultation/report_preparing.html", context, status=202)
        response["Retry-After"] = "10"
        return response
    return file_download(content, filename, exports.CONTENT_TYPES[extension])


@login_not_required
def report_pdf(request, slug, number):
    return _report(request, slug, number, "pdf")


@login_not_required
def report_docx(request, slug, number):
    return _report(request, slug, number, "docx")
