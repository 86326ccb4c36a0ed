from django.core.management.base import BaseCommand
from django.db import transaction

from webhooks.models import Subscription


class Command(BaseCommand):
    help = (
        "Encrypt every webhook secret again with the first of WEBHOOKS_SECRET_KEYS "
        "(after putting a new key first); then the old key may be dropped."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            subscriptions = Subscription.objects.select_for_update().only("pk", "secret")
            for subscription in subscriptions:
                subscription.save(update_fields=["secret"])  # read with any key
        self.stdout.write(f"{len(subscriptions)} secrets encrypted with the first key.")
