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


def _garbled_by_definition(text: str) -> bool:
    """The check as first written, character by character and word by word."""
    import re

    visible = [c for c in text if not c.isspace()]
    if not visible:
        return False
    controls = sum(1 for c in visible if ord(c) < 32)
    words = re.findall(r"\b[A-Za-z]{3,}\b", text)
    voweless = sum(1 for w in words if not re.search(r"[aeiouyAEIOUY]", w))
    return controls > 0.05 * len(visible) or (len(words) >= 50 and voweless > 0.3 * len(words))


def test_pdf_garbled_counts_as_the_character_by_character_definition() -> None:
    import random

    rng = random.Random(7)
    alphabet = "aeiouyAEIOUY" + "bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ" + "0123456789_.,;'-" + "éßØ"
    alphabet += "".join(chr(c) for c in range(32)) + " \u00a0\u2028\u3000\x85"
    vocabulary = ("xyz", "bcd", "the", "QWRT", "Rhythm", "sky", "cat9", "ab")
    seen = set()
    for _ in range(400):
        size = rng.choice((0, 5, 60, 600))
        text = "".join(rng.choice(alphabet) for _ in range(size))
        words = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 90)))
        for sample in (text, words, words + text, words.replace(" ", "\x01")):
            seen.add(_garbled_by_definition(sample))
            assert garbled(sample) == _garbled_by_definition(sample), repr(sample)
    assert seen == {True, False}


def test_pdf_strip_running_lines_keeps_body() -> None:
    pages = [
        ["ACME CONFIDENTIAL", f"Body line {n}", "unique text here", f"Page {n} of 3"] for n in range(1, 4)
    ]
    assert strip_running_lines(pages) == [
        ["Body line 1", "unique text here"],
        ["Body line 2", "unique text here"],
        ["Body line 3", "unique text here"],
    ]


def _strip_by_definition(pages: list[list[str]]) -> list[list[str]]:
    """The removal as first written: every line normalised, dropped when in a zone and running."""
    import math
    import re
    from collections import Counter

    from clauses.parse.pdf import _PAGE_NUMBER, _normal, _zone

    counts: Counter[str] = Counter()
    for lines in pages:
        size = _zone(lines)
        counts.update({_normal(x) for x in lines[:size] + lines[-size:]})
    running = {n for n, c in counts.items() if c >= max(2, math.ceil(0.5 * len(pages)))}
    running = running if len(pages) >= 2 else set()
    cleaned = []
    for lines in pages:
        size = _zone(lines)
        keep = []
        for i, line in enumerate(lines):
            norm = re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.lower())).strip()
            if (i < size or i >= len(lines) - size) and (norm in running or _PAGE_NUMBER.match(norm)):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned


def test_pdf_strip_running_lines_as_the_line_by_line_definition() -> None:
    import random

    rng = random.Random(11)
    vocabulary = ["ACME CONFIDENTIAL", "Page 1 of 3", "Page 2 of 3", "- 4 -", "7", "Body text", "Recitals"]
    vocabulary += ["Draft  2", "unique line", "1. Definitions", ""]
    seen = 0
    for _ in range(600):
        pages = [
            [rng.choice(vocabulary) + rng.choice(("", "", " x", str(rng.randint(1, 9)))) for _ in range(size)]
            for size in (rng.choice((0, 1, 2, 3, 5, 6, 7, 12)) for _ in range(rng.randint(1, 5)))
        ]
        expected = _strip_by_definition(pages)
        seen += expected != pages
        assert strip_running_lines(pages) == expected, pages
    assert seen > 100  # the samples do have running lines to remove


def test_pdf_hyphen_break_as_the_regex() -> None:
    import random
    import re

    from clauses.parse.pdf import _hyphen_break

    rng = random.Random(5)
    pattern = re.compile(r"[A-Za-z]-$")
    for _ in range(3000):
        line = "".join(rng.choice("aZ9é- \n.") for _ in range(rng.randint(0, 5)))
        assert _hyphen_break(line) == (pattern.search(line) is not None), repr(line)


# Word puts a tab between an automatic number and the clause text; LibreOffice prints it as
# a gap without a space character, and PDFium's text gives '1.1"Affiliate" means' and
# '2.1Access.': the number was not read, and the clauses after it were joined to it.
def test_pdf_number_glued_to_its_text_gets_its_space() -> None:
    from clauses.parse.pdf import paragraphs

    page = [
        "2. The Service",
        "2.1Access. Subject to this Agreement, the Provider grants the Customer a",
        "right to use the Service during the Subscription Term.",
        '2.2"Users" means the employees whom the Customer allows to use the',
        "Service.",
        "(a)Records of each access are kept for a year.",
        "(iv)The Customer may ask for them once a year.",
        "2.3A party may not assign the Service.",
    ]
    texts = [b.text for b in paragraphs([page])]
    assert texts[1].startswith("2.1 Access. Subject")
    assert texts[2].startswith('2.2 "Users" means')
    assert texts[3] == "(a) Records of each access are kept for a year."
    assert texts[4].startswith("(iv) The Customer")
    assert texts[5].startswith("2.3 A party may")


def test_pdf_glued_number_space_leaves_figures_and_words_alone() -> None:
    from clauses.parse.pdf import paragraphs

    page = ["1.5x the fees paid in the year before the claim, and no more.", "(s)he will sign."]
    assert [b.text for b in paragraphs([page])][0].startswith("1.5x the fees")
    # A clause inserted between 6.6 and 6.7 is "6.6A", a number of its own.
    page = [
        "6.6 Notices. All notices under this Agreement are in writing and go to the",
        "addresses above.",
        "6.6A Independent Contractors. Each party acts as an independent contractor.",
    ]
    assert [b.text for b in paragraphs([page])][1].startswith("6.6A Independent")


