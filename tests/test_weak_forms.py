"""Weak flags as the spec reads them, on wording in several drafting styles (issue 11).

The spec's "weak when" column: breach notice with no outer limit or one longer than the
profile's maximum (72 hours), survival shorter than the profile's minimum, compelled
disclosure with no notice duty, return with copies kept without limit, data protection in
passing, a scope with no defined term. Each case here is our own writing; each pair holds a
weak and a not-weak form of the same class of wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from detect_fixtures import weak_reasons

from clauses.datamodel import PRESENT, WEAK, Cue, Detection, Evidence, Quantity
from clauses.detect.quantities import agreement_term, effective_notice_hours, notice_windows, survival_periods
from clauses.elements import load_elements
from clauses.errors import ConfigError
from clauses.judge import judge_element
from clauses.profiles import load_profile
from clauses.segment.paragraphs import paragraph_spans

NO_NOTICE = "disclosure required by law is allowed with no notice duty"


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
        # Outer limits as drafters write them: hyphenated, "not to exceed", the figure first.
        ("Vendor shall notify Customer of any Security Incident within a 72-hour period.", 72.0),
        (
            "Vendor shall notify Customer of any Security Incident within the 48-hour period "
            "after discovery.",
            48.0,
        ),
        (
            "Vendor shall notify Customer of a Security Incident in a period not to exceed "
            "seventy-two (72) hours.",
            72.0,
        ),
        (
            "Vendor shall notify Customer of any Security Incident within a period not exceeding 96 hours.",
            96.0,
        ),
        ("Vendor shall notify Customer of any Security Incident within 72 (seventy-two) hours.", 72.0),
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


# ---- Compelled disclosure: allowed by law with no notice duty ----


@pytest.mark.parametrize(
    "text",
    [
        # The forms a permission to disclose under legal compulsion takes, with no notice.
        "The Recipient may disclose Confidential Information pursuant to a subpoena or order of a court of "
        "competent jurisdiction.",
        "We may disclose your Customer Data if we believe in good faith that disclosure is "
        "necessary to comply "
        "with a law, subpoena, warrant or other legal process.",
        "The Employee shall not disclose any Confidential Information, except as required in the course of "
        "employment or by law.",
        "The foregoing restrictions shall not apply to disclosures compelled by judicial or administrative "
        "process.",
        "Neither side may pass on the other's data without written approval, unless the data is already "
        "public or the disclosure is made upon the order of any court or regulatory authority.",
        # A "notice" elsewhere in the paragraph is not notice of the required disclosure.
        "CONFIDENTIALITY. Each party shall hold the other party's Confidential Information in confidence and "
        "shall not disclose it to any person, except to its employees who need to know it or as required by "
        "law. Upon termination of this Agreement or upon written notice from the disclosing party, the "
        "receiving party shall return all Confidential Information.",
        "Exceptions. Recipient may disclose Confidential Information to the extent required by "
        "law or by order "
        "of a court. Any notice under this Agreement shall be in writing and delivered to the "
        "addresses above.",
        "During and after employment, Employee will not use or disclose Confidential Information except in "
        "performing Employee's duties or as required by law. Employee will inform the Company of any "
        "unauthorized use of Confidential Information by others.",
    ],
)
def test_weak_forms_compelled_disclosure_without_notice_is_weak(text: str) -> None:
    assert NO_NOTICE in weak_reasons("compelled_disclosure", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient may disclose Confidential Information pursuant to a subpoena or order of a court, "
        "provided that it first gives the Discloser written notice and a reasonable opportunity to object.",
        # The notice duty in the next sentence, which refers back to the disclosure.
        "Supplier may also reveal Client Data where a statute or a court requires it. Supplier will give "
        "Client prompt notice of any such official request so that Client can oppose it.",
        "Recipient may disclose Confidential Information as required by law or court order. In such event, "
        "Recipient shall, to the extent legally permitted, notify the Discloser before disclosing it.",
        "The processor acts only on the controller's documented instructions, unless it is required to "
        "process the data by Union or Member State law; in that case the processor shall first inform the "
        "controller of that requirement, where the law allows.",
    ],
)
def test_weak_forms_compelled_disclosure_with_notice_is_not_weak(text: str) -> None:
    """Guards on the sentence scope: the notice in the same provision still counts."""
    assert NO_NOTICE not in weak_reasons("compelled_disclosure", text)


def test_weak_forms_unless_scope_must_be_known(tmp_path: Path) -> None:
    path = tmp_path / "elements.toml"
    path.write_text(
        '[widget]\ntitle = "W"\nsummary = "W."\ncore = false\ntemplate = "w.j2"\nquantity = ""\n'
        "[[widget.cues]]\nname = \"w\"\npattern = '''widget'''\nscore = 0.6\n"
        "[[widget.weak]]\nname = \"v\"\npattern = '''vague'''\nunless = '''clear'''\n"
        'unless_scope = "paragraph"\nreason = "vague"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="unless_scope must be one of"):
        load_elements(path)


# ---- Return or destruction: copies kept without limit, or only a copy handed back ----

KEEPS = "the receiver may keep copies without limit"
HANDOVER = "only a copy of the data is handed back; nothing requires deleting the rest"


@pytest.mark.parametrize(
    "text",
    [
        # "Confidential" names the information here; it does not limit the copies kept.
        "Upon termination, the Recipient shall return or destroy all Confidential Information, "
        "except that the "
        "Recipient may retain copies of the Confidential Information for its files.",
        "Upon termination, each party shall return the other's Confidential Information, but "
        "either party may "
        "keep such copies as it deems appropriate.",
        "Within thirty days after termination, Supplier shall delete all Customer Data; "
        "provided that Supplier "
        "shall be entitled to retain any Customer Data it reasonably considers necessary for its business.",
        "Upon termination, Provider will return Customer Data in a standard format; Provider may thereafter "
        "retain Customer Data in accordance with its standard data retention practices.",
        # Released from the duty for a whole class of the information.
        "Upon request, the Receiving Party shall return all documents furnished to it; "
        "provided, however, that "
        "it shall not be required to return or destroy any notes, analyses or other materials it prepared.",
        "UPON TERMINATION, RECIPIENT SHALL RETURN ALL WRITTEN CONFIDENTIAL INFORMATION; "
        "PROVIDED THAT RECIPIENT "
        "NEED NOT RETURN OR DESTROY ANY CONFIDENTIAL INFORMATION STORED IN ELECTRONIC FORM.",
    ],
)
def test_weak_forms_return_copies_kept_without_limit_are_weak(text: str) -> None:
    assert KEEPS in weak_reasons("return_destruction", text)


@pytest.mark.parametrize(
    "text",
    [
        "Upon termination, the Recipient shall return or destroy all Confidential Information, "
        "except that it "
        "may retain one archival copy to determine its continuing obligations, which remains subject to this "
        "Agreement.",
        "Upon termination, the Recipient shall return or destroy all Confidential Information, "
        "except that it "
        "may retain copies as required by applicable law or regulation.",
        "Upon termination, Recipient shall destroy all Confidential Information, except that "
        "Recipient is not "
        "required to purge copies made by routine electronic backup, provided they are kept confidential.",
        "On leaving, the Employee may keep copies of the Employee's own pay records, which shall be held in "
        "strict confidence.",
    ],
)
def test_weak_forms_return_copies_kept_within_a_limit_are_not_weak(text: str) -> None:
    """A kind of copy, a legal need or continued confidentiality limits what is kept.

    Guards, but for the last: "held in strict confidence" was not read as a limit before.
    """
    assert KEEPS not in weak_reasons("return_destruction", text)


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        (
            "Upon expiry or termination, Provider shall deliver to Customer a copy of all Customer Data in "
            "Provider's possession in a commonly used electronic format.",
            True,
        ),
        (
            "On termination, Supplier will return the Client Data to the Client on magnetic tapes at the "
            "Client's cost, together with reasonable transition assistance.",
            True,
        ),
        (
            "Upon expiry or termination, Provider shall deliver to Customer a copy of all Customer Data and "
            "shall then securely delete all remaining copies.",
            False,
        ),
        (
            "On termination, Supplier will return the Client Data to the Client and destroy all copies "
            "remaining in its systems.",
            False,
        ),
    ],
)
def test_weak_forms_return_of_data_without_deletion_is_weak(text: str, weak: bool) -> None:
    assert (HANDOVER in weak_reasons("return_destruction", text)) is weak


# ---- Survival: how long confidentiality lasts, not the agreement's term or other terms ----


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # "this Agreement" names where the obligations are, not what continues.
        (
            "The Receiving Party's obligations under this Agreement shall continue for one year "
            "after expiry.",
            1.0,
        ),
        (
            "All duties of confidentiality in this Agreement will continue for six (6) months "
            "after termination.",
            0.5,
        ),
    ],
)
def test_weak_forms_survival_of_obligations_under_this_agreement_is_read(text: str, years: float) -> None:
    assert [q.value for q in survival_periods(text)] == [years]


def test_weak_forms_survival_agreements_own_term_still_skipped() -> None:
    """A guard on the rule above: the agreement's own term is still not a survival period."""
    assert survival_periods("This Agreement shall continue for one year after the Effective Date.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Any accrued payment obligations shall survive for one (1) year after termination.",
        "The warranty in Section 8 survives for ninety (90) days following termination.",
        "Customer's audit rights continue for two (2) years after expiry of this Agreement.",
    ],
)
def test_weak_forms_survival_skips_other_surviving_terms(text: str) -> None:
    assert survival_periods(text) == ()


