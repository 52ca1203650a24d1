"""The batch run: skip what is done, hand the rest to worker processes, save each result, summarise.

The parent decides everything once (profile, model, run identity), forks the
workers (``clauses.batch.worker``, run by ``clauses.batch.pool``) with the model loaded, gives each one
document at a time and saves each record as it comes back. That keeps every
fault to one document: a document over its time budget, a worker killed by the
out-of-memory killer or stuck in C code becomes that document's error row and
a fresh worker takes the next one. On Ctrl-C the parent kills the workers
(every report is written atomically, so a killed write leaves the old report or
none) and returns at once with the documents whose state it saved: a rerun
finishes the batch.

Workers are used for every ``--jobs`` value (one worker for ``--jobs 1``), so
the budgets hold and the results are the same whatever N is.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clauses.atomic import remove_stale_temporaries
from clauses.batch.budget import DOCUMENT_MEMORY_MB, DOCUMENT_SECONDS
from clauses.batch.naming import output_stems, real_path
from clauses.batch.pool import WorkerPool
from clauses.batch.record import BatchRecord
from clauses.batch.resume import STATE_DIR, finished_record, run_identity, write_state
from clauses.batch.worker import Job, Task, prepare, remove_reports
from clauses.profiles import resolve
from clauses.report.formats import REPORT_FORMATS
from clauses.resources import model_dir

__all__ = ["BatchOptions", "BatchResult", "OnRecord", "run_batch", "write_summaries"]

OnRecord = Callable[[int, int, BatchRecord, bool], None]


@dataclass(frozen=True)
class BatchOptions:
    """What a batch produces and how."""

    out_dir: Path
    formats: tuple[str, ...] = ("json",)
    profile: str = "auto"  # auto | nda | vendor | employment | path to a playbook .toml
    jobs: int = 1
    force: bool = False
    password: str | None = None
    model_folder: Path | None = None  # None: model_dir()
    max_bytes: int | None = None  # None: the parser's MAX_FILE_BYTES (--max-size)
    side: str | None = None  # the side reviewed for; None: each profile's own
    author: str = "clauses"  # the redline's revision and comment author
    comments: str = "counterparty"  # the redline's comment audience: counterparty | internal | none
    timeout: float = DOCUMENT_SECONDS  # per document; 0: no limit
    max_memory_mb: int = DOCUMENT_MEMORY_MB  # per worker, above what it holds when it starts
    ocr: str = "auto"  # auto | always | never: which PDF pages are read by OCR
    scheduler: str | None = None  # a Dask scheduler address, or "local"; None: the local pool
    shared_paths: bool = False  # Dask workers read the files themselves (shared storage), not bytes


@dataclass
class BatchResult:
    """Every input's record (input order; None if not reached), problems, counts and stage times."""

    records: list[BatchRecord | None]
    problems: list[BatchRecord] = field(default_factory=list)  # folders that could not be listed
    processed: int = 0  # analysed or failed in this run
    skipped: int = 0  # unchanged since a previous run
    elapsed: float = 0.0
    interrupted: bool = False
    removed: list[str] = field(default_factory=list)  # reports of formats this run did not ask for
    timings: dict[str, float] = field(default_factory=lambda: {"parse": 0.0, "detect": 0.0, "report": 0.0})

    @property
    def done(self) -> list[BatchRecord]:
        """Records of the documents finished (an interrupted run leaves the rest None), then problems."""
        return [record for record in self.records if record is not None] + self.problems

    @property
    def errors(self) -> int:
        return sum(1 for record in self.done if record.failed)

    @property
    def routing_counts(self) -> dict[str, int]:
        counts = {"GREEN": 0, "YELLOW": 0, "RED": 0}
        for record in self.done:
            if not record.failed:
                counts[record.row.routing] = counts.get(record.row.routing, 0) + 1
        return counts


