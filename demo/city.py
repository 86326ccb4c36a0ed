"""The demo city, seeded area by area: each module's `seed(stdout)` builds on the ones before
it (agreements on organisations, forums on agreements, and so on)."""

from django.db import transaction
from django.utils.module_loading import import_module

AREAS = ("organisations", "agreements", "dialogues", "followup", "attachments", "records")


def seed(stdout):
    """Seed every area, each in a transaction of its own; safe to run again."""
    for area in AREAS:
        stdout.write(f"Seeding {area}…")
        with transaction.atomic():
            import_module(f"demo.{area}").seed(stdout)
