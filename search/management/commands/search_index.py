import time

from django.core.management.base import BaseCommand, CommandError

from search import backends, checking, indexing
from search.engine.errors import IndexCorrupt, SearchError


class Progress:
    """Prints done/total, rate and time left about once a second."""

    def __init__(self, total, write, every=1.0):
        self.total, self.write, self.every = total, write, every
        self.done, self.start = 0, time.monotonic()
        self.last = self.start

    def __call__(self):
        self.done += 1
        now = time.monotonic()
        if now - self.last >= self.every or self.done == self.total:
            self.last = now
            self.write(self.line(now))

    def line(self, now):
        rate = self.done / max(now - self.start, 1e-6)
        left = (self.total - self.done) / rate if rate else 0
        return f"  {self.done}/{self.total} records, {rate:.0f}/s, about {left:.0f} s left"


class Command(BaseCommand):
    help = (
        "Look after the search index: rebuild (fresh index swapped in while searching "
        "goes on), update (index what is missing or stale), verify [--fix] (compare with "
        "the database and repair), status (counts, size and age), optimize (merge the "
        "index's segments; the scheduler runs it nightly)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "verify", "status", "optimize"])
        parser.add_argument("--fix", action="store_true", help="verify: repair what is wrong")

    def handle(self, action, fix=False, **options):
        try:
            getattr(self, action)(fix=fix)
        except IndexCorrupt as error:
            raise CommandError(f"{error}\nRun: python manage.py search_index rebuild") from None
        except SearchError as error:
            raise CommandError(str(error)) from None

    def rebuild(self, **options):
        total = indexing.record_count()
        self.stdout.write(f"Rebuilding the search index from {total} records…")
        progress = Progress(total, self.stdout.write)
        count = backends.backend().rebuild(indexing.all_documents(progress))
        took = time.monotonic() - progress.start
        self.stdout.write(self.style.SUCCESS(f"Rebuilt: {count} documents in {took:.1f} s."))

    def update(self, **options):
        report = checking.compare()
        todo = report.to_update()
        checking.repair(report, everything=False)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {len(todo)} documents ({len(report.missing)} missing, "
                f"{len(report.stale) + len(report.wrong_permissions)} out of date) "
                f"of {report.checked}."
            )
        )

    def verify(self, fix=False, **options):
        report = checking.compare()
        self.stdout.write(f"Checked {report.checked} documents against the database.")
        for name in ("missing", "stale", "wrong_permissions", "extra"):
            ids = getattr(report, name)
            label = name.replace("_", " ")
            self.stdout.write(
                f"  {label}: {len(ids)}" + (f" (e.g. {', '.join(ids[:5])})" if ids else "")
            )
        if report.healthy:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
        elif fix:
            checking.repair(report)
            self.stdout.write(self.style.SUCCESS("Repaired."))
        else:
            raise CommandError("The index differs from the database; run verify --fix.")

    def optimize(self, **options):
        started = time.monotonic()
        indexing.optimize()
        took = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Optimized the search index in {took:.1f} s."))

    def status(self, **options):
        status = backends.backend().status()
        self.stdout.write(f"engine: {status.get('engine')}")
        self.stdout.write(f"documents: {status.get('doc_count')}")
        self.stdout.write(f"records in the database: {indexing.record_count()}")
        size = status.get("size_bytes") or 0
        self.stdout.write(f"size: {size / 1_000_000:.1f} MB")
        age = status.get("age_seconds")
        self.stdout.write("last change: " + (f"{age:.0f} s ago" if age is not None else "never"))
        for key, value in status.items():
            if key not in {"engine", "doc_count", "size_bytes", "age_seconds"}:
                self.stdout.write(f"{key}: {value}")
