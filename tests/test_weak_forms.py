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
