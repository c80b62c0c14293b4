"""Time the importers on the real shared data and print the figures of the imported network.

Three timings, one run each (one machine, shared and noisy: read the ratios):

* the full Wikidata P190 import (34,182 statements, every item reconciled to
  GeoNames by its label) into a copy of the project and a fresh store
  (``citygraph import wikidata --store``: import, then build), then the same
  import again (which must write the same bytes and keep the store);
* reconciling 25,000 rows of the Wikipedia twin-cities list: the name index
  (built cold, then loaded from its cache), and the rows themselves, with the
  rates (resolved, ambiguous, unresolved, over distinct names) and the
  precision against the list's own geocoded coordinates;
* ``citygraph report --layer tie`` on the store holding the Wikidata layer.

Then the network-level figures of the imported Wikidata twinning network,
beside those KONECT publishes for its Wikidata "twin" network (2017).

Usage: python -m bench.bench_import [--quick] [--reconcile-only] [--rows N] [--report FILE]
(--quick: 5,000 rows, no report; --reconcile-only: only the rows, their rates,
precision and the names left for a person grouped by cause; --rows: how many rows
of the list, 26,114 for all; --report: write the reconciliation report as CSV)
"""

import argparse
import csv
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from citygraph.importers.common import place_iris_by_geonames_id, place_iris_by_wikidata_id
from citygraph.importers.csv_ties import import_csv, report_text
from citygraph.importers.turtle import turtle_text
from citygraph.importers.wikidata import import_tables, read_names, read_relations
from citygraph.networks.centrality import network_figures
from citygraph.places import geoindex, reconcile

__all__ = ["main", "wikidata_network", "cause", "KONECT"]

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "realdata"
P190 = REAL / "wikidata-p190-2016"
TWINS = REAL / "wikipedia-twin-cities"

#: KONECT's Wikidata "twin" network (2017 snapshot), as issue 6 quotes it
KONECT = {"nodes": 14274, "edges": 20573, "mean_degree": 2.88, "max_degree": 99,
          "largest_component": 10320, "clustering": 0.111, "assortativity": 0.387,
          "mean_distance": 7.65, "diameter": 25}


def _timed(label, fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"{label:<58} {seconds:8.2f} s", flush=True)
    return value, seconds


def _project_copy(folder):
    """A copy of this project's ontology, queries, shapes and data (without its imports)."""
    for name in ("ontology", "queries", "shapes", "data"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("imports"))
    return folder


def bench_wikidata(store_dir):
    """The Wikidata loop on a copy of the project: import with --store, then again.

    Times the conversion alone (read, reconcile every item to GeoNames, triples,
    Turtle), then ``citygraph import wikidata --store`` into a fresh store (import
    and build, no validation) and the same command again, which must write the
    same bytes and find the store up to date. Returns the store's folder.
    """
    from click.testing import CliRunner

    from citygraph.cli import cli

    reconcile.get_index()
    result, t_import = _timed("wikidata: read, reconcile 10,028 items, make triples",
                              import_tables, P190 / "relations.tsv", P190 / "names.tsv")
    _text, t_text = _timed("wikidata: write sorted Turtle", turtle_text, result.triples)
    print(f"  {result.statements} statements, {result.duplicates} exact duplicates, "
          f"{result.pairs} ties, {result.one_sided} one-sided, {result.items} places, "
          f"{len(result.reused)} seed places by QID")
    statuses = {}
    for outcome in result.outcomes.values():
        statuses[outcome.decision.status] = statuses.get(outcome.decision.status, 0) + 1
    print("  items reconciled by label: " + ", ".join(
        f"{k} {v} ({v / len(result.outcomes):.1%})" for k, v in sorted(statuses.items())))
    # the seed cities linked by QID: does their label alone find the same GeoNames place?
    labels = read_names(P190 / "names.tsv")
    seeds = place_iris_by_geonames_id()
    by_iri = {iri: gid for gid, iri in seeds.items()}
    same = other = left = 0
    for qid, iri in place_iris_by_wikidata_id().items():
        d = reconcile.reconcile(labels[qid], "")
        if d.status != reconcile.RESOLVED:
            left += 1
        elif d.city.geonameid == by_iri.get(iri):
            same += 1
        else:
            other += 1
    print(f"  check on the {same + other + left} seed cities linked by QID: their label alone "
          f"finds the same GeoNames place for {same}, another for {other}, none for {left}")
    root = _project_copy(store_dir.parent / "project")
    args = ["import", "wikidata", "--relations", str(P190 / "relations.tsv"), "--names",
            str(P190 / "names.tsv"), "--project", str(root), "--store", str(store_dir),
            "--no-validate"]
    first, t_first = _timed("wikidata: citygraph import --store (import + build)",
                            CliRunner().invoke, cli, args)
    if first.exit_code != 0:
        print(f"  import failed ({first.exit_code}): {first.output.strip()[:300]}")
        return store_dir
    files = {p.name: p.read_bytes() for p in (root / "data" / "imports").iterdir()}
    again, t_again = _timed("wikidata: the same import again (same bytes, store kept)",
                            CliRunner().invoke, cli, args)
    same_bytes = files == {p.name: p.read_bytes() for p in (root / "data" / "imports").iterdir()}
    print(f"  conversion {t_import + t_text:.2f} s of the first {t_first:.2f} s; "
          f"second run {t_again:.2f} s; files byte-identical: {same_bytes}")
    print("  " + "\n  ".join(line for line in again.output.splitlines()
                              if line.startswith(("graphs:", "files:", "triples:"))))
    return store_dir


