"""PATH arguments -> the contract files of a batch, and the folders that could not be read.

A folder is walked without following links to folders (a link loop cannot trap
the walk) and without its hidden folders or temporary files; a folder that
cannot be listed is not skipped in silence: it comes back as a problem, which
the batch turns into an error row (so it fails the gate like an unreadable file).
The extensions picked up are the parser's own table (``clauses.parse``):
what it reads, plus what it recognises to refuse (a ``.pages`` file must show
up as unsupported, not vanish).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clauses.batch.naming import real_path
from clauses.parse import INPUT_EXTENSIONS

__all__ = ["Discovery", "discover", "is_temporary"]

_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Discovery:
    """The files found (sorted, unique), warnings (a pattern matching nothing), unreadable folders."""

    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (folder, one-line error)


def is_temporary(name: str) -> bool:
    """Hidden files, Office lock files (``~$x.docx``, ``.~lock.x#``), editor backups, ``*.tmp``."""
    return name.startswith((".", "~$")) or name.endswith("~") or name.lower().endswith(".tmp")


def _refuser(unreadable: list[tuple[str, str]], top: Path):
    """An ``os.walk`` error handler that records each folder it could not list (a missing one is no row)."""

    def refused(error: OSError) -> None:
        if isinstance(error, (FileNotFoundError, NotADirectoryError)):
            return  # gone between listing and walking, or a pattern's base that does not exist
        where = error.filename if error.filename is not None else top
        reason = error.strerror or error
        line = f"{where}: Unreadable: cannot list this folder ({reason}); its contracts were not reviewed"
        unreadable.append((str(where), line))

    return refused


def _walk(folder: Path, unreadable: list[tuple[str, str]]) -> list[Path]:
    """Contract-like files below ``folder``, hidden folders and temporary files left out."""
    found = []
    # Links to folders are not followed: a link loop cannot trap the walk.
    for parent, dirs, files in os.walk(folder, onerror=_refuser(unreadable, folder)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(parent) / name
            for name in sorted(files)
            if not is_temporary(name) and Path(name).suffix.lower() in INPUT_EXTENSIONS
        )
    return found


def _glob(spec: str, unreadable: list[tuple[str, str]]) -> list[Path]:
    """What ``spec`` matches (``**`` any depth), found by a walk that follows no link to a folder.

    ``glob.glob(recursive=True)`` follows such links: two links to a parent
    folder make it explore 2**40 paths (it never returns).
    """
    parts = Path(spec).parts
    fixed = 0
    while fixed < len(parts) and not _GLOB_CHARS.search(parts[fixed]):
        fixed += 1
    base = Path(*parts[:fixed]) if fixed else Path(".")
    pattern = _pattern(parts[fixed:])
    depth = None if "**" in parts[fixed:] else len(parts) - fixed
    matches = []

    for parent, dirs, files in os.walk(base, onerror=_refuser(unreadable, base)):
        relative = Path(parent).relative_to(base).as_posix()
        level = 0 if relative == "." else relative.count("/") + 1
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(Path(parent) / d))
        for name in [*dirs, *sorted(files)]:
            if pattern.fullmatch(name if relative == "." else f"{relative}/{name}"):
                matches.append(Path(parent) / name)
        if depth is not None and level + 1 >= depth:
            dirs[:] = []
    return sorted(matches)


def _pattern(parts: Sequence[str]) -> re.Pattern[str]:
    """A regex for path parts below the walk's base: ``*``, ``?``, ``[...]`` within a part, ``**`` across."""
    pieces = []
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        if part == "**":
            pieces.append(".*" if last else "(?:[^/]+/)*")
            continue
        index, out = 0, []
        while index < len(part):
            char = part[index]
            close = part.find("]", index + 2) if char == "[" else -1
            if char == "*":
                out.append("[^/]*")
            elif char == "?":
                out.append("[^/]")
            elif close != -1:
                body = part[index + 1 : close]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append("[" + body.replace("\\", "\\\\") + "]")
                index = close
            else:
                out.append(re.escape(char))
            index += 1
        pieces.append("".join(out) + ("" if last else "/"))
    return re.compile("".join(pieces), re.DOTALL)


def discover(specs: Sequence[str], exclude: Path | None = None) -> Discovery:
    """Files named by ``specs`` (files, folders walked recursively, glob patterns), sorted, unique.

    A literal path that does not exist is kept, so it shows up as a "file not
    found" row; a glob matching nothing is a warning.
    """
    excluded = real_path(exclude) if exclude is not None else None
    found: dict[str, Path] = {}
    warnings: list[str] = []
    unreadable: list[tuple[str, str]] = []

    def add(path: Path) -> None:
        key = real_path(path)
        if excluded is not None and (key == excluded or key.startswith(excluded.rstrip(os.sep) + os.sep)):
            return
        found.setdefault(key, path)

    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            files = _walk(path, unreadable)
        elif path.exists() or path.is_symlink() or not _GLOB_CHARS.search(spec):
            files = [path]  # an explicit file is taken as named, even a temporary-looking one
        else:  # a pattern the shell did not expand (quoted, or Windows)
            files = []
            for match in _glob(spec, unreadable):
                if match.is_dir():
                    files.extend(_walk(match, unreadable))
                elif match.is_file() and not is_temporary(match.name):
                    files.append(match)
            if not files:
                warnings.append(f"{spec}: no files match this pattern")
        for file in files:
            add(file)
    ordered = sorted(found.items(), key=lambda item: (item[0], str(item[1])))
    return Discovery([path for _, path in ordered], warnings, sorted(set(unreadable)))
