"""clauses.detect.rules: cues fire on their clauses, stay quiet on look-alikes, and flag weak wording.

Every clause here was written for these tests. Positive clauses must reach a rule
score of 0.5 (what a clause needs to count on rules alone, before the classifier);
negative clauses, including the spec's hard negatives, must stay below it. Where
the rules miss a case the spec decides, the case is marked xfail(strict) with the
reason, so a fix shows up as an unexpected pass.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import CONTEXT_BOOST, CONTEXT_MAX, REQUIRES_FACTOR, apply_rules
from clauses.elements import element_ids, elements

COUNTS = 0.5


def _gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=f"rule gap: {reason}", strict=True)


POSITIVE: list = [
    # definition
    (
        "definition",
        '"Confidential Information" means all technical, commercial and financial information, '
        "whether oral, written or electronic, that the Discloser provides to the Recipient.",
    ),
    (
        "definition",
        'In this Agreement, "Proprietary Information" includes designs, formulas, customer lists '
        "and pricing, whether or not marked.",
    ),
    (
        "definition",
        "All business plans and source code disclosed by Acme to the Consultant (together, the "
        '"Confidential Information") are covered by this Agreement.',
    ),
    (
        "definition",
        '"Customer Data" means any data uploaded to the platform by or on behalf of the Customer.',
    ),
    # third_party
    (
        "third_party",
        "The Recipient shall not disclose the Confidential Information to any third party without "
        "the prior written consent of the Discloser.",
    ),
    (
        "third_party",
        "The Recipient may share the information only with those of its staff who need to know it "
        "for the Project.",
    ),
    ("third_party", "The Recipient shall keep all Confidential Information strictly confidential."),
    pytest.param("third_party", "Each party shall hold the other party's information in strict confidence."),
    pytest.param(
        "third_party", "No disclosure of Evaluation Material shall be made to any outside person or entity."
    ),
    # post_termination
    (
        "post_termination",
        "The confidentiality obligations in this Section shall survive termination of this "
        "Agreement for three (3) years.",
    ),
    (
        "post_termination",
        "The Employee shall keep the Company's trade secrets confidential both during and after "
        "the employment.",
    ),
    (
        "post_termination",
        "Termination of this Agreement shall not relieve the Recipient of its confidentiality obligations.",
    ),
    (
        "post_termination",
        "The Recipient will keep the Confidential Information confidential for so long as it "
        "remains a trade secret.",
    ),
    pytest.param(
        "post_termination",
        "The duty of confidence continues for five years after the expiry of this Agreement.",
    ),
    # passive voice of a duty without end
    ("post_termination", "All Proprietary Data shall be held in confidence forever by the Recipient."),
    # "continue to be bound by" with its object before "after termination"
    (
        "post_termination",
        "The Consultant shall continue to be bound by its duties under this Agreement as to all "
        "Confidential Information even after the expiration of this Agreement.",
    ),
    # a fronted "notwithstanding" whose main clause keeps the duty, however long the subject
    (
        "post_termination",
        "Notwithstanding the return or deletion of the Confidential Information under Section 7, "
        "each party and each of its advisers and employees shall continue to be bound by its duties "
        "of confidence.",
    ),
    # breach_notice
    (
        "breach_notice",
        "The Processor shall notify the Controller within 48 hours after becoming aware of any "
        "unauthorized access to the Customer Data.",
    ),
    (
        "breach_notice",
        "The Recipient shall promptly inform the Discloser in writing of any loss or misuse of the "
        "Confidential Information.",
    ),
    (
        "breach_notice",
        "The Recipient shall notify the Discloser in writing if it discovers any breach of this "
        "Agreement or unauthorized use of the Confidential Information.",
    ),
    pytest.param(
        "breach_notice",
        "Any unauthorised disclosure of Confidential Information shall be reported to the Discloser.",
    ),
    pytest.param(
        "breach_notice",
        "If a security incident affects the Company's data, the Vendor shall notify the "
        "Company without undue delay.",
    ),
    pytest.param(
        "breach_notice",
        "The Vendor shall report any security incident affecting Customer Data to the Customer "
        "within 24 hours.",
    ),
    pytest.param(
        "breach_notice",
        "The Recipient shall give the Discloser notice of any unauthorized use or disclosure "
        "of the Confidential Information.",
    ),
    # remedies
    (
        "remedies",
        "The Recipient agrees that a breach of this Agreement would cause irreparable harm to the Discloser.",
    ),
    (
        "remedies",
        "The Discloser shall be entitled to injunctive relief to restrain any threatened disclosure, "
        "without the necessity of posting a bond.",
    ),
    (
        "remedies",
        "The Recipient shall indemnify the Discloser against all losses arising from a breach of this "
        "Section.",
    ),
    ("remedies", "The Discloser may seek specific performance of this Agreement."),
    # exclusions
    (
        "exclusions",
        "These obligations shall not apply to information that is or becomes part of the public "
        "domain through no fault of the Recipient.",
    ),
    (
        "exclusions",
        "Confidential Information does not include information independently developed by the "
        "Recipient without use of the Discloser's materials.",
    ),
    (
        "exclusions",
        "Information lawfully received from a third party without any duty of confidence is excluded.",
    ),
    (
        "exclusions",
        "Information already known to the Recipient before disclosure is not Confidential Information.",
    ),
    # compelled_disclosure
    (
        "compelled_disclosure",
        "If the Recipient is required by law or court order to disclose any Confidential "
        "Information, it shall give the Discloser prompt written notice so that the Discloser may seek a "
        "protective order.",
    ),
    (
        "compelled_disclosure",
        "Where a subpoena demands the information, the Recipient shall cooperate with the "
        "Discloser in seeking confidential treatment.",
    ),
    (
        "compelled_disclosure",
        "The Recipient may disclose the information where a statute requires disclosure, "
        "after consulting the Discloser.",
    ),
    # use_limitation
    (
        "use_limitation",
        "The Recipient will use the Confidential Information solely for the purpose of "
        "evaluating the Proposed Transaction.",
    ),
    (
        "use_limitation",
        "The Consultant shall not use any information of the Company for its own benefit or for "
        "any purpose other than the Services.",
    ),
    ("use_limitation", "The Supplier may process the data only for the provision of the Services."),
    # return_destruction
    (
        "return_destruction",
        "On termination the Recipient shall return or destroy all Confidential Information "
        "in its possession.",
    ),
    (
        "return_destruction",
        "At the Company's request, the Employee shall deliver up all documents, notes and "
        "copies belonging to the Company.",
    ),
    (
        "return_destruction",
        "Within thirty days after expiry, the Vendor shall securely delete all Customer Data "
        "and certify the deletion in writing.",
    ),
    # safeguards
    (
        "safeguards",
        "The Recipient shall protect the Confidential Information with at least the same degree of "
        "care it uses for its own confidential information, and no less than reasonable care.",
    ),
    (
        "safeguards",
        "The Supplier shall implement appropriate technical and organisational measures, including "
        "encryption and access controls.",
    ),
    (
        "safeguards",
        "The Recipient shall store all Confidential Information in locked cabinets or on "
        "password-protected systems.",
    ),
    # personnel
    (
        "personnel",
        "The Recipient shall ensure that every employee with access to the Confidential Information "
        "has signed a written confidentiality agreement.",
    ),
    (
        "personnel",
        "The Recipient shall be responsible for any breach of this Agreement by its employees or "
        "contractors.",
    ),
    (
        "personnel",
        "Before any disclosure, the Recipient shall inform its representatives of the confidential "
        "nature of the information.",
    ),
    # data_protection
    (
        "data_protection",
        "Each party shall comply with all applicable data protection laws, including the GDPR, "
        "in processing personal data under this Agreement.",
    ),
    (
        "data_protection",
        "The Processor shall process Personal Data only on the documented instructions of the Controller.",
    ),
    (
        "data_protection",
        "The Business Associate shall comply with HIPAA in respect of any protected health "
        "information it receives.",
    ),
    # audit
    (
        "audit",
        "The Discloser may audit the Recipient's compliance with this Agreement on ten days' notice "
        "during business hours.",
    ),
    ("audit", "On request, the Vendor shall provide its most recent SOC 2 Type II audit report."),
    (
        "audit",
        "The Recipient shall keep a record of each person to whom Confidential Information has been "
        "disclosed.",
    ),
    (
        "audit",
        "The Customer shall have the right to inspect the Supplier's facilities and systems used to "
        "process Customer Data.",
    ),
]

NEGATIVE: list = [
    # general look-alikes
    ("definition", "The Parties shall meet quarterly to review progress."),
    ("definition", "Each party shall bear its own costs in connection with this Agreement."),
    ("third_party", "The Supplier shall deliver the goods to the address stated in the Order."),
    ("third_party", "Invoices are payable within thirty days of receipt."),
    # the agreement's own term is not post_termination
    ("post_termination", "This Agreement shall remain in force for two (2) years from the Effective Date."),
    (
        "post_termination",
        "The term of this Agreement begins on the Effective Date and ends on 31 December 2027.",
    ),
    (
        "post_termination",
        "This Agreement shall remain in force for one (1) year, and the Confidential "
        "Information shall be protected during that year.",
    ),
    ("post_termination", "The confidentiality obligations shall not survive termination of this Agreement."),
    # survival of payment only; renewal of the agreement itself
    (
        "post_termination",
        "Notwithstanding termination of this Agreement, the Customer shall remain bound to pay all "
        "fees accrued before the termination date.",
    ),
    (
        "post_termination",
        "Following expiry of the Initial Term, this Agreement shall continue in force on a monthly "
        "basis unless either party gives notice.",
    ),
    # notice before compelled disclosure, own-account misuse, termination notice: not breach_notice
    (
        "breach_notice",
        "If the Recipient is required by law to disclose Confidential Information, it shall notify "
        "the Discloser before making the disclosure.",
    ),
    ("breach_notice", "You must notify us immediately of any unauthorized use of your account or password."),
    (
        "breach_notice",
        "The Customer shall inform the Provider promptly of any unauthorised access to its user "
        "account credentials.",
    ),
    (
        "breach_notice",
        "Either party may terminate this Agreement by written notice if the other party commits a "
        "material breach and fails to cure it within 30 days.",
    ),
    # terminate for material breach is not remedies
    (
        "remedies",
        "Either party may terminate this Agreement for material breach on thirty days written notice.",
    ),
    ("remedies", "Either party may terminate this Agreement if the other party commits a material breach."),
    ("remedies", "This Agreement is governed by the laws of the State of New York."),
    ("exclusions", "The Recipient shall keep all Confidential Information secret."),
    ("exclusions", "The Services shall be performed in a workmanlike manner."),
    (
        "compelled_disclosure",
        "The Recipient shall not disclose the Confidential Information to any third party.",
    ),
    ("compelled_disclosure", "The Supplier shall comply with the Customer's reasonable instructions."),
    ("use_limitation", "The Customer may use the Software at any of its sites."),
    ("use_limitation", "The Licensee shall pay the fees set out in Schedule 1."),
    ("return_destruction", "The Supplier shall deliver the reports on the first day of each month."),
    ("return_destruction", "The Recipient shall keep the Confidential Information strictly confidential."),
    # "strictly confidential" alone is not safeguards
    ("safeguards", "The Recipient shall keep the Confidential Information strictly confidential."),
    ("safeguards", "All Confidential Information shall be held strictly confidential by the Recipient."),
    ("safeguards", "The Recipient shall not disclose the Confidential Information to any third party."),
    # listing staff as permitted recipients is not personnel
    (
        "personnel",
        "The Recipient may disclose Confidential Information to its employees and professional advisers.",
    ),
    (
        "personnel",
        "The Recipient may share Confidential Information with its employees, agents and contractors.",
    ),
    ("personnel", "The Consultant shall perform the Services personally."),
    # a general duty to comply with laws, or personal data merely mentioned, is not data_protection
    ("data_protection", "The Supplier shall comply with all applicable laws in performing the Services."),
    ("data_protection", "The Customer may upload personal data to the platform."),
    # audit of invoices, certificate of destruction alone: not audit
    ("audit", "The Licensor may audit the Licensee's invoices and royalty statements once a year."),
    (
        "audit",
        "On request, the Recipient shall certify in writing that it has destroyed all Confidential "
        "Information.",
    ),
    (
        "audit",
        "Upon request the Recipient shall certify in writing that it has returned or destroyed all "
        "Confidential Information.",
    ),
    pytest.param("audit", "The Customer may inspect the goods on delivery."),
]

WEAK: list = [
    (
        "definition",
        '"Confidential Information" means information disclosed in writing and clearly marked as '
        "confidential by the Discloser.",
        "marked confidential",
    ),
    pytest.param(
        "definition",
        '"Confidential Information" means information disclosed in writing and marked '
        '"Confidential" by the Discloser.',
        "marked confidential",
    ),
    (
        "use_limitation",
        "The Recipient will use the Confidential Information solely for the Purpose, but may use "
        "residuals retained in the unaided memory of its staff for any purpose.",
        "residuals",
    ),
    (
        "use_limitation",
        "The Recipient shall use the Confidential Information only for the Project, and "
        "thereafter for any lawful purpose.",
        "any lawful purpose",
    ),
    (
        "third_party",
        "The Recipient shall not disclose the Confidential Information, except that it may disclose "
        "it to its affiliates and lenders.",
        "no duty flowing down",
    ),
    (
        "compelled_disclosure",
        "The Recipient may disclose Evaluation Material to the extent required by law or by a court order.",
        "no notice duty",
    ),
    pytest.param(
        "compelled_disclosure",
        "The Recipient can disclose Confidential Information to the extent required by "
        "law or by a court order.",
        "no notice duty",
    ),
    (
        "safeguards",
        "The Recipient shall use reasonable efforts to protect the Confidential Information from "
        "unauthorized disclosure.",
        "reasonable efforts",
    ),
    (
        "exclusions",
        "Confidential Information does not include any information that the Recipient deems to be "
        "non-confidential.",
        "unbounded",
    ),
    (
        "return_destruction",
        "On termination the Recipient shall return the documents, but may retain copies of "
        "any information for its files.",
        "keep copies without limit",
    ),
    (
        "audit",
        "A regulatory authority may audit the Supplier to verify compliance with its obligations.",
        "only to a regulator",
    ),
    (
        "data_protection",
        "Nothing in this Agreement limits obligations under applicable data protection laws.",
        "only in passing",
    ),
    (
        "data_protection",
        "The Supplier shall comply with the DPA, if any, and applicable data protection laws.",
        "only in passing",
    ),
    pytest.param(
        "data_protection",
        "Nothing in this Agreement limits either party's obligations under applicable data protection laws.",
        "only in passing",
    ),
    pytest.param(
        "remedies", "Any breach of this Agreement may result in legal action by the Discloser.", "may lead"
    ),
    pytest.param(
        "safeguards",
        "The Recipient shall use reasonable efforts to keep the Confidential Information secret.",
        "reasonable efforts",
    ),
]

NOT_WEAK: list = [
    (
        "definition",
        '"Confidential Information" means information marked as confidential or which a reasonable '
        "person would understand to be confidential.",
    ),
    (
        "third_party",
        "The Recipient shall not disclose the Confidential Information, except that it may disclose "
        "it to its affiliates, who shall be bound by the same restrictions.",
    ),
    (
        "compelled_disclosure",
        "The Recipient can disclose Confidential Information to the extent required by law, "
        "after giving the Discloser prompt notice.",
    ),
    (
        "safeguards",
        "The Recipient shall use reasonable efforts and no less than reasonable care to protect the "
        "Confidential Information from unauthorized disclosure.",
    ),
    (
        "use_limitation",
        "The Recipient will use the Confidential Information solely for the purpose of "
        "evaluating the Proposed Transaction.",
    ),
]


def _ids(cases: list) -> list[str]:
    out = []
    for case in cases:
        values = case.values if hasattr(case, "values") else case
        out.append(f"{values[0]}-{values[1][:40]}")
    return out


def test_rules_cover_every_element() -> None:
    def element_of(case) -> str:
        return (case.values if hasattr(case, "values") else case)[0]

    passing_positive = [element_of(c) for c in POSITIVE if not hasattr(c, "marks")]
    negatives = [element_of(c) for c in NEGATIVE if not hasattr(c, "marks")]
    for element in element_ids():
        assert passing_positive.count(element) >= 3, element
        assert negatives.count(element) >= 2, element


@pytest.mark.parametrize(("element", "text"), POSITIVE, ids=_ids(POSITIVE))
def test_rules_positive_clause_scores(element: str, text: str) -> None:
    result = apply_rules(elements()[element], text)
    assert result.score >= COUNTS, [c.name for c in result.cues]
    assert result.cues and all(c.element == element for c in result.cues)


@pytest.mark.parametrize(("element", "text"), NEGATIVE, ids=_ids(NEGATIVE))
def test_rules_negative_clause_stays_low(element: str, text: str) -> None:
    result = apply_rules(elements()[element], text)
    assert result.score < COUNTS, [c.name for c in result.cues]


def test_rules_every_positive_outscores_every_negative_of_its_element() -> None:
    def plain(cases: list) -> list[tuple[str, str]]:
        return [c for c in cases if not hasattr(c, "marks")]

    for element in element_ids():
        definition = elements()[element]
        lowest = min(apply_rules(definition, t).score for e, t in plain(POSITIVE) if e == element)
        highest = max(apply_rules(definition, t).score for e, t in plain(NEGATIVE) if e == element)
        assert lowest > highest, element


@pytest.mark.parametrize(("element", "text", "words"), WEAK, ids=_ids(WEAK))
def test_rules_weak_signal_reported(element: str, text: str, words: str) -> None:
    result = apply_rules(elements()[element], text)
    assert any(words in reason for reason in result.weak_reasons), result.weak_reasons


@pytest.mark.parametrize(("element", "text"), NOT_WEAK, ids=_ids(NOT_WEAK))
def test_rules_unless_clears_weak_signal(element: str, text: str) -> None:
    result = apply_rules(elements()[element], text)
    assert result.score >= COUNTS
    assert result.weak_reasons == ()


def test_rules_cue_offsets_are_absolute_and_cover_the_match() -> None:
    text = "The Discloser shall be entitled to injunctive relief."
    result = apply_rules(elements()["remedies"], text, offset=1000)
    (cue,) = [c for c in result.cues if c.name == "injunction"]
    assert (cue.start, cue.end) == (1000 + text.index("injunctive"), 1000 + text.index("injunctive") + 10)


def test_rules_nothing_fired_is_zero() -> None:
    result = apply_rules(elements()["audit"], "The goods are sold as is.")
    assert (result.score, result.cues, result.weak_reasons) == (0.0, (), ())


def test_rules_two_cues_combine_above_either_alone() -> None:
    remedies = elements()["remedies"]
    one = apply_rules(remedies, "The Discloser may seek specific performance.")
    two = apply_rules(remedies, "The Discloser may seek specific performance and an injunction.")
    assert len(two.cues) == len(one.cues) + 1
    assert two.score > one.score


def test_rules_context_words_raise_the_score_by_at_most_the_cap() -> None:
    remedies = elements()["remedies"]
    bare = apply_rules(remedies, "The Discloser may seek specific performance.")
    one_word = apply_rules(remedies, "The Discloser may seek specific performance in court.")
    many_words = apply_rules(
        remedies, "The Discloser may seek specific performance in court for any threatened breach."
    )
    assert [c.name for c in bare.cues] == [c.name for c in many_words.cues] == ["equitable"]
    assert one_word.score == pytest.approx(bare.score + CONTEXT_BOOST)
    assert many_words.score == pytest.approx(bare.score + CONTEXT_MAX)


def test_rules_negation_cancels_cue_in_the_same_sentence_only() -> None:
    notice = elements()["breach_notice"]
    negated = "You must notify us of any unauthorized use of your account."
    both = (
        negated + " The Supplier shall notify the Customer of any unauthorized disclosure of Customer Data."
    )
    assert apply_rules(notice, negated).score == 0.0
    fired = apply_rules(notice, both)
    assert fired.score >= COUNTS
    assert all(c.start >= len(negated) for c in fired.cues)


def test_rules_requires_pattern_scales_survival_without_confidentiality_words() -> None:
    survival = elements()["post_termination"]
    about_fees = apply_rules(survival, "The payment terms shall survive termination of this Agreement.")
    about_secrets = apply_rules(
        survival, "The confidentiality terms shall survive termination of this Agreement."
    )
    assert about_fees.cues and about_secrets.cues
    assert about_fees.score == pytest.approx(about_secrets.score * REQUIRES_FACTOR, abs=0.06)
    assert about_fees.score < COUNTS <= about_secrets.score


def test_rules_sentences_shared_across_elements_give_the_same_results() -> None:
    """The detector cuts a clause into sentences once for all elements (``shared_sentences``): every
    element's rule result and negation answer is the one cutting the clause afresh gives, clauses
    in which a negation cancels a cue included."""
    from clauses.detect.rules import negated_at
    from clauses.detect.train import load_corpus
    from clauses.elements.gate import gate_text
    from clauses.resources import data_dir

    texts = [c.text for c in load_corpus(data_dir("corpus"))][::7]
    texts.append("The Recipient shall keep it confidential. The Recipient may inspect the goods.")
    shared: dict[str, list[tuple[int, int]]] = {}
    for text in texts:
        lowered = gate_text(text)
        for element in elements().values():
            alone = apply_rules(element, text, enforce_requires=False)
            together = apply_rules(element, text, enforce_requires=False, shared_sentences=shared)
            assert together == alone, (element.id, text[:60])
            assert negated_at(element, text, lowered, None, shared_sentences=shared) == negated_at(
                element, text, lowered, None
            ), (element.id, text[:60])
    assert shared  # the cuts were kept for the next element


def test_rules_weak_signals_without_a_cue_only_when_asked() -> None:
    """A clause with weak wording and no cue keeps its weak reasons (the classifier may find the
    element alone), unless the caller says it drops such a clause (weak_without_cues=False)."""
    definition, retention = elements()["definition"], elements()["return_destruction"]
    marked = "Only information that is marked as confidential at the time it is shared is covered."
    kept = "The Receiving Party may retain copies of the materials for as long as it wishes."
    for element, text in ((definition, marked), (retention, kept)):
        read = apply_rules(element, text, enforce_requires=False)
        assert not read.cues and read.weak_reasons
        assert apply_rules(element, text, enforce_requires=False, weak_without_cues=False).weak_reasons == ()
    fired = "The Supplier may disclose it if required by law, without telling the Customer."
    compelled = elements()["compelled_disclosure"]
    with_cue = apply_rules(compelled, fired, enforce_requires=False, weak_without_cues=False)
    assert with_cue.cues and with_cue.weak_reasons  # a cue fired: its weak signals are read
