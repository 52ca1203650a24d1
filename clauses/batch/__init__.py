"""Review many contracts in one run: skip what is done, analyse in parallel, summarise.

Legal and procurement teams review folders of hundreds of contracts, so a batch
must keep going past a bad file, a hanging one or a dying worker, survive being
stopped, and not redo work. One module per concern:

    discover  PATH arguments -> files, and folders that could not be read
    naming    one safe, unique output stem per file
    record    BatchRecord: a document's result, the one shape from worker to state to summary
    worker    one document in a worker process, within a time and memory budget
    pairing   a cover page reviewed together with the standard terms beside it
    run       the parent: skip, dispatch, save each record, Ctrl-C; write_summaries
    pool      the local worker processes: deadlines, deaths, Ctrl-C
    resume    what a rerun may skip (state files, run identity)
    failon    the --fail-on gate (also for ``clauses check``)
    progress  the bar or log lines on stderr
"""

from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use (PEP 562): ``clauses --help`` imports clauses.batch.budget, which must
# not pull in the runner and the report writers. (``discover`` is not here: the name is its
# module's, so import it from clauses.batch.discover.)
_EXPORTS = {
    "FORMATS": ("clauses.report.formats", "REPORT_FORMATS"),
    "STATE_DIR": ("clauses.batch.resume", "STATE_DIR"),
    "BatchOptions": ("clauses.batch.run", "BatchOptions"),
    "BatchRecord": ("clauses.batch.record", "BatchRecord"),
    "BatchResult": ("clauses.batch.run", "BatchResult"),
    "Discovery": ("clauses.batch.discover", "Discovery"),
    "GateFacts": ("clauses.batch.failon", "GateFacts"),
    "exit_code": ("clauses.batch.failon", "exit_code"),
    "output_stems": ("clauses.batch.naming", "output_stems"),
    "run_batch": ("clauses.batch.run", "run_batch"),
    "write_summaries": ("clauses.batch.run", "write_summaries"),
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'clauses.batch' has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    return getattr(importlib.import_module(module), attribute)


__all__ = [
    "FORMATS",
    "STATE_DIR",
    "BatchOptions",
    "BatchRecord",
    "BatchResult",
    "Discovery",
    "GateFacts",
    "exit_code",
    "output_stems",
    "run_batch",
    "write_summaries",
]
