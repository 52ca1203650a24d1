"""clauses.detect.quantities: survival periods in years, notice windows in hours, and their words."""

from __future__ import annotations

import math

import pytest

from clauses.datamodel import Quantity
from clauses.detect.quantities import (
    describe_years,
    effective_notice_hours,
    notice_windows,
    number_value,
    survival_periods,
)


@pytest.mark.parametrize(
    ("text", "years", "words"),
    [
        (
            "The obligations of confidentiality shall survive for five (5) years after termination.",
            5.0,
            "five (5) years",
        ),
        ("These duties continue for 24 months after expiry of this Agreement.", 2.0, "24 months"),
        ("The Recipient remains bound for eighteen months following termination.", 1.5, "eighteen months"),
        ("The duties of the Recipient survive for 2 years following the date of disclosure.", 2.0, "2 years"),
        ("These confidentiality duties survive for seven years after expiry.", 7.0, "seven years"),
        ("The restrictions continue for a further twenty-four months after termination.", 2.0, None),
        ("The obligations survive termination for three (3) calendar years.", 3.0, None),
    ],
)
def test_quantities_survival_durations(text: str, years: float, words: str | None) -> None:
    found = survival_periods(text)
    assert [q.value for q in found] == [years]
    if words is not None:
        assert found[0].text == words
    assert found[0].kind == "survival"


@pytest.mark.parametrize(
    "text",
    [
        "The obligations under this Section shall survive termination and continue perpetually.",
        "The duties shall continue after termination for so long as the information remains a trade secret.",
        "The Employee shall keep the information secret during employment and at all times thereafter.",
        "These obligations survive termination of this Agreement in perpetuity.",
        "The duty of confidentiality survives the expiry of this Agreement and is perpetual.",
        "After termination the Consultant shall keep it confidential until it becomes public.",
    ],
)
def test_quantities_survival_perpetual_forms_are_infinite(text: str) -> None:
    values = [q.value for q in survival_periods(text)]
    assert values and all(v is not None and math.isinf(v) for v in values)


@pytest.mark.parametrize(
    "text",
    [
        "This Agreement shall remain in force for one (1) year.",
        "This Agreement shall remain in force for two (2) years from the Effective Date.",
        "The term shall commence on the Effective Date and continue for three years.",
        "Either party may terminate this Agreement on thirty (30) day's written notice.",
        "The Supplier shall deliver the goods within ten days of the order.",
    ],
)
def test_quantities_survival_skips_own_term_and_notice_periods(text: str) -> None:
    assert survival_periods(text) == ()


def test_quantities_survival_offsets_point_into_the_text() -> None:
    preface = "Clause 9. "
    text = preface + "The duty of secrecy survives for four (4) years after termination."
    (found,) = survival_periods(text[len(preface) :], offset=len(preface))
    assert text[found.start : found.end] == "four (4) years"


def test_quantities_survival_finds_one_per_mention() -> None:
    text = (
        "Confidentiality survives for three (3) years after termination; "
        "trade secrets remain protected for so long as they remain a trade secret."
    )
    values = sorted(q.value for q in survival_periods(text) if q.value is not None)
    assert values == [3.0, math.inf]


def test_quantities_survival_own_term_in_same_sentence_as_survival_is_skipped() -> None:
    text = (
        "This Agreement shall remain in force for one (1) year, and the obligations of confidentiality "
        "shall survive for three (3) years after its termination."
    )
    assert [q.value for q in survival_periods(text)] == [3.0]


def test_quantities_survival_ignores_plural_possessive_notice_period() -> None:
    text = (
        "Either party may terminate this Agreement on thirty (30) days' written notice, and the "
        "confidentiality obligations survive termination for five years."
    )
    assert [q.value for q in survival_periods(text)] == [5.0]


