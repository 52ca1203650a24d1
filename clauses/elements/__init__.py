"""Load and validate the element definitions in ``elements.toml``.

The TOML file is the one place an element is defined; everything else (rules,
classifier labels, profiles, templates, reports) reads the ids and attributes
from here. A bad regex or an unknown key fails at load time with a message that
names the element and the pattern, never later at match time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clauses.elements.cache import LazyPattern, cache_key, load_gates, save_gates
from clauses.elements.gate import Gate, coarse_gate, pattern_gate, pattern_lead
from clauses.errors import ConfigError
from clauses.tomlfile import TOMLDecodeError, loads

ELEMENTS_FILE = Path(__file__).with_name("elements.toml")
QUANTITY_KINDS = ("", "survival", "notice")
DOC_TYPES = ("nda", "vendor", "employment")  # the contract types clauses/detect/doctype.py infers
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class CuePattern:
    """A regex whose match in a clause is evidence for an element."""

    name: str
    regex: re.Pattern[str]
    score: float
    gate: Gate = ()  # literals any match contains (clauses/gate.py)
    lead: tuple[str, ...] = ()  # literals every match starts with (gate.pattern_lead)


UNLESS_SCOPES = ("clause", "sentence")


@dataclass(frozen=True)
class WeakSignal:
    """Wording that makes a present element weak, unless ``unless`` also matches.

    ``unless_scope`` says where ``unless`` is looked for: anywhere in the clause, or
    ("sentence") in the sentence of each match of ``regex`` and a next sentence that
    refers back to it (detect/rules.py): a long confidentiality paragraph's "written
    notice" of termination is not notice of a disclosure the law requires.
    """

    name: str
    regex: re.Pattern[str]
    unless: re.Pattern[str] | None
    reason: str
    gate: Gate = ()
    unless_scope: str = "clause"
    lead: tuple[str, ...] = ()  # of ``regex``, and of ``unless`` (gate.pattern_lead)
    unless_lead: tuple[str, ...] = ()
    # Weak wherever it is (judge): a clause that opens a door (affiliates that receive with no
    # duty) weakens the element whatever the other clauses say.
    decisive: bool = False
    # Decisive also on a clause quoted below the present threshold (judge): the door is often a
    # sub-clause of its own ("(b) we may disclose it to our limited partners") that the classifier
    # does not read as the element by itself.
    decisive_below_present: bool = False


@dataclass(frozen=True)
class Negation:
    """Wording that cancels the element's cues in the same sentence."""

    name: str
    regex: re.Pattern[str]
    # Literals any match contains (clauses/gate.py): a negation is looked for in every clause
    # where one of the element's cues fired, and is absent from nearly all of them.
    gate: Gate = ()
    lead: tuple[str, ...] = ()  # literals every match starts with (gate.pattern_lead)
    # This negation names a whole look-alike provision in the element's own words (a
    # representation of past compliance), so it cancels the classifier's word where it reads the
    # clause, as an element's negations_cancel_model makes all of them do.
    cancels_model: bool = False


@dataclass(frozen=True)
class ElementDef:
    id: str
    title: str
    summary: str
    core: bool
    template: str
    quantity: str
    cues: tuple[CuePattern, ...]
    context_words: tuple[str, ...]
    weak: tuple[WeakSignal, ...]
    negations: tuple[Negation, ...]
    # Cues count fully only in a clause that also matches this (e.g. survival must
    # concern confidentiality); None = no condition.
    requires: re.Pattern[str] | None = None
    # Literals any match of ``requires`` contains (clauses/gate.py): a clause without them
    # lacks what the element requires, and its text is not searched.
    requires_gate: Gate = ()
    requires_lead: tuple[str, ...] = ()  # literals every match of ``requires`` starts with
    # Literals one of which any cue or weak signal of the element needs (clauses/gate.py).
    gate: tuple[str, ...] = ()
    # Section headings (the clause's own or its parent's) that name the element, and
    # those that name a look-alike ("Indemnification" for remedies): context, not cues.
    heading_boost: re.Pattern[str] | None = None
    heading_damp: re.Pattern[str] | None = None
    # Headings that name another provision whose own terms a clause under them states (a
    # non-solicitation's "this paragraph survives"): such a clause counts only when its text
    # names the confidentiality duties (detect).
    heading_other: re.Pattern[str] | None = None
    # Contract types in which the element is expected (an NDA's use limitation): a
    # supported clause of such a contract gets the same bounded boost as a heading gives.
    doc_types: tuple[str, ...] = ()
    # The negations name whole look-alike provisions (the receiver's own SOC 2 audit, a
    # quality inspection), so they cancel the classifier's word on a clause as well as cues.
    negations_cancel_model: bool = False
    # Whether a clause only the classifier reads as the element (no cue) clears another clause's
    # weak signal (judge): false where such a clause names nothing the contract gives (a notice of
    # statutory penalties as a remedy, "comply with all laws" as data protection).
    model_clears_weak: bool = True


