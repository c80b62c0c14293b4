"""Time the city-network report on a synthetic network of 20,000 cities and 100,000 ties.

The network is made directly as a NetworkX graph: preferential attachment
(Barabási-Albert, 5 ties per new city, so a few hub cities gather many ties, as
in real twinning and network data), with a country, coordinates, a weight of 1
to 3 facts and a first date on every tie, the attributes the projection puts
there. Two timings are printed side by side:

* the work of ``citygraph report --sample K --out DIR``: every node measure
  (betweenness, closeness and distances from K sampled sources in igraph;
  eigenvector and Louvain in igraph, as above 5,000 places; PageRank, k-core,
  bridges and articulation points in NetworkX), the network figures, and the
  files (CSV, JSON, HTML with plots);
* NetworkX-only betweenness on the same graph from the same K sources, and the
  exact NetworkX betweenness extrapolated from it (time x n / K). With
  ``--quick`` NetworkX runs from K/10 sources and both are extrapolated.

Usage: python bench/bench_network.py [--quick] [--breakdown] [--cities N] [--ties M] [--sample K]

Two more modes time the commands themselves, each run in its own process
(wall time, CPU time and peak memory of that process):

* ``--stores 100000 1000000``: generate ``bench.generate`` graphs of those
  sizes (with the seed files), build each store (``citygraph build
  --no-validate``), then run ``citygraph report --out DIR`` with no cache,
  ``citygraph export --format gexf`` with no cache, the report again (reusing
  the measures) and the other three export formats; then, on the same
  projected graph in one process, the report's measures (igraph) against
  pure NetworkX (``backend="networkx"``, the same sampled sources), NetworkX
  stopped after ``--nx-timeout`` seconds. ``--store-dir DIR`` keeps (and
  reuses) the generated stores.
* ``--wikidata STORE --before SRC``: on a store (for example ``citygraph
  import wikidata --relations ../shared/realdata/wikidata-p190-2016/relations.tsv
  --names .../names.tsv --store STORE`` in a fresh ``citygraph init`` project),
  ``report`` then ``export`` in all four formats, alternating the code under
  ``SRC`` (a checkout's ``src`` folder, e.g. ``git archive <commit>``) with
  this one, ``--runs`` times each.

One run, one machine: read the ratios, not the absolute times.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import networkx as nx

from citygraph.networks import centrality
from citygraph.networks.report import analyze, top_table, write_report

__all__ = ["synthetic_network", "main"]


def synthetic_network(cities=20_000, ties=100_000, seed=1):
    """A preferential-attachment network of ``cities`` nodes and about ``ties`` edges.

    >>> G = synthetic_network(200, 1000)
    >>> G.number_of_nodes(), G.number_of_edges(), sorted(G.nodes["city:0"])[:3]
    (200, 975, ['country', 'country_code', 'geonames'])
    """
    rng = random.Random(seed)
    m = max(1, round(ties / cities))
    base = nx.barabasi_albert_graph(cities, m, seed=seed)
    G = nx.Graph(layers=["tie"], since=None, until=None, fold="none")
    countries = [f"Country {i}" for i in range(60)]
    for node in base:
        G.add_node(f"city:{node}", label=f"City {node}", kind="City",
                   country=rng.choice(countries), country_code=None, geonames=None,
                   lat=rng.uniform(-50, 70), lon=rng.uniform(-170, 180),
                   iri=f"https://example.org/city/{node}")
    start = date(1950, 1, 1)
    for u, v in base.edges():
        first = start + timedelta(days=rng.randrange(27_000))
        G.add_edge(f"city:{u}", f"city:{v}", weight=rng.randint(1, 3), layers=["tie"],
                   types=["tiet:sister-city"], first=first.isoformat(),
                   last=first.isoformat(), sources=["doc:synthetic"],
                   facts=[f"fact:tie-{u}-{v}"], groups=[f"fact:tie-{u}-{v}"],
                   directed_from=None, weight_tie=1)
    return G


def _timed(label, function, *args, **kwargs):
    began = time.perf_counter()
    value = function(*args, **kwargs)
    seconds = time.perf_counter() - began
    print(f"  {label:<44} {seconds:8.2f} s", flush=True)
    return value, seconds


ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"


def run_process(args, pythonpath=SRC, cwd=None):
    """Run a command in its own process: (wall seconds, CPU seconds, peak RSS in MB, exit code).

    >>> wall, cpu, peak, code = run_process([sys.executable, "-c", "pass"])
    >>> code, wall > 0, peak > 0
    (0, True, True)
    """
    env = dict(os.environ, PYTHONPATH=str(pythonpath), CITYGRAPH_QUIET="1")
    began = time.perf_counter()
    process = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace").strip()
    process.stderr.close()
    if process.returncode:
        print(f"  ! {' '.join(map(str, args))} exited {process.returncode}: {error[-300:]}",
              flush=True)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def _clear_cache(store):
    """Forget the measured networks kept beside a store (old and versioned layouts)."""
    for folder in (Path(store) / "cache", Path(store) / "current" / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


def _citygraph(*args):
    return [sys.executable, "-c", "from citygraph.cli import main; main()", *map(str, args)]


def _row(label, figures):
    wall, cpu, peak, code = figures
    flag = "" if code == 0 else f"  (exit {code})"
    print(f"  {label:<40} {wall:8.1f} s wall {cpu:8.1f} s CPU {peak:8.0f} MB{flag}", flush=True)


def _commands(store, out):
    """report (no cache), export gexf, report again, the other exports: label and argv."""
    return [
        ("report (measures computed)", _citygraph("report", "--store", store, "--out",
                                                  out / "report")),
        ("export gexf", _citygraph("export", "--store", store, "--format", "gexf", "-o",
                                   out / "n.gexf")),
        ("export graphml", _citygraph("export", "--store", store, "--format", "graphml", "-o",
                                      out / "n.graphml")),
        ("export csv", _citygraph("export", "--store", store, "--format", "csv", "-o",
                                  out / "csv")),
        ("export json", _citygraph("export", "--store", store, "--format", "json", "-o",
                                   out / "n.json")),
        ("report again", _citygraph("report", "--store", store, "--out", out / "report2")),
    ]


def bench_wikidata(store, before, runs=2):
    """report then the four exports on one store, the code at ``before`` against this one."""
    store = Path(store)
    results = {"before": {}, "after": {}}
    with tempfile.TemporaryDirectory(prefix="citygraph-bench-network-") as tmp:
        for run in range(runs):
            for side, path in (("before", Path(before)), ("after", SRC)):
                _clear_cache(store)
                out = Path(tmp) / f"{side}-{run}"
                out.mkdir()
                print(f"{side} (run {run + 1}, PYTHONPATH={path}):", flush=True)
                for label, argv in _commands(store, out):
                    figures = run_process(argv, pythonpath=path)
                    _row(label, figures)
                    results[side].setdefault(label, []).append(figures)
        _clear_cache(store)
    print("medians (wall s / CPU s / peak MB), before -> after:")
    for label in results["after"]:
        b = [statistics.median(x[i] for x in results["before"][label]) for i in range(3)]
        a = [statistics.median(x[i] for x in results["after"][label]) for i in range(3)]
        print(f"  {label:<28} {b[0]:7.1f} -> {a[0]:7.1f} s wall ({b[0] / a[0]:5.1f}x)  "
              f"{b[1]:7.1f} -> {a[1]:7.1f} s CPU  {b[2]:6.0f} -> {a[2]:6.0f} MB", flush=True)
    return results


def _nx_side(store, sample, timeout):
    """Project once, then time the report's measures and pure NetworkX's on that graph."""
    code = f"""