# ---- Data protection referred to only in passing ----

IN_PASSING = "data protection is referred to only in passing"


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        # A DPA or BAA still to be agreed.
        (
            "If Customer Data includes Personal Data, the parties will negotiate in good faith "
            "and enter into a "
            "data processing agreement.",
            True,
        ),
        (
            "If Supplier will have access to Protected Health Information, the parties shall "
            "execute a Business "
            "Associate Agreement in a form acceptable to Customer.",
            True,
        ),
        # One kept outside the contract.
        (
            "The processing of Personal Data under this Agreement is governed by the Data "
            "Processing Addendum "
            "available at the Provider's website.",
            True,
        ),
        (
            "Provider's collection and use of personal information is described in its Privacy Policy, as "
            "updated from time to time.",
            True,
        ),
        # The law only acknowledged.
        (
            "This Agreement is without prejudice to each party's rights and obligations under the Data "
            "Protection Act 2018.",
            True,
        ),
        (
            "The parties acknowledge that data protection laws may apply to Personal Data "
            "exchanged under this "
            "Agreement.",
            True,
        ),
        # A duty stated as well is not in passing.
        (
            "The parties shall execute a Business Associate Agreement, and Supplier shall "
            "comply with HIPAA in "
            "handling any Protected Health Information.",
            False,
        ),
        (
            "Supplier shall process Personal Data only on Customer's documented instructions, "
            "as set out in the "
            "data processing addendum attached as Schedule 3.",
            False,
        ),
    ],
)
def test_weak_forms_data_protection_not_stated_here_is_in_passing(text: str, weak: bool) -> None:
    assert (IN_PASSING in weak_reasons("data_protection", text)) is weak


