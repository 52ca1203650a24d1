"""Reports of a review from a side: JSON binds/protects/blanks/side (schema 1.1), Markdown and HTML."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clauses.datamodel import Analysis
from clauses.pipeline import analyze, load_shipped_model
from clauses.report import render_html, render_markdown
from clauses.report.structured import SCHEMA_VERSION, analysis_to_dict, to_json

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "clauses" / "report" / "schema.json"
SAAS = Path(__file__).resolve().parent / "fixtures" / "side" / "saas_customer_bound.txt"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze(SAAS, "vendor", model=load_shipped_model(), side="customer")


def test_report_side_json_validates_and_carries_binds(analysis: Analysis) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data = json.loads(to_json(analysis))
    jsonschema.Draft202012Validator(schema).validate(data)
    # side, binds/protects and blanks arrived in 1.1 (1.2 added suggestion kind/before/after)
    assert data["schema_version"] == SCHEMA_VERSION and tuple(map(int, SCHEMA_VERSION.split("."))) >= (1, 1)
    assert data["side"] == {"side": "customer", "parties": ["Customer"]}
    breach = next(e for e in data["elements"] if e["id"] == "breach_notice")
    assert breach["evidence"][0]["binds"] == ["Customer"]
    assert breach["evidence"][0]["protects"] == ["Provider"]
    assert data["blanks"] == [
        {"clause_id": data["blanks"][0]["clause_id"], "section": "2.8", "kind": "period",
         "text": data["blanks"][0]["text"]}
    ]
    assert "___________ years" in data["blanks"][0]["text"]
    survival = next(e for e in data["elements"] if e["id"] == "post_termination")
    assert survival["evidence"][0]["blanks"] == [data["blanks"][0]["text"]]


def test_report_side_markdown_and_html_show_side_binds_and_blanks(analysis: Analysis) -> None:
    markdown = render_markdown(analysis)
    assert "- Reviewed for: customer (Customer): a duty counts when it binds the other side" in markdown
    assert "| Confidence | Binds | Where |" in markdown
    assert "| **missing** | 99% | Customer | nearest: Section 2.5 |" in markdown
    assert "## Blanks left in the contract" in markdown
    assert "- Section 2.8: period left blank:" in markdown
    html = render_html(analysis)
    assert "<th>Binds</th>" in html and "<h2>Blanks left in the contract</h2>" in html
    assert "<strong>Reviewed for:</strong> customer (Customer)" in html


def test_report_side_warnings_come_first_for_a_cover_page() -> None:
    cover = Path(__file__).resolve().parent / "fixtures" / "side" / "cover" / "cover_page.txt"
    data = analysis_to_dict(analyze(cover, model=load_shipped_model()))
    assert data["routing"] != "RED"
    assert data["warnings"][0].startswith("the operative terms are not all in this file")
    markdown = render_markdown(analyze(cover, model=load_shipped_model()))
    head = markdown.split("## Elements")[0]
    assert "## Warnings" in head and "incorporates Harbourline Mutual NDA Standard Terms" in head
