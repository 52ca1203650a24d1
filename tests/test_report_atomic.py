"""clauses.atomic: a failed write leaves neither a temp file nor a partial target; modes follow the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from clauses.atomic import atomic_path, remove_stale_temporaries, write_bytes_atomic, write_text_atomic


def test_atomic_write_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.txt"
    write_text_atomic(target, "first\n")
    assert target.read_text(encoding="utf-8") == "first\n"
    write_bytes_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["report.txt"]


def test_atomic_path_failure_keeps_old_target_and_removes_temp(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_text("half a rep", encoding="utf-8")
        raise RuntimeError("writer crashed")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_atomic_path_failure_creates_no_target(tmp_path: Path) -> None:
    target = tmp_path / "new.xlsx"
    with pytest.raises(ValueError), atomic_path(target) as temp:
        temp.write_bytes(b"partial")
        raise ValueError("boom")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture()
def umask_077():
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def test_atomic_new_file_honours_the_umask(tmp_path: Path, umask_077: None) -> None:
    target = tmp_path / "report.json"
    write_text_atomic(target, "{}\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    os.umask(0o022)
    other = tmp_path / "other.json"
    write_text_atomic(other, "{}\n")
    assert stat.S_IMODE(other.stat().st_mode) == 0o644


def test_atomic_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_stale_temporaries_of_killed_writes_are_removed(tmp_path: Path) -> None:
    stale = [tmp_path / ".a_txt.json.k2j4_x9q.tmp", tmp_path / ".summary.csv.abcdefgh.tmp"]
    kept = [tmp_path / "notes.tmp", tmp_path / ".hidden", tmp_path / ".a.json.short.tmp", tmp_path / "a.json"]
    for path in stale + kept:
        path.write_text("x", encoding="utf-8")
    (tmp_path / ".dir.abcdefgh.tmp").mkdir()  # not a file: left alone
    assert remove_stale_temporaries(tmp_path, prefix=".a_txt.") == [stale[0]]
    assert remove_stale_temporaries(tmp_path) == [stale[1]]
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([p.name for p in kept] + [".dir.abcdefgh.tmp"])
    assert remove_stale_temporaries(tmp_path / "absent") == []
