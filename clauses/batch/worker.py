"""One document in a worker process: analyse it within a time and memory budget, write its reports.

A worker is forked from the batch's parent with the model, patterns and
profile already loaded (so it starts at once and shares their pages), serves
one document at a time over a pipe, and sends back a small ``BatchRecord``.
It is built to fail alone:

* a time budget per document (``--timeout``): an alarm in the worker ends a
  slow document with a ``Timeout`` row; the parent kills a worker that does not
  answer shortly after (stuck in C code) and starts another;
* a memory budget (``--max-memory``): the worker's address space may grow by
  that much, so a runaway document gets a ``MemoryError`` (a ``TooLarge`` row)
  instead of the machine's out-of-memory killer; a worker killed anyway is
  reported by the parent and replaced;
* it dies with its parent (``PR_SET_PDEATHSIG`` on Linux, else a thread that
  watches the parent's pid), so ``kill -9`` of the main process leaves nothing
  running, and its stdout/stderr go to /dev/null so it cannot hold a pipe the
  parent's output feeds (``clauses review ... | tee``);
* Ctrl-C belongs to the parent, which stops the workers itself;
* one report that cannot be written (a redline) costs only that report: the
  others are kept and the row names the failure.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clauses.batch.budget import DOCUMENT_MEMORY_MB, DOCUMENT_SECONDS, KILL_GRACE
from clauses.batch.failon import gate_facts
from clauses.batch.record import BatchRecord
from clauses.errors import ClausesError
from clauses.profiles import ResolvedProfile
from clauses.report.formats import REPORT_FORMATS
from clauses.report.structured import visible

__all__ = [
    "DOCUMENT_MEMORY_MB",
    "DOCUMENT_SECONDS",
    "FAULT_ENV",
    "KILL_GRACE",
    "Job",
    "Task",
    "prepare",
    "process",
    "serve",
]

# Tests only: "hang:<name part>", "stuck:<name part>" (alarm blocked), "kill:<name part>" (as the OOM
# killer would), "hog:<name part>" (allocates until refused), "redline:<name part>"; ";" between.
FAULT_ENV = "CLAUSES_TEST_FAULT"
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Task:
    """One input: its index in the batch, the path as named, its absolute path and output stem."""

    index: int
    source: str
    absolute: str
    stem: str
    # Its folder: the key of ``Job.folders``, the batch's files there (where a cover page's
    # standard terms may be). A key, not the list: a list per task grows the batch quadratically.
    folder: str = ""


@dataclass(frozen=True)
class Job:
    """Everything a worker needs, decided once in the parent (picklable for spawn)."""

    out_dir: Path
    formats: tuple[str, ...]
    profile: ResolvedProfile
    identity: dict[str, Any] = field(default_factory=dict)
    password: str | None = None
    model_folder: Path | None = None
    max_bytes: int | None = None  # None: the parser's MAX_FILE_BYTES (--max-size)
    side: str | None = None  # the side reviewed for; None: each profile's own
    author: str = "clauses"  # the redline's revision and comment author
    comments: str = "counterparty"  # the redline's comment audience
    timeout: float = DOCUMENT_SECONDS
    max_memory_mb: int = DOCUMENT_MEMORY_MB
    ocr: str = "auto"  # auto | always | never: which PDF pages are read by OCR
    # Folder -> the batch's files in it, as named. One table for the batch, inherited by forked
    # workers (and scattered once to a cluster): 10,000 files in three folders took 300 MB as a
    # tuple of siblings per task.
    folders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def siblings(self, task: Task) -> Iterator[str]:
        """The batch's other files in ``task``'s folder (lazily: most documents never ask)."""
        return (source for source in self.folders.get(task.folder, ()) if source != task.source)


class _OverTime(BaseException):
    """Raised by the alarm; a BaseException so no ``except Exception`` in a library swallows it."""


_LOADED: dict[str, Any] = {}


def prepare(job: Job) -> None:
    """Load the model, patterns and element table once per process (the parent, before forking),
    the element regexes compiled (not on first use, once per worker).

    Cached per model folder: a second batch in the same process with another
    ``--model`` (or ``$CLAUSES_MODEL_DIR``) must not reuse the first one's model.
    """
    from clauses.resources import model_dir

    folder = model_dir(job.model_folder).resolve()
    if "model" in _LOADED and _LOADED.get("folder") == folder:
        return
    from clauses.detect import prepare_scanner
    from clauses.detect.context import load_matcher
    from clauses.elements import compile_patterns, elements
    from clauses.pipeline import load_shipped_model

    compile_patterns(elements())  # once here, not again in every forked worker
    prepare_scanner(elements())
    load_matcher()
    _LOADED["model"] = load_shipped_model(job.model_folder)
    _LOADED["folder"] = folder
    # Imported before fork, shared by every worker: with them the regexes they compile when
    # imported (a document's path imports the last five on first use, in each worker).
    import clauses.batch.pairing
    import clauses.parse
    import clauses.parse.text
    import clauses.report
    import clauses.report.issues
    import clauses.segment.combine
    import clauses.suggest.style  # noqa: F401


# ---------------------------------------------------------------- the worker process


def serve(conn, job: Job, parent: int) -> None:
    """A worker's life: a Task in, (its BatchRecord, retiring) out, until None, EOF or the parent dies."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent owns Ctrl-C and stops the workers
    _silence_output()
    prepare(job)  # loaded already when forked; a spawned worker loads it here
    gc.freeze()  # what is loaded lives as long as the worker: keep the collector off it
    _limit_memory(job.max_memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        record = process(task, job)
        # After a MemoryError the heap may be in pieces: the worker retires, and says so with its
        # answer, so the parent gives it no further document and starts a fresh worker.
        retiring = _LOADED.pop("exhausted", False)
        try:
            conn.send((record, retiring))
        except OSError:
            break
        if retiring:
            break
    os._exit(0)


def _die_with_parent(parent: int) -> None:
    """Be killed when the parent dies, whatever kills it (``kill -9`` included)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="clauses-parent-watch", daemon=True).start()


def _silence_output() -> None:
    """Point stdout and stderr at /dev/null: a worker has nothing to print and must not hold a pipe."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(AttributeError, OSError, ValueError):
                stream.flush()
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)


