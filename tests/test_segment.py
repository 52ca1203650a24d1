"""Segmentation: numbering as a reader sees it, headings, offsets, paragraphs."""

from __future__ import annotations

import pytest

from clauses.segment import Block, build_document, plain_document, segment_text
from clauses.segment.labels import cited, parse_label
from clauses.segment.terms import find_defined_terms, find_parties

CONTRACT = """MUTUAL NON-DISCLOSURE AGREEMENT

This Agreement is made between Acme Corp., a Delaware corporation ("Acme"), and Beta LLC,
a New York limited liability company ("Beta").

1. Definitions
"Confidential Information" means all information disclosed by a party.
2. Confidentiality Obligations
2.1 The Recipient shall:
(a) keep it secret;
(b) use it only for the Purpose, except:
(i) as required by law; and
(ii) with consent;
(c) return it on request.
2.2 Return of Materials. The Recipient shall return all copies.
3. Term. This Agreement lasts two years.
ARTICLE IV - GENERAL
Section 5. Notices
(h) by courier;
(i) by email.
"""


def _outline(text: str) -> list[tuple[str, str]]:
    return [(c.number, c.heading) for c in segment_text(text)]


def test_segment_numbers_and_headings() -> None:
    assert _outline(CONTRACT) == [
        ("", "MUTUAL NON-DISCLOSURE AGREEMENT"),
        ("1", "Definitions"),
        ("2", "Confidentiality Obligations"),
        ("2.1", "Confidentiality Obligations"),
        ("2.1(a)", "Confidentiality Obligations"),
        ("2.1(b)", "Confidentiality Obligations"),
        ("2.1(b)(i)", "Confidentiality Obligations"),
        ("2.1(b)(ii)", "Confidentiality Obligations"),
        ("2.1(c)", "Confidentiality Obligations"),
        ("2.2", "Return of Materials"),
        ("3", "Term"),
        ("Article IV", "GENERAL"),
        ("Section 5", "Notices"),
        ("Section 5(h)", "Notices"),
        ("Section 5(i)", "Notices"),
    ]


def test_segment_heading_absorbs_body_and_offsets_hold() -> None:
    clauses = segment_text(CONTRACT)
    first = clauses[1]
    assert first.text.startswith('1. Definitions\n"Confidential Information" means')
    for clause in clauses:
        assert CONTRACT[clause.start : clause.end] == clause.text
        assert clause.text.strip() == clause.text and clause.text
    assert [c.id for c in clauses[:3]] == ["c0001", "c0002", "c0003"]
    assert all(a.end <= b.start for a, b in zip(clauses, clauses[1:], strict=False))


def test_segment_sub_item_text_starts_with_own_label() -> None:
    clause = next(c for c in segment_text(CONTRACT) if c.number == "2.1(b)(ii)")
    assert clause.text.startswith("(ii) with consent")
    assert clause.level == 3


@pytest.mark.parametrize(
    ("text", "display", "style"),
    [
        ("7.2 The Recipient", "7.2", "decimal"),
        ("7.2.1 Sub", "7.2.1", "decimal"),
        ("5.3(b) Text", "5.3(b)", "decimal"),
        ("1. Purpose", "1", "decimal"),
        ("(b) keep", "(b)", "lower_letter_paren"),
        ("(iv) fourth", "(iv)", "lower_roman_paren"),
        ("b) keep", "b)", "lower_letter_rparen"),
        ("A. DEFINITIONS", "A", "upper_letter_dot"),
        ("Section 5. Notices", "Section 5", "article"),
        ("ARTICLE IV", "Article IV", "article"),
        ("Article 3 - Term", "Article 3", "article"),
        ("• bullet", "", "bullet"),
    ],
)
def test_segment_parse_label(text: str, display: str, style: str) -> None:
    label = parse_label(text)
    assert label is not None and (label.display, label.style) == (display, style)


@pytest.mark.parametrize(
    "text", ["Section 5 of this Agreement applies.", "30 days after", "2019 was a year", "U.S. law applies"]
)
def test_segment_parse_label_rejects_references(text: str) -> None:
    assert parse_label(text) is None


def test_segment_roman_after_h_is_a_letter() -> None:
    numbers = [c.number for c in segment_text("1. List\n(g) g\n(h) h\n(i) i\n(j) j\n")]
    assert numbers == ["1", "1(g)", "1(h)", "1(i)", "1(j)"]


