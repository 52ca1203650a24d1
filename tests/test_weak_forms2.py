"""Weak flags, second pass (issue 11): more classes of wording the spec's "weak when" column reads.

Each case is our own writing, in several drafting styles; each class has a form that must
be read and a form that must not be.
"""

from __future__ import annotations

import math

import pytest
from detect_fixtures import weak_reasons

from clauses.datamodel import PRESENT, WEAK, Cue, Detection, Evidence, Quantity
from clauses.detect import _with_defined_periods
from clauses.detect.quantities import (
    SURVIVES_AGREEMENT,
    defined_periods,
    effective_notice_hours,
    notice_windows,
    survival_periods,
)
from clauses.judge import judge_element
from clauses.profiles import load_profile

# ---- Survival: a deadline for another duty is not how long confidentiality lasts ----


@pytest.mark.parametrize(
    "text",
    [
        # SaaS: the deletion deadline and the survival clause in one sentence.
        "Upon termination, Supplier shall delete all Customer Data within thirty (30) days, and Sections 5 "
        "(Confidentiality) and 9 shall survive.",
        # The deadline in the next sentence.
        "Sections 4, 5 and 8 survive termination of this Agreement. Provider will erase Customer Data within "
        "90 days after termination.",
        # NDA: return first, survival after the semicolon.
        "Within thirty (30) days following termination, the Receiving Party shall return all Confidential "
        "Information; the obligations of confidentiality shall survive.",
        # UK: "no later than".
        "On expiry the Contractor shall, no later than fourteen days after the date of expiry, destroy the "
        "Authority's records, and clause 12 shall continue to apply.",
    ],
)
def test_weak_forms2_a_deadline_is_not_a_survival_period(text: str) -> None:
    assert survival_periods(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "The confidentiality obligations shall survive termination for two (2) years.",
        "The Executive's obligations under Section 6 shall continue for 24 months following the "
        "Termination Date.",
    ],
)
def test_weak_forms2_a_survival_period_is_still_read(text: str) -> None:
    assert [q.value for q in survival_periods(text)] == [2.0]


# ---- Survival to an anniversary: the ordinal is the number of years ----


@pytest.mark.parametrize(
    ("text", "years", "from_signing"),
    [
        (
            "The obligations set forth in Section 2 shall survive the termination of this Agreement and "
            "shall remain in full force and effect until the first anniversary of the date of termination.",
            1.0,
            False,
        ),
        (
            "The covenants of confidentiality herein shall survive until the third anniversary of the "
            "termination hereof.",
            3.0,
            False,
        ),
        (
            "Notwithstanding any termination, the Recipient's duties under this Agreement continue until the "
            "5th anniversary of the Effective Date.",
            5.0,
            True,
        ),
    ],
)
def test_weak_forms2_survival_until_an_anniversary_is_read(
    text: str, years: float, from_signing: bool
) -> None:
    periods = survival_periods(text)
    assert [q.value for q in periods] == [years]
    assert periods[0].from_signing is from_signing


# ---- Breach notice: "prompt notice" is as urgent as "promptly notify" (the spec: not weak) ----


@pytest.mark.parametrize(
    "text",
    [
        "Licensee shall give Licensor prompt written notice of any unauthorized use of the Software.",
        "The Recipient shall provide immediate notice to the Discloser of any loss of Confidential "
        "Information.",
        # the notifying verb five words before its notice
        "The Recipient shall give the Disclosing Party prompt written notice of any breach of this Section.",
        "The Receiving Party shall notify the Disclosing Party of any unauthorized disclosure. Prompt notice "
        "shall be given by email.",
    ],
)
def test_weak_forms2_prompt_or_immediate_notice_is_urgent(text: str) -> None:
    assert effective_notice_hours(notice_windows(text))[0] == 0.0


def test_weak_forms2_prompt_alone_is_not_a_deadline() -> None:
    # "a prompt response" or "prompt payment" says nothing of how fast a breach is notified.
    text = "The Receiving Party shall notify the Disclosing Party of any misuse and make prompt repairs."
    assert effective_notice_hours(notice_windows(text))[0] is None


# ---- Compelled disclosure: the law named after the disclosing verb, and exchange rules ----

NO_NOTICE = "disclosure required by law is allowed with no notice duty"



