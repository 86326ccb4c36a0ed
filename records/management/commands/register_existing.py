from django.core.management.base import BaseCommand

from records.official import register_existing


class Command(BaseCommand):
    help = (
        "Register the official documents that are not in the register yet (made before the "
        "records app was installed), oldest first. Safe to run again."
    )

    def handle(self, *args, **options):
        added = register_existing()
        self.stdout.write(f"{added} documents registered.")
