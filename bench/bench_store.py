"""Time ``citygraph build`` and every catalog query, beside plain pyoxigraph, pySHACL and rdflib.

Two graphs: the seed graph (ontology + data/) and a synthetic graph of about
1M triples from ``bench/generate.py`` (plus the seed files, so that the example
parameter values of the catalog name real nodes). For each:

* build: ``citygraph.graph.build.build`` (load into named graphs + inference +
  validation + swap into place) against plain pyoxigraph loading into an
  on-disk store plus pySHACL validation of the same files; then a rebuild on
  unchanged files and a rebuild after one changed file;
* queries: every ``queries/*.rq`` except ``construct-*``, with the example
  values of its header, on the built store (pyoxigraph) and on an rdflib
  in-memory Dataset holding the same quads (union default graph), each rdflib
  query capped at ``--rdflib-timeout`` seconds (shown as "> N s"); a query whose
  row count differs between the two is marked.

Usage: python -m bench.bench_store [--triples N] [--rdflib-timeout S] [--no-validate-large]
One run, one machine: read the ratios, not the absolute times.

``--compare-build`` instead times ``citygraph build --no-validate`` against a
plain pyoxigraph bulk load of the same files (one named graph per file) and
against its fair peer, the same bulk load plus the same ``construct-*.rq``
rules run as SPARQL UPDATE until none adds a triple, in memory beside the load
as the build infers (see ``_PLAIN_RULES``; both must infer the same number of
triples), each in its own child process, alternating, at 100k and 1M triples
(``--sizes``), and prints the min / median wall time, the median CPU time and
the peak memory (maximum resident set of each child, from ``os.wait4``) of
each, and their ratios:

    python -m bench.bench_store --compare-build --sizes 100000 1000000 --runs 3

``--edit-loop`` times the edit loop at each of ``--sizes``: a clean synthetic graph
(``bench.generate --clean``) with the seed files, built with validation; then one
seed file changed (a sister-city tie of ``001_*.ttl`` made a cooperation, which
takes inferred triples away) and built again, incrementally, and the same change
built with ``--full`` into another store; it prints the wall and CPU seconds of each
and whether the two stores' manifests (files, triples per graph, inferred, validation)
are equal:

    python -m bench.bench_store --edit-loop --sizes 100000 1000000
"""

import argparse
import json
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.generate import generate
from citygraph.graph.build import build
from citygraph.graph.store import open_existing, project_root, source_files
from citygraph.querying.catalog import bind_params, list_queries, run_query
from citygraph.querying.sparql import connect

__all__ = ["main", "time_build", "time_queries"]

ROOT = project_root()
OUT = ROOT / "bench" / "out"


def _clock(func, *args, **kwargs):
    start = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - start, value


def _plain_load(files, folder):
    # the fastest plain way to a persistent store: bulk loads into a new directory
    store = ox.Store(str(folder))
    for path in files:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE,
                        to_graph=ox.NamedNode(f"urn:file:{path.name}"))
    store.flush()
    return len(store)


def _validate(data_files):
    from citygraph.graph.validation import validate

    return validate(data_files)


def time_build(data_dir, work, validate=True):
    """Seconds for build, plain load, validation, reuse and one-file reload."""
    files = source_files(ROOT, data_dir)
    data_files = [p for p in files if p.parent.name != "ontology"]
    figures = {"files": len(files)}
    figures["plain_load"], triples = _clock(_plain_load, files, work / "plain")
    figures["triples_loaded"] = triples
    if validate:
        figures["validation"], report = _clock(_validate, data_files)
        figures["violations"] = len(report.violations)
    store = work / "store"
    figures["build"], report = _clock(build, store_path=store, data_dir=data_dir, root=ROOT,
                                      validate=validate)
    figures["asserted"], figures["inferred"] = report.asserted, report.inferred
    figures["infer"] = report.seconds.get("infer")
    figures["steps"] = dict(report.seconds)
    figures["written"] = report.written
    if not report.written:
        # the data does not conform: time the same build without the final swap refused
        figures["build_unvalidated"], report = _clock(
            build, store_path=store, data_dir=data_dir, root=ROOT, validate=False)
    figures["rebuild_unchanged"], again = _clock(
        build, store_path=store, data_dir=data_dir, root=ROOT, validate=validate)
    if not again.up_to_date:
        print("  (a source file changed during the run: " + "; ".join(again.lines()[1:3]) + ")",
              file=sys.stderr)
    changed = data_files[0]
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + b"\n# changed for the benchmark\n")
        figures["rebuild_one_changed"], reloaded = _clock(
            build, store_path=store, data_dir=data_dir, root=ROOT, validate=validate)
        figures["reloaded"] = reloaded.reloaded
    finally:
        changed.write_bytes(original)
    return figures, store


