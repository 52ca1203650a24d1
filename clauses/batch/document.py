"""One document of a batch: analyse it (in a worker), then write its reports and state.

The two halves are apart so a Dask cluster (``clauses.batch.dask``) can run the
analysis on a worker that has only the document's bytes, and the client write
the reports and the resume state, while the local pool runs both in its worker.
"""

from __future__ import annotations

import gc
import signal
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clauses.batch.pairing import with_incorporated
from clauses.batch.resume import write_state
from clauses.errors import ClausesError

# --format name -> (report kind in the portfolio, file suffix)
FORMATS = {
    "json": ("json", ".json"),
    "md": ("markdown", ".md"),
    "html": ("html", ".html"),
    "docx": ("redline", ".redline.docx"),
    "csv": ("csv", ".elements.csv"),
    "xlsx": ("xlsx", ".elements.xlsx"),
}


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
    ocr: str = "auto"  # auto | always | never: which PDF pages are read by OCR
    scheduler: str | None = None  # a Dask scheduler address, or "local"; None: the local pool
    shared_paths: bool = False  # Dask workers read the files themselves (shared storage) instead of bytes


@dataclass(frozen=True)
class Task:
    index: int
    source: str  # the path as discovered (what the user sees in errors and the summary)
    absolute: str  # what identifies the file across runs started from different folders
    stem: str
    # The batch's other files in the same folder: where a cover page's standard terms may be.
    siblings: tuple[str, ...] = ()


@dataclass
class Outcome:
    """One document analysed, before any report is written: picklable, sent back by a cluster worker."""

    analysis: Any = None  # clauses.datamodel.Analysis, or None when the document failed
    error: str = ""  # the one-line error row when it failed
    sha256: str | None = None
    pages: int | None = None
    chars: int = 0
    timings: dict[str, float] = field(default_factory=lambda: {"parse": 0.0, "detect": 0.0, "report": 0.0})


WORKER: dict[str, Any] = {}


def init_worker(options: BatchOptions, in_pool: bool) -> None:
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
        WORKER["model"] = load_shipped_model(options.model_folder)
        profile = options.profile
        WORKER["profile"] = profile if profile == "auto" or profile in BUILT_IN else load_profile(profile)
    except ClausesError as error:
        if not in_pool:
            raise
        # An initializer that raises only breaks the pool, losing the message; keep it for the chunks.
        WORKER["init_error"] = error
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


def ready(options: BatchOptions) -> None:
    """Load the model and profile in this process unless the same options already did (a cluster
    worker serves many documents and may serve runs with other options)."""
    key = (options.profile, str(options.model_folder))
    if WORKER.get("key") != key:
        init_worker(options, in_pool=False)
        WORKER["key"] = key


def analyse(task: Task, options: BatchOptions, data: bytes | None = None) -> Outcome:
    """Parse and analyse one file (from ``data`` when given, else read from its path)."""
    from clauses.parse import parse, parse_bytes
    from clauses.pipeline import analyze_document

    outcome = Outcome()
    timings = outcome.timings
    started = time.perf_counter()
    try:
        if data is None:
            document = parse(task.source, password=options.password, ocr=options.ocr)
        else:
            document = parse_bytes(data, task.source, password=options.password, ocr=options.ocr)
        outcome.sha256, outcome.pages, outcome.chars = document.sha256, document.pages, len(document.text)
        timings["parse"] = time.perf_counter() - started
        started = time.perf_counter()
        document, paired = with_incorporated(document, task.siblings, options.password)
        analysis = analyze_document(document, WORKER["profile"], model=WORKER["model"], side=options.side)
        if paired:
            analysis = replace(analysis, warnings=(paired, *analysis.warnings))
        outcome.analysis = analysis
        timings["detect"] = time.perf_counter() - started
    except ClausesError as error:
        line = error.one_line()
        outcome.error = line if line.startswith(task.source) else f"{task.source}: {line}"
    except Exception as error:  # noqa: BLE001 - one defect must not stop a batch of hundreds
        outcome.error = _internal(task, error)
    return outcome


def _internal(task: Task, error: Exception) -> str:
    detail = " ".join(str(error).split())[:200]
    return (
        f"{task.source}: InternalError: {type(error).__name__}: {detail} "
        "(a defect in clauses; please report it)"
    )


def finish(task: Task, options: BatchOptions, base: dict[str, Any], outcome: Outcome) -> dict[str, Any]:
    """Write the reports of an analysed document and its state file; return its small record."""
    from clauses.report import row_from_analysis, row_from_error
    from clauses.report.issues import issue_rows

    timings = outcome.timings
    record = {
        **base,
        "source": task.source,
        "absolute": task.absolute,
        "stem": task.stem,
        "sha256": outcome.sha256,  # the parsed document's; stays None when the file cannot be read
        "outputs": {},
        "sizes": {},
        "gate": {},
        "pages": outcome.pages,
        "chars": outcome.chars,
        "timings": timings,
        "issues": [],  # one dict per gap, for issues.csv/xlsx (clauses.report.issues)
    }
    error = outcome.error
    analysis = outcome.analysis
    if analysis is not None:
        started = time.perf_counter()
        try:
            outputs, sizes = _write_reports(analysis, task.source, options.out_dir, task.stem, options)
            timings["report"] = time.perf_counter() - started
            row = row_from_analysis(analysis, task.source, reports=outputs, doc_type=analysis.doc_type)
            record.update(
                outputs=outputs,
                sizes=sizes,
                gate=_gate_facts(analysis),
                model_version=analysis.model_version,
            )
            record["issues"] = issue_rows(analysis, task.source, outputs.get("redline", ""))
        except OSError as exc:  # writing a report: a full disk or a name the file system refuses
            reason = exc.strerror or exc
            error = f"{task.source}: OutputError: cannot write the report ({reason}); check --out"
        except Exception as exc:  # noqa: BLE001 - one defect must not stop a batch of hundreds
            error = _internal(task, exc)
    if error:
        row = row_from_error(task.source, error)
        for _, suffix in FORMATS.values():  # a stale report of an earlier version must not survive
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
