"""JSON Lines files of a labelled set (labels.jsonl, manifest.jsonl): read once, errors named by line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from clauses.errors import ConfigError


def json_lines(path: Path, what: str) -> list[tuple[str, Any]]:
    """``(where, value)`` for each non-blank line of ``path``; ``where`` is "path:line" for messages.

    An unreadable file or a line that is not JSON is a ConfigError naming ``what``
    the file holds, or the line; what each value must be is the caller's to check.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {what}: {getattr(exc, 'strerror', None) or exc}") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            rows.append((where, json.loads(line)))
        except ValueError as exc:
            raise ConfigError(f"{where}: not JSON: {exc}") from exc
    return rows
