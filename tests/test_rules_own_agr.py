"""Classes of wording and structure that our own service and commercial agreements
(tests/fixtures/own_agreements, issue 11) showed the detector getting wrong.

Every sentence here was written for these tests, in several drafting styles beyond
the fixture documents. Each test of a class failed on the detector before its fix;
the tests named "stays"/"not" guard the other side of the same line (the wording
that must keep counting). The last test holds the whole fixture set above floors.
"""

from __future__ import annotations

from pathlib import Path

from detect_fixtures import COUNTS, analysed, floors_below, negated, out_of_bounds, own_set_figures

from clauses.datamodel import MISSING, WEAK
from clauses.detect.rules import apply_rules
from clauses.elements import elements
from clauses.segment import plain_document


def _outline(text: str) -> list[tuple[str, str, str]]:
    document = plain_document(text, path="t.txt", fmt="text", sha256="")
    return [(c.number, c.heading, c.parent_heading) for c in document.clauses]


# ---- Structure: "Section 8.01" under "ARTICLE VIII / CONFIDENTIALITY" (SEC-exhibit style) ----


def test_sec_style_sections_sit_under_their_article_heading() -> None:
    text = (
        "TECHNOLOGY LICENSE AGREEMENT\n\n"
        "ARTICLE VI\nPROPRIETARY RIGHTS\n\n"
        "Section 6.01. Secrecy. The Licensee shall hold the Technology in trust.\n\n"
        "Section 6.02. Term of Duties. The foregoing duties continue.\n\n"
        "ARTICLE VII\nGENERAL\n\n"
        "Section 7.01. Notices. Notices shall be in writing.\n"
    )
    outline = {number: (heading, parent) for number, heading, parent in _outline(text)}
    assert outline["Section 6.01"] == ("Secrecy", "PROPRIETARY RIGHTS")
    assert outline["Section 6.02"] == ("Term of Duties", "PROPRIETARY RIGHTS")
    # The next article closes the last one's sections: its parent is not "Term of Duties".
    assert outline["Article VII"] == ("GENERAL", "")
    assert outline["Section 7.01"] == ("Notices", "GENERAL")


def test_decimal_clauses_of_an_article_are_closed_by_the_next_article() -> None:
    text = (
        "SUPPLY AGREEMENT\n\n"
        "ARTICLE 12\nNON-DISCLOSURE\n\n"
        "12.1 Duty. Neither party shall reveal the other's secrets.\n\n"
        "12.2 Duration. These duties last beyond expiry.\n\n"
        "ARTICLE 13\nFORCE MAJEURE\n\n"
        "13.1 Events. Neither party is liable for delays beyond its control.\n"
    )
    outline = {number: (heading, parent) for number, heading, parent in _outline(text)}
    assert outline["12.2"] == ("Duration", "NON-DISCLOSURE")
    assert outline["Article 13"] == ("FORCE MAJEURE", "")


def _agreement(title: str, *clauses: str) -> str:
    """A short services agreement: a title, a plain confidentiality duty, and ``clauses``."""
    body = "\n\n".join(f"{n}. {clause}" for n, clause in enumerate(clauses, start=3))
    return (
        f"{title}\n\n1. Services. The Supplier shall provide the services in Schedule 1.\n\n"
        "2. Confidentiality. Each party shall keep the other party's information confidential.\n\n"
        f"{body}\n"
    )


# ---- Audit: a regulator's copy of the books is weak; a return certificate is no audit ----


def test_records_open_only_to_the_regulator_are_a_weak_audit() -> None:
    for clause in (
        "Records. Contractor shall make its internal practices, books and records relating to "
        "protected health information available to the Secretary of Health and Human Services "
        "for purposes of determining compliance with HIPAA.",
        "Records. Supplier shall make its security records available to the regulator, upon "
        "request, for the purpose of verifying compliance with this Schedule.",
    ):
        result = analysed(_agreement("DATA SERVICES AGREEMENT", clause), "vendor")["audit"]
        assert result.status == WEAK, clause


def test_records_open_to_the_discloser_and_the_regulator_are_not_weak() -> None:
    clause = (
        "Records. Contractor shall make its books and records relating to the use of the data "
        "available to the Client and to the regulator for inspection on request."
    )
    result = analysed(_agreement("DATA SERVICES AGREEMENT", clause), "vendor")["audit"]
    assert result.status not in (WEAK, MISSING)


