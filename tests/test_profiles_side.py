"""``side`` in profiles and playbooks (issue 12): defaults and validation."""

from __future__ import annotations

import pytest

from clauses.errors import ConfigError
from clauses.profiles import load_profile, validate_profile

ELEMENTS = {"definition": {"requirement": "required", "severity": "high"}}


def test_profiles_side_built_in_defaults() -> None:
    assert load_profile("vendor").side == "customer"
    assert load_profile("employment").side == "employer"
    assert load_profile("nda").side == "either"


def test_profiles_side_playbook_takes_a_side_or_a_party_name() -> None:
    assert validate_profile({"name": "p", "elements": ELEMENTS}, "p.toml").side == "either"
    assert validate_profile({"name": "p", "side": "vendor", "elements": ELEMENTS}, "p.toml").side == "vendor"
    named = validate_profile({"name": "p", "side": " Acme Corp. ", "elements": ELEMENTS}, "p.toml")
    assert named.side == "Acme Corp."


@pytest.mark.parametrize("side", [3, "", "   ", ["customer"]])
def test_profiles_side_bad_value_names_the_key(side: object) -> None:
    with pytest.raises(ConfigError, match=r"p\.toml: 'side' must be one of customer, vendor"):
        validate_profile({"name": "p", "side": side, "elements": ELEMENTS}, "p.toml")
