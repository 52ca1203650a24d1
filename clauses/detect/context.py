"""Context words, matched as tokens with spaCy's PhraseMatcher on ``spacy.blank("en")``.

A context word near a cue raises the clause's score a little (presidio's
context enhancer idea). Matching whole tokens, case-insensitively, keeps "own"
from matching inside "known"; the document is tokenized once and the matches
are handed to each clause by character offset. No model is loaded: the blank
English pipeline is only the tokenizer, with our own phrase patterns.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from clauses.elements import elements


@lru_cache(maxsize=1)
def _matcher():
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for element in elements().values():
        matcher.add(element.id, [nlp.make_doc(word) for word in element.context_words])
    return nlp, matcher


class ContextIndex:
    """Where each element's context words occur in one text, queried per clause span."""

    def __init__(self, text: str) -> None:
        nlp, matcher = _matcher()
        doc = nlp.make_doc(text)
        found: dict[str, list[tuple[int, str]]] = {}
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            found.setdefault(nlp.vocab.strings[match_id], []).append((span.start_char, span.text.lower()))
        self._starts = {e: [s for s, _ in sorted(hits)] for e, hits in found.items()}
        self._words = {e: [w for _, w in sorted(hits)] for e, hits in found.items()}

    def distinct_words(self, element: str, start: int, end: int) -> int:
        """How many different context words of ``element`` lie in ``[start, end)``."""
        starts = self._starts.get(element)
        if not starts:
            return 0
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return len(set(self._words[element][low:high]))
