"""Profiles and playbooks: which elements a contract type requires, and the weak thresholds.

The built-in profiles (nda, vendor, employment) are TOML files in this package;
a user's playbook is a TOML file with the same schema. Both go through the same
validation, whose messages name the bad key or element id.

A playbook may also carry the firm's negotiating positions, as contract tools
do: ``extends = "vendor"`` starts from a built-in profile (its thresholds and
elements, each overridable); a threshold may be ``{ preferred = 5, fallback = 3 }``
(meeting only the fallback is weak, "acceptable fallback"); and ``[wording]``
points an element at the firm's own Jinja2 template, a path relative to the
playbook, checked when the playbook is loaded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from clauses.datamodel import Requirement, Severity
from clauses.elements import core_ids, element_ids
from clauses.errors import ConfigError
from clauses.segment.parties import SIDES
from clauses.tomlfile import read_toml_file

PROFILE_DIR = Path(__file__).resolve().parent
BUILT_IN = ("nda", "vendor", "employment")
REQUIREMENTS = tuple(r.value for r in Requirement)
SEVERITIES = tuple(s.value for s in Severity if s is not Severity.NONE)  # "none" is only for optional
_TOP_KEYS = {"name", "title", "description", "side", "thresholds", "elements", "extends", "wording"}
_THRESHOLD_KEYS = {"min_survival_years": (int, float), "max_notice_hours": (int, float)}
# The spec's defaults: a playbook that leaves a threshold out, evaluation and suggestions use these.
DEFAULT_THRESHOLDS: Mapping[str, float] = MappingProxyType(
    {"min_survival_years": 2.0, "max_notice_hours": 72.0}
)
# Upper bounds that no real playbook reaches (a thousand years; ten years of hours), so the
# judge's arithmetic on durations never overflows.
_THRESHOLD_MAX = {"min_survival_years": 1000.0, "max_notice_hours": 87600.0}


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
    # The positions a playbook accepts short of its preferred ones (None: no fallback).
    fallback_survival_years: float | None = None
    fallback_notice_hours: float | None = None
    wording: tuple[tuple[str, str], ...] = ()  # (element id, template file) from [wording]

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
    positions: dict[str, tuple[float, float | None]] = {}
    for key, value in thresholds.items():
        if key not in _THRESHOLD_KEYS:
            raise ConfigError(
                f"{source}: thresholds: unknown key {key!r}; allowed: {sorted(_THRESHOLD_KEYS)}"
            )
        where, limit = f"{source}: thresholds.{key}", _THRESHOLD_MAX[key]
        positions[key] = _position(value, where, lenient_above=key.startswith("max"), limit=limit)
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
    survival = positions.get("min_survival_years", (DEFAULT_THRESHOLDS["min_survival_years"], None))
    notice = positions.get("max_notice_hours", (DEFAULT_THRESHOLDS["max_notice_hours"], None))
    return Profile(
        name=name,
        title=str(data.get("title", name)),
        description=str(data.get("description", "")),
        min_survival_years=survival[0],
        max_notice_hours=notice[0],
        elements=rules,
        side=side.strip(),
        fallback_survival_years=survival[1],
        fallback_notice_hours=notice[1],
        wording=_wording(data.get("wording", {}), source),
    )


def _number(value: object, where: str, limit: float) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)  # TOML allows inf and nan; no duration is either
        or not 0 <= value <= limit
    ):
        raise ConfigError(f"{where} must be a number from 0 to {limit:g}")
    return float(value)


def _position(
    value: object, where: str, *, lenient_above: bool, limit: float
) -> tuple[float, float | None]:
    """A threshold as (preferred, fallback): a number, or ``{ preferred = .., fallback = .. }``."""
    if not isinstance(value, dict):
        return _number(value, where, limit), None
    extra = set(value) - {"preferred", "fallback"}
    if extra or "preferred" not in value:
        raise ConfigError(f"{where} must be a number or {{ preferred = N, fallback = M }}")
    preferred = _number(value["preferred"], f"{where}.preferred", limit)
    if "fallback" not in value:
        return preferred, None
    fallback = _number(value["fallback"], f"{where}.fallback", limit)
    # A fallback concedes something: a shorter survival, a longer notice period.
    if (fallback < preferred) if lenient_above else (fallback > preferred):
        side = "at least" if lenient_above else "at most"
        raise ConfigError(f"{where}.fallback must be {side} the preferred value {preferred:g}")
    return preferred, fallback


def _wording(table: object, source: str) -> tuple[tuple[str, str], ...]:
    """[wording]: element id -> the firm's template, relative to the playbook; each file checked now."""
    import jinja2

    if not isinstance(table, dict):
        raise ConfigError(f"{source}: 'wording' must be a table of element id = \"template file\"")
    known = element_ids()
    base = Path(source).parent
    found = []
    for element, relative in table.items():
        if element not in known:
            raise ConfigError(
                f"{source}: wording: unknown element id {element!r}; known ids: {', '.join(known)}"
            )
        if not isinstance(relative, str) or not relative.strip():
            raise ConfigError(f"{source}: wording.{element} must be a template file name")
        path = (base / relative).resolve()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{source}: wording.{element}: cannot read {relative}: {exc}") from exc
        try:
            jinja2.Environment().parse(text)
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigError(
                f"{source}: wording.{element}: {relative} line {exc.lineno}: {exc.message}"
            ) from exc
        found.append((element, str(path)))
    return tuple(found)


def _read_toml(path: Path) -> dict:
    """The bounded read: ``/dev/zero`` or a table nested a thousand deep is one ConfigError."""
    return read_toml_file(path, "playbook")


def _extended(data: dict, source: str) -> dict:
    """The playbook laid over the built-in profile it ``extends``: its keys win, table by table."""
    base_name = data.get("extends")
    if base_name is None:
        return data
    if base_name not in BUILT_IN:
        raise ConfigError(f"{source}: extends must name a built-in profile: {', '.join(BUILT_IN)}")
    base = _read_toml(PROFILE_DIR / f"{base_name}.toml")
    merged = {**base, **{k: v for k, v in data.items() if k != "extends"}}
    for table in ("thresholds", "elements"):
        if isinstance(data.get(table), dict):
            merged[table] = {**base.get(table, {}), **data[table]}
    return merged


def load_profile_file(path: Path) -> Profile:
    """Read and validate a playbook; the read is bounded (``/dev/zero`` is refused, not read forever)."""
    data = _read_toml(path)
    return validate_profile(_extended(data, str(path)), str(path))


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
    return dict(DEFAULT_THRESHOLDS)



# The --profile decoder needs the loaders above; imported last so it can import them.
from clauses.profiles.spec import AUTO, ResolvedProfile, resolve  # noqa: E402, F401 - the public names
