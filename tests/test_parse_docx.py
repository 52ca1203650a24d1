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


def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of a DOCX with ``change(name, data) -> (name, data) | None`` applied to every part."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            changed = change(item.filename, old.read(item.filename))
            if changed is not None:
                new.writestr(*changed)
    return target


def test_docx_main_part_found_through_relationships(fixtures_dir: Path, tmp_path: Path, numbered) -> None:
    def move(name: str, data: bytes):
        if name == "word/document.xml":
            return "word/main.xml", data
        if name == "word/_rels/document.xml.rels":
            return "word/_rels/main.xml.rels", data
        return name, data.replace(b"/word/document.xml", b"/word/main.xml").replace(
            b'Target="word/document.xml"', b'Target="word/main.xml"'
        )

    moved = parse(_rewrite(fixtures_dir / "numbered.docx", tmp_path / "moved.docx", move))
    assert moved.text == numbered.text
    assert [c.number for c in moved.clauses] == [c.number for c in numbered.clauses]


def test_docx_styles_read_once_per_distinct_part(fixtures_dir: Path, tmp_path: Path, numbered) -> None:
    from clauses.parse import docx as backend

    backend._styles_cache.clear()
    copy = _rewrite(fixtures_dir / "numbered.docx", tmp_path / "copy.docx", lambda n, d: (n, d))
    first, second = parse(fixtures_dir / "numbered.docx"), parse(copy)
    assert len(backend._styles_cache) == 1  # same template, one entry
    assert [c.number for c in second.clauses] == [c.number for c in first.clauses]

    def rename_styles(name: str, data: bytes):
        # A different styles part must be read, not served from the cache.
        return (
            (name, data.replace(b'w:val="heading', b'w:val="plain'))
            if name == "word/styles.xml"
            else (name, data)
        )

    parse(_rewrite(fixtures_dir / "numbered.docx", tmp_path / "renamed.docx", rename_styles))
    assert len(backend._styles_cache) == 2
    newest = list(backend._styles_cache.values())[-1]
    assert "plain 1" in newest.names.values() and "heading 1" not in newest.names.values()


@pytest.mark.parametrize(
    ("part", "prolog"),
    [
        ("word/settings.xml", b""),  # a part the reader never parses: the redline copies it
        ("word/document.xml", b"<!-- " + b"x" * 10_000 + b" -->"),  # DOCTYPE after a long comment
        ("word/document.xml", b"<?pi data?>\n<!-- a -->\n"),
    ],
)
def test_docx_entity_declaration_anywhere_in_the_prolog_is_refused(
    fixtures_dir: Path, tmp_path: Path, part: str, prolog: bytes
) -> None:
    from clauses.errors import UnsafeInputError

    def declare(name: str, data: bytes):
        if name != part:
            return name, data
        return name, data.replace(b"?>", b"?>" + prolog + b'<!DOCTYPE x [<!ENTITY boom "BOOM">]>', 1)

    hostile = _rewrite(fixtures_dir / "numbered.docx", tmp_path / "hostile.docx", declare)
    with pytest.raises(UnsafeInputError, match=part.replace(".", r"\.")):
        parse(hostile)


def test_docx_prolog_without_declaration_is_read(fixtures_dir: Path, tmp_path: Path, numbered) -> None:
    def comment(name: str, data: bytes):
        if not name.endswith(".xml"):
            return name, data
        return name, data.replace(b"?>", b"?>\n<!-- " + b"y" * 10_000 + b" -->", 1)

    commented = parse(_rewrite(fixtures_dir / "numbered.docx", tmp_path / "commented.docx", comment))
    assert commented.text == numbered.text


def _paragraph_texts(path: Path) -> list[str]:
    """Text of every w:p of the main part in document order, as Clause.source counts them."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(w + "body")
    return ["".join(t.text or "" for t in p.iter(w + "t")) for p in body.iter(w + "p")]


def test_docx_clause_source_points_at_its_paragraphs(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("")  # empty paragraphs count as positions but make no clause
    document.add_heading("Confidentiality", level=1)
    document.add_paragraph("The Recipient shall keep the information secret.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Party"
    table.cell(0, 1).text = "Acme Ltd"
    table.cell(1, 0).text = "Signed"
    table.cell(1, 1).text = "Jane Roe"
    document.add_paragraph("")
    document.add_paragraph("2. Term. This Agreement lasts two years.")
    path = tmp_path / "source.docx"
    document.save(path)

    texts = _paragraph_texts(path)
    parsed = parse(path)
    assert all(c.source for c in parsed.clauses)
    heading = next(c for c in parsed.clauses if c.heading == "Confidentiality")
    # the heading absorbed the paragraph under it: both positions are kept, in order
    assert [texts[i] for i in heading.source] == [
        "Confidentiality",
        "The Recipient shall keep the information secret.",
    ]
    row = next(c for c in parsed.clauses if c.in_table and "Jane Roe" in c.text)
    assert texts[row.source[0]] == "Signed"
    term = next(c for c in parsed.clauses if c.text.startswith("2. Term"))
    assert texts[term.source[0]] == "2. Term. This Agreement lasts two years."
    assert term.source[0] == len(texts) - 1


def test_docx_clause_source_in_reading_order(numbered) -> None:
    firsts = [c.source[0] for c in numbered.clauses]
    assert firsts == sorted(firsts) and len(set(firsts)) == len(firsts)
