"""clauses.report.rendered: Markdown and HTML reports, with contract text escaped."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import SCRIPT, build_analysis, document_from_docx, write_contract_docx

from clauses.datamodel import Analysis
from clauses.report.rendered import md_cell, render_html, render_markdown, write_html, write_markdown


class _Tags(HTMLParser):
    """Collects start tags, attributes and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    path = write_contract_docx(tmp_path_factory.mktemp("rendered") / "nda.docx")
    return build_analysis(document_from_docx(path))


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def test_report_html_has_no_live_script(analysis: Analysis, tmp_path: Path) -> None:
    hostile = replace(
        analysis, profile_reason=f"title {SCRIPT}", document=replace(analysis.document, title=f"NDA {SCRIPT}")
    )
    out = tmp_path / "report.html"
    write_html(hostile, out)
    html = out.read_text(encoding="utf-8")
    parsed = _parse(html)
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert SCRIPT in "".join(parsed.text)  # shown to the reader as text
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name, _ in attrs)


def test_report_html_is_self_contained(analysis: Analysis) -> None:
    html = render_html(analysis)
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            if name in ("src", "href"):
                pytest.fail(f"external reference {tag} {name}={value}")
    assert "@media print" in html
    assert ">RED<" in html and "#b42318" in html


def test_report_html_shows_findings_and_suggestions(analysis: Analysis) -> None:
    text = " ".join("".join(_parse(render_html(analysis)).text).split())
    assert "Section 2.1" in text
    assert "2.7 Notice of Unauthorized Disclosure. The Recipient shall notify the Company" in text
    assert "to insert after Section 2.4 (Confidentiality)" in text
    assert "after Section 2.6" not in text  # 2.6 exists only in another suggestion
    assert "No duty to notify the Company of unauthorized disclosure." in text
    assert 'Title says "Non-Disclosure Agreement".' in text


def test_report_markdown_renders_and_escapes(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    write_markdown(analysis, out)
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("# Confidentiality review: Non-Disclosure Agreement")
    assert "**Routing: RED** · Score 41/100" in markdown
    assert "| Breach notification (`breach_notice`) | required | **missing** |" in markdown
    assert "> 2.7 Notice of Unauthorized Disclosure." in markdown
    assert SCRIPT not in markdown and "&lt;script&gt;" in markdown
    assert "Recipient \\| including" in markdown  # the pipe in 2.4 cannot open a table cell
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            assert line.count(" | ") == 5, line  # six columns: element ... binds, where


def test_report_md_cell_flattens_newlines_and_pipes() -> None:
    assert md_cell("a|b\nc") == "a\\|b c"


def test_report_rendered_shows_to_review(tmp_path: Path) -> None:
    analysis = build_analysis(document_from_docx(write_contract_docx(tmp_path / "nda.docx")))
    first = replace(analysis.elements[0], needs_review=True)
    flagged = replace(analysis, elements=(first, *analysis.elements[1:]))
    others = sum(e.needs_review for e in analysis.elements[1:])
    markdown, html = render_markdown(flagged), render_html(flagged)
    assert f"; {others + 1} to review" in markdown and "(to review)" in markdown
    assert f"· {others + 1} to review" in html and 'class="review"' in html


def _reviewed(text: str, name: str) -> tuple[Analysis, str, str]:
    """``text`` analysed as an NDA by the whole pipeline, and its Markdown and HTML reports."""
    from clauses.pipeline import analyze_document
    from clauses.profiles import load_profile
    from clauses.segment import plain_document

    analysis = analyze_document(plain_document(text, path=name, fmt="text", sha256=""), load_profile("nda"))
    return analysis, render_markdown(analysis), render_html(analysis)


def test_report_rendered_cites_a_named_number_once() -> None:
    """A contract numbered "Section 5.01" is cited as that, not as "Section Section 5.01"."""
    text = (
        "MUTUAL NONDISCLOSURE AGREEMENT\n\n"
        "Section 5.01 Confidentiality. Each party will hold the other's Confidential Information "
        "in confidence and will not disclose it to any third party.\n\n"
        "Section 5.02 Survival. The obligations in Section 5.01 survive termination of this "
        "Agreement for five years.\n"
    )
    analysis, markdown, html = _reviewed(text, "sec.txt")
    assert "Section 5.01" in html and "Section 5.01" in markdown
    assert "Section Section" not in html and "Section Section" not in markdown
    assert not any("section Section" in e.reason for e in analysis.elements)


def test_report_rendered_cites_clauses_the_way_the_contract_does() -> None:
    """A UK contract that says "clause 5" is cited "Clause 5.1" in the tables and "clause 5.1" in reasons."""
    text = (
        "MUTUAL CONFIDENTIALITY AGREEMENT\n\n"
        "5. Confidentiality\n\n"
        "5.1 Each party shall keep the other's Confidential Information confidential and shall not "
        "disclose it to any third party, save as permitted by clause 5.2.\n\n"
        "5.2 Clause 5.1 does not apply to information which is public.\n\n"
        "5.3 This clause 5 survives termination of this Agreement for five years.\n"
    )
    analysis, markdown, html = _reviewed(text, "uk.txt")
    assert "Clause 5.1" in markdown and "Clause 5.1" in html
    assert "Section 5." not in markdown and "Section 5." not in html
    reasons = " ".join(e.reason for e in analysis.elements)
    assert "clause 5." in reasons and "section 5." not in reasons
    placements = [e.suggestion.placement for e in analysis.elements if e.suggestion is not None]
    assert placements and all("Section" not in p for p in placements)
    assert any("Clause 5.3" in p for p in placements)


def test_report_rendered_finds_unnumbered_clauses_by_their_opening_words() -> None:
    """A letter without numbers: no internal clause id or offset reaches the reader."""
    text = (
        "Dear Ms Okafor,\n\n"
        "You will keep in strict confidence all information we give you about the project and "
        "will not disclose it to anyone else without our written consent.\n\n"
        "You will tell us at once if any of it is lost or disclosed without authority.\n\n"
        "Yours sincerely,\n"
    )
    analysis, markdown, html = _reviewed(text, "letter.txt")
    for page in (markdown, html):
        assert "offset" not in page and "c000" not in page
    assert 'the clause "You will keep in strict ..."' in markdown
    assert "the clause &#34;You will keep in strict ...&#34;" in html
    reasons = " ".join(e.reason for e in analysis.elements)
    assert 'the clause "You will' in reasons and "offset" not in reasons


def test_report_rendered_an_unnumbered_definition_is_quoted_once() -> None:
    from clauses.segment.labels import described

    assert described("", '"Confidential Information" means all information') == (
        "the clause \"'Confidential Information' means all information ...\""
    )
    assert '""' not in described("", "\u201cData\u201d means personal data")
