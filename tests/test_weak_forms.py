"""Weak flags as the spec reads them, on wording in several drafting styles (issue 11).

The spec's "weak when" column: breach notice with no outer limit or one longer than the
profile's maximum (72 hours), survival shorter than the profile's minimum, compelled
disclosure with no notice duty, return with copies kept without limit, data protection in
passing, a scope with no defined term. Each case here is our own writing; each pair holds a
weak and a not-weak form of the same class of wording.
"""

from __future__ import annotations

import pytest

from clauses.detect.quantities import effective_notice_hours, notice_windows, survival_periods

# ---- A clause number or an abbreviation inside a sentence is not the end of it ----


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        (
            "Supplier shall notify Customer within five (5) days of any breach of Section 9.2 of this "
            "Agreement.",
            120.0,
        ),
        (
            "The Vendor will give written notice within 24 hours of any unauthorised access to data covered "
            "by clause 12.3.",
            24.0,
        ),
    ],
)
def test_weak_forms_notice_deadline_before_a_clause_number_is_read(text: str, hours: float) -> None:
    assert effective_notice_hours(notice_windows(text))[0] == hours


@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            "For a period of one (1) year following termination, the obligations in Section 4.1 shall "
            "survive.",
            1.0,
        ),
        (
            "Notwithstanding the expiry of this Agreement and for five years thereafter, the undertakings in "
            "clauses 6.1 to 6.4 continue.",
            5.0,
        ),
    ],
)
def test_weak_forms_survival_period_before_a_clause_number_is_read(text: str, years: float) -> None:
    assert [q.value for q in survival_periods(text)] == [years]


# ---- Breach notice: the deadline of the duty to notify, not of the follow-up duties ----


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # A follow-up report, fix or analysis has its own, longer deadline.
        (
            "Supplier shall notify Company without undue delay after becoming aware of any "
            "Security Incident. "
            "Within ten (10) days thereafter, Supplier shall provide a written report "
            "describing the incident.",
            0.0,
        ),
        (
            "Supplier shall promptly notify Company of any unauthorized access to Company Data and shall, "
            "within thirty (30) days, remediate the vulnerability that caused it.",
            0.0,
        ),
        (
            "Business Associate shall notify Covered Entity of a Breach without unreasonable delay and in no "
            "case later than two (2) days after discovery. Business Associate shall provide the "
            "content of the "
            "notification described in 45 C.F.R. 164.410 within thirty (30) days of discovery.",
            48.0,
        ),
        (
            "Provider shall notify Customer of a Security Incident without undue delay. "
            "Provider shall review "
            "its security policy within thirty (30) days of any material change in law.",
            0.0,
        ),
    ],
)
def test_weak_forms_notice_deadline_is_the_notifying_verbs(text: str, hours: float) -> None:
    assert effective_notice_hours(notice_windows(text))[0] == hours


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # The notice's own deadline stays when other duties have theirs in the same provision,
        (
            "In the event of a Security Breach, Vendor shall (a) notify Customer immediately "
            "and in any event "
            "within 48 hours; (b) investigate it; and (c) within five (5) business days provide "
            "a written report.",
            48.0,
        ),
        # ... while a deadline that opens its clause belongs to the notice that follows it.
        (
            "Vendor shall, within twenty-four (24) hours of becoming aware of any Security Incident, notify "
            "Customer in writing and thereafter keep Customer informed.",
            24.0,
        ),
        # One deadline for both verbs of "investigate and notify".
        ("Supplier shall promptly investigate and notify Customer of any Security Incident.", 0.0),
        (
            "Notice of any Security Incident will be given to Customer within seven (7) days. Vendor will "
            "promptly begin remediation.",
            168.0,
        ),
    ],
)
def test_weak_forms_notice_deadline_of_the_notice_is_kept(text: str, hours: float) -> None:
    """Guards on the rule above: these pass before it and must still pass with it."""
    assert effective_notice_hours(notice_windows(text))[0] == hours


def test_weak_forms_notice_other_duty_alone_sets_no_deadline() -> None:
    """'Notify' with no time, then 'promptly investigate': no outer limit, which the spec calls weak."""
    text = (
        "Supplier shall notify Customer of any Security Incident. Supplier shall promptly investigate each "
        "Security Incident and take reasonable steps to mitigate its effects."
    )
    assert effective_notice_hours(notice_windows(text)) == (None, "")


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # HIPAA's outer limit, after its urgent wording
        (
            "Business Associate shall notify Covered Entity of a Breach without unreasonable delay and in no "
            "case later than sixty (60) calendar days after discovery.",
            1440.0,
        ),
        (
            "We will notify you promptly, but in no event more than five (5) business days "
            "after we confirm it.",
            120.0,
        ),
        (
            "Contractor shall notify the State within 24 hrs. of any breach of the security of the system.",
            24.0,
        ),
        (
            "Contractor shall notify the State no later than the next business day after "
            "discovering a breach.",
            24.0,
        ),
        ("Contractor shall notify the State on the same day it discovers any breach of security.", 24.0),
        # Urgent wording as drafters write it: not weak, as "promptly" is not.
        ("Processor shall notify Controller of a Personal Data Breach without unreasonable delay.", 0.0),
        ("Contractor shall notify the State expeditiously of any breach of the security of the system.", 0.0),
        (
            "Contractor shall notify the State in the most expedient time possible of any "
            "breach of security.",
            0.0,
        ),
        ("Contractor shall notify the State as quickly as possible of any breach of security.", 0.0),
        ("Contractor shall notify the State at the earliest opportunity of any breach of security.", 0.0),
    ],
)
def test_weak_forms_notice_limits_and_urgent_wording(text: str, hours: float) -> None:
    assert effective_notice_hours(notice_windows(text))[0] == hours


@pytest.mark.parametrize(
    "text",
    [
        "Contractor shall notify the State as soon as reasonably practicable of any breach of security.",
        "Vendor shall notify Customer of any Security Incident within a commercially reasonable "
        "period of time.",
    ],
)
def test_weak_forms_notice_practicable_wording_has_no_outer_limit(text: str) -> None:
    """A guard on the urgent forms above: "practicable" and "reasonable" wording sets no outer limit."""
    assert effective_notice_hours(notice_windows(text))[0] is None
