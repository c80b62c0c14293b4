"""Validation engines side by side: ``citygraph validate`` against plain pySHACL, pyrudof, ...

For each graph (the seed files of ``data/`` plus a synthetic graph of about N
triples from ``bench/generate.py``, with the ontology) every engine runs in
its own process, engines alternating within each repetition, and the table
gives the median and minimum wall time, the CPU time (user + system: on a
shared machine the fairer figure) and the peak memory (the process's maximum
resident set) of each, the speed-up of ``citygraph validate`` over
plain pySHACL, and whether the findings agree.

Engines:
  citygraph   ``citygraph --quiet validate --format json --no-context FILES``
              (pyshacl-turbo on a pyoxigraph store)
  cg-context  ``citygraph --quiet validate --format json FILES`` without the seed files: the
              project's ``data/`` (the seed) is read as context, the synthetic files' nodes are
              the focus
  cg-one      one synthetic file in the context of the whole synthetic graph and the seed
              (``validate --context DIR FILE``): the edit loop; its findings are those of that
              file's nodes, so they are not compared
  cg-pyshacl  the same command with ``CITYGRAPH_SHACL_ENGINE=pyshacl`` (the reference engine)
  pyshacl     plain pySHACL on rdflib: ``Graph.parse`` of each file, ``pyshacl.validate``
  pyrudof     pyrudof's native SHACL engine (counts only; when installed)

Findings agree when the set of (severity, focus, path, shape, value) is the
same; pyrudof is compared by its counts of violations and warnings.

Usage: python -m bench.bench_validate [--triples N ...] [--engines E ...] [--repeat R] [--quick]
``--quick``: 15,000 synthetic triples (with the seed data), one run each of citygraph and
pyshacl (under a minute on a quiet machine).
One machine, shared and noisy: read the ratios, not the absolute times.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from citygraph.graph.project import find
from citygraph.graph.validation import data_files

__all__ = ["ENGINES", "run_engine", "main"]

ENGINES = ["citygraph", "pyshacl", "cg-pyshacl", "pyrudof", "cg-context", "cg-one"]
_CLI = ("citygraph", "cg-pyshacl", "cg-context", "cg-one")
ROOT = Path(__file__).resolve().parents[1]
#: the folders of this repository, which the bench measures on whatever folder it runs from
_PROJECT = find(ROOT)
SHAPES_DIR, ONTOLOGY_DIR, DATA_DIR = _PROJECT.shapes_dir, _PROJECT.ontology_dir, _PROJECT.data_dir


def _plain_pyshacl(files, out):
    """Plain pySHACL on rdflib, as a user would call it; write the findings to ``out``."""
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import RDF, SH

    from citygraph.graph.validation.engines import _path_text_rdflib
    from citygraph.graph.validation.report import shorten

    data = Graph()
    for path in files:
        data.parse(path, format="turtle")
    shapes = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True,
        inplace=True,
    )
    report = results.value(None, RDF.type, SH.ValidationReport, any=False)
    found = set()
    for node in results.objects(report, SH.result):
        path = results.value(node, SH.resultPath)
        value = results.value(node, SH.value)
        found.add((
            str(results.value(node, SH.resultSeverity)).rsplit("#", 1)[-1],
            shorten(results.value(node, SH.focusNode)),
            shorten(_path_text_rdflib(results, path)) if path is not None else None,
            shorten(results.value(node, SH.sourceShape)),
            shorten(value) if value is not None else None,
        ))
    out.write_text(json.dumps(sorted(found, key=str)), encoding="utf-8")


def _pyrudof(files, out):
    """pyrudof's native engine on the same files; write its counts to ``out``."""
    import pyrudof
    from rdflib import Graph

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    for path in files:
        rudof.read_data(str(path), merge=True)
    shapes = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    rudof.read_shacl(shapes.serialize(format="turtle"))
    report = rudof.validate_shacl()
    severities = [str(entry.severity) for entry in report]
    violations = sum(1 for s in severities if "Violation" in s)
    warnings = sum(1 for s in severities if "Warning" in s)
    out.write_text(json.dumps({"results": len(severities), "violations": violations,
                               "warnings": warnings}), encoding="utf-8")


def _findings_of_cli(stdout):
    report = json.loads(stdout)
    return sorted(
        {(r["severity"], r["focus"], r["path"], r["shape"], r["value"])
         for r in report["results"]},
        key=str,
    )


