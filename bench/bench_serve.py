"""Benchmark ``citygraph serve``: time to first byte of its pages and a bounded load test.

    python -m bench.bench_serve [--store DIR] [--place place:seoul] [--clients 20]
                                [--seconds 30] [--repeat 5] [--expensive-seconds 30]
                                [--endpoint-only] [--serve-option OPTION ...]

Starts ``citygraph serve`` on a free port of 127.0.0.1 (only there: the load
test sends traffic to this machine alone), then measures:

* time to first byte (status line and headers received) of a place page, a
  catalog query page and the network view's data (/network.json), the first
  request (cold: the network is projected and measured then) and the median of
  ``--repeat`` further ones;
* endpoint throughput: ``--endpoint-clients`` (16) threads, each on one kept-alive
  connection, sending a simple SELECT to ``/sparql`` for ``--endpoint-seconds``
  seconds, and the same to ``oxigraph serve-read-only`` on the same store and to
  uvicorn alone answering a constant (the most one Python web process reaches here
  with these clients): never two at once, but in ``--endpoint-rounds`` (5) turns of
  each in a row, so that the machine's other work weighs on all three alike;
  requests per second of each, their ratio to oxigraph's and the median latency
  (``--endpoint-only`` stops there);
* expensive queries: 4 clients (each from its own loopback address) loop a
  cartesian-product query that runs to the time limit, while another reads the
  place page and runs ASKs: the place page's and the ASK's p50 and p99;
* version switches (on the seed store only): the store is rebuilt three times
  while a client reads the place page and asks the endpoint: seconds from each
  switch to the first answers from the new version, and a check that versions
  never go back and each page names one version;
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


def _wait_ready(process, port, path, seconds):
    """Whether ``path`` answered 200 on ``port`` within ``seconds`` (False at once when
    ``process`` ends)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if _get(port, path, accept="*/*")[0] == 200:
                return True
        except OSError:
            pass
        if process.poll() is not None:
            return False
        time.sleep(0.2)
    return False


def _start(store, extra=(), src=ROOT / "src"):
    """``citygraph serve`` of ``store`` (the package in ``src``) on a free port, once its
    endpoint answers: (process, port)."""
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(src))
    process = subprocess.Popen(
        [sys.executable, "-c", "from citygraph.cli import main; main()", "--quiet", "serve",
         "--store", str(store), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT))
    if _wait_ready(process, port, "/sparql?query=ASK%7B%7D", 120):
        return process, port
    process.kill()
    raise SystemExit("citygraph serve did not start")


