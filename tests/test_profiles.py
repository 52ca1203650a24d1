"""clauses.profiles: built-in profiles, playbook validation naming the bad key, and profile inference."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.datamodel import Document
from clauses.detect.doctype import infer_profile
from clauses.elements import core_ids, element_ids
from clauses.errors import ConfigError
from clauses.profiles import BUILT_IN, ElementRule, default_thresholds, load_profile, validate_profile
from clauses.segment import plain_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "detect"

# The spec's profile table.
SPEC_REQUIRED = {
    "nda": set(core_ids()) | {"exclusions", "compelled_disclosure", "use_limitation", "return_destruction"},
    "vendor": set(core_ids()) | {"safeguards", "return_destruction", "data_protection", "personnel"},
    "employment": set(core_ids()) | {"return_destruction", "exclusions"},
}
SPEC_RECOMMENDED = {
    "nda": {"safeguards", "personnel"},
    "vendor": {"audit", "compelled_disclosure", "exclusions", "use_limitation"},
    "employment": {"compelled_disclosure", "use_limitation"},
}


def _valid() -> dict:
    return {
        "name": "mine",
        "thresholds": {"min_survival_years": 2, "max_notice_hours": 48},
        "elements": {"definition": {"requirement": "required", "severity": "high"}},
    }


@pytest.mark.parametrize(
    ("name", "years", "hours"), [("nda", 2, 72), ("vendor", 3, 72), ("employment", 2, 72)]
)
def test_profiles_built_in_thresholds(name: str, years: float, hours: float) -> None:
    profile = load_profile(name)
    assert profile.name == name
    assert (profile.min_survival_years, profile.max_notice_hours) == (years, hours)
    assert profile.thresholds == {"min_survival_years": years, "max_notice_hours": hours}


@pytest.mark.parametrize("name", BUILT_IN)
def test_profiles_built_in_requirements_match_the_spec(name: str) -> None:
    profile = load_profile(name)
    required = {e for e, r in profile.elements.items() if r.requirement == "required"}
    recommended = {e for e, r in profile.elements.items() if r.requirement == "recommended"}
    assert required == SPEC_REQUIRED[name]
    assert recommended == SPEC_RECOMMENDED[name]
    # A missing breach-notice clause in an NDA is negotiated (YELLOW), not escalated (RED).
    expected = {e: "medium" if (name, e) == ("nda", "breach_notice") else "high" for e in core_ids()}
    assert {e: profile.rule(e).severity for e in core_ids()} == expected


def test_profiles_unlisted_element_is_optional_low() -> None:
    assert load_profile("nda").rule("audit") == ElementRule("optional", "low")


def test_profiles_default_thresholds_are_the_spec_defaults() -> None:
    assert default_thresholds() == {"min_survival_years": 2.0, "max_notice_hours": 72.0}


def test_profiles_playbook_with_unknown_element_names_the_id() -> None:
    path = FIXTURES / "playbook_unknown_element.toml"
    with pytest.raises(ConfigError) as caught:
        load_profile(str(path))
    assert "'non_compete'" in str(caught.value)
    assert str(path) in str(caught.value)


def test_profiles_custom_playbook_loads_by_path() -> None:
    profile = load_profile(str(FIXTURES / "playbook_custom.toml"))
    assert profile.name == "acme-strict"
    assert profile.title == "Acme strict NDA playbook"
    assert (profile.min_survival_years, profile.max_notice_hours) == (5.0, 24.0)
    assert profile.rule("audit") == ElementRule("required", "medium")  # severity defaults to medium
    assert profile.rule("safeguards") == ElementRule("recommended", "low")
    assert profile.rule("exclusions") == ElementRule("optional", "low")


def test_profiles_missing_playbook_file_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read playbook"):
        load_profile(str(tmp_path / "absent.toml"))


def test_profiles_unknown_profile_name_lists_the_choices() -> None:
    with pytest.raises(ConfigError, match="nda, vendor, employment"):
        load_profile("lease")


def test_profiles_invalid_toml_is_config_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "x"\n[elements\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_profile(str(path))


def test_profiles_valid_table_passes() -> None:
    profile = validate_profile(_valid(), "mine.toml")
    assert profile.max_notice_hours == 48.0
    assert profile.elements["definition"] == ElementRule("required", "high")
    assert set(profile.elements) == set(core_ids())  # the core elements not listed are added


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d.update(colour="blue"), "colour"),
        (lambda d: d["thresholds"].update(max_survival_years=9), "max_survival_years"),
        (lambda d: d["thresholds"].update(min_survival_years=-1), "min_survival_years"),
        (lambda d: d["thresholds"].update(max_notice_hours=-24), "max_notice_hours"),
        (lambda d: d["thresholds"].update(max_notice_hours="72h"), "max_notice_hours"),
        (lambda d: d["thresholds"].update(max_notice_hours=True), "max_notice_hours"),
        (lambda d: d.update(thresholds=5), "thresholds"),
        (lambda d: d["elements"]["definition"].update(requirement="mandatory"), "definition.requirement"),
        (lambda d: d["elements"]["definition"].update(severity="critical"), "definition.severity"),
        (lambda d: d["elements"]["definition"].update(weight=3), "weight"),
        (lambda d: d["elements"].update(remedies="required"), "elements.remedies"),
        (lambda d: d["elements"].update(nda_term={"requirement": "required"}), "nda_term"),
        (lambda d: d.update(elements={}), "elements"),
        (lambda d: d.pop("name"), "name"),
        (lambda d: d.update(name="my nda!"), "name"),
    ],
)
def test_profiles_validation_names_the_bad_key(change, named: str) -> None:
    data = _valid()
    change(data)
    with pytest.raises(ConfigError) as caught:
        validate_profile(data, "mine.toml")
    message = str(caught.value)
    assert message.startswith("mine.toml: ")
    assert named in message


def test_profiles_every_known_id_is_accepted() -> None:
    data = {
        "name": "all",
        "elements": {
            e: {"requirement": "required" if e in core_ids() else "recommended"} for e in element_ids()
        },
    }
    assert set(validate_profile(data, "all.toml").elements) == set(element_ids())


def _doc(text: str) -> Document:
    return plain_document(text, path="x.txt", fmt="text", sha256="")


NDA_TEXT = """MUTUAL NON-DISCLOSURE AGREEMENT

