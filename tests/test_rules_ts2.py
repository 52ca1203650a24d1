"""clauses.detect.rules: scope-definition wording met in ContractNLI's train sample, in our own words.

Classes of wording (never one document's sentence), each found where the
train sample's expert annotations and the detector disagreed:
- the defined term followed by where it applies before its verb ("'Confidential
  Information' under this Agreement consists of:", "... for the purposes of this
  Deed comprises");
- scope stated as what the undertakings apply to, with no defined term ("the
  obligations in clauses 2 and 3 apply to all information disclosed by either
  party, in whatever form"): the spec counts it, weak (no defined term);
- the term defined by a marking condition without quotes ("Confidential
  Information shall be defined as any information identified as confidential
  before it is disclosed"): marked-only, weak.
Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5
DESCRIBED = "no defined term: the information is only described"
MARKED = "covers only information marked confidential in writing"

TERM_WITH_PLACE = [
    "“Confidential Information” under this Agreement consists of:",
    '"Proprietary Information" for the purposes of this Deed comprises the following:',
    "'Evaluation Material' in this letter agreement shall mean all data the Company supplies.",
]

UNDERTAKINGS_APPLY = [
    "4. The undertakings in clauses 2 and 3 apply to all information disclosed by either party to the "
    "other, in whatever way or form it is disclosed or recorded, but they do not apply to:",
    "The obligations set out in Section 3 shall apply to any information furnished by the Company to the "
    "Advisor, whether orally, in writing or electronically.",
    "These confidentiality duties extend to all data and materials that one party makes available to the "
    "other in connection with the Project.",
]

DEFINED_BY_MARKING = [
    "For this Agreement, Confidential Information shall be defined as those materials the Owner "
    "expressly labels “Confidential” before it hands them to the other Party.",
    "Proprietary Information is defined as information that the Discloser marks as proprietary at the "
    "time of disclosure.",
]


@pytest.mark.parametrize("text", TERM_WITH_PLACE)
def test_term_with_place_before_verb_defines(text: str) -> None:
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert DESCRIBED not in result.weak_reasons


@pytest.mark.parametrize("text", UNDERTAKINGS_APPLY)
def test_scope_of_the_undertakings_counts_and_is_weak(text: str) -> None:
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert DESCRIBED in result.weak_reasons


def test_undertakings_applying_to_a_defined_term_are_not_a_description() -> None:
    # The duties apply to the defined term: the scope is defined elsewhere, not only described.
    result = apply_rules(
        elements()["definition"],
        "The obligations in Section 3 apply to all Confidential Information disclosed by either party.",
    )
    assert DESCRIBED not in result.weak_reasons


def test_undertakings_applying_to_a_period_are_not_scope() -> None:
    # A look-alike: the duties apply for a time or to persons, not to described information.
    result = apply_rules(
        elements()["definition"],
        "The undertakings in this letter apply for three years from the date of signature.",
    )
    assert result.score < COUNTS


@pytest.mark.parametrize("text", DEFINED_BY_MARKING)
def test_term_defined_by_marking_is_weak(text: str) -> None:
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert MARKED in result.weak_reasons


ESCAPE_WITH_ADVERB = [
    "“Confidential Information” means information received from the Discloser which is marked "
    "“Confidential”, or which would logically be considered confidential given the rest of the disclosure.",
    '"Proprietary Information" means data labelled as proprietary or that would ordinarily be regarded as '
    "proprietary in the trade.",
    "'Confidential Information' includes information identified as confidential and information that "
    "would fairly be deemed confidential by the nature of the project.",
]


@pytest.mark.parametrize("text", ESCAPE_WITH_ADVERB)
def test_marking_with_an_adverbed_escape_is_not_marked_only(text: str) -> None:
    # "would logically/ordinarily be considered confidential" lets unmarked information in, as
    # "would be considered" does: the scope is not only what is marked.
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert MARKED not in result.weak_reasons


def test_marking_alone_stays_marked_only() -> None:
    result = apply_rules(
        elements()["definition"],
        "“Confidential Information” means information which the Discloser marks as confidential and "
        "which would not otherwise be disclosed.",
    )
    assert MARKED in result.weak_reasons


# ---- A marking condition stated apart from the definition (the document-level rule) ----

NDA = """MUTUAL NON-DISCLOSURE AGREEMENT

