"""clauses.evaluate.profile: each labelled contract is judged with its own type's thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clauses.datamodel import PRESENT, WEAK
from clauses.errors import ConfigError
from clauses.evaluate import folder_documents, run_analyses
from clauses.evaluate.profile import evaluation_profile, manifest_types

SURVIVAL = (
    "1. Confidentiality. The Supplier shall keep the Customer's Confidential Information confidential.\n\n"
    "2. Survival. The obligations in Section 1 shall survive termination of this Agreement for two (2) "
    "years after termination.\n"
)


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_evaluate_profile_thresholds_follow_contract_type() -> None:
    assert evaluation_profile("vendor").min_survival_years == 3
    assert evaluation_profile("nda").min_survival_years == 2
    assert evaluation_profile("employment").min_survival_years == 2
    # No built-in type: the spec's defaults.
    assert evaluation_profile("other").thresholds == evaluation_profile().thresholds
    assert evaluation_profile().min_survival_years == 2
    assert evaluation_profile().max_notice_hours == 72


def test_evaluate_profile_manifest_types_by_stem(tmp_path: Path) -> None:
    manifest = _write(
        tmp_path / "manifest.jsonl",
        [{"file": "a.pdf", "doc_type": "vendor"}, {"file": "b.docx", "doc_type": "nda"}, {"file": "c.md"}],
    )
    assert manifest_types(manifest) == {"a": "vendor", "b": "nda", "c": ""}
    assert manifest_types(tmp_path / "absent.jsonl") == {}
    manifest.write_text('{"file": "a.pdf"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"manifest.jsonl:2: expected a JSON object"):
        manifest_types(manifest)
    manifest.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"manifest.jsonl:1: not JSON"):
        manifest_types(manifest)


def test_evaluate_profile_vendor_survival_judged_against_three_years(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for stem in ("supply", "plain"):
        (docs / f"{stem}.txt").write_text(SURVIVAL, encoding="utf-8")
    labels = _write(
        tmp_path / "labels.jsonl",
        [
            {"file": f"{stem}.txt", "element": "post_termination", "present": True}
            for stem in ("supply", "plain")
        ],
    )
    _write(tmp_path / "manifest.jsonl", [{"file": "supply.txt", "doc_type": "vendor"}])
    documents = folder_documents(docs, labels)
    assert [(d.name, d.doc_type) for d in documents] == [("plain.txt", ""), ("supply.txt", "vendor")]
    statuses = {
        item.name: next(r.status for r in analysis.elements if r.element == "post_termination")
        for item, analysis in run_analyses(documents, None)
    }
    # Two years after termination: short of the vendor profile's three, enough for the spec's default two.
    assert statuses == {"supply.txt": WEAK, "plain.txt": PRESENT}