def test_quantities_survival_end_offset_closes_the_words() -> None:
    text = "The duty of secrecy survives for four (4) years after termination."
    (found,) = survival_periods(text)
    assert text[: found.end].endswith("four (4) years")


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("The Supplier shall notify the Customer within 72 hours of becoming aware of a breach.", 72.0),
        (
            "The Recipient shall notify the Discloser no later than two (2) business days after discovery.",
            48.0,
        ),
        ("The Vendor shall give notice within 24 hours.", 24.0),
        ("The Vendor shall give notice within five (5) days.", 120.0),
        ("The Vendor shall give notice within one (1) week.", 168.0),
        ("The Vendor shall give notice not later than thirty-six (36) hours after discovery.", 36.0),
        ("The Recipient shall promptly notify the Discloser.", 0.0),
        ("The Recipient shall notify the Discloser without undue delay.", 0.0),
        ("The Recipient shall immediately notify the Discloser.", 0.0),
        (
            "The Processor shall notify the Controller without undue delay and in any event within "
            "seventy-two (72) hours.",
            72.0,
        ),
    ],
)
def test_quantities_notice_effective_hours(text: str, hours: float) -> None:
    value, words = effective_notice_hours(notice_windows(text))
    assert value == hours
    assert words and words in text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The Recipient shall notify the Discloser as soon as practicable.", "as soon as practicable"),
        ("The Recipient shall notify the Discloser within a reasonable time.", "within a reasonable time"),
        ("The Recipient shall notify the Discloser in a timely manner.", "in a timely manner"),
    ],
)
def test_quantities_notice_open_ended_wording_has_no_limit(text: str, words: str) -> None:
    assert effective_notice_hours(notice_windows(text)) == (None, words)


def test_quantities_notice_nothing_said_is_none_with_no_words() -> None:
    assert notice_windows("The Recipient shall notify the Discloser.") == ()
    assert effective_notice_hours(()) == (None, "")


def test_quantities_notice_windows_keeps_every_wording_in_order() -> None:
    text = "Notify without undue delay and in any event within 72 hours."
    found = notice_windows(text, offset=100)
    assert [q.value for q in found] == [0.0, 72.0]
    assert [text[q.start - 100 : q.end - 100] for q in found] == [q.text for q in found]


def test_quantities_effective_notice_picks_the_shortest_numeric_limit() -> None:
    quantities = (
        Quantity("notice", None, "as soon as practicable", 0, 1),
        Quantity("notice", 120.0, "within 5 days", 2, 3),
        Quantity("notice", 48.0, "within 48 hours", 4, 5),
        Quantity("notice", 0.0, "promptly", 6, 7),
    )
    assert effective_notice_hours(quantities) == (48.0, "within 48 hours")


@pytest.mark.parametrize(
    ("years", "words"),
    [
        (1.0, "1 year"),
        (2.0, "2 years"),
        (3, "3 years"),
        (1.5, "18 months"),
        (0.5, "6 months"),
        (1 / 12, "1 month"),
        (math.inf, "perpetual"),
    ],
)
def test_quantities_describe_years(years: float, words: str) -> None:
    assert describe_years(years) == words


@pytest.mark.parametrize(
    ("word", "digits", "value"),
    [
        ("five", "5", 5.0),
        ("five", None, 5.0),
        (None, "72", 72.0),
        ("twenty-four", None, 24.0),
        ("seventy two", None, 72.0),
        ("Eighteen", None, 18.0),
        ("an", None, 1.0),
        ("three", "4", 4.0),  # digits win when the words and the figure disagree
        (None, "2.5", 2.5),
        (None, None, None),
        ("several", None, None),
    ],
)
def test_quantities_number_value(word: str | None, digits: str | None, value: float | None) -> None:
    assert number_value(word, digits) == value


def test_quantities_data_export_window_is_not_a_survival_period() -> None:
    text = "Customer may export its data from the platform for up to ninety (90) days after termination."
    assert survival_periods(text) == ()
    kept = (
        "The duties of confidence survive, and Customer may access its records, for two years after "
        "termination."
    )
    assert [q.text for q in survival_periods(kept)] == ["two years"]


