"""``BatchRecord``: the one shape of a document's result, from its worker to the state file to the summaries.

A worker returns it, the parent saves it as the document's rerun state
(``to_json``) and reads it back on the next run (``from_json``), the gate reads
its ``gate`` facts and the summaries its ``row`` (a ``PortfolioRow``). Before,
the same facts went dict -> JSON -> dict -> a row builder that accepted two shapes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from clauses.batch.failon import GateFacts
from clauses.report.portfolio import PortfolioRow, row_from_error
from clauses.report.structured import visible

__all__ = ["BatchRecord", "GateFacts"]


@dataclass(frozen=True)
class BatchRecord:
    """One input of a batch: where it came from, what it produced, and its summary row.

    ``source`` is the path as named in this run (it may hold the surrogates of a
    name that is not UTF-8: it is what opens the file); ``row.file`` is the same
    name made ``visible`` for every output. ``identity`` is the run identity
    (state format, clauses version, profile, model) that produced it.
    """

    source: str
    absolute: str
    stem: str
    row: PortfolioRow
    identity: Mapping[str, Any] = field(default_factory=dict)
    sha256: str | None = None  # the parsed document's; None when the file could not be read
    outputs: Mapping[str, str] = field(default_factory=dict)  # report kind -> file name in --out
    sizes: Mapping[str, int] = field(default_factory=dict)  # report kind -> bytes, which a rerun checks
    gate: GateFacts = field(default_factory=GateFacts)
    pages: int | None = None
    chars: int = 0
    model_version: str = ""
    timings: Mapping[str, float] = field(default_factory=dict)  # stage -> seconds, in the worker
    issues: tuple[Mapping[str, str], ...] = ()  # one row per gap, for issues.csv/xlsx (report.issues)

    @property
    def failed(self) -> bool:
        """The contract could not be reviewed (its row carries the one-line error)."""
        return bool(self.row.error)

    @classmethod
    def error(cls, source: str, absolute: str, stem: str, line: str, **kwargs: Any) -> BatchRecord:
        """The record of a document that could not be reviewed; ``line`` is its one-line error."""
        shown = visible(source)
        line = visible(line)
        if not line.startswith(shown):
            line = f"{shown}: {line}"
        return cls(source, absolute, stem, row_from_error(shown, line), **kwargs)

    def shared(self, identity: Mapping[str, Any]) -> BatchRecord:
        """This record as the parent keeps it until the summaries: ``identity`` when equal, keys interned.

        A record arrives unpickled from a worker with its own copy of the run
        identity and of every key string (element ids, issue columns, report
        kinds); of 10,000 records those copies were about a third of their memory.
        """
        row = self.row
        row = replace(row, statuses={sys.intern(k): v for k, v in row.statuses.items()})
        return replace(
            self,
            row=row,
            identity=identity if self.identity == identity else self.identity,
            outputs={sys.intern(k): v for k, v in self.outputs.items()},
            sizes={sys.intern(k): v for k, v in self.sizes.items()},
            timings={sys.intern(k): v for k, v in self.timings.items()},
            issues=tuple({sys.intern(k): v for k, v in issue.items()} for issue in self.issues),
        )

    def with_identity(self, identity: Mapping[str, Any]) -> BatchRecord:
        return replace(self, identity=dict(identity))

    def to_json(self) -> str:
        """Compact JSON for the state file (ASCII: surrogates of odd names are escaped, not lost)."""
        data = {
            **dict(self.identity),
            "source": self.source,
            "absolute": self.absolute,
            "stem": self.stem,
            "sha256": self.sha256,
            "outputs": dict(self.outputs),
            "sizes": dict(self.sizes),
            "gate": {
                "required_missing": list(self.gate.required_missing),
                "recommended_missing": list(self.gate.recommended_missing),
                "weak": list(self.gate.weak),
            },
            "pages": self.pages,
            "chars": self.chars,
            "model_version": self.model_version,
            "timings": dict(self.timings),
            "issues": [dict(issue) for issue in self.issues],
            "row": self.row.to_dict(),
        }
        return json.dumps(data, separators=(",", ":"), ensure_ascii=True)

    @classmethod
    def from_json(cls, text: str, identity_keys: tuple[str, ...]) -> BatchRecord:
        """The record ``to_json`` wrote; ValueError when the text is not one."""
        try:
            data = json.loads(text)
            gate = data["gate"]
            return cls(
                source=str(data["source"]),
                absolute=str(data["absolute"]),
                stem=str(data["stem"]),
                row=PortfolioRow.from_dict(data["row"]),
                identity={key: data[key] for key in identity_keys if key in data},
                sha256=None if data["sha256"] is None else str(data["sha256"]),
                outputs={str(k): str(v) for k, v in data["outputs"].items()},
                sizes={str(k): int(v) for k, v in data["sizes"].items()},
                gate=GateFacts(
                    tuple(gate["required_missing"]), tuple(gate["recommended_missing"]), tuple(gate["weak"])
                ),
                pages=None if data["pages"] is None else int(data["pages"]),
                chars=int(data["chars"]),
                model_version=str(data["model_version"]),
                timings={str(k): float(v) for k, v in data["timings"].items()},
                issues=tuple({str(k): str(v) for k, v in issue.items()} for issue in data["issues"]),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a batch record: {exc}") from exc
