"""The import's jobs: applying a register's rows, and the paced invitations afterwards."""

from django.db import transaction
from django.utils import timezone

from imports import planning
from imports.models import RegisterImport
from jobs import queue
from organisations.applications import unique_slug
from organisations.invitations import Invitation
from organisations.models import Membership, Organisation

INVITATIONS_PER_BATCH = 50
SECONDS_BETWEEN_BATCHES = 60


def run_import(import_id):
    """Plan the rows again and apply them in one transaction: all of the file or nothing."""
    with transaction.atomic():
        register = RegisterImport.objects.select_for_update().get(pk=import_id)
        if register.status != RegisterImport.Status.QUEUED:
            return  # a job may run twice; the first run did the work
        steps = planning.plan(register.rows)
        for step in steps:
            _apply(step)
        register.result, register.status = steps, RegisterImport.Status.DONE
        register.finished_at = timezone.now()
        register.save(update_fields=["result", "status", "finished_at"])


def _apply(step):
    values = step.get("values")
    if step["action"] == planning.CREATE:
        Organisation.objects.create(
            slug=unique_slug(values["name"]), kind=Organisation.Kind.ASSOCIATION, **values
        )
    elif step["action"] == planning.UPDATE:
        organisation = (
            Organisation.objects.filter(organisation_number=values["organisation_number"])
            .order_by("pk")
            .first()
        )
        for field in step["changes"]:
            setattr(organisation, field, values[field])
        organisation.save(update_fields=step["changes"])


def send_invitations(import_id, offset):
    """Invite the next batch of imported organisations that have no members and were never
    invited; the following batch waits SECONDS_BETWEEN_BATCHES, so a thousand e-mails do not
    leave at once. Running a batch twice invites nobody twice."""
    register = RegisterImport.objects.get(pk=import_id)
    numbers = [
        step["values"]["organisation_number"]
        for step in register.result
        if step["action"] != planning.REFUSED and step["values"]["email"]
    ]
    batch = numbers[offset : offset + INVITATIONS_PER_BATCH]
    uninvited = Organisation.objects.filter(
        organisation_number__in=batch, memberships__isnull=True, invitations__isnull=True
    ).exclude(email="")
    for organisation in uninvited:
        Invitation.issue(
            organisation=organisation,
            email=organisation.email,
            role=Membership.Role.COORDINATOR,
            by=register.created_by,
        )
    if offset + INVITATIONS_PER_BATCH < len(numbers):
        queue.enqueue_later(
            send_invitations,
            import_id,
            offset + INVITATIONS_PER_BATCH,
            seconds=SECONDS_BETWEEN_BATCHES,
            record=register,
        )
