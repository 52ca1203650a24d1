"""Review many contracts in one run: skip what is done, analyse in parallel, summarise.

Legal and procurement teams review folders of hundreds of contracts, so a batch
must keep going past a bad file, survive being stopped, and not redo work:

* one bad file yields an error row, never a stopped batch (``ClausesError``
  gives its one line; anything else is counted as an internal error);
* workers load the model and patterns once (pool initializer), write the
  per-document reports themselves and send back only a small JSON-able record,
  so nothing large is pickled between processes;
* after each document a small state file ``.clauses-state/<stem>.json`` is
  written atomically; a rerun skips documents whose bytes, profile, model and
  outputs are unchanged (``clauses.batch.resume`` decides), and the summaries are
  always rebuilt from the state of every input, so a resumed run summarises
  exactly like an uninterrupted one;
* documents that failed are always retried (a new ``--password`` may fix them).
"""

from __future__ import annotations

import gc
import hashlib
import math
import multiprocessing
import os
import re
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clauses.batch.pairing import with_incorporated
from clauses.batch.resume import STATE_DIR, finished_record, run_identity, write_state
from clauses.errors import ClausesError
from clauses.resources import model_dir

__all__ = [
    "FORMATS",
    "STATE_DIR",
    "BatchOptions",
    "BatchResult",
    "output_stems",
    "run_batch",
    "write_summaries",
]

# --format name -> (report kind in the portfolio, file suffix)
FORMATS = {
    "json": ("json", ".json"),
    "md": ("markdown", ".md"),
    "html": ("html", ".html"),
    "docx": ("redline", ".redline.docx"),
    "csv": ("csv", ".elements.csv"),
    "xlsx": ("xlsx", ".elements.xlsx"),
}
MAX_STEM = 120


# ---------------------------------------------------------------- output names


def output_stems(files: Sequence[Path]) -> list[str]:
    """A safe, unique, deterministic file stem per input, from its path below the common root.

    ``a/nda.docx`` and ``b/nda.docx`` become ``a__nda_docx`` and ``b__nda_docx``;
    characters outside ``[A-Za-z0-9_-]`` become ``_`` (so no stem can start a
    hidden file or clash with ``summary.csv``/``index.html``); a clash left after
    that (case-insensitive, for Windows and macOS) gets a hash of the path.
    """
    resolved = [f.resolve() for f in files]
    try:
        root = Path(os.path.commonpath([str(p.parent) for p in resolved])) if resolved else Path()
    except ValueError:  # different drives on Windows
        root = Path(resolved[0].anchor)
    stems: list[str] = []
    seen: set[str] = set()
    for path in resolved:
        relative = path.relative_to(root).as_posix()
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", relative.replace("/", "__")).strip("_") or "document"
        if len(stem) > MAX_STEM or stem.lower() in seen:
            stem = f"{stem[:MAX_STEM]}-{hashlib.sha1(relative.encode()).hexdigest()[:10]}"
        seen.add(stem.lower())
        stems.append(stem)
    return stems


# ---------------------------------------------------------------- options and results


@dataclass(frozen=True)
class BatchOptions:
    """What a batch produces and how; everything a worker needs, and picklable."""

    out_dir: Path
    formats: tuple[str, ...] = ("json",)
    profile: str = "auto"  # auto | nda | vendor | employment | path to a playbook .toml
    jobs: int = 1
    force: bool = False
    password: str | None = None
    model_folder: Path | None = None  # None: model_dir()
    side: str | None = None  # the side reviewed for; None: each profile's own
    author: str = "clauses"  # the redline's revision and comment author
    comments: str = "counterparty"  # the redline's comment audience: counterparty | internal | none


