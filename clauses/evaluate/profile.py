"""The thresholds a labelled contract is judged by, and where its contract type comes from.

The spec's "weak when" reads "survive for less than the profile's minimum": the
labels judge a vendor agreement's survival against 3 years and an NDA's against
2, so the evaluation judges each contract with the thresholds of its type, not
one set for all; a contract of no built-in type gets the spec's defaults.
"""

from __future__ import annotations

from pathlib import Path

from clauses.errors import ConfigError
from clauses.evaluate.jsonl import json_lines
from clauses.profiles import BUILT_IN, Profile, default_thresholds, load_profile


def evaluation_profile(doc_type: str = "") -> Profile:
    """The thresholds the labels were judged by: the profile of ``doc_type``, else the spec's defaults."""
    if doc_type in BUILT_IN:
        thresholds = load_profile(doc_type).thresholds
        source = f"{doc_type} thresholds"
    else:
        thresholds, source = default_thresholds(), "spec defaults"
    return Profile(
        "evaluation",
        "Evaluation",
        source,
        thresholds["min_survival_years"],
        thresholds["max_notice_hours"],
        {},
    )


def manifest_types(path: Path) -> dict[str, str]:
    """File stem -> contract type from a set's ``manifest.jsonl``; none when the set has no manifest."""
    if not path.is_file():
        return {}
    types = {}
    for where, row in json_lines(path, "the manifest"):
        if not isinstance(row, dict) or not isinstance(row.get("file"), str):
            raise ConfigError(f"{where}: expected a JSON object with 'file'")
        doc_type = row.get("doc_type", "")
        types[Path(row["file"]).stem] = doc_type if isinstance(doc_type, str) else ""
    return types
