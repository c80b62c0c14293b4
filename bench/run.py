"""Run every benchmark of bench/ in one go: ``python -m bench`` (or ``python bench/run.py``).

Each benchmark runs in its own process and prints its own table, then its
wall time. ``--quick`` runs each with small settings (QUICK below: small
synthetic graphs, short timeouts for the slow comparisons) so that the whole
run takes a few minutes; ``--only NAME`` runs one benchmark.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["main", "BENCHMARKS", "QUICK"]

#: the benchmark modules, run in this order when present
BENCHMARKS = ["bench_store", "bench_validate", "bench_network", "bench_import", "bench_serve",
              "bench_place_page", "bench_draft", "bench_periods"]

#: the arguments of each benchmark under --quick (a module not listed gets --quick when
#: its docstring mentions it, else nothing)
QUICK = {
    # the seed graph and 30k synthetic triples, builds without pySHACL on the synthetic
    # graph, rdflib's queries cut at 2 s each
    "bench_store": ["--triples", "30000", "--rdflib-timeout", "2", "--no-validate-large"],
    "bench_validate": ["--quick"],
    # a quarter of the default network; NetworkX from a tenth of the sources, extrapolated
    "bench_network": ["--quick", "--cities", "5000", "--ties", "25000"],
    # the Seoul page at 16 clients for 5 s instead of 20
    "bench_place_page": ["--seconds", "5"],
}


def _quick_args(name, here):
    if name in QUICK:
        return QUICK[name]
    text = (here / f"{name}.py").read_text(encoding="utf-8")
    doc = text.split('"""', 2)[1] if text.startswith('"""') else ""
    return ["--quick"] if "--quick" in doc else []


def main(argv=None):
    """Run each benchmark module found under bench/ in its own process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=BENCHMARKS)
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parent
    failed = []
    times = []
    started = time.perf_counter()
    for name in BENCHMARKS:
        if args.only and name != args.only:
            continue
        if not (here / f"{name}.py").is_file():
            continue
        extra = _quick_args(name, here) if args.quick else []
        print(f"\n######## {name} {' '.join(extra)}", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", f"bench.{name}", *extra], cwd=here.parent)
        times.append((name, time.perf_counter() - start))
        if done.returncode:
            failed.append(name)
    print("\n######## wall time")
    for name, seconds in times:
        print(f"  {name:16} {seconds:7.1f} s")
    print(f"  {'all':16} {time.perf_counter() - started:7.1f} s")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
