"""Wall time of a whole batch review for source trees, rounds alternating: for what CPU time cannot see.

    python benchmarks/wall_ab.py --tree /tmp/main-tree --tree . --kind nda --jobs 2 --rounds 5

benchmarks/cpu_ab.py times the work of parsing and analysis in one process;
what lies between documents (a worker waiting for its next task, the last
document running alone, start-up, summaries) shows only in the wall clock of a
real run. Each run here is ``benchmarks/bench.py``'s measured child of that tree
(``run_batch`` and ``write_summaries``, a fresh process, JSON reports into a new
temporary folder), timed from the outside with the CPU time of its process tree.
Trees alternate within a round, so a change in the shared machine's load falls
on both; the lowest wall of each tree is the least disturbed. Inputs as in
cpu_ab.py (``--kind nda|agreements|real|txt|docx|pdf``).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cpu_ab import _files  # noqa: E402


def _run(tree: Path, listing: str, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds of one review of the listed files by ``tree``'s code."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    with tempfile.TemporaryDirectory(prefix="clauses-wall-ab-") as out:
        command = [sys.executable, str(tree / "benchmarks" / "bench.py"), "_child", listing, out, str(jobs)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*command, "json"], cwd=tree, env=env, stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", type=Path, action="append", required=True, help="a source tree (repeat)")
    parser.add_argument("--kind", default="nda", choices=("txt", "docx", "pdf", "real", "nda", "agreements"))
    parser.add_argument("--n", type=int, default=111)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    trees = [tree.resolve() for tree in args.tree]
    results: dict[Path, list[tuple[float, float]]] = {tree: [] for tree in trees}
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        files = _files(args.kind, args.n)
        listing.write("\n".join(str(f) for f in files))
    try:
        for number in range(args.rounds):
            for tree in trees:
                wall, cpu = _run(tree, listing.name, args.jobs)
                results[tree].append((wall, cpu))
                print(f"round {number + 1} {tree}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
    finally:
        os.unlink(listing.name)
    for tree, runs in results.items():
        walls = [wall for wall, _ in runs]
        cpus = [cpu for _, cpu in runs]
        print(
            f"{tree}: {len(files)} {args.kind} documents at --jobs {args.jobs}: wall min {min(walls):.2f} s, "
            f"median {statistics.median(walls):.2f} s; CPU median {statistics.median(cpus):.2f} s"
        )
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
