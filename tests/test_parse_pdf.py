"""PDF: pages, running headers and footers, hyphenation, encryption, scans, damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.errors import CorruptError, EncryptedError, ScannedError
from clauses.parse import parse
from clauses.parse.pdf import garbled, strip_running_lines


@pytest.fixture(scope="module")
def multipage(fixtures_dir: Path):
    return parse(fixtures_dir / "multipage.pdf")


def test_pdf_running_header_and_page_numbers_removed(multipage) -> None:
    assert multipage.pages == 3
    assert "Draft 2" not in multipage.text
    assert "Page 1 of 3" not in multipage.text and "of 3" not in multipage.text


def test_pdf_hyphen_at_line_end_rejoined(multipage) -> None:
    assert "confidential information using" in multipage.text
    assert "confiden-" not in multipage.text


def test_pdf_clause_numbers_and_pages(multipage) -> None:
    pages = {c.number: c.page for c in multipage.clauses if c.number}
    assert pages == {"1": 1, "2": 1, "2.1": 1, "2.2": 2, "2.2(a)": 2, "2.2(b)": 2, "3": 2, "4": 3}
    clause = next(c for c in multipage.clauses if c.number == "2.2")
    assert "non-disclosure obligations" in clause.text  # real hyphens stay


def test_pdf_encrypted_needs_password(fixtures_dir: Path) -> None:
    with pytest.raises(EncryptedError, match="pass --password"):
        parse(fixtures_dir / "encrypted.pdf")
    with pytest.raises(EncryptedError, match="does not open"):
        parse(fixtures_dir / "encrypted.pdf", password="wrong")
    document = parse(fixtures_dir / "encrypted.pdf", password="secret")
    assert "MUTUAL NON-DISCLOSURE AGREEMENT" in document.text


def test_pdf_without_text_layer_is_scanned(fixtures_dir: Path) -> None:
    with pytest.raises(ScannedError, match="OCR"):
        parse(fixtures_dir / "scanned.pdf")


@pytest.mark.parametrize("name", ["truncated.pdf", "garbage.pdf"])
def test_pdf_damaged_is_corrupt(fixtures_dir: Path, name: str) -> None:
    with pytest.raises(CorruptError):
        parse(fixtures_dir / name)


def test_pdf_garbled_detects_shifted_glyphs() -> None:
    shifted = "\x03".join(["7KLV", "DJUHHPHQW", "EHWZHHQ", "WKH", "SDUWLHV"] * 20)
    assert garbled(shifted)
    assert not garbled("This agreement is made between the parties. " * 20)


def test_pdf_strip_running_lines_keeps_body() -> None:
    pages = [
        ["ACME CONFIDENTIAL", f"Body line {n}", "unique text here", f"Page {n} of 3"] for n in range(1, 4)
    ]
    assert strip_running_lines(pages) == [
        ["Body line 1", "unique text here"],
        ["Body line 2", "unique text here"],
        ["Body line 3", "unique text here"],
    ]