def _limit_memory(megabytes: int) -> None:
    """Let the address space grow by ``megabytes`` from here; allocations past that raise MemoryError."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            used = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return  # not Linux: the parent still reports a worker that dies
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _on_alarm(signum: int, frame: object) -> None:
    raise _OverTime


# ---------------------------------------------------------------- one document


def process(task: Task, job: Job) -> BatchRecord:
    """Analyse one file and write its reports; its record, or its error row. Never raises."""
    timings = {"parse": 0.0, "detect": 0.0, "report": 0.0}
    facts: dict[str, Any] = {"timings": timings, "identity": job.identity}
    use_alarm = job.timeout > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, job.timeout)
    try:
        record = _analyse(task, job, facts)
    except _OverTime:
        record = _failure(task, job, facts, f"Timeout: took over {job.timeout:g} s; raise --timeout")
    except MemoryError:
        _LOADED["exhausted"] = True
        record = _failure(
            task, job, facts, f"TooLarge: needed over {job.max_memory_mb} MB of memory; raise --max-memory"
        )
    except ClausesError as error:
        record = _failure(task, job, facts, error.one_line())
    except OSError as error:  # writing a report: a full disk or a name the file system refuses
        record = _failure(
            task, job, facts, f"OutputError: cannot write the report ({error.strerror or error}); check --out"
        )
    except Exception as error:  # noqa: BLE001 - one defect must not stop a batch of hundreds
        detail = " ".join(str(error).split())[:200]
        record = _failure(
            task,
            job,
            facts,
            f"InternalError: {type(error).__name__}: {detail} (a defect in clauses; please report it)",
        )
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return record


def _analyse(task: Task, job: Job, facts: dict[str, Any]) -> BatchRecord:
    return record_of(analyse(task, job, facts), task, job, facts)


def analyse(task: Task, job: Job, facts: dict[str, Any], data: bytes | None = None):
    """Parse (``data`` when given: the bytes a cluster client sent) and analyse one file.

    The half of a document's work that a Dask worker does (``clauses.batch.dask``);
    ``record_of`` is the other half, which writes the reports.
    """
    from clauses.batch.pairing import with_incorporated
    from clauses.parse import parse, parse_bytes
    from clauses.pipeline import analyze_document

    timings = facts["timings"]
    started = time.perf_counter()
    _test_fault(task.source)
    limit = {} if job.max_bytes is None else {"max_bytes": job.max_bytes}
    if data is None:
        document = parse(task.source, password=job.password, ocr=job.ocr, **limit)
    else:
        document = parse_bytes(data, task.source, password=job.password, ocr=job.ocr, **limit)
    facts.update(sha256=document.sha256, pages=document.pages, chars=len(document.text))
    timings["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    document, paired = with_incorporated(document, job.siblings(task), job.password)
    analysis = analyze_document(document, job.profile, model=_LOADED["model"], side=job.side)
    if paired:
        analysis = replace(analysis, warnings=(paired, *analysis.warnings))
    timings["detect"] = time.perf_counter() - started
    return analysis


def record_of(analysis, task: Task, job: Job, facts: dict[str, Any]) -> BatchRecord:
    """Write an analysed document's reports; its record."""
    from clauses.report import row_from_analysis
    from clauses.report.issues import issue_rows

    timings = facts["timings"]
    started = time.perf_counter()
    outputs, sizes, failures = write_reports(analysis, task, job)
    timings["report"] = time.perf_counter() - started
    if failures and not outputs:
        return _failure(task, job, facts, failures[0])
    row = row_from_analysis(analysis, visible(task.source), reports=outputs, doc_type=analysis.doc_type)
    row = replace(row, report_error=visible("; ".join(failures)))
    return BatchRecord(
        task.source,
        task.absolute,
        task.stem,
        row,
        outputs=outputs,
        sizes=sizes,
        gate=gate_facts(analysis),
        model_version=analysis.model_version,
        issues=tuple(issue_rows(analysis, visible(task.source), outputs.get("redline", ""))),
        **facts,
    )


