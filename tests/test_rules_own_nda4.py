"""Weak wording and look-alikes from our fourth set of own NDAs (issue 11).

The twelve documents in tests/fixtures/own_ndas4 were written and labelled by the spec before
the detector ran on them (a held-out check of the first three rounds' fixes). The detector's
real errors fell into classes of wording; each class is tested here with text of our own in
several drafting styles (US plain, UK/Commonwealth, SEC-exhibit legalese, government or
university form), with look-alikes that must not match, beyond the fixture documents; the whole
set is evaluated against floors set below what was measured.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from detect_fixtures import enforced_score, out_of_bounds, own_set_figures, weak_reasons

from clauses.detect.rules import apply_rules
from clauses.elements import elements

FIXTURES = Path(__file__).parent / "fixtures" / "own_ndas4"

NO_NOTICE = "disclosure required by law is allowed with no notice duty"
NO_DEFINED_TERM = "no defined term: the information is only described"
KEEPS_COPIES = "the receiver may keep copies without limit"


# Compelled disclosure, weak: the law, the court or the agency as the one that requires, and no
# notice to the discloser. Four drafting styles.
LAW_REQUIRES_NO_NOTICE = [
    "The Receiving Party may disclose Confidential Information if a law, court order or government "
    "agency requires it to do so.",
    "The Recipient may disclose Confidential Information where any statute or regulation of a "
    "competent authority so requires.",
    "Notwithstanding the foregoing, the Receiving Party may disclose such portion of the Confidential "
    "Information as any court of competent jurisdiction or legal process compels.",
    "The Contractor may release Proprietary Information to the extent a subpoena or the State's "
    "public records statute requires.",
]

# The same permission with notice to the discloser, or a chance to seek protection: not weak.
LAW_REQUIRES_WITH_NOTICE = [
    "The Receiving Party may disclose Confidential Information if a court order requires it to do so, "
    "provided that it first gives the Disclosing Party written notice.",
    "Where applicable law so requires, the Recipient may disclose Confidential Information after "
    "consulting the Discloser so that it may seek a protective order.",
]


@pytest.mark.parametrize("text", LAW_REQUIRES_NO_NOTICE)
def test_own_nda4_the_law_requiring_with_no_notice_is_weak(text: str) -> None:
    assert NO_NOTICE in weak_reasons("compelled_disclosure", text)


@pytest.mark.parametrize("text", LAW_REQUIRES_WITH_NOTICE)
def test_own_nda4_the_law_requiring_with_notice_is_not_weak(text: str) -> None:
    assert NO_NOTICE not in weak_reasons("compelled_disclosure", text)


# Definition, weak: the agreement itself is said to apply to all information of a kind, with no
# defined term (the spec's "just a description"). Four styles.
AGREEMENT_APPLIES_TO_ALL_INFORMATION = [
    "This agreement applies to all information which the Company furnishes to the undersigned, "
    "whether orally or in writing.",
    "This Deed applies to any information relating to the Vendor's business that the Purchaser "
    "receives in the course of the negotiations.",
    "The provisions of this Agreement shall apply to all technical and business information "
    "heretofore or hereafter furnished by the Corporation.",
    "This letter relates to all data and materials the University makes available to the Sponsor.",
]

# A defined term given to that information, or the term itself named: not this weakness.
AGREEMENT_APPLIES_TO_A_TERM = [
    "This Agreement shall apply to all Confidential Information disclosed by either party.",
    'This Agreement applies to any information disclosed by the Company (the "Information").',
    "This Agreement applies to all Evaluation Material furnished to you.",
]


@pytest.mark.parametrize("text", AGREEMENT_APPLIES_TO_ALL_INFORMATION)
def test_own_nda4_an_agreement_applying_to_described_information_is_a_weak_definition(text: str) -> None:
    assert NO_DEFINED_TERM in weak_reasons("definition", text)


@pytest.mark.parametrize("text", AGREEMENT_APPLIES_TO_A_TERM)
def test_own_nda4_an_agreement_applying_to_a_defined_term_is_not_that_weakness(text: str) -> None:
    assert NO_DEFINED_TERM not in weak_reasons("definition", text)


# Return or destruction: copies kept because a law or regulation obliges the receiver to keep
# them, or kept as the agreement's information by its name, are limited (not weak). Four styles.
RETENTION_LIMITED = [
    "Supplier shall return all documents containing Buyer Information, but may retain the quality "
    "records it is required to keep by 21 C.F.R. Part 820 for the retention period stated there.",
    "The Recipient shall destroy all Confidential Information, save that it may keep any copies it is "
    "obliged to preserve by the rules of its professional body.",
    "Upon request the Receiving Party shall return the Evaluation Material; provided that it may retain "
    "one set of board papers, which shall remain Evaluation Material hereunder.",
    "The Contractor shall return all State Data, except that it may keep copies it is bound to hold "
    "under the State's records schedule.",
]

# Copies kept at the receiver's discretion, with nothing limiting them: still weak.
RETENTION_UNLIMITED = [
    "The Recipient shall return or destroy the Evaluation Material, but may retain copies of its own "
    "notes and analyses.",
    "You may keep such copies of the Confidential Information as you consider appropriate.",
]


@pytest.mark.parametrize("text", RETENTION_LIMITED)
def test_own_nda4_copies_kept_by_a_duty_or_still_covered_are_not_without_limit(text: str) -> None:
    assert KEEPS_COPIES not in weak_reasons("return_destruction", text)


@pytest.mark.parametrize("text", RETENTION_UNLIMITED)
def test_own_nda4_copies_kept_at_discretion_are_still_without_limit(text: str) -> None:
    assert KEEPS_COPIES in weak_reasons("return_destruction", text)


# Audit look-alikes: a public body's own audit by the state's auditor (its status, or saved), and
# a would-be buyer who looks at the seller's property or books with its own inspectors. Four styles
# each; no discloser's check on the receiver.
AUDIT_LOOK_ALIKES = [
    "The universities maintain records under their retention schedules and are subject to audit by "
    "the State Auditor of Public Accounts. Nothing in this Agreement limits the access of those state "
    "auditors to university records.",
    "The Council remains subject to examination by the Comptroller General in respect of its records "
    "and accounts.",
    "Nothing in this Agreement shall affect the powers of the Auditor-General to inspect the records "
    "of the Department.",
    "Prospective Purchaser and its property inspectors may inspect the Property on forty-eight "
    "hours' notice to Broker.",
    "The Potential Investor may examine the books and records of the Company at its offices.",
    "Any Prospective Buyer shall be entitled to inspect the Site and the operating records kept there.",
]

# The discloser's own check, beside those words: still an audit.
AUDITS_BESIDE_THE_LOOK_ALIKES = [
    "The Owner may inspect the Prospective Purchaser's files to verify its compliance with this Agreement.",
    "The University may audit the Sponsor's compliance with this Agreement, including its records of "
    "the persons who received Confidential Information.",
    "The Contractor shall make its records relating to the State's Confidential Information available "
    "to the State for inspection.",
]


@pytest.mark.parametrize("text", AUDIT_LOOK_ALIKES)
def test_own_nda4_public_auditors_and_buyers_inspecting_are_no_audit(text: str) -> None:
    assert enforced_score("audit", text) == 0.0


@pytest.mark.parametrize("text", AUDITS_BESIDE_THE_LOOK_ALIKES)
def test_own_nda4_the_disclosers_check_still_counts(text: str) -> None:
    assert enforced_score("audit", text) > 0.0


# Personnel look-alike: each party's responsibility for its own acts and its employees' (an
# allocation of liability in university and government forms) names no information.
OWN_ACTS_ALLOCATIONS = [
    "Each Party is responsible for its own acts and omissions and those of its employees, to the "
    "extent permitted by the laws of its state.",
    "Each of the parties shall be liable for its own negligence and that of its officers, employees "
    "and agents.",
    "Either party shall be answerable for its own acts and those of its staff under the law of the Province.",
]

# The same responsibility over the information: personnel.
RESPONSIBLE_OVER_THE_INFORMATION = [
    "Each party shall be responsible for its own acts and those of its employees in relation to the "
    "Confidential Information.",
    "The Recipient shall be liable for any breach of this Agreement by its employees.",
]


@pytest.mark.parametrize("text", OWN_ACTS_ALLOCATIONS)
def test_own_nda4_each_partys_own_acts_are_no_personnel_duty(text: str) -> None:
    assert enforced_score("personnel", text) == 0.0


@pytest.mark.parametrize("text", RESPONSIBLE_OVER_THE_INFORMATION)
def test_own_nda4_responsibility_over_the_information_is_still_personnel(text: str) -> None:
    assert enforced_score("personnel", text) > 0.0


# Measured at the end of this round (macro-F1 1.000, weak 0.984, evidence 0.968, all-13 10/12, right
# among unflagged 0.985, false missing 0/12, flagged 0.135); each floor sits a stated tolerance below
# it (0.03, or one contract), each ceiling above it, never equal: a later change that breaks these
# documents shows.
FIXTURE_FLOORS = {
    "macro_f1": 1.0 - 0.03,
    "weak_accuracy": 0.984 - 0.03,
    "evidence_hit_rate": 0.968 - 0.03,
    "all_right": 10 / 12 - 1 / 12 - 0.001,
    "unflagged_right": 0.985 - 0.03,
}
FIXTURE_CEILINGS = {"false_missing_per_contract": 0 / 12 + 1 / 12 + 0.001, "flagged_share": 0.135 + 0.05}


def test_own_nda4_fixture_set_stays_above_its_floors() -> None:
    """The whole fourth set of our own NDAs (labels written by the spec before the detector ran):
    a later change that breaks these documents shows here."""
    measured = own_set_figures(FIXTURES, 12)
    outside = out_of_bounds(measured, FIXTURE_FLOORS, FIXTURE_CEILINGS)
    assert not outside, f"below a floor or above a ceiling: {outside}"


# Exclusions named as nouns, as when brought in from another document or listed by kind: the
# exclusion or exception beside its kind. Four styles.
EXCLUSIONS_NAMED = [
    "The exclusions in section 3 of the Existing NDA (public information, prior knowledge, third-party "
    "sources and independent development) apply to Source Code Materials as if set out in full here.",
    "The usual exceptions for information in the public domain and for prior possession shall apply to "
    "this Undertaking.",
    "Clause 4 of the Master Agreement (Exceptions: public knowledge, independent creation) is "
    "incorporated into this Deed.",
    "The carve-outs for third party receipt and independent development in the University's standard "
    "CDA apply to all Proprietary Information.",
]

# Exclusions or exceptions of something else, and the discloser's prior knowledge and consent.
EXCLUSIONS_OF_OTHER_THINGS = [
    "The exclusions of liability in Section 9 do not limit a party's liability for fraud.",
    "Any exception to these obligations requires the prior knowledge and written consent of the Discloser.",
]


@pytest.mark.parametrize("text", EXCLUSIONS_NAMED)
def test_own_nda4_exclusions_named_as_nouns_count(text: str) -> None:
    assert "exclusions_named" in {cue.name for cue in apply_rules(elements()["exclusions"], text).cues}


@pytest.mark.parametrize("text", EXCLUSIONS_OF_OTHER_THINGS)
def test_own_nda4_other_exclusions_are_not_named_exclusions(text: str) -> None:
    assert "exclusions_named" not in {cue.name for cue in apply_rules(elements()["exclusions"], text).cues}


# The quoting order: a form attached for someone else to sign (an employee's secrecy undertaking
# in a schedule, a representative's joinder) repeats the duty in the signer's words; its
# confidentiality heading must not put it before the operative clause it nearly ties with. Four
# styles of attached form; an operative confidentiality schedule keeps its place.
ATTACHED_FORMS = [
    "SCHEDULE 2 - EMPLOYEE SECRECY UNDERTAKING\n\nI undertake that I will keep the Owner's "
    "information secret and that this undertaking continues after my employment ends.",
    "EXHIBIT A\n\nFORM OF CONFIDENTIALITY JOINDER\n\nThe undersigned agrees to keep the Evaluation "
    "Material confidential for the period stated in the Agreement.",
    "ANNEX 3 - CONFIDENTIALITY DECLARATION\n\nI declare that I shall hold the Tender Information in "
    "confidence, also after the Procurement ends.",
    "Appendix B - Non-Disclosure Acknowledgement\n\nI acknowledge that my duty of confidentiality "
    "survives the end of my engagement.",
]
OPERATIVE_SCHEDULE = (
    "SCHEDULE 4 - CONFIDENTIALITY\n\nThe Supplier's duties of confidentiality survive the "
    "termination of this Agreement for five years."
)


def _quoted_first(attachment: str) -> str:
    """Which of two nearly tied candidates (body clause, attachment) detect quotes first."""
    # A private helper: the ordering rule alone, without the classifier's taste in scores.
    from clauses.detect import _quoting_order
    from clauses.segment import plain_document

    body = (
        "CONFIDENTIALITY AGREEMENT\n\n1. Duration\n\nThe Recipient's obligations continue for five "
        f"years after termination.\n\n2. Governing Law\n\nThis Agreement is governed by English law.\n\n"
        f"{attachment}\n"
    )
    document = plain_document(body, path="forms.txt", fmt="text", sha256="")
    rows = {
        "body": next(i for i, c in enumerate(document.clauses) if "five years after termination" in c.text),
        "form": len(document.clauses) - 1,
    }
    # The attachment scores a little lower, within the tie margin (a confidentiality heading would
    # move it first).
    candidates = [
        (score, document.clauses[row].start, document.clauses[row].end, row, 0.9, 0.9, (), ())
        for score, row in ((0.96, rows["body"]), (0.93, rows["form"]))
    ]
    kept = _quoting_order(elements()["post_termination"], candidates, document.clauses, document.text)
    return "form" if kept[0][3] == rows["form"] else "body"


@pytest.mark.parametrize("attachment", ATTACHED_FORMS)
def test_own_nda4_an_attached_form_is_not_quoted_before_the_operative_clause(attachment: str) -> None:
    assert _quoted_first(attachment) == "body"


def test_own_nda4_an_operative_confidentiality_schedule_keeps_its_place() -> None:
    assert _quoted_first(OPERATIVE_SCHEDULE) == "form"


def _cues(element: str, text: str) -> set[str]:
    return {cue.name for cue in apply_rules(elements()[element], text).cues}


# The use duty whose verb carries a rider on the people the receiver answers for, set off by
# commas or brackets. Four styles.
USE_WITH_A_RIDER = [
    "Tallwater shall use, and shall cause its Representatives to use, Company Information solely to "
    "evaluate and negotiate the Transaction.",
    "The Bidder will use (and will ensure that its advisers use) the Information only for the Project.",
    "The Contractor shall use, or permit its sub-contractors to use, the State's Confidential Information "
    "only for the performance of the Contract.",
    "Each Party shall use, and procure that its Affiliates use, the other Party's Confidential "
    "Information exclusively for the Purpose.",
]

# A use that is not a duty to limit the use: not read.
USE_LOOK_ALIKES = [
    "For internal use, copies shall be kept only to the extent necessary.",
    "Any equipment in use, including laptops, shall be returned only after inspection.",
]


@pytest.mark.parametrize("text", USE_WITH_A_RIDER)
def test_own_nda4_a_use_duty_with_a_rider_is_read(text: str) -> None:
    assert "use_solely" in _cues("use_limitation", text)


@pytest.mark.parametrize("text", USE_LOOK_ALIKES)
def test_own_nda4_use_with_a_comma_but_no_rider_is_not(text: str) -> None:
    assert "use_solely" not in _cues("use_limitation", text)


# An inspection of compliance that names the discloser's samples among what is kept: an audit,
# not a quality inspection. Four styles.
COMPLIANCE_INSPECTIONS_NAMING_SAMPLES = [
    "To verify Manufacturer's compliance with this Agreement, Owner may inspect the areas of "
    "Manufacturer's plant where the Process or Samples are used or stored.",
    "The Discloser may audit the Recipient's storage of the Samples and Confidential Information to "
    "confirm that it complies with this Agreement.",
    "The Company reserves the right to inspect the premises where its samples and drawings are held, "
    "to verify that the Supplier complies with this Agreement.",
    "The University may examine the Sponsor's records of the Materials and samples received in order "
    "to verify compliance with this CDA.",
]

# Quality samples: samples of the products, or samples submitted or drawn.
QUALITY_SAMPLES = [
    "Licensor may inspect samples of the Licensed Products to verify compliance with its standards.",
    "The Licensee shall submit production samples to the Licensor, which may inspect them for compliance.",
]


@pytest.mark.parametrize("text", COMPLIANCE_INSPECTIONS_NAMING_SAMPLES)
def test_own_nda4_an_inspection_naming_the_disclosers_samples_is_an_audit(text: str) -> None:
    assert enforced_score("audit", text) > 0.0


@pytest.mark.parametrize("text", QUALITY_SAMPLES)
def test_own_nda4_quality_samples_are_still_no_audit(text: str) -> None:
    assert enforced_score("audit", text) == 0.0


# Survival by a duty said to have no limit in time, or to outlast the agreement. Four styles.
DUTIES_WITHOUT_LIMIT_IN_TIME = [
    "The duty of confidence owed under this Deed is not limited in time.",
    "The obligations of confidence under clause 1 are unlimited in duration.",
    "The Recipient's duties under clause 1 outlast this Agreement.",
    "The confidentiality undertakings of the Contractor in this Part shall be unlimited as to time.",
]

# Something else without a limit: not survival.
OTHER_THINGS_WITHOUT_LIMIT = [
    "The licence to use the Confidential Information for the Purpose is unlimited in duration.",
    "The Recipient's liability for a breach of confidentiality is not limited in amount.",
]


@pytest.mark.parametrize("text", DUTIES_WITHOUT_LIMIT_IN_TIME)
def test_own_nda4_a_duty_without_limit_in_time_survives(text: str) -> None:
    assert enforced_score("post_termination", text) >= 0.5


@pytest.mark.parametrize("text", OTHER_THINGS_WITHOUT_LIMIT)
def test_own_nda4_other_things_without_limit_are_no_survival(text: str) -> None:
    assert enforced_score("post_termination", text) < 0.5


# Personnel in other word orders and verbs: duties imposed on the staff (indirect object first),
# the staff bound to secrecy, the receiver answering for its staff. Four styles.
PERSONNEL_OTHER_FORMS = [
    "The Recipient shall impose on its employees a duty of confidentiality equivalent to this Agreement.",
    "The Recipient undertakes to bind its employees to secrecy.",
    "The Company shall answer for any disclosure made by its staff.",
    "The Contractor shall bind its sub-contractors in writing to the same obligations and shall answer "
    "to the Authority for any breach of them by its officers.",
]

# The same verbs on other things: no personnel duty.
PERSONNEL_VERB_LOOK_ALIKES = [
    "The Recipient shall answer for its own costs of the evaluation.",
    "Neither party may bind the other to any agreement with a third party.",
]


@pytest.mark.parametrize("text", PERSONNEL_OTHER_FORMS)
def test_own_nda4_personnel_in_other_word_orders_is_read(text: str) -> None:
    assert enforced_score("personnel", text) > 0.0


@pytest.mark.parametrize("text", PERSONNEL_VERB_LOOK_ALIKES)
def test_own_nda4_those_verbs_on_other_things_are_no_personnel(text: str) -> None:
    assert enforced_score("personnel", text) == 0.0


# The standard of care as the receiver's own, with the precautions or measures named. Four styles.
CARE_AS_FOR_ITS_OWN = [
    "The Receiving Party shall exercise no lesser security precautions than it exercises with respect "
    "to its own proprietary information.",
    "The Recipient shall apply the same protective measures as it applies to its own confidential documents.",
    "Each party shall take precautions not less stringent than those it takes to guard its own trade "
    "secrets.",
    "The Contractor shall keep the State's information with safeguards equivalent to those for its own "
    "records.",
]

# The receiver's own, with nothing about care: no standard.
OWN_WITHOUT_CARE = [
    "Each party shall bear its own costs and the same fees as its own advisers charge.",
    "The Recipient may disclose the information to its own employees.",
]


@pytest.mark.parametrize("text", CARE_AS_FOR_ITS_OWN)
def test_own_nda4_care_as_for_its_own_with_precautions_named_is_a_safeguard(text: str) -> None:
    assert "same_care_as_own" in _cues("safeguards", text)


@pytest.mark.parametrize("text", OWN_WITHOUT_CARE)
def test_own_nda4_its_own_without_care_is_no_safeguard(text: str) -> None:
    assert "same_care_as_own" not in _cues("safeguards", text)


# Notice of loss or unauthorised disclosure in plain English: "let the Discloser know". Four styles.
LET_KNOW = [
    "The Recipient shall let the Discloser know at once if any Confidential Information is lost or stolen.",
    "You will let us know straight away if any of our information is lost or misused.",
    "The Consultant must let the Company know within 24 hours of any unauthorised access to the Data.",
    "The University shall let the Sponsor know promptly of any misuse of the Sponsor's Proprietary "
    "Information.",
]

# "Let ... know" about something else: no breach notice.
LET_KNOW_LOOK_ALIKES = [
    "The Discloser will let the Recipient know the dates of the site visits.",
    "Please let us know if you wish to receive samples of the product.",
]


@pytest.mark.parametrize("text", LET_KNOW)
def test_own_nda4_letting_the_discloser_know_of_a_loss_is_breach_notice(text: str) -> None:
    assert enforced_score("breach_notice", text) > 0.0


@pytest.mark.parametrize("text", LET_KNOW_LOOK_ALIKES)
def test_own_nda4_letting_know_of_other_things_is_not(text: str) -> None:
    assert enforced_score("breach_notice", text) == 0.0


# Outside an NDA an audit counts when it verifies the handling of information (audit's requires):
# the receiver's access logs or access lists are records of who reached the information, even where
# the sentence names only "this Exhibit". Four styles; other logs and records are still off topic.
AUDITS_OF_ACCESS_LOGS = [
    "Vellora may audit Supplier's compliance with this Exhibit, including the access logs kept under "
    "Section 4.1(a).",
    "The Authority may inspect the Contractor's access logs to verify compliance with this Schedule.",
    "Customer may examine Vendor's access records on ten business days' notice.",
    "The Bank may check the Provider's access lists at any time to confirm compliance with this Annex.",
]
OTHER_LOGS_AND_RECORDS = [
    "The Harbour Master may inspect the vessel's logs and cargo records at any time.",
    "The Landlord may inspect the fire safety records of the building on reasonable notice.",
]


@pytest.mark.parametrize("text", AUDITS_OF_ACCESS_LOGS)
def test_own_nda4_an_audit_of_access_logs_is_about_information(text: str) -> None:
    assert enforced_score("audit", text) >= 0.5


@pytest.mark.parametrize("text", OTHER_LOGS_AND_RECORDS)
def test_own_nda4_other_logs_and_records_stay_off_topic(text: str) -> None:
    assert enforced_score("audit", text) < 0.5
