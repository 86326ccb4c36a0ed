from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_module, module_has_submodule

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
        # Each app may ship a `demo` module with `seed(stdout)`; they run in
        # INSTALLED_APPS order so agreements can build on organisations, and so on.
        # Jobs the seeding causes (index writes, file texts, e-mails) run right here, so
        # the demo is complete, and searchable, when the command ends.
        with queue.inline():
            for config in apps.get_app_configs():
                if module_has_submodule(config.module, "demo"):
                    self.stdout.write(f"Seeding {config.label}…")
                    with transaction.atomic():
                        import_module(f"{config.name}.demo").seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Users (password: demo):"))
        self.stdout.write("  admin, samordnare, tjansteperson, forening, utomstaende")
