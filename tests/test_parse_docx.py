"""DOCX: Word automatic numbering, tracked changes, tables, parts kept out of clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.parse import parse
from clauses.parse.numbering import format_number


@pytest.fixture(scope="module")
def numbered(fixtures_dir: Path):
    return parse(fixtures_dir / "numbered.docx")


def test_docx_automatic_numbering_as_word_shows_it(numbered) -> None:
    numbers = [c.number for c in numbered.clauses if c.number]
    assert numbers == [
        "Article I",
        "1",
        "1.1",
        "1.2",
        "1.2(a)",
        "1.2(b)",
        "1.2(c)",
        "1.2(c)(i)",
        "1.2(c)(ii)",
        "1.3",
        "2",
        "2.1",
        "1",
    ]
    by_number = {c.number: c for c in numbered.clauses}
    assert by_number["1.2(b)"].text.startswith("(b) notify")
    assert by_number["1.2(c)(ii)"].level == 3
    assert by_number["1.1"].text.startswith('1.1 "Confidential Information"')


def test_docx_restart_with_start_override(numbered) -> None:
    restarted = [c for c in numbered.clauses if c.text.startswith("1. Contacts")]
    assert len(restarted) == 1 and restarted[0].heading == "Schedule of Contacts"


def test_docx_tracked_changes_read_as_accepted(numbered) -> None:
    assert "within 72 hours of becoming aware" in numbered.text
    assert "30 days" not in numbered.text


@pytest.mark.parametrize("secret", ["HEADERSECRET", "FOOTERSECRET", "COMMENTSECRET", "DELETEDSECRET"])
def test_docx_other_parts_stay_out_of_text(numbered, secret: str) -> None:
    assert secret not in numbered.text


def test_docx_table_rows_are_clauses(numbered) -> None:
    rows = [c for c in numbered.clauses if c.in_table]
    assert [r.text for r in rows] == ["Party | Contact", "Acme | legal@acme.example"]


def test_docx_bullets_headings_title_parties(numbered) -> None:
    assert any(c.text.startswith("• Security measures") and not c.number for c in numbered.clauses)
    assert numbered.title == "Mutual Confidentiality Agreement"
    assert numbered.parties == ('Acme Widgets Ltd ("Acme")', 'Beta Analytics LLC ("Beta")')
    assert "Confidential Information" in numbered.defined_terms
    assert numbered.format == "docx"


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (3, "decimal", "3"),
        (2, "lowerLetter", "b"),
        (28, "lowerLetter", "bb"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (7, "decimalZero", "07"),
    ],
)
def test_numbering_format_number(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown
