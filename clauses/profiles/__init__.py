"""Profiles and playbooks: which elements a contract type requires, and the weak thresholds.

The built-in profiles (nda, vendor, employment) are TOML files in this package;
a user's playbook is a TOML file with the same schema. Both go through the same
validation, whose messages name the bad key or element id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import tomllib

from clauses.datamodel import Requirement, Severity
from clauses.elements import core_ids, element_ids
from clauses.errors import ConfigError
from clauses.segment.parties import SIDES

PROFILE_DIR = Path(__file__).resolve().parent
BUILT_IN = ("nda", "vendor", "employment")
REQUIREMENTS = tuple(r.value for r in Requirement)
SEVERITIES = tuple(s.value for s in Severity if s is not Severity.NONE)  # "none" is only for optional
_TOP_KEYS = {"name", "title", "description", "side", "thresholds", "elements"}
_THRESHOLD_KEYS = {"min_survival_years": (int, float), "max_notice_hours": (int, float)}


@dataclass(frozen=True)
class ElementRule:
    requirement: Requirement
    severity: Severity


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    description: str
    min_survival_years: float
    max_notice_hours: float
    elements: dict[str, ElementRule]  # not to be changed (built-ins are shared); unlisted = optional
    # The side the review is for: a duty counts when it binds the other side. One of
    # SIDES, "either" (any duty counts) or a party's defined name as the contract writes it.
    side: str = "either"

    def rule(self, element: str) -> ElementRule:
        return self.elements.get(element, ElementRule(Requirement.OPTIONAL, Severity.LOW))

    @property
    def thresholds(self) -> dict[str, float]:
        return {"min_survival_years": self.min_survival_years, "max_notice_hours": self.max_notice_hours}


def validate_profile(data: dict, source: str) -> Profile:
    """Check a parsed profile table; every problem names ``source`` and the bad key."""
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{source}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}")
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ConfigError(f"{source}: 'name' must be a short identifier such as \"my-nda\"")
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict):
        raise ConfigError(f"{source}: 'thresholds' must be a table")
    for key, value in thresholds.items():
        if key not in _THRESHOLD_KEYS:
            raise ConfigError(
                f"{source}: thresholds: unknown key {key!r}; allowed: {sorted(_THRESHOLD_KEYS)}"
            )
        if isinstance(value, bool) or not isinstance(value, _THRESHOLD_KEYS[key]) or value < 0:
            raise ConfigError(f"{source}: thresholds.{key} must be a non-negative number")
    side = data.get("side", "either")
    if not isinstance(side, str) or not side.strip() or len(side) > 80:
        raise ConfigError(
            f"{source}: 'side' must be one of {', '.join((*SIDES, 'either'))} or a party's name as written"
        )
    table = data.get("elements")
    if not isinstance(table, dict) or not table:
        raise ConfigError(f"{source}: 'elements' must be a table of element ids")
    known = element_ids()
    core = core_ids()
    rules: dict[str, ElementRule] = {}
    for element, spec in table.items():
        if element not in known:
            raise ConfigError(f"{source}: unknown element id {element!r}; known ids: {', '.join(known)}")
        if not isinstance(spec, dict):
            raise ConfigError(f"{source}: elements.{element} must be a table")
        extra = set(spec) - {"requirement", "severity"}
        if extra:
            raise ConfigError(f"{source}: elements.{element}: unknown key(s) {sorted(extra)}")
        requirement = spec.get("requirement", "required")
        severity = spec.get("severity", "medium")
        if requirement not in REQUIREMENTS:
            raise ConfigError(f"{source}: elements.{element}.requirement must be one of {REQUIREMENTS}")
        if severity not in SEVERITIES:
            raise ConfigError(f"{source}: elements.{element}.severity must be one of {SEVERITIES}")
        if element in core and requirement != Requirement.REQUIRED:
            raise ConfigError(
                f"{source}: elements.{element} is a core element, which every profile requires; "
                f"its requirement cannot be {requirement!r}"
            )
        rules[element] = ElementRule(Requirement(requirement), Severity(severity))
    for element in core:  # a playbook that leaves a core element out still requires it
        rules.setdefault(element, ElementRule(Requirement.REQUIRED, Severity.HIGH))
    return Profile(
        name=name,
        title=str(data.get("title", name)),
        description=str(data.get("description", "")),
        min_survival_years=float(thresholds.get("min_survival_years", 2)),
        max_notice_hours=float(thresholds.get("max_notice_hours", 72)),
        elements=rules,
        side=side.strip(),
    )


def load_profile_file(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read playbook: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return validate_profile(data, str(path))


@lru_cache(maxsize=len(BUILT_IN))
def _built_in(name: str) -> Profile:
    """Built-in profiles ship with the package, so each is read once per process."""
    return load_profile_file(PROFILE_DIR / f"{name}.toml")


def load_profile(name_or_path: str) -> Profile:
    """A built-in profile by name, or a playbook file by path (read again each time: it may change)."""
    if name_or_path in BUILT_IN:
        return _built_in(name_or_path)
    path = Path(name_or_path)
    if path.suffix.lower() == ".toml" or path.exists():
        return load_profile_file(path)
    raise ConfigError(
        f"unknown profile {name_or_path!r}: use auto, {', '.join(BUILT_IN)} or a playbook .toml file"
    )


def default_thresholds() -> dict[str, float]:
    """The spec's defaults, used where no profile applies (evaluation)."""
    return {"min_survival_years": 2.0, "max_notice_hours": 72.0}
