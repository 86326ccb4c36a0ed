"""Search benchmark: `make bench-search DOCS=20000` (manage.py search_bench), or
python -m benchmarks.search_bench --docs 20000 --backend whoosh|postgres

Generates synthetic records, indexes them with the real indexing code, runs
a fixed mix of 200 queries as municipal staff (sees nearly everything) and
as a member of 3 associations, with permissions, facets and 20 snippets,
then measures how long a saved change takes to become searchable.
"""

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from collections import defaultdict

from benchmarks import search_corpus as corpus
from search.engine.backend import Viewer, get_backend

STAFF = Viewer.of([corpus.STAFF_GROUP, 17], public=True)
MEMBER = Viewer.of([3, 250, 777], public=True)


def main(argv=None):
    args = _args(argv)
    backend, cleanup = _backend(args)
    try:
        rate, cpu_rate = _index(backend, args.docs)
        lat, cpu = _queries(backend)
        visible = _update_visible(backend, args.docs)
        print(f"status {backend.status()}", flush=True)
    finally:
        backend.close()
        cleanup()
    lat.sort()
    cpu.sort()
    p95 = lat[int(0.95 * (len(lat) - 1))]
    # Wall time is what a user waits; on a shared, overloaded machine the
    # CPU time of this process shows what the engine itself costs.
    print(
        f"cpu-time p95_ms={cpu[int(0.95 * (len(cpu) - 1))]:.1f} "
        f"p50_ms={statistics.median(cpu):.1f} index_docs_per_cpu_s={cpu_rate:.0f} "
        f"loadavg={os.getloadavg()[0]:.1f} (client process only)",
        flush=True,
    )
    print(
        f"search p95_ms={p95:.1f} p50_ms={statistics.median(lat):.1f} "
        f"docs={args.docs} index_docs_per_s={rate:.0f} "
        f"update_visible_ms={visible:.0f} engine={args.backend}",
        flush=True,
    )


def _args(argv):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--docs", type=int, default=2000)
    p.add_argument("--backend", choices=("whoosh", "postgres"), default="whoosh")
    p.add_argument("--path", help="index directory (whoosh; default: temporary)")
    return p.parse_args(argv)


def _backend(args):
    if args.backend == "postgres":
        # Django's connection, set up by manage.py search_bench on a throwaway database.
        backend = get_backend("postgres")
        backend.clear()
        return backend, lambda: None
    path = args.path or tempfile.mkdtemp(prefix="searchbench-")
    shutil.rmtree(path, ignore_errors=True)
    return get_backend("whoosh", path=path), lambda: shutil.rmtree(path, True)


def _index(backend, n):
    t = time.perf_counter()
    docs = list(corpus.generate(n))
    print(f"generated {n} docs in {time.perf_counter() - t:.1f}s", flush=True)
    t, c = time.perf_counter(), _cpu()
    # rebuild() is the initial load path (PostgreSQL: COPY, then indexes).
    backend.rebuild(docs)
    took, cpu = time.perf_counter() - t, _cpu() - c
    print(
        f"indexed {n} docs in {took:.1f}s ({n / took:.0f} docs/s; "
        f"{cpu:.1f} cpu-s in this process and its workers)",
        flush=True,
    )
    return n / took, n / max(cpu, 1e-9) * 2  # two cores


def _cpu():
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _queries(backend):
    mix = corpus.query_mix()
    for viewer in (STAFF, MEMBER):  # first query per viewer builds caches
        t = time.perf_counter()
        backend.search("förening", viewer)
        print(f"warm-up {1000 * (time.perf_counter() - t):.0f} ms", flush=True)
    lat, cpu = [], []
    for name, viewer in (("staff", STAFF), ("member", MEMBER)):
        counts, times = defaultdict(list), defaultdict(list)
        for kind, q in mix:
            t, c = time.perf_counter(), time.process_time()
            r = backend.search(q, viewer, per_page=20)
            ms = 1000 * (time.perf_counter() - t)
            cpu.append(1000 * (time.process_time() - c))
            lat.append(ms)
            times[kind].append(ms)
            counts[kind].append(r.total)
        _print_run(name, counts, times)
    return lat, cpu


def _print_run(name, counts, times):
    for kind in counts:
        t = sorted(times[kind])
        print(
            f"{name:6} {kind:6} n={len(t):3} median_hits={statistics.median(counts[kind]):8.0f} "
            f"max_hits={max(counts[kind]):7} p50_ms={statistics.median(t):6.1f} "
            f"p95_ms={t[int(0.95 * (len(t) - 1))]:6.1f}",
            flush=True,
        )


def _update_visible(backend, n):
    doc = next(corpus.generate(1, seed=99))
    doc["id"] = "bench:update#1"
    doc["text"] += " kvittoordet"
    samples = []
    for i in range(5):
        doc["text"] = doc["text"].rsplit(" ", 1)[0] + f" benchord{i}x"
        t = time.perf_counter()
        backend.update([doc])
        while backend.search(f"benchord{i}x", STAFF, facets=False).total == 0:
            time.sleep(0.001)
        samples.append(1000 * (time.perf_counter() - t))
    print("update visible ms: " + " ".join(f"{s:.0f}" for s in samples), flush=True)
    return max(samples)


if __name__ == "__main__":
    main()
