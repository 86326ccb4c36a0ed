from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from search.backends import postgres_dsn


class Command(BaseCommand):
    help = (
        "Benchmark the configured search engine (SEARCH_BACKEND) with synthetic Swedish "
        "records: bulk indexing, 200 queries as two users, and how soon a saved change is "
        "found. The last line holds the figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=100_000)

    def handle(self, docs, **options):
        try:  # the benchmark lives in the source tree, not in the installed package
            from benchmarks import search_bench as bench
        except ImportError as error:
            raise CommandError("The benchmark runs from a source checkout.") from error
        argv = ["--docs", str(docs), "--backend", settings.SEARCH_BACKEND]
        if settings.SEARCH_BACKEND == "postgres":
            # The search app's migration creates pg_trgm, as in production.
            call_command("migrate", "search", interactive=False, verbosity=0)
            argv += ["--dsn", postgres_dsn(connections["default"].settings_dict)]
        # The engine's benchmark uses a temporary index directory (or its own
        # table), never the live index.
        bench.main(argv)
