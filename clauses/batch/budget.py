"""What one document may cost a worker before it becomes an error row, as named constants.

Kept apart from the worker so the command line can show the defaults without
importing the batch machinery (``clauses --help`` stays fast).
"""

from __future__ import annotations

__all__ = ["DOCUMENT_MEMORY_MB", "DOCUMENT_SECONDS", "KILL_GRACE"]

DOCUMENT_SECONDS = 60.0  # time budget per document (--timeout): a normal contract takes well under a second
DOCUMENT_MEMORY_MB = 2048  # memory a worker may add for one document (--max-memory): ~10x a large contract
KILL_GRACE = 2.0  # seconds past the time budget before the parent kills a worker that did not answer