@dataclass
class BatchResult:
    """Every input's record (input order) and the run's counts and stage times."""

    records: list[dict[str, Any]]
    processed: int = 0  # analysed or failed in this run
    skipped: int = 0  # unchanged since a previous run
    elapsed: float = 0.0
    interrupted: bool = False
    timings: dict[str, float] = field(default_factory=lambda: {"parse": 0.0, "detect": 0.0, "report": 0.0})

    @property
    def done(self) -> list[dict[str, Any]]:
        """Records of the documents finished (an interrupted run leaves the rest empty)."""
        return [record for record in self.records if record]

    @property
    def errors(self) -> int:
        return sum(1 for r in self.done if r["row"]["error"])

    @property
    def routing_counts(self) -> dict[str, int]:
        counts = {"GREEN": 0, "YELLOW": 0, "RED": 0}
        for record in self.done:
            if not record["row"]["error"]:
                counts[record["row"]["routing"]] = counts.get(record["row"]["routing"], 0) + 1
        return counts


@dataclass(frozen=True)
class _Task:
    index: int
    source: str  # the path as discovered (what the user sees in errors and the summary)
    absolute: str  # what identifies the file across runs started from different folders
    stem: str
    # The batch's other files in the same folder: where a cover page's standard terms may be.
    siblings: tuple[str, ...] = ()


# ---------------------------------------------------------------- one document (in a worker)

_WORKER: dict[str, Any] = {}


def _init_worker(options: BatchOptions, in_pool: bool) -> None:
    """Load the model, patterns and profile once per process, not once per document."""
    if in_pool:  # the parent owns Ctrl-C: it cancels pending work while workers finish theirs
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from clauses.detect.context import load_matcher
    from clauses.elements import elements
    from clauses.pipeline import load_shipped_model
    from clauses.profiles import BUILT_IN, load_profile

    try:
        elements()
        load_matcher()
        _WORKER["model"] = load_shipped_model(options.model_folder)
        profile = options.profile
        _WORKER["profile"] = profile if profile == "auto" or profile in BUILT_IN else load_profile(profile)
    except ClausesError as error:
        if not in_pool:
            raise
        # An initializer that raises only breaks the pool, losing the message; keep it for the chunks.
        _WORKER["init_error"] = error
    if in_pool:
        # What was just loaded lives as long as the worker: keep the collector off it
        # (about 4% of the time per document otherwise). A forked worker inherits this
        # from the parent, which freezes before the pool starts.
        gc.freeze()


def _gate_facts(analysis) -> dict[str, list[str]]:
    """What --fail-on needs, kept in the state so skipped documents gate like fresh ones."""
    facts: dict[str, list[str]] = {"required_missing": [], "recommended_missing": [], "weak": []}
    for result in analysis.elements:
        if result.requirement == "optional":
            continue
        if result.status == "missing":
            facts[f"{result.requirement}_missing"].append(result.element)
        elif result.status == "weak":
            facts["weak"].append(result.element)
    return facts


def _write_reports(
    analysis, source: str, out_dir: Path, stem: str, options: BatchOptions
) -> tuple[dict[str, str], dict[str, int]]:
    """Each report's file name and size by report kind (the size lets a rerun trust the file)."""
    from clauses.report import write_csv, write_html, write_json, write_markdown, write_redline, write_xlsx

    writers = {
        "json": write_json,
        "md": write_markdown,
        "html": write_html,
        "csv": write_csv,
        "xlsx": write_xlsx,
    }
    outputs, sizes = {}, {}
    for name in options.formats:
        kind, suffix = FORMATS[name]
        target = out_dir / f"{stem}{suffix}"
        if name == "docx":
            write_redline(analysis, source, target, author=options.author, comments=options.comments)
        else:
            writers[name](analysis, target)
        outputs[kind] = target.name
        sizes[kind] = target.stat().st_size
    return outputs, sizes