@pytest.mark.parametrize(
    "text",
    [
        # Terms-of-service style: the verb first, then the law it complies with.
        "We may access, preserve and disclose your content to comply with applicable law, regulation, "
        "legal process or an enforceable governmental request.",
        "Provider may share Customer Data in response to a valid legal request from a public authority.",
        "We may disclose information if we believe in good faith that disclosure is reasonably necessary to "
        "meet any applicable law, regulation or enforceable governmental request.",
        # Listed companies: the exchange's rules compel disclosure as a law does.
        "A party may disclose Confidential Information to the extent required by the rules of any stock "
        "exchange on which its securities are listed.",
    ],
)
def test_weak_forms2_compelled_disclosure_by_law_without_notice_is_weak(text: str) -> None:
    assert NO_NOTICE in weak_reasons("compelled_disclosure", text)


@pytest.mark.parametrize(
    "text",
    [
        "We may disclose your content to comply with applicable law or legal process, and if we do we will "
        "first notify you unless the law forbids it.",
        "A party may disclose Confidential Information where required by the rules of a securities exchange, "
        "provided it gives the other party advance notice of the disclosure.",
        # A chance to contest the demand, and plain-English notice.
        "If the Recipient is required by law to disclose Confidential Information, the Recipient shall give "
        "the Discloser a reasonable opportunity to contest the disclosure.",
        "If the Contractor is compelled by a court order to disclose Client data, it shall, where lawful, "
        "give the Client enough time to challenge the order.",
        "Provider may disclose Customer Data as required by law. Provider will, where legally permitted, "
        "tell Customer about the demand first.",
    ],
)
def test_weak_forms2_compelled_disclosure_by_law_with_notice_is_not_weak(text: str) -> None:
    assert NO_NOTICE not in weak_reasons("compelled_disclosure", text)


# ---- Data protection saved as it stands, not stated as a duty (the spec: "in passing") ----

IN_PASSING = "data protection is referred to only in passing"


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("The obligations of the parties under applicable Data Protection Laws remain unaffected by this "
         "Agreement.", True),
        ("This Agreement does not affect either party's obligations under the General Data Protection "
         "Regulation.", True),
        ("Each party's rights and obligations under applicable privacy laws are not limited by this "
         "Section.", True),
        ("The parties acknowledge that personal data may be exchanged under this Agreement and that data "
         "protection legislation may apply.", True),
        ("Supplier shall comply with the Data Processing Addendum, where applicable.", True),
        # A duty stated beside it, or a DPA that is part of the contract, is not in passing.
        ("Provider will process personal data in accordance with applicable data protection laws. The "
         "obligations of the parties under Data Protection Laws otherwise remain unaffected.", False),
        ("Each party shall comply with its obligations under applicable data protection laws.", False),
        ("Supplier shall comply with the Data Processing Addendum attached as Exhibit C.", False),
    ],
)
def test_weak_forms2_data_protection_saved_as_it_stands_is_in_passing(text: str, weak: bool) -> None:
    assert (IN_PASSING in weak_reasons("data_protection", text)) is weak


# ---- Definition: only what bears a legend, unless marking is said not to be needed ----

MARKED_ONLY = "covers only information marked confidential in writing"


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ('"Proprietary Information" means any information bearing a confidentiality legend.', True),
        ('"Confidential Information" means all documents and data which carry a proprietary notice of the '
         "Discloser.", True),
        ('"Confidential Information" means all information of the Discloser, whether or not bearing a '
         "confidentiality legend.", False),
        ('"Confidential Information" means all information of the Discloser; documents need not carry a '
         "proprietary notice.", False),
        ('"Confidential Information" means all information of the Discloser; it need not be marked as '
         "confidential.", False),
    ],
)
def test_weak_forms2_definition_by_legend(text: str, weak: bool) -> None:
    assert (MARKED_ONLY in weak_reasons("definition", text)) is weak


# ---- Return: "Confidential Information" is the name of what is kept, not a limit on it ----