def time_owlrl(data_dir):
    """Seconds for owlrl's OWL RL closure of the same files, and triples before and after."""
    import owlrl
    from rdflib import Graph

    graph = Graph()
    for path in source_files(ROOT, data_dir):
        graph.parse(path, format="turtle")
    before = len(graph)
    seconds, _ = _clock(owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand, graph)
    return seconds, before, len(graph)


# --- queries ---------------------------------------------------------------------------

_DATASET = None


def _rdflib_worker(conn, text, bindings):
    start = time.perf_counter()
    try:
        rows = len(list(_DATASET.query(text, initBindings=bindings)))
        conn.send((time.perf_counter() - start, rows, None))
    except Exception as exc:  # noqa: BLE001 - reported in the table
        conn.send((time.perf_counter() - start, None, f"{type(exc).__name__}: {exc}"[:120]))


def _rdflib_time(text, bindings, timeout):
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_rdflib_worker, args=(send, text, bindings))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
        return None, None, f"> {timeout:g} s"
    return receive.recv() if receive.poll() else (None, None, "no answer")


def _load_rdflib(store_path):
    global _DATASET
    from rdflib import Dataset

    quads = open_existing(store_path).dump(format=ox.RdfFormat.N_QUADS)
    _DATASET = Dataset(default_union=True)
    _DATASET.parse(data=quads, format="nquads")
    return len(_DATASET)


def time_queries(store_path, rdflib_timeout, repeat=3):
    """Per catalog query: rows and seconds with pyoxigraph and with rdflib."""
    target = connect(open_existing(store_path))
    figures = {}
    load_seconds, quads = _clock(_load_rdflib, store_path)
    figures["_rdflib_load"] = {"seconds": load_seconds, "quads": quads}
    for query in list_queries(ROOT / "queries"):
        if query.role == "construct":
            continue
        params = {p.name: p.example for p in query.params if not p.optional}
        bindings = bind_params(query, params)
        best, rows = None, None
        for _ in range(repeat):
            seconds, result = _clock(run_query, query, target, params)
            best = seconds if best is None else min(best, seconds)
            rows = len(result.rows)
            if seconds > 1:
                break
        rd_seconds, rd_rows, note = _rdflib_time(query.text, bindings, rdflib_timeout)
        figures[query.name] = {"oxigraph": best, "rows": rows, "rdflib": rd_seconds,
                               "rdflib_rows": rd_rows, "note": note}
    return figures


# --- build against a plain bulk load, in child processes ---------------------------------

_PLAIN = """
import sys
from pathlib import Path
import pyoxigraph as ox
from citygraph.graph.store import graph_iri, project_root, source_files
root = project_root()
store = ox.Store(sys.argv[1])
for path in source_files(root, Path(sys.argv[2])):
    store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=graph_iri(path, root))
store.flush()
"""


#: the fair peer of a build without validation: the same bulk load into the on-disk store
#: and, beside it, the same files bulk-loaded into one graph of an in-memory store, where the
#: same construct-*.rq rules run as SPARQL UPDATE (INSERT into the inferred graph, USING the
#: files' graph and the inferred graph) until none adds a triple, a rule running again only
#: when triples were inferred since its last run began (the build also infers in memory and
#: runs again only the rules new triples may feed); the inferred graph then goes to disk.
#: (Running the rules on the on-disk store, USING each file's graph, takes 5-15x longer:
#: every rule's WHERE reads the merge of the many graphs from disk; construct-subclass
#: alone took 36 s of the 35 s-per-pass fixpoint at 100k.)
_PLAIN_RULES = _PLAIN + """
from citygraph.graph.inference import INFERRED_GRAPH, as_insert, rule_paths
files, inferred = "urn:citygraph:bench:files", ox.NamedNode(INFERRED_GRAPH)
memory = ox.Store()
for path in source_files(root, Path(sys.argv[2])):
    memory.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(files))
updates = [as_insert(p.read_text(encoding="utf-8"), INFERRED_GRAPH, [files, INFERRED_GRAPH])
           for p in rule_paths(root / "queries")]
assert None not in updates
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"
size, passes, began = 0, 0, {}
while True:
    passes += 1
    grown = False
    for rule, update in enumerate(updates):
        if began.get(rule) == size:
            continue  # it ran on just these triples and added nothing
        began[rule] = size
        memory.update(update)
        count = int(next(iter(memory.query(COUNT)))["n"].value)
        grown, size = grown or count != size, count
    if not grown:
        break
store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, inferred)
                  for q in memory.quads_for_pattern(None, None, None, inferred))
store.flush()
print(f"inferred {size} in {passes} passes")
"""


