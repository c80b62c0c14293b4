"""Time ``citygraph validate`` on seed and synthetic data, with the date check two ways.

For each graph (the seed files of ``data/``, and synthetic graphs of about N
triples from ``bench/generate.py``) this prints the time of
``citygraph.validation.validate`` with the shapes of ``shapes/``, the number of
triples, and the counts of violations and warnings; then the same run with
the end-before-start check written as a SHACL-SPARQL constraint (the first
version of ``cgsh:StartBeforeEndShape``) instead of SHACL Core, to show why
the shapes use Core: pySHACL parses a SPARQL constraint's query once per focus
node.

Usage: python -m bench.bench_validate [--triples N ...]
One run, one machine: read the ratios, not the absolute times.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from citygraph.rdfio import parse_turtle
from citygraph.validation import DATA_DIR, SHAPES_DIR, data_files, validate

__all__ = ["sparql_shapes", "time_validation", "main"]

_CORE_START = "cgsh:StartBeforeEndShape a sh:NodeShape ;"
_SPARQL_SHAPE = '''cgsh:StartBeforeEndShape a sh:NodeShape ;
    sh:targetSubjectsOf schema:endDate ;
    sh:sparql [
        a sh:SPARQLConstraint ;
        sh:message "The end date ({?value}) is before the start date ({?start})."@en ;
        sh:select """
            SELECT $this ?path ?value ?start WHERE {
                $this <https://schema.org/startDate> ?start ;
                      <https://schema.org/endDate> ?value .
                BIND(<https://schema.org/endDate> AS ?path)
                BIND(STR(?start) AS ?s)
                BIND(STR(?value) AS ?e)
                BIND(IF(STRLEN(?s) < STRLEN(?e), STRLEN(?s), STRLEN(?e)) AS ?n)
                FILTER(SUBSTR(?s, 1, ?n) > SUBSTR(?e, 1, ?n))
            }
        """ ;
    ] .

cgsh:UnusedCoreStartBeforeEnd a sh:NodeShape ;'''


def sparql_shapes(folder):
    """Copy ``shapes/`` into ``folder`` with the date-order check as SHACL-SPARQL."""
    folder = Path(folder)
    for path in SHAPES_DIR.glob("*.ttl"):
        text = path.read_text(encoding="utf-8")
        if _CORE_START in text:
            text = text.replace(_CORE_START, _SPARQL_SHAPE)
        (folder / path.name).write_text(text, encoding="utf-8")
    return folder


def time_validation(paths, shapes_dir=SHAPES_DIR):
    """(seconds, report) of one validation of ``paths``."""
    start = time.perf_counter()
    report = validate(paths, shapes_dir=shapes_dir)
    return time.perf_counter() - start, report


def _triples(paths):
    return len(parse_turtle(paths))


def main(argv=None):
    """Run the benchmark and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="*", default=[20_000, 100_000])
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="citygraph-bench-validate-"))
    try:
        (work / "sparql-shapes").mkdir()
        sparql_dir = sparql_shapes(work / "sparql-shapes")
        graphs = [("seed data/", data_files(DATA_DIR))]
        for n in args.triples:
            out = work / f"synthetic-{n}"
            generate(out, triples=n, files=4)
            graphs.append((f"synthetic ~{n:,} triples", sorted(out.glob("*.ttl"))))
        print(
            "| graph | triples | Core: seconds | violations | warnings | SPARQL: seconds | ratio |"
        )
        print("|---|---|---|---|---|---|---|")
        for name, paths in graphs:
            core_s, core = time_validation(paths)
            sparql_s, sparql = time_validation(paths, sparql_dir)
            print(
                f"| {name} | {_triples(paths):,} | {core_s:.1f} | {len(core.violations)} "
                f"| {len(core.warnings)} | {sparql_s:.1f} | {sparql_s / core_s:.1f}x |",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
