"""Downloads for the political decision: the agreement and the consultation report as PDF
and DOCX (agreements/exports.py). Each asks the rule of the record it exports: the
agreement's view rule, the report's `can_view_report`; other readers get 404."""

from django.contrib.auth.decorators import login_not_required

from agreements import exports
from agreements.views.pages import printed_revision
from consultation import permissions as rules
from exports.responses import file_download


def _report(request, slug, number, extension):
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_view_report)
    with_names = rules.report_shows_names(request.user, revision)
    content, content_type = exports.report(revision, extension, with_names, request=request)
    return file_download(content, exports.report_filename(revision, extension), content_type)


@login_not_required
def report_pdf(request, slug, number):
    return _report(request, slug, number, "pdf")


@login_not_required
def report_docx(request, slug, number):
    return _report(request, slug, number, "docx")


def _agreement(request, slug, extension):
    agreement, revision = printed_revision(request, slug)
    content, content_type = exports.agreement(agreement, revision, extension, request=request)
    return file_download(content, exports.agreement_filename(revision, extension), content_type)


@login_not_required
def agreement_pdf(request, slug):
    return _agreement(request, slug, "pdf")


@login_not_required
def agreement_docx(request, slug):
    return _agreement(request, slug, "docx")