def write_reports(analysis, task: Task, job: Job) -> tuple[dict[str, str], dict[str, int], list[str]]:
    """Each report's file name and size by kind, and a line per report that failed.

    A failed report is removed (what is there is of an earlier run) and the
    others are kept: a redline that cannot be built must not cost the JSON.
    """
    from clauses.report.formats import write_report

    outputs, sizes, failures = {}, {}, []
    for name in job.formats:
        spec = REPORT_FORMATS[name]
        target = job.out_dir / f"{task.stem}{spec.suffix}"
        try:
            if name == "docx":
                _test_fault(task.source, "redline")
            write_report(name, analysis, task.source, target, author=job.author, comments=job.comments)
            sizes[spec.kind] = target.stat().st_size
        except (_OverTime, MemoryError):
            raise
        except ClausesError as error:
            failures.append(f"{spec.kind} report not written: {error.one_line()}")
        except OSError as error:
            failures.append(f"{spec.kind} report not written: OutputError: {error.strerror or error}")
        except Exception as error:  # noqa: BLE001 - the other reports of this contract are good
            detail = " ".join(str(error).split())[:160]
            kind = type(error).__name__
            failures.append(f"{spec.kind} report not written: InternalError: {kind}: {detail}")
        else:
            outputs[spec.kind] = target.name
            continue
        with contextlib.suppress(OSError):
            target.unlink()
    return outputs, sizes, failures


def _failure(task: Task, job: Job, facts: dict[str, Any], line: str) -> BatchRecord:
    """The error row; a stale report of an earlier version of this file must not survive it."""
    remove_reports(job.out_dir, task.stem)
    kept = {key: facts[key] for key in ("identity", "pages", "chars", "timings") if key in facts}
    return BatchRecord.error(task.source, task.absolute, task.stem, line, **kept)


def failed(task: Task, job: Job, facts: dict[str, Any], line: str) -> BatchRecord:
    """The error row of a document (public for the cluster client, which writes it)."""
    return _failure(task, job, facts, line)


def remove_reports(out_dir: Path, stem: str, keep: Sequence[str] = ()) -> list[str]:
    """Delete ``stem``'s reports of every format not in ``keep``; the names removed."""
    removed = []
    for name, spec in REPORT_FORMATS.items():
        if name in keep:
            continue
        with contextlib.suppress(FileNotFoundError):
            (out_dir / f"{stem}{spec.suffix}").unlink()
            removed.append(f"{stem}{spec.suffix}")
    return removed


def _test_fault(source: str, where: str = "") -> None:
    """The faults tests simulate, chosen by ``$CLAUSES_TEST_FAULT`` (unset in real use: returns at once)."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    name = os.path.basename(source)
    for item in spec.split(";"):
        action, _, marker = item.partition(":")
        if not marker or marker not in name or (action == "redline") != (where == "redline"):
            continue
        if action == "hang":
            while True:
                time.sleep(1)
        if action == "stuck":  # as if in C code: the alarm cannot interrupt it
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            while True:
                time.sleep(1)
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "hog":
            hoard = []
            while True:
                hoard.append(bytearray(256 * 1024 * 1024))
        if action == "redline":
            raise RuntimeError("simulated redline failure")