KEPT = "the receiver may keep copies without limit"


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("Upon request the Recipient shall return or destroy all Confidential Information, provided that the "
         "Recipient may keep copies of any Confidential Information.", True),
        ("Upon termination, Recipient shall destroy all Confidential Information; however, Recipient shall "
         "not be required to destroy Confidential Information stored in its computer systems.", True),
        # Kept confidential, or kept under a retention policy: a limit.
        ("Upon request the Recipient shall return all materials, but may keep copies, which it shall keep "
         "confidential.", False),
        ("Upon request the Recipient shall return all Confidential Information, but may retain copies in "
         "accordance with its document retention policy.", False),
        ("On termination each party shall return or destroy the other's Confidential Information, save that "
         "it may retain copies to the extent its internal policies require.", False),
    ],
)
def test_weak_forms2_return_copies_kept(text: str, weak: bool) -> None:
    assert (KEPT in weak_reasons("return_destruction", text)) is weak


# ---- Survival for a defined period: its length is in the definition ----

SURVIVAL_CLAUSE = (
    "8. Survival. Section 5 survives any termination of this Agreement until the end of the "
    "Confidentiality Period."
)


@pytest.mark.parametrize(
    ("definition", "years"),
    [
        ('1. Definitions. "Confidentiality Period" means the term of this Agreement and two (2) years '
         "thereafter.", [2.0]),
        ('"Confidentiality Period" shall mean the period ending twelve (12) months after '
         "termination.", [1.0]),
        # Not a definition of the term: a mention of it states no period.
        ("The Confidentiality Period is important to both parties, who signed on 1 May 2020 for five years "
         "of talks.", []),
    ],
)
def test_weak_forms2_defined_period_is_read_from_its_definition(
    definition: str, years: list[float]
) -> None:
    document = definition + "\n\n" + SURVIVAL_CLAUSE
    assert [q.value for q in defined_periods(SURVIVAL_CLAUSE, document)] == years


def test_weak_forms2_a_term_not_about_confidentiality_is_not_read() -> None:
    document = '"Initial Term" means one (1) year after termination.\n\nSection 5 survives the Initial Term.'
    assert defined_periods("Section 5 survives the Initial Term.", document) == ()


def _surviving(start: int, end: int, score: float, quantities: tuple[Quantity, ...] = ()) -> Evidence:
    return Evidence("c", "8", "Survival", None, start, end, score, score, score, quantities=quantities)


def test_weak_forms2_the_defined_period_joins_the_clause_that_names_it() -> None:
    definition = '"Confidentiality Period" means the period ending twelve (12) months after termination.'
    document = definition + "\n\n" + SURVIVAL_CLAUSE
    at = document.index(SURVIVAL_CLAUSE)
    # The definitions clause scores low: its own period does not count as the clause's.
    top = (_surviving(at, len(document), 0.9), _surviving(0, len(definition), 0.3))
    found = _with_defined_periods(top, document)
    assert [q.value for q in found[0].quantities] == [1.0]
    # A period the counted clause states itself is kept alone.
    stated = (Quantity("survival", 5.0, "five years", at, at + 10),)
    top = (_surviving(at, len(document), 0.9, stated),)
    assert _with_defined_periods(top, document) == top


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        # The notice in the next sentence, said to come first: it is notice of that disclosure.
        ("A party may disclose the other's Confidential Information to the extent required by law or a "
         "governmental authority. The disclosing party shall, where lawful, notify the other party in "
         "advance.", False),
        ("The Recipient may disclose Confidential Information as required by law. It shall tell the "
         "Discloser before disclosing.", False),
        # A notice of something else in the next sentence is not.
        ("The Recipient may disclose Confidential Information as required by law. Either party may "
         "terminate this Agreement on thirty days' notice.", True),
    ],
)
def test_weak_forms2_compelled_disclosure_notice_in_advance_next_sentence(text: str, weak: bool) -> None:
    assert (NO_NOTICE in weak_reasons("compelled_disclosure", text)) is weak


# ---- Survival: the period of the confidentiality section, among other sections' periods ----


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Sections 4 and 7 shall survive for one (1) year after termination; Section 5 (Confidentiality) "
         "shall survive indefinitely.", [math.inf]),
        ("Section 8 (Warranty) survives for ninety days after delivery, and Section 5 (Confidentiality) "
         "survives for five years after termination.", [5.0]),
        # A licence's wind-down is no survival of confidentiality.
        ("Upon termination, Sections 5, 6 and 9 survive. Customer may continue to use the Software for "
         "sixty (60) days after termination.", []),
        # The general period of the duties stays beside the trade secrets' longer one.
        ("The Receiving Party's obligations survive for one (1) year after termination; trade secrets "
         "remain protected for as long as they remain trade secrets.", [1.0, math.inf]),
    ],
)
def test_weak_forms2_survival_period_of_the_confidentiality_part(text: str, years: list[float]) -> None:
    assert [q.value for q in survival_periods(text)] == years


