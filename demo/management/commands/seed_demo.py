from django.core.management.base import BaseCommand

from demo import city
from jobs import queue
from organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Create the demo city of Kullahamn with its organisations, users and records. "
        "Safe to run again: existing demo records are kept, nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has organisations.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The database already has organisations; no demo data added.")
            return
        # Jobs the seeding causes (index writes, file texts, e-mails) run right here, so
        # the demo is complete, and searchable, when the command ends.
        with queue.inline():
            city.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Users (password: demo):"))
        self.stdout.write("  admin, samordnare, tjansteperson, forening, utomstaende")
