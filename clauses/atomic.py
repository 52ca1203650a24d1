"""Write output files so a reader never sees half of one.

A report written straight to its target and interrupted (a crash, Ctrl-C, a
full disk) leaves a truncated file that looks like a finished report. Every
writer here writes to a temporary file in the target's own folder (so the final
``os.replace`` is a rename on one file system, which is atomic on POSIX and
Windows) and renames it over the target only when the whole write succeeded.

The rename is what protects against a crash, Ctrl-C or kill of the process: the
written bytes are in the kernel's cache, and the name points at either the old
file or the complete new one. Writes are not fsynced. An fsync only adds
protection against a power cut or an OS crash, and it is costly on a batch of
thousands (two workers fsyncing at once cost about 6% of a batch's time here).
Readers that trust a file across runs check it instead: a batch's state records
each report's size and redoes a document whose report does not match, and the
model's manifest records the weights' hash.

The final file gets the mode an ordinary ``open()`` would give it: what the
umask allows for a new file (reports quote confidential contracts; on a shared
server a umask of 077 must keep them private), and the mode the file already
had when it is replaced (a report the user made private stays private).

A process killed during a write leaves its hidden temporary file behind (no
code runs on SIGKILL); :func:`remove_stale_temporaries` clears them on the next
run. Their names are recognisable: ``.<target>.<8 random characters>.tmp``.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "file_mode", "remove_stale_temporaries", "write_bytes_atomic", "write_text_atomic"]

# What mkstemp makes of prefix ".<target>." and suffix ".tmp": 8 characters from its alphabet.
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def file_mode(target: str | os.PathLike[str]) -> int:
    """The permission bits ``target`` should get: its current ones, else 0666 less the umask.

    The umask can only be read by setting it; it is set back at once (clauses
    writes from one thread per process).
    """
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def remove_stale_temporaries(folder: str | os.PathLike[str], prefix: str = ".") -> list[Path]:
    """Delete the temporary files a killed write left in ``folder`` (not below it); return them.

    ``prefix`` narrows it to one target's files (``.<stem>.``) while other writers are at work.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if name.startswith(prefix) and _TEMPORARY.match(name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` on success.

    The body writes the temporary file by any means (a library's ``save(path)``
    included). If the body raises, the temporary file is removed, the target is
    left as it was, and the exception propagates.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(folder))
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        # mkstemp creates the file 0600 whatever the umask: give it the mode open() would have.
        with contextlib.suppress(OSError):
            os.chmod(temp, file_mode(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (all or nothing)."""
    with atomic_path(path) as temp:
        temp.write_bytes(data)


def write_text_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, with ``\\n`` line ends on every platform."""
    write_bytes_atomic(path, text.encode(encoding))
