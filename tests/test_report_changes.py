"""clauses.report.changes: the Markdown and HTML reports list the redline change by change."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest
from report_fixtures import SCRIPT, build_analysis, document_from_docx, write_contract_docx

from clauses.datamodel import Analysis, Suggestion, TextEdit
from clauses.report.changes import redline_changes
from clauses.report.rendered import render_html, render_markdown


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    """The sample NDA with survival edited in place in two clauses (2.3 and 2.4), the rest inserted.

    The edit's words are hostile (markup, a pipe) and its recorded ``after`` text is
    not what applying the edits would give: the reports must show what the
    suggestion says, as the redline writes it, not a result worked out again.
    """
    path = write_contract_docx(tmp_path_factory.mktemp("changes") / "nda.docx")
    analysis = build_analysis(document_from_docx(path))
    document = analysis.document
    survival = next(c for c in document.clauses if c.number == "2.3")
    other = next(c for c in document.clauses if c.number == "2.4")
    first = document.text.index("one (1) year", survival.start)
    second = document.text.index("already known", other.start)
    edits = (
        TextEdit(first, first + len("one (1) year"), "two (2) years"),
        TextEdit(second, second + len("already known"), "<b>known</b> & | proven"),
    )
    suggestion = Suggestion(
        "post_termination", "AS RECORDED", "", None, "edit Section 2.3 and Section 2.4 in place",
        "edit", survival.id, survival.text, "AS RECORDED: survives for two (2) years.", edits,
    )
    elements = tuple(
        replace(r, suggestion=suggestion) if r.element == "post_termination" else r for r in analysis.elements
    )
    return replace(analysis, elements=elements)


def test_report_changes_lists_edits_per_clause_and_inserts_in_document_order(analysis: Analysis) -> None:
    changes = redline_changes(analysis)
    inserts = [r.suggestion for r in analysis.elements if r.suggestion and r.suggestion.kind == "insert"]
    assert [c["kind"] for c in changes].count("insert") == len(inserts) > 0
    edits = [c for c in changes if c["kind"] == "edit"]
    assert [c["section"] for c in edits] == ["Section 2.3", "Section 2.4"]
    assert edits[0]["after"] == "AS RECORDED: survives for two (2) years."  # the suggestion's own text
    assert edits[0]["words"] == [{"old": "one (1) year", "new": "two (2) years"}]
    assert "<b>known</b> & | proven" in edits[1]["after"] and "already known" in edits[1]["before"]
    # Every insert names where it goes in the original, with the number it will carry.
    for change, suggestion in zip([c for c in changes if c["kind"] == "insert"], inserts, strict=True):
        assert change["section"] == suggestion.placement and change["number"] == suggestion.number
        assert change["text"] == suggestion.text
    # In the original's order: the edits of 2.3 and 2.4 come before what is inserted after 2.4.
    assert changes.index(edits[1]) < next(i for i, c in enumerate(changes) if c["kind"] == "insert")


def test_report_changes_in_markdown(analysis: Analysis) -> None:
    markdown = render_markdown(analysis)
    section = markdown[markdown.index("## Changes in the redline") : markdown.index("## Findings")]
    assert "1. **Edit** Section 2.3 (Post-termination duties): ~~one (1) year~~ -> two (2) years" in section
    assert "> AS RECORDED: survives for two (2) years." in section
    assert "&lt;b&gt;known&lt;/b&gt; &amp; \\| proven" in section and "<b>" not in section
    insert = "**Insert** a clause on breach notification, as 2.7, after Section 2.4 (Confidentiality):"
    assert insert in section


def test_report_changes_in_html_escaped(analysis: Analysis) -> None:
    html = render_html(analysis)
    section = html[html.index("<h2>Changes in the redline</h2>") : html.index("<h2>Findings</h2>")]
    parsed = _Text()
    parsed.feed(section)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert "&lt;b&gt;known&lt;/b&gt; &amp; | proven" in section
    assert SCRIPT in "".join(parsed.text)  # 2.4's own text, shown as text
    text = " ".join("".join(parsed.text).split())
    assert "Edit Section 2.3 (Post-termination duties): one (1) year → two (2) years" in text
    assert "Insert a clause on breach notification, as 2.7, after Section 2.4 (Confidentiality):" in text


def test_report_findings_say_edit_in_place_not_insert(analysis: Analysis) -> None:
    """A finding's suggested wording reads "to edit Section 2.3 ... in place", not "to insert edit ..."."""
    markdown = render_markdown(analysis)
    html = " ".join(render_html(analysis).split())
    assert "**Suggested wording**, to edit Section 2.3 and Section 2.4 in place:" in markdown
    assert "Suggested wording, to edit Section 2.3 and Section 2.4 in place:" in html
    assert "**Suggested wording**, to insert after Section" in markdown  # the inserts keep theirs
    assert "insert edit" not in markdown and "insert edit" not in html
