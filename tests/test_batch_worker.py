"""clauses.batch.worker: one document's fault stays that document's row; the batch goes on.

Faults are simulated in the forked worker through ``$CLAUSES_TEST_FAULT``
(``clauses.batch.worker.FAULT_ENV``), set here only: a document that hangs
(the worker's alarm ends it), one stuck where the alarm cannot reach (the
parent kills the worker), a worker killed as the out-of-memory killer would,
one allocating without end (the memory budget refuses it), and a redline that
fails while the other reports succeed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from test_batch import GOOD_NDA, LENIENT_PLAYBOOK, THIN_NDA, model_folder, summary_rows  # noqa: F401

from clauses.batch import BatchOptions, run_batch, write_summaries
from clauses.batch.failon import exit_code
from clauses.batch.worker import FAULT_ENV


def _batch(folder: Path, names: tuple[str, ...] = ("a.txt", "b.txt", "b_slow.txt", "c.txt")) -> list[Path]:
    """Four contracts; the faulty one (its name holds "slow") third, so a document comes after it."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(names):
        (folder / name).write_text(GOOD_NDA if number % 2 == 0 else THIN_NDA, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


# Long enough that a good document never reaches it on a loaded machine; the hanging one always does.
BUDGET = 5.0


def _errors(result) -> dict[str, str]:
    return {Path(r.source).name: r.row.error for r in result.records if r is not None and r.failed}


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_worker_hanging_document_times_out_into_an_error_row(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch, jobs: int  # noqa: F811
) -> None:
    monkeypatch.setenv(FAULT_ENV, "hang:slow")
    files = _batch(tmp_path / "in")
    out = tmp_path / "out"
    started = time.monotonic()
    result = run_batch(files, BatchOptions(out, jobs=jobs, model_folder=model_folder, timeout=BUDGET))
    assert time.monotonic() - started < 60  # a bound to catch a hang, not a speed test
    slow = tmp_path / "in" / "b_slow.txt"
    assert _errors(result) == {"b_slow.txt": f"{slow}: Timeout: took over 5 s; raise --timeout"}
    assert result.processed == 4 and all(r is not None for r in result.records)
    write_summaries(out, result.records)
    assert len(summary_rows(out)) == 4
    assert sorted(p.name for p in out.glob("*.json")) == ["a_txt.json", "b_txt.json", "c_txt.json"]


def test_batch_worker_stuck_worker_is_killed_and_replaced(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    monkeypatch.setenv(FAULT_ENV, "stuck:slow")  # the alarm is blocked: only the parent can end it
    files = _batch(tmp_path / "in")
    options = BatchOptions(tmp_path / "out", jobs=1, model_folder=model_folder, timeout=BUDGET)
    result = run_batch(files, options)
    error = _errors(result)["b_slow.txt"]
    assert "Timeout: took over 5 s and did not stop" in error
    assert result.errors == 1 and result.processed == 4  # c.txt came after it, in a fresh worker


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_worker_killed_worker_is_an_error_row_not_a_dead_batch(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch, jobs: int  # noqa: F811
) -> None:
    monkeypatch.setenv(FAULT_ENV, "kill:slow")  # SIGKILL, as the out-of-memory killer sends
    files = _batch(tmp_path / "in")
    out = tmp_path / "out"
    result = run_batch(files, BatchOptions(out, jobs=jobs, model_folder=model_folder))
    error = _errors(result)["b_slow.txt"]
    assert "WorkerDied: the process analysing it was killed by SIGKILL" in error
    # c.txt was in the dead worker's pipe already (sent ahead): it is analysed by the next worker
    assert result.errors == 1 and result.processed == 4
    assert (out / "c_txt.json").exists() and not result.records[-1].failed
    write_summaries(out, result.records)
    assert exit_code(result.done, "never") == 0 and exit_code(result.done, "missing") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the budget is an RLIMIT_AS of Linux")
def test_batch_worker_memory_budget_gives_a_too_large_row(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    monkeypatch.setenv(FAULT_ENV, "hog:slow")
    files = _batch(tmp_path / "in")
    options = BatchOptions(tmp_path / "out", jobs=1, model_folder=model_folder, max_memory_mb=300)
    result = run_batch(files, options)
    slow = tmp_path / "in" / "b_slow.txt"
    expected = f"{slow}: TooLarge: needed over 300 MB of memory; raise --max-memory"
    assert _errors(result) == {"b_slow.txt": expected}
    assert result.processed == 4


def test_batch_worker_failed_redline_keeps_the_other_reports(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    (tmp_path / "in").mkdir()
    files = [tmp_path / "in" / "a.txt", tmp_path / "in" / "b.txt"]
    for file in files:
        file.write_text(GOOD_NDA, encoding="utf-8")
    out = tmp_path / "out"
    playbook = tmp_path / "lenient.toml"
    playbook.write_text(LENIENT_PLAYBOOK, encoding="utf-8")

    def options(**kwargs) -> BatchOptions:
        return BatchOptions(
            out, formats=("json", "html", "docx"), model_folder=model_folder, profile=str(playbook), **kwargs
        )

    assert exit_code(run_batch(files, options()).done, "missing") == 0
    assert (out / "a_txt.redline.docx").is_file()

    monkeypatch.setenv(FAULT_ENV, "redline:a.txt")
    result = run_batch(files, options(force=True))
    record = result.records[0]
    assert not record.failed and record.row.routing
    assert record.row.report_error == (
        "redline report not written: InternalError: RuntimeError: simulated redline failure"
    )
    assert (out / "a_txt.json").is_file() and (out / "a_txt.html").is_file()
    assert not (out / "a_txt.redline.docx").exists()  # the old one is of an earlier run: removed
    assert set(record.outputs) == {"json", "html"}
    assert exit_code(result.done, "missing") == 1  # a report asked for is missing: the gate fails
    write_summaries(out, result.records)
    row = next(r for r in summary_rows(out) if r["file"].endswith("a.txt"))
    assert row["report_error"].startswith("redline report not written") and row["report_json"] == "a_txt.json"

    monkeypatch.delenv(FAULT_ENV)
    rerun = run_batch(files, options())
    assert (rerun.processed, rerun.skipped) == (1, 1)  # the redline is retried, b is unchanged
    assert (out / "a_txt.redline.docx").is_file() and exit_code(rerun.done, "missing") == 0


def test_batch_worker_frees_each_analysis_once_its_reports_are_written(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """A worker serves thousands of documents: nothing may keep an Analysis after its reports exist."""
    import weakref

    import clauses.pipeline
    from clauses.batch.resume import run_identity
    from clauses.batch.worker import Job, Task, prepare, process
    from clauses.profiles import resolve

    profile = resolve("auto")
    job = Job(
        out_dir=tmp_path / "out",
        formats=("json", "md"),
        profile=profile,
        identity=run_identity(profile, model_folder, None),
        model_folder=model_folder,
    )
    job.out_dir.mkdir()
    prepare(job)
    made: list[weakref.ref] = []
    original = clauses.pipeline.analyze_document

    def tracked(*args, **kwargs):
        analysis = original(*args, **kwargs)
        made.append(weakref.ref(analysis))
        return analysis

    monkeypatch.setattr(clauses.pipeline, "analyze_document", tracked)
    records = []
    for number, name in enumerate(("a.txt", "b.txt", "c.txt")):
        path = tmp_path / name
        path.write_text(GOOD_NDA if number % 2 == 0 else THIN_NDA, encoding="utf-8")
        records.append(process(Task(number, str(path), str(path), path.stem, str(tmp_path)), job))
        assert made[-1]() is None  # gone as soon as process() returned, without a collection
    assert len(made) == 3 and not any(record.failed for record in records)
    written = sorted(p.name for p in job.out_dir.iterdir())
    assert written == ["a.json", "a.md", "b.json", "b.md", "c.json", "c.md"]


def test_batch_worker_task_names_its_folder_not_the_files_in_it(tmp_path: Path) -> None:
    """A task's size must not grow with its folder: a list of siblings per task is quadratic."""
    import pickle

    from clauses.batch import run as batch_run
    from clauses.batch.worker import Job

    seen: dict[int, tuple[list, Job]] = {}

    def capture(self, tasks, collect) -> None:
        seen[len(tasks)] = (list(tasks), self.job)

    for count in (2, 300):
        folder = tmp_path / f"in{count}"
        folder.mkdir()
        for number in range(count):
            (folder / f"c{number:03d}.txt").write_text("x", encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(batch_run.WorkerPool, "run", capture)
            patch.setattr(batch_run, "prepare", lambda job: None)
            run_batch(sorted(folder.glob("*.txt")), BatchOptions(tmp_path / f"out{count}"))
    small, large = seen[2][0][0], seen[300][0][0]
    assert abs(len(pickle.dumps(large)) - len(pickle.dumps(small))) < 16  # the same but for the names
    tasks, job = seen[300]
    assert {len(job.folders[task.folder]) for task in tasks} == {300}  # one table, shared
    first = tasks[0]
    assert list(job.siblings(first)) == [t.source for t in tasks[1:]]
