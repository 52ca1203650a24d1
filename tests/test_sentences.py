"""clauses.detect.sentences: sentence spans of a clause and the cues inside one."""

from __future__ import annotations

import pytest

from clauses.datamodel import Cue
from clauses.detect.sentences import MIN_CLAUSE_WORDS, cue_score, sentence_spans

DUTIES = (
    "The Recipient shall hold the Confidential Information in strict confidence and shall not disclose it "
    "to any third party without the prior written consent of the Discloser. The Recipient shall use the "
    "Confidential Information solely for the Purpose and for no other purpose whatsoever. On request, the "
    "Recipient shall return or destroy all copies of it within ten days."
)


def test_sentences_split_a_clause_that_bundles_duties() -> None:
    spans = sentence_spans(DUTIES)
    assert len(spans) == 3
    assert [DUTIES[a:b].split()[:4] for a, b in spans][1] == ["The", "Recipient", "shall", "use"]
    assert spans[-1][1] == len(DUTIES)


def test_sentences_short_clause_is_one_sentence() -> None:
    text = "Keep it secret. Tell no one. Return it."
    assert len(text.split()) < MIN_CLAUSE_WORDS
    assert sentence_spans(text) == []


def test_sentences_short_pieces_join_the_next_sentence() -> None:
    text = "7.2 Use. " + DUTIES
    spans = sentence_spans(text)
    assert len(spans) == 3 and spans[0][0] == 0  # "7.2 Use." rides with the first duty


def test_sentences_lower_case_after_semicolon_is_not_a_new_sentence() -> None:
    text = "The Recipient shall keep it safe; and it shall not copy it, " * 3
    text += "except as the Purpose needs."
    assert sentence_spans(text) == []


def test_sentences_cue_score_counts_only_cues_starting_inside() -> None:
    cues = (Cue("x", "a", 0.5, 10, 20), Cue("x", "b", 0.5, 30, 40), Cue("x", "c", 0.9, 100, 110))
    assert cue_score(cues, 0, 50) == pytest.approx(0.75)
    assert cue_score(cues, 50, 99) == 0.0
    assert cue_score(cues, 95, 200) == pytest.approx(0.9)
