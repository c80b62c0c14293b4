"""Benchmark one page of ``citygraph serve`` under load: requests per second at N clients.

    python -m bench.bench_place_page [--store DIR] [--path /id/place/seoul] [--clients 16]
                                     [--seconds 20] [--src DIR] [--wait-network]
                                     [--places N]

Starts ``citygraph serve`` on a free port of 127.0.0.1 (the seed graph, built into a
temporary folder, without ``--store``), asks the page once (cold) and once more (warm),
then runs ``--clients`` threads asking it for ``--seconds`` seconds and prints the
requests per second, the latency median and p95, and the page's size. ``--src`` serves
another copy of the package (e.g. an export of an older commit's ``src``), to compare.
``--wait-network`` first waits until the network the server measures in the background
is ready (and says how long that took), then asks the page.

``--places N`` measures instead the first visit to pages never asked before: once the
server is warm (it waits for the network to be measured, then serves one page), it asks
the pages of N places, each once and one at a time: the N places of the network of
highest degree and N others drawn at random (seeded); it prints each group's latency
p50 and p90.
"""

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.bench_serve import ROOT, _get, _start

__all__ = ["main"]


def _size(port, path):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("GET", path, headers={"Accept": "text/html"})
    body = connection.getresponse().read()
    connection.close()
    return len(body)


def _places(port):
    """[(place IRI, degree)] of every place of the network (/network.json), highest first."""
    import json

    answer = {}
    status, _, _ = _get(port, "/network.json", accept="application/json", answer=answer)
    if status != 200:
        raise SystemExit(f"/network.json: HTTP {status}")
    nodes = json.loads(answer["body"])["graph"]["nodes"]
    places = [(n.get("iri") or n["id"], int(n.get("degree") or 0)) for n in nodes]
    return sorted(places, key=lambda p: (-p[1], p[0]))


def first_visits(port, count, seed=21):
    """Ask the pages of the ``count`` places of highest degree and ``count`` drawn at random,
    each once: print the latency p50 and p90 of each group."""
    import random

    from citygraph.namespaces import CGR

    places = [(iri, n) for iri, n in _places(port) if iri.startswith(str(CGR))]
    top = places[:count]
    rest = places[count:]
    drawn = random.Random(seed).sample(rest, min(count, len(rest)))
    for name, group in (("highest degree", top), ("random", drawn)):
        latencies, failed = [], 0
        for iri, _ in group:
            status, _, total = _get(port, "/id/" + iri[len(str(CGR)):])
            (latencies.append(total) if status == 200 else None)
            failed += status != 200
        latencies.sort()
        cuts = statistics.quantiles(latencies, n=10) if len(latencies) > 1 else [0.0] * 9
        degrees = sorted(n for _, n in group)
        print(f"first visits, {len(group)} places ({name}; degree: median "
              f"{degrees[len(degrees) // 2]}, most {degrees[-1]}): p50 "
              f"{statistics.median(latencies) * 1000:.0f} ms, p90 {cuts[8] * 1000:.0f} ms, "
              f"max {latencies[-1] * 1000:.0f} ms, {failed} failed", flush=True)


def load(port, path, clients, seconds):
    """(answers, errors, requests/s, latencies) of ``clients`` threads asking ``path``."""
    latencies, errors, lock = [], [], threading.Lock()
    stop = time.monotonic() + seconds

    def client():
        while time.monotonic() < stop:
            try:
                status, _, total = _get(port, path, timeout=60)
            except OSError as exc:
                status, total = type(exc).__name__, 0.0
            with lock:
                (latencies.append(total) if status == 200 else errors.append(status))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    return len(latencies), errors, len(latencies) / elapsed, latencies


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store directory (default: the seed graph)")
    parser.add_argument("--path", default="/id/place/seoul", help="the page to ask")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--src", type=Path, default=ROOT / "src",
                        help="the package folder to serve (default: this checkout's src)")
    parser.add_argument("--wait-network", action="store_true",
                        help="wait for the background network before asking the page")
    parser.add_argument("--places", type=int, default=0,
                        help="ask instead N pages of places never asked before, once each")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store
        if store is None:
            from citygraph.graph.build import build

            store = Path(scratch) / "store"
            build(store_path=store, data_dir=ROOT / "tests" / "data" / "seed", root=ROOT,
                  validate=False)
        process, port = _start(store, src=args.src)
        try:
            if args.wait_network or args.places:
                started = time.perf_counter()
                while _get(port, "/network.json", accept="application/json")[0] == 503:
                    time.sleep(1)
                print(f"network measured and laid out {time.perf_counter() - started:.0f} s "
                      "after the server answered", flush=True)
            if args.places:
                _get(port, args.path)
                first_visits(port, args.places)
                return 0
            status, cold, _ = _get(port, args.path)
            warm = _get(port, args.path)[2]
            print(f"{args.path}: HTTP {status}, {_size(port, args.path) / 1024:.0f} KiB; "
                  f"first {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms", flush=True)
            count, errors, rate, latencies = load(port, args.path, args.clients, args.seconds)
            cuts = statistics.quantiles(latencies, n=100) if count > 1 else [0.0] * 99
            print(f"{args.clients} clients x {args.seconds:g} s: {count} answers, "
                  f"{len(errors)} errors, {rate:.1f} requests/s; latency median "
                  f"{cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms")
        finally:
            process.terminate()
            process.wait(30)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