def cause(decision):
    """The kind of reason a name was left for a person, without its particulars.

    >>> from citygraph.places.reconcile import Decision
    >>> cause(Decision("Halle", "Germany", "ambiguous", reason="5 places of that name"))
    'ambiguous: several places of that name'
    >>> cause(Decision("Rastatt (district)", "Germany", "ambiguous", reason="one weak "
    ...                "candidate; 'district' names an administrative unit, not a city"))
    'ambiguous: one weak candidate; names an administrative unit, not a city'
    """
    reason = re.sub(r"^\d+ places", "several places", decision.reason)
    reason = re.sub(r"'[^']*' (names|does)", r"\1", reason)
    reason = re.sub(r"the hint .*? does not", "the hint does not", reason)
    reason = re.sub(r"the largest, .*?, has it", "the largest has it", reason)
    reason = re.sub(r"(lies near|lies in) [^;]*", r"\1 the place a qualifier names", reason)
    reason = re.sub(r"unknown country .*", "unknown country", reason)
    return f"{decision.status}: {reason}"


def print_causes(result, examples=4):
    """The names left for a person, grouped by cause, largest group first, with examples."""
    groups = {}
    for (name, country, _lat, _lon), d in sorted(result.decisions.items(),
                                                  key=lambda kv: kv[0][:2]):
        if d.status != reconcile.RESOLVED:
            groups.setdefault(cause(d), []).append(f"{name} ({country})")
    for why, names in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"  {len(names):5d}  {why}: " + "; ".join(names[:examples]))


def bench_reconcile(rows, report=None, causes=False):
    """Reconcile the first ``rows`` rows of the Wikipedia list; print rates and precision.

    ``report``: a path to write the reconciliation report to; ``causes``: also print
    the names left for a person, grouped by cause.
    """
    cache = geoindex.cache_path(500)
    start = time.perf_counter()
    reconcile.build_index(500)
    print(f"{'reconcile: build the name index (cold, 234,908 places)':<58} "
          f"{time.perf_counter() - start:8.2f} s")
    reconcile.get_index.cache_clear()
    index, _ = _timed("reconcile: load the name index from its cache", reconcile.get_index)
    print(f"  cache file {cache} ({os.path.getsize(cache) / 1e6:.0f} MB)"
          if cache.exists() else "  (no cache file)")
    with (TWINS / "twin_cities_raw.csv").open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()[: rows + 1]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"twin_cities_{rows}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result, _ = _timed(f"reconcile: import {len(lines) - 1:,} rows (reconcile + triples)",
                           import_csv, path, None, None, None, index)
    counts = {}
    for decision in result.decisions.values():
        counts[decision.status] = counts.get(decision.status, 0) + 1
    names = len(result.decisions)
    print(f"  {names} distinct names: " + ", ".join(
        f"{s} {n} ({n / names:.1%})" for s, n in sorted(counts.items())))
    print(f"  {result.ties} ties written, {len(result.bad_rows)} rows skipped "
          f"(duplicates and bad rows), {result.unreconciled_rows} rows waiting for a decision")
    geocoded = {}
    with (TWINS / "app_public_twin_cities.csv").open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            for k, lon in ((1, "lng1"), (2, "lng2")):
                if r[f"lat{k}"] and r[lon]:
                    geocoded.setdefault((r[f"city{k}"].strip(), r[f"country{k}"].strip()),
                                        (float(r[f"lat{k}"]), float(r[lon])))
    checked = near = 0
    for (name, country, _lat, _lon), d in result.decisions.items():
        if d.status == reconcile.RESOLVED and (name, country) in geocoded:
            checked += 1
            lat, lon = geocoded[(name, country)]
            near += reconcile.distance_km(lat, lon, d.city.lat, d.city.lon) <= 50
    print(f"  precision: {near}/{checked} resolved names within 50 km of the list's own "
          f"geocoding = {near / checked:.4f} (a lower bound: that geocoding has errors)")
    if report:
        Path(report).write_text(report_text(result), encoding="utf-8")
        print(f"  reconciliation report written to {report}")
    if causes:
        print_causes(result)
    return result


