"""Sentences of a clause, scored on their own so one plain sentence is not diluted by a long clause.

A lawyer reads a clause that bundles several duties ("shall hold in confidence,
shall not use it except for the Purpose, and shall return it on request") as
several provisions. The classifier reads a whole clause as one bag of n-grams,
L2-normalized: the longer the clause, the less any one duty weighs. So every
clause of several sentences is also scored sentence by sentence, and an element
takes the better of the clause and its best sentence, quoting that sentence as
the evidence.
"""

from __future__ import annotations

import re

# A full stop of an abbreviation ends no sentence: "if the U.S. Food and Drug Administration
# notifies Site", "No. 4", "(e.g. Dr. Smith)". Each look-behind ends with the one whitespace
# character the breaks below consume first, so it tests the abbreviation just before the mark.
_ABBREVIATION = "".join(
    rf"(?<!\b{re.escape(abbreviation)}\s)"
    for abbreviation in "U.S. U.K. e.g. i.e. No. Dr. Mr. Ms. Mrs. St. vs. cf.".split()
)
# A break is the whitespace after a sentence's closing mark, before a capital, a bracket, a quote or a
# digit: ``(?<=[.;:!?])\s+(?=[A-Z(\[\"“0-9])``, not after an abbreviation. Written to open with the
# whitespace it consumes (the mark tested behind it), so the regex engine skips in C to the next
# whitespace character instead of trying the whole pattern at every position of the clause: the
# same matches (tests/test_regex_forms.py), read in about half the time.
SENTENCE_BREAK = re.compile(rf"\s(?<=[.;:!?]\s){_ABBREVIATION}\s*(?=[A-Z(\[\"“0-9])")
# Full stops only: a weak signal's "unless" is looked for in the provision of its match, and a
# semicolon or colon does not end one ("unless required by law; in such a case, the processor
# shall inform the controller" is one provision). detect/rules.py. ``(?<=[.!?])\s+(?=[A-Z(\[\"“])``,
# written as SENTENCE_BREAK is.
FULL_STOP_BREAK = re.compile(rf"\s(?<=[.!?]\s){_ABBREVIATION}\s*(?=[A-Z(\[\"“])")
MIN_SENTENCE_WORDS = 6  # shorter pieces ("(a)", "Confidentiality.") join the next sentence
MIN_CLAUSE_WORDS = 25  # a clause shorter than this is read as one sentence


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (offsets into it), short pieces merged forward; [] for one sentence."""
    if len(text.split()) < MIN_CLAUSE_WORDS:
        return []
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_BREAK.finditer(text):
        if len(text[start : match.start()].split()) >= MIN_SENTENCE_WORDS:
            spans.append((start, match.start()))
            start = match.end()
    if spans and len(text[start:].split()) < MIN_SENTENCE_WORDS:
        spans[-1] = (spans[-1][0], len(text))  # a short tail joins the sentence before it
    else:
        spans.append((start, len(text)))
    return spans if len(spans) > 1 else []


def cue_score(cues, start: int, end: int) -> float:
    """Combined score (1 - prod(1 - s)) of the cues that start inside [start, end)."""
    remaining = 1.0
    for cue in cues:
        if start <= cue.start < end:
            remaining *= 1.0 - cue.score
    return 1.0 - remaining
