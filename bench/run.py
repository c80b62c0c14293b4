"""Run every benchmark of bench/ in one go: ``python -m bench`` (or ``python bench/run.py``).

Each benchmark prints its own table; pass ``--quick`` for a smaller synthetic
graph (100,000 triples) and quick settings where a benchmark has them.
"""

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

__all__ = ["main", "BENCHMARKS"]

#: the benchmark modules, run in this order when present
BENCHMARKS = ["bench_store", "bench_network", "bench_import"]


def main(argv=None):
    """Run each benchmark module found under bench/ in its own process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=BENCHMARKS)
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parent
    failed = []
    for name in BENCHMARKS:
        if args.only and name != args.only:
            continue
        if not (here / f"{name}.py").is_file():
            continue
        extra = []
        if args.quick:
            extra = ["--triples", "100000"] if name == "bench_store" else ["--quick"]
            module = importlib.import_module(f"bench.{name}")
            if name != "bench_store" and "--quick" not in (module.__doc__ or ""):
                extra = []
        print(f"\n######## {name} {' '.join(extra)}", flush=True)
        done = subprocess.run([sys.executable, "-m", f"bench.{name}", *extra], cwd=here.parent)
        if done.returncode:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