_ELEMENT_KEYS = {
    "title",
    "summary",
    "core",
    "template",
    "quantity",
    "cues",
    "context_words",
    "weak",
    "negations",
    "requires",
    "headings",
    "doc_types",
    "negations_cancel_model",
    "model_clears_weak",
}
_HEADING_KEYS = {"boost", "damp", "other"}


def _compile(element: str, name: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise ConfigError(f"elements.toml: {element}: pattern {name!r} is not a valid regex: {exc}") from exc


def _require(element: str, table: dict, key: str, kind: type) -> object:
    if key not in table:
        raise ConfigError(f"elements.toml: {element}: missing key {key!r}")
    value = table[key]
    if not isinstance(value, kind):
        raise ConfigError(f"elements.toml: {element}: {key!r} must be {kind.__name__}")
    return value


_SUBTABLE_KEYS = {
    "cues": ({"name", "pattern", "score"}, {"name", "pattern", "score"}),
    "weak": (
        {"name", "pattern", "unless", "unless_scope", "reason", "decisive", "decisive_below_present"},
        {"name", "pattern", "reason"},
    ),
    "negations": ({"name", "pattern", "cancels_model"}, {"name", "pattern"}),
}


def _check_entries(element: str, table: dict) -> None:
    """Every cue, weak signal and negation has exactly the keys it may have."""
    for kind, (allowed, required) in _SUBTABLE_KEYS.items():
        for position, entry in enumerate(table.get(kind, []), 1):
            label = f"{kind} #{position} ({entry.get('name', 'unnamed')!r})"
            unknown = set(entry) - allowed
            if unknown:
                raise ConfigError(f"elements.toml: {element}: {label}: unknown keys {sorted(unknown)}")
            missing = required - set(entry)
            if missing:
                raise ConfigError(f"elements.toml: {element}: {label}: missing {sorted(missing)}")


def _unless_scope(element: str, signal: dict) -> str:
    scope = signal.get("unless_scope", "clause")
    if scope not in UNLESS_SCOPES:
        raise ConfigError(
            f"elements.toml: {element}: weak {signal.get('name', '?')!r}: unless_scope must be one of "
            f"{', '.join(UNLESS_SCOPES)}"
        )
    return str(scope)


def _switch(element: str, signal: dict, key: str) -> bool:
    """A weak signal's true-or-false key (``decisive``, ``decisive_below_present``), false when absent."""
    value = signal.get(key, False)
    if not isinstance(value, bool):
        name = signal.get("name", "?")
        raise ConfigError(f"elements.toml: {element}: weak {name!r}: {key} must be true or false")
    return value


class _Builder:
    """Regexes and gates for one load: compiled and parsed, or, with a cache for this exact file
    (validated when it was built), compiled lazily and read from the cache."""

    def __init__(self, cached: tuple[dict[str, Gate], dict[str, tuple[str, ...]]] | None) -> None:
        self.cached = cached
        self.gates: dict[str, Gate] = {}
        self.leads: dict[str, tuple[str, ...]] = {}

    def regex(self, element: str, name: str, pattern: str) -> re.Pattern[str]:
        if self.cached is not None:
            return LazyPattern(pattern, _FLAGS)  # type: ignore[return-value]
        return _compile(element, name, pattern)

    def gate(self, pattern: str) -> Gate:
        gate = self.cached[0].get(pattern) if self.cached is not None else None
        if gate is None:
            gate = pattern_gate(pattern)
        self.gates[pattern] = gate
        return gate

    def lead(self, pattern: str) -> tuple[str, ...]:
        lead = self.cached[1].get(pattern) if self.cached is not None else None
        if lead is None:
            lead = pattern_lead(pattern)
        self.leads[pattern] = lead
        return lead


def _parse_element(element: str, table: dict, build: _Builder | None = None) -> ElementDef:
    build = build or _Builder(None)
    unknown = set(table) - _ELEMENT_KEYS
    if unknown:
        raise ConfigError(f"elements.toml: {element}: unknown keys {sorted(unknown)}")
    _check_entries(element, table)
    quantity = str(_require(element, table, "quantity", str))
    if quantity not in QUANTITY_KINDS:
        raise ConfigError(f"elements.toml: {element}: quantity must be one of {QUANTITY_KINDS}")
    cues = []
    for cue in table.get("cues", []):
        name = str(cue.get("name", "?"))
        score = cue.get("score")
        if not isinstance(score, (int, float)) or not 0 < score <= 1:
            raise ConfigError(f"elements.toml: {element}: cue {name!r} needs a score in (0, 1]")
        regex = build.regex(element, name, cue["pattern"])
        pattern = cue["pattern"]
        cues.append(CuePattern(name, regex, float(score), build.gate(pattern), build.lead(pattern)))
    if not cues:
        raise ConfigError(f"elements.toml: {element}: no cues")
    weak = tuple(
        WeakSignal(
            w["name"],
            build.regex(element, w["name"], w["pattern"]),
            build.regex(element, w["name"] + ".unless", w["unless"]) if w.get("unless") else None,
            str(w["reason"]),
            build.gate(w["pattern"]),
            _unless_scope(element, w),
            build.lead(w["pattern"]),
            build.lead(w["unless"]) if w.get("unless") else (),
            _switch(element, w, "decisive"),
            _switch(element, w, "decisive_below_present"),
        )
        for w in table.get("weak", [])
    )
    negations = tuple(
        Negation(
            n["name"],
            build.regex(element, n["name"], n["pattern"]),
            build.gate(n["pattern"]),
            build.lead(n["pattern"]),
            bool(n.get("cancels_model", False)),
        )
        for n in table.get("negations", [])
    )
    context = table.get("context_words", {}).get("words", [])
    headings = table.get("headings", {})
    if not isinstance(headings, dict) or set(headings) - _HEADING_KEYS:
        raise ConfigError(f"elements.toml: {element}: 'headings' takes only {sorted(_HEADING_KEYS)}")
    doc_types = table.get("doc_types", [])
    if not isinstance(doc_types, list) or not set(doc_types) <= set(DOC_TYPES):
        raise ConfigError(f"elements.toml: {element}: 'doc_types' is a list of {', '.join(DOC_TYPES)}")
    return ElementDef(
        id=element,
        title=str(_require(element, table, "title", str)),
        summary=str(_require(element, table, "summary", str)),
        core=bool(_require(element, table, "core", bool)),
        template=str(_require(element, table, "template", str)),
        quantity=quantity,
        cues=tuple(cues),
        context_words=tuple(str(w).lower() for w in context),
        weak=weak,
        negations=negations,
        requires=build.regex(element, "requires", table["requires"]) if table.get("requires") else None,
        requires_gate=build.gate(table["requires"]) if table.get("requires") else (),
        requires_lead=build.lead(table["requires"]) if table.get("requires") else (),
        gate=coarse_gate([c.gate for c in cues] + [w.gate for w in weak]),
        heading_boost=_compile(element, "headings.boost", headings["boost"]) if "boost" in headings else None,
        heading_damp=_compile(element, "headings.damp", headings["damp"]) if "damp" in headings else None,
        heading_other=_compile(element, "headings.other", headings["other"]) if "other" in headings else None,
        doc_types=tuple(doc_types),
        negations_cancel_model=bool(table.get("negations_cancel_model", False)),
        model_clears_weak=bool(table.get("model_clears_weak", True)),
    )


def load_elements(path: Path = ELEMENTS_FILE) -> dict[str, ElementDef]:
    """Read and validate an elements file; keys keep the file's order.

    The shipped file's gates are cached on disk (``clauses.elements.cache``); any
    other file is built in full every time.
    """
    try:
        source = path.read_bytes()
        data = loads(source.decode("utf-8"))
    except (OSError, UnicodeDecodeError, TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read element definitions: {exc}") from exc
    shipped = path == ELEMENTS_FILE
    key = cache_key(source) if shipped else ""
    build = _Builder(load_gates(key) if shipped else None)
    loaded = {element: _parse_element(element, table, build) for element, table in data.items()}
    if shipped and build.cached is None:
        save_gates(key, build.gates, build.leads)  # only now: every regex compiled, so the file is valid
    return loaded


@lru_cache(maxsize=1)
def elements() -> dict[str, ElementDef]:
    """The shipped element definitions, loaded once per process."""
    return load_elements()


def compile_patterns(definitions: dict[str, ElementDef]) -> int:
    """Compile now every regex of ``definitions`` that would compile on its first use; how many.

    Loaded with the gate cache, the ~270 regexes compile lazily (``LazyPattern``): right for
    one ``clauses check``, which meets few of them. A batch's workers meet nearly all of them,
    and each forked worker compiled them again for itself (~0.24 s of CPU per worker); the
    batch's parent calls this before forking (clauses.batch.worker.prepare), so they are
    compiled once and the workers inherit them.
    """
    count = 0
    for element in definitions.values():
        regexes = [
            element.requires,
            *(cue.regex for cue in element.cues),
            *(signal.regex for signal in element.weak),
            *(signal.unless for signal in element.weak),
            *(negation.regex for negation in element.negations),
        ]
        for regex in regexes:
            if isinstance(regex, LazyPattern):
                regex.compiled()
                count += 1
    return count


def element_ids() -> tuple[str, ...]:
    return tuple(elements())


def core_ids() -> tuple[str, ...]:
    return tuple(e.id for e in elements().values() if e.core)