def test_segment_hard_wrapped_text_rejoined() -> None:
    line = "The Recipient shall protect the information with reasonable care and"
    text = "\n".join(
        [
            line,
            "shall not disclose it.",
            "",
            "1. Term",
            "This lasts two years",
            "from the date of signature.",
            "",
        ]
        + [line] * 4
    )
    clauses = segment_text(text)
    assert clauses[0].text == f"{line}\nshall not disclose it."
    assert clauses[1].number == "1" and clauses[1].text.endswith("signature.")


def test_segment_unnumbered_long_paragraphs_are_separate() -> None:
    text = "First paragraph is long enough.\nSecond paragraph is also here.\n"
    assert [c.text for c in segment_text(text)] == [
        "First paragraph is long enough.",
        "Second paragraph is also here.",
    ]


@pytest.mark.parametrize(
    "parenthetical",
    ['("Recipient").', '(the "Supplier"), a company of England.', "(hereinafter “the Buyer”)."],
)
def test_segment_defined_term_parenthetical_line_joins_the_line_before(parenthetical: str) -> None:
    """A short, unwrapped preamble broken before its defined-term parenthetical is one paragraph,
    not a clause of its own read as a heading."""
    preamble = f"This Agreement is made between Alpha Ltd and Beta Inc\n{parenthetical}"
    clauses = segment_text(f"{preamble}\n\n1. Term\nIt lasts one year.\n")
    assert clauses[0].text == preamble
    assert clauses[0].heading == ""
    assert [c.number for c in clauses[1:]] == ["1"]


def test_segment_list_label_line_is_not_a_parenthetical() -> None:
    text = "The Recipient may disclose it\n(a) to its advisers;\n(b) to its auditors.\n"
    assert [c.number for c in segment_text(text)][-2:] == ["(a)", "(b)"]


def test_segment_build_document_from_blocks() -> None:
    blocks = [
        Block("Terms", heading=True, level=0),
        Block("1. Scope", number="1."),
        Block("(a) first item", number="(a)"),
        Block("A | B", in_table=True),
    ]
    document = build_document(blocks, path="x.docx", fmt="docx", sha256="0")
    assert [c.number for c in document.clauses] == ["", "1", "1(a)", ""]
    assert document.clauses[-1].in_table
    for clause in document.clauses:
        assert document.text[clause.start : clause.end] == clause.text


def test_terms_parties_and_defined_terms() -> None:
    assert find_parties(CONTRACT[:300]) == ('Acme Corp. ("Acme")', 'Beta LLC ("Beta")')
    text = (
        'This Agreement (the “Agreement”) ... hereinafter "Discloser" ... '
        '\n"Confidential Information" means ... the Receiving Party (“Recipient”).'
    )
    assert find_defined_terms(text) == ("Agreement", "Discloser", "Confidential Information", "Recipient")


def test_segment_source_is_paragraph_ordinal_for_plain_text() -> None:
    from clauses.segment import segment_text

    text = "1. Scope\n\nThe Recipient shall keep it secret.\n\n2. Term\n\nTwo years."
    clauses = segment_text(text)
    assert [c.source for c in clauses] == [(0, 1), (2, 3)]


def test_segment_parent_heading_is_the_section_above() -> None:
    text = (
        "MUTUAL NDA\n\n7. Confidentiality\n\n7.1 Survival. The duties survive.\n\n"
        "7.2 The Recipient shall keep it secret.\n\n8. Remedies\n\nEither party may seek an injunction.\n"
    )
    clauses = {c.number: c for c in plain_document(text, path="x.txt", fmt="text", sha256="").clauses}
    assert (clauses["7.1"].heading, clauses["7.1"].parent_heading) == ("Survival", "Confidentiality")
    assert (clauses["7.2"].heading, clauses["7.2"].parent_heading) == ("Confidentiality", "")
    assert (clauses["8"].heading, clauses["8"].parent_heading) == ("Remedies", "")


def test_segment_ends_sentence_as_the_regex() -> None:
    import random

    from clauses.segment.labels import SENTENCE_END, ends_sentence

    rng = random.Random(3)
    alphabet = ".;:!?\"'”’)]a (\n"
    found = set()
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        found.add(ends_sentence(text))
        assert ends_sentence(text) == (SENTENCE_END.search(text) is not None), repr(text)
    assert found == {True, False}


