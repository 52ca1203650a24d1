"""Regexes written in a faster form must find what their plain form finds.

Python's regex engine skips in C to the next place a match can start only when a
pattern opens with something it consumes (a character or a class); one that opens
with a look-behind or a word boundary is tried, whole, at every position of the
text. The detectors' sentence cutters and tokenizers are written to open with the
character they consume (and to take plain characters a run at a time), and each is
held here to its plain form on the corpus's clauses and on texts made to find where
they could part.
"""

from __future__ import annotations

import re

import pytest

from clauses.detect import features, obligor, quantities, sentences
from clauses.detect.train import load_corpus
from clauses.resources import data_dir

# The sentence breaks' abbreviations in their plain form: tested at the mark, before the whitespace.
_ABBREVIATION = (
    r"(?<!\bU\.S\.)(?<!\bU\.K\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bNo\.)(?<!\bDr\.)(?<!\bMr\.)"
    r"(?<!\bMs\.)(?<!\bMrs\.)(?<!\bSt\.)(?<!\bvs\.)(?<!\bcf\.)"
)
# Each regex beside the plain form it stands for (as first written, and as the docs describe it).
FORMS = [
    (sentences.SENTENCE_BREAK, re.compile(rf"(?<=[.;:!?]){_ABBREVIATION}\s+(?=[A-Z(\[\"“0-9])")),
    (sentences.FULL_STOP_BREAK, re.compile(rf"(?<=[.!?]){_ABBREVIATION}\s+(?=[A-Z(\[\"“])")),
    (obligor._SENTENCE, re.compile(r"(?<=[.;])\s+(?=[A-Z(\"“])|\n+")),
    (obligor._BY_AGENT, re.compile(r"\bby\s+(?:the\s+)?")),
    (features._TOKEN, re.compile(r"(?u)\b\w\w+\b")),
    (
        quantities._SENTENCE,
        re.compile(
            r"(?:[^.;:]|[.;:](?=\d)|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\.[A-Z])\.|(?<=\w)\.(?=[a-z]))+(?:[.;:]|$)",
            re.DOTALL,
        ),
    ),
]

# Where the two forms could part: marks with no space after them, runs of mixed whitespace and line
# breaks, a mark at the very start or end, one-letter words, digits, underscores, accents, an
# abbreviation of capitals, a number with a decimal point, and text with no mark at all.
EDGES = [
    "",
    ".",
    " ",
    "\n",
    ". A",
    "a.B c. D e;  (f) g:\t\n\"H\" i? 9 j! “K",
    "First.\n\nSecond line\nthird; Fourth.  \n  Fifth",
    "x y zz _a a_ __ 1 22 é éé naïve İstanbul ſhall ß",
    "Under 45 C.F.R. 164.410 and U.S.C. 1.2; see Section 5.1: it ends. Then more",
    "no mark at all in this text",
    "ends with a mark;",
    "a\u00a0b.\u2003C",  # non-breaking and em spaces are whitespace to \s
    "by the way, kept by  the Recipient, standby bylaws by\nthe _by by",
    "Notify security@example.com or www.example.org within 48 hours. Then x.y; z.",
    "If the U.S. Food and Drug Administration asks, see No. 4 (e.g. Dr. Smith). US. Then\tMrs. X; St.  Y.",
]


def _texts() -> list[str]:
    corpus = load_corpus(data_dir("corpus"))
    return [clause.text for clause in corpus] + EDGES


@pytest.mark.parametrize(("fast", "plain"), FORMS, ids=lambda p: p.pattern[:30])
def test_a_regex_finds_what_its_plain_form_finds(fast: re.Pattern[str], plain: re.Pattern[str]) -> None:
    texts = _texts()
    assert len(texts) > 1000
    for text in texts:
        for sample in (text, text.lower()):
            spans = [m.span() for m in fast.finditer(sample)]
            assert spans == [m.span() for m in plain.finditer(sample)], sample
            assert fast.findall(sample) == plain.findall(sample), sample


def test_the_plain_forms_would_be_told_apart_from_a_wrong_rewrite() -> None:
    """The edge texts catch a rewrite that drops the part these patterns hinge on: without the
    boundaries of the token pattern a one-letter word is a token, without the look-behind of the
    break any whitespace before a capital is a break."""
    wrong_token = re.compile(r"(?u)\w+")
    wrong_break = re.compile(r"\s+(?=[A-Z(\[\"“0-9])")
    assert any(wrong_token.findall(t) != features._TOKEN.findall(t) for t in EDGES)
    breaks = sentences.SENTENCE_BREAK
    assert any(
        [m.span() for m in wrong_break.finditer(t)] != [m.span() for m in breaks.finditer(t)] for t in EDGES
    )
