"""clauses.batch.pool: the order documents are handed to workers in."""

from __future__ import annotations

from pathlib import Path

from clauses.batch.pool import largest_first
from clauses.batch.worker import Task


def _task(index: int, path: Path) -> Task:
    return Task(index, str(path), str(path), f"s{index}", str(path.parent))


def test_batch_pool_largest_first_keeps_input_order_among_equals(tmp_path: Path) -> None:
    sizes = {"a.txt": 10, "b.txt": 300, "c.txt": 10, "d.txt": 5000, "e.txt": 300}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    tasks = [_task(i, tmp_path / name) for i, name in enumerate([*sizes, "missing.txt"])]
    ordered = [Path(t.source).name for t in largest_first(tasks)]
    assert ordered == ["d.txt", "b.txt", "e.txt", "a.txt", "c.txt", "missing.txt"]
    assert [t.index for t in tasks] == list(range(6))  # the input is left as it was
