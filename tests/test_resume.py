"""clauses.batch.resume: a rerun trusts a state record only while everything behind it still holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.batch.resume import STATE_DIR, finished_record, sha256_file, write_state

IDENTITY = {"state_version": 2, "clauses": "x", "profile": {"name": "nda"}, "model": "m/1"}


@pytest.fixture()
def finished(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "nda.txt"
    source.write_text("1. Confidentiality. The Recipient shall keep it secret.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "nda_txt.json").write_text("{}\n", encoding="utf-8")
    (out / "nda_txt.md").write_text("# Report\n", encoding="utf-8")
    record = {
        **IDENTITY,
        "absolute": str(source.resolve()),
        "sha256": sha256_file(source),
        "outputs": {"json": "nda_txt.json", "markdown": "nda_txt.md"},
        "sizes": {"json": 3, "markdown": 9},
        "row": {"file": "old/name.txt", "error": "", "reports": {}},
    }
    write_state(out, "nda_txt", record)
    return source, out


def _check(source: Path, out: Path, identity=IDENTITY, kinds=("json", "markdown")):
    return finished_record(out, "nda_txt", str(source), str(source.resolve()), identity, kinds)


def test_resume_unchanged_document_is_skipped_and_named_as_in_this_run(finished) -> None:
    source, out = finished
    record = _check(source, out)
    assert record is not None and record["row"]["file"] == str(source)
    assert record["row"]["reports"] == {"json": "nda_txt.json", "markdown": "nda_txt.md"}


def test_resume_fewer_formats_still_skip_and_link_only_those(finished) -> None:
    source, out = finished
    assert _check(source, out, kinds=("json",))["row"]["reports"] == {"json": "nda_txt.json"}
    assert _check(source, out, kinds=("json", "html")) is None  # html was never written


def test_resume_other_identity_changed_bytes_or_short_report_are_redone(finished) -> None:
    source, out = finished
    assert _check(source, out, identity={**IDENTITY, "model": "m/2"}) is None
    (out / "nda_txt.md").write_text("# Rep", encoding="utf-8")
    assert _check(source, out) is None
    (out / "nda_txt.md").write_text("# Report\n", encoding="utf-8")
    assert _check(source, out) is not None
    source.write_text("changed\n", encoding="utf-8")
    assert _check(source, out) is None


def test_resume_unreadable_state_is_redone(finished) -> None:
    source, out = finished
    (out / STATE_DIR / "nda_txt.json").write_text('{"row": ', encoding="utf-8")
    assert _check(source, out) is None
