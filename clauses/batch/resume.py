"""What a rerun of a batch may skip: one state file per document, and the test that trusts it.

After each document the batch (its parent process, once the worker's result is
in hand) writes ``<out>/.clauses-state/<stem>.json``: the document's
``BatchRecord`` (summary row, report files and their sizes, gate facts) and the
identity of the run that produced it (state format, clauses version, profile
bytes, model weights). A rerun skips a document only when all of that still holds: same
identity, same file (path and content hash), no error last time, and every
report asked for still there with the size recorded. The size catches a report
cut short by a power failure, since reports are renamed into place but not
fsynced (``clauses.atomic``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from clauses import __version__
from clauses.atomic import write_text_atomic
from clauses.batch.record import BatchRecord
from clauses.errors import ModelError
from clauses.profiles import ResolvedProfile
from clauses.report.structured import visible

__all__ = [
    "IDENTITY_KEYS",
    "STATE_DIR",
    "STATE_VERSION",
    "finished_record",
    "run_identity",
    "sha256_file",
    "write_state",
]

STATE_DIR = ".clauses-state"
STATE_VERSION = 4  # 2: report sizes; 3: gaps for issues.csv; 4: a BatchRecord (typed gate, report_error)
IDENTITY_KEYS = ("state_version", "clauses", "profile", "model", "side", "redline")


def run_identity(profile: ResolvedProfile, model_folder: Path, side: str | None = None) -> dict[str, Any]:
    """What decides a document's results besides its bytes; raises before any work if unusable."""
    identity = {
        "state_version": STATE_VERSION,
        "clauses": __version__,
        "profile": profile.identity(),
        "model": _model_identity(model_folder),
    }
    if side is not None:  # --side changes every verdict; absent, earlier states stay valid
        identity["side"] = side
    return identity


def _model_identity(folder: Path) -> str:
    """Version plus weights hash from the manifest, read without loading the model in the parent."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"no usable model in {folder}: run `clauses train` to build one") from exc
    return f"{manifest.get('model_version', 'unknown')}/{str(manifest.get('weights_sha256', ''))[:16]}"


def sha256_file(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None  # the worker reports it with parse's own message
    return digest.hexdigest()


def write_state(out_dir: Path, record: BatchRecord) -> None:
    """The document's record, compact (it is read by this module only)."""
    write_text_atomic(out_dir / STATE_DIR / f"{record.stem}.json", record.to_json())


def finished_record(
    out_dir: Path, stem: str, source: str, absolute: str, identity: dict[str, Any], kinds: Iterable[str]
) -> BatchRecord | None:
    """The previous record if this document needs no work, else None.

    ``kinds`` are the report kinds this run asks for; a run asking for fewer
    than the last one still skips, and its row links only to those.
    """
    try:
        text = (out_dir / STATE_DIR / f"{stem}.json").read_text(encoding="utf-8")
        record = BatchRecord.from_json(text, IDENTITY_KEYS)
    except (OSError, ValueError):
        return None
    if dict(record.identity) != identity or record.absolute != absolute or record.failed:
        return None
    if record.row.report_error:
        return None  # a report could not be written last time: try again
    # Hashed only here, for a document with a finished record: a fresh run hashes each file once, in parse.
    if record.sha256 is None or sha256_file(Path(source)) != record.sha256:
        return None
    wanted = set(kinds)
    for kind in wanted:
        if kind not in record.outputs:
            return None
        try:
            if (out_dir / record.outputs[kind]).stat().st_size != record.sizes.get(kind):
                return None  # cut short (a power failure before the cache reached the disk) or replaced
        except OSError:
            return None
    row = replace(
        record.row,
        file=visible(source),  # as named in this run
        reports={k: v for k, v in record.outputs.items() if k in wanted},
    )
    return replace(record, source=source, row=row)
