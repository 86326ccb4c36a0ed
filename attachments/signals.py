"""Signals for the apps that follow attachments, such as search.

Both are sent after the database transaction has committed, so a receiver may
read the attachment (or, for removal, its last state) and index it at once.

- `attachment_changed(sender=Attachment, attachment)`: the text was extracted
  (`attachment.extraction_status`, `attachment.extracted_text`) or the file
  was marked superseded.
- `attachment_removed(sender=Attachment, attachment_id, attachment)`: the file is
  gone; `attachment` is the deleted instance, its `content_type` and
  `object_id` still name the record it belonged to.
"""

from django.dispatch import Signal

attachment_changed = Signal()
attachment_removed = Signal()