import time, resource, sys
from citygraph.querying.sparql import connect
from citygraph.networks.projection import project
from citygraph.networks.report import analyze, resolve_sample
G = project(connect(store={str(store)!r}))
k = resolve_sample({sample!r}, G.number_of_nodes())
print(f"projected: {{G.number_of_nodes()}} places, {{G.number_of_edges()}} edges; sample {{k}}",
      flush=True)
backend = sys.argv[1]
began = time.perf_counter()
analyze(G, backend=backend, sample=k)
print(f"{{backend}} {{time.perf_counter() - began:.1f}}", flush=True)
"""
    rows = {}
    for backend in ("auto", "networkx"):
        env = dict(os.environ, PYTHONPATH=str(SRC), CITYGRAPH_QUIET="1")
        began = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", code, backend], env=env,
                                   stdout=subprocess.PIPE, text=True)
        try:
            out, _ = process.communicate(timeout=timeout)
            rows[backend] = out
        except subprocess.TimeoutExpired:
            process.kill()
            out, _ = process.communicate()
            rows[backend] = out + f"{backend} > {time.perf_counter() - began:.0f} (stopped)\n"
    for backend, out in rows.items():
        for line in out.splitlines():
            if backend == "auto" and line.startswith("projected"):
                print(f"  {line}")
            if line.startswith(backend + " "):
                label = ("measures, igraph (the report)" if backend == "auto"
                         else "measures, pure NetworkX")
                print(f"  {label:<40} {line.split(' ', 1)[1]} s (projection excluded)",
                      flush=True)


def bench_stores(sizes, store_dir=None, nx_timeout=600, sample="auto"):
    """Generate, build and time report and export at each size."""
    from bench.generate import generate

    with tempfile.TemporaryDirectory(prefix="citygraph-bench-network-") as tmp:
        base = Path(store_dir) if store_dir else Path(tmp)
        for size in sizes:
            folder = base / f"synthetic-{size}"
            store = folder / "store"
            if not (store / "manifest.json").is_file():
                data = folder / "data"
                shutil.rmtree(folder, ignore_errors=True)
                written = generate(data, size, seed=42)
                shutil.copytree(ROOT / "data", data / "seed",
                                ignore=shutil.ignore_patterns("gazetteer"))
                print(f"generated {written} triples; building ...", flush=True)
                _row("citygraph build --no-validate", run_process(_citygraph(
                    "build", "--no-validate", "--data", data, "--store", store)))
            _clear_cache(store)
            out = Path(tmp) / f"out-{size}"
            out.mkdir(parents=True, exist_ok=True)
            print(f"synthetic graph of {size} triples ({store}):", flush=True)
            commands = _commands(store, out)
            # gexf straight after clearing the cache too: it must be fast on its own
            _clear_cache(store)
            _row("export gexf (measures computed)", run_process(commands[1][1]))
            _clear_cache(store)
            for label, argv in commands:
                _row(label + (" (measures reused)" if label.startswith("export") else ""),
                     run_process(argv))
            _clear_cache(store)
            _nx_side(store, sample, nx_timeout)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=int, nargs="+", metavar="TRIPLES",
                        help="time report and export on bench.generate stores of these sizes")
    parser.add_argument("--store-dir", type=Path, help="keep the generated stores here")
    parser.add_argument("--nx-timeout", type=float, default=600,
                        help="stop pure NetworkX after this many seconds")
    parser.add_argument("--wikidata", type=Path, metavar="STORE",
                        help="time report and the four exports on this store")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="with --wikidata: the src folder of the code to compare with")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--cities", type=int, default=20_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=500,
                        help="betweenness sources for the report (citygraph report --sample)")
    parser.add_argument("--quick", action="store_true",
                        help="run NetworkX betweenness from sample/10 sources and extrapolate")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time each measure alone, and exact closeness in igraph")
    args = parser.parse_args(argv)
    if args.wikidata:
        if not args.before:
            parser.error("--wikidata needs --before SRC")
        bench_wikidata(args.wikidata, args.before, args.runs)
        return 0
    if args.stores:
        bench_stores(args.stores, args.store_dir, args.nx_timeout)
        return 0

    G, _ = _timed("make the synthetic network", synthetic_network, args.cities, args.ties)
    print(f"network: {G.number_of_nodes()} cities, {G.number_of_edges()} ties")

    if args.breakdown:
        k = args.sample
        print(f"each measure as the report runs it (--sample {k}):")
        _timed("betweenness (igraph, sampled)", centrality.betweenness, G, sample=k)
        _timed("closeness (igraph, estimated)", centrality.closeness, G, sample=k)
        _timed("eigenvector (igraph above LARGE)", centrality.eigenvector, G)
        _timed("PageRank (NetworkX)", centrality.pagerank, G)
        _timed("k-core (NetworkX)", centrality.kcore, G)
        _timed("Louvain (igraph above LARGE, seed 42)", centrality.communities, G)
        _timed("bridges + articulation points (NetworkX)",
               lambda H: (centrality.bridges(H), centrality.articulation_points(H)), G)
        _timed("network figures (igraph, sampled distances)", centrality.network_figures, G,
               sample=k)
        print("compiled against pure Python for the all-pairs measures:")
        _timed("closeness, exact (igraph)", centrality.closeness, G)
        _timed("Louvain (NetworkX, seed 42)", centrality.communities, G, backend="networkx")

    print("citygraph report equivalent:")
    began = time.perf_counter()
    figures, _ = _timed("analyze: every measure and figure", analyze, G, sample=args.sample)
    _timed("top table", top_table, G, 10)
    with tempfile.TemporaryDirectory() as out:
        _timed("write nodes.csv, nodes.json, network.json, report.html", write_report, G,
               figures, out)
    report_seconds = time.perf_counter() - began
    print(f"  {'total':<44} {report_seconds:8.2f} s")

    k = max(2, args.sample // 10) if args.quick else args.sample
    print(f"NetworkX-only betweenness from {k} sources:")
    _, nx_seconds = _timed(f"networkx.betweenness_centrality(k={k})",
                           nx.betweenness_centrality, G, k=k, seed=42)
    n = G.number_of_nodes()
    at_sample = nx_seconds * args.sample / k
    exact = nx_seconds * n / k
    if args.quick:
        print(f"  {'extrapolated to k=' + str(args.sample):<44} {at_sample:8.0f} s")
    print(f"  {'extrapolated to exact (k=n)':<44} {exact:8.0f} s ({exact / 60:.0f} min)")
    print(f"report total {report_seconds:.1f} s vs NetworkX betweenness alone "
          f"(k={args.sample}) {at_sample:.1f} s{' (extrapolated)' if args.quick else ''}: "
          f"{at_sample / report_seconds:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
