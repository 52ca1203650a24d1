"""Whose duty is it: the party a clause binds and the party it protects.

A lawyer reads each confidentiality clause by asking who owes the duty to whom.
"Customer shall not disclose Provider's Confidential Information" binds the
customer and protects the provider; a vendor's own terms can be full of such
duties while the vendor owes nothing. This module reads, sentence by sentence,
the subject of each duty ("Customer shall", "the Recipient will", "each party
agrees", "you must"), the agent of a passive duty ("... shall be kept
confidential by Provider") and the holder of a right ("Provider may audit"
binds the other party), and maps those words to the contract's parties as
segmentation found them (``Vocabulary.parties``).

List items inherit the subject of their lead-in ("The Recipient shall: (a) ...").
A role shared by both parties ("the Receiving Party" in a mutual NDA, "each
party") binds both. When no party can be read, the answer is empty and the
clause counts for either side, as before this module existed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clauses.datamodel import Clause, Cue, Document, Party
from clauses.elements.gate import gate_text, lead_finditer, pattern_lead

__all__ = ["ObligorIndex", "resolve_side", "SideView"]

_ALL_PARTIES = re.compile(
    r"\b(?:each|either|both|neither)\s+(?:of\s+the\s+)?part(?:y|ies)\b|\bthe\s+parties\b|\beach\s+of\s+them\b",
    re.IGNORECASE,
)
_SHARED_ROLES = ("Receiving Party", "Disclosing Party", "Recipient", "Discloser")
_RIGHT = re.compile(
    r"\b(?:may|can|(?:is|are|shall\s+be|will\s+be)\s+entitled|(?:has|have|shall\s+have|will\s+have|reserves?)"
    r"\s+the\s+right)\b",
    re.IGNORECASE,
)
# "may disclose" is a carve-out from the subject's own duty, not a right against the other party.
_PERMITTED = re.compile(r"\s+(?:\w+\s+)?(?:disclose|use|retain|keep|share|copy|transfer|provide)\b", re.I)
_DUTY = re.compile(
    r"\b(?:shall|will|must|agrees?|undertakes?|covenants?|acknowledges?|warrants?|survives?|continues?|"
    r"(?:is|are|remains?)\s+(?:responsible|liable|obligated|required|bound))\b",
    re.IGNORECASE,
)
_MARKER = re.compile(f"{_RIGHT.pattern}|{_DUTY.pattern}", re.IGNORECASE)  # a right or a duty, compiled once
_MARKER_LEAD = pattern_lead(_MARKER.pattern)  # the words a marker starts with: only there is it tried
_BOUNDARY = re.compile(
    r"[;:]|,\s+(?:and|or|but)\s|\b(?:that|if|unless|where|when|provided|except)\s", re.IGNORECASE
)
_BOUNDARY_LEAD = pattern_lead(_BOUNDARY.pattern)
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|from|by|of|with|for|between|against|than|on\s+behalf\s+of|about|under|towards?|at|upon|on|"
    r"in|after|before|within|per|including)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A possessive names the party bound only for what it must answer for ("Customer's obligations").
_POSSESSIVE_DUTY = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:obligations?|duties|duty|covenants?|employees|personnel|staff|representatives|"
    r"affiliates|agents|contractors|subcontractors|liability|responsibilit(?:y|ies))\b",
    re.IGNORECASE,
)
_OWNED_AFTER = re.compile(
    r"^['’]s\b|^(?:['’]s)?\s+(?:Confidential\s+Information|Proprietary\s+Information|Personal\s+Data|Data|Information|"
    r"Materials?|Content|Property|Systems?|confidential\s+information|data|information|materials?|"
    r"personal\s+data|trade\s+secrets)\b"
)
_AGENT = re.compile(r"^\s*(?:be|been|is|are)?\s*[\w\s,]{0,80}?\bby\s+(?:the\s+)?$", re.IGNORECASE)
# Sentences end at whitespace after "." or ";" before a capital, bracket or quote, or at a line
# break: ``(?<=[.;])\s+(?=[A-Z(\"“])|\n+``, written to open with the whitespace character both
# ways consume, so the engine skips to the next one in C (sentences.SENTENCE_BREAK says why).
_SENTENCE = re.compile(r"\s(?:(?<=[.;]\s)\s*(?=[A-Z(\"“])|(?<=\n)\n*)")
# The agent of a passive duty, ``\bby\s+(?:the\s+)?``, written to open with its "b" (the word
# boundary tested behind it) so the engine jumps from one "b" to the next (sentences.SENTENCE_BREAK).
_BY_AGENT = re.compile(r"b(?<=\bb)y\s+(?:the\s+)?")
_PRONOUN = re.compile(r"\b(?:it|they|he|she)\s*$", re.IGNORECASE)
_OPEN_LEAD_IN = re.compile(r"\b(?:shall|will|must|agrees?(?:\s+to)?|undertakes?\s+to)\s*[:\-–—]?\s*$")
# What a text that _OPEN_LEAD_IN matches ends with, once its closing mark and spaces are cut off:
# most clauses end otherwise, and are not scanned for it.
_LEAD_IN_ENDINGS = ("shall", "will", "must", "agree", "agrees", "to")
_LEAD_IN_MARKS = (":", "-", "–", "—")
_LEAD_IN_WINDOW = 8  # clauses to look back for the lead-in of a list item


class SideView:
    """The user's side resolved against a contract: own parties, the others, and how to name them."""

    def __init__(self, side: str, own: tuple[str, ...], other: tuple[str, ...], other_label: str) -> None:
        self.side = side
        self.own = own
        self.other = other
        self.other_label = other_label  # "the vendor", "Beta": whom a duty should bind

    @property
    def either(self) -> bool:
        return not self.own


