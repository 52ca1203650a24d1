"""clauses.batch.resume: a rerun trusts a state record only while everything behind it still holds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clauses.batch.record import BatchRecord
from clauses.batch.resume import STATE_DIR, STATE_VERSION, finished_record, sha256_file, write_state
from clauses.report.portfolio import PortfolioRow

IDENTITY = {"state_version": STATE_VERSION, "clauses": "x", "profile": {"name": "nda"}, "model": "m/1"}


@pytest.fixture()
def finished(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "nda.txt"
    source.write_text("1. Confidentiality. The Recipient shall keep it secret.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "nda_txt.json").write_text("{}\n", encoding="utf-8")
    (out / "nda_txt.md").write_text("# Report\n", encoding="utf-8")
    record = BatchRecord(
        source="old/name.txt",
        absolute=str(source.resolve()),
        stem="nda_txt",
        row=PortfolioRow(file="old/name.txt", routing="GREEN", score=90),
        identity=IDENTITY,
        sha256=sha256_file(source),
        outputs={"json": "nda_txt.json", "markdown": "nda_txt.md"},
        sizes={"json": 3, "markdown": 9},
    )
    write_state(out, record)
    return source, out


def _check(source: Path, out: Path, identity=IDENTITY, kinds=("json", "markdown")):
    return finished_record(out, "nda_txt", str(source), str(source.resolve()), identity, kinds)


def test_resume_unchanged_document_is_skipped_and_named_as_in_this_run(finished) -> None:
    source, out = finished
    record = _check(source, out)
    assert record is not None and record.row.file == record.source == str(source)
    assert record.row.reports == {"json": "nda_txt.json", "markdown": "nda_txt.md"}
    assert (record.row.routing, record.row.score) == ("GREEN", 90)


def test_resume_fewer_formats_still_skip_and_link_only_those(finished) -> None:
    source, out = finished
    assert _check(source, out, kinds=("json",)).row.reports == {"json": "nda_txt.json"}
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


def test_resume_state_of_an_earlier_version_is_redone(finished) -> None:
    source, out = finished
    old = {**IDENTITY, "state_version": 2, "absolute": str(source.resolve()), "sha256": sha256_file(source)}
    old |= {"outputs": {"json": "nda_txt.json"}, "sizes": {"json": 3}, "row": {"file": "x", "error": ""}}
    (out / STATE_DIR / "nda_txt.json").write_text(json.dumps(old), encoding="utf-8")
    assert _check(source, out, identity={**IDENTITY, "state_version": 2}, kinds=("json",)) is None


def test_resume_record_round_trips_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # holds a surrogate: not encodable as UTF-8
    record = BatchRecord.error(name, "/x/" + name, "caf_txt", "Corrupt: damaged", identity=IDENTITY)
    write_state(tmp_path, record)
    text = (tmp_path / STATE_DIR / "caf_txt.json").read_text(encoding="ascii")
    back = BatchRecord.from_json(text, tuple(IDENTITY))
    assert back == record and back.source == name
    assert record.row.file == "caf\\xe9.txt" and record.row.error == "caf\\xe9.txt: Corrupt: damaged"