def _child(args, env=None):
    """Run a child process; its wall seconds, peak resident memory (MB), output and CPU
    seconds (user and system, from ``os.wait4``)."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{args[:3]} failed ({child.returncode}): {output[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime


def compare_build(data_dir, work, runs):
    """Alternate plain bulk loads and ``citygraph build --no-validate`` of the same files."""
    env = {**os.environ, "CITYGRAPH_QUIET": "1"}
    figures = {"plain": [], "plain_rules": [], "build": [], "rebuild_unchanged": []}
    output = ""
    for run in range(runs):
        plain = work / f"plain-{run}"
        seconds, peak, _, cpu = _child([sys.executable, "-c", _PLAIN, str(plain),
                                        str(data_dir)], env)
        figures["plain"].append((seconds, peak, cpu))
        shutil.rmtree(plain, ignore_errors=True)
        seconds, peak, said, cpu = _child([sys.executable, "-c", _PLAIN_RULES, str(plain),
                                           str(data_dir)], env)
        figures["plain_rules"].append((seconds, peak, cpu))
        figures["plain_rules_said"] = said.strip()
        shutil.rmtree(plain, ignore_errors=True)
        store = work / f"store-{run}"
        command = [sys.executable, "-c", "import sys; from citygraph.cli import main; "
                   "sys.exit(main())", "build", "--no-validate", "--store", str(store),
                   "--data", str(data_dir)]
        seconds, peak, output, cpu = _child(command, env)
        figures["build"].append((seconds, peak, cpu))
        seconds, peak, _, cpu = _child(command, env)
        figures["rebuild_unchanged"].append((seconds, peak, cpu))
        shutil.rmtree(store, ignore_errors=True)
        # the peer is fair only when it infers what the build infers
        built = re.search(r"(\d+) inferred", output)
        peer = re.search(r"inferred (\d+)", figures["plain_rules_said"])
        if not (built and peer and built.group(1) == peer.group(1)):
            raise RuntimeError(f"the build and its peer inferred different triples: "
                               f"{output.strip()!r} against {figures['plain_rules_said']!r}")
    figures["summary"] = [line for line in output.splitlines() if not line.startswith("  ")]
    return figures


def edit_loop(size, tmp):
    """Seconds (wall, CPU) of a full validated build, of one edit built incrementally and
    of the same edit built with ``full``; whether both stores' manifests are equal."""
    from citygraph.graph.store import read_manifest

    data = tmp / f"edit-{size}" / "data"
    written = generate(data, size, seed=42, clean=True)
    shutil.copytree(ROOT / "data", data / "seed", ignore=shutil.ignore_patterns("gazetteer"))
    store, other = tmp / f"edit-{size}" / "store", tmp / f"edit-{size}" / "full"

    def timed(**kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        report = build(data_dir=data, root=ROOT, **kwargs)
        return time.perf_counter() - wall, time.process_time() - cpu, report

    figures = {"triples": written}
    figures["first"] = timed(store_path=store)
    timed(store_path=other, full=True)
    changed = next((data / "seed").glob("001_*.ttl"))
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("tiet:sister-city", "tiet:cooperation", 1), "utf-8")
    figures["incremental"] = timed(store_path=store)
    figures["full"] = timed(store_path=other, full=True)
    figures["equal"] = read_manifest(store) == read_manifest(other)
    figures["inferred_equal"] = _inferred(store) == _inferred(other)
    return figures


def _inferred(store_path):
    """The inferred triples of a store without blank nodes, and how many have one (a load
    names blank nodes anew)."""
    import pyoxigraph as ox

    from citygraph.graph.store import INFERRED_GRAPH, open_existing

    store = open_existing(store_path)
    plain, blank = set(), 0
    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH)):
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            blank += 1
        else:
            plain.add((q.subject.value, q.predicate.value, str(q.object)))
    return plain, blank


