"""The local worker pool: worker processes fed one document at a time, each watched for deadline and death.

The parent of a batch (``clauses.batch.run``) hands it the tasks still to do
and a ``collect(task, record)`` callback that saves each result as it comes
back. A document over its time budget, a worker killed by the out-of-memory
killer or stuck in C code becomes that document's error row and a fresh worker
takes the next one; on Ctrl-C the workers are killed and what has already
arrived is saved.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_any

from clauses.atomic import remove_stale_temporaries
from clauses.batch.budget import KILL_GRACE
from clauses.batch.record import BatchRecord
from clauses.batch.worker import Job, Task, remove_reports, serve

__all__ = ["WorkerPool"]

_POLL = 0.2  # seconds between checks of deadlines and dead workers while waiting for results


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: multiprocessing.connection.Connection
    task: Task | None = None  # the document it is analysing
    deadline: float = 0.0  # of ``task``
    retiring: bool = False  # it said it exits after its last answer: no further document
    ahead: Task | None = None  # the next one, already in its pipe: started as soon as ``task`` is done


class WorkerPool:
    """Worker processes fed one document at a time, each watched for its deadline and its death.

    While a worker analyses a document its next one already waits in its pipe
    (``_Worker.ahead``), so it starts that at once instead of idling until the
    parent has saved the result and sent another (on 111 real NDAs at --jobs 2,
    about half the documents waited, ~3.5 ms each). Only while the queue holds a
    document for every worker, so the last ones still go to whichever worker is
    free first. A document sent ahead is not started: when its worker dies,
    overruns or retires, it goes back to the queue, and only the document being
    analysed gets the error row.
    """

    def __init__(self, job: Job, size: int) -> None:
        self.job = job
        self.size = size
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.workers: list[_Worker] = []  # the live ones
        self.started: list[_Worker] = []  # every one, so none can be missed when stopping

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=serve, args=(child_end, self.job, os.getpid()), name="clauses-worker", daemon=True
        )
        # Ignored across the fork, so a Ctrl-C then cannot hit the worker before it ignores it itself.
        with _sigint_ignored():
            process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self.started.append(worker)
        return worker

    def run(self, tasks: Sequence[Task], collect: Callable[..., None]) -> None:
        """Analyse ``tasks``, calling ``collect(task, record)`` for each; every worker is gone on return.

        With more than one worker the largest files go first (``largest_first``).
        """
        queue = deque(largest_first(tasks) if self.size > 1 else tasks)
        try:
            self.workers = [self._start() for _ in range(self.size)]
            while queue or any(w.task is not None for w in self.workers):
                self._dispatch(queue)
                busy = [w for w in self.workers if w.task is not None]
                timeout = _POLL
                if self.job.timeout > 0 and busy:
                    nearest = min(w.deadline for w in busy) + KILL_GRACE - time.monotonic()
                    timeout = max(0.0, min(timeout, nearest))
                wait_any([w.conn for w in busy] + [w.process.sentinel for w in self.workers], timeout)
                self._harvest(queue, collect)
        except KeyboardInterrupt:
            self._drain(collect)
            raise
        finally:
            self._stop_all()

    def _dispatch(self, queue: deque[Task]) -> None:
        for worker in self.workers:
            if worker.task is None and queue:
                task = queue.popleft()
                try:
                    worker.conn.send(task)
                except OSError:  # died idle; _harvest replaces it and the task waits for the next
                    queue.appendleft(task)
                    continue
                worker.task = task
                worker.deadline = time.monotonic() + self.job.timeout
        for worker in self.workers:
            if len(queue) < len(self.workers):  # the last ones go to whichever worker is free first
                break
            if worker.task is not None and worker.ahead is None and not worker.retiring:
                task = queue.popleft()
                try:
                    worker.conn.send(task)
                except OSError:  # dying; _harvest sees it
                    queue.appendleft(task)
                    continue
                worker.ahead = task

    def _harvest(self, queue: deque[Task], collect: Callable[..., None]) -> None:
        """Collect results; replace workers that died or overran their deadline."""
        arrived: list[tuple[Task, BatchRecord]] = []
        kept = []
        for worker in self.workers:
            while worker.task is not None and not worker.retiring and worker.conn.poll():
                try:
                    record, worker.retiring = worker.conn.recv()
                except (EOFError, OSError):  # it died while answering
                    break
                arrived.append((worker.task, record))
                worker.task, worker.ahead = worker.ahead, None  # it has started the one sent ahead
                worker.deadline = time.monotonic() + self.job.timeout
            task = worker.task
            overdue = (
                task is not None and self.job.timeout > 0 and time.monotonic() > worker.deadline + KILL_GRACE
            )
            if worker.process.is_alive() and not overdue and not worker.retiring:
                kept.append(worker)
                continue
            if worker.retiring and task is not None:  # sent ahead, but it exits without reading it
                queue.appendleft(task)
                worker.task = task = None
            elif worker.ahead is not None:  # never started: another worker takes it
                queue.appendleft(worker.ahead)
            worker.ahead = None
            self._end(worker)
            if task is not None:
                if overdue:
                    line = f"Timeout: took over {self.job.timeout:g} s and did not stop; raise --timeout"
                else:
                    line = _death_line(worker.process.exitcode)
                remove_reports(self.job.out_dir, task.stem)
                error = BatchRecord.error(
                    task.source, task.absolute, task.stem, line, identity=self.job.identity
                )
                arrived.append((task, error))
            if queue:
                kept.append(self._start())
        self.workers = kept
        for number, (task, record) in enumerate(arrived):
            try:
                collect(task, record)
            except KeyboardInterrupt:  # raised by the progress callback: save the rest, then stop
                for later_task, later in arrived[number + 1 :]:
                    collect(later_task, later, announce=False)
                raise

    def _drain(self, collect: Callable[..., None]) -> None:
        """On Ctrl-C: save what has already arrived (without announcing it), no waiting."""
        with contextlib.suppress(KeyboardInterrupt):
            for worker in self.workers:
                while worker.task is not None and worker.conn.poll():
                    try:
                        record, _ = worker.conn.recv()
                    except (EOFError, OSError):
                        break
                    task, worker.task, worker.ahead = worker.task, worker.ahead, None
                    collect(task, record, announce=False)

    def _end(self, worker: _Worker) -> None:
        """Kill a worker and clear the temporary files of the write it was doing."""
        if worker.process.exitcode is None:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                worker.process.kill()
        worker.process.join(5)
        with contextlib.suppress(OSError):
            worker.conn.close()
        if worker.task is not None:  # the write it was doing: other workers' writes are left alone
            remove_stale_temporaries(self.job.out_dir, prefix=f".{worker.task.stem}.")

    def _stop_all(self) -> None:
        """Kill every worker and wait for each; a second Ctrl-C meanwhile cannot leave one running."""
        with _sigint_ignored():
            for worker in self.started:
                self._end(worker)
            self.workers = []


def largest_first(tasks: Sequence[Task]) -> list[Task]:
    """``tasks`` by file size, largest first (input order among equals; an unreadable file last).

    Workers take documents in queue order, so a long contract left to the end
    runs alone while the other workers have nothing to do: one 285k-character
    PDF among 38 agreements takes ~1.9 s by itself. Started first, it runs
    beside the others. Results keep their input order (``Task.index``); only
    the order documents finish in, and so the progress lines, changes.
    """

    def size(task: Task) -> int:
        try:
            return os.stat(task.absolute).st_size
        except OSError:
            return -1  # the worker reports it with parse's own message

    return sorted(tasks, key=size, reverse=True)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Hold Ctrl-C off for a short critical step (the parent's own handler is back afterwards)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: there is no handler to hold off
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _death_line(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        cause = " (the system's out-of-memory killer sends SIGKILL)" if name == "SIGKILL" else ""
        return f"WorkerDied: the process analysing it was killed by {name}{cause}; the batch went on"
    return f"WorkerDied: the process analysing it exited with code {exitcode}; the batch went on"
