from django.core.management.base import BaseCommand

from consultation.notifications import send_closing_reminders


class Command(BaseCommand):
    help = (
        "E-mail party members about consultations closing within three days. "
        "Run it daily (e.g. from cron); each person gets each reminder once."
    )

    def handle(self, *args, **options):
        sent = send_closing_reminders()
        self.stdout.write(f"Reminders sent: {sent}")
