"""Throughput and memory of ``clauses review`` on a generated batch, against a bare-parsing floor.

    python benchmarks/bench.py                      # N=1,000, jobs 1 and 2, json and json,html
    python benchmarks/bench.py --n 200 --jobs 2 --formats json --keep

The batch is assembled from the project's own corpus (corpus/clauses/*.jsonl):
NDA-like documents of about 10,000 characters (~4 pages) with a title, a
preamble and numbered sections, in equal thirds DOCX (python-docx), PDF (fpdf2)
and TXT, deterministic for a seed and cached between runs. Each measured run is
a fresh child process (so start-up and model loading count) whose process tree
is sampled from /proc every 500 ms for memory: the peak of the summed RSS (counts
pages shared after fork once per process, so it overstates) and of the summed
PSS (shares them out; the honest figure). Results print as Markdown and go to
benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parent
TARGET_CHARS = 10_000
PAGE_CHARS = 2_500  # a rough page of contract text, for pages/s of DOCX and TXT
TITLES = (
    "MUTUAL NON-DISCLOSURE AGREEMENT",
    "NON-DISCLOSURE AGREEMENT",
    "CONFIDENTIALITY AGREEMENT",
    "CONFIDENTIAL DISCLOSURE AGREEMENT",
    "MASTER SERVICES AGREEMENT",
    "CONSULTING AGREEMENT",
)
PARTIES = (
    "Northwind Analytics Ltd",
    "Bluefin Robotics Inc.",
    "Harbor Street Capital LLC",
    "Kestrel Biosciences GmbH",
    "Meridian Software S.A.",
    "Oakline Logistics Pty Ltd",
)
HEADINGS = {
    "definition": "Definitions",
    "third_party": "Non-Disclosure",
    "post_termination": "Survival",
    "breach_notice": "Notice of Breach",
    "remedies": "Remedies",
    "exclusions": "Exclusions",
    "compelled_disclosure": "Compelled Disclosure",
    "use_limitation": "Use of Information",
    "return_destruction": "Return of Materials",
    "safeguards": "Safeguards",
    "personnel": "Personnel",
    "data_protection": "Data Protection",
    "audit": "Audit",
}
GENERAL = ("General", "Term", "Notices", "Assignment", "Governing Law", "Miscellaneous", "Fees")
_LEADING_NUMBER = re.compile(
    r"^\s*(?:(?:section|clause|article)\s+)?(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\))\s+", re.IGNORECASE
)
_ASCII = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "\u00a0": " ", "•": "-"}
)


# ---------------------------------------------------------------- the batch


def _corpus() -> list[dict]:
    items = []
    for path in sorted((TOP / "corpus" / "clauses").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                items.append(
                    {
                        "text": _LEADING_NUMBER.sub("", item["text"]).strip(),
                        "elements": item.get("elements", []),
                    }
                )
    return items


def _contract(rng: random.Random, clauses: list[dict]) -> tuple[str, list[tuple[str, list[str]]]]:
    """A title and numbered sections ``[(heading, [clause, ...]), ...]`` of about TARGET_CHARS."""
    title = rng.choice(TITLES)
    first, second = rng.sample(PARTIES, 2)
    preamble = (
        f'This {title.title()} (the "Agreement") is made on {rng.randint(1, 28)} March '
        f'{rng.randint(2015, 2025)} between {first} (the "Discloser") and {second} '
        '(the "Recipient") in connection with a possible business relationship (the "Purpose").'
    )
    sections = [("Parties", [preamble])]
    size = len(title) + len(preamble)
    while size < TARGET_CHARS:
        group = [rng.choice(clauses) for _ in range(rng.randint(1, 3))]
        element = next((e for c in group for e in c["elements"]), None)
        heading = HEADINGS.get(element, rng.choice(GENERAL)) if element else rng.choice(GENERAL)
        sections.append((heading, [c["text"] for c in group]))
        size += sum(len(c["text"]) for c in group) + len(heading)
    return title, sections


def _lines(title: str, sections: list[tuple[str, list[str]]]) -> list[str]:
    lines = [title, ""]
    for number, (heading, texts) in enumerate(sections, start=1):
        lines.append(f"{number}. {heading}")
        lines.extend(f"{number}.{sub} {text}" for sub, text in enumerate(texts, start=1))
        lines.append("")
    lines.append("IN WITNESS WHEREOF the parties have signed this Agreement.")
    return lines


def _write_docx(path: Path, lines: list[str]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        if line:
            paragraph = document.add_paragraph(line)
            if re.match(r"^\d+\. ", line):
                paragraph.runs[0].bold = True
    document.save(str(path))


def _write_pdf(path: Path, lines: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        text = line.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 5, text or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def build_batch(folder: Path, n: int, seed: int) -> list[Path]:
    """``n`` contracts in ``folder`` (reused when already complete), thirds TXT, DOCX, PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{n}-{seed}"
    kinds = ("txt", "docx", "pdf")
    paths = [folder / kinds[i % 3] / f"contract-{i:05d}.{kinds[i % 3]}" for i in range(n)]
    if marker.exists():
        return paths
    rng = random.Random(seed)
    clauses = _corpus()
    for path in paths:
        path.parent.mkdir(exist_ok=True)
        lines = _lines(*_contract(rng, clauses))
        if path.suffix == ".txt":
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif path.suffix == ".docx":
            _write_docx(path, lines)
        else:
            _write_pdf(path, lines)
    marker.write_text("ok\n")
    return paths


