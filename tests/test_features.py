"""Scoring without scikit-learn must give what scikit-learn gives for the same arrays."""

from __future__ import annotations

import numpy as np
import pytest

from clauses.detect.classifier import _vectorizer, fit_arrays
from clauses.detect.features import TfidfBlock, char_wb_ngrams, linear_scores, word_ngrams
from clauses.detect.train import label_matrix, load_corpus
from clauses.resources import data_dir

sp = pytest.importorskip("scipy.sparse")

ODD_TEXTS = [
    "Café  résumé\tnaïve — “quoted” text, e.g. §7.2(b)",
    "a",
    "",
    "x y",
    "THE RECIPIENT SHALL NOTIFY THE DISCLOSER WITHIN 72 HOURS.",
]


@pytest.fixture(scope="module")
def fitted():
    corpus = load_corpus(data_dir("corpus"))[::7]  # a seventh of the corpus: fast, still varied
    texts = [c.text for c in corpus]
    labels = label_matrix(corpus, tuple(sorted({e for c in corpus for e in c.elements})))
    return fit_arrays(texts, labels, seed=3), texts + ODD_TEXTS


def _sklearn_scores(arrays: dict, texts: list[str]) -> np.ndarray:
    blocks = []
    for settings in arrays["vectorizers"]:
        options = {k: v for k, v in settings.items() if k != "name"}
        vocabulary = {t: i for i, t in enumerate(arrays[settings["name"] + "_vocabulary"])}
        vectorizer = _vectorizer(options, vocabulary=vocabulary)
        vectorizer.idf_ = arrays[settings["name"] + "_idf"]
        blocks.append(vectorizer.transform(texts))
    logits = sp.hstack(blocks).tocsr() @ np.asarray(arrays["coef"], dtype=np.float64).T
    return 1.0 / (1.0 + np.exp(-(logits + arrays["intercept"])))


def _blocks(arrays: dict) -> tuple[list[TfidfBlock], np.ndarray]:
    """The model's vectorizer blocks and its coefficients, as the classifier lays them out."""
    blocks, offset = [], 0
    for settings in arrays["vectorizers"]:
        vocabulary = arrays[settings["name"] + "_vocabulary"]
        blocks.append(TfidfBlock(settings, vocabulary, arrays[settings["name"] + "_idf"], offset))
        offset += len(vocabulary)
    return blocks, np.asarray(arrays["coef"], dtype=np.float64).T.copy()


def _own_scores(arrays: dict, texts: list[str]) -> np.ndarray:
    blocks, coef = _blocks(arrays)
    return linear_scores(blocks, coef, np.asarray(arrays["intercept"]), texts)


def test_features_scores_equal_scikit_learn(fitted) -> None:
    arrays, texts = fitted
    assert np.abs(_sklearn_scores(arrays, texts) - _own_scores(arrays, texts)).max() < 1e-9


def test_features_ngrams_match_scikit_learn_analyzers() -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    text = "the  recipient, shall not\tdisclose a b"
    words = CountVectorizer(ngram_range=(1, 2)).build_analyzer()(text)
    chars = CountVectorizer(analyzer="char_wb", ngram_range=(4, 5)).build_analyzer()(text)
    assert word_ngrams(text, 1, 2) == words
    assert char_wb_ngrams(text, 4, 5) == chars


def test_features_strip_accents_is_scikit_learns() -> None:
    """Texts whose only non-ASCII characters combine with nothing (curly quotes, dashes) and texts
    with accents, decomposed marks and compatibility characters: the same as scikit-learn."""
    from sklearn.feature_extraction.text import strip_accents_unicode

    from clauses.detect.features import _strip_accents

    texts = [
        "plain",
        "the “Recipient’s” duty – not a mark",
        "Café résumé naïve Ångström",
        "cafe\u0301 and a\u0308 decomposed",
        "ﬁnancial ① ǅ ß İstanbul ı",
        "“quotes” with e\u0301 and é",
    ]
    for text in texts:
        assert _strip_accents(text) == strip_accents_unicode(text), text


def test_features_word_pair_columns_are_those_of_the_ngram_list(fitted) -> None:
    """The (1, 2) word block's direct path gives the columns, in order, of cutting the n-gram list."""
    arrays, texts = fitted
    settings = next(s for s in arrays["vectorizers"] if s["analyzer"] == "word")
    assert tuple(settings["ngram_range"]) == (1, 2)
    vocabulary = arrays[settings["name"] + "_vocabulary"]
    block = TfidfBlock(settings, vocabulary, arrays[settings["name"] + "_idf"], 7)
    for text in texts:
        lowered = text.lower()
        expected = [block.index[g] for g in word_ngrams(lowered, 1, 2) if g in block.index]
        assert block.columns(text) == expected


