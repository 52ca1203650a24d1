"""What loading ``elements.toml`` builds, cached on disk so start-up skips rebuilding it.

Every command reads the element definitions, and building them meant compiling
about 250 regular expressions and parsing each cue into its literal gate
(``clauses.elements.gate``): ~0.1 s of CPU in every ``clauses check``, for one
contract that most cues never get past their gate in. So:

* the gates (and each pattern's lead: the literals its matches start with) are kept in
  a JSON file in the user's cache folder
  (``$CLAUSES_CACHE_DIR``, else ``$XDG_CACHE_HOME/clauses``, else
  ``~/.cache/clauses``), keyed by the SHA-256 of the elements file's bytes, the
  clauses version and the Python version (whose regex parser made them);
* a cache that does not match its key, does not parse or is not made of lists
  of strings is ignored and rebuilt, never trusted; one that cannot be written
  (read-only home) only costs the rebuild next time;
* with the gates cached the elements file has been validated before (a bad
  regex is a ConfigError when the cache is built), so its regexes are compiled
  lazily, each on its first use (``LazyPattern``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

CACHE_ENV = "CLAUSES_CACHE_DIR"
GATE_VERSION = 7  # how clauses.elements.gate derives gates and leads, and for what; raised when that changes


class LazyPattern:
    """A regex compiled on its first use; stands in for ``re.Pattern`` (``search``, ``finditer``, ...)."""

    # __dict__ holds the compiled pattern's methods once asked for (search, finditer, ...), so
    # later calls find them directly instead of going through __getattr__ every time.
    __slots__ = ("pattern", "flags", "_compiled", "__dict__")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in LazyPattern.__slots__:  # pickling, half-built copies
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __getstate__(self) -> tuple[str, int]:
        return self.pattern, self.flags

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state
        self._compiled = None
        self.__dict__.clear()

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def cache_dir() -> Path:
    """The user's cache folder for clauses."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "clauses"


def cache_key(source: bytes) -> str:
    """What the cached gates depend on: the file's bytes, clauses and Python (its regex parser)."""
    from clauses import __version__

    digest = hashlib.sha256(source).hexdigest()
    python = f"python-{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{digest}/clauses-{__version__}/gates-{GATE_VERSION}/{python}"


def _valid_gate(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(alternative, list)
        and all(isinstance(part, list) and all(isinstance(s, str) for s in part) for part in alternative)
        for alternative in value
    )


def _cache_file(key: str) -> Path:
    return cache_dir() / f"elements-gates-{key[:16]}.json"


def load_gates(key: str) -> tuple[dict[str, tuple], dict[str, tuple[str, ...]]] | None:
    """The cached gates and leads (gate.pattern_lead) by pattern, or None when there is no cache
    for ``key`` or it is not sound."""
    try:
        data = json.loads(_cache_file(key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("gates"), dict):
        return None
    gates, leads = data["gates"], data.get("leads")
    if not all(isinstance(pattern, str) and _valid_gate(gate) for pattern, gate in gates.items()):
        return None
    if not isinstance(leads, dict) or not all(
        isinstance(lead, list) and all(isinstance(s, str) for s in lead) for lead in leads.values()
    ):
        return None
    return (
        {pattern: tuple(tuple(tuple(p) for p in alt) for alt in gate) for pattern, gate in gates.items()},
        {pattern: tuple(lead) for pattern, lead in leads.items()},
    )


def save_gates(key: str, gates: dict[str, tuple], leads: dict[str, tuple[str, ...]]) -> None:
    """Write the gates and leads for ``key`` atomically; a folder that cannot be written is left alone."""
    from clauses.atomic import write_text_atomic

    lists = {pattern: [[list(part) for part in alt] for alt in gate] for pattern, gate in gates.items()}
    data = {"key": key, "gates": lists, "leads": {pattern: list(lead) for pattern, lead in leads.items()}}
    try:
        write_text_atomic(_cache_file(key), json.dumps(data, ensure_ascii=False))
    except OSError:
        pass
