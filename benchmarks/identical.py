"""Speed work must not change a verdict: review the same inputs with two source trees, compare the bytes.

    python benchmarks/identical.py inputs /tmp/clauses-identical-in --contractnli 300
    python benchmarks/identical.py review /tmp/clauses-identical-in /tmp/out-before --tree /path/to/old/tree
    python benchmarks/identical.py review /tmp/clauses-identical-in /tmp/out-after
    python benchmarks/identical.py compare /tmp/out-before /tmp/out-after

``inputs`` gathers what is reviewed into a folder outside the repository:
links to samples/ and to ../shared/real/agreements/docs, and the first N
ContractNLI documents (dev.json, then train-sample.json) written as text files (as clauses.evaluate reads
them: the document text, nothing else). ``review`` runs ``clauses review --format
json,md --force`` from a source tree (default: this one; an older tree, e.g.
``git archive <commit> | tar -x -C DIR``, for the before side). ``compare`` lists
every report, summary.csv and issues.csv that differs in a byte, or exists on one
side only; exit status 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
REAL = TOP.parent / "shared" / "real"
COMPARED = ("*.json", "*.md", "summary.csv", "issues.csv")


def inputs(folder: Path, contractnli: int) -> None:
    """Fill ``folder``: samples, the real agreements (links) and ``contractnli`` NDAs as .txt."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in (TOP / "samples").iterdir() if p.suffix != ".py")
    agreements = REAL / "agreements" / "docs"
    if agreements.is_dir():
        sources += sorted(p for p in agreements.iterdir() if p.is_file())
    for source in sources:
        link = folder / f"{source.parent.name}--{source.name}"
        if not link.exists():
            link.symlink_to(source)
    documents = []
    for name in ("dev.json", "train-sample.json"):
        path = REAL / "contractnli" / name
        if path.exists():
            documents += [(name, doc) for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]]
    for name, doc in documents[:contractnli]:
        if isinstance(doc.get("text"), str):
            target = folder / f"contractnli-{name.split('.')[0]}--{doc['id']}.txt"
            target.write_text(doc["text"], encoding="utf-8")
    print(f"{len(list(folder.iterdir()))} inputs in {folder}")


def review(folder: Path, out: Path, tree: Path, jobs: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "clauses.cli", "review", str(folder), "-o", str(out)]
    command += ["--format", "json,md", "--force", "--jobs", str(jobs), "--quiet"]
    subprocess.run(command, cwd=tree, env=env, check=False)


def compare(before: Path, after: Path) -> int:
    names = set()
    for side in (before, after):
        for pattern in COMPARED:
            names.update(p.name for p in side.glob(pattern))
    differ = []
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.exists() or not b.exists() or a.read_bytes() != b.read_bytes():
            differ.append(name)
    print(f"{len(names)} files compared, {len(differ)} differ")
    for name in differ[:50]:
        print(f"  {name}")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("inputs")
    make.add_argument("folder", type=Path)
    make.add_argument("--contractnli", type=int, default=300)
    run = sub.add_parser("review")
    run.add_argument("folder", type=Path)
    run.add_argument("out", type=Path)
    run.add_argument("--tree", type=Path, default=TOP)
    run.add_argument("--jobs", type=int, default=2)
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "inputs":
        inputs(args.folder, args.contractnli)
    elif args.command == "review":
        review(args.folder, args.out, args.tree.resolve(), args.jobs)
    else:
        return compare(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
