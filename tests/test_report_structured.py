"""clauses.report.structured: JSON valid against schema.json, strict JSON, safe CSV/XLSX."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from report_fixtures import build_analysis, document_from_docx, write_contract_docx

from clauses.datamodel import Analysis
from clauses.report.structured import (
    QUOTE_LIMIT,
    SCHEMA_VERSION,
    analysis_to_dict,
    safe_cell,
    write_csv,
    write_json,
    write_xlsx,
)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "clauses" / "report" / "schema.json"


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    path = write_contract_docx(tmp_path_factory.mktemp("structured") / "nda.docx")
    return build_analysis(document_from_docx(path))


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _described(node: object, path: str = "") -> list[str]:
    """Paths of properties in the schema that lack a description."""
    missing: list[str] = []
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            if isinstance(child, dict) and "description" not in child:
                missing.append(f"{path}/{name}")
        for key, child in node.items():
            missing += _described(child, f"{path}/{key}")
    elif isinstance(node, list):
        for child in node:
            missing += _described(child, path)
    return missing


def test_report_json_validates_against_schema(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    write_json(analysis, out)
    text = out.read_text(encoding="utf-8")
    data = json.loads(text, parse_constant=lambda name: pytest.fail(f"non-JSON {name}"))
    _validator().validate(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["tool"]["name"] == "clauses"
    assert "text" not in data["document"]
    assert [e["id"] for e in data["elements"]][:2] == ["definition", "third_party"]


def test_report_json_every_schema_property_has_a_description() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert _described(schema) == []


def test_report_json_perpetual_survival_is_strict_json(analysis: Analysis) -> None:
    data = analysis_to_dict(analysis)
    survival = next(e for e in data["elements"] if e["id"] == "post_termination")
    quantities = survival["evidence"][0]["quantities"]
    assert {"kind": "survival", "value": 1.0, "perpetual": False, "text": "one (1) year"} in quantities
    assert {"kind": "survival", "value": None, "perpetual": True, "text": "trade secrets"} in quantities
    json.dumps(data, allow_nan=False)


def test_report_json_evidence_quote_and_suggestion(analysis: Analysis) -> None:
    data = analysis_to_dict(analysis)
    third = next(e for e in data["elements"] if e["id"] == "third_party")
    evidence = third["evidence"][0]
    assert evidence["section"] == "2.1"
    assert evidence["quote"].startswith("2.1 The Recipient shall keep")
    assert evidence["cues"] == ["third_party_cue"]
    notice = next(e for e in data["elements"] if e["id"] == "breach_notice")
    assert notice["suggestion"]["section_number"] == "2.7"
    assert "seventy-two (72) hours" in notice["suggestion"]["text"]
    assert third["suggestion"] is None


def test_report_json_long_quote_truncated(analysis: Analysis) -> None:
    long_text = analysis.document.text + " " + "word " * 400
    document = replace(analysis.document, text=long_text)
    first = analysis.elements[1]
    evidence = replace(first.evidence[0], end=len(long_text))
    changed = replace(analysis, document=document, elements=(replace(first, evidence=(evidence,)),))
    quoted = analysis_to_dict(changed)["elements"][0]["evidence"][0]
    assert quoted["quote_truncated"] is True
    assert len(quoted["quote"]) <= QUOTE_LIMIT + 2
    _validator().validate(analysis_to_dict(changed))


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_report_safe_cell_neutralizes_formulas(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_report_safe_cell_leaves_plain_values() -> None:
    assert safe_cell("Recipient") == "Recipient"
    assert safe_cell(-3) == -3
    assert safe_cell(None) is None


def test_report_csv_and_xlsx_per_contract(analysis: Analysis, tmp_path: Path) -> None:
    first = analysis.elements[0]
    hostile = replace(
        analysis, elements=(replace(first, reason="=cmd|' /C calc'!A0"), *analysis.elements[1:])
    )
    write_csv(hostile, tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 13 and rows[0]["reason"].startswith("'=")
    write_xlsx(hostile, tmp_path / "e.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "e.xlsx").active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet["G2"].value.startswith("'=")


def test_report_structured_cells_and_names_hold_no_control_characters() -> None:
    from clauses.report.structured import safe_cell, visible

    # A form feed or \x01 in contract text: openpyxl refuses them (IllegalCharacterError).
    assert safe_cell("page one\fpage two\x01end") == "page one page two\\x01end"
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and safe_cell(3) == 3
    # A name that is not UTF-8 (surrogate-escaped bytes), a newline, an escape, a bidi override.
    name = "caf\udce9\nx\x1b[2J\u202e.txt"
    assert visible(name) == "caf\\xe9\\x0ax\\x1b[2J\\u202e.txt"
    assert safe_cell(name) == "caf\\xe9\nx\\x1b[2J\u202e.txt"  # a cell may hold a newline
    visible(name).encode("utf-8")  # writable


def test_report_structured_issue_list_xlsx_takes_control_characters(tmp_path) -> None:
    from openpyxl import load_workbook

    from clauses.report.issues import write_issues_xlsx

    row = {"file": "a\x1bb.txt", "status": "missing", "reason": "x\x0cy", "quote": "=1+1\x01"}
    write_issues_xlsx([row], tmp_path / "issues.xlsx")  # IllegalCharacterError before cell_text
    values = [cell.value for cell in load_workbook(tmp_path / "issues.xlsx").active[2]]
    assert "a\\x1bb.txt" in values and "x y" in values and "=1+1\\x01" in values


def test_report_json_needs_review_follows_the_element_result(analysis: Analysis, tmp_path: Path) -> None:
    from dataclasses import replace

    flagged = replace(
        analysis,
        elements=tuple(replace(e, needs_review=i % 2 == 0) for i, e in enumerate(analysis.elements)),
    )
    write_json(flagged, tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    _validator().validate(data)
    assert [e["needs_review"] for e in data["elements"]] == [i % 2 == 0 for i in range(len(data["elements"]))]
    assert tuple(map(int, SCHEMA_VERSION.split("."))) >= (1, 3)  # needs_review arrived with 1.3
    del data["elements"][0]["needs_review"]
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(data)


def test_report_structured_dumps_writes_what_json_dumps_writes() -> None:
    import json
    import math

    from clauses.report.structured import dumps

    data = {
        "text": "quote \u201cCI\u201d \\ \"x\" \n\t\x00\x1f \u2028 \ud800 é",
        "numbers": [0, -1, 10**30, 0.1, 1e-07, 1e16, 2.5, -0.0, 0.30000000000000004],
        "flags": [True, False, None],
        "empty": {"list": [], "dict": {}, "": ""},
        "nested": [[[]], [{}], {"a": [1, {"b": None}]}],
    }
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    for unusual in ({"t": (1, 2)}, {1: "int key"}, [True, 1.5, "x", (None,)]):
        assert dumps(unusual) == json.dumps(unusual, ensure_ascii=False, indent=2, allow_nan=False)
    with pytest.raises(ValueError):
        dumps({"score": math.inf})


def test_report_structured_dumps_writes_a_report_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report's statuses and routing are str enums: written as json.dumps writes them (their
    values), by the fast writer itself; the generator-based json.dumps is only for the unusual."""
    from clauses.datamodel import Requirement, Routing, Severity, Status
    from clauses.report.structured import dumps

    data = {
        "routing": Routing.RED,
        "elements": [
            {"status": Status.PRESENT, "requirement": Requirement.REQUIRED, "severity": Severity.LOW}
        ],
    }
    expected = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    assert '"status": "present"' in expected

    def slow(*args: object, **kwargs: object) -> str:
        raise AssertionError("fell back to json.dumps")

    monkeypatch.setattr(json, "dumps", slow)
    assert dumps(data) == expected