def _process(task: _Task, options: BatchOptions, base: dict[str, Any]) -> dict[str, Any]:
    """Analyse one file, write its reports and its state; return its small record."""
    from clauses.parse import parse
    from clauses.pipeline import analyze_document
    from clauses.report import row_from_analysis, row_from_error
    from clauses.report.issues import issue_rows

    timings = {"parse": 0.0, "detect": 0.0, "report": 0.0}
    record = {
        **base,
        "source": task.source,
        "absolute": task.absolute,
        "stem": task.stem,
        "sha256": None,  # the parsed document's; stays None when the file cannot be read
        "outputs": {},
        "sizes": {},
        "gate": {},
        "pages": None,
        "chars": 0,
        "timings": timings,
        "issues": [],  # one dict per gap, for issues.csv/xlsx (clauses.report.issues)
    }
    started = time.perf_counter()
    try:
        document = parse(task.source, password=options.password)
        record.update(sha256=document.sha256, pages=document.pages, chars=len(document.text))
        timings["parse"] = time.perf_counter() - started
        started = time.perf_counter()
        document, paired = with_incorporated(document, task.siblings, options.password)
        analysis = analyze_document(document, _WORKER["profile"], model=_WORKER["model"], side=options.side)
        if paired:
            analysis = replace(analysis, warnings=(paired, *analysis.warnings))
        doc_type = analysis.doc_type
        timings["detect"] = time.perf_counter() - started
        started = time.perf_counter()
        outputs, sizes = _write_reports(analysis, task.source, options.out_dir, task.stem, options)
        timings["report"] = time.perf_counter() - started
        row = row_from_analysis(analysis, task.source, reports=outputs, doc_type=doc_type)
        record.update(
            outputs=outputs, sizes=sizes, gate=_gate_facts(analysis), model_version=analysis.model_version
        )
        record["issues"] = issue_rows(analysis, task.source, outputs.get("redline", ""))
    except ClausesError as error:
        line = error.one_line()
        row = row_from_error(task.source, line if line.startswith(task.source) else f"{task.source}: {line}")
    except OSError as error:  # writing a report: a full disk or a name the file system refuses
        row = row_from_error(
            task.source,
            f"{task.source}: OutputError: cannot write the report ({error.strerror or error}); check --out",
        )
    except Exception as error:  # noqa: BLE001 - one defect must not stop a batch of hundreds
        detail = " ".join(str(error).split())[:200]
        row = row_from_error(
            task.source,
            f"{task.source}: InternalError: {type(error).__name__}: {detail} "
            "(a defect in clauses; please report it)",
        )
    if row.error:  # a stale report of an earlier version of this file must not survive
        for _, suffix in FORMATS.values():
            (options.out_dir / f"{task.stem}{suffix}").unlink(missing_ok=True)
    record["row"] = {
        "file": row.file,
        "doc_type": row.doc_type,
        "profile": row.profile,
        "routing": row.routing,
        "score": row.score,
        "statuses": dict(row.statuses),
        "error": row.error,
        "reports": dict(row.reports),
    }
    write_state(options.out_dir, task.stem, record)
    return record


def _process_chunk(tasks: list[_Task], options: BatchOptions, base: dict[str, Any]) -> list[dict[str, Any]]:
    if "init_error" in _WORKER:
        raise _WORKER["init_error"]
    return [_process(task, options, base) for task in tasks]


# ---------------------------------------------------------------- the run


