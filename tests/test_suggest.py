"""clauses.suggest: wording in the contract's own terms, thresholds in words, placement."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from report_fixtures import build_document, document_from_docx, write_contract_docx

from clauses.datamodel import Clause, Document
from clauses.elements import element_ids
from clauses.resources import data_dir
from clauses.segment.vocabulary import infer_vocabulary
from clauses.suggest import (
    count_words,
    next_number,
    number_words,
    sequence_suggestions,
    suggest,
)

VENDOR = {"min_survival_years": 3.0, "max_notice_hours": 72.0}
NDA = {"min_survival_years": 2, "max_notice_hours": 72}


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = write_contract_docx(tmp_path_factory.mktemp("suggest") / "nda.docx")
    return document_from_docx(path)


def _document(texts: list[str], terms: tuple[str, ...], title: str = "Agreement") -> Document:
    document = build_document(texts, "x.txt", "text", b"x")
    document = Document(
        path=document.path,
        format="text",
        sha256=document.sha256,
        text=document.text,
        pages=None,
        title=title,
        parties=(),
        defined_terms=terms,
        clauses=document.clauses,
    )
    return replace(document, vocabulary=infer_vocabulary(document))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "zero"),
        (1, "one"),
        (3, "three"),
        (12, "twelve"),
        (20, "twenty"),
        (72, "seventy-two"),
        (100, "one hundred"),
        (168, "one hundred and sixty-eight"),
        (1000, "one thousand"),
    ],
)
def test_suggest_number_words(value: int, words: str) -> None:
    assert number_words(value) == words


def test_suggest_count_words_units() -> None:
    assert count_words(72, "hour") == "seventy-two (72) hours"
    assert count_words(3.0, "year") == "three (3) years"
    assert count_words(1, "year") == "one (1) year"
    assert count_words(1.5, "year") == "eighteen (18) months"


def test_suggest_every_element_renders_both_variants(contract: Document) -> None:
    names = sorted(p.name for p in data_dir("templates").glob("*.j2"))
    assert names == sorted(f"{e}.j2" for e in element_ids())
    for element in element_ids():
        for weak in (False, True):
            result = suggest(
                contract, element, profile_thresholds=NDA, weak=weak, reason="test", evidence_clause_id=None
            )
            assert result.element == element
            assert len(result.text) > 120 and "{" not in result.text and "  " not in result.text
            assert result.text[0].isupper() and result.text.endswith(".")


def test_suggest_templates_carry_no_stray_survival_period(contract: Document) -> None:
    """Only the survival wording may read as a survival period.

    An inserted audit clause "once in any twelve (12) month period (or at any time following a
    breach)" was read as confidentiality surviving one year, so accepting the redline made the
    survival element weak again.
    """
    from clauses.detect.quantities import survival_periods

    for element in element_ids():
        for weak in (False, True):
            text = suggest(
                contract, element, profile_thresholds=NDA, weak=weak, reason="test", evidence_clause_id=None
            ).text
            if element != "post_termination":
                assert survival_periods(text) == (), (element, weak)


def test_suggest_breach_notice_wording_reads_as_its_deadline(contract: Document) -> None:
    """Both breach-notice wordings state the profile's deadline in words the notice reader takes.

    The weak wording ("any notice that the Recipient is required to give ... shall be given ... no
    later than 72 hours") once read as no deadline at all, so accepting a redline left the element
    weak.
    """
    from clauses.detect.quantities import effective_notice_hours, notice_windows

    for weak in (False, True):
        text = suggest(
            contract, "breach_notice", profile_thresholds=NDA, weak=weak, reason="", evidence_clause_id=None
        ).text
        hours, _ = effective_notice_hours(notice_windows(text))
        assert hours == NDA["max_notice_hours"], (weak, text)


def test_suggest_uses_the_contracts_own_terms(contract: Document) -> None:
    text = suggest(
        contract,
        "breach_notice",
        profile_thresholds=VENDOR,
        weak=False,
        reason="missing",
        evidence_clause_id=None,
    ).text
    assert "The Recipient shall notify the Company" in text
    assert "the Company's Confidential Information" in text
    assert "seventy-two (72) hours" in text
    assert "Receiving Party" not in text and "Disclosing Party" not in text


def test_suggest_thresholds_for_vendor_profile(contract: Document) -> None:
    text = suggest(
        contract,
        "post_termination",
        profile_thresholds=VENDOR,
        weak=True,
        reason="survives one year",
        evidence_clause_id="c0008",
    ).text
    assert "not less than three (3) years" in text
    assert text.startswith("Survival. Notwithstanding")


def test_suggest_weak_breach_notice_adds_outer_limit(contract: Document) -> None:
    weak = suggest(
        contract,
        "breach_notice",
        profile_thresholds=NDA,
        weak=True,
        reason="as soon as practicable",
        evidence_clause_id=None,
    ).text
    assert "no later than seventy-two (72) hours" in weak


def test_suggest_proprietary_information_and_mutual_roles() -> None:
    document = _document(
        ["MUTUAL NON-DISCLOSURE AGREEMENT", "1. Definitions", '1.1 "Proprietary Information" means ...'],
        ("Proprietary Information", "Disclosing Party", "Receiving Party"),
    )
    vocabulary = infer_vocabulary(document)
    assert (vocabulary.ci, vocabulary.mutual) == ("Proprietary Information", True)
    text = suggest(
        document, "safeguards", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    ).text
    assert "The Receiving Party shall protect the Disclosing Party's Proprietary Information" in text


def test_suggest_generic_mutual_wording() -> None:
    document = _document(
        ["CONFIDENTIALITY AGREEMENT", "1. Each party shall keep the other party's information confidential."],
        ("Evaluation Material",),
    )
    vocabulary = infer_vocabulary(document)
    assert (vocabulary.recipient, vocabulary.discloser) == ("each party", "the other party")
    text = suggest(
        document, "third_party", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    ).text
    assert text.startswith(
        "Restrictions on Disclosure. Each party shall hold the other party's Evaluation Material"
    )


def test_suggest_placement_after_confidentiality_section(contract: Document) -> None:
    result = suggest(
        contract, "remedies", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    )
    last = next(c for c in contract.clauses if c.number == "2.4")
    assert (result.number, result.insert_after) == ("2.5", last.id)
    assert result.placement == "after Section 2.4 (Confidentiality)"


def test_suggest_placement_lettered_items() -> None:
    clauses = (
        "7. Confidentiality",
        "7.1 The Recipient shall keep it secret.",
        "7.2 The Recipient shall not:",
        "(a) copy it;",
        "(b) sell it;",
        "(c) publish it;",
        "(d) reverse engineer it.",
        "8. Term",
        "8.1 One year.",
    )
    document = _document(list(clauses), ("Recipient", "Company"))
    items = []
    for clause in document.clauses:
        number = clause.text.split(" ")[0] if clause.text.startswith("(") else clause.number
        heading = "Confidentiality" if clause.text[:1] in "7(" else "Term"
        items.append(
            Clause(
                id=clause.id,
                number=number,
                heading=heading,
                text=clause.text,
                start=clause.start,
                end=clause.end,
                level=2 if "(" in number else 1,
            )
        )
    document = Document(
        path="x",
        format="text",
        sha256="0" * 64,
        text=document.text,
        pages=None,
        title="",
        parties=(),
        defined_terms=("Recipient", "Company"),
        clauses=tuple(items),
    )
    result = suggest(
        document, "remedies", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    )
    # A provision of its own after the list, not an item "(e)" of what the Recipient "shall not" do.
    assert result.number == "7.3"
    assert result.insert_after == items[6].id


def test_suggest_placement_new_section_before_signatures() -> None:
    document = _document(
        [
            "1. Services",
            "1.1 The Supplier shall provide the services.",
            "2. Fees",
            "2.1 The Customer shall pay.",
            "IN WITNESS WHEREOF the parties sign.",
        ],
        ("Supplier", "Customer"),
    )
    result = suggest(
        document, "data_protection", profile_thresholds=VENDOR, weak=False, reason="", evidence_clause_id=None
    )
    assert (result.number, result.insert_after) == ("3.", None)
    assert result.placement == "before the signature block"
    assert "the Supplier processes personal data on behalf of the Customer" in result.text


@pytest.mark.parametrize(
    ("number", "parent", "expected"),
    [
        ("7.4", "", "7.5"),
        ("7.4.", "", "7.5."),
        ("7.2(d)", "", "7.2(e)"),
        ("(d)", "7.2", "7.2(e)"),
        ("(iv)", "", "(v)"),
        ("12.", "", "13."),
        ("Section 7", "", "Section 8"),
        ("Section 5.05", "", "Section 5.06"),
        ("1.09", "", "1.10"),
        ("Section 09", "", "Section 10"),
        ("Article IV", "", ""),
    ],
)
def test_suggest_next_number(number: str, parent: str, expected: str) -> None:
    assert next_number(number, parent) == expected


def test_suggest_sequence_gives_distinct_numbers(contract: Document) -> None:
    items = [
        suggest(contract, e, profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None)
        for e in ("remedies", "audit", "personnel")
    ]
    numbered = sequence_suggestions(items)
    assert [s.number for s in numbered] == ["2.5", "2.6", "2.7"]
    # Placement names the original's section, never 2.5, which exists only in another suggestion.
    assert {s.placement for s in numbered} == {"after Section 2.4 (Confidentiality)"}


def test_suggest_without_templates_dir_fails_loudly(contract: Document, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no_such"):
        suggest(contract, "no_such", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None)


def test_suggest_document_without_vocabulary_uses_generic_roles() -> None:
    document = _document(["1. Term", "The Recipient keeps it secret."], ("Recipient",))
    document = replace(document, vocabulary=None)
    text = suggest(
        document, "third_party", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    ).text
    assert "Each party shall hold the other party's Confidential Information" in text


def test_suggest_vocabulary_is_read_once_by_segmentation(tmp_path: Path) -> None:
    from clauses.parse import parse

    path = tmp_path / "nda.txt"
    path.write_text(
        'MUTUAL NON-DISCLOSURE AGREEMENT\n\n1. "Evaluation Material" means all information disclosed.\n',
        encoding="utf-8",
    )
    document = parse(path)
    assert document.vocabulary is not None
    assert (document.vocabulary.ci, document.vocabulary.mutual) == ("Evaluation Material", True)


def test_suggest_placement_never_after_the_documents_own_title() -> None:
    # A plain-text NDA whose title heads its preamble and whose sections carry no heading:
    # "NON-DISCLOSURE AGREEMENT" names the contract, not a section, so a new clause goes
    # at the end, numbered after the last section, not between the title and section 1.
    from clauses.segment import plain_document

    text = (
        "NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made between Alder Mills Ltd (\"Discloser\") and "
        "Birch Analytics LLC (\"Recipient\").\n\n"
        "1. \"Confidential Information\" means all information that Discloser gives Recipient.\n\n"
        "2. Recipient shall not disclose the Confidential Information to any third party.\n\n"
        "3. This Agreement is governed by the laws of England.\n"
    )
    document = plain_document(text, path="nda.txt", fmt="text", sha256="")
    assert document.title == "NON-DISCLOSURE AGREEMENT"
    suggestion = suggest(
        document, "remedies", profile_thresholds={}, weak=False, reason="", evidence_clause_id=None
    )
    assert suggestion.insert_after is None and suggestion.number == "4"
    assert suggestion.placement == "at the end of the agreement"


def test_suggest_placement_names_the_heading_of_the_section_it_cites() -> None:
    # SEC-style sections each carry their own heading: the new clause goes after the article's
    # last section, and the placement names that section's heading, not the first one's.
    from clauses.segment import plain_document

    text = (
        "STOCK PURCHASE AGREEMENT\n\n"
        "Section 5.01 Conduct of Business. Until the Closing the Seller shall run the business as usual.\n\n"
        "Section 5.02 Confidentiality. The Buyer shall hold in confidence all Confidential Information "
        "of the Seller and shall not disclose it to any third party.\n\n"
        "Section 5.03 Notice of Certain Events. The Seller shall notify the Buyer of any material change.\n\n"
        "Section 6.01 Conditions. The obligations of the Buyer are subject to the conditions below.\n"
    )
    document = plain_document(text, path="spa.txt", fmt="text", sha256="")
    result = suggest(
        document, "breach_notice", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    )
    assert result.number == "Section 5.04"
    assert result.placement == "after Section 5.03 (Notice of Certain Events)"


def test_suggest_placement_runs_an_article_over_its_sections() -> None:
    # "ARTICLE VIII / CONFIDENTIALITY" over "Section 8.01", "Section 8.02": the article's
    # sections are one section with it, so the new clause is Section 8.03 after 8.02, not an
    # unnumbered paragraph between the article's heading and its first section.
    from clauses.segment import plain_document

    text = (
        "FILM LICENSE AGREEMENT\n\n"
        "ARTICLE VII\n\nDELIVERY\n\n"
        "Section 7.01. Delivery. Licensor shall deliver the Pictures on the Delivery Date.\n\n"
        "ARTICLE VIII\n\nCONFIDENTIALITY\n\n"
        "Section 8.01. Terms. Each party shall hold in confidence the terms of this Agreement and "
        "shall not disclose them to any third party.\n\n"
        "Section 8.02. Publicity. Neither party shall issue a press release without consent.\n\n"
        "ARTICLE IX\n\nMISCELLANEOUS\n\n"
        "Section 9.01. Notices. Notices shall be in writing.\n"
    )
    document = plain_document(text, path="film.txt", fmt="text", sha256="")
    result = suggest(
        document, "remedies", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    )
    assert result.number.startswith("Section 8.03")
    assert result.placement.startswith("after Section 8.02")


LETTER = (
    "FENWAY HOLDINGS INC.\n\nPERSONAL AND CONFIDENTIAL\n\nMs. Ada Quist\n12 Elm Row\n\n"
    "Dear Ms. Quist:\n\n"
    "1. You will keep the Evaluation Material secret and will not disclose it to anyone.\n\n"
    "2. You will use the Evaluation Material only to evaluate the transaction.\n\n"
    "3. This letter is governed by the laws of the State of Ohio.\n\n"
    "If the foregoing is in accordance with your understanding, kindly sign and return a copy.\n\n"
    "Very truly yours,\n\nFENWAY HOLDINGS INC.\n\nBy: ____________\n\ncc: Counsel\n"
)


def test_suggest_placement_in_a_letter_goes_after_its_last_paragraph_not_its_marking() -> None:
    # "PERSONAL AND CONFIDENTIAL" marks the letter, it heads no section; the new paragraph is
    # the next number, before the request to sign and the closing, not after the "cc:" line.
    from clauses.segment import plain_document

    document = plain_document(LETTER, path="letter.txt", fmt="text", sha256="")
    result = suggest(
        document, "remedies", profile_thresholds=NDA, weak=False, reason="", evidence_clause_id=None
    )
    assert result.insert_after is None and result.number == "4"
    assert result.placement == "before the signature block"


@pytest.mark.parametrize(
    "line",
    [
        "Very truly yours,",
        "Yours faithfully,",
        "ACCEPTED AND AGREED TO:",
        "Agreed and accepted",
        "If the foregoing correctly sets out our agreement, please sign below.",
        "Kindly countersign",
    ],
)
def test_suggest_a_letters_closing_starts_its_signature_block(line: str) -> None:
    from clauses.segment.labels import SIGNATURE_LINE

    assert SIGNATURE_LINE.match(line)


@pytest.mark.parametrize(
    ("heading", "marking"),
    [
        ("PERSONAL AND CONFIDENTIAL", True),
        ("Strictly Private & Confidential", True),
        ("CONFIDENTIAL - SUBJECT TO CONTRACT", True),
        ("Confidentiality", False),
        ("Confidential Information", False),
        ("Confidential Treatment", False),
    ],
)
def test_suggest_a_confidential_marking_is_no_section(heading: str, marking: bool) -> None:
    from clauses.segment.labels import CONFIDENTIAL_MARKING

    assert bool(CONFIDENTIAL_MARKING.match(heading)) is marking
