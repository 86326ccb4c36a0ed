"""How the content of each type of document is removed on disposal; the register entry stays.

Only consultation responses can be disposed of by Överens so far: their text and quote are
removed, the comment stays in its thread as "disposed of". Other types raise CannotDispose.
"""

from django.utils.translation import gettext as _

from records import exceptions as errors
from records.models import DocumentType


def _comment(comment):
    comment.body = _("[Disposed of under the information management plan.]")
    comment.quote = comment.quote_prefix = comment.quote_suffix = ""
    comment.save(update_fields=["body", "quote", "quote_prefix", "quote_suffix"])


DISPOSERS = {DocumentType.CONSULTATION_RESPONSE: _comment}


def remove_content(document):
    disposer = DISPOSERS.get(document.document_type)
    record = document.record
    if disposer is None:
        raise errors.CannotDispose
    if record is not None:
        disposer(record)
