"""`clauses check`: --fail-on gating and exit codes equal to `clauses review` of the same file, --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_batch import GOOD_NDA, LENIENT_PLAYBOOK, OLE2, STRICT_SURVIVAL_PLAYBOOK
from typer.testing import CliRunner

from clauses.batch.failon import Verdict, exit_code
from clauses.cli import app

runner = CliRunner()
# Requires an audit clause, at high severity, which the short NDA of test_batch lacks: RED.
RED_PLAYBOOK = """name = "needs-audit"
[elements.definition]
requirement = "required"
severity = "high"
[elements.audit]
requirement = "required"
severity = "high"
"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    """Contract plus profile arguments covering GREEN, YELLOW (weak) and RED, and an unreadable file."""
    folder = tmp_path_factory.mktemp("check")
    (folder / "good.txt").write_text(GOOD_NDA, encoding="utf-8")
    (folder / "lenient.toml").write_text(LENIENT_PLAYBOOK, encoding="utf-8")
    (folder / "strict.toml").write_text(STRICT_SURVIVAL_PLAYBOOK, encoding="utf-8")
    (folder / "old.doc").write_bytes(OLE2)
    (folder / "red.toml").write_text(RED_PLAYBOOK, encoding="utf-8")
    return {
        "green": (folder / "good.txt", ["--profile", str(folder / "lenient.toml")]),
        "weak": (folder / "good.txt", ["--profile", str(folder / "strict.toml")]),
        "red": (folder / "good.txt", ["--profile", str(folder / "red.toml")]),
        "unreadable": (folder / "old.doc", []),
    }


EXPECTED = {  # (missing, weak, never), as the README's --fail-on table says
    "green": (0, 0, 0),
    "weak": (0, 1, 0),
    "red": (1, 1, 0),
    "unreadable": (2, 2, 2),
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_cli_check_exit_codes_equal_review_of_the_same_file(
    inputs: dict, case: str, tmp_path: Path
) -> None:
    path, profile = inputs[case]
    for level, expected in zip(("missing", "weak", "never"), EXPECTED[case], strict=True):
        checked = runner.invoke(app, ["check", str(path), *profile, "--fail-on", level])
        reviewed = runner.invoke(
            app,
            ["review", str(path), *profile, "--fail-on", level, "--out", str(tmp_path / level), "-j", "1"],
        )
        assert (checked.exit_code, reviewed.exit_code) == (expected, expected), (case, level, checked.output)
        assert "Traceback" not in checked.output


def test_cli_check_red_contract_fails_a_shell_and(inputs: dict) -> None:
    """`clauses check x.docx && sign` must not sign a RED contract: the default level fails it."""
    path, profile = inputs["red"]
    result = runner.invoke(app, ["check", str(path), *profile])
    assert "RED" in result.stdout and result.exit_code == 1


def test_cli_check_json_is_the_report_schema(inputs: dict) -> None:
    import jsonschema

    path, profile = inputs["red"]
    result = runner.invoke(app, ["check", str(path), *profile, "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    schema = json.loads((Path(__file__).resolve().parents[1] / "clauses/report/schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data["routing"] == "RED"
    assert any(element["suggestion"] for element in data["elements"] if element["status"] == "missing")


def test_cli_check_bad_playbook_is_exit_2_for_every_level(inputs: dict, tmp_path: Path) -> None:
    path, _ = inputs["green"]
    bad = tmp_path / "bad.toml"
    bad.write_text("name = 'x'\n[thresholds]\nmax_notice_hours = nan\n[elements]\ndefinition = {}\n")
    for level in ("missing", "never"):
        result = runner.invoke(app, ["check", str(path), "--profile", str(bad), "--fail-on", level])
        assert result.exit_code == 2 and "ConfigError" in result.stderr, result.output


def test_cli_check_failon_verdicts_rule() -> None:
    red = Verdict(True, "RED", ("breach_notice",))
    weak = Verdict(True, "YELLOW", weak=("post_termination",))
    recommended = Verdict(True, "GREEN", recommended_missing=("audit",))
    green = Verdict(True, "GREEN")
    assert [v.fails("missing") for v in (red, weak, recommended, green)] == [True, False, False, False]
    assert [v.fails("weak") for v in (red, weak, recommended, green)] == [True, True, True, False]
    assert exit_code([green, Verdict.unreadable()], "missing") == 1
    assert exit_code([green, Verdict.unreadable()], "never") == 0
    assert exit_code([Verdict.unreadable()], "never") == 2 and exit_code([], "weak") == 2
