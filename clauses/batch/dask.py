"""Run a batch's per-document analysis on a Dask distributed cluster (``review --scheduler``).

Portfolios of tens of thousands of contracts outgrow one machine. With
``--scheduler tcp://host:8786`` the analysis of each document runs on the workers
of an existing cluster, with ``--scheduler local`` on a ``LocalCluster`` of this
machine's cores (one single-threaded worker process per core: PDFium, spaCy and
Tesseract are run one document at a time per process, as in the local pool).
Everything else stays on the client, exactly as with ``--jobs``:

* the client reads each file and sends its bytes (``--shared-paths``: only its
  path, for workers that see the same storage), so workers need no access to
  the inputs or to ``--out``;
* a worker runs ``clauses.batch.worker.analyse``, the half of the pool's
  per-document work that parses and analyses, and returns the analysis; the
  client writes the reports atomically (``worker.record_of``) and the resume
  state, document by document as they come back, so reruns, ``--fail-on``, the summaries and their order are
  those of a ``--jobs`` run;
* a worker that dies takes no finished document with it (each was written when
  it came back); the scheduler gives its running documents to another worker,
  and a document that kills workers again and again gets an error row.

Only a bounded window of documents is in flight, so the client never holds the
bytes of the whole portfolio. Needs ``pip install "clauses[dask]"``.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from clauses.batch.worker import Job, Task, analyse, failed, prepare, record_of
from clauses.errors import ClausesError, ConfigError

IN_FLIGHT_PER_WORKER = 4  # documents queued per worker thread: keeps workers busy, the client's memory small
INSTALL = 'pip install "clauses[dask]"'


def _remote(task: Task, job: Job, data: bytes | None) -> tuple[Any, str, dict[str, Any]]:
    """What a worker runs for one document: (analysis or None, error line, facts)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per worker, as in the pool
    prepare(job)  # the model and patterns, once per worker process
    timings = {"parse": 0.0, "detect": 0.0, "report": 0.0}
    facts: dict[str, Any] = {"timings": timings, "identity": job.identity}
    try:
        return analyse(task, job, facts, data), "", facts
    except ClausesError as error:
        return None, error.one_line(), facts
    except MemoryError:
        return None, "TooLarge: ran out of memory on the cluster worker", facts
    except Exception as error:  # noqa: BLE001 - one defect must not stop a batch of hundreds
        return None, _internal(error), facts


def _finish(task: Task, job: Job, analysis: Any, line: str, facts: dict[str, Any]):
    """The document's record, its reports written here on the client."""
    if analysis is None:
        return failed(task, job, facts, line)
    try:
        return record_of(analysis, task, job, facts)
    except OSError as error:
        reason = error.strerror or error
        return failed(task, job, facts, f"OutputError: cannot write the report ({reason}); check --out")
    except Exception as error:  # noqa: BLE001
        return failed(task, job, facts, _internal(error))


def _internal(error: Exception) -> str:
    detail = " ".join(str(error).split())[:200]
    return f"InternalError: {type(error).__name__}: {detail} (a defect in clauses; please report it)"


@contextmanager
def connect(scheduler: str) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster for ``"local"``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(f"--scheduler needs Dask distributed: {INSTALL}") from exc
    if scheduler == "local":
        cluster = LocalCluster(  # this machine only: every port on loopback
            n_workers=os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # its HTTP server: loopback, a free port
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc}); check --scheduler"
        ) from exc
    try:
        yield client
    finally:
        client.close()


def _payload(task: Task, shared_paths: bool) -> bytes | None:
    """The document's bytes for the worker, or None when the worker reads the path itself."""
    if shared_paths:
        return None
    try:
        return Path(task.source).read_bytes()
    except OSError:
        return None  # the worker's own read fails the same way and reports it as the row's error


def run_on_cluster(
    tasks: Sequence[Task],
    job: Job,
    scheduler: str,
    shared_paths: bool,
    collect: Callable[[Task, Any], object],
) -> None:
    """Analyse ``tasks`` on the cluster; ``collect(task, record)`` on the client as each comes back.

    A KeyboardInterrupt (also one raised by ``collect``) cancels what is still
    queued and propagates; documents already collected are written.
    """
    from distributed import as_completed

    with connect(scheduler) as client:
        threads = sum(client.nthreads().values()) or 1
        window = threads * IN_FLIGHT_PER_WORKER
        queue = iter(tasks)
        of: dict[str, Task] = {}
        # Sent to every worker once, not with each document: it holds the batch's file table.
        shipped = client.scatter(job, broadcast=True, hash=False)

        def submit(task: Task) -> Any:
            key = f"clauses-{task.stem}-{os.urandom(4).hex()}"
            future = client.submit(_remote, task, shipped, _payload(task, shared_paths), key=key)
            of[future.key] = task
            return future

        running = as_completed([submit(task) for task in itertools.islice(queue, window)])
        try:
            for future in running:
                task = of.pop(future.key)
                try:
                    analysis, line, facts = future.result()
                except Exception as error:  # noqa: BLE001 - KilledWorker, a worker lost for good
                    detail = " ".join(str(error).split())[:160]
                    analysis, facts = None, {"identity": job.identity}
                    kind = type(error).__name__
                    line = f"InternalError: the cluster could not analyse it ({kind}: {detail})"
                future.release()
                collect(task, _finish(task, job, analysis, line, facts))
                following = next(queue, None)
                if following is not None:
                    running.add(submit(following))
        except BaseException:
            for future in list(running.futures):
                future.cancel()
            raise