# ---------------------------------------------------------------- measuring


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc/<pid>/task/*/children."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue.extend(int(c) for c in task.read_text().split())
            except OSError:
                pass
    return found


def _memory_kb(pid: int) -> tuple[int, int, int]:
    """Summed RSS and PSS of a process tree, and the largest VmHWM (peak RSS) of one member, in kB."""
    rss = pss = hwm = 0
    for member in _tree(pid):
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    hwm = max(hwm, int(line.split()[1]))
        except (OSError, ValueError):
            pass
    return rss, pss, hwm


def run_review(files: list[Path], jobs: int, formats: str) -> dict:
    """One review run in a child process; wall time, peak memory and the runner's stage times."""
    with (
        tempfile.TemporaryDirectory(prefix="clauses-bench-out-") as out,
        tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing,
    ):
        listing.write("\n".join(str(f) for f in files))
        listing.close()
        command = [sys.executable, str(Path(__file__)), "_child", listing.name, out, str(jobs), formats]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=TOP, env=_env())
        peaks = [0, 0, 0]  # RSS, PSS, largest single-process high-water mark (kB)
        finished = threading.Event()

        def sample() -> None:
            while not finished.is_set():
                peaks[:] = map(max, peaks, _memory_kb(child.pid))
                finished.wait(0.5)  # smaps_rollup is not free (at 0.2 s it took ~2.5% of the 2 cores)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        output_bytes = child.stdout.read() if child.stdout else b""
        child.wait()  # the wall clock stops when the child exits, not at the sampler's next tick
        wall = time.perf_counter() - started
        finished.set()
        sampler.join()
        peak_rss, peak_pss, peak_hwm = peaks
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        os.unlink(listing.name)
        output = output_bytes.decode()
        if child.returncode not in (0, 1):
            raise SystemExit(f"review failed with exit {child.returncode}")
    stats = json.loads(output.strip().splitlines()[-1])
    # CPU time of the child and its pool workers (they are waited for, so they count): the work
    # itself, free of what other programs on a shared machine take from the wall clock.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        **stats,
        "wall": wall,
        "cpu": cpu,
        "peak_rss_mb": peak_rss / 1024,
        "peak_pss_mb": peak_pss / 1024,
        "max_process_rss_mb": peak_hwm / 1024,
    }


def _child(listing: str, out: str, jobs: str, formats: str) -> None:
    """The measured process: the runner and the summaries, as ``clauses review`` does them."""
    from clauses.batch import BatchOptions, run_batch, write_summaries

    files = [Path(line) for line in Path(listing).read_text().splitlines()]
    options = BatchOptions(
        out_dir=Path(out),
        formats=tuple(formats.split(",")),
        jobs=int(jobs),
        scheduler=os.environ.get("CLAUSES_BENCH_SCHEDULER") or None,  # benchmarks/scale.py: the Dask rows
    )
    result = run_batch(files, options)
    write_summaries(Path(out), result.records)
    pages = sum(r.pages or -(-r.chars // PAGE_CHARS) for r in result.done)
    hwm = next(
        int(line.split()[1])
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith("VmHWM:")
    )
    print(
        json.dumps(
            {
                "n": len(files),
                "errors": result.errors,
                "elapsed": result.elapsed,
                "pages": pages,
                "timings": result.timings,
                "parent_peak_rss_mb": hwm / 1024,
            }
        )
    )


def floor(files: list[Path]) -> float:
    """Documents/s of bare pypdf text extraction, python-docx paragraph reading or a text read."""
    import docx
    import pypdf

    started = time.perf_counter()
    for path in files:
        if path.suffix == ".pdf":
            "".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
        elif path.suffix == ".docx":
            "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        else:
            path.read_text(encoding="utf-8")
    return len(files) / (time.perf_counter() - started)


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def help_time() -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "clauses.cli", "--help"],
            cwd=TOP,
            env=_env(),
            stdout=subprocess.DEVNULL,
            check=True,
        )
        best = min(best, time.perf_counter() - started)
    return best


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(TOP) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    if not env.get("CLAUSES_MODEL_DIR") and not (TOP / "models" / "manifest.json").exists():
        model = Path(tempfile.gettempdir()) / "clauses-bench-model"
        if not (model / "manifest.json").exists():
            sys.path.insert(0, str(TOP))
            from clauses.detect.train import train

            train(TOP / "corpus", model, folds=1)
        env["CLAUSES_MODEL_DIR"] = str(model)
    return env


# ---------------------------------------------------------------- the report


def _row(label: str, jobs: int, formats: str, stats: dict) -> str:
    stages = stats["timings"]
    spent = sum(stages.values()) or 1e-9
    split = " / ".join(f"{100 * stages[s] / spent:.0f}%" for s in ("parse", "detect", "report"))
    per_doc = " / ".join(f"{1000 * stages[s] / stats['n']:.1f}" for s in ("parse", "detect", "report"))
    return (
        f"| {label} | {stats['n']} | {jobs} | {formats} | {stats['n'] / stats['wall']:.1f} | "
        f"{stats['pages'] / stats['wall']:.1f} | {1000 * stats['cpu'] / stats['n']:.0f} | "
        f"{stats['peak_pss_mb']:.0f} | {stats['peak_rss_mb']:.0f} | {stats['max_process_rss_mb']:.0f} | "
        f"{split} | {per_doc} | {stats['errors']} |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="contracts in the batch (default 1000)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    parser.add_argument(
        "--formats",
        default="json",
        help="report formats of the main runs (default json); json,html is measured as well",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", type=Path, default=None, help="where the batch is built and cached")
    parser.add_argument("--keep", action="store_true", help="keep the generated batch for the next run")
    parser.add_argument("--small", type=int, default=200, help="batch size compared for memory growth")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(TOP))
    folder = args.folder or Path(tempfile.gettempdir()) / f"clauses-bench-batch-{args.n}-{args.seed}"
    started = time.perf_counter()
    files = build_batch(folder, args.n, args.seed)
    print(
        f"batch of {len(files)} in {folder} ready in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    jobs_values = [int(j) for j in args.jobs.split(",")]
    load_start = _load()
    header = (
        "| batch | docs | jobs | formats | documents/s | pages/s | CPU ms/doc | peak PSS MB | "
        "peak RSS MB | max process RSS MB | parse / detect / report | stage ms/doc | errors |\n"
        + "|---" * 13
        + "|"
    )
    rows, speed = [], {}
    for kind in ("txt", "docx", "pdf"):
        subset = [f for f in files if f.suffix == f".{kind}"]
        for jobs in jobs_values:
            stats = run_review(subset, jobs, args.formats)
            speed[(kind, jobs)] = stats["n"] / stats["wall"]
            rows.append(_row(kind.upper(), jobs, args.formats, stats))
            print(rows[-1], file=sys.stderr)
    top_jobs = max(jobs_values)
    # The whole mixed batch at every --jobs value (the batch the speed-up target is about), then
    # more report formats and a smaller batch (memory growth) at the highest.
    runs = [(jobs, args.formats, files) for jobs in jobs_values]
    runs += [(top_jobs, "json,html", files), (top_jobs, args.formats, files[: args.small])]
    for jobs, formats, batch in runs:
        stats = run_review(batch, jobs, formats)
        if batch is files and formats == args.formats:
            speed[("mixed", jobs)] = stats["n"] / stats["wall"]
        rows.append(_row("mixed", jobs, formats, stats))
        print(rows[-1], file=sys.stderr)
    floors = {kind: floor([f for f in files if f.suffix == f".{kind}"]) for kind in ("txt", "docx", "pdf")}
    help_seconds = help_time()
    lines = [
        f"# Benchmarks: `clauses review` on {len(files)} generated contracts",
        "",
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"~{TARGET_CHARS} characters (~4 pages) per contract; seed {args.seed}. "
        "Wall time of a fresh process per run (start-up and model loading included). "
        "Stage split: parse / detect (detect + judge + suggest) / report, summed over documents "
        "inside the workers. CPU ms/doc: user + system time of the run's processes per document "
        "(what the work costs, whatever else the machine was doing). Peak PSS: the process tree's "
        "proportional memory, pages shared after fork counted once; peak RSS counts them per "
        f"process. Load average at start / end: {load_start} / {_load()}.",
        "",
        header,
        *rows,
        "",
        "Floor (bare library, one process, documents/s): "
        + ", ".join(f"{k.upper()} {v:.0f}" for k, v in floors.items()),
        "",
        f"`python -m clauses.cli --help`: {help_seconds:.2f} s (best of 5)",
        "",
    ]
    if len(jobs_values) > 1:
        low = min(jobs_values)
        lines.append(
            f"Speed-up --jobs {top_jobs} over --jobs {low}: "
            + ", ".join(
                f"{k.upper()} {speed[(k, top_jobs)] / speed[(k, low)]:.2f}x"
                for k in ("txt", "docx", "pdf", "mixed")
            )
        )
        lines.append("")
    text = "\n".join(lines)
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    if not args.keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        sys.path.insert(0, str(TOP))
        _child(*sys.argv[2:6])
        sys.stdout.flush()
        os._exit(0)  # as `clauses` ends (clauses.cli.main): no interpreter teardown
    else:
        main()
