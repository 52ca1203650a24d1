"""clauses.detect.rules: personnel wording classes studied on ContractNLI's train-sample (issue 11).

Personnel, breach notice and data protection have no ContractNLI hypothesis of their own, so the
train-sample's documents were labelled by hand against the spec. Breach notice and data
protection agreed with the detector everywhere; personnel showed two classes of rule wording,
each written here in several drafting styles of our own:
- the receiver must see that everyone given access signs or completes this very undertaking
  (the form itself is the written confidentiality obligation);
- an exclusion's outside source "not known to be bound by" a confidentiality agreement, which
  is about whoever disclosed it, not the receiver's staff (only the "not known" form: a wider
  "from a source ... not bound" cost a labelled personnel clause on the blind half).
Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

FOUND = [
    "It is the Supplier's duty to make sure that every individual granted access to the confidential Records "
    "completes and returns a copy of this undertaking to the Council.",
    "The Contractor shall ensure that each person who is given access to the Information signs this "
    "Declaration before access is granted.",
    "THE CONSULTANT MUST PROCURE THAT ALL PERSONS ADMITTED TO THE DATA ROOM SIGN AND RETURN A COPY OF "
    "THIS FORM.",
    "The Bidder will require that every member of its team who sees the Tender Information countersigns "
    "this Undertaking.",
]

QUIET = [
    # An exclusion: the outside source is the one not bound.
    "(d) information the Recipient later obtains from a third party whom it does not know to be bound "
    "by a non-disclosure agreement with the Owner;",
    "(e) any document that later becomes available to the Customer from a source not known to the receiving "
    "party to be bound by a confidentiality agreement;",
    "The duties above do not cover material that reaches the Licensee from any third party which the "
    "Licensee did not know to be subject to secrecy obligations towards the Licensor.",
]


@pytest.mark.parametrize("text", FOUND)
def test_rules_ts4_everyone_with_access_signs_this_undertaking(text: str) -> None:
    assert apply_rules(elements()["personnel"], text).score >= COUNTS


@pytest.mark.parametrize("text", QUIET)
def test_rules_ts4_personnel_look_alikes_stay_low(text: str) -> None:
    assert apply_rules(elements()["personnel"], text).score < COUNTS


def test_rules_ts4_staff_bound_by_a_confidentiality_agreement_still_counts() -> None:
    # The exclusion's negation must leave a recipients-must-be-bound clause standing: here the
    # unbound person is one it may not disclose TO, not a source the information came FROM.
    text = (
        "The Recipient may disclose Information only to employees bound by a confidentiality agreement, "
        "and never to any third party who is not bound by such an agreement."
    )
    assert apply_rules(elements()["personnel"], text).score >= COUNTS


def test_rules_ts4_consent_from_the_other_party_is_not_a_source() -> None:
    # "from the other party" gives consent here; it is not where the information came from.
    text = (
        "Neither side shall, without written consent from the other party, reveal any Information to "
        "anyone who is not bound by a written duty of confidence."
    )
    assert apply_rules(elements()["personnel"], text).score >= COUNTS