def run_batch(
    files: Sequence[Path],
    options: BatchOptions,
    on_record: Callable[[int, int, dict[str, Any], bool], None] | None = None,
) -> BatchResult:
    """Review ``files`` into ``options.out_dir``; ``on_record(done, total, record, skipped)`` after each.

    Raises ConfigError/ModelError before any work when the profile or model is
    unusable. A KeyboardInterrupt (also one raised by ``on_record``) stops the
    run: pending documents are cancelled, running ones finish their atomic
    writes, and the result comes back with ``interrupted=True``.
    """
    started = time.perf_counter()
    base = run_identity(options.profile, model_dir(options.model_folder), options.side)
    if "docx" in options.formats:  # another author or audience is another redline: redo it
        base["redline"] = f"{options.author}\n{options.comments}"
    kinds = [FORMATS[name][0] for name in options.formats]
    options.out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult(records=[{} for _ in files])
    pending: list[_Task] = []
    index_of: dict[str, int] = {}
    done = 0

    def collect(record: dict[str, Any]) -> None:
        nonlocal done
        result.records[index_of[record["stem"]]] = record
        done += 1
        result.processed += 1
        for stage, seconds in record["timings"].items():
            result.timings[stage] += seconds
        if on_record:
            on_record(done, len(files), record, False)

    by_folder: dict[Path, list[str]] = {}
    for path in files:
        by_folder.setdefault(path.resolve().parent, []).append(str(path))
    try:
        for index, (path, stem) in enumerate(zip(files, output_stems(files), strict=True)):
            siblings = tuple(s for s in by_folder[path.resolve().parent] if s != str(path))
            task = _Task(index, str(path), str(path.resolve()), stem, siblings)
            previous = (
                None
                if options.force
                else finished_record(options.out_dir, stem, task.source, task.absolute, base, kinds)
            )
            if previous is None:
                pending.append(task)
                index_of[stem] = index
                continue
            result.records[index] = previous
            result.skipped += 1
            done += 1
            if on_record:
                on_record(done, len(files), previous, True)
        if options.jobs <= 1 or len(pending) <= 1:
            if pending:
                _init_worker(options, in_pool=False)
            gc.freeze()  # as in a pool worker: what is loaded stays out of the collections
            try:
                for task in pending:
                    collect(_process(task, options, base))
            finally:
                gc.unfreeze()
        else:
            _run_pool(pending, options, base, collect)
    except KeyboardInterrupt:
        result.interrupted = True
    result.elapsed = time.perf_counter() - started
    return result


def _run_pool(
    tasks: list[_Task],
    options: BatchOptions,
    base: dict[str, Any],
    collect: Callable[[dict[str, Any]], object],
) -> None:
    """Chunks of a few documents per task: fewer round trips, still fine-grained progress and Ctrl-C.

    Chunks shrink towards the end of the batch (a quarter of each worker's share
    of what is left, at most 8), so the workers run out of work at nearly the
    same moment instead of one finishing a full chunk while the others wait.
    """
    workers = min(options.jobs, len(tasks))
    chunks: list[list[_Task]] = []
    start = 0
    while start < len(tasks):
        size = max(1, min(8, math.ceil((len(tasks) - start) / (workers * 4))))
        chunks.append(tasks[start : start + size])
        start += size
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        # Load once here and let the workers inherit it: their initializer then finds the model
        # cached, they start at once, and the pages of the libraries and the model stay shared.
        _init_worker(options, in_pool=False)
        import clauses.parse
        import clauses.report  # noqa: F401

        gc.freeze()  # keep the collector from touching (and so copying) the inherited objects
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(options, True)
    )
    try:
        futures = {executor.submit(_process_chunk, chunk, options, base) for chunk in chunks}
        gc.unfreeze()  # with fork every worker exists after the first submit; the parent collects again
        while futures:
            finished, futures = wait(futures, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=id):
                for record in future.result():
                    collect(record)
    except BaseException:
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


# ---------------------------------------------------------------- summaries


def write_summaries(out_dir: Path, records: Sequence[dict[str, Any]]) -> None:
    """``summary.csv``, ``summary.xlsx``, ``index.html`` and the issue list from every input's record."""
    from clauses.report import write_index_html, write_summary_csv, write_summary_xlsx
    from clauses.report.issues import write_issues_csv, write_issues_xlsx

    rows = [record["row"] for record in records if record]  # all of them, unless interrupted
    write_summary_csv(rows, out_dir / "summary.csv")
    write_summary_xlsx(rows, out_dir / "summary.xlsx")
    write_index_html(rows, out_dir / "index.html")
    issues = [issue for record in records if record for issue in record.get("issues", [])]
    write_issues_csv(issues, out_dir / "issues.csv")
    write_issues_xlsx(issues, out_dir / "issues.xlsx")