def _get(port, path, timeout=600, accept="text/html", source=None, answer=None):
    """(status, seconds to first byte, seconds to the last byte) of one GET, sent from the
    loopback address ``source`` (a client of its own); ``answer`` gets headers and body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                            source_address=(source, 0) if source else None)
    start = time.perf_counter()
    connection.request("GET", path, headers={"Accept": accept})
    response = connection.getresponse()
    first = time.perf_counter() - start
    body = response.read()
    connection.close()
    if answer is not None:
        answer.update(headers=response.headers, body=body.decode("utf-8", "replace"))
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


#: the simple SELECT of the endpoint throughput test
SIMPLE = ("SELECT ?label WHERE { <https://w3id.org/citygraph/id/place/seoul> "
          "<http://www.w3.org/2000/01/rdf-schema#label> ?label }")


def _throughput(port, path, clients, seconds):
    """(answers, seconds taken, errors, latencies in s) of ``clients`` threads sending the
    simple SELECT for ``seconds``."""
    query = f"{path}?{urllib.parse.urlencode({'query': SIMPLE})}"
    counts, errors, latencies = [0] * clients, [], [[] for _ in range(clients)]
    stop = time.monotonic() + seconds

    def client(number):
        # each client from its own loopback address, as the server limits queries per client
        source = (f"127.0.1.{number + 1}", 0)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                                source_address=source)
        while time.monotonic() < stop and counts[number] < 1_000_000:
            try:
                sent = time.perf_counter()
                connection.request("GET", query,
                                   headers={"Accept": "application/sparql-results+json"})
                response = connection.getresponse()
                response.read()
                latencies[number].append(time.perf_counter() - sent)
                if response.status != 200:
                    errors.append(response.status)
                counts[number] += 1
            except (OSError, http.client.HTTPException) as exc:
                errors.append(type(exc).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                                        source_address=source)
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), time.monotonic() - start, errors, [t for own in latencies for t in own]


#: a query that runs to the time limit (a cartesian product), and a cheap one
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { <https://w3id.org/citygraph/id/place/seoul> ?p ?o }"


def _oxigraph(store):
    """``oxigraph serve-read-only`` over the same store: (process, port), or None when the
    command is not installed."""
    import shutil

    from citygraph.graph.store import live_folder

    binary = shutil.which("oxigraph")
    if binary is None:
        print("oxigraph serve-read-only: the oxigraph command is not installed", flush=True)
        return None
    port = _free_port()
    process = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(live_folder(store) / "oxigraph"),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_ready(process, port, "/query?query=ASK%7B%7D", 60)
    return process, port


_CONSTANT = """
import sys, uvicorn
async def app(scope, receive, send):
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/sparql-results+json")]})
        await send({"type": "http.response.body", "body": b'{"results": {"bindings": []}}'})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def _uvicorn_alone():
    """uvicorn alone answering a constant (the most one Python web process reaches with these
    clients on this machine): (process, port)."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-c", _CONSTANT, str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_ready(process, port, "/", 60)
    return process, port


def _endpoints(store, port, clients, seconds, rounds, baseline=None):
    """The simple SELECT's throughput on ``citygraph serve`` (on ``port``), on ``oxigraph
    serve-read-only`` over the same store and on uvicorn alone answering a constant, each
    for ``seconds`` in all: ``rounds`` turns of each in a row, never two at once, so that
    the machine's other work weighs on the three alike; with ``baseline`` (a package's
    ``src`` folder), its ``citygraph serve`` as well. Returns the errors of ours."""
    servers = [("citygraph serve", None, port, "/sparql")]
    if baseline is not None:
        process, other = _start(store, src=baseline)
        servers.append((f"citygraph serve of {baseline}", process, other, "/sparql"))
    reference = _oxigraph(store)
    if reference is not None:
        servers.insert(0, ("oxigraph serve-read-only", reference[0], reference[1], "/query"))
    alone = _uvicorn_alone()
    servers.append(("uvicorn alone answering a constant", alone[0], alone[1], "/sparql"))
    totals = {name: [0, 0.0, [], [], []] for name, *_ in servers}
    try:
        for _ in range(rounds):
            for name, _, server_port, path in servers:
                count, taken, errors, latencies = _throughput(server_port, path, clients,
                                                              seconds / rounds)
                total = totals[name]
                total[0] += count
                total[1] += taken
                total[2] += errors
                total[3] += latencies
                total[4].append(count / taken)
    finally:
        for _, process, *_ in servers:
            if process is not None:
                process.terminate()
                process.wait(30)
    rates = {name: count / taken for name, (count, taken, *_) in totals.items()}
    print(f"endpoint throughput: {clients} clients x {seconds:g} s each, simple SELECT, in "
          f"{rounds} alternating rounds", flush=True)
    for name, (_, _, errors, latencies, each) in totals.items():
        ratio = ""
        if reference is not None and name != "oxigraph serve-read-only":
            ratio = f", {rates[name] / rates['oxigraph serve-read-only']:.0%} of oxigraph's"
        print(f"  {name}: {rates[name]:.0f} requests/s{ratio}, p50 "
              f"{statistics.median(latencies or [0]) * 1000:.1f} ms, {len(errors)} errors "
              f"(rounds {', '.join(f'{r:.0f}' for r in each)})", flush=True)
    return totals["citygraph serve"][2]


def _p(values, cut):
    """The ``cut`` percentile of ``values`` (seconds), in ms."""
    if len(values) < 2:
        return (values or [0.0])[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[cut - 1] * 1000


def _expensive(port, place_path, seconds, heavy_clients=4):
    """``heavy_clients`` clients loop cartesian-product queries (each runs to the time limit)
    while another reads the place page and runs ASKs; the reader's latencies."""
    stop = time.monotonic() + seconds
    heavy, pages, asks, errors = {}, [], [], []

    def hammer(source):
        while time.monotonic() < stop:
            try:
                status = _get(port, "/sparql?" + urllib.parse.urlencode({"query": HEAVY}),
                              timeout=120, accept="application/json", source=source)[0]
            except OSError as exc:
                status = type(exc).__name__
            heavy[status] = heavy.get(status, 0) + 1

    def read():
        ask_path = "/sparql?" + urllib.parse.urlencode({"query": ASK})
        while time.monotonic() < stop:
            for path, out, accept in ((place_path, pages, "text/html"),
                                      (ask_path, asks, "application/json")):
                status, _, total = _get(port, path, timeout=120, accept=accept,
                                        source="127.0.0.99")
                (out if status == 200 else errors).append(total if status == 200 else
                                                          (path, status))

    _get(port, place_path)  # the caches warm first
    threads = [threading.Thread(target=hammer, args=(f"127.0.0.{10 + i}",))
               for i in range(heavy_clients)]
    threads.append(threading.Thread(target=read))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"expensive queries: {heavy_clients} clients looping a cartesian product for "
          f"{seconds:g} s, answers by status {dict(sorted(heavy.items(), key=str))}")
    print(f"  meanwhile, another client: {len(pages)} place pages, p50 {_p(pages, 50):.0f} ms, "
          f"p99 {_p(pages, 99):.0f} ms, max {max(pages or [0]) * 1000:.0f} ms; {len(asks)} ASKs, "
          f"p50 {_p(asks, 50):.0f} ms, p99 {_p(asks, 99):.0f} ms, max "
          f"{max(asks or [0]) * 1000:.0f} ms; {len(errors)} errors", flush=True)
    for path, status in errors[:5]:
        print(f"  error: {status} {path}")
    return errors