# ---- Scope: only technical information, or no defined term ----


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            '"Confidential Information" means technical data, specifications, designs, drawings, software, '
            "source code and know-how disclosed by the Discloser.",
            "covers only technical information",
        ),
        (
            "All information communicated by one party to the other in connection with the discussions shall "
            "be held in strict confidence by the receiving party.",
            "no defined term: the information is only described",
        ),
        (
            "The Recipient shall keep confidential all information disclosed to it by the Discloser in "
            "connection with the Purpose.",
            "no defined term: the information is only described",
        ),
        (
            "Supplier shall treat as confidential any information, data and documents that it receives from "
            "Customer in performing the Services.",
            "no defined term: the information is only described",
        ),
    ],
)
def test_weak_forms_definition_weak_scopes(text: str, reason: str) -> None:
    assert reason in weak_reasons("definition", text)


@pytest.mark.parametrize(
    "text",
    [
        '"Confidential Information" means all technical and business information, including specifications, '
        "designs, pricing and customer lists, disclosed by the Discloser.",
        '"Proprietary Information" means any information of any kind, including technical data, software and '
        "source code.",
        'All information disclosed hereunder ("Confidential Information") shall be held in strict '
        "confidence.",
    ],
)
def test_weak_forms_definition_broad_or_defined_scope_is_not_weak(text: str) -> None:
    """Guards: a scope naming the business too, or one with a defined term, is not weak."""
    assert weak_reasons("definition", text) == ()


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        # The verb as well as the participle.
        (
            '"Confidential Information" means information that the disclosing party identifies as '
            "confidential at the time of disclosure.",
            True,
        ),
        ('"Proprietary Information" means information which the Discloser designates as proprietary.', True),
        # Marking that does not decide.
        (
            '"Confidential Information" means all information disclosed by the Discloser, whether marked as '
            "confidential or not.",
            False,
        ),
        (
            '"Confidential Information" means all information the Discloser provides, regardless of '
            "whether it is labelled confidential.",
            False,
        ),
    ],
)
def test_weak_forms_definition_marked_only(text: str, weak: bool) -> None:
    assert (
        "covers only information marked confidential in writing" in weak_reasons("definition", text)
    ) is weak


# ---- "twelve (12) months" broken by a newline is one sentence, not a list item ----


def test_weak_forms_number_word_and_its_figure_across_a_line_break_stay_one_clause() -> None:
    text = (
        "9. Duration. The recipient's duties of secrecy last for twelve\n"
        "(12) months from the date of this Agreement.\n"
        "10. Notices. All notices shall be in writing."
    )
    spans = [text[s:e] for s, e in paragraph_spans(text)]
    assert spans[0].endswith("from the date of this Agreement.")
    periods = survival_periods(spans[0])
    assert [(q.value, q.from_signing) for q in periods] == [(1.0, True)]


