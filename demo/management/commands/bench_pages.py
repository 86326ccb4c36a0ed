"""Requests per second of the agreement page and the consultation page (500 comments), side
by side with the accessibility statement, a plain page of the same site, in one run.

Everything is built inside a transaction that is rolled back, so the database is untouched.
The last line reads
`pages plain_rps=… agreement_rps=… consultation_rps=… agreement_ratio=… consultation_ratio=…`.
The machine's load average is printed with the figures: compare runs on a quiet machine only.
"""

import os
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from agreements.models import Agreement, Revision
from demo.management.commands.benchmark_consultation import Command as Consultation

SECTIONS = 40
TEXT = "\n\n".join(
    f"# {n} Avsnitt {n}\n"
    + " ".join(f"Mening {i} i avsnitt {n} om **samverkan** och dialog." for i in range(30))
    + "\n\n- en punkt\n- en punkt till"
    for n in range(1, SECTIONS + 1)
)


class Command(BaseCommand):
    help = "Requests per second of the agreement and consultation pages beside a plain page."

    def add_arguments(self, parser):
        parser.add_argument("--comments", type=int, default=500)
        parser.add_argument("--seconds", type=float, default=2.0, help="per page and round")
        parser.add_argument("--rounds", type=int, default=3)

    @override_settings(ALLOWED_HOSTS=["*"], DEBUG=False)
    def handle(self, *args, comments, seconds, rounds, **options):
        self.stdout.write(f"load average before: {load()}")
        with transaction.atomic():
            user, revision = self._build(comments)
            client = Client()
            client.force_login(user)
            slug, number = revision.agreement.slug, revision.number
            pages = {
                "plain": "/accessibility/",
                "agreement": f"/agreements/{slug}/",
                "consultation": f"/agreements/{slug}/revisions/{number}/consultation/",
            }
            rps = self._measure(client, pages, seconds, rounds)
            transaction.set_rollback(True)
        self.stdout.write(f"load average after: {load()}")
        plain = rps["plain"]
        self.stdout.write(
            f"pages plain_rps={plain:.1f} agreement_rps={rps['agreement']:.1f} "
            f"consultation_rps={rps['consultation']:.1f} "
            f"agreement_ratio={rps['agreement'] / plain:.2f} "
            f"consultation_ratio={rps['consultation'] / plain:.2f}"
        )

    def _measure(self, client, pages, seconds, rounds):
        """Rounds of each page in turn, so a change in the machine's load hits all three."""
        counts, spent = dict.fromkeys(pages, 0), dict.fromkeys(pages, 0.0)
        for url in pages.values():  # warm up: first renders, caches, template loading
            assert client.get(url).status_code == 200, url
        for _ in range(rounds):
            for name, url in pages.items():
                start = time.perf_counter()
                while time.perf_counter() - start < seconds:
                    client.get(url)
                    counts[name] += 1
                spent[name] += time.perf_counter() - start
        for name in pages:
            self.stdout.write(f"{pages[name]}: {counts[name]} requests")
        return {name: counts[name] / spent[name] for name in pages}

    def _build(self, comments):
        """The consultation benchmark's revision with `comments` comments, made the second
        revision of an agreement in force with a 40-section text, under review."""
        user, first = Consultation()._build(0)
        agreement = first.agreement
        Revision.objects.filter(pk=first.pk).delete()
        agreement.revisions.create(title=agreement.title, body=TEXT, created_by=user)
        agreement.status = Agreement.Status.DRAFT
        agreement.save(update_fields=["status"])
        soon = timezone.now() + timedelta(days=60)
        adopted = agreement.open_consultation(closes_at=soon, by=user)
        agreement.close_consultation(by=user)
        agreement.adopt(
            adopted,
            body="Kommunfullmäktige",
            decided_on=timezone.localdate(),
            registration_number="KS 2026/0001",
            minute_reference="§ 1",
            by=user,
        )
        agreement.change_status(Agreement.Status.IN_FORCE, by=user)
        agreement.start_draft(by=user)
        revision = agreement.open_consultation(closes_at=soon, by=user, start_review=True)
        Consultation()._comment(user, revision, comments)
        return user, revision


def load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
