from django.core.management import call_command
from django.core.management.base import BaseCommand

from jobs import queue


class Command(BaseCommand):
    help = (
        "Run a job worker (django-q2's cluster) after bringing the schedules in line with "
        "the JOBS_SCHEDULE settings. Run as many as you like, on as many machines: they "
        "share the queue in the database, and each scheduled job runs once."
    )

    def handle(self, *args, **options):
        queue.sync_schedules()
        call_command("qcluster")
