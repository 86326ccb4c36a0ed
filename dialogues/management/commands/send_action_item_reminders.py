from django.core.management.base import BaseCommand

from dialogues.notifications import send_action_item_reminders


class Command(BaseCommand):
    help = (
        "Remind owners of action items a week before the due date and once they are overdue "
        "(run daily). Each e-mail is sent once, however often it runs."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Sent: {send_action_item_reminders()}")
