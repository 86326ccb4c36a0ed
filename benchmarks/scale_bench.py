"""Scale benchmark (issue 17, item 7): `make bench-scale`, or with a database of its own
    DATABASE_URL=sqlite:///var/scale/scale.sqlite3 OVERENS_VAR_DIR=var/scale \\
        python -m benchmarks.scale_bench [--requests 20]

Seeds the city of benchmarks/scale_city.py once (1,000 associations, 10,000 people, 3
agreements with all of them as parties, 50 forums, 2,000 meetings, 100,000 searchable
records) and indexes it with the real indexing code, printing how long both took. Then it
measures the server time (p50/p95, in-process, DEBUG off) of the start page, an agreement
page, the directory, a forum and a search, as the municipality's coordinator and as an
association member, and how long adding and withdrawing one party takes at 10 parties and at
1,000 (inside transactions rolled back, so the city stays as seeded). The last line reads
`scale orgs=… people=… records=… worst_p95_ms=… party_add_ms_at_10=… party_add_ms_at_1000=…`.
The machine's load average is printed with the figures.
"""

import argparse
import os
import statistics
import sys
import time


def main(argv=None):
    args = _args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.test import override_settings

    _refuse_the_demo_database()
    print(f"load average before: {_load()}", flush=True)
    city = _city(args)
    with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
        worst = _pages(city, args.requests)
    add_10, add_1000 = _party_changes(city, args.requests)
    print(f"load average after: {_load()}", flush=True)
    counts = city.counts
    print(
        f"scale orgs={counts['orgs']} people={counts['people']} records={counts['records']} "
        f"worst_p95_ms={worst:.0f} party_add_ms_at_10={add_10:.1f} "
        f"party_add_ms_at_1000={add_1000:.1f}",
        flush=True,
    )


def _args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--requests", type=int, default=20, help="per page and user")
    p.add_argument("--name", default="Skalstad", help="the city (seeded once under this name)")
    return p.parse_args(argv)


def _refuse_the_demo_database():
    from django.conf import settings

    from organisations.models import Organisation

    if Organisation.objects.filter(is_demo=True).exists():
        sys.exit(f"{settings.DATABASES['default']['NAME']} holds the demo city: use a database "
                 "of its own (make bench-scale does).")  # fmt: skip


def _city(args):
    """The seeded city: built and indexed on the first run, found again afterwards."""
    from benchmarks import scale_city

    found = scale_city.find(args.name)
    if found is not None:
        print(f"found the city {args.name} seeded before: {found.counts}", flush=True)
        return found
    start = time.perf_counter()
    city = scale_city.seed(name=args.name)
    print(f"seeded {city.counts} in {time.perf_counter() - start:.0f} s", flush=True)
    start = time.perf_counter()
    indexed = scale_city.index()
    print(
        f"indexed {indexed} documents in {time.perf_counter() - start:.0f} s "
        f"(load average {_load()})",
        flush=True,
    )
    return city


def _pages(city, requests):
    """p50/p95 of each page for both users; returns the worst p95 in ms."""
    from django.test import Client

    agreement, forum = city.agreements[0], city.forums[0]
    pages = {
        "start": "/",
        "agreement": f"/agreements/{agreement.slug}/",
        "directory": "/organisations/?party=yes&district=Söder",
        "forum": f"/forums/{forum.slug}/",
        "search": "/search/?q=föreningslivet+dialog",
    }
    worst = 0.0
    for role, user in (("coordinator", city.coordinator), ("member", city.member)):
        client = Client()
        client.force_login(user)
        for name, url in pages.items():
            status = client.get(url).status_code  # warm-up: templates, caches, searcher
            times = sorted(_timed(client.get, url) for _ in range(requests))
            p50, p95 = statistics.median(times), _p95(times)
            worst = max(worst, p95)
            print(
                f"{role:11} {name:9} status={status} p50_ms={p50:7.1f} p95_ms={p95:7.1f}  {url}",
                flush=True,
            )
    return worst


def _party_changes(city, repeats):
    """Median ms to add one party, and to withdraw it, at 10 and at 1,000 parties."""
    from benchmarks import scale_city

    results = {}
    for label, agreement in (
        ("10", scale_city.small_agreement(city, parties=10)),
        ("1000", city.agreements[0]),
    ):
        parties = agreement.parties.count()
        timings = [
            scale_city.add_and_withdraw_party(agreement, city.coordinator) for _ in range(repeats)
        ]
        add, withdraw = [t[0] for t in timings], [t[1] for t in timings]
        print(
            f"party change at {parties} parties: add p50_ms={statistics.median(add):.1f} "
            f"p95_ms={_p95(sorted(add)):.1f}; withdraw p50_ms={statistics.median(withdraw):.1f}",
            flush=True,
        )
        results[label] = statistics.median(add)
    return results["10"], results["1000"]


def _timed(call, *args):
    start = time.perf_counter()
    call(*args)
    return 1000 * (time.perf_counter() - start)


def _p95(ordered):
    return ordered[int(0.95 * (len(ordered) - 1))]


def _load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
