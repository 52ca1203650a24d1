"""What a batch shows while it runs: a live bar on a terminal, one line per document otherwise.

A person watching a terminal wants count, rate, ETA and the file in hand; a CI
log wants stable lines it can grep (``[12/340] path: RED (score 55)``); with
``--quiet`` only the errors and the final line. Everything goes to stderr, so
stdout stays free for tools. File names are data: rows carry them ``visible``
(control characters and terminal escapes as ``\\x..``), so a newline cannot split a
log line and an escape sequence cannot reach the terminal; rich markup is off.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from clauses.batch.record import BatchRecord
from clauses.report.structured import visible

__all__ = ["Reporter", "document_line", "summary_line"]


def document_line(done: int, total: int, record: BatchRecord, skipped: bool) -> str:
    """``[12/340] path: RED (score 55)``, or the document's one-line error after the counter."""
    row = record.row
    if row.error:
        return f"[{done}/{total}] {visible(row.error)}"
    note = "; unchanged, skipped" if skipped else ""
    if row.report_error:
        note += f"; {visible(row.report_error)}"
    return f"[{done}/{total}] {visible(row.file)}: {row.routing} (score {row.score}{note})"


def summary_line(result: Any, out_dir: str) -> str:
    """Counts by routing and errors, time and throughput; ``result`` is a ``BatchResult``."""
    counts = result.routing_counts
    total = len(result.done)
    rate = result.processed / result.elapsed if result.elapsed > 0 else 0.0
    parts = [f"{counts.get(k, 0)} {k}" for k in ("GREEN", "YELLOW", "RED")]
    parts.append(f"{result.errors} error{'s' if result.errors != 1 else ''}")
    stopped = "Interrupted after" if result.interrupted else "Reviewed"  # saved: a rerun skips them
    return (
        f"{stopped} {total} document{'s' if total != 1 else ''}: {', '.join(parts)}; "
        f"{result.skipped} unchanged and skipped; {result.elapsed:.1f} s, {rate:.1f} documents/s. "
        f"Reports in {out_dir}"
    )


class Reporter:
    """Shows batch progress; use as a context manager around ``run_batch``.

    ``mode`` is ``"auto"`` (a rich bar when ``stream`` is a terminal, lines
    otherwise), ``"lines"`` or ``"quiet"``.
    """

    def __init__(self, total: int, mode: str = "auto", stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "lines"
        self.mode = mode
        self._progress: Any = None
        self._task: Any = None
        self._started = time.perf_counter()
        self._processed = 0

    def __enter__(self) -> Reporter:
        if self.mode == "bar":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]review"),
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[current]}", markup=False),
                console=Console(file=self.stream, highlight=False),
                transient=False,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("review", total=self.total, rate="", current="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
            self._progress = None

    def __call__(self, done: int, total: int, record: BatchRecord, skipped: bool) -> None:
        """The ``on_record`` callback of ``run_batch``."""
        failed = record.failed or bool(record.row.report_error)
        self._processed += not skipped  # skipped documents cost nothing; they would inflate the rate
        if self._progress is not None:
            elapsed = max(time.perf_counter() - self._started, 1e-9)
            self._progress.update(
                self._task,
                completed=done,
                rate=f"{self._processed / elapsed:.1f} docs/s",
                current=_short(visible(record.row.file)),
            )
            if failed:
                self._progress.console.print(document_line(done, total, record, skipped), markup=False)
        elif self.mode == "lines" or failed:
            self.print(document_line(done, total, record, skipped))

    def print(self, text: str) -> None:
        """A line that shows in every mode (warnings, errors, the summary)."""
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream, flush=True)


def _short(path: str, limit: int = 32) -> str:
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]
