"""The rules tests/conftest.py sets for the whole suite: no network, and real-data tests that cannot hide."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sitecustomize import NetworkBlocked

TOP = Path(__file__).resolve().parents[1]


def test_conftest_rules_network_sockets_are_refused_in_the_test_process() -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    left, right = socket.socketpair()  # Unix sockets (multiprocessing) still work
    left.close(), right.close()


def test_conftest_rules_network_sockets_are_refused_in_child_processes() -> None:
    code = "import socket\ntry:\n    socket.socket()\nexcept RuntimeError as e:\n    print(type(e).__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
    assert out.stdout.strip() == "NetworkBlocked", out.stderr


def _run_real_tests(env_changes: dict[str, str], basetemp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_changes}
    tests = ["tests/test_real_evaluation.py", "tests/test_parse_real.py", "tests/test_language.py"]
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "real"]
    return subprocess.run(
        [*command, "--basetemp", str(basetemp), *tests],
        capture_output=True,
        text=True,
        cwd=TOP,
        env=env,
        timeout=300,
    )


def test_conftest_rules_real_tests_skip_without_ci_and_fail_under_ci(tmp_path: Path) -> None:
    absent = str(tmp_path / "no-real-data")
    local = _run_real_tests({"CLAUSES_REAL_DIR": absent, "CI": ""}, tmp_path / "local")
    assert local.returncode == 0 and "skipped" in local.stdout and "failed" not in local.stdout, local.stdout
    ci = _run_real_tests({"CLAUSES_REAL_DIR": absent, "CI": "true"}, tmp_path / "ci")
    assert ci.returncode == 1 and "skipped" not in ci.stdout.splitlines()[-1], ci.stdout
    assert "CI=true" in ci.stdout
