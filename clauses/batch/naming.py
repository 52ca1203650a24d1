"""Output names: one safe, unique, deterministic file stem per input.

File names are data from whoever filled the folder: control characters,
terminal escapes, bytes that are not UTF-8, names that would hide a file or
shadow the batch's own ``index.html``. A stem keeps only ``[A-Za-z0-9_-]`` and
steers clear of the names the batch writes itself.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

__all__ = ["MAX_STEM", "RESERVED_STEMS", "output_stems", "real_path"]

MAX_STEM = 120
# The batch's own files: index.html, summary.csv, summary.xlsx (a contract named "index" would
# otherwise overwrite the portfolio page with its HTML report).
RESERVED_STEMS = frozenset({"index", "summary"})


def real_path(path: Path | str) -> str:
    """The absolute path with symbolic links resolved; a link loop gives a path, never an error.

    ``Path.resolve`` raises RuntimeError on a loop before Python 3.13, which
    stopped a whole batch before any document was read.
    """
    return os.path.realpath(path)


def output_stems(files: Sequence[Path]) -> list[str]:
    """A safe, unique, deterministic file stem per input, from its path below the common root.

    ``a/nda.docx`` and ``b/nda.docx`` become ``a__nda_docx`` and ``b__nda_docx``;
    characters outside ``[A-Za-z0-9_-]`` become ``_`` (so no stem can start a
    hidden file); a stem that is reserved (``index``, ``summary``), too long or
    already taken (case-insensitive, for Windows and macOS) gets a hash of the path.
    """
    resolved = [real_path(f) for f in files]
    try:
        root = os.path.commonpath([os.path.dirname(p) for p in resolved]) if resolved else ""
    except ValueError:  # different drives on Windows
        root = os.path.splitdrive(resolved[0])[0] + os.sep
    stems: list[str] = []
    seen: set[str] = set()
    for path in resolved:
        relative = Path(os.path.relpath(path, root)).as_posix()
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", relative.replace("/", "__")).strip("_") or "document"
        if len(stem) > MAX_STEM or stem.lower() in seen or stem.lower() in RESERVED_STEMS:
            # fsencode: a name that is not UTF-8 holds surrogates, which .encode() refuses
            stem = f"{stem[:MAX_STEM]}-{hashlib.sha1(os.fsencode(relative)).hexdigest()[:10]}"
        seen.add(stem.lower())
        stems.append(stem)
    return stems
