"""Context words are found as spaCy's PhraseMatcher (blank English, attr LOWER) finds them.

The matcher no longer imports spaCy (its import cost ~0.6 s of every start-up);
these tests hold it to spaCy's matches: exactly on every clause of the corpus and
the samples, and on the real contracts (../shared/real) up to the one known
difference, a word before a semicolon. Skipped without spaCy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clauses.detect.context import ContextIndex, chunk_tokens, find_context_words, tokens

REPO = Path(__file__).resolve().parent.parent
REAL = REPO.parent / "shared" / "real"


def test_detect_context_tokens_follow_contract_punctuation() -> None:
    assert tokens("the Recipient's know-how (and U.S. trade secrets)") == [
        "the", "recipient", "'", "s", "know", "-", "how", "(", "and", "u.s", ".", "trade", "secrets", ")",
    ]  # fmt: skip
    assert tokens("privacy@acme.com  1,000 agreement.confidential") == [
        "privacy@acme.com", " ", "1,000", "agreement.confidential",
    ]  # fmt: skip


def test_detect_context_one_pass_tokens_are_the_chunk_by_chunk_tokens() -> None:
    """The one-regex pass (texts without URL-ish chunks) cuts exactly as chunk by chunk does."""
    texts = [
        "a\tb  c\n\nd \u00a0e.F g.h 7.2 U.S. (s)x 1,000:2 a_b _c purpose(s) x.\n",
        "  leading and trailing  ",
        "",
        "Agreement.Confidential;this,that\r\nend",
    ]
    for path in sorted((REPO / "corpus" / "clauses").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    for text in texts:
        assert tokens(text) == chunk_tokens(text), text
    for urlish in ("mail privacy@acme.com now", "see https://x.org/a.b", "www.acme.com", "x WWW.acme.com"):
        assert tokens(urlish) == chunk_tokens(urlish)  # the general way, as before
    assert tokens("go to www.acme.com") == ["go", "to", "www.acme.com"]


def test_detect_context_phrases_need_one_plain_space_and_whole_tokens() -> None:
    assert "trade secrets" in find_context_words("its Trade Secrets and data")["definition"]
    assert "trade secrets" not in find_context_words("its trade\nsecrets").get("definition", set())
    assert "own" not in find_context_words("as is well known").get("safeguards", set())
    index = ContextIndex("Employees must keep it. Nothing here.")
    assert index.distinct_words("personnel", 0, 24) == 1 and index.distinct_words("personnel", 25, 37) == 0


def _spacy_matcher():
    spacy = pytest.importorskip("spacy")
    from spacy.matcher import PhraseMatcher

    from clauses.elements import elements

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for element in elements().values():
        for word in element.context_words:
            matcher.add(f"{element.id}\t{word.lower()}", [nlp.make_doc(word)])

    def found(text: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for match_id, _, _ in matcher(nlp.make_doc(text)):
            element, word = nlp.vocab.strings[match_id].split("\t")
            out.setdefault(element, set()).add(word)
        return out

    return found


def test_detect_context_same_matches_as_spacy_on_corpus_and_samples() -> None:
    spacy_found = _spacy_matcher()
    texts = [
        json.loads(line)["text"]
        for path in sorted((REPO / "corpus" / "clauses").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts += [path.read_text(encoding="utf-8") for path in sorted((REPO / "samples").glob("*.txt"))]
    assert len(texts) > 1000
    differing = [text[:80] for text in texts if find_context_words(text) != spacy_found(text)]
    assert differing == []


@pytest.mark.real
def test_detect_context_real_contracts_differ_from_spacy_only_before_semicolons() -> None:
    if not (REAL / "contractnli" / "dev.json").exists():
        pytest.skip("../shared/real is absent")
    spacy_found = _spacy_matcher()
    texts = [d["text"] for d in json.loads((REAL / "contractnli" / "dev.json").read_text())["documents"]]
    checked = differing = 0
    for text in texts:
        for paragraph in text.split("\n"):
            checked += 1
            ours, theirs = find_context_words(paragraph), spacy_found(paragraph)
            if ours != theirs:
                differing += 1
                assert ";" in paragraph, paragraph[:120]
    assert checked > 1000 and differing <= 0.01 * checked


def test_context_span_over_a_million_characters_is_read() -> None:
    from clauses.elements import elements

    element = next(e for e in elements().values() if e.context_words)
    word = element.context_words[0]
    text = "filler " * 180_000 + word + " end"  # 1.26 million characters (spaCy alone refused over 1,000,000)
    assert ContextIndex(text).distinct_words(element.id, 0, len(text)) == 1