EITHER = SideView("either", (), (), "")
_OPPOSITE = {
    "customer": "vendor",
    "vendor": "customer",
    "discloser": "recipient",
    "recipient": "discloser",
    "employer": "employee",
    "employee": "employer",
}


def resolve_side(side: str, parties: tuple[Party, ...]) -> tuple[SideView, str | None]:
    """The user's side in this contract, or either with a one-line reason why it could not be resolved."""
    wanted = (side or "either").strip()
    if wanted.lower() == "either":
        return EITHER, None
    names = [p.name for p in parties]
    listed = ", ".join(f"{p.name} ({'/'.join(p.kinds) or 'no role'})" for p in parties) or "none found"
    if wanted.lower() in _OPPOSITE:
        kind = wanted.lower()
        own = tuple(p.name for p in parties if kind in p.kinds)
        other = tuple(n for n in names if n not in own)
        if own and not other:
            return EITHER, f"side {kind!r}: every party plays it (parties: {listed}); judged for either side"
        if not own:
            return EITHER, (
                f"side {kind!r} could not be resolved to a party of this contract (parties: {listed}); "
                "judged for either side"
            )
        # Named too: the other side's role word may not be the contract's ("the vendor" of a
        # film licence is its Licensor).
        return SideView(kind, own, other, f"the {_OPPOSITE[kind]} ({' and '.join(other)})"), None
    folded = wanted.casefold()
    own = tuple(
        p.name for p in parties if any(a.casefold() == folded for a in (p.name, p.full_name, *p.aliases) if a)
    )
    other = tuple(n for n in names if n not in own)
    if not own or not other:
        return EITHER, (
            f"side {wanted!r} is not a party of this contract (parties: {listed}); judged for either side"
        )
    return SideView(wanted, own, other, " and ".join(other)), None