# ---- Duties that survive the agreement's end, in the forms drafters use ----


@pytest.mark.parametrize(
    ("text", "survives"),
    [
        ("Sections 2, 5 and 7 survive any expiry or termination.", True),
        ("The obligations under Section 2 shall survive the expiration or termination hereof.", True),
        ("This Agreement expires in one year. The Receiving Party's obligations shall continue "
         "thereafter.", True),
        ("These obligations shall survive termination.", True),
        ("Your obligations hereunder survive any termination or expiration of this Agreement.", True),
        # The end of something else: the agreement's own end may still end them.
        ("The obligations survive the termination of the discussions between the parties.", False),
        ("After returning the Evaluation Material you remain bound by this Agreement.", False),
    ],
)
def test_weak_forms2_duties_that_survive_the_agreement(text: str, survives: bool) -> None:
    assert (SURVIVES_AGREEMENT.search(text) is not None) is survives


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ('"Confidential Information" means information that is marked as confidential or is of a '
         "confidential nature.", False),
        ('"Confidential Information" means information that is labelled as confidential or which the '
         "Recipient knows or has reason to know is confidential.", False),
        ('"Confidential Information" means information designated as confidential or that is customarily '
         "treated as confidential in the industry.", False),
        ('"Confidential Information" means any information marked confidential, and any information that a '
         "prudent business person would treat as confidential.", False),
        # Marked information as one example of a broad scope.
        ('"Confidential Information" means all non-public information disclosed by one party to the other, '
         "including any information marked as confidential.", False),
        # Marked in writing, or identified when spoken: still only what is marked.
        ('"Confidential Information" means information that is marked "Confidential", or that is disclosed '
         "orally and identified as confidential at the time of disclosure.", True),
    ],
)
def test_weak_forms2_definition_marked_or_confidential_by_nature(text: str, weak: bool) -> None:
    assert (MARKED_ONLY in weak_reasons("definition", text)) is weak


# ---- Data protection: a clause the classifier alone reads does not clear one in passing ----


def _dp_evidence(number: str, score: float, cues: bool, weak: tuple[str, ...]) -> Evidence:
    cue = (Cue("data_protection", "dp_laws", 0.6, 0, 5),) if cues else ()
    rule = 0.6 if cues else 0.0
    return Evidence("c", number, "", None, 0, 10, score, rule, score, cues=cue, weak_signals=weak)


def test_weak_forms2_data_protection_in_passing_beside_a_classifier_only_clause_is_weak() -> None:
    vendor = load_profile("vendor")
    in_passing = _dp_evidence("4", 0.82, True, (IN_PASSING,))
    # "Each party shall comply with all laws applicable to it": no cue, no data protection law named.
    general = _dp_evidence("3", 0.53, False, ())
    detection = Detection("data_protection", 0.82, (in_passing, general))
    assert judge_element(detection, vendor).status == WEAK
    # A clause with a cue of its own and no weakness still makes the element present.
    stated = _dp_evidence("5", 0.9, True, ())
    detection = Detection("data_protection", 0.9, (stated, in_passing))
    assert judge_element(detection, vendor).status == PRESENT


@pytest.mark.parametrize(
    "text",
    [
        # The notice two sentences on, each sentence referring back to the one before.
        "If the Recipient is required by law to disclose Confidential Information, it may do so. The "
        "Recipient will use reasonable efforts to limit the disclosure. The Recipient will give the "
        "Discloser prompt written notice of the requirement.",
        "A party compelled by a court order to disclose the other's Confidential Information shall, where "
        "lawful, provide the other party with a copy of the order before complying.",
        "Where disclosure is required by law, the Receiving Party shall give the Disclosing Party the "
        "opportunity to intervene.",
        "Where disclosure is required by law, the Receiving Party shall, to the extent lawful, first contact "
        "the Disclosing Party.",
    ],
)
def test_weak_forms2_compelled_disclosure_notice_in_other_words_is_not_weak(text: str) -> None:
    assert NO_NOTICE not in weak_reasons("compelled_disclosure", text)
