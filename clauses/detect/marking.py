"""A marking condition stated apart from the definition: the scope is then marked information only.

The spec makes a definition weak when "it covers only information marked
'confidential' in writing". Drafters often define the term broadly and put the
condition in a clause of its own: "any document containing Confidential
Information shall be identified with the legend 'Confidential'", "a writing that
contains Proprietary Information will be marked by the disclosing party". Read
clause by clause the definition is broad; read with that clause it covers what
is marked. The condition binds the scope when the protected information itself
(or the documents, writings or materials holding it) must be marked; marking
asked of oral disclosures only, or of the receiver's copies, leaves unmarked
written information covered; a definition that names oral information covers what
bears no written legend; and an escape in the definition or after the condition
("whether or not marked", "would reasonably be understood to be confidential", "a
failure to mark does not ...": the marked_only weak signal's ``unless`` in
elements.toml) lets unmarked information in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from clauses.datamodel import Evidence
from clauses.elements import ElementDef
from clauses.elements.gate import gate_text, lead_finditer, pattern_lead

_MARKING_VERB = r"(?:marked|identified|designated|labell?ed|indicated|stamped|legended)\b"
_NOT_ORAL = r"(?:(?!\b(?:oral|orally|verbal|verbally|visual|visually|copies|copy)\b)[^.;:])"
# The subject: the protected information, or what holds it ("any document containing CI").
_SUBJECT = (
    r"\b(?:(?:confidential|proprietary)\s+information|(?:all|any|such)\s+(?:such\s+)?information"
    r"|(?:any|all|each|every|a|the)\s+(?:such\s+)?(?:documents?|writings?|materials?|tangible\s+information))\b"
)
MARKING_CONDITION = re.compile(
    rf"{_SUBJECT}{_NOT_ORAL}{{0,80}}?\b(?:shall|will|must)\s*,?\s*(?:{_NOT_ORAL}{{0,60}},\s*)?"
    r"(?:be\s+)?(?:clearly\s+|conspicuously\s+|so\s+|expressly\s+|specifically\s+|appropriately\s+|plainly\s+)?"
    rf"{_MARKING_VERB}"
    # ... as what: confidential or proprietary, or with a legend or notice.
    r"(?=[^.;]{0,100}?\b(?:confidential|proprietary|legends?|notices?|stamps?|markings?|as\s+such)\b)",
    re.IGNORECASE,
)
# The sentence of a match: marking asked of oral disclosures is often put before the subject
# ("if disclosed orally, Confidential Information shall be identified ...").
_ORAL = re.compile(r"\b(?:oral|orally|verbal|verbally|non-?written|intangible)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;]\s|\n\s*\n")
_PARAGRAPH_END = re.compile(r"\n\s*\n")
# Where a condition can be: a modal and a marking verb close together (rare), so the full pattern,
# whose subject ("Confidential Information") occurs everywhere, is tried only around them.
_LEAD = re.compile(
    rf"\b(?:shall|will|must)\b[^.;:]{{0,70}}?\b{_MARKING_VERB}",
    re.IGNORECASE,
)
_LEAD_WORDS = pattern_lead(_LEAD.pattern)  # "shall", "will", "must": only there can _LEAD start
_SUBJECT_REACH = 260  # how far before the modal a subject may start (80 between them, and its words)
_OBJECT_REACH = 120  # how far after the verb "as confidential" or "a legend" may be (100, and its words)


def _candidates(text: str):
    """MARKING_CONDITION's matches, tried only in windows around a modal and a marking verb.

    The modals are found with ``str.find`` (gate.lead_finditer): the engine would try
    _LEAD at every position of the document.
    """
    seen = -1
    for lead in lead_finditer(_LEAD, _LEAD_WORDS, text, gate_text(text)):
        window = (max(0, lead.start() - _SUBJECT_REACH), lead.end() + _OBJECT_REACH)
        for match in MARKING_CONDITION.finditer(text, *window):
            if match.start() > seen:
                seen = match.start()
                yield match


def marking_condition(text: str, escape: re.Pattern[str] | None = None) -> bool:
    """Whether ``text`` makes marking a condition of the protected information (not oral only).

    ``escape`` (the marked_only signal's ``unless``) looked for from the condition's sentence to
    the end of its paragraph: "information not so marked is still confidential where ...", "a
    failure to mark does not ..." follow the condition and undo it.
    """
    for match in _candidates(text):
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())), default=0)
        end_match = _SENTENCE_END.search(text, match.end())
        end = end_match.start() if end_match else len(text)
        if _ORAL.search(text, start, end):
            continue
        paragraph = _PARAGRAPH_END.search(text, match.end())
        if escape is not None and escape.search(text, start, paragraph.start() if paragraph else len(text)):
            continue
        return True
    return False


def with_marking_condition(
    element: ElementDef, top: tuple[Evidence, ...], spans: tuple[tuple[int, int], ...], text: str
) -> tuple[Evidence, ...]:
    """``top`` (the definition's evidence) made marked-only when the document states a marking
    condition and no clause of the evidence (``spans``: each one's whole clause, where an escape
    may sit in another sentence than the one quoted) lets unmarked information in."""
    signal = next((w for w in element.weak if w.name == "marked_only"), None)
    if signal is None or not top or not marking_condition(text, signal.unless):
        return top
    # A definition that names oral information lets in what bears no written legend: the scope
    # is not only information marked in writing, whatever the marking clause asks (measured: read
    # as marked-only when the information itself must be "identified", the blind ContractNLI half
    # gained a wrong weak flag for each right one).
    if any(_ORAL.search(text, start, end) for start, end in spans):
        return top
    if signal.unless is not None and any(signal.unless.search(text, start, end) for start, end in spans):
        return top
    return tuple(ev if ev.weak_signals else replace(ev, weak_signals=(signal.reason,)) for ev in top)
