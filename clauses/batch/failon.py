"""``--fail-on``: the one gate, for a batch of records and for a single analysis (``check``).

``missing``: routing RED, a required element missing, or a contract that could
not be reviewed or whose reports could not all be written (an unreviewed
contract cannot pass a gate). ``weak``: also routing YELLOW, a recommended
element missing or a required/recommended element weak. ``never``: nothing
fails. Optional elements never gate.
"""

from __future__ import annotations

from collections.abc import Sequence

from clauses.batch.record import BatchRecord, GateFacts

__all__ = [
    "EXIT_GAPS",
    "EXIT_OK",
    "EXIT_USAGE",
    "FAIL_ON_LEVELS",
    "analysis_fails",
    "exit_code",
    "fails",
    "gate_facts",
]

FAIL_ON_LEVELS = ("missing", "weak", "never")
EXIT_OK = 0
EXIT_GAPS = 1  # a contract has gaps at or above --fail-on, or could not be reviewed
EXIT_USAGE = 2  # bad options, bad profile or model, or nothing readable at all


def gate_facts(analysis) -> GateFacts:
    """The elements that gate: required or recommended ones that are missing or weak."""
    required, recommended, weak = [], [], []
    for result in analysis.elements:
        if result.requirement == "optional":
            continue
        if result.status == "missing":
            (required if result.requirement == "required" else recommended).append(result.element)
        elif result.status == "weak":
            weak.append(result.element)
    return GateFacts(tuple(required), tuple(recommended), tuple(weak))


def fails(routing: str, gate: GateFacts, fail_on: str, *, unreviewed: bool = False) -> bool:
    """Whether one contract fails the gate at level ``fail_on``."""
    if fail_on not in FAIL_ON_LEVELS:
        raise ValueError(f"fail_on must be one of {FAIL_ON_LEVELS}, not {fail_on!r}")
    if fail_on == "never":
        return False
    if unreviewed or routing == "RED" or gate.required_missing:
        return True
    return fail_on == "weak" and bool(routing == "YELLOW" or gate.recommended_missing or gate.weak)


def analysis_fails(analysis, fail_on: str) -> bool:
    """The gate for one analysed contract (``clauses check``)."""
    return fails(str(analysis.routing), gate_facts(analysis), fail_on)


def exit_code(records: Sequence[BatchRecord], fail_on: str) -> int:
    """0 pass, 1 gaps at or above ``fail_on`` (or a contract not reviewed), 2 nothing readable."""
    if not records or all(record.failed for record in records):
        return EXIT_USAGE
    for record in records:
        unreviewed = record.failed or bool(record.row.report_error)
        if fails(record.row.routing, record.gate, fail_on, unreviewed=unreviewed):
            return EXIT_GAPS
    return EXIT_OK