@pytest.mark.parametrize(
    "text",
    [
        "For twelve months after the talks end, neither party shall solicit or hire the other's staff.",
        "For a period of one (1) year subsequent to the expiration hereof, Recipient shall not, directly or "
        "indirectly, recruit any officer of the Company.",
        "The Consultant shall not, for six months following the Termination Date, entice away any employee "
        "of the Client.",
        "The Seller shall not compete with the Business for two years after Completion.",
    ],
)
def test_quantities_survival_skips_other_covenants_periods(text: str) -> None:
    """A non-solicitation or non-compete period says nothing of how long secrecy lasts."""
    assert survival_periods(text) == ()


def test_quantities_survival_covenant_sentence_that_speaks_of_secrecy_still_counts() -> None:
    text = "For two years after termination neither party shall solicit staff or reveal the other's secrets."
    assert [q.value for q in survival_periods(text)] == [2.0]


@pytest.mark.parametrize(
    "text",
    [
        "Either party may end this letter on thirty (30) days’ advance written notice, and the duty of "
        "secrecy survives for four years after that.",
        "This NDA may be terminated on sixty days advance notice; the confidentiality obligations survive "
        "termination for four (4) years.",
    ],
)
def test_quantities_survival_skips_advance_notice_periods(text: str) -> None:
    assert [q.value for q in survival_periods(text)] == [4.0]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (
            "The duties of confidentiality survive termination but end two years from the Effective Date.",
            "two years from the Effective Date",
        ),
        (
            "The Recipient shall keep the Information secret for three (3) years from the date hereof.",
            "three (3) years from the date hereof",
        ),
        (
            "These duties continue after the talks end, for 24 months from the date of this Agreement.",
            "24 months from the date of this Agreement",
        ),
        ("Confidentiality shall survive for two (2) years after the termination of this Agreement.", ""),
        ("The Recipient's duties continue for five years following the date of each disclosure.", ""),
    ],
)
def test_quantities_survival_marks_periods_counted_from_signing(text: str, counted: str) -> None:
    """A period counted from signing is marked, with where its anchor's words end (the redline
    re-anchors those words to termination)."""
    (found,) = survival_periods(text, offset=7)
    assert found.from_signing is bool(counted)
    if counted:
        assert text[found.start - 7 : found.signing_anchor_end - 7] == counted


def test_quantities_survival_skips_agreement_in_effect_for_its_own_term() -> None:
    text = (
        "This Agreement shall be in effect for a period of two (2) years from the date hereof, provided that "
        "confidentiality continues for so long as the information remains confidential."
    )
    assert [q.value for q in survival_periods(text)] == [math.inf]


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        (
            "The Recipient shall notify the Discloser promptly of any unauthorised disclosure. It shall "
            "return all copies within thirty (30) days of a request, and certify the destruction of the "
            "rest within ten business days.",
            0.0,
        ),
        (
            "If either party fails to cure a breach within thirty days, the other may terminate; each party "
            "shall notify the other without undue delay of any misuse of its Confidential Information.",
            0.0,
        ),
        (
            "Notice of any Security Incident shall be given to the Customer within 48 hours; the Supplier "
            "shall delete the affected data within 90 days.",
            48.0,
        ),
        (
            "The Processor shall inform the Controller of a personal data breach. Such notice shall be given "
            "no later than five business days after discovery.",
            120.0,
        ),
    ],
)
def test_quantities_notice_deadlines_of_other_duties_do_not_count(text: str, hours: float) -> None:
    """A return, destruction, cure or payment deadline is not the deadline for notifying a breach."""
    assert effective_notice_hours(notice_windows(text))[0] == hours


def test_quantities_notice_return_promptly_is_no_notice_deadline() -> None:
    text = "Licensee shall report any loss of the Materials. It shall promptly return the rest on request."
    assert effective_notice_hours(notice_windows(text)) == (None, "")