def print_edit_loop(f):
    print(f"\n### Edit loop: {f['triples']:,} synthetic triples (--clean) + seed, validated\n")
    print("| build | wall s | CPU s | written | validated | conforms | checked nodes |")
    print("|---|---|---|---|---|---|---|")
    for key, name in (("first", "first build"), ("incremental", "one file changed"),
                      ("full", "the same, --full")):
        wall, cpu, r = f[key]
        checked = "all" if r.checked_nodes is None else r.checked_nodes
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {r.written} | {r.validated} | {r.conforms} "
              f"| {checked} |")
    ratio = f["full"][0] / f["incremental"][0]
    print(f"\nincremental {ratio:.1f}x faster than --full; stores equal (manifests): {f['equal']}"
          f"; inferred graphs equal: {f['inferred_equal']}")
    print(f"inference: {f['incremental'][2].inference_note}")
    print("steps of the incremental build: "
          + ", ".join(f"{k} {v:.2f} s" for k, v in f["incremental"][2].seconds.items()))


def print_compare(name, f):
    """The table of one size: min / median seconds and peak MB, and the ratios."""
    def stats(key):
        seconds = [row[0] for row in f[key]]
        peaks = [row[1] for row in f[key]]
        cpu = [row[2] for row in f[key]]
        return min(seconds), statistics.median(seconds), max(peaks), statistics.median(cpu)

    plain, build_, again = stats("plain"), stats("build"), stats("rebuild_unchanged")
    rules = stats("plain_rules")
    print(f"\n== build --no-validate against a plain bulk load: {name} "
          f"({len(f['plain'])} runs each, alternating) ==")
    for line in f["summary"]:
        print(f"  {line}")
    print(f"  {'':32} {'min':>9} {'median':>9} {'CPU':>9} {'peak MB':>9}")
    for label, (low, mid, peak, cpu) in (("plain pyoxigraph bulk load", plain),
                                         ("bulk load + rules as UPDATE", rules),
                                         ("citygraph build --no-validate", build_),
                                         ("build again, nothing changed", again)):
        print(f"  {label:32} {_s(low):>9} {_s(mid):>9} {_s(cpu):>9} {peak:>9.0f}")
    print(f"  ratio build / plain: {build_[1] / plain[1]:.2f}x median time, "
          f"{build_[2] / plain[2]:.2f}x peak memory (target <= 3x)")
    print(f"  ratio build / (bulk load + the same rules as SPARQL UPDATE, "
          f"{f['plain_rules_said']}): {build_[1] / rules[1]:.2f}x median time (target <= 1.1x), "
          f"{build_[3] / rules[3]:.2f}x median CPU, {build_[2] / rules[2]:.2f}x peak memory")


# --- report ----------------------------------------------------------------------------


def _s(seconds):
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def print_build(name, f):
    """The build table of one graph."""
    plain = f["plain_load"] + f.get("validation", 0.0)
    print(f"\n== build: {name} ({f['files']} files, {f['asserted']} asserted + "
          f"{f['inferred']} inferred triples) ==")
    print(f"  plain pyoxigraph bulk load     {_s(f['plain_load']):>10}")
    if "validation" in f:
        print(f"  pySHACL validation             {_s(f['validation']):>10}"
              f"   ({f['violations']} violations)")
    print(f"  plain load + validation        {_s(plain):>10}")
    print(f"  citygraph build                {_s(f['build']):>10}   "
          f"ratio {f['build'] / plain:.2f}x (target <= 1.5x)")
    for step in ("parse", "load", "infer", "load+infer+write", "count", "validate"):
        if f.get("steps", {}).get(step) is not None:
            print(f"    of which {step:<20}{_s(f['steps'][step]):>10}")
    if "build_unvalidated" in f:
        print(f"  citygraph build --no-validate  {_s(f['build_unvalidated']):>10}")
    print(f"  rebuild, nothing changed       {_s(f['rebuild_unchanged']):>10}")
    print(f"  rebuild, one file changed      {_s(f['rebuild_one_changed']):>10}   "
          f"(reloaded {', '.join(f['reloaded'])})")


def print_queries(name, figures, timeout):
    """The query table of one graph."""
    load = figures["_rdflib_load"]
    print(f"\n== catalog queries: {name} (rdflib Dataset of {load['quads']} quads loaded in "
          f"{_s(load['seconds'])}; rdflib capped at {timeout:g} s) ==")
    print(f"  {'query':34} {'rows':>6} {'pyoxigraph':>11} {'rdflib':>11} {'speedup':>9}")
    for query, f in figures.items():
        if query.startswith("_"):
            continue
        if f["rdflib"] is not None and f["note"] is None:
            ratio = f"{f['rdflib'] / max(f['oxigraph'], 1e-6):.0f}x"
            rdflib = _s(f["rdflib"])
        elif f["note"] and f["note"].startswith(">"):
            ratio = f"> {timeout / max(f['oxigraph'], 1e-6):.0f}x"
            rdflib = f["note"]
        else:
            ratio, rdflib = "-", "error"
        differ = f.get("rdflib_rows") is not None and f["rdflib_rows"] != f["rows"]
        mark = f"   rdflib gave {f['rdflib_rows']} rows" if differ else ""
        print(f"  {query:34} {f['rows']:>6} {_s(f['oxigraph']):>11} {rdflib:>11} {ratio:>9}{mark}")


