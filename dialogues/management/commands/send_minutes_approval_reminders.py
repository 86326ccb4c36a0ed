from django.core.management.base import BaseCommand

from dialogues.notifications import send_minutes_approval_reminders


class Command(BaseCommand):
    help = (
        "Remind the approvers of minutes two days before their deadline and once it has passed "
        "(run daily). Each e-mail is sent once, however often it runs."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Sent: {send_minutes_approval_reminders()}")
