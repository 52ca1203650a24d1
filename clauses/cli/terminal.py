"""Print names and contract text to a terminal as data, never as instructions.

A contract's text or its file name may hold terminal escape sequences (which
can retitle the window, hide lines or rewrite what was printed), bidi overrides
that reorder what the reader sees, bytes that are not UTF-8 (Python keeps them
as lone surrogates, which crash ``print``), or, for rich's console, markup such
as ``[/]`` (which crashes it). ``printable`` makes every such character visible
as an escape; ``markup_safe`` also escapes rich markup.
"""

from __future__ import annotations

import re

__all__ = ["json_safe", "markup_safe", "printable"]

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), bidi
# embeddings, overrides and isolates, and lone surrogates (undecodable bytes of a name).
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape: show the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, newlines: bool = False) -> str:
    """``text`` with every control, bidi and undecodable character shown as an escape.

    Newlines are escaped too unless ``newlines`` is true, so a name stays on one line.
    """
    out = _UNSAFE.sub(_escape, str(text))
    if not newlines:
        out = out.replace("\n", "\\n").replace("\t", "\\t")
    return out


def markup_safe(text: object) -> str:
    """``printable`` text that rich prints literally (``[red]`` or ``[/]`` stay text)."""
    from rich.markup import escape

    return escape(printable(text))


def json_safe(text: str) -> str:
    """JSON text (``ensure_ascii=False``) with the characters json leaves raw escaped as ``\\uXXXX``.

    ``json.dumps`` escapes C0 controls but not DEL, C1 controls, bidi characters
    or lone surrogates; the result is the same JSON value, safe on a terminal.
    """
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_JSON_RAW = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
