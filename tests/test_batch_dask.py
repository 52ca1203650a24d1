"""review --scheduler: the analysis on a Dask LocalCluster (2 worker processes) gives the --jobs 2 result.

Skipped when Dask distributed (``clauses[dask]``) is absent. The cluster is made
once for the module; each test runs a small mixed batch (good, thin and bad files).
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from clauses.batch import STATE_DIR, BatchOptions, output_stems, run_batch, write_summaries
from clauses.batch.discover import discover

distributed = pytest.importorskip("distributed")

from test_batch import GOOD_NDA, THIN_NDA, make_mixed_batch, model_folder  # noqa: E402, F401


@pytest.fixture(scope="module", autouse=True)
def loopback_only():
    """Dask talks TCP between processes of this machine: allow loopback sockets, nothing else."""
    from sitecustomize import LOOPBACK_ENV

    os.environ[LOOPBACK_ENV] = "1"
    yield
    del os.environ[LOOPBACK_ENV]


@pytest.fixture(scope="module")
def cluster(loopback_only):
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as local:
        yield local


def _inputs(folder: Path, extra: int) -> list[Path]:
    make_mixed_batch(folder)
    for index in range(extra):
        (folder / f"extra{index:02d}.txt").write_text(GOOD_NDA if index % 2 else THIN_NDA, encoding="utf-8")
    return discover([str(folder)]).files


def _run(inputs: list[Path], out: Path, model: Path, on_record=None, **kwargs) -> list:
    options = BatchOptions(out_dir=out, model_folder=model, formats=("json",), **kwargs)
    result = run_batch(inputs, options, on_record=on_record)
    write_summaries(out, result.records)
    return result.records


def _same_outputs(one: Path, other: Path) -> None:
    assert (one / "summary.csv").read_bytes() == (other / "summary.csv").read_bytes()
    assert sorted(os.listdir(one)) == sorted(os.listdir(other))
    for report in one.glob("*.json"):
        assert report.read_bytes() == (other / report.name).read_bytes()


def test_batch_dask_cluster_summary_is_identical_to_jobs_2(
    tmp_path: Path, model_folder: Path, cluster  # noqa: F811
) -> None:
    inputs = _inputs(tmp_path / "in", 4)
    _run(inputs, tmp_path / "pool", model_folder, jobs=2)
    records = _run(inputs, tmp_path / "dask", model_folder, scheduler=cluster.scheduler_address)
    assert [r.stem for r in records] == output_stems(inputs)
    _same_outputs(tmp_path / "pool", tmp_path / "dask")
    states = [sorted(os.listdir(tmp_path / run / STATE_DIR)) for run in ("pool", "dask")]
    assert states[0] == states[1]
    # the client kept the resume state: a rerun on the cluster skips every readable document
    again = run_batch(
        inputs,
        BatchOptions(tmp_path / "dask", model_folder=model_folder, scheduler=cluster.scheduler_address),
    )
    assert again.skipped == sum(1 for r in records if not r.row.error)
    # workers that only get paths (shared storage) give the same reports
    _run(inputs, tmp_path / "paths", model_folder, scheduler=cluster.scheduler_address, shared_paths=True)
    _same_outputs(tmp_path / "pool", tmp_path / "paths")


def test_batch_dask_killed_worker_loses_no_document(
    tmp_path: Path, model_folder: Path, cluster  # noqa: F811
) -> None:
    inputs = _inputs(tmp_path / "in", 14)
    _run(inputs, tmp_path / "pool", model_folder, jobs=2)
    client = distributed.Client(cluster)
    killed: list[int] = []

    def kill_one_worker(done: int, total: int, record, skipped: bool) -> None:
        if not killed:  # the first document is back; the others are queued on both workers
            pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    try:
        address = cluster.scheduler_address
        records = _run(inputs, tmp_path / "dask", model_folder, on_record=kill_one_worker, scheduler=address)
    finally:
        client.close()
    assert killed and all(records)
    assert not any("InternalError" in r.row.error for r in records)
    _same_outputs(tmp_path / "pool", tmp_path / "dask")
    cluster.wait_for_workers(2, timeout=60)  # the nanny restarted it


def test_batch_dask_review_command_runs_on_a_local_cluster(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from clauses.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD_NDA, encoding="utf-8")
    (tmp_path / "in" / "thin.txt").write_text(THIN_NDA, encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["review", str(tmp_path / "in"), "--out", str(out), "--scheduler", "local", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.glob("*.json")} == {"good_txt.json", "thin_txt.json"}
    assert (out / "summary.csv").exists()
    misuse = runner.invoke(app, ["review", str(tmp_path / "in"), "--out", str(out), "--shared-paths"])
    assert misuse.exit_code == 2 and "--scheduler" in misuse.output


def test_batch_dask_guard_still_refuses_addresses_off_this_machine() -> None:
    import socket

    from sitecustomize import NetworkBlocked

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkBlocked, match="not a loopback address"):
            sock.connect(("192.0.2.1", 9))