def main(argv=None):
    """Run the store benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000,
                        help="size of the synthetic graph (default 1,000,000)")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--no-validate-large", action="store_true",
                        help="skip pySHACL on the synthetic graph (it takes minutes)")
    parser.add_argument("--seed-only", action="store_true")
    parser.add_argument("--owlrl", action="store_true",
                        help="also time owlrl's OWL RL closure on the seed graph (slow)")
    parser.add_argument("--no-queries", action="store_true", help="time the builds only")
    parser.add_argument("--skip-seed", action="store_true", help="time the synthetic graph only")
    parser.add_argument("--compare-build", action="store_true",
                        help="only build --no-validate against a plain bulk load, in child "
                             "processes, at each of --sizes")
    parser.add_argument("--edit-loop", action="store_true",
                        help="only the edit loop: one changed file, incremental and --full, "
                             "at each of --sizes")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.edit_loop:
        with tempfile.TemporaryDirectory(prefix="citygraph-bench-") as tmp:
            for size in args.sizes:
                print(f"timing the edit loop at {size} triples ...", file=sys.stderr)
                print_edit_loop(edit_loop(size, Path(tmp)))
        return
    if args.compare_build:
        results = {}
        with tempfile.TemporaryDirectory(prefix="citygraph-bench-") as tmp:
            for size in args.sizes:
                data = Path(tmp) / f"synthetic-{size}" / "data"
                written = generate(data, size, seed=42)
                shutil.copytree(ROOT / "data", data / "seed",
                                ignore=shutil.ignore_patterns("gazetteer"))
                work = Path(tmp) / f"work-{size}"
                work.mkdir()
                print(f"timing build against bulk load at {written} triples ...", file=sys.stderr)
                results[size] = compare_build(data, work, args.runs)
                print_compare(f"{written} synthetic triples + seed", results[size])
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "bench_store-compare.json").write_text(json.dumps(results, indent=1), "utf-8")
        return

    results = {}
    with tempfile.TemporaryDirectory(prefix="citygraph-bench-") as tmp:
        tmp = Path(tmp)
        graphs = [("seed graph", ROOT / "data", True)]
        if not args.seed_only:
            synthetic = tmp / "synthetic" / "data"
            written = generate(synthetic, args.triples, seed=42)
            print(f"generated {written} synthetic triples", file=sys.stderr)
            shutil.copytree(ROOT / "data", synthetic / "seed",
                            ignore=shutil.ignore_patterns("gazetteer"))
            graphs.append((f"synthetic {written} triples + seed", synthetic,
                           not args.no_validate_large))
        if args.skip_seed:
            graphs = graphs[1:]
        for index, (name, data_dir, validate) in enumerate(graphs):
            work = tmp / f"work-{index}"
            work.mkdir()
            print(f"timing build on the {name} ...", file=sys.stderr)
            build_figures, store = time_build(data_dir, work, validate)
            print_build(name, build_figures)
            if args.owlrl and index == 0 and not args.skip_seed:
                seconds, before, after = time_owlrl(data_dir)
                build_figures["owlrl"] = seconds
                print(f"  inference by the rules          {_s(build_figures['infer']):>10}")
                print(f"  owlrl OWL RL closure instead    {_s(seconds):>10}   "
                      f"({before} -> {after} triples)")
            results[name] = {"build": build_figures}
            if args.no_queries:
                continue
            print(f"timing queries on the {name} ...", file=sys.stderr)
            query_figures = time_queries(store, args.rdflib_timeout)
            print_queries(name, query_figures, args.rdflib_timeout)
            results[name]["queries"] = query_figures
    OUT.mkdir(parents=True, exist_ok=True)
    name = "bench_store-builds.json" if args.no_queries else "bench_store.json"
    (OUT / name).write_text(json.dumps(results, indent=1, default=str), "utf-8")
    print(f"\nfigures also in {OUT / name}")


if __name__ == "__main__":
    main()
