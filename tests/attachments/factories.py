from django.core.files.uploadedfile import SimpleUploadedFile

from attachments import filetypes
from attachments.models import Attachment
from tests.attachments import files


def make_attachment(parent, name="Protokoll.pdf", content=None, by=None, **overrides):
    """An attachment stored through the same checks as an upload (its text read by the job)."""
    upload = SimpleUploadedFile(name, files.pdf() if content is None else content)
    attachment = Attachment.create_from_upload(
        parent, upload, filetypes.check_upload(upload), by=by, **overrides
    )
    return attachment
