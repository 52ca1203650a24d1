"""spaCy runs on bounded pieces, so a span over its 1,000,000-character limit is still read."""

from __future__ import annotations

from clauses.detect.context import PIECE_CHARS, PIECE_OVERLAP, ContextIndex, pieces


def test_context_pieces_cover_the_span_with_overlap() -> None:
    cut = pieces(10, 10 + 2 * PIECE_CHARS + 5)
    assert cut[0][0] == 10 and cut[-1][1] == 10 + 2 * PIECE_CHARS + 5
    assert all(b - a <= PIECE_CHARS for a, b in cut)
    assert all(cut[i][1] - cut[i + 1][0] == PIECE_OVERLAP for i in range(len(cut) - 1))
    assert pieces(0, 5) == [(0, 5)]


def test_context_span_over_spacy_limit_is_read() -> None:
    from clauses.detect.context import load_matcher
    from clauses.elements import elements

    nlp, _ = load_matcher()
    element = next(e for e in elements().values() if e.context_words)
    word = element.context_words[0]
    text = "filler " * 180_000 + word + " end"  # 1.26 million characters: spaCy alone raises E088
    assert len(text) > nlp.max_length
    assert ContextIndex(text).distinct_words(element.id, 0, len(text)) == 1