def _switches(port, place_path, data, store, builds=3):
    """Rebuild the store ``builds`` times while a client reads a page and asks the endpoint:
    seconds from each switch to the first answers from the new version; versions seen in
    order, each page from one version."""
    from citygraph.graph.build import build
    from citygraph.graph.store import state_id

    numbers = {state_id(store): 0}
    seen, problems, stop = [], [], threading.Event()
    ask_path = "/sparql?" + urllib.parse.urlencode({"query": ASK})

    def read():
        while not stop.is_set():
            for path, accept in ((place_path, "text/html"), (ask_path, "application/json")):
                answer = {}
                status, _, total = _get(port, path, timeout=120, accept=accept, answer=answer)
                state = answer["headers"]["X-Citygraph-Version"]
                if status != 200 or state not in numbers:
                    problems.append((path, status, state))
                    continue
                if accept == "text/html" and f'id="store-version">{state}<' not in answer["body"]:
                    problems.append((path, "footer and header differ", state))
                seen.append((time.monotonic(), path, numbers[state], total))

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(1)
    lines = []
    for number in range(1, builds + 1):
        (data / "zz_bench_version.ttl").write_text(
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            f'<https://w3id.org/citygraph/id/place/bench> rdfs:label "Bench {number}" .\n',
            encoding="utf-8")
        build(store_path=store, data_dir=data, root=ROOT, validate=False)
        switched = time.monotonic()
        numbers[state_id(store)] = number
        while time.monotonic() < switched + 60 and not all(
                any(n == number and p == path and t >= switched for t, p, n, _ in seen)
                for path in (place_path, ask_path)):
            time.sleep(0.05)
        first = {path: min(((t - switched, total) for t, p, n, total in seen
                            if n == number and p == path), default=(None, None))
                 for path in (place_path, ask_path)}
        lines.append(f"  build {number}: endpoint on the new version after "
                     f"{first[ask_path][0]:.2f} s, place page after {first[place_path][0]:.2f} s "
                     f"(that page took {first[place_path][1]:.2f} s: cold network measures)")
        time.sleep(1)
    stop.set()
    reader.join()
    order = [n for _, _, n, _ in seen]
    if order != sorted(order):
        problems.append(("versions went back", order))
    print(f"version switches: {builds} builds while a client read {place_path} and asked "
          f"the endpoint ({len(seen)} answers)")
    print("\n".join(lines))
    print(f"  versions never went back: {order == sorted(order)}; answers from an unknown "
          f"version or with footer and header differing: {len(problems)}", flush=True)
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store directory (default: the seed graph)")
    parser.add_argument("--place", default="place:seoul", help="the place page to time")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--endpoint-clients", type=int, default=16)
    parser.add_argument("--endpoint-seconds", type=float, default=10.0)
    parser.add_argument("--endpoint-rounds", type=int, default=5,
                        help="turns the endpoint servers take in a row (the seconds shared "
                             "among them)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, help="betweenness sample for the network view")
    parser.add_argument("--quick", action="store_true",
                        help="5 s of load and 10 s of expensive queries, instead of 30")
    parser.add_argument("--expensive-seconds", type=float, default=30.0,
                        help="length of the expensive-queries scenario")
    parser.add_argument("--max-growth-mib", type=int, default=256,
                        help="the most the server's resident memory may grow during the load "
                             "test (exit 1 past it)")
    parser.add_argument("--baseline-src", type=Path, metavar="DIR",
                        help="also time the endpoint of the citygraph package in DIR (another "
                             "checkout's src folder), in the same rounds")
    parser.add_argument("--endpoint-only", action="store_true",
                        help="only the endpoint throughput comparison")
    parser.add_argument("--serve-option", action="append", default=[], metavar="OPTION",
                        help="an option for citygraph serve (repeat; e.g. --serve-option="
                             "--web-processes=2)")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds = min(args.seconds, 5.0)
        args.expensive_seconds = min(args.expensive_seconds, 10.0)
    with tempfile.TemporaryDirectory() as scratch:
        store, data = args.store, None
        if store is None:
            import shutil

            from citygraph.graph.build import build

            store, data = Path(scratch) / "store", Path(scratch) / "data"
            shutil.copytree(ROOT / "tests" / "data" / "seed", data)
            build(store_path=store, data_dir=data, root=ROOT, validate=False)
        extra = ["--network-timeout", "600", *args.serve_option]
        if args.sample:
            extra += ["--sample", str(args.sample)]
        started = time.perf_counter()
        process, port = _start(store, extra)
        print(f"citygraph serve on {store}: answering after "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        try:
            failures = _endpoints(store, port, args.endpoint_clients, args.endpoint_seconds,
                                  args.endpoint_rounds, args.baseline_src)
            if args.endpoint_only:
                return 1 if failures else 0
            prefix, _, local = args.place.partition(":")
            kind = {"place": "place", "cgorg": "org"}.get(prefix, prefix)
            _ttfb(port, "network data (/network.json)", "/network.json", args.repeat)
            _ttfb(port, f"place page ({args.place})", f"/id/{kind}/{local}", args.repeat)
            _ttfb(port, "catalog query page (network-members)",
                  "/queries/network-members?run=1&network=cgorg%3Aanmc21", args.repeat)
            _ttfb(port, "search page (q=Saint)", "/search?q=Saint", args.repeat)
            errors = _load(port, process.pid, args.clients, args.seconds, args.max_growth_mib)
            errors += _expensive(port, f"/id/{kind}/{local}", args.expensive_seconds)
            if data is not None:
                errors += _switches(port, f"/id/{kind}/{local}", data, store)
            else:
                print("version switches: not run on a store given with --store (it would be "
                      "rebuilt)")
        finally:
            process.terminate()
            process.wait(30)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
