"""Classes of wording that the fifth set of our own agreements (tests/fixtures/own_agreements5,
issue 11) showed the detector getting wrong: consumer and click-through terms, purchase order
terms and other documents with little confidentiality and many look-alikes.

The ten documents were labelled by the spec before the detector ever ran on them. Every sentence
below was written for these tests, in several drafting styles beyond the fixture documents (US
plain English, UK/Commonwealth, SEC-exhibit legalese, government or university forms). Each test
of a class failed on the detector before its fix; the tests named "stays" guard the other side of
the same line. The last test holds the whole fixture set above floors.
"""

from __future__ import annotations

from pathlib import Path

from detect_fixtures import out_of_bounds, own_set_figures

from clauses.detect.rules import apply_rules, negated_at
from clauses.elements import elements
from clauses.elements.gate import gate_text

COUNTS = 0.5  # the rule score a clause needs to count on rules alone (tests/test_rules.py)
OWN = Path(__file__).parent / "fixtures" / "own_agreements5"


def _negated(element_id: str, text: str) -> bool:
    return negated_at(elements()[element_id], text, gate_text(text), None)


def _rule(element_id: str, text: str):
    return apply_rules(elements()[element_id], text, enforce_requires=False)


def _score(element_id: str, text: str) -> float:
    return _rule(element_id, text).score


# ---- Third-party limits: information declared NOT confidential (feedback, submissions) ----
# "we are not required to treat them as confidential", "shall not be deemed confidential",
# "under no obligation to keep ... in confidence": a keep-confidential verb that says the opposite.


def test_information_declared_not_confidential_is_no_third_party_limit() -> None:
    for sentence in (
        "If you send us suggestions, we are not required to treat them as confidential.",
        "Any comments the Licensee offers on the Software shall not be deemed confidential and "
        "may be used by the Company without restriction.",
        "The Contractor shall be under no obligation to keep in confidence any idea submitted to it "
        "by the Authority's staff through the suggestion scheme.",
        "Proposals submitted to the University in response to this call are non-confidential, and "
        "the University need not hold them in confidence.",
    ):
        assert _score("third_party", sentence) < COUNTS, sentence


def test_a_real_duty_to_keep_it_confidential_stays() -> None:
    for sentence in (
        "The Recipient shall treat all Confidential Information as confidential and shall not "
        "disclose it to any third party.",
        "The Supplier shall keep the Authority's data in strict confidence and shall not release it "
        "without the Authority's prior written consent.",
    ):
        assert _score("third_party", sentence) >= COUNTS, sentence


# ---- Third-party limits: the user's own log-in credentials kept secret ----
# "keep your password confidential", "must not disclose your PIN to anyone": a security duty over
# the user's own credentials, not a limit on disclosing the other's information.


def test_keeping_ones_own_credentials_secret_is_no_third_party_limit() -> None:
    for sentence in (
        "You must keep your password confidential and must not disclose it to anyone.",
        "The Registered User shall treat its user identification code and any other piece of "
        "information forming part of the security procedures as confidential, and shall not "
        "disclose it to any third party.",
        "The Cardholder shall not at any time disclose the Card's PIN or passcode to any other "
        "person, including any person purporting to act for the Bank.",
        "Each authorised officer shall keep his or her log-in details for the grants portal secret "
        "and shall not share them with any other person.",
    ):
        assert _score("third_party", sentence) < COUNTS, sentence


def test_a_duty_over_the_others_information_beside_a_password_stays() -> None:
    for sentence in (
        "The Licensee shall not disclose the Licensed Data to any third party without the "
        "Licensor's prior written consent.",
        "The Contractor shall keep confidential all information to which it has access through the "
        "Department's systems and shall not disclose it to any other person.",
    ):
        assert _score("third_party", sentence) >= COUNTS, sentence


# ---- Third-party limits: "not sell, rent or disclose" the other's information ----
# The licence-restriction verbs (rent, lease, resell) beside a bar on disclosing information or
# data are a disclosure limit, not a licence restriction on a product.


def test_not_sell_rent_or_disclose_information_is_a_third_party_limit() -> None:
    for sentence in (
        "Seller shall not sell, rent or disclose Buyer Information to any third party.",
        "The Sponsor shall not rent, lease or otherwise disclose the Attendee Data to any other "
        "person.",
        "The Licensee shall not resell, sublicense or disclose any of the Licensor's technical "
        "information to any third party without the Licensor's prior written consent.",
        "The Contractor shall not lease, sell or reveal any data supplied by the Department to any "
        "person outside the Contractor.",
    ):
        assert _score("third_party", sentence) >= COUNTS, sentence


def test_licence_restriction_on_a_product_stays_out() -> None:
    for sentence in (
        "You may not sublicense, rent or lease the Software to any third party.",
        "The Customer shall not resell the Service or make it available to any third party.",
    ):
        assert _score("third_party", sentence) < COUNTS, sentence


# ---- Compelled disclosure: "as required by law" said of insurance or record retention ----
# kept_as_required read "retain ... as required"; the same reading for an insurance cover and a
# retention period that the law requires: nothing is disclosed.


def test_insurance_or_retention_required_by_law_is_no_compelled_disclosure() -> None:
    compelled = elements()["compelled_disclosure"]
    for sentence in (
        "Seller shall carry workers' compensation insurance as required by law.",
        "The Contractor shall maintain employer's liability insurance as required by statute.",
        "The Processor shall delete the data within ninety days, unless a longer retention period "
        "is required by tax or consumer law.",
        "Records shall be destroyed at the end of the retention period required by the State "
        "Records Act, unless a longer retention is required by court order.",
    ):
        assert negated_at(compelled, sentence, gate_text(sentence), None), sentence


def test_disclosure_required_by_law_beside_retention_stays() -> None:
    compelled = elements()["compelled_disclosure"]
    for sentence in (
        "The Recipient may disclose Confidential Information to the extent required by law, "
        "provided that it gives the Discloser prompt notice.",
        "Where disclosure of records is required by a court order, the Agency shall notify the "
        "Contractor before releasing them.",
    ):
        assert not negated_at(compelled, sentence, gate_text(sentence), None), sentence
        assert _score("compelled_disclosure", sentence) >= COUNTS, sentence


# ---- The whole fixture set ----
# Floors are a stated tolerance below what the set measured at the end of this round (the report
# gives the figures); a later change that breaks these documents falls through them.
FLOORS: dict[str, float] = {}
CEILINGS: dict[str, float] = {}


def test_own_agreements5_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 10)
    outside = out_of_bounds(measured, FLOORS, CEILINGS)
    assert not outside, f"below a floor or above the ceiling: {outside}"
