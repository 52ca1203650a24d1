"""clauses.atomic: a failed write leaves neither a temp file nor a partial target."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.atomic import atomic_path, write_bytes_atomic, write_text_atomic


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
