"""Structure, weak wording and look-alikes from our third set of own NDAs (issue 11).

The twelve documents in tests/fixtures/own_ndas3 were written and labelled by the spec
before the detector ran on them (a held-out check of the first two rounds' fixes). The
detector's real errors fell into classes of wording or structure; each class is tested here
with text of our own in several drafting styles (US plain, UK/Commonwealth, SEC-exhibit
legalese, government or university form), with look-alikes that must not match, beyond the
fixture documents; the whole set is evaluated against floors set below what was measured.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from detect_fixtures import cue_names, out_of_bounds, own_set_figures, weak_reasons

from clauses.datamodel import WEAK
from clauses.detect import PRESENT_THRESHOLD, detect
from clauses.detect.quantities import agreement_term, survival_periods
from clauses.detect.rules import apply_rules
from clauses.elements import element_ids, elements
from clauses.pipeline import analyze_document, load_shipped_model
from clauses.profiles import load_profile
from clauses.segment import plain_document


def _document(text: str):
    return plain_document(text, path="own_nda3.txt", fmt="text", sha256="")


def _verdict(element: str, text: str) -> tuple[str, str]:
    """The status and reason the shipped pipeline gives ``element`` in an NDA of ``text``."""
    model = load_shipped_model()
    analysis = analyze_document(_document(text), load_profile("nda"), model=model, suggestions=False)
    result = next(r for r in analysis.elements if r.element == element)
    return result.status, result.reason


class _Reads:
    """A stand-in classifier that reads one element wherever a word occurs, and nothing else.

    It isolates the detector's structure from the shipped model's taste: the question is
    what the detector does with a clause the classifier alone reads as the element.
    """

    element_ids = element_ids()

    def __init__(self, element: str, word: str) -> None:
        self.column = self.element_ids.index(element)
        self.word = re.compile(word, re.IGNORECASE)

    def predict(self, texts: list[str]) -> np.ndarray:
        scores = np.zeros((len(texts), len(self.element_ids)))
        for row, text in enumerate(texts):
            if self.word.search(text):
                scores[row, self.column] = 0.97
        return scores


def _score(element: str, text: str, word: str) -> float:
    detections = detect(_document(text), _Reads(element, word), doc_type="nda")
    return next(d.score for d in detections if d.element == element)


# A look-alike that only the classifier reads (the receiver looks at the discloser's accounts or
# plants; a fee audit) is cancelled by audit's negations where the classifier reads it. The
# classifier's sentence starts at the clause number and heading before it ("7. Due Diligence.
# During ..."), which the negations cut off as sentences of their own: the number must not hide
# the look-alike. Four numbering and drafting styles.
NUMBERED_AUDIT_LOOK_ALIKES = [
    "7. Due Diligence.\n\nDuring our review the Company will give us and our accountants its audited "
    "financial statements and will let us walk through its plants. Anything we learn this way is "
    "Evaluation Material.",
    "6.2 Site visits. The Vendor shall permit the Bidder to inspect the Target's premises and its "
    "statutory accounts in the course of due diligence. Visits are arranged through the Adviser.",
    "Section 5.03. Access.\n\nThe Corporation shall afford the Purchaser reasonable access to the books "
    "of account and financial records of the Corporation in connection with the proposed merger. All "
    "information so obtained shall constitute Evaluation Material hereunder.",
    "Article 12. Records.\n\nThe Department may audit the invoices and fees charged by the Contractor "
    "under this Agreement. Such records shall be retained for three years after final payment.",
]


@pytest.mark.parametrize("clause", NUMBERED_AUDIT_LOOK_ALIKES)
def test_own_nda3_a_clause_number_does_not_hide_an_audit_look_alike(clause: str) -> None:
    text = f"CONFIDENTIALITY AGREEMENT\n\n{clause}\n"
    assert _score("audit", text, r"audit|inspect|books|financial") < PRESENT_THRESHOLD


@pytest.mark.parametrize(
    "clause",
    [
        "9. Audit.\n\nThe Disclosing Party may inspect the premises of the Receiving Party to check how its "
        "information is stored. Inspections take place in business hours.",
        "Section 4.07. Verification.\n\nThe Company shall have the right to audit the Recipient's "
        "handling of the Evaluation Material upon ten days' notice. Any such audit shall be at the "
        "Company's expense.",
    ],
)
def test_own_nda3_a_numbered_discloser_audit_still_reads_as_audit(clause: str) -> None:
    text = f"CONFIDENTIALITY AGREEMENT\n\n{clause}\n"
    assert _score("audit", text, r"audit|inspect") >= PRESENT_THRESHOLD


# A certificate that the receiver has complied with the whole agreement is audit's evidence of
# compliance (the spec), not a certificate that the information was returned or destroyed: the
# board observer letter's yearly compliance certificate read as return/destruction.
AGREEMENT_COMPLIANCE_CERTIFICATES = [
    "Once a year, at the Company's request, an officer of the Recipient shall certify in writing that "
    "the Recipient has complied with this Agreement.",
    "The Consultant shall, whenever the Client asks, certify to the Client that it has complied with "
    "this Deed in all respects.",
    "The Recipient shall deliver a certificate of its chief compliance officer certifying that the "
    "Recipient has complied with this Agreement in all material respects during the preceding year.",
    "The Contractor shall certify annually to the Contracting Officer that it has complied with this "
    "Undertaking and with the Department's data security standards.",
]


@pytest.mark.parametrize("text", AGREEMENT_COMPLIANCE_CERTIFICATES)
def test_own_nda3_a_certificate_of_compliance_with_the_agreement_is_not_a_return(text: str) -> None:
    assert "certify_destruction" not in cue_names("return_destruction", text)
    assert "certify_compliance" in cue_names("audit", text)


@pytest.mark.parametrize(
    "text",
    [
        "Within ten days an officer of the Recipient shall certify that it has complied with this Section 8.",
        "The Bidder shall certify in writing that it has complied with the foregoing.",
        "and shall certify to the Discloser that it has complied with the requirements of this clause.",
    ],
)
def test_own_nda3_a_certificate_of_the_return_duty_itself_still_reads_as_one(text: str) -> None:
    assert "certify_destruction" in cue_names("return_destruction", text)


# The agreement's own fixed term, stated as an anniversary of its date or with its duties carried
# along in an aside ("This Agreement, and all of the obligations of the parties hereunder, shall
# terminate ... on the second anniversary of the date hereof"): duties that only continue after the
# return of the materials end with it (the judge's survival counted from signing).
ANNIVERSARY_TERMS = [
    ("This Agreement shall terminate on the second anniversary of the date hereof.", 2.0),
    (
        "This Agreement, and all obligations of the Recipient under it, shall expire on the third "
        "anniversary of the Effective Date.",
        3.0,
    ),
    (
        "THIS AGREEMENT, AND ALL OF THE OBLIGATIONS OF THE PARTIES HEREUNDER, SHALL TERMINATE AND BE OF NO "
        "FURTHER FORCE OR EFFECT ON THE FIRST ANNIVERSARY OF THE DATE HEREOF.",
        1.0,
    ),
    (
        "This Agreement, together with the undertakings in Clause 4, will cease to have effect on the "
        "2nd anniversary of the date of this Agreement.",
        2.0,
    ),
]


@pytest.mark.parametrize(("text", "years"), ANNIVERSARY_TERMS)
def test_own_nda3_a_term_ending_on_an_anniversary_of_the_date_is_the_agreements_term(
    text: str, years: float
) -> None:
    term = agreement_term(text)
    assert term is not None and term.value == years


@pytest.mark.parametrize(
    "text",
    [
        # Counted from another event, not from signing: no fixed term.
        "This Agreement shall terminate on the first anniversary of the Closing.",
        # An anniversary that ends no agreement.
        "The Company shall deliver its audited accounts on the first anniversary of the date hereof.",
    ],
)
def test_own_nda3_an_anniversary_that_is_no_term_from_signing_is_not_read_as_one(text: str) -> None:
    assert agreement_term(text) is None


def test_own_nda3_duties_kept_after_the_return_end_with_an_anniversary_term() -> None:
    text = (
        "CONFIDENTIALITY AGREEMENT\n\n"
        "1. The Recipient shall keep the Evaluation Material confidential and use it solely to evaluate the "
        "Transaction.\n\n"
        "2. Upon request the Recipient shall return or destroy the Evaluation Material. Notwithstanding the "
        "return or destruction of the Evaluation Material, the Recipient will continue to be bound by its "
        "obligations hereunder.\n\n"
        "3. This Agreement shall terminate on the first anniversary of the date hereof.\n"
    )
    status, reason = _verdict("post_termination", text)
    assert status == WEAK and "after its date" in reason


# Survival counted from the end of an office or seat, as the spec counts the end of employment:
# the board observer letter's duties "for two years after the Observer ceases to attend meetings".
AFTER_AN_OFFICE_ENDS = [
    "These obligations bind each director for three years after he or she ceases to serve on the Board.",
    "The Observer's duties of confidence continue for two years after the Observer ceases to attend "
    "board meetings.",
    "the covenants herein shall remain binding upon the Designee for a period of two (2) years after such "
    "Designee shall have ceased to be a director of the Corporation",
    "A member of the Advisory Panel remains bound by this undertaking for five years after the member "
    "resigns or is removed from the Panel.",
]


@pytest.mark.parametrize("text", AFTER_AN_OFFICE_ENDS)
def test_own_nda3_duties_counted_from_the_end_of_an_office_read_as_survival(text: str) -> None:
    assert "after_employment" in cue_names("post_termination", text)


@pytest.mark.parametrize(
    "text",
    [
        "The right to attend meetings ends when the Investor ceases to hold the Shares.",
        "Notices of meetings shall be sent to the Observer until he ceases to attend them.",
        "After the Chair resigns, the Board shall appoint a successor within thirty days.",
    ],
)
def test_own_nda3_an_office_ending_with_no_duty_counted_from_it_is_not_survival(text: str) -> None:
    assert "after_employment" not in cue_names("post_termination", text)


# A period counted from the receiver's last access to the information is how long the duties last,
# not a window to retrieve data after termination: the data-room rules' eighteen months were skipped.
FROM_LAST_ACCESS = [
    (
        "The Bidder's obligations survive the end of the process and expire eighteen (18) months after "
        "its last access to the Data Room.",
        1.5,
    ),
    (
        "These undertakings shall survive and lapse twelve months after the Recipient's final access to the "
        "Information.",
        1.0,
    ),
    (
        "the covenants hereof shall survive and terminate two (2) years after the latest access by the "
        "Recipient to the Evaluation Material",
        2.0,
    ),
    (
        "The Tenderer's undertakings in this Form survive the award and end 6 months after its last access "
        "to the Tender Portal.",
        0.5,
    ),
]


@pytest.mark.parametrize(("text", "years"), FROM_LAST_ACCESS)
def test_own_nda3_a_period_from_the_last_access_is_a_survival_period(text: str, years: float) -> None:
    assert [q.value for q in survival_periods(text)] == [years]


@pytest.mark.parametrize(
    "text",
    [
        "Customer may access and export its data for ninety days after termination.",
        "After expiry the Client shall have access to its files for 30 days to download them.",
    ],
)
def test_own_nda3_a_window_to_retrieve_data_is_still_no_survival_period(text: str) -> None:
    assert survival_periods(text) == ()


# Audit's vocabulary, widened for forms the spec names and our set's audit positives use in other
# words: a register of recipients kept in the passive, a report on the uses made of the information,
# a right to review the receiver's security measures. Look-alikes must stay out, and so must the
# receiver's own auditors at their statutory audit.
AUDIT_FORMS = [
    (
        "records_of_recipients",
        "A written log will be kept of all employees who receive the Confidential Information.",
    ),
    (
        "records_of_recipients",
        "A register is to be maintained of the persons to whom Confidential Information is disclosed.",
    ),
    (
        "records_of_recipients",
        "a record shall be maintained of each and every Representative to whom any "
        "Evaluation Material is furnished",
    ),
    (
        "records_of_recipients",
        "A list must be kept of all individuals who have been given access to the Data.",
    ),
    (
        "report_on_use",
        "At the Owner's request the Contractor shall report in writing on the uses it has made of "
        "the Drawings.",
    ),
    ("report_on_use", "The Licensee shall report promptly on any use it has made of the Know-How."),
    ("report_on_use", "the Recipient shall report fully on the handling of the Evaluation Material"),
    (
        "report_on_use",
        "The Researcher shall report in writing on all uses of the Data at the end of each term.",
    ),
    (
        "audit_compliance",
        "The Sponsor shall have the right, at its own cost, to review the Institution's security "
        "measures for the Data.",
    ),
    (
        "audit_compliance",
        "The Company may assess the Consultant's security arrangements on reasonable notice.",
    ),
    (
        "audit_compliance",
        "the Disclosing Party shall be entitled to review the Recipient's protective measures "
        "from time to time",
    ),
    ("audit_compliance", "The Department may test the Contractor's security controls at any time."),
]


@pytest.mark.parametrize(("cue", "text"), AUDIT_FORMS)
def test_own_nda3_audit_forms_in_other_words_read_as_audit(cue: str, text: str) -> None:
    assert cue in cue_names("audit", text)


@pytest.mark.parametrize(
    "text",
    [
        "A record shall be kept of all payments made under this Agreement.",
        "A log shall be kept of all support requests received by the Help Desk.",
        "The Contractor shall report on the progress of the Works every month.",
        "Each Party shall report in writing on its sales of the Products.",
        "The Board shall review its security measures once a year.",
        "The Recipient's auditors may review its records in the ordinary course of their statutory audit.",
        "The Receiving Party's independent auditors may inspect its books and records each year.",
    ],
)
def test_own_nda3_audit_look_alikes_in_the_same_words_stay_out(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score == 0.0


def test_own_nda3_the_disclosers_auditors_still_audit() -> None:
    text = "The Discloser's auditors may inspect the Recipient's records to verify compliance with Clause 5."
    assert apply_rules(elements()["audit"], text).score > 0.0


# The record of recipients told in the present or past tense, as a list of the receiver's
# undertakings drafts it ("(c) it keeps a written record of those Representatives").
RECORD_KEPT_IN_OTHER_TENSES = [
    "and (c) it keeps a written record of those Representatives;",
    "The Consultant maintains a register of the individuals who have seen the Drawings.",
    "The Recipient has kept a list of each employee given access to the Evaluation Material.",
    "the Contractor, maintaining at all times a log of every person granted access to the Data,",
]


@pytest.mark.parametrize("text", RECORD_KEPT_IN_OTHER_TENSES)
def test_own_nda3_a_record_of_recipients_in_any_tense_reads_as_audit(text: str) -> None:
    assert "records_of_recipients" in cue_names("audit", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient makes a note of the date of each meeting.",
        "The Company keeps records of its own sales.",
    ],
)
def test_own_nda3_other_records_kept_are_not_a_record_of_recipients(text: str) -> None:
    assert "records_of_recipients" not in cue_names("audit", text)


MAY_LEAD = "the clause only says breach may lead to action"

# The spec's weak remedy said as a condition: "if you break these promises, we may take legal
# action" only says what may follow a breach (present, weak), as "breach may result in" does.
CONDITIONAL_MAY_LEAD = [
    "If you or your team break these promises, we may take legal action against you.",
    "If the Recipient breaches this letter, the Company may bring proceedings against it.",
    "In the event that the Recipient shall breach any provision hereof, the Company may institute legal "
    "proceedings against the Recipient.",
    "Should the Contractor fail to comply with this Undertaking, the Department may take such legal action "
    "as it deems appropriate.",
]


@pytest.mark.parametrize("text", CONDITIONAL_MAY_LEAD)
def test_own_nda3_a_breach_on_which_action_may_follow_is_a_weak_remedy(text: str) -> None:
    assert "breach_may_lead" in cue_names("remedies", text)
    assert MAY_LEAD in weak_reasons("remedies", text)


@pytest.mark.parametrize(
    "text",
    [
        "If the Recipient breaches this Agreement, the Company may terminate it.",
        "If a third party breaches its licence, the Licensor may bring proceedings against that party.",
    ],
)
def test_own_nda3_termination_or_a_suit_against_someone_else_is_no_remedy(text: str) -> None:
    assert apply_rules(elements()["remedies"], text).score == 0.0


def test_own_nda3_a_remedy_granted_beside_the_condition_is_not_weak() -> None:
    text = (
        "If the Recipient breaches this Agreement, the Discloser shall be entitled to an injunction and may "
        "also take legal action."
    )
    assert MAY_LEAD not in weak_reasons("remedies", text)


# The receiver making sure its people keep the information confidential, in plain words and with
# the people as a pronoun ("you'll make sure they keep it private too"): the spec's personnel duty.
MAKE_SURE_THEY_KEEP = [
    "Inside your firm you can share it with the partners helping you decide, and you'll make sure they "
    "keep it private too.",
    "Each Party shall see to it that those persons keep the Confidential Information secret.",
    "and the Recipient shall make certain that each of them holds such information in strict confidence",
    "The Contractor must make sure that any person given access keeps the Data confidential.",
]


@pytest.mark.parametrize("text", MAKE_SURE_THEY_KEEP)
def test_own_nda3_making_sure_the_people_keep_it_confidential_is_personnel(text: str) -> None:
    assert "sees_that_staff_keep" in cue_names("personnel", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Parties shall ensure that they comply with all applicable laws.",
        "Please make sure they are delivered to the site by noon.",
        "The Supplier shall make sure that all goods are kept in a dry place.",
    ],
)
def test_own_nda3_making_sure_of_something_else_is_not_personnel(text: str) -> None:
    assert "sees_that_staff_keep" not in cue_names("personnel", text)


NO_FLOWDOWN = "affiliates, advisers or other third parties may receive it with no duty flowing down"


def _nda(*clauses: str) -> str:
    body = "\n\n".join(clauses)
    return f"CONFIDENTIALITY AGREEMENT\n\n{body}\n\nThis Agreement is governed by Delaware law.\n"


# Structure: the door to a main channel (limited partners, affiliated funds, financing sources,
# lenders) opened in a sub-clause of its own, apart from the non-disclosure duty. The classifier
# does not read that sub-clause as third-party limits by itself, so its decisive weak signal was
# never weighed (the PE letter's and the board observer letter's third-party limits read as not weak).
DOOR_IN_ITS_OWN_SUB_CLAUSE = [
    _nda(
        "2. Non-Disclosure.",
        "(a) We will keep the Evaluation Material confidential and will not disclose it to anyone, except to "
        "those of our Representatives who need to know it for the Transaction.",
        "(b) Notwithstanding paragraph (a), we may share Evaluation Material and the status of the "
        "Transaction with our limited partners and prospective co-investors in connection with their "
        "consideration of an investment in the Transaction or in funds we manage.",
    ),
    _nda(
        "SECTION 3.01. Non-Disclosure. The Recipient shall hold the Evaluation Material in strict "
        "confidence and shall not disclose the same to any person whomsoever.",
        "SECTION 3.02. Permitted Recipients. Nothing herein shall prevent the Recipient from furnishing "
        "Evaluation Material to its Affiliates and its financing sources.",
    ),
    _nda(
        "4. Confidentiality. (a) The Observer shall hold all Confidential Information in strict "
        "confidence and shall not disclose it to any person.",
        "(b) The Observer may share Confidential Information with the Fund, its affiliated funds and their "
        "investment committee members, to the extent reasonably necessary for the purpose of monitoring the "
        "Fund's investment in the Company.",
    ),
    _nda(
        "Section 5. The Contractor shall not release any Project Information to any person except as "
        "provided in this Form.",
        "Section 6. Notwithstanding Section 5, the Contractor may disclose Project Information, including "
        "schedules, estimates and the status of the Project, to its lenders and investors in connection with "
        "the financing of its working capital and bonding during the performance of the Contract.",
    ),
]


@pytest.mark.parametrize("text", DOOR_IN_ITS_OWN_SUB_CLAUSE)
def test_own_nda3_a_main_channel_opened_in_its_own_sub_clause_weakens_third_party_limits(text: str) -> None:
    status, reason = _verdict("third_party", text)
    assert status == WEAK and NO_FLOWDOWN in reason


@pytest.mark.parametrize(
    "text",
    [
        _nda(
            "2. (a) The Recipient will keep the Evaluation Material confidential and will not disclose it to "
            "anyone, except to those of its Representatives who need to know it for the Transaction.",
            "(b) Notwithstanding paragraph (a), the Recipient may share Evaluation Material with its limited "
            "partners, provided that each of them is bound by a confidentiality agreement no less protective "
            "than this letter.",
        ),
        _nda(
            "2. (a) The Recipient will keep the Evaluation Material confidential and will not disclose it to "
            "anyone, except to those of its Representatives who need to know it for the Transaction.",
            "(b) The Recipient may disclose the fact that discussions are taking place to its "
            "Representatives who are informed of this letter.",
        ),
    ],
)
def test_own_nda3_a_channel_bound_or_no_main_channel_is_no_open_door(text: str) -> None:
    status, _ = _verdict("third_party", text)
    assert status != WEAK


NO_DEFINED_TERM = "no defined term: the information is only described"

# A scope only described, in the plain word "private" or as "private and confidential": the spec's
# weak definition (no defined term), as "keep secret anything the other shares" already was.
KEPT_PRIVATE_WITH_NO_TERM = [
    "You'll keep private everything we share with you about the company.",
    "The adviser will keep private anything the family discloses about its affairs.",
    "the undersigned shall hold private and confidential whatever the Company shall impart to him",
    "Volunteers must keep private anything they learn about clients of the Agency.",
]


@pytest.mark.parametrize("text", KEPT_PRIVATE_WITH_NO_TERM)
def test_own_nda3_a_scope_kept_private_with_no_term_is_a_weak_definition(text: str) -> None:
    assert NO_DEFINED_TERM in weak_reasons("definition", text)


@pytest.mark.parametrize(
    "text",
    [
        "You'll keep private everything in the Confidential Information.",
        "We keep private the records of our members.",
    ],
)
def test_own_nda3_a_term_named_or_no_scope_described_is_not_that_weakness(text: str) -> None:
    assert NO_DEFINED_TERM not in weak_reasons("definition", text)


FIXTURES = Path(__file__).parent / "fixtures" / "own_ndas3"

# Measured on the twelve fixture documents at the end of this round (shipped model): macro-F1
# 1.000, weak-flag accuracy 0.983, evidence hit 0.875, all 13 verdicts right 10 of 12, false
# 'missing' 0 of 12 contracts, right among unflagged 98.4%, flagged 21.8%. (Main's detector before
# this round, labels as written blind: 0.974, 0.948, 0.871, 7 of 12, 0.25, 95.9%, 21.8%.)
# Each floor sits a stated tolerance below (each ceiling above) the measure, never at it: 0.03 for
# the rates over 156 verdicts, one contract for the per-contract figures, 0.02 and 5 points for review.
FIXTURE_FLOORS = {
    "macro_f1": 1.0 - 0.03,
    "weak_accuracy": 0.983 - 0.03,
    "evidence_hit_rate": 0.875 - 0.03,
    "all_right": (10 - 1) / 12 - 0.001,
    "unflagged_right": 0.984 - 0.02,
}
FIXTURE_CEILINGS = {"false_missing_per_contract": 0 / 12 + 1 / 12 + 0.001, "flagged_share": 0.218 + 0.05}


def test_own_nda3_fixture_set_stays_above_its_floors() -> None:
    """The whole third set of our own NDAs (labels written by the spec before the detector ran):
    a later change that breaks these documents shows here."""
    measured = own_set_figures(FIXTURES, 12)
    outside = out_of_bounds(measured, FIXTURE_FLOORS, FIXTURE_CEILINGS)
    assert not outside, f"below a floor or above a ceiling: {outside}"


# A tax authority's name is not a fee audit: "the Internal Revenue Service may inspect" hit the
# fees_only negation's "revenue" and cancelled a discloser's inspection right beside it (it showed
# once the clause number no longer hid the negation, on the first set's state government form).
TAX_AUTHORITY_BESIDE_AN_AUDIT = [
    "The Department and the Internal Revenue Service may inspect the Contractor's systems to verify "
    "compliance with this Agreement.",
    "HM Revenue & Customs and the Authority may audit the Supplier's records to verify compliance with "
    "clause 9.",
    "The Agency, together with the Canada Revenue Agency, may examine the Contractor's premises to verify "
    "compliance with this Schedule.",
    "the Revenue Commissioners and the Company may inspect the Recipient's systems to verify its compliance "
    "with this Deed",
]


@pytest.mark.parametrize("text", TAX_AUTHORITY_BESIDE_AN_AUDIT)
def test_own_nda3_a_tax_authoritys_name_does_not_cancel_an_audit(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score > 0.0


@pytest.mark.parametrize(
    "text",
    [
        "The Licensor may audit the Licensee's revenue records once a year.",
        "The Company may inspect the Distributor's sales and revenue reports each quarter.",
    ],
)
def test_own_nda3_revenue_audits_are_still_fee_audits(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score == 0.0


# Audit look-alikes in NDAs: a saving clause that leaves an authority's own powers untouched grants
# no audit right (the brief's "a regulator's inspection"); the receiver's own auditors at the audit
# of its accounts are no check by the discloser.
AUDIT_SAVING_CLAUSES_AND_OWN_AUDITORS = [
    "Nothing in this Agreement restricts the right of any governmental authority to inspect the books and "
    "records of either party.",
    "Nothing in this letter shall prejudice the powers of any regulator to examine the records of the "
    "Lender.",
    "No provision hereof shall be deemed to limit the authority of any governmental agency to audit the "
    "books of the Corporation.",
    "Nothing herein limits the rights of any court or the State Auditor to inspect the Contractor's records.",
]


@pytest.mark.parametrize("text", AUDIT_SAVING_CLAUSES_AND_OWN_AUDITORS)
def test_own_nda3_saved_powers_and_own_auditors_are_no_audit(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Nothing in this Agreement limits the Discloser's right to audit the Recipient's compliance with "
        "Clause 4.",
        "The Regulator and the Company may inspect the Recipient's systems to verify compliance with this "
        "Deed.",
    ],
)
def test_own_nda3_an_audit_right_beside_those_words_still_counts(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score > 0.0


@pytest.mark.parametrize(
    "clause",
    [
        "The auditors of the Recipient may have access to the Confidential Information to the extent "
        "required for the audit of its annual accounts.",
        "The Receiving Party's independent auditors may see the Evaluation Material in the course of the "
        "statutory audit of the Receiving Party.",
    ],
)
def test_own_nda3_the_receivers_own_auditors_read_by_the_classifier_are_no_audit(clause: str) -> None:
    duty = "1. The Recipient shall keep the Information secret."
    text = f"CONFIDENTIALITY AGREEMENT\n\n{duty}\n\n2. {clause}\n"
    assert _score("audit", text, r"audit") < PRESENT_THRESHOLD


# More of audit's forms in the words drafters use: the check as a noun the discloser may conduct,
# a review named by whose handling it looks at, evidence that the receiver has complied, a
# statement of compliance, a report setting out the steps taken to protect the information.
AUDIT_NOUN_FORMS = [
    (
        "audit_right",
        "The Disclosing Party reserves the right to conduct periodic reviews of the Recipient's "
        "handling of the Confidential Information.",
    ),
    ("audit_right", "The Client may carry out spot checks at the Consultant's offices."),
    (
        "audit_right",
        "the Company shall be entitled to undertake inspections of the premises of the Purchaser "
        "wherein any Evaluation Material is kept",
    ),
    ("audit_right", "The University may perform audits of the Researcher's data storage at any time."),
    (
        "review_by_discloser_of_handling",
        "The Recipient shall cooperate with any audit of the Recipient's safeguarding of the Information.",
    ),
    (
        "certify_compliance",
        "The Recipient will provide, on request, reasonable evidence that it has complied "
        "with Clauses 3 to 6.",
    ),
    (
        "certify_compliance",
        "The Contractor shall submit to the Department an annual statement of compliance "
        "signed by its chief executive.",
    ),
    (
        "measures_reported",
        "The Company may request a written report setting out the steps taken by the "
        "Recipient to protect the Confidential Information.",
    ),
]


@pytest.mark.parametrize(("cue", "text"), AUDIT_NOUN_FORMS)
def test_own_nda3_audit_noun_forms_read_as_audit(cue: str, text: str) -> None:
    assert cue in cue_names("audit", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Parties may conduct reviews of the Project's progress at each milestone.",
        "Each party may carry out checks on the quality of the goods delivered.",
        "The Contractor shall provide proof that it has paid all fees due.",
    ],
)
def test_own_nda3_noun_forms_of_other_checks_are_no_audit(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score == 0.0