def wikidata_network():
    """The undirected twinning network of relations.tsv as a NetworkX graph of QIDs."""
    statements, _ = read_relations(P190 / "relations.tsv")
    G = nx.Graph()
    G.add_edges_from((a, b) for _, a, b, _ in statements if a != b)
    return G


def print_figures(G):
    """Print citygraph's figures beside KONECT's."""
    figures, _ = _timed("network figures (igraph, exact distances)", network_figures, G)
    degrees = [d for _, d in G.degree()]
    ours = {"nodes": figures["nodes"], "edges": figures["edges"],
            "mean_degree": 2 * figures["edges"] / figures["nodes"], "max_degree": max(degrees),
            "largest_component": figures["largest_component"],
            # KONECT's clustering coefficient is the global one (3 x triangles / wedges)
            "clustering": figures["transitivity"], "assortativity": figures["assortativity"],
            "mean_distance": figures["mean_distance"], "diameter": figures["diameter"]}
    print("\n| figure | citygraph, Wikidata 2016 crawl | KONECT Wikidata twin (2017) |")
    print("|---|---|---|")
    for key, theirs in KONECT.items():
        value = ours[key]
        shown = f"{value:,}" if isinstance(value, int) else f"{value:.3f}"
        print(f"| {key.replace('_', ' ')} | {shown} | {theirs:,} |")
    print(f"  (components {figures['components']}; clustering is the global coefficient, "
          f"as KONECT's; the mean local clustering is {figures['clustering']:.3f})")
    return ours


def bench_report(store_dir):
    """Time ``citygraph report --layer tie`` on the store holding the Wikidata layer."""
    from click.testing import CliRunner

    from citygraph.cli import cli

    args = ["report", "--store", str(store_dir), "--layer", "tie", "--sample", "500",
            "--top", "5"]
    result, _ = _timed("citygraph report --layer tie --sample 500 (Wikidata layer)",
                       CliRunner().invoke, cli, args)
    if result.exit_code != 0:
        print(f"  report failed ({result.exit_code}): {result.output.strip()[:300]}")
    else:
        print("  " + "\n  ".join(result.output.strip().splitlines()[:12]))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 rows, no report")
    parser.add_argument("--reconcile-only", action="store_true",
                        help="only reconcile the rows: rates, precision, causes")
    parser.add_argument("--rows", type=int, metavar="N",
                        help="reconcile the first N rows (default 25,000; 5,000 with --quick)")
    parser.add_argument("--report", metavar="FILE",
                        help="write the reconciliation report of those rows here")
    args = parser.parse_args(argv)
    if not P190.is_dir() or not TWINS.is_dir():
        print(f"the real data is not at {REAL}", file=sys.stderr)
        return 2
    rows = args.rows or (5000 if args.quick else 25000)
    if args.reconcile_only:
        bench_reconcile(rows, args.report, causes=True)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp) / "store"
        bench_wikidata(store_dir)
        bench_reconcile(rows, args.report)
        if not args.quick:
            bench_report(store_dir)
    print_figures(wikidata_network())
    return 0


if __name__ == "__main__":
    sys.exit(main())
