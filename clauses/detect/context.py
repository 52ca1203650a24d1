"""Context words, matched as tokens with spaCy's PhraseMatcher on ``spacy.blank("en")``.

A context word near a cue raises the clause's score a little (presidio's
context enhancer idea). Matching whole tokens, case-insensitively, keeps "own"
from matching inside "known". No model is loaded: the blank
English pipeline is only the tokenizer, with our own phrase patterns.
"""

from __future__ import annotations

from functools import lru_cache

from clauses.elements import elements


@lru_cache(maxsize=1)
def load_matcher():
    """spaCy's blank English tokenizer and our phrase patterns, built once per process."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for element in elements().values():
        matcher.add(element.id, [nlp.make_doc(word) for word in element.context_words])
    return nlp, matcher


class ContextIndex:
    """Context words per element in the spans of one text, tokenized on first use.

    Context only matters for a clause in which a cue fired, so each clause span
    is tokenized the first time a rule asks about it and the answer is kept for
    the other elements.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: dict[tuple[int, int], dict[str, frozenset[str]]] = {}

    def _words(self, start: int, end: int) -> dict[str, frozenset[str]]:
        key = (start, end)
        if key not in self._spans:
            nlp, matcher = load_matcher()
            doc = nlp.make_doc(self._text[start:end])
            found: dict[str, set[str]] = {}
            for match_id, first, last in matcher(doc):
                found.setdefault(nlp.vocab.strings[match_id], set()).add(doc[first:last].text.lower())
            self._spans[key] = {element: frozenset(words) for element, words in found.items()}
        return self._spans[key]

    def distinct_words(self, element: str, start: int, end: int) -> int:
        """How many different context words of ``element`` lie in ``[start, end)``."""
        return len(self._words(start, end).get(element, ()))
