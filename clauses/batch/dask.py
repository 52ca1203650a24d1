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
* a worker runs ``clauses.batch.document.analyse``, the same function the pool
  runs, and returns the analysis; the client writes the reports atomically and
  the resume state with ``clauses.batch.document.finish``, document by document
  as they come back, so reruns, ``--fail-on``, the summaries and their order are
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

from clauses.batch.document import BatchOptions, Outcome, Task, analyse, ready
from clauses.errors import ClausesError, ConfigError

IN_FLIGHT_PER_WORKER = 4  # documents queued per worker thread: keeps workers busy, the client's memory small
INSTALL = 'pip install "clauses[dask]"'


def _remote(task: Task, options: BatchOptions, data: bytes | None) -> Outcome:
    """What a worker runs for one document: the pool's analysis, with the model loaded once per worker."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per worker, as in the pool
    ready(options)
    return analyse(task, options, data)  # errors and the Document name the file as the client knows it


@contextmanager
def connect(scheduler: str) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster for ``"local"``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(f"--scheduler needs Dask distributed: {INSTALL}") from exc
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=":0"
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


def _payload(task: Task, options: BatchOptions) -> bytes | None:
    """The document's bytes for the worker, or None when the worker reads the path itself."""
    if options.shared_paths:
        return None
    try:
        return Path(task.source).read_bytes()
    except OSError:
        return None  # the worker's own read fails the same way and reports it as the row's error


def run_on_cluster(
    tasks: Sequence[Task],
    options: BatchOptions,
    collect: Callable[[Task, Outcome], object],
) -> None:
    """Analyse ``tasks`` on the cluster; ``collect(task, outcome)`` on the client as each comes back.

    A KeyboardInterrupt (also one raised by ``collect``) cancels what is still
    queued and propagates; documents already collected are written.
    """
    from distributed import as_completed

    assert options.scheduler is not None
    with connect(options.scheduler) as client:
        threads = sum(client.nthreads().values()) or 1
        window = threads * IN_FLIGHT_PER_WORKER
        queue = iter(tasks)
        of: dict[str, Task] = {}

        def submit(task: Task) -> Any:
            key = f"clauses-{task.stem}-{os.urandom(4).hex()}"
            future = client.submit(_remote, task, options, _payload(task, options), key=key)
            of[future.key] = task
            return future

        running = as_completed([submit(task) for task in itertools.islice(queue, window)])
        try:
            for future in running:
                task = of.pop(future.key)
                try:
                    outcome = future.result()
                except ClausesError:  # the worker cannot load the model or profile: no document can pass
                    raise
                except Exception as error:  # noqa: BLE001 - KilledWorker, a worker lost for good
                    detail = " ".join(str(error).split())[:160]
                    outcome = Outcome(
                        error=f"{task.source}: InternalError: the cluster could not analyse it "
                        f"({type(error).__name__}: {detail})"
                    )
                future.release()
                collect(task, outcome)
                following = next(queue, None)
                if following is not None:
                    running.add(submit(following))
        except BaseException:
            for future in list(running.futures):
                future.cancel()
            raise