def test_certificate_of_compliance_with_the_return_section_is_no_audit() -> None:
    # The certificate follows the return duty in its own sentence and names only its section.
    audit = elements()["audit"]
    for sentence in (
        "Upon request, the Contractor shall certify compliance with this Section 4 in writing.",
        "The Employee shall furnish a signed statement certifying his compliance with paragraph "
        "4(b) within the same period.",
        "An officer of Licensee shall confirm in writing its compliance with Clause 12.3.",
    ):
        assert apply_rules(audit, sentence, enforce_requires=False).score < COUNTS, sentence
    # Compliance with the agreement as a whole is evidence of compliance (the spec's audit).
    whole = "Upon request, the Contractor shall certify in writing its compliance with this Agreement."
    assert apply_rules(audit, whole, enforce_requires=False).score >= COUNTS


# ---- Safeguards: "reasonable efforts" is weak even under a heading that says "Care" ----


def test_efforts_only_under_a_care_heading_is_weak() -> None:
    for clause in (
        "Care. The Vendor shall use commercially reasonable efforts to protect the Customer's "
        "information from unauthorised disclosure.",
        "Duty of Care. Recipient will use its best endeavours to keep the Information secure.",
    ):
        result = analysed(_agreement("SERVICES AGREEMENT", clause), "vendor")["safeguards"]
        assert result.status == WEAK, clause


def test_efforts_with_a_standard_of_care_are_not_weak() -> None:
    clause = (
        "Care. The Vendor shall use reasonable efforts, and in any event no less than reasonable "
        "care, to protect the Customer's information."
    )
    result = analysed(_agreement("SERVICES AGREEMENT", clause), "vendor")["safeguards"]
    assert result.status not in (WEAK, MISSING)


# ---- Personnel: duties flowed down to other firms are third-party limits, not staff duties ----


def test_flow_down_to_firms_only_is_not_personnel() -> None:
    for clause in (
        "Sub-processors. Processor shall ensure that each Sub-processor is bound by written data "
        "protection terms no less protective than those in this Addendum.",
        "Sublicensees. Under 17 U.S.C. 101 et seq. Licensee shall ensure that each sublicensee "
        "agrees in writing to the same restrictions and conditions as bind Licensee.",
        "Resellers. Distributor shall ensure that every reseller is bound by confidentiality "
        "obligations at least as protective as this Agreement.",
    ):
        result = analysed(_agreement("DATA PROCESSING AGREEMENT", clause), "vendor")["personnel"]
        assert result.status == MISSING, clause


def test_firm_bound_beside_staff_only_listed_as_recipients_is_not_personnel() -> None:
    for clause in (
        "Sharing. Licensee may share the Know-How with its employees and sublicensees who need it, "
        "provided that each sublicensee is bound by written confidentiality terms.",
        "Price List. Reseller may pass the Price List to its officers and to any sub-distributor, "
        "provided that such sub-distributor has been bound in writing to keep it confidential.",
    ):
        result = analysed(_agreement("DISTRIBUTION AGREEMENT", clause), "other")["personnel"]
        assert result.status == MISSING, clause


def test_a_report_handed_over_under_an_nda_is_not_personnel() -> None:
    clause = (
        "Reports. On request the Provider will deliver a copy of its latest penetration test "
        "summary, subject to a non-disclosure agreement."
    )
    result = analysed(_agreement("HOSTING AGREEMENT", clause), "vendor")["personnel"]
    assert result.status == MISSING


def test_staff_and_subcontractors_bound_together_stay_personnel() -> None:
    for clause in (
        "Staff. The Supplier shall ensure that its employees and subcontractors are bound by "
        "written confidentiality obligations.",
        "Sub-processors. Processor shall ensure that each Sub-processor and each person it "
        "authorises to process the data is bound by written confidentiality obligations.",
        "Access. Each sub-processor and each employee of the Processor shall be bound by written "
        "confidentiality obligations.",
    ):
        result = analysed(_agreement("DATA PROCESSING AGREEMENT", clause), "vendor")["personnel"]
        assert result.status != MISSING, clause