def run_engine(engine, files, work):
    """Run one engine in a subprocess: (seconds, CPU seconds, peak RSS in MB, findings)."""
    env = {**os.environ, "CITYGRAPH_QUIET": "1", "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    out = Path(work) / f"{engine}.json"
    file_list = Path(work) / "files.txt"
    file_list.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    if engine in _CLI:
        if engine == "cg-pyshacl":
            env["CITYGRAPH_SHACL_ENGINE"] = "pyshacl"
        given = ["--no-context", *map(str, files)]
        seed = {p.resolve() for p in data_files(DATA_DIR)}
        synthetic = [f for f in files if "synthetic-" in Path(f).parent.name]
        if engine == "cg-context":
            given = [str(f) for f in files if Path(f).resolve() not in seed]
        elif engine == "cg-one":
            # the whole graph (synthetic and seed, with the ontology) in one context folder
            context = Path(work) / f"context-{Path(synthetic[0]).parent.name}"
            if not context.is_dir():
                context.mkdir()
                for f in files:
                    if Path(f).resolve() not in {p.resolve() for p in ONTOLOGY_DIR.glob("*")}:
                        (context / f"{Path(f).parent.name}-{Path(f).name}").symlink_to(f)
            given = ["--context", str(context), str(sorted(synthetic)[-1])]
        command = [sys.executable, "-c", "import sys; from citygraph.cli import main; main()",
                   "--quiet", "validate", "--format", "json", *given]
    else:
        command = [sys.executable, "-m", "bench.bench_validate", "--run", engine,
                   str(file_list), str(out)]
    start = time.perf_counter()
    with open(out.with_suffix(".stdout"), "wb") as stdout:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout,
                                   stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{engine} failed ({code}): {error.strip()[-500:]}")
    peak = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    if engine in _CLI:
        found = _findings_of_cli(out.with_suffix(".stdout").read_text(encoding="utf-8"))
    else:
        found = json.loads(out.read_text(encoding="utf-8"))
        if isinstance(found, list):
            found = sorted((tuple(f) for f in found), key=str)
    return seconds, cpu, peak, found


def _counts(found):
    if isinstance(found, dict):
        return found["violations"], found["warnings"]
    violations = sum(1 for f in found if f[0] == "Violation")
    return violations, sum(1 for f in found if f[0] == "Warning")


def _graphs(triples, work):
    seed = data_files(DATA_DIR)
    ontology = sorted(ONTOLOGY_DIR.glob("*.ttl"))
    for n in triples:
        out = Path(work) / f"synthetic-{n}"
        generate(out, triples=n, files=10)
        yield n, [*sorted(out.glob("*.ttl")), *seed, *ontology]


def _count_triples(files):
    import pyoxigraph as ox

    store = ox.Store()
    for path in files:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return len(store)


def main(argv=None):
    """Run the benchmark and print one table (one row per graph and engine)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="*", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--engines", nargs="*", choices=ENGINES,
                        default=["citygraph", "pyshacl", "pyrudof"])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--run", nargs=3, metavar=("ENGINE", "FILES", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        engine, file_list, out = args.run
        files = Path(file_list).read_text(encoding="utf-8").split("\n")
        {"pyshacl": _plain_pyshacl, "pyrudof": _pyrudof}[engine](files, Path(out))
        return 0
    if args.quick:
        args.triples, args.engines, args.repeat = [15_000], ["citygraph", "pyshacl"], 1
    engines = list(args.engines)
    if "pyrudof" in engines:
        try:
            import pyrudof  # noqa: F401
        except ImportError:
            engines.remove("pyrudof")
    work = Path(tempfile.mkdtemp(prefix="citygraph-bench-validate-"))
    try:
        print("| triples | engine | median s | min s | CPU s | peak MB | violations | warnings "
              "| vs pyshacl (wall, CPU) | same findings |")
        print("|---|---|---|---|---|---|---|---|---|---|", flush=True)
        for _, files in _graphs(args.triples, work):
            size = _count_triples(files)
            runs = {e: [] for e in engines}
            found = {}
            for i in range(args.repeat):
                order = engines if i % 2 == 0 else engines[::-1]
                for engine in order:
                    seconds, cpu, peak, result = run_engine(engine, files, work)
                    runs[engine].append((seconds, peak, cpu))
                    found[engine] = result
            reference = found.get("pyshacl")
            base = statistics.median(r[0] for r in runs["pyshacl"]) if reference else None
            base_cpu = statistics.median(r[2] for r in runs["pyshacl"]) if reference else None
            for engine in engines:
                times = [r[0] for r in runs[engine]]
                median = statistics.median(times)
                cpu = statistics.median(r[2] for r in runs[engine])
                peak = max(r[1] for r in runs[engine])
                violations, warnings = _counts(found[engine])
                if reference is None or engine in ("pyshacl", "cg-one"):
                    same = "-"
                elif isinstance(found[engine], dict):
                    same = "counts equal" if (violations, warnings) == _counts(reference) \
                        else "COUNTS DIFFER"
                else:
                    same = "yes" if found[engine] == reference else "NO"
                ratio = f"{base / median:.1f}x, {base_cpu / cpu:.1f}x" if base else "-"
                print(f"| {size:,} | {engine} | {median:.1f} | {min(times):.1f} | {cpu:.1f} "
                      f"| {peak:.0f} | {violations} | {warnings} | {ratio} | {same} |",
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
