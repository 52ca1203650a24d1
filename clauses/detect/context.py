"""Context words, matched as tokens with spaCy's PhraseMatcher on ``spacy.blank("en")``.

A context word near a cue raises the clause's score a little (presidio's
context enhancer idea). Matching whole tokens, case-insensitively, keeps "own"
from matching inside "known". No model is loaded: the blank
English pipeline is only the tokenizer, with our own phrase patterns.
"""

from __future__ import annotations

from functools import cache, lru_cache

from clauses.elements import elements


@lru_cache(maxsize=1)
def load_matcher():
    """spaCy's blank English tokenizer and our phrase patterns, built once per process.

    Each context word is its own match key, ``"<element>\t<word>"``, so a match
    names its element and word without building a spaCy Span (five times the
    cost of tokenizing the clause).
    """
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for element in elements().values():
        for word in element.context_words:
            matcher.add(f"{element.id}\t{word.lower()}", [nlp.make_doc(word)])
    return nlp, matcher


@cache
def _key(match_id: int) -> tuple[str, str]:
    element, word = load_matcher()[0].vocab.strings[match_id].split("\t")
    return element, word


PIECE_CHARS = 100_000  # spaCy refuses texts over nlp.max_length (1,000,000) with error E088
PIECE_OVERLAP = 200  # longer than any context phrase, so none is lost at a cut


def pieces(start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into overlapping pieces of at most ``PIECE_CHARS`` characters.

    spaCy runs on a clause, never the document; a clause is bounded by the
    parser's limits, and this bounds whatever span a caller passes as well.
    """
    out = []
    while end - start > PIECE_CHARS:
        out.append((start, start + PIECE_CHARS))
        start += PIECE_CHARS - PIECE_OVERLAP
    out.append((start, end))
    return out


class ContextIndex:
    """Context words per element in the spans of one text, tokenized on first use.

    Context only matters for a clause in which a cue fired, so each clause span
    is tokenized the first time a rule asks about it and the answer is kept for
    the other elements.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: dict[tuple[int, int], dict[str, set[str]]] = {}

    def _words(self, start: int, end: int) -> dict[str, set[str]]:
        key = (start, end)
        found = self._spans.get(key)
        if found is None:
            nlp, matcher = load_matcher()
            found = {}
            for piece_start, piece_end in pieces(start, end):
                for match_id, _, _ in matcher(nlp.make_doc(self._text[piece_start:piece_end])):
                    element, word = _key(match_id)
                    found.setdefault(element, set()).add(word)
            self._spans[key] = found
        return found

    def distinct_words(self, element: str, start: int, end: int) -> int:
        """How many different context words of ``element`` lie in ``[start, end)``."""
        return len(self._words(start, end).get(element, ()))
