"""clauses.batch.run: Ctrl-C, kill -9, stale temporaries, a changed --format, the umask.

The signal tests run ``clauses review`` as a real process (as a user or a CI
step would) with one document made to hang in its worker
(``$CLAUSES_TEST_FAULT``, set only by tests), and look in /proc for what is left.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch import GOOD_NDA, THIN_NDA, model_folder, summary_rows  # noqa: F401

from clauses.batch import STATE_DIR, BatchOptions, run_batch, write_summaries
from clauses.batch.worker import FAULT_ENV

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (a dead child nobody reaped yet holds nothing)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_until(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


def _start_review(folder: Path, out: Path, model: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "CLAUSES_MODEL_DIR": str(model), FAULT_ENV: "hang:slow", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "clauses.cli", "review", str(folder), "-o", str(out), "--timeout", "0"]
    return subprocess.Popen(
        [*command, *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _hanging_batch(folder: Path) -> None:
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "slow.txt", "z.txt"):
        (folder / name).write_text(GOOD_NDA if name != "b.txt" else THIN_NDA, encoding="utf-8")


def _saved(out: Path) -> int:
    return len(list((out / STATE_DIR).glob("*.json"))) if (out / STATE_DIR).is_dir() else 0


@pytest.mark.parametrize("presses", [1, 2])
def test_batch_run_ctrl_c_stops_within_a_second_and_leaves_no_worker(
    tmp_path: Path, model_folder: Path, presses: int  # noqa: F811
) -> None:
    _hanging_batch(tmp_path / "in")
    out = tmp_path / "out"
    review = _start_review(tmp_path / "in", out, model_folder, "--jobs", "1")
    try:
        _wait_until(lambda: _saved(out) >= 3)  # a, b, c done; the worker now hangs on slow.txt
        time.sleep(0.3)
        workers = _children(review.pid)
        assert workers  # the hanging worker
        started = time.monotonic()
        for _ in range(presses):
            review.send_signal(signal.SIGINT)
            time.sleep(0.05)
        _, stderr = review.communicate(timeout=30)
        stopped = time.monotonic() - started
    finally:
        review.kill()
    saved = _saved(out)
    assert review.returncode == 130, stderr
    assert stopped < 1.5, stopped  # within a second, plus the test's own polling
    assert f"Interrupted after {saved} documents" in stderr
    assert "Traceback" not in stderr
    _wait_until(lambda: not any(_running(pid) for pid in workers), 5)
    assert not list(out.rglob("*.tmp"))

    rerun = subprocess.run(
        [sys.executable, "-m", "clauses.cli", "review", str(tmp_path / "in"), "-o", str(out), "-j", "2"],
        cwd=REPO,
        env={**os.environ, "CLAUSES_MODEL_DIR": str(model_folder), "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert f"; {saved} unchanged and skipped;" in rerun.stderr, rerun.stderr
    assert len(summary_rows(out)) == 5


def test_batch_run_kill_9_leaves_no_process_and_frees_the_output_pipe(
    tmp_path: Path, model_folder: Path  # noqa: F811
) -> None:
    _hanging_batch(tmp_path / "in")
    out = tmp_path / "out"
    review = _start_review(tmp_path / "in", out, model_folder, "--jobs", "2")
    try:
        _wait_until(lambda: _saved(out) >= 3 and len(_children(review.pid)) == 2)
        workers = _children(review.pid)
        os.kill(review.pid, signal.SIGKILL)
        # Every holder of the pipes is gone when both reach end of file.
        stdout, stderr = review.communicate(timeout=10)
    finally:
        review.kill()
    assert review.returncode == -signal.SIGKILL
    _wait_until(lambda: not any(_running(pid) for pid in workers), 5)


def test_batch_run_stale_temporaries_are_cleaned_on_the_next_run(
    tmp_path: Path, model_folder: Path  # noqa: F811
) -> None:
    (tmp_path / "a.txt").write_text(GOOD_NDA, encoding="utf-8")
    out = tmp_path / "out"
    (out / STATE_DIR).mkdir(parents=True)
    stale = [out / ".a_txt.json.x1y2z3w4.tmp", out / STATE_DIR / ".a_txt.json.abcd_123.tmp"]
    for path in stale:
        path.write_text("half a rep", encoding="utf-8")
    (out / "mine.tmp").write_text("a user's file", encoding="utf-8")
    run_batch([tmp_path / "a.txt"], BatchOptions(out, model_folder=model_folder))
    assert not any(path.exists() for path in stale)
    assert (out / "mine.tmp").exists()


def test_batch_run_changed_format_removes_the_old_formats_reports(
    tmp_path: Path, model_folder: Path  # noqa: F811
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD_NDA, encoding="utf-8")
    files = sorted(tmp_path.glob("*.txt"))
    out = tmp_path / "out"
    run_batch(files, BatchOptions(out, formats=("json", "html", "md"), model_folder=model_folder))
    (out / "notes.md").write_text("a user's file", encoding="utf-8")
    result = run_batch(files, BatchOptions(out, formats=("json",), model_folder=model_folder))
    assert result.skipped == 2
    assert sorted(result.removed) == ["a_txt.html", "a_txt.md", "b_txt.html", "b_txt.md"]
    write_summaries(out, result.records)
    names = sorted(p.name for p in out.iterdir() if p.name != STATE_DIR)
    summaries = ["index.html", "issues.csv", "issues.xlsx", "summary.csv", "summary.xlsx"]
    assert names == sorted(["a_txt.json", "b_txt.json", "notes.md", *summaries])
    again = run_batch(files, BatchOptions(out, formats=("json", "html"), model_folder=model_folder))
    assert (again.processed, again.removed) == (2, [])
    assert (out / "a_txt.html").is_file()


def test_batch_run_umask_077_gives_0600_reports(tmp_path: Path, model_folder: Path) -> None:  # noqa: F811
    (tmp_path / "a.txt").write_text(GOOD_NDA, encoding="utf-8")
    out = tmp_path / "out"
    old = os.umask(0o077)
    try:
        formats = ("json", "html", "xlsx", "docx")
        options = BatchOptions(out, formats=formats, model_folder=model_folder)
        result = run_batch([tmp_path / "a.txt"], options)
        write_summaries(out, result.records)
    finally:
        os.umask(old)
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) == 10  # four reports, five summaries (with issues.csv/.xlsx), one state file
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {oct(0o600)}


def test_batch_run_keeps_records_sharing_the_run_identity_and_key_strings(
    tmp_path: Path, model_folder: Path  # noqa: F811
) -> None:
    """10,000 records must not hold 10,000 copies of the identity and of every key (pickles copy them)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"c{number}.txt").write_text(GOOD_NDA if number % 2 else THIN_NDA, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch(sorted(folder.glob("*.txt")), BatchOptions(out, jobs=2, model_folder=model_folder))
    records = [r for r in result.records if r is not None]
    assert len(records) == 3 and not any(r.failed for r in records)
    assert len({id(r.identity) for r in records}) == 1
    for record in records:
        keys = [*record.row.statuses, *record.outputs, *record.timings]
        keys += [key for issue in record.issues for key in issue]
        assert keys and all(key is sys.intern(key) for key in keys)
        saved = (out / STATE_DIR / f"{record.stem}.json").read_text(encoding="utf-8")
        assert record.to_json() == saved  # the same record, only sharing its strings
