"""A cover page reviewed with the standard terms beside it (batch/pairing.py), and --side in a batch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from clauses.batch import BatchOptions, run_batch
from clauses.cli import app
from clauses.datamodel import RED

COVER = Path(__file__).resolve().parent / "fixtures" / "side" / "cover"
SAAS = Path(__file__).resolve().parent / "fixtures" / "side" / "saas_customer_bound.txt"


def _report(out: Path, stem: str) -> dict:
    return json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))


def test_batch_pairing_cover_page_with_its_standard_terms(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(COVER, folder)
    result = run_batch(sorted(folder.iterdir()), BatchOptions(out_dir=tmp_path / "out", formats=("json",)))
    assert result.errors == 0
    cover = _report(tmp_path / "out", "cover_page_txt")
    assert cover["warnings"][0].startswith(f"reviewed together with {folder / 'standard_terms.txt'}")
    statuses = {e["id"]: e["status"] for e in cover["elements"]}
    assert statuses["third_party"] == "present" and statuses["breach_notice"] == "present"
    assert cover["routing"] != "RED"
    # The evidence comes from the terms file, quoted in the cover page's report.
    third = next(e for e in cover["elements"] if e["id"] == "third_party")
    assert "Receiving Party shall keep" in third["evidence"][0]["quote"]


def test_batch_pairing_cover_page_alone_says_the_terms_are_elsewhere(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(COVER / "cover_page.txt", folder)
    run_batch([folder / "cover_page.txt"], BatchOptions(out_dir=tmp_path / "out", formats=("json",)))
    cover = _report(tmp_path / "out", "cover_page_txt")
    assert cover["routing"] != "RED"
    assert cover["warnings"][0].startswith("the operative terms are not all in this file")
    assert all(
        e["reason"].startswith("not in this document") for e in cover["elements"] if e["status"] == "missing"
    )


def test_batch_side_option_changes_the_verdict_and_the_rerun_identity(tmp_path: Path) -> None:
    out = tmp_path / "out"
    customer = run_batch([SAAS], BatchOptions(out_dir=out, formats=("json",), side="customer"))
    assert customer.records[0].row.routing == RED
    vendor = run_batch([SAAS], BatchOptions(out_dir=out, formats=("json",), side="vendor"))
    assert vendor.skipped == 0  # another side is another review, not an unchanged one
    report = _report(out, "saas_customer_bound_txt")
    assert report["side"] == {"side": "vendor", "parties": ["Provider"]}
    assert report["routing"] != "RED"


def test_batch_cli_side_is_documented_in_help() -> None:
    runner = CliRunner()
    for command in ("check", "review"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        assert "--side" in result.output and "binds the other side" in " ".join(result.output.split())


def test_batch_cli_check_side_shows_binds_and_reason() -> None:
    result = CliRunner().invoke(app, ["check", str(SAAS), "--side", "customer"], env={"COLUMNS": "250"})
    assert result.exit_code == 1  # RED fails check's default --fail-on missing, as in review
    output = result.output
    assert "RED" in output and "side: customer (Customer)" in output
    row = next(line for line in output.splitlines() if "third_party" in line)
    cells = [cell.strip() for cell in row.split("│")]
    assert cells[5] == "Customer"  # the binds column
    assert cells[7].startswith("section 2.2 binds you")
    assert "blank(s) or placeholder(s) left in the contract: section 2.8" in " ".join(output.split())
