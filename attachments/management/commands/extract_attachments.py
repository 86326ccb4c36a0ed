import time

from django.core.management.base import BaseCommand

from attachments.models import Attachment


class Command(BaseCommand):
    help = (
        "Read the text of attachments that have not been read or whose reading failed "
        "(all attachments with --all), and print how long it took."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every attachment again.")

    def handle(self, *args, all=False, **options):
        attachments = Attachment.objects.order_by("pk")
        if not all:
            attachments = attachments.filter(
                extraction_status__in=[Attachment.Extraction.PENDING, Attachment.Extraction.FAILED]
            )
        started = time.monotonic()
        counts = {}
        for attachment in attachments.iterator():
            attachment.extract_text()
            counts[attachment.extraction_status] = counts.get(attachment.extraction_status, 0) + 1
            if attachment.extraction_status == Attachment.Extraction.FAILED:
                self.stdout.write(f"  {attachment.pk} {attachment}: {attachment.extraction_error}")
        elapsed = time.monotonic() - started
        total = sum(counts.values())
        summary = ", ".join(f"{status} {count}" for status, count in sorted(counts.items()))
        self.stdout.write(
            f"{total} attachments read in {elapsed:.1f} s"
            + (f" ({elapsed / total * 1000:.0f} ms each): {summary}" if total else "")
        )