def run_batch(
    files: Sequence[Path],
    options: BatchOptions,
    on_record: OnRecord | None = None,
    problems: Sequence[tuple[str, str]] = (),
) -> BatchResult:
    """Review ``files`` into ``options.out_dir``; ``on_record(done, total, record, skipped)`` after each.

    ``problems`` are (path, one-line error) pairs found before the run (folders
    that could not be listed); each becomes an error row. Raises
    ConfigError/ModelError before any work when the profile or model is
    unusable. A KeyboardInterrupt (also one raised by ``on_record``) stops the
    run: the workers are killed, and the result comes back with
    ``interrupted=True`` and the records saved so far.
    """
    started = time.perf_counter()
    profile = resolve(options.profile)
    identity = run_identity(profile, model_dir(options.model_folder), options.side)
    if "docx" in options.formats:  # another author or audience is another redline: redo it
        identity["redline"] = f"{options.author}\n{options.comments}"
    if options.ocr != "auto":  # another OCR mode may read a PDF differently; auto keeps old states valid
        identity["ocr"] = options.ocr
    absolutes = [real_path(path) for path in files]
    folders: dict[str, list[str]] = {}  # where a cover page's standard terms may be
    for path, absolute in zip(files, absolutes, strict=True):
        folders.setdefault(os.path.dirname(absolute), []).append(str(path))
    job = Job(
        out_dir=options.out_dir,
        formats=tuple(options.formats),
        profile=profile,
        identity=identity,
        password=options.password,
        model_folder=options.model_folder,
        max_bytes=options.max_bytes,
        side=options.side,
        author=options.author,
        comments=options.comments,
        timeout=options.timeout,
        max_memory_mb=options.max_memory_mb,
        ocr=options.ocr,
        folders={folder: tuple(names) for folder, names in folders.items()},
    )
    kinds = [REPORT_FORMATS[name].kind for name in options.formats]
    options.out_dir.mkdir(parents=True, exist_ok=True)
    for folder in (options.out_dir, options.out_dir / STATE_DIR):  # left by a write that was killed
        remove_stale_temporaries(folder)
    result = BatchResult(records=[None] * len(files))
    result.problems = [BatchRecord.error(path, path, "", line, identity=identity) for path, line in problems]
    total = len(files) + len(result.problems)
    done = 0

    def collect(task: Task, record: BatchRecord, announce: bool = True) -> None:
        nonlocal done
        write_state(options.out_dir, record)  # saved before it is counted: the count is what a rerun keeps
        record = record.shared(identity)  # kept until the summaries: no copies of what every record holds
        result.records[task.index] = record
        done += 1
        result.processed += 1
        for stage, seconds in record.timings.items():
            result.timings[stage] = result.timings.get(stage, 0.0) + seconds
        if on_record and announce:
            on_record(done, total, record, False)

    try:
        for record in result.problems:
            done += 1
            if on_record:
                on_record(done, total, record, False)
        pending: list[Task] = []
        stems = output_stems(files)
        for index, (path, absolute, stem) in enumerate(zip(files, absolutes, stems, strict=True)):
            task = Task(index, str(path), absolute, stem, os.path.dirname(absolute))
            previous = (
                None
                if options.force
                else finished_record(options.out_dir, stem, task.source, task.absolute, identity, kinds)
            )
            if previous is None:
                pending.append(task)
                continue
            result.records[index] = previous
            result.skipped += 1
            done += 1
            if on_record:
                on_record(done, total, previous, True)
        if pending and options.scheduler:
            from clauses.batch.dask import run_on_cluster

            # the cluster analyses; this process writes each document's reports and state as it comes back
            run_on_cluster(pending, job, options.scheduler, options.shared_paths, collect)
        elif pending:
            prepare(job)  # load once here; forked workers inherit it and share its pages
            gc.freeze()  # keep the collector from touching (and so copying) what the workers inherit
            try:
                WorkerPool(job, min(max(1, options.jobs), len(pending))).run(pending, collect)
            finally:
                gc.unfreeze()
        result.removed = _remove_other_formats(options.out_dir, result.records, options.formats)
    except KeyboardInterrupt:
        result.interrupted = True
    result.elapsed = time.perf_counter() - started
    return result


def _remove_other_formats(
    out_dir: Path, records: Sequence[BatchRecord | None], formats: Sequence[str]
) -> list[str]:
    """Reports of formats an earlier run asked for and this one did not: stale, so removed.

    Without this a changed ``--format`` leaves reports of an older version of a
    contract in --out that no summary links to. --out holds, per contract, the
    reports of the last run's --format.
    """
    removed = []
    for record in records:
        if record is not None and record.stem:
            removed.extend(remove_reports(out_dir, record.stem, keep=formats))
    return removed


# ---------------------------------------------------------------- summaries


def write_summaries(out_dir: Path, records: Sequence[BatchRecord | None]) -> None:
    """``summary.csv``, ``summary.xlsx``, ``index.html`` and the issue list from every record and problem."""
    from clauses.report import write_index_html, write_summary_csv, write_summary_xlsx
    from clauses.report.issues import write_issues_csv, write_issues_xlsx

    done = [record for record in records if record is not None]  # all of them, unless interrupted
    rows = [record.row for record in done]
    write_summary_csv(rows, out_dir / "summary.csv")
    write_summary_xlsx(rows, out_dir / "summary.xlsx")
    write_index_html(rows, out_dir / "index.html")
    issues = [issue for record in done for issue in record.issues]
    write_issues_csv(issues, out_dir / "issues.csv")
    write_issues_xlsx(issues, out_dir / "issues.xlsx")