This Agreement is made between Alder Labs Ltd ("Alder") and Birchwood Systems Inc ("Birchwood").

1. "Confidential Information" means all business, financial and technical information {escape}that one
party discloses to the other in connection with the evaluation of a joint venture.

2. The receiving party shall hold the Confidential Information in strict confidence, shall use it only
for the evaluation and shall not disclose it to any third party without prior written consent.

3. {marking}

4. The obligations in section 2 do not apply to information that is or becomes public through no fault
of the receiving party, or that the receiving party developed independently.

5. On written request the receiving party shall return or destroy all Confidential Information.
"""

MARKING_CONDITIONS = [
    "Any document containing Confidential Information shall be identified by the disclosing party with "
    "the legend \u201cConfidential\u201d placed plainly on its face.",
    "When a writing contains Confidential Information, that writing will, before it is handed over, be "
    "marked by the disclosing party with a suitable proprietary notice.",
    "All Confidential Information must be clearly designated as confidential by the disclosing party at the "
    "time it is disclosed.",
]

NOT_CONDITIONS = [
    # Marking asked of oral disclosures only: written information is covered marked or not.
    "Confidential Information disclosed orally shall be identified as confidential when it is disclosed.",
    # Copies keep the original's legends: a duty of the receiver, not a condition of the scope.
    "Any copies the receiving party makes shall be marked with the same confidentiality legends as the "
    "original.",
]


def _definition_status(marking: str, escape: str = "") -> str:
    from clauses.pipeline import analyze_document
    from clauses.segment import plain_document

    text = NDA.format(marking=marking, escape=escape)
    document = plain_document(text, path="nda.txt", fmt="text", sha256="")
    analysis = analyze_document(document, "nda", suggestions=False)
    return str(next(e for e in analysis.elements if e.element == "definition").status)


@pytest.mark.parametrize("marking", MARKING_CONDITIONS)
def test_marking_condition_apart_from_the_definition_makes_it_weak(marking: str) -> None:
    assert _definition_status(marking) == "weak"


@pytest.mark.parametrize("marking", NOT_CONDITIONS)
def test_oral_or_copy_marking_leaves_the_definition_present(marking: str) -> None:
    assert _definition_status(marking) == "present"


def test_marking_condition_with_an_escape_in_the_definition_is_not_weak() -> None:
    escape = "whether or not marked as confidential, "
    assert _definition_status(MARKING_CONDITIONS[2], escape) == "present"


ESCAPES_BESIDE_THE_CONDITION = [
    # The escape follows the condition in its own clause: unmarked information still counts.
    MARKING_CONDITIONS[2] + " Information not so marked is nonetheless Confidential Information where a "
    "reasonable person would regard it as confidential.",
    MARKING_CONDITIONS[0] + " A failure to mark any item shall not take it outside the Confidential "
    "Information.",
    MARKING_CONDITIONS[1] + " Omitting the notice by mistake does not mean the writing may be disclosed; "
    "the disclosing party's failure to designate it does not affect its protection.",
]


@pytest.mark.parametrize("marking", ESCAPES_BESIDE_THE_CONDITION)
def test_marking_condition_with_an_escape_beside_it_is_not_weak(marking: str) -> None:
    assert _definition_status(marking) == "present"


def test_failure_to_mark_escape_in_the_definition_itself() -> None:
    result = apply_rules(
        elements()["definition"],
        "“Confidential Information” means information the Discloser marks as confidential; the "
        "Discloser's failure to so mark an item does not remove it from this definition.",
    )
    assert MARKED not in result.weak_reasons


@pytest.mark.parametrize("marking", MARKING_CONDITIONS)
def test_marking_condition_with_oral_information_in_the_definition_is_not_weak(marking: str) -> None:
    # The definition lets oral information in: a legend cannot be borne by what is said, so the
    # scope is not only information marked in writing.
    escape = "(whether disclosed orally or in writing) "
    assert _definition_status(marking, escape) == "present"


TECHNICAL_NAMED = [
    'WHEREAS each party holds certain technical information described below, hereinafter referred to as '
    '"Confidential Information";',
    "The engineering data listed in Annex 1 (the \u201cProprietary Information\u201d) will be disclosed for "
    "the evaluation.",
    "Scientific information concerning the Compound, together called the "
    "\u201cConfidential Information\u201d, may be exchanged.",
]


@pytest.mark.parametrize("text", TECHNICAL_NAMED)
def test_technical_information_named_as_the_term_is_technical_only(text: str) -> None:
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert "covers only technical information" in result.weak_reasons


def test_technical_and_business_information_named_as_the_term_is_not_technical_only() -> None:
    result = apply_rules(
        elements()["definition"],
        'Each party holds technical and financial information, hereinafter referred to as "Confidential '
        'Information".',
    )
    assert "covers only technical information" not in result.weak_reasons


# ---- A clause that only names the term does not clear the clause that defines it ----

NAMED_THEN_DEFINED = """CONFIDENTIALITY AGREEMENT

