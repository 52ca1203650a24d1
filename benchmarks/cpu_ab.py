"""CPU per document of parsing and of the analysis (detect, judge, suggest), in one process, for source trees.

    python benchmarks/cpu_ab.py --tree /tmp/main-tree --tree . --kind txt --n 100 --rounds 2

Each (tree, kind) is a fresh process that loads the model, parses ``--n`` files
and analyses them, timing both with ``time.process_time`` (the work, whatever
else the shared machine runs); trees alternate round by round so a change in
the machine's load falls on both. Inputs: benchmarks/bench.py's generated batch
(``--kind txt|docx|pdf``, built into the temp folder if missing) or the real-PDF
renderings of benchmarks/real_pdfs.py (``--kind real``: agreements and NDAs; ``--kind nda``:
the 111 NDAs alone; ``--kind agreements``: the 38 agreements alone).

``--instructions`` counts instructions instead (valgrind's cachegrind, user space):
the same figure on every run whatever else the machine does, where CPU time on a
shared 2-core machine at load 4-5 moved by more than the change measured. Each
(tree, kind) runs three times, stopping after the warm-up, after parsing and after
the analysis; the differences are each stage's instructions per document.
Cachegrind runs Python ~50 times slower: use ``--n 30`` to ``60`` and one round.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _files(kind: str, n: int) -> list[Path]:
    temp = Path(tempfile.gettempdir())
    if kind in ("real", "nda", "agreements"):
        sys.path.insert(0, str(HERE))
        from real_pdfs import build

        groups, _ = build(temp / "clauses-real-pdfs")
        if kind in ("nda", "agreements"):  # one group: the short NDAs, or the ~40k-character agreements
            return groups[kind][:n]
        return sorted(groups["nda"] + groups["agreements"])[:n]
    sys.path.insert(0, str(HERE))
    import bench

    files = bench.build_batch(temp / f"clauses-bench-batch-{3 * n}-1", 3 * n, 1)
    return [f for f in files if f.suffix == f".{kind}"][:n]


def _child(listing: str, stop: str = "") -> None:
    """In the tree's process: parse every file, then analyse every document; ms of CPU per document.

    ``stop`` (for ``--instructions``): "warm" ends after the warm-up, "parse" after parsing.
    """
    from clauses.detect.context import load_matcher
    from clauses.elements import elements
    from clauses.parse import parse
    from clauses.pipeline import analyze_document, load_shipped_model
    from clauses.profiles import resolve

    files = Path(listing).read_text(encoding="utf-8").splitlines()
    elements()
    load_matcher()
    model, profile = load_shipped_model(None), resolve("auto")
    analyze_document(parse(files[0]), profile, model=model)  # warm: caches, first-use compiles
    if stop == "warm":
        return
    started = time.process_time()
    documents = [parse(name) for name in files]
    parsed = time.process_time() - started
    if stop == "parse":
        return
    started = time.process_time()
    for document in documents:
        analyze_document(document, profile, model=model)
    analysed = time.process_time() - started
    print(json.dumps({"parse": 1000 * parsed / len(files), "analyse": 1000 * analysed / len(files)}))


_STOPS = ("warm", "parse", "all")  # where a child stops, for --instructions
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _instructions(command: list[str], root: Path, env: dict[str, str]) -> int:
    """Instructions ``command`` executes, counted by cachegrind (no cache simulation, no output file)."""
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    done = subprocess.run(valgrind + command, cwd=root, env=env, capture_output=True, text=True, check=True)
    found = _REFS.search(done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from cachegrind:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", type=Path, action="append", required=True, help="a source tree (repeat)")
    kinds = ("txt", "docx", "pdf", "real", "nda", "agreements")
    parser.add_argument("--kind", action="append", choices=kinds)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions under cachegrind instead of CPU time"
    )
    args = parser.parse_args(argv)
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for kind in args.kind or ["txt"]:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
            listing.write("\n".join(str(f) for f in _files(kind, args.n)))
        try:
            for number in range(args.rounds):
                for tree in args.tree:
                    root = tree.resolve()
                    env = {**os.environ, "PYTHONPATH": str(root)}
                    command = [sys.executable, str(Path(__file__).resolve()), "_child", listing.name]
                    if args.instructions:
                        counts = {stop: _instructions(command + [stop], root, env) for stop in _STOPS}
                        documents = len(Path(listing.name).read_text(encoding="utf-8").splitlines())
                        parse_count = (counts["parse"] - counts["warm"]) / documents / 1e6
                        analyse_count = (counts["all"] - counts["parse"]) / documents / 1e6
                        print(
                            f"{kind} round {number + 1} {root}: parse {parse_count:.2f} M instructions/doc, "
                            f"analysis {analyse_count:.2f} M instructions/doc"
                        )
                        continue
                    done = subprocess.run(
                        command, cwd=root, env=env, capture_output=True, text=True, check=True
                    )
                    figures = json.loads(done.stdout.strip().splitlines()[-1])
                    print(
                        f"{kind} round {number + 1} {root}: parse {figures['parse']:.1f} ms/doc, "
                        f"analysis {figures['analyse']:.1f} ms/doc (CPU)"
                    )
        finally:
            os.unlink(listing.name)
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "_child":
        _child(*sys.argv[2:4])
    else:
        main()