def test_segment_incorporation_skips_a_pattern_only_without_its_word() -> None:
    import re

    from clauses.segment.incorporation import _NEEDS, _PATTERNS

    assert len(_NEEDS) == len(_PATTERNS)
    for pattern, needed in zip(_PATTERNS, _NEEDS, strict=True):
        assert needed in pattern.pattern and not pattern.flags & re.IGNORECASE


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("7.2", "Section 7.2"),
        ("12.", "Section 12"),
        ("Section 5.03", "Section 5.03"),
        ("SECTION 9.", "SECTION 9"),
        ("Article IV", "Article IV"),
        ("Clause 14.1", "Clause 14.1"),
        ("§ 3", "§ 3"),
    ],
)
def test_cited_names_a_number_once(number: str, expected: str) -> None:
    # SEC exhibits print "Section 5.03" as the number itself: prefixing it again read
    # "Section Section 5.03" in every report.
    assert cited(number) == expected


def test_cited_lowercase_word_for_reasons() -> None:
    assert cited("4.1", "section") == "section 4.1"
    assert cited("Section 4.01", "section") == "Section 4.01"


def test_segment_wrapped_capitals_paragraph_stays_one_paragraph() -> None:
    # A paragraph in capitals (a disclaimer, an SEC exhibit) broken at the page width: each
    # line looked like a heading, so every line became a clause of its own.
    from clauses.segment.paragraphs import breaks_paragraph

    lines = [
        "THE RECEIVING PARTY SHALL HOLD THE PROPRIETARY INFORMATION OF THE",
        "DISCLOSING PARTY IN CONFIDENCE AND SHALL NOT DISCLOSE SUCH PROPRIETARY",
        "INFORMATION TO ANY THIRD PARTY.",
    ]
    width = max(map(len, lines))
    assert not breaks_paragraph(lines[0], lines[1], width)
    assert not breaks_paragraph(lines[1], lines[2], width)
    # A short heading in capitals still ends its line's paragraph, and starts one.
    assert breaks_paragraph("CONFIDENTIALITY", lines[0], width)
    assert breaks_paragraph("and the Recipient shall keep it in confidence.", "CONFIDENTIALITY", width)


def test_segment_short_first_line_of_a_numbered_clause_is_no_heading() -> None:
    # On a narrow page the first line of "(a) Position. The Company employs..." holds eight words
    # or fewer, which a numbered heading may; a run-in heading with text after it, or a next
    # line that carries on the sentence in lower case, says it is a wrapped clause.
    from clauses.segment.paragraphs import breaks_paragraph

    width = 60
    assert not breaks_paragraph(
        "(a) Position. The Company hereby employs the Employee", "as Director of Sales, reporting", width
    )
    assert not breaks_paragraph(
        "4.2 Return. Within ten days the Recipient shall", "Return all copies it holds.", width
    )
    assert not breaks_paragraph("3.1 The Supplier shall keep the", "records for six years.", width)
    # Numbered headings still stand alone.
    assert breaks_paragraph("4. Confidential Information", "The Recipient shall keep all", width)
    assert breaks_paragraph("4.2 Return of Materials", "Within ten days the Recipient", width)


def test_segment_bracketed_remark_after_a_sentence_starts_a_paragraph() -> None:
    # A model form's "[Drafting note: ...]" or "[NTD: ...]" under a clause whose last line fills
    # the width was joined to the clause; a bracketed placeholder carries the sentence on.
    from clauses.segment.paragraphs import breaks_paragraph

    prev = "Contractor will promptly deliver to Company all documents that contain any of it."
    width = len(prev)
    assert breaks_paragraph(prev, "[Drafting note: Section 5 omits the usual exceptions; consider", width)
    assert breaks_paragraph(prev, "[NTD: confirm the notice period with the client.]", width)
    assert not breaks_paragraph(prev, "[Company name] shall pay the fees within thirty days of the", width)


def test_segment_a_letters_addressee_heads_no_section() -> None:
    text = (
        "FENWAY HOLDINGS INC.\n\nPERSONAL AND CONFIDENTIAL\n\nMs. Ada Quist\nQUIST MANUFACTURING COMPANY\n"
        "12 Elm Row, Dayton, Ohio\n\nDear Ms. Quist:\n\n1. You will keep the Evaluation Material secret.\n\n"
        "2. You will return the Evaluation Material on request.\n"
    )
    clauses = segment_text(text)
    numbered = [c for c in clauses if c.number]
    assert [c.number for c in numbered] == ["1", "2"]
    assert all(c.heading == "" and c.parent_heading == "" for c in numbered)
    assert next(c for c in clauses if c.text.startswith("Dear")).heading == ""