This agreement is made between Bluefin Labs and Corvid Ltd so that each may review the other's designs \
for a possible joint venture (the "Purpose").

1. Each party shall keep the other's Confidential Information secret.
"""

VENDOR_TEXT = """MASTER SERVICES AGREEMENT

This agreement is made between Tallow Health (the "Customer") and Gridline Cloud Inc. (the "Provider"). \
The Provider will host the Customer's records as a subscription service for the fees in the Order Form.

1. The Provider shall meet the service levels in Schedule 2.
"""

EMPLOYMENT_TEXT = """EMPLOYMENT AGREEMENT

This agreement is made between Harrow & Finch LLP (the "Employer") and Dana Ruiz (the "Employee"). \
The Employee will start on 1 May 2026 at the salary stated in Schedule 1.

1. The Employee shall keep the business secrets of the Employer confidential.
"""


@pytest.mark.parametrize(
    ("text", "expected", "signal"),
    [
        (NDA_TEXT, "nda", "NON-DISCLOSURE"),
        (VENDOR_TEXT, "vendor", "SERVICES AGREEMENT"),
        (EMPLOYMENT_TEXT, "employment", "EMPLOYMENT"),
    ],
)
def test_profiles_infer_picks_the_type_and_names_the_signal(text: str, expected: str, signal: str) -> None:
    name, reason = infer_profile(_doc(text))
    assert name == expected
    assert reason.startswith(f"inferred {expected}:")
    assert signal.lower() in reason.lower()
    assert "title mentions" in reason


def test_profiles_infer_without_signals_falls_back_to_nda() -> None:
    name, reason = infer_profile(_doc("Minutes of the meeting held on Tuesday.\n\nAll attended."))
    assert name == "nda"
    assert "no type signals" in reason


def test_profiles_infer_title_outweighs_body_mentions() -> None:
    text = (
        "CONFIDENTIALITY AGREEMENT\n\nThe consultant and the employee of the contractor will review "
        "the employment records.\n\n1. Keep it secret."
    )
    assert infer_profile(_doc(text))[0] == "nda"


def test_profiles_infer_a_corporate_agreement_says_why_it_is_judged_as_an_nda() -> None:
    # Its opening mentions the parties' earlier "Confidentiality Agreement": the reason must not
    # say that mention made a share purchase an NDA.
    text = (
        "STOCK PURCHASE AGREEMENT\n\nThis Stock Purchase Agreement refers to the Confidentiality "
        "Agreement dated 2 May between the Buyer and the Seller.\n\nSection 1.01 Sale. The Seller sells "
        "the Shares to the Buyer.\n"
    )
    name, reason = infer_profile(_doc(text))
    assert name == "nda"
    assert "corporate or finance agreement" in reason and "STOCK PURCHASE AGREEMENT" in reason
    assert "mentions" not in reason


def test_profiles_core_element_left_out_is_still_required() -> None:
    from clauses.profiles import validate_profile

    profile = validate_profile({"name": "p", "elements": {"audit": {"requirement": "required"}}}, "p.toml")
    for element in core_ids():
        assert profile.rule(element).requirement == "required", element
        assert profile.rule(element).severity == "high"
    assert profile.rule("personnel").requirement == "optional"


def test_profiles_core_element_cannot_be_made_optional() -> None:
    from clauses.errors import ConfigError
    from clauses.profiles import validate_profile

    data = {"name": "p", "elements": {"definition": {"requirement": "optional"}}}
    with pytest.raises(ConfigError, match="elements.definition is a core element"):
        validate_profile(data, "p.toml")


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "+nan", "1e308"])
def test_profiles_non_finite_or_absurd_threshold_is_a_config_error(tmp_path: Path, value: str) -> None:
    playbook = tmp_path / "p.toml"
    playbook.write_text(
        f'name = "p"\n[thresholds]\nmin_survival_years = {value}\n'
        '[elements]\ndefinition = { requirement = "required" }\n'
    )
    with pytest.raises(ConfigError, match="min_survival_years must be a number from 0 to"):
        load_profile(str(playbook))


def test_profiles_deeply_nested_playbook_is_a_config_error(tmp_path: Path) -> None:
    playbook = tmp_path / "deep.toml"
    playbook.write_text('name = "p"\nx = ' + "[" * 1000 + "]" * 1000 + "\n")
    with pytest.raises(ConfigError, match="nests tables or arrays 1000 deep.*MAX_TOML_NESTING"):
        load_profile(str(playbook))
    inline = tmp_path / "inline.toml"
    inline.write_text("x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n")
    with pytest.raises(ConfigError, match="MAX_TOML_NESTING"):
        load_profile(str(inline))


def test_profiles_nesting_depth_ignores_brackets_in_strings_and_comments() -> None:
    from clauses.tomlfile import nesting_depth

    assert nesting_depth('a = "[[[[{{{"\nb = \'[[[\'\n# [[[[[\nc = """\n[[[[\n"""\n[t]\n') == 1
    assert nesting_depth('a = "\\"[[["\nx = [[1], [2]]\n') == 2


def test_profiles_endless_playbook_is_refused_after_a_bounded_read(tmp_path: Path) -> None:
    from clauses.tomlfile import MAX_TOML_BYTES

    with pytest.raises(ConfigError, match="larger than .*MAX_TOML_BYTES"):
        load_profile("/dev/zero")
    big = tmp_path / "big.toml"
    big.write_text("# padding\n" * (MAX_TOML_BYTES // 10 + 1))
    with pytest.raises(ConfigError, match="MAX_TOML_BYTES"):
        load_profile(str(big))


def test_profiles_playbook_not_utf8_or_a_folder_is_a_config_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'name = "caf\xe9"\n')
    with pytest.raises(ConfigError, match="not valid TOML: not UTF-8"):
        load_profile(str(latin))
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    with pytest.raises(ConfigError, match="cannot read playbook"):
        load_profile(str(folder))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Government and construction forms call the supplier "the Contractor": a services contract.
        (
            "CONTRACT FOR THE PROVISION OF DATA CENTRE SERVICES\n\nThis Contract is made between the "
            'Department of Transport (the "Customer") and Ostrava Systems Pty Ltd (the "Contractor"). The '
            "Contractor shall provide the Services for the fees in Schedule 2.\n\n1. The Contractor shall "
            "keep the Customer's information confidential.\n",
            "vendor",
        ),
        # An individual engaged as an independent contractor is the employment profile's.
        (
            "INDEPENDENT CONTRACTOR AGREEMENT\n\nThis agreement is made between Pell Analytics Inc. and "
            'Ravi Menon (the "Contractor").\n\n1. The Contractor shall keep the Company\'s information '
            "confidential.\n",
            "employment",
        ),
    ],
)
def test_profiles_infer_reads_contractor_as_the_document_uses_it(text: str, expected: str) -> None:
    assert infer_profile(_doc(text))[0] == expected