class ObligorIndex:
    """Bound and protected parties of a document's clauses, read on first use and kept."""

    def __init__(self, document: Document) -> None:
        vocabulary = document.vocabulary
        self.parties: tuple[Party, ...] = vocabulary.parties if vocabulary is not None else ()
        self.names = tuple(p.name for p in self.parties)
        self._document = document
        self._position = {clause.id: i for i, clause in enumerate(document.clauses)}
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._sentences: dict[tuple[str, int], tuple[int, int, frozenset[str], frozenset[str]]] = {}
        self._mention = _mention_pattern(tuple((p.name, p.aliases) for p in self.parties))
        self._owner_of = {}
        for party in self.parties:
            for alias in party.aliases:
                self._owner_of.setdefault(alias.casefold(), party.name)

    # ------------------------------------------------------------ reading one sentence

    def _who(self, word: str) -> frozenset[str]:
        if _ALL_PARTIES.fullmatch(word) or word in _SHARED_ROLES and word.casefold() not in self._owner_of:
            return frozenset(self.names)
        name = self._owner_of.get(word.casefold())
        return frozenset((name,)) if name else frozenset()

    def _mentions(self, text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
        """Subjects and owners mentioned in ``text[start:end]``: objects of a preposition are neither."""
        subjects: set[str] = set()
        owners: set[str] = set()
        for match in self._mention.finditer(text, start, end):
            who = self._who(match.group("who"))
            after = text[match.end("who") : match.end("who") + 40]
            if _POSSESSIVE_DUTY.match(after):
                subjects |= who
            elif _OWNED_AFTER.match(after):
                owners |= who
            elif not _OBJECT_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
                subjects |= who
        return frozenset(subjects), frozenset(owners)

    def _read(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """Bound and protected parties of one sentence."""
        bound: set[str] = set()
        protected: set[str] = set()
        last_end = 0
        last_subject: frozenset[str] = frozenset()
        lowered: str | None = gate_text(text)
        if len(lowered) != len(text):
            lowered = None  # not aligned with the text: lead_finditer scans it all
        for marker in lead_finditer(_MARKER, _MARKER_LEAD, text, lowered):
            right = bool(_RIGHT.fullmatch(marker.group(0))) and not _PERMITTED.match(
                text, marker.end(), marker.end() + 30
            )
            window_start = max(last_end, marker.start() - 120)
            # The text up to the marker, as endpos reads it (not a copy of it per marker).
            boundaries = lead_finditer(_BOUNDARY, _BOUNDARY_LEAD, text, lowered, window_start, marker.start())
            for boundary in boundaries:
                window_start = boundary.end()
            subjects, owners = self._mentions(text, window_start, marker.start())
            protected |= owners
            if not subjects and _PRONOUN.search(text[window_start : marker.start()]):
                subjects = last_subject
            if not subjects:  # a passive duty names its agent: "shall be kept confidential by Provider"
                tail = text[marker.end() : marker.end() + 160]
                agent = _BY_AGENT.search(tail)
                if agent and not re.search(r"[.;:]", tail[: agent.start()]):
                    subjects, _ = self._mentions(tail, agent.start(), min(len(tail), agent.end() + 60))
                    subjects = self._first(tail, agent.end(), subjects)
            last_end = marker.end()
            if not subjects:
                continue
            last_subject = subjects
            if right and len(subjects) < len(self.names):
                protected |= subjects
                bound |= set(self.names) - subjects
            else:
                bound |= subjects
        return frozenset(bound), frozenset(protected)

    def _first(self, text: str, start: int, found: frozenset[str]) -> frozenset[str]:
        match = self._mention.search(text, start)
        return self._who(match.group("who")) if match and match.start() - start <= 2 else frozenset()

    def _clause_spans(self, clause: Clause) -> list[tuple[int, int]]:
        """The clause's sentences as (start, end) offsets into it."""
        found = self._spans.get(clause.id)
        if found is None:
            found = []
            text = clause.text
            pos = 0
            for cut in [*_SENTENCE.finditer(text), None]:
                end = cut.start() if cut else len(text)
                found.append((pos, end))
                pos = cut.end() if cut else len(text)
            self._spans[clause.id] = found
        return found

    def _sentence(self, clause: Clause, number: int) -> tuple[int, int, frozenset[str], frozenset[str]]:
        """One sentence of the clause: absolute start and end, bound and protected parties.

        Read on first use: a duty is mostly answered by the sentences its cues are in,
        so the clause's other sentences are often never read.
        """
        key = (clause.id, number)
        found = self._sentences.get(key)
        if found is None:
            pos, end = self._clause_spans(clause)[number]
            bound, protected = self._read(clause.text[pos:end])
            found = (clause.start + pos, clause.start + end, bound, protected)
            self._sentences[key] = found
        return found

    def _clause_sentences(self, clause: Clause) -> list[tuple[int, int, frozenset[str], frozenset[str]]]:
        return [self._sentence(clause, number) for number in range(len(self._clause_spans(clause)))]

    # ------------------------------------------------------------ a clause, a piece of evidence

    def _lead_in(self, clause: Clause) -> tuple[frozenset[str], frozenset[str]]:
        """The duty of the lead-in a list item continues ("The Recipient shall:")."""
        index = self._position.get(clause.id)
        if index is None:
            return frozenset(), frozenset()
        clauses = self._document.clauses
        for back in range(index - 1, max(-1, index - 1 - _LEAD_IN_WINDOW), -1):
            previous = clauses[back]
            if previous.text.rstrip().endswith(":") or _open_lead_in(previous.text.rstrip()):
                spans = self._clause_spans(previous)
                if not spans:
                    return frozenset(), frozenset()
                last = self._sentence(previous, len(spans) - 1)
                return last[2], last[3]
            nested = previous.level < clause.level
            if nested or (not clause.level and not previous.level and back < index - 1):
                break
        return frozenset(), frozenset()

    def duty(self, clause: Clause, cues: tuple[Cue, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(binds, protects) of ``clause``, read in the sentences where ``cues`` fired when they say.

        Party names come back in the contract's order; both empty when no party
        could be read from the clause or its lead-in.
        """
        if not self.parties:
            return (), ()
        spans = [(c.start, c.end) for c in cues if not c.context]
        base = clause.start
        chosen = [
            self._sentence(clause, number)
            for number, (a, b) in enumerate(self._clause_spans(clause))
            if any(base + a < end and start < base + b for start, end in spans)
        ]
        bound = frozenset().union(*(s[2] for s in chosen)) if chosen else frozenset()
        protected = frozenset().union(*(s[3] for s in chosen)) if chosen else frozenset()
        if not bound:
            sentences = self._clause_sentences(clause)
            bound = frozenset().union(*(s[2] for s in sentences))
            protected = protected | frozenset().union(*(s[3] for s in sentences))
        if not bound:
            bound, lead_protected = self._lead_in(clause)
            protected = protected | lead_protected
        if not bound:
            return (), ()
        others = frozenset(self.names) - bound
        protected = (protected - bound) or others or bound
        return tuple(n for n in self.names if n in bound), tuple(n for n in self.names if n in protected)


def _open_lead_in(text: str) -> bool:
    """Whether ``text`` (right-stripped) ends as a lead-in does ("The Recipient shall -")."""
    tail = text[:-1].rstrip() if text.endswith(_LEAD_IN_MARKS) else text
    return tail.endswith(_LEAD_IN_ENDINGS) and _OPEN_LEAD_IN.search(text) is not None


@lru_cache(maxsize=64)
def _mention_pattern(parties: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    """Any word that names a party: its aliases, shared roles, "each party"; pronouns "you"/"we" too."""
    words: set[str] = set(_SHARED_ROLES)
    for name, aliases in parties:
        words.add(name)
        words.update(aliases)
    pronoun_words = ("you", "your", "we", "us", "our")
    plain = sorted((w for w in words if w.lower() not in pronoun_words), key=len, reverse=True)
    pronouns = sorted((w for w in words if w.lower() in pronoun_words), key=len, reverse=True)
    alternatives = [re.escape(w) for w in plain] + [f"(?i:{re.escape(w)})" for w in pronouns]
    alternatives.append(_ALL_PARTIES.pattern.replace(r"\b", "").join(("(?i:", ")")))
    return re.compile(r"(?<![\w])(?P<who>" + "|".join(alternatives) + r")(?![\w])")