# ---- Remedies: an indemnity against outside claims for injury, defects or infringement ----
# The classifier alone reads these as remedies (the detector's FP on a distribution agreement
# was the model's word, no cue): the negation must say "look-alike" where the model reads it.


def test_indemnity_against_outside_claims_is_a_remedies_look_alike() -> None:
    for clause in (
        "Manufacturer shall indemnify Reseller against all losses arising from any claim by a "
        "customer for bodily injury or damage to property caused by a defective Unit.",
        "The Licensor will defend and indemnify the Licensee from any suit alleging that the "
        "Software infringes a patent or copyright of a third party.",
        "9.2 The Contractor shall hold the Owner harmless and indemnify it against claims for death "
        "or personal injury arising out of the Works.",
    ):
        assert negated("remedies", clause), clause


def test_indemnity_for_a_breach_stays_a_remedy() -> None:
    for clause in (
        "The Supplier shall indemnify the Customer against all losses arising from any breach of "
        "clause 2 by the Supplier.",
        "Each party shall indemnify the other against claims for infringement or for any "
        "unauthorised disclosure of the other's information.",
        "Licensee shall indemnify Licensor for any damages caused by its violation of Article 8, "
        "including claims of infringement.",
    ):
        assert not negated("remedies", clause), clause


# ---- Compelled disclosure: a closing "disclose only what is legally required" goes on with the
# notice before it ----


def test_closing_limit_to_what_the_law_requires_keeps_the_notice_before_it() -> None:
    compelled = elements()["compelled_disclosure"]
    for clause in (
        "If a court orders the Receiver to reveal the Information, the Receiver shall promptly tell "
        "the Owner so that it may object. The Receiver shall furnish only that portion which it is "
        "legally required to furnish.",
        "If any statute or regulator requires Vendor to disclose Customer Data, Vendor will notify "
        "Customer first. Vendor will then release only what it is legally compelled to release.",
    ):
        result = apply_rules(compelled, clause, enforce_requires=False)
        assert result.score >= COUNTS and not result.weak_reasons, clause


def test_a_limit_to_what_the_law_requires_with_no_notice_stays_weak() -> None:
    compelled = elements()["compelled_disclosure"]
    clause = (
        "The Recipient may disclose information when a subpoena demands it. It shall disclose only "
        "that portion which it is legally required to disclose."
    )
    assert apply_rules(compelled, clause, enforce_requires=False).weak_reasons


# ---- Breach notice: the customer reporting its own account's compromise is a look-alike ----


def test_customer_reporting_its_own_password_compromise_is_no_breach_notice() -> None:
    notice = elements()["breach_notice"]
    for sentence in (
        "Customer must notify us promptly if it learns of any lost or stolen password.",
        "The Subscriber shall inform the Provider at once of any unauthorised use of a user account.",
        "Members must report compromised credentials to the help desk immediately.",
    ):
        assert apply_rules(notice, sentence, enforce_requires=False).score < COUNTS, sentence
    # The provider's notice of unauthorised access to the customer's data stays breach notice.
    data = "We will notify Customer within 48 hours of any unauthorized access to Customer Data."
    assert apply_rules(notice, data, enforce_requires=False).score >= COUNTS


# ---- The whole fixture set: floors a stated tolerance below what was measured ----

OWN = Path(__file__).parent / "fixtures" / "own_agreements"
# Measured at the end of issue 11's pass on these ten agreements (shipped model, this detector):
# macro-F1 1.000, weak-flag accuracy 1.000, evidence hit 0.951, all 13 verdicts right in 10 of 10
# contracts, false 'missing' 0.00 per contract, right among unflagged verdicts 1.000.
# Floors: the figures this set measured, less the tolerances of tests/detect_fixtures.py.
FLOORS = floors_below(
    {
        "macro_f1": 1.0,
        "weak_accuracy": 1.0,
        "evidence_hit_rate": 0.951,
        "all_right": 1.0,
        "unflagged_right": 1.0,
    }
)
FALSE_MISSING_CEILING = 0.0 + 0.2  # per contract: two false "missing" verdicts in ten contracts


def test_own_agreements_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 10)
    outside = out_of_bounds(measured, FLOORS, {"false_missing_per_contract": FALSE_MISSING_CEILING})
    assert not outside, f"below a floor or above the ceiling: {outside}"