def test_weak_forms_a_figure_that_does_not_repeat_the_word_still_starts_an_item() -> None:
    """A guard: "(2)" after a line ending in "one" is the next item, as before."""
    text = "The Supplier shall:\n(1) keep records of one\n(2) notify the Customer of any loss."
    assert len(paragraph_spans(text)) == 3


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        # "Reasonably" about timing or about the legends is no escape from marking.
        (
            '"Confidential Information" means written information bearing a confidential legend, and oral '
            "information identified as confidential when disclosed and confirmed in writing as soon as "
            "reasonably practicable.",
            True,
        ),
        (
            '"Proprietary Data" means data labelled proprietary, or data the Recipient would reasonably '
            "have understood to be proprietary from the prominent legends on it.",
            True,
        ),
        # A reasonable person's understanding is.
        (
            '"Confidential Information" means information marked confidential or which should reasonably be '
            "understood to be confidential.",
            False,
        ),
        (
            '"Confidential Information" means information designated as confidential, or which a reasonable '
            "person would consider confidential.",
            False,
        ),
    ],
)
def test_weak_forms_definition_marked_only_reasonably(text: str, weak: bool) -> None:
    """The first two fail before; the last two guard the reasonable-person escape."""
    assert (
        "covers only information marked confidential in writing" in weak_reasons("definition", text)
    ) is weak


# ---- Duties that do not outlast an agreement of fixed term ----


@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            "This Agreement will, save as stated in clause 3, cease to have effect thirty (30) months after "
            "signature.",
            2.5,
        ),
        ("This Agreement will expire eighteen (18) months from the Effective Date.", 1.5),
        ("This NDA shall remain in full force and effect for three years.", 3.0),
    ],
)
def test_weak_forms_agreement_term_is_read_from_its_date(text: str, years: float) -> None:
    term = agreement_term(text)
    assert term is not None and (term.value, term.from_signing) == (years, True)
    assert term.text in text


@pytest.mark.parametrize(
    "text",
    [
        "Either party may terminate this Agreement on thirty days' notice.",
        "The Company shall pay the fees within two years of the date hereof.",
    ],
)
def test_weak_forms_agreement_term_needs_the_agreement_to_end(text: str) -> None:
    assert agreement_term(text) is None


def _continuing(term: Quantity | None) -> Detection:
    """post_termination found in a clause with no period of its own ("shall continue to be bound")."""
    evidence = Evidence(
        clause_id="c0003",
        number="3",
        heading="Return",
        page=None,
        start=0,
        end=50,
        score=0.9,
        rule_score=0.9,
        model_score=0.9,
        cues=(Cue("post_termination", "continues_notwithstanding", 0.8, 0, 10),),
    )
    return Detection("post_termination", 0.9, (evidence,), term)


def test_weak_forms_duties_ending_with_a_short_fixed_term_are_weak() -> None:
    term = Quantity("survival", 2.0, "two years", 900, 909, signing_anchor_end=930)
    result = judge_element(_continuing(term), load_profile("nda"))
    assert result.status == WEAK
    assert '"two years"' in result.reason


def test_weak_forms_duties_ending_with_a_long_fixed_term_or_none_are_not_weak() -> None:
    """Guards: five years from signing is more than the NDA's two; no fixed term, no cap."""
    long_term = Quantity("survival", 5.0, "five years", 900, 910, signing_anchor_end=931)
    assert judge_element(_continuing(long_term), load_profile("nda")).status == PRESENT
    assert judge_element(_continuing(None), load_profile("nda")).status == PRESENT


def test_weak_forms_agreement_term_not_kept_when_the_duties_survive_the_agreement() -> None:
    from clauses.detect import detect
    from clauses.pipeline import load_shipped_model
    from clauses.segment import plain_document

    body = (
        "CONFIDENTIALITY AGREEMENT\n\n"
        '1. "Evaluation Material" means all information the Company gives you, written or oral.\n\n'
        "2. You shall keep the Evaluation Material confidential and use it only to assess the deal.\n\n"
        "3. {duty}\n\n"
        "4. This Agreement shall expire two years after the date hereof.\n"
    )
    model = load_shipped_model()

    def term(duty: str) -> Quantity | None:
        document = plain_document(body.format(duty=duty), path="x.txt", fmt="text", sha256="")
        found = {d.element: d for d in detect(document, model)}
        return found["post_termination"].term

    assert term("After returning the Evaluation Material you remain bound by this Agreement.") is not None
    assert term("Your obligations hereunder survive any termination or expiration of this Agreement.") is None
