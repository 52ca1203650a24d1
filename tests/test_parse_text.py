"""Plain text and Markdown: encodings, offsets into the decoded text, readable Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.parse import parse
from clauses.parse.text import clean_inline, decode


@pytest.mark.parametrize("name", ["bom.txt", "cp1252.txt", "utf16.txt"])
def test_text_encodings_decode(fixtures_dir: Path, name: str) -> None:
    document = parse(fixtures_dir / name)
    assert document.format == "text"
    assert "café partnership" in document.text and "party’s" in document.text
    assert not document.text.startswith("\ufeff")
    assert [c.number for c in document.clauses] == ["", "1", "2"]
    assert document.title == "CONFIDENTIALITY AGREEMENT"


def test_text_offsets_point_into_text(fixtures_dir: Path) -> None:
    document = parse(fixtures_dir / "bom.txt")
    for clause in document.clauses:
        assert document.text[clause.start : clause.end] == clause.text


def test_text_decode_falls_back_to_cp1252() -> None:
    assert decode("“quoted” – done".encode("cp1252")) == "“quoted” – done"


def test_markdown_reads_as_rendered(fixtures_dir: Path) -> None:
    document = parse(fixtures_dir / "terms.md")
    assert document.format == "markdown"
    assert document.title == "Sample Terms"
    text = document.text
    for syntax in ("**", "<span", "](", "&amp;", "## ", "|---"):
        assert syntax not in text
    assert "The Recipient shall keep the Purpose and all Confidential Information secret & safe." in text
    assert "2. Second duty." in text  # "1." "1." renders as 1, 2
    assert any(c.in_table and c.text == "Term | 2 years" for c in document.clauses)


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**Bold** and __strong__", "Bold and strong"),
        ("*em* and _em_ but snake_case_name", "em and em but snake_case_name"),
        ("[Section 5](#s5) applies", "Section 5 applies"),
        ('<span class="coverpage_link">Purpose</span>', "Purpose"),
        ("AT&amp;T &ldquo;x&rdquo;", "AT&T “x”"),
    ],
)
def test_markdown_clean_inline(markdown: str, plain: str) -> None:
    assert clean_inline(markdown) == plain
