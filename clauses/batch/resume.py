"""What a rerun of a batch may skip: one state file per document, and the test that trusts it.

After each document the batch writes ``<out>/.clauses-state/<stem>.json``: the
document's summary row, its report files and their sizes, and the identity of
the run that produced it (state format, clauses version, profile bytes, model
weights). A rerun skips a document only when all of that still holds: same
identity, same file (path and content hash), no error last time, and every
report asked for still there with the size recorded. The size catches a report
cut short by a power failure, since reports are renamed into place but not
fsynced (``clauses.atomic``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from clauses import __version__
from clauses.atomic import write_text_atomic
from clauses.errors import ConfigError, ModelError

__all__ = ["STATE_DIR", "STATE_VERSION", "finished_record", "run_identity", "sha256_file", "write_state"]

STATE_DIR = ".clauses-state"
STATE_VERSION = 3  # 2: records the size of each report; 3: and its gaps for issues.csv


def run_identity(profile: str, model_folder: Path, side: str | None = None) -> dict[str, Any]:
    """What decides a document's results besides its bytes; raises before any work if unusable."""
    identity = {
        "state_version": STATE_VERSION,
        "clauses": __version__,
        "profile": _profile_identity(profile),
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


def _profile_identity(profile: str) -> dict[str, str]:
    """The profile as it decides results: its name and the bytes of the TOML file(s) behind it."""
    from clauses.profiles import BUILT_IN, PROFILE_DIR, load_profile

    if profile == "auto" or profile in BUILT_IN:
        sources = [PROFILE_DIR / f"{name}.toml" for name in (BUILT_IN if profile == "auto" else (profile,))]
        name = profile
    else:
        load_profile(profile)  # a bad playbook fails here, before any work, with its own message
        sources, name = [Path(profile)], str(Path(profile).resolve())
    digest = hashlib.sha256()
    for source in sources:
        try:
            digest.update(source.read_bytes())
        except OSError as exc:
            raise ConfigError(f"{source}: cannot read profile: {exc.strerror or exc}") from exc
    return {"name": name, "sha256": digest.hexdigest()}


def sha256_file(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None  # the worker reports it with parse's own message
    return digest.hexdigest()


def write_state(out_dir: Path, stem: str, record: dict[str, Any]) -> None:
    """The document's record, compact (it is read by this module only)."""
    write_text_atomic(out_dir / STATE_DIR / f"{stem}.json", json.dumps(record, separators=(",", ":")))


def finished_record(
    out_dir: Path, stem: str, source: str, absolute: str, identity: dict[str, Any], kinds: Iterable[str]
) -> dict[str, Any] | None:
    """The previous record if this document needs no work, else None.

    ``kinds`` are the report kinds this run asks for; a run asking for fewer
    than the last one still skips, and its row links only to those.
    """
    try:
        record = json.loads((out_dir / STATE_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    same = all(record.get(key) == value for key, value in identity.items())
    if not same or record.get("absolute") != absolute or record["row"].get("error"):
        return None
    # Hashed only here, for a document with a finished record: a fresh run hashes each file once, in parse.
    if record.get("sha256") is None or sha256_file(Path(source)) != record["sha256"]:
        return None
    outputs, sizes = record.get("outputs", {}), record.get("sizes", {})
    wanted = set(kinds)
    for kind in wanted:
        if kind not in outputs:
            return None
        try:
            if (out_dir / outputs[kind]).stat().st_size != sizes.get(kind):
                return None  # cut short (a power failure before the cache reached the disk) or replaced
        except OSError:
            return None
    record["row"]["reports"] = {k: v for k, v in outputs.items() if k in wanted}
    record["source"] = record["row"]["file"] = source  # as named in this run
    return record
