"""Context words, matched as whole tokens, case-insensitively.

A context word near a cue raises the clause's score a little (presidio's
context enhancer idea). Matching whole tokens keeps "own" from matching inside
"known", and the words of a phrase must be one plain space apart ("trade
secrets", not "trade\\nsecrets").

The tokens are those spaCy's blank English tokenizer makes of contract text,
without spaCy: importing it and building the blank pipeline took ~0.6 s of every
``clauses check`` for a tokenizer we use only to find 140 words. A run of
letters, digits and inner underscores is a token, as is each other non-space
character, except that

* a chunk between spaces that holds an e-mail address or a URL is one token
  (``privacy@acme.com`` holds no "privacy");
* a full stop between letters or digits stays inside the token unless a
  lowercase letter comes before it and a capital after (``agreement.confidential``,
  ``7.2``, ``U.S``), as do a comma or colon between digits (``1,000``) and a
  parenthesis between letters (``purpose(s``);
* whitespace other than one plain space is a token of its own.

``tests/test_detect_context.py`` holds this to spaCy's PhraseMatcher (attr
LOWER) on every clause of the corpus and the samples (no difference) and on the
real contracts, where the only differences are words before a semicolon, which
spaCy sometimes leaves glued ("this Agreement;") and this tokenizer always
splits off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clauses.elements import elements

_CHUNK = re.compile(r"\S+|\s+")
_URLISH = re.compile(r"@[^\W_]|://|^www\.", re.IGNORECASE)
_PIECE = re.compile(
    r"[^\W_]\w*(?:(?:(?<![a-z])\.(?=[^\W_])|\.(?=[^\W_A-Z])|(?<=\d)[,:](?=\d)|[()](?=[^\W_]))\w+)*|\S"
)
_GAP = " "  # the token standing for whitespace other than one plain space
# No chunk of a text without these is URL-ish, so the whole text can be cut in one pass: a piece
# never holds whitespace and its look-arounds see only its own chunk, so cutting the whole text
# gives the pieces of every chunk in turn (tests/test_detect_context.py compares the two ways).
_ANY_URLISH = re.compile(r"@[^\W_]|://|(?:^|\s)www\.", re.IGNORECASE)
# A gap (a run of whitespace other than one plain space: one that starts with another whitespace
# character, or two or more) or a piece. A lone plain space, the most frequent match of ``\s+``
# and dropped at once, is not matched at all: the engine steps over it, and the gaps and pieces
# come out as ``(\s+)|piece`` gives them without the lone spaces (tests/test_detect_context.py).
_GAP_OR_PIECE = re.compile(r"([^\S ]\s*|\s{2,})|(" + _PIECE.pattern + ")")


def tokens(text: str) -> list[str]:
    """Lowercase tokens of ``text`` (see the module docstring)."""
    # No URL-ish chunk without "@", "://" or "www." (any case): most clauses skip that scan too.
    if not ("@" in text or "://" in text or "www." in text.lower()) or not _ANY_URLISH.search(text):
        # One regex pass instead of one per chunk: context matching tokenized each clause this way.
        return [piece.lower() if piece else _GAP for _, piece in _GAP_OR_PIECE.findall(text)]
    return chunk_tokens(text)


def chunk_tokens(text: str) -> list[str]:
    """``tokens`` chunk by chunk between spaces: the general way, for texts with URL-ish chunks."""
    out: list[str] = []
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        if chunk.isspace():
            if chunk != " ":
                out.append(_GAP)
        elif _URLISH.search(chunk):
            out.append(chunk.lower())
        else:
            out.extend(piece.lower() for piece in _PIECE.findall(chunk))
    return out


@lru_cache(maxsize=1)
def load_matcher() -> tuple[dict[tuple[str, ...], frozenset[tuple[str, str]]], tuple[int, ...]]:
    """Every context word as its token tuple -> the (element, word) pairs it stands for; phrase lengths."""
    phrases: dict[tuple[str, ...], set[tuple[str, str]]] = {}
    for element in elements().values():
        for word in element.context_words:
            phrases.setdefault(tuple(tokens(word)), set()).add((element.id, word.lower()))
    frozen = {key: frozenset(value) for key, value in phrases.items()}
    return frozen, tuple(sorted({len(key) for key in frozen}))


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The tokens a context word or phrase starts with: only there can a phrase begin."""
    return frozenset(key[0] for key in load_matcher()[0] if key)


def find_context_words(text: str) -> dict[str, set[str]]:
    """The context words in ``text``, by element."""
    phrases, lengths = load_matcher()
    firsts = _first_words()
    words = tokens(text)
    found: dict[str, set[str]] = {}
    for start, word in enumerate(words):
        if word not in firsts:
            continue
        for size in lengths:
            hit = phrases.get(tuple(words[start : start + size]))
            if hit:
                for element, word in hit:
                    found.setdefault(element, set()).add(word)
    return found


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
            found = find_context_words(self._text[start:end])
            self._spans[key] = found
        return found

    def distinct_words(self, element: str, start: int, end: int) -> int:
        """How many different context words of ``element`` lie in ``[start, end)``."""
        return len(self._words(start, end).get(element, ()))
