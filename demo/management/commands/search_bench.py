from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test.utils import setup_databases, teardown_databases


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
        if settings.SEARCH_BACKEND != "postgres":
            bench.main(argv)  # a temporary index directory, never the live index
            return
        # PostgreSQL's index is the search tables: benchmark them in a throwaway copy of the
        # database (test_<name>, created by migrations as in production, dropped afterwards).
        test = connections["default"].settings_dict["TEST"]
        test["NAME"] = f"{connections['default'].settings_dict['NAME']}_search_bench"
        databases = setup_databases(
            verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set()
        )
        try:
            bench.main(argv)
        finally:
            teardown_databases(databases, verbosity=0)
