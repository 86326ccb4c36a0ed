"""Downloads for the political decision: the agreement as PDF and DOCX (agreements/exports.py),
by the agreement's view rule; other readers get 404. The consultation report's downloads are
in consultation/views/exports.py."""

from django.contrib.auth.decorators import login_not_required

from agreements import exports
from agreements.views.pages import printed_revision
from exports.responses import file_download


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
