"""Time the GCoM membership import and the period report on the store that holds it.

One run each (one machine, shared and noisy):

* ``citygraph import memberships`` of the full Covenant of Mayors signatory list
  (11,973 rows, every signatory reconciled to GeoNames with its coordinates) into a
  copy of the project whose data is the frozen seed graph, then the build of a fresh
  store (``--store``, validated);
* ``citygraph report --periods 2008,2012,2016,2020 --out DIR`` on that store (the
  centrality report and the per-period section), then ``--by-year``.

It prints the import's counts (rows, resolved, ambiguous, unresolved) and the
per-period table. Usage: python -m bench.bench_periods [--keep DIR]
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from citygraph.cli import cli

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
GCOM = ROOT.parent / "shared" / "realdata" / "gcom-covenant-signatories" / "signatories.csv"
OPTIONS = ["--organization", "Covenant of Mayors", "--column", "member=organisation_name",
           "--column", "country=country_name", "--column", "lat=organisation_latitude",
           "--column", "lon=organisation_longitude", "--column", "date=date_of_adhesion_iso",
           "--also", "supporter_name", "--also", "coordinator_name"]


def _run(label, *args):
    start = time.perf_counter()
    result = CliRunner().invoke(cli, [str(a) for a in args])
    seconds = time.perf_counter() - start
    print(f"{label:<58} {seconds:8.2f} s", flush=True)
    if result.exit_code != 0:
        print(result.output, file=sys.stderr)
        raise SystemExit(result.exit_code)
    return result.output


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="Build the project here and keep it.")
    args = parser.parse_args(argv)
    if not GCOM.is_file():
        print(f"skipped: {GCOM} is absent")
        return 0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="citygraph-periods-"))
    project = folder / "project"
    if project.exists():
        shutil.rmtree(project)
    for name in ("ontology", "queries", "shapes"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "tests" / "data" / "seed", project / "data",
                    ignore=shutil.ignore_patterns("README.md"))
    store = folder / "store"
    output = _run("import memberships (11,973 rows) and build the store",
                  "import", "memberships", GCOM, "--project", project, "--name", "gcom",
                  *OPTIONS, "--store", store)
    print("\n".join(line for line in output.splitlines()
                    if line.startswith(("11973 rows", "imported in", "validation", "triples"))))
    output = _run("report --periods 2008,2012,2016,2020 --out",
                  "report", "--store", store, "--periods", "2008,2012,2016,2020",
                  "--out", folder / "report")
    print("\n".join(output.splitlines()[-7:]))
    _run("report --by-year (measures reused from the cache)",
         "report", "--store", store, "--by-year", "--out", folder / "report-years")
    if args.keep is None:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