def test_pdf_title_printed_over_two_lines_is_one_title() -> None:
    # A title in a large font wraps: "Mutual Confidentiality" / "Agreement" became two
    # paragraphs, and the document's title was "Agreement".
    from clauses.parse.pdf import paragraphs
    from clauses.segment import build_document

    body = "Between: Alder Ltd and Birch LLP, who agree to keep each other's information secret."
    blocks = paragraphs([["Mutual Confidentiality", "Agreement", body]])
    assert [b.text for b in blocks][:2] == ["Mutual Confidentiality Agreement", body]
    document = build_document(blocks, path="t.pdf", fmt="pdf", sha256="")
    assert document.title == "Mutual Confidentiality Agreement"
    blocks = paragraphs([["NON-DISCLOSURE", "AGREEMENT", body]])
    assert blocks[0].text == "NON-DISCLOSURE AGREEMENT"
    blocks = paragraphs([["Prospective Franchisee", "Confidentiality Agreement", body]])  # balanced
    assert blocks[0].text == "Prospective Franchisee Confidentiality Agreement"


def test_pdf_exhibit_line_above_the_title_stays_apart() -> None:
    from clauses.parse.pdf import paragraphs

    body = "This Agreement is made on 1 May 2024 between the parties named below, who agree."
    for first in ("EXHIBIT 10.14", "Schedule 3", "CONFIDENTIAL"):
        blocks = paragraphs([[first, "SOFTWARE LICENSE AGREEMENT", body]])
        assert [b.text for b in blocks][:2] == [first, "SOFTWARE LICENSE AGREEMENT"]


def test_pdfium_line_break_hyphens_join_syllables_and_keep_compounds() -> None:
    # PDFium marks every hyphen at a line end with U+FFFE, the drafter's ("third-|party") and
    # the typesetter's ("confiden-|tial") alike. "third-party" said once became "thirdparty":
    # a compound of two words the document uses keeps its hyphen, syllables are joined.
    from clauses.parse.pdfium import dehyphenate

    page = (
        "The third\ufffeparty claim and the non\ufffepublic parts are confiden\ufffetial. "
        "A third person, any party, public records and non-exclusive rights. "
        "It is someti\ufffeme when\ufffeever, and whenever it rains, to in\ufffeform the form."
    )
    (text,) = dehyphenate([page])
    assert "third-party claim" in text and "non-public parts" in text
    assert "confidential" in text and "sometime" in text
    assert "whenever, and" in text  # the document spells it as one word
    assert "to inform the" in text  # "in" is a word, but two letters are a syllable


def test_pdf_next_clause_number_after_an_unfinished_line_starts_a_clause() -> None:
    # "3.5 Response times..." after a long line that ends no sentence (a table row, a list
    # without a full stop) was joined to it; the next number of the open list, followed by
    # a capital, starts the clause. A reference wrapped to the line start stays in its sentence.
    from clauses.parse.pdf import paragraphs

    page = [
        "3.4 Target response times for each severity level are in the table below:",
        "Severity 1: two hours; Severity 2: four hours; Severity 3: one business day",
        "3.5 Response times are targets measured from the time a case is logged with",
        "complete information, except as provided in the service levels of Section",
        "3.6 of the Order Form and in the exceptions listed in the Support Policy here",
        "3.6 Service credits are the sole remedy for a missed target, as set out below.",
    ]
    texts = [b.text for b in paragraphs([page])]
    assert [t[:4] for t in texts] == ["3.4 ", "3.5 ", "3.6 "]
    assert "Section 3.6 of the Order Form" in texts[1]


def test_pdfium_number_word_compounds_keep_their_hyphen() -> None:
    # "forty-|eight" said once lost its hyphen ("fortyeight"); "ten|ant" and "one|rous" are
    # syllables whatever "ten" and "one" are.
    from clauses.parse.pdfium import dehyphenate

    page = (
        "within forty\ufffeeight hours, a twelve\ufffemonth period each month, "
        "the ten\ufffeant and an one\uffferous duty."
    )
    (text,) = dehyphenate([page])
    assert "forty-eight hours" in text and "twelve-month period" in text
    assert "the tenant and an onerous duty" in text


def test_pdf_section_reference_wrapped_after_or_stays_in_its_sentence() -> None:
    from clauses.parse.pdf import paragraphs

    page = [
        "8.1 Agency will defend and indemnify Client against any third-party claim, regulatory fine",
        "or loss arising from the Agency's breach of the data protection terms of Section 4 or",
        "Section 5. Client will defend Agency against claims arising from the Client Materials.",
    ]
    assert len(paragraphs([page])) == 1


def test_pdf_next_lettered_number_after_a_full_line_starts_a_clause() -> None:
    # Schedules number "C9." / "C10." or "A.1" / "A.2": after a last line that fills the width
    # the next number of the same letter was joined to the clause before it.
    from clauses.parse.pdf import paragraphs

    page = [
        "C9. Demonstrating compliance. Vendor shall make available all information needed",
        "to show compliance with this Addendum and allow audits once in any twelve months.",
        "C10. Government requests. If a public authority requests access, Vendor shall tell",
        "Company promptly and disclose only the minimum the request requires of it at law.",
        "D.3 Appendix D.2 lists the sub-processors approved on the date of this Addendum.",
    ]
    texts = [b.text for b in paragraphs([page])]
    assert [t[:4] for t in texts] == ["C9. ", "C10."]
