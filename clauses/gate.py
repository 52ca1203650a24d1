"""Literal gates: the cheap test that lets a cue's regex be skipped.

Most clauses cannot match most cues. A regex scan of a clause costs several
microseconds; a substring test costs a fraction of one. At load time each cue
pattern is parsed (with Python's own regex parser) into the set of literal
words any match must begin with, e.g. ``\\b(notify|inform|give\\s+...)`` gives
{"notify", "inform", "give"}. If none of them occurs in the lower-cased clause,
the regex cannot match and is not run. Patterns whose start cannot be reduced
to literals get no gate and always run, so the gate never changes a result.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MIN_LITERAL = 2


def _firsts(items) -> set[str] | None:
    """Literal prefixes one of which starts every match of ``items``, or None if unknown."""
    prefix = ""
    for op, av in items:
        if op is _c.AT and not prefix:
            continue
        if op is _c.LITERAL:
            prefix += chr(av).lower()
            continue
        if prefix:
            break
        if op is _c.SUBPATTERN:
            return _firsts(av[-1])
        if op is _c.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                sub = _firsts(branch)
                if sub is None:
                    return None
                found |= sub
            return found
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            return _firsts(av[2])
        return None
    return {prefix} if len(prefix) >= MIN_LITERAL else None


def literal_gate(pattern: str) -> tuple[str, ...]:
    """The literals of ``pattern``'s gate, shortest first; () when it cannot be gated."""
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return ()
    found = _firsts(list(parsed))
    if not found:
        return ()
    # A literal that contains a shorter one adds nothing to an any-of test.
    kept = sorted(found, key=len)
    minimal = [lit for i, lit in enumerate(kept) if not any(k in lit for k in kept[:i])]
    return tuple(minimal)


def passes(gate: tuple[str, ...], lowered: str) -> bool:
    """True when the regex behind ``gate`` could match ``lowered`` (map keeps this in C)."""
    return not gate or any(map(lowered.__contains__, gate))