def test_features_clause_read_with_its_sentences_scores_bit_for_bit_the_same(fitted) -> None:
    """A clause and its sentences read once (pieces=) give exactly the scores of reading each text."""
    from clauses.detect.features import _composed
    from clauses.detect.sentences import sentence_spans

    arrays, texts = fitted
    clauses = [" ".join(texts[i : i + 4]) for i in range(0, 120, 4)]  # several sentences each
    clauses += ["Café owners shall not disclose it. The Recipient shall keep it secret at all times always."]
    clauses += ["One sentence.\n\tTwo: keep the information secret now!  (3) Return all the copies, please."]
    # Not ASCII: curly quotes, accents, a ligature NFKD widens, a capital İ lower() widens, a final sigma.
    unusual = [
        "The \u201cRecipient\u201d shall not disclose the information to any third party at all.",
        "Caf\u00e9 owners\u2019 \ufb01les and na\u00efve notes stay secret for five years after the end.",
        "The \u0130STANBUL offices shall keep the information strictly confidential at all times.",
        "The \u039f\u0394\u039f\u03a3 data\u00a0is kept confidential by the Recipient and its own staff.",
    ]
    clauses += [" ".join(unusual[:2]), " ".join(unusual[2:]), "\u00a0".join(unusual[1:3])]
    pieces = [(row, a, b) for row, text in enumerate(clauses) for a, b in sentence_spans(text)]
    assert len({row for row, _, _ in pieces}) > 20
    # Sentences given by hand too, when they cover the clause with whitespace between.
    joined = "the recipient shall not disclose it. any  data\nwhatsoever is confidential information now"
    clauses.append(joined)
    pieces += [(len(clauses) - 1, 0, 36), (len(clauses) - 1, 37, len(joined))]
    all_texts = clauses + [clauses[row][a:b] for row, a, b in pieces]
    own = _own_scores(arrays, all_texts)
    blocks, coef = _blocks(arrays)
    together = linear_scores(blocks, coef, np.asarray(arrays["intercept"]), all_texts, pieces)
    assert np.array_equal(own, together)
    # Not composed when the sentences do not cover the clause with whitespace between them.
    assert _composed(blocks, "ab. cd", [(0, 3), (3, 6)]) is None
    assert _composed(blocks, "ab. cd", [(0, 2), (4, 6)]) is None
    assert _composed(blocks, "ab. cd", [(0, 3), (4, 5)]) is None
    assert _composed(blocks, "Café. cd", [(0, 5), (6, 8)]) is not None  # not ASCII, still composed
    assert all(_composed(blocks, text, sentence_spans(text)) is not None for text in clauses[-4:-1])
    whole, sentences = _composed(blocks, joined, [(0, 36), (37, len(joined))])
    assert sorted(whole) == sorted(sum((block.columns(joined) for block in blocks), []))


def test_features_reject_settings_they_cannot_apply() -> None:
    with pytest.raises(ValueError, match="cannot apply"):
        TfidfBlock({"analyzer": "char", "ngram_range": [2, 3]}, ["ab"], np.ones(1), 0)


def test_features_review_does_not_import_scikit_learn() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from clauses.pipeline import analyze_document, load_shipped_model;"
        "from clauses.segment import plain_document;"
        "d = plain_document('1. The Recipient shall keep it confidential.', path='x', fmt='text', sha256='');"
        "analyze_document(d, model=load_shipped_model());"
        "print('sklearn' in sys.modules, 'scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("chunk", [1, 5, 40, 10**6])
def test_features_text_sums_in_runs_of_texts_are_bit_for_bit_one_pass(chunk: int) -> None:
    """Summed a run of whole texts at a time (a text longer than a run alone), as in one pass."""
    from clauses.detect.features import _text_sums

    rng = np.random.default_rng(5)
    coef = rng.normal(size=(300, 13))
    sizes = [3, 1, 60, 7, 7, 25, 2, 41, 1, 9]  # 60 and 41: longer than a run of 40
    cols = rng.integers(0, 300, size=sum(sizes))
    values = rng.random(sum(sizes))
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    expected = np.add.reduceat(coef.take(cols, axis=0) * values[:, None], starts, axis=0)
    assert np.array_equal(_text_sums(coef, cols, values, starts, chunk), expected)
