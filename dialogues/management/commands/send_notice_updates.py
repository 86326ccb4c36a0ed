from django.core.management.base import BaseCommand

from dialogues.notifications import send_notice_updates


class Command(BaseCommand):
    help = (
        "Send the updated notice of meetings whose time, place or agenda changed "
        "(run every five minutes). Each e-mail is sent once, however often it runs."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Sent: {send_notice_updates()}")
