"""Read TOML on every supported Python: ``tomllib`` from 3.11, the same parser as ``tomli`` on 3.10.

``requires-python`` says 3.10 (Ubuntu 22.04's default), where ``tomllib`` does
not exist; pyproject.toml declares ``tomli`` for that version only. Every TOML
read in clauses goes through here so the fallback lives in one place.

Also the one bounded way to read a TOML file a user names (a playbook): a path
such as ``/dev/zero`` never ends, and a table nested a thousand deep makes the
recursive parser raise ``RecursionError``; both become a ``ConfigError`` that
names the limit, checked before the parser runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from clauses.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by CI's Python 3.10 leg
    import tomli as tomllib

__all__ = ["MAX_TOML_BYTES", "MAX_TOML_NESTING", "TOMLDecodeError", "loads", "read_toml_file"]

TOMLDecodeError = tomllib.TOMLDecodeError

# A playbook is a few dozen lines (about 1 KB); a thousand times that is no playbook.
MAX_TOML_BYTES = 1024 * 1024
# A playbook nests three deep ([elements] -> element -> keys); anything near this is hostile.
MAX_TOML_NESTING = 32


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads``, whichever module provides it."""
    return tomllib.loads(text)


def nesting_depth(text: str) -> int:
    """The deepest ``[``/``{`` nesting outside strings and comments, without parsing.

    Counted on the raw text so a hostile file is refused before the recursive
    parser sees it. Table headers (``[a]``, ``[[a]]``) count as one or two.
    """
    depth = deepest = 0
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if char in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else char
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if quote[0] == '"' and text[i] == "\\" else 1
            i += len(quote)
            continue
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return deepest


def read_toml_file(path: Path, what: str = "playbook") -> dict[str, Any]:
    """Parse the TOML file at ``path``, reading at most ``MAX_TOML_BYTES`` and refusing deep nesting.

    Every failure is a one-line ``ConfigError`` that names ``path``.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TOML_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what}: {exc.strerror or exc}") from exc
    if len(data) > MAX_TOML_BYTES:
        raise ConfigError(
            f"{path}: {what} is larger than {MAX_TOML_BYTES // 1024} KB (MAX_TOML_BYTES); "
            f"is it the right file?"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not valid TOML: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from exc
    depth = nesting_depth(text)
    if depth > MAX_TOML_NESTING:
        raise ConfigError(
            f"{path}: {what} nests tables or arrays {depth} deep; "
            f"at most {MAX_TOML_NESTING} (MAX_TOML_NESTING) are read"
        )
    try:
        return loads(text)
    except TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except RecursionError as exc:  # a backstop: the depth check above should come first
        raise ConfigError(f"{path}: not valid TOML: nested too deeply to read") from exc
