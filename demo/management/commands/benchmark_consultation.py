"""Print the server time of the consultation pages of a revision with 500 comments.

Everything is built inside a transaction that is rolled back, so the database is untouched.
"""

import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements.models import Agreement, Comment, Disposition, Party, Response
from organisations.models import Membership, Organisation

TEXT = "\n\n".join(
    f"# {n} Avsnitt {n}\n" + " ".join(f"Mening {i} i avsnitt {n} om samverkan." for i in range(40))
    for n in range(1, 21)
)


class Command(BaseCommand):
    help = "Time the consultation page and comment list with 500 comments (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--comments", type=int, default=500)
        parser.add_argument("--runs", type=int, default=5)

    @override_settings(ALLOWED_HOSTS=["*"], DEBUG=False)
    def handle(self, *args, comments, runs, **options):
        with transaction.atomic():
            user, revision = self._build(comments)
            client = Client()
            client.force_login(user)
            base = f"/agreements/{revision.agreement.slug}/revisions/{revision.number}"
            for url in (
                f"{base}/consultation/",
                f"{base}/comments/",
                f"{base}/consultation/report/",
            ):
                self._time(client, url, runs)
            transaction.set_rollback(True)

    def _time(self, client, url, runs):
        timings = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                status = client.get(url).status_code
                timings.append(time.perf_counter() - start)
        self.stdout.write(
            f"{url}: status {status}, {len(queries)} queries, "
            f"best {min(timings) * 1000:.0f} ms, median {sorted(timings)[runs // 2] * 1000:.0f} ms"
        )

    def _build(self, count):
        users = get_user_model().objects
        user = users.create_user("benchmark-consultation", email="b@example.org")
        city = Organisation.objects.create(
            name="Benchmarkstad", slug="benchmarkstad", kind=Organisation.Kind.MUNICIPALITY
        )
        association = Organisation.objects.create(name="Benchmark IF", slug="benchmark-if")
        Membership.objects.create(user=user, organisation=association)
        agreement = Agreement.create(
            municipality=city, title="Benchmark", slug="benchmark-lo", by=user, body=TEXT
        )
        agreement.add_party(association, Party.Role.SIGNATORY, by=user)
        revision = agreement.open_consultation(
            closes_at=timezone.now() + timedelta(days=9), by=user
        )
        self._comment(user, revision, count)
        return user, revision

    def _comment(self, user, revision, count):
        """`count` comments from the user's association on the sections in turn, half answered."""
        association = revision.agreement.parties.exclude(role=Party.Role.MUNICIPALITY).get()
        association = association.organisation
        sections = list(revision.sections.all())
        made = Comment.objects.bulk_create(
            Comment(
                revision=revision, section=sections[i % len(sections)], author=user,
                organisation=association, body=f"Synpunkt nummer {i} om **samverkan**.",
            )
            for i in range(count)
        )  # fmt: skip
        Response.objects.bulk_create(
            Response(comment=c, disposition=Disposition.NOTED, reason="Noterad.") for c in made[::2]
        )
