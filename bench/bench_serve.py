"""Benchmark ``citygraph serve``: time to first byte of its pages and a bounded load test.

    python -m bench.bench_serve [--store DIR] [--place place:seoul] [--clients 20]
                                [--seconds 30] [--repeat 5]

Starts ``citygraph serve`` on a free port of 127.0.0.1 (only there: the load
test sends traffic to this machine alone), then measures:

* time to first byte (status line and headers received) of a place page, a
  catalog query page and the network view's data (/network.json), the first
  request (cold: the network is projected and measured then) and the median of
  ``--repeat`` further ones;
* a load test: ``--clients`` threads running catalog query pages (each report
  query of the catalog with its example parameters, in turn) for ``--seconds``
  seconds, each thread stopping after 100,000 requests at most; requests per
  second, errors, latency percentiles, and the resident memory of the server and
  its query workers (from /proc) before, at its peak and after; the run fails
  (exit 1) on any error or when memory grows past ``--max-growth-mib`` (256).

Without ``--store`` the seed graph (tests/data/seed) is built into a temporary
folder. For the Wikidata network, build a store with ``citygraph build`` and
``citygraph import wikidata ... --store DIR`` and pass ``--store DIR --place
place:...`` (e.g. Sankt Petersburg's IRI) and ``--sample 500``.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _rss_kib(pid):
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
        todo.extend(children.get(current, []))
    return total


def _start(store, extra):
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen(
        [sys.executable, "-c", "from citygraph.cli import main; main()", "--quiet", "serve",
         "--store", str(store), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            status, _, _ = _get(port, "/sparql?query=ASK%7B%7D", accept="*/*")
            if status == 200:
                return process, port
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.2)
    process.kill()
    raise SystemExit("citygraph serve did not start")


def _get(port, path, timeout=600, accept="text/html"):
    """(status, seconds to first byte, seconds to the last byte) of one GET."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    start = time.perf_counter()
    connection.request("GET", path, headers={"Accept": accept})
    response = connection.getresponse()
    first = time.perf_counter() - start
    response.read()
    connection.close()
    return response.status, first, time.perf_counter() - start


def _ttfb(port, label, path, repeat):
    status, cold, _ = _get(port, path)
    warm = [_get(port, path)[1] for _ in range(repeat)]
    print(f"{label:<44} HTTP {status}  cold {cold * 1000:9.1f} ms  "
          f"warm median {statistics.median(warm) * 1000:8.1f} ms (of {repeat})", flush=True)


def _catalog_paths():
    from citygraph.querying.catalog import list_queries

    paths = []
    for query in list_queries():
        if query.role != "report":
            continue
        params = {p.name: p.example for p in query.params if not p.optional}
        paths.append(f"/queries/{query.name}?run=1&{urllib.parse.urlencode(params)}")
    return paths


def _load(port, pid, clients, seconds, max_growth):
    paths = _catalog_paths()
    latencies, errors, lock = [], [], threading.Lock()
    stop = time.monotonic() + seconds
    peak = [_rss_kib(pid)]
    before = peak[0]

    def client(number):
        done = 0
        while time.monotonic() < stop and done < 100_000:
            path = paths[(number + done) % len(paths)]
            try:
                status, _, total = _get(port, path, timeout=60)
            except OSError as exc:
                status, total = type(exc).__name__, 0.0
            with lock:
                if status == 200:
                    latencies.append(total)
                else:
                    errors.append((path, status))
            done += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        peak[0] = max(peak[0], _rss_kib(pid))
        time.sleep(0.5)
    elapsed = time.monotonic() - start
    after = _rss_kib(pid)
    count = len(latencies)
    cuts = statistics.quantiles(latencies, n=100) if count > 1 else [0.0] * 99
    print(f"load test: {clients} clients x {seconds:g} s over {len(paths)} catalog query pages "
          f"on 127.0.0.1", flush=True)
    print(f"  {count} answers, {len(errors)} errors, {count / elapsed:.1f} requests/s; "
          f"latency median {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, "
          f"max {max(latencies or [0]) * 1000:.0f} ms")
    print(f"  server + workers resident memory: before {before / 1024:.0f} MiB, "
          f"peak {peak[0] / 1024:.0f} MiB, after {after / 1024:.0f} MiB", flush=True)
    for path, status in errors[:5]:
        print(f"  error: {status} {path}")
    growth = (peak[0] - before) / 1024
    verdict = "within" if growth <= max_growth else "PAST"
    print(f"  memory growth {growth:.0f} MiB, {verdict} the stated limit of {max_growth} MiB")
    return errors or (["memory"] if growth > max_growth else [])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store directory (default: the seed graph)")
    parser.add_argument("--place", default="place:seoul", help="the place page to time")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, help="betweenness sample for the network view")
    parser.add_argument("--quick", action="store_true", help="5 s of load instead of 30")
    parser.add_argument("--max-growth-mib", type=int, default=256,
                        help="the most the server's resident memory may grow during the load "
                             "test (exit 1 past it)")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds = min(args.seconds, 5.0)
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store
        if store is None:
            from citygraph.graph.build import build

            store = Path(scratch) / "store"
            build(store_path=store, data_dir=ROOT / "tests" / "data" / "seed", root=ROOT,
                  validate=False)
        extra = ["--network-timeout", "600"]
        if args.sample:
            extra += ["--sample", str(args.sample)]
        started = time.perf_counter()
        process, port = _start(store, extra)
        print(f"citygraph serve on {store}: answering after "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        try:
            prefix, _, local = args.place.partition(":")
            kind = {"place": "place", "cgorg": "org"}.get(prefix, prefix)
            _ttfb(port, "network data (/network.json)", "/network.json", args.repeat)
            _ttfb(port, f"place page ({args.place})", f"/id/{kind}/{local}", args.repeat)
            _ttfb(port, "catalog query page (network-members)",
                  "/queries/network-members?run=1&network=cgorg%3Aanmc21", args.repeat)
            _ttfb(port, "search page (q=Saint)", "/search?q=Saint", args.repeat)
            errors = _load(port, process.pid, args.clients, args.seconds, args.max_growth_mib)
        finally:
            process.terminate()
            process.wait(30)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