This Agreement is made between Cedar Analytics LLC ("Cedar") and Dunmore Freight plc ("Dunmore").

The parties expect to discuss a logistics venture and may share business and technical data and other
confidential information (together, the "Confidential Information") in the course of those talks.

1. {definition}

2. The receiving party shall keep the Confidential Information secret and shall use it only to assess
the venture. It shall not disclose it to any third party without the other party's written consent.

3. These obligations do not apply to information that is public or that the receiving party already
lawfully knew.
"""


def _named_then_defined(definition: str) -> str:
    from clauses.pipeline import analyze_document
    from clauses.segment import plain_document

    document = plain_document(
        NAMED_THEN_DEFINED.format(definition=definition), path="ca.txt", fmt="text", sha256=""
    )
    analysis = analyze_document(document, "nda", suggestions=False)
    return str(next(e for e in analysis.elements if e.element == "definition").status)


@pytest.mark.parametrize(
    "definition",
    [
        "Confidential Information shall be defined as any information that the disclosing party identifies "
        "as confidential in writing before it is disclosed.",
        "For this Agreement, \u201cConfidential Information\u201d means only information marked "
        "\u201cConfidential\u201d by the disclosing party.",
    ],
)
def test_naming_clause_does_not_clear_a_marked_only_definition(definition: str) -> None:
    assert _named_then_defined(definition) == "weak"


def test_naming_clause_and_a_broad_definition_stay_present() -> None:
    definition = (
        "\u201cConfidential Information\u201d means all information either party discloses, whether or "
        "not marked."
    )
    assert _named_then_defined(definition) == "present"


WHETHER_OR_NOT_PATENTABLE = [
    "\u201cConfidential Information\u201d means inventions, designs and know-how, whether or not patentable, "
    "that the Discloser marks as confidential.",
    '"Proprietary Information" means all software and data, whether copyrightable or not, identified by the '
    "owner as proprietary at the time of disclosure.",
    "'Confidential Information' includes trade secrets and processes, whether or not protectable by law, "
    "provided they are labelled as confidential.",
]


@pytest.mark.parametrize("text", WHETHER_OR_NOT_PATENTABLE)
def test_whether_or_not_patentable_is_no_escape_from_marking(text: str) -> None:
    # "whether or not patentable" is about the law protecting it, not about marking: the scope is
    # still only what is marked.
    result = apply_rules(elements()["definition"], text)
    assert MARKED in result.weak_reasons


def test_whether_or_not_marked_stays_an_escape() -> None:
    result = apply_rules(
        elements()["definition"],
        "\u201cConfidential Information\u201d means inventions and data, whether patentable or not and "
        "whether or not marked as confidential.",
    )
    assert MARKED not in result.weak_reasons
