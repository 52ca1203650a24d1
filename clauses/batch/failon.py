"""``--fail-on``: the one gate, for a batch's records (``review``) and for one analysis (``check``).

A CI step runs ``clauses check x.docx && sign`` or ``clauses review contracts/``;
both must refuse the same contracts with the same exit codes, so the rule is
written once, here:

* ``missing``: a contract fails when it is RED, misses a required element, or
  could not be reviewed (an unreviewed contract cannot pass a gate; a batch
  counts a contract whose reports could not all be written as not reviewed);
* ``weak``: also when it is YELLOW, misses a recommended element, or is weak on
  a required or recommended element;
* ``never``: no contract fails.

Exit code: 2 when nothing could be reviewed at all (whatever the level), else 1
when any contract fails at the level, else 0. Optional elements never gate.
Standard library only, so the command line can import it for ``--help``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = [
    "EXIT_GAPS",
    "EXIT_OK",
    "EXIT_USAGE",
    "FAIL_ON_LEVELS",
    "FailOn",
    "GateFacts",
    "Verdict",
    "analysis_fails",
    "exit_code",
    "fails",
    "gate_facts",
]

EXIT_OK = 0
EXIT_GAPS = 1  # a contract has gaps at or above --fail-on, or could not be reviewed
EXIT_USAGE = 2  # bad options, bad profile or model, or nothing readable at all


class FailOn(str, Enum):
    """The --fail-on levels, strictest last."""

    missing = "missing"
    weak = "weak"
    never = "never"


FAIL_ON_LEVELS = tuple(level.value for level in FailOn)


@dataclass(frozen=True)
class GateFacts:
    """What the gate needs beyond the routing, kept so a skipped document gates like a fresh one."""

    required_missing: tuple[str, ...] = ()
    recommended_missing: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()


def gate_facts(analysis: Any) -> GateFacts:
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


@dataclass(frozen=True)
class Verdict:
    """One contract as the gate sees it: was it reviewed, its routing, its gaps."""

    reviewed: bool
    routing: str = ""
    required_missing: tuple[str, ...] = ()
    recommended_missing: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()

    @classmethod
    def from_facts(cls, routing: str, facts: GateFacts | Mapping[str, Sequence[str]]) -> Verdict:
        if isinstance(facts, GateFacts):
            return cls(True, str(routing), facts.required_missing, facts.recommended_missing, facts.weak)
        return cls(
            True,
            str(routing),
            tuple(facts.get("required_missing", ())),
            tuple(facts.get("recommended_missing", ())),
            tuple(facts.get("weak", ())),
        )

    @classmethod
    def from_analysis(cls, analysis: Any) -> Verdict:
        return cls.from_facts(analysis.routing, gate_facts(analysis))

    @classmethod
    def from_record(cls, record: Any) -> Verdict:
        """A batch's ``BatchRecord``: unreviewed when it failed or a report it asked for is missing."""
        if record.failed or record.row.report_error:
            return cls.unreadable()
        return cls.from_facts(record.row.routing, record.gate)

    @classmethod
    def unreadable(cls) -> Verdict:
        return cls(False)

    def fails(self, fail_on: str) -> bool:
        """Whether this contract fails the gate at ``fail_on`` (missing, weak or never)."""
        try:
            level = FailOn(fail_on)
        except ValueError:
            raise ValueError(f"fail_on must be one of {FAIL_ON_LEVELS}, not {fail_on!r}") from None
        if level is FailOn.never:
            return False
        if not self.reviewed or self.routing == "RED" or self.required_missing:
            return True
        gaps = self.routing == "YELLOW" or self.recommended_missing or self.weak
        return level is FailOn.weak and bool(gaps)


def fails(routing: str, gate: GateFacts, fail_on: str, *, unreviewed: bool = False) -> bool:
    """Whether one contract fails the gate at level ``fail_on``."""
    verdict = Verdict.unreadable() if unreviewed else Verdict.from_facts(routing, gate)
    return verdict.fails(fail_on)


def analysis_fails(analysis: Any, fail_on: str) -> bool:
    """The gate for one analysed contract (``clauses check``)."""
    return Verdict.from_analysis(analysis).fails(fail_on)


def exit_code(items: Iterable[Any], fail_on: str) -> int:
    """0 pass, 1 a contract fails at ``fail_on``, 2 nothing could be read at all.

    ``items`` are ``Verdict``s or a batch's ``BatchRecord``s. "Nothing could be
    read" counts records whose file could not be analysed; a record whose only
    fault is a missing report was read, so it makes exit 1, not 2.
    """
    items = list(items)
    readable = [item for item in items if (not item.failed if hasattr(item, "row") else item.reviewed)]
    if not readable:
        return EXIT_USAGE
    verdicts = [Verdict.from_record(item) if hasattr(item, "row") else item for item in items]
    return EXIT_GAPS if any(verdict.fails(fail_on) for verdict in verdicts) else EXIT_OK
