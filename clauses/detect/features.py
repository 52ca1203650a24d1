"""TF-IDF features and linear scores from the model's plain arrays, without scikit-learn.

Training uses scikit-learn (clauses/train.py); reviewing does not need it. The
model file holds each vectorizer's settings, vocabulary and idf weights and one
coefficient column per element, so scoring is: analyze the text as scikit-learn's
TfidfVectorizer does for those settings (lower-case, strip accents, word
n-grams on the default token pattern or char_wb n-grams), sublinear term
frequency times idf, L2-normalize per vectorizer, then a dot product with the
coefficients. Doing it here saves importing scikit-learn and SciPy in every
worker (most of a second each) and the sparse-matrix overhead per document;
tests/test_features.py checks the output against scikit-learn's to 1e-9.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import chain

import numpy as np

# scikit-learn's default token_pattern, ``(?u)\b\w\w+\b``: every whole run of two or more word
# characters. Without the boundaries it finds the same runs (a greedy run ends where the next
# character is no word character, and a search resumes there), and the engine skips in C to the
# next word character instead of trying the boundary at every position (tests/test_regex_forms.py).
_TOKEN = re.compile(r"(?u)\w\w+")
_WHITE_SPACES = re.compile(r"\s\s+")
_WORD_CACHE_SIZE = 200_000  # distinct words remembered per char block (a few tens of MB at most)
# Entries whose coefficient rows are summed in one pass (_text_sums): 8,192 rows of 13 elements
# in float64 are 0.85 MB, which a core's cache holds (4,096 to 8,192 measured fastest here).
SUM_CHUNK = 8192


def _strip_accents(text: str) -> str:
    """scikit-learn's strip_accents_unicode: NFKD, then every combining character dropped.

    The combining characters are looked for among the text's distinct characters, not
    character by character in Python: the non-ASCII characters of a contract are mostly
    curly quotes and dashes, which NFKD leaves alone and which combine with nothing, so
    most texts come back normalized with nothing to drop.
    """
    if text.isascii():
        return text
    normalized = unicodedata.normalize("NFKD", text)
    marks = [char for char in set(normalized) if unicodedata.combining(char)]
    if not marks:
        return normalized
    return normalized.translate(dict.fromkeys(map(ord, marks)))


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    tokens = _TOKEN.findall(text)
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text).split():
        word = f" {word} "
        size = len(word)
        for n in range(low, high + 1):
            if size <= n:  # a short word counts once, whole
                grams.append(word)
                break
            grams.extend(word[i : i + n] for i in range(size - n + 1))
    return grams


class TfidfBlock:
    """One vectorizer of the model: settings, vocabulary index and idf weights."""

    def __init__(self, settings: dict, vocabulary: list[str], idf: np.ndarray, offset: int) -> None:
        analyzer = settings.get("analyzer")
        supported = (
            analyzer in ("word", "char_wb")
            and settings.get("sublinear_tf") is True
            and settings.get("lowercase") is True
            and settings.get("strip_accents") == "unicode"
        )
        if not supported:
            raise ValueError(f"vectorizer settings this version cannot apply: {settings}")
        self.low, self.high = settings["ngram_range"]
        self.grams = word_ngrams if analyzer == "word" else char_wb_ngrams
        self.offset = offset  # first column of this block in the model's feature space
        self.index = {term: offset + i for i, term in enumerate(vocabulary)}
        self.idf = idf
        self._word_cache: dict[str, list[int]] = {}

    def columns(self, text: str) -> list[int]:
        """Columns of this block's vocabulary n-grams in ``text``, once per occurrence."""
        text = _strip_accents(text.lower())
        if self.grams is char_wb_ngrams:
            return self._char_columns(text)
        index = self.index
        if self.low == 1 and self.high == 2:  # the shipped model's: words and pairs, no list of grams
            found, pairs = _words_and_pairs(index.get, _TOKEN.findall(text))
            return found + pairs
        return [c for g in self.grams(text, self.low, self.high) if (c := index.get(g)) is not None]

    def _char_columns(self, text: str) -> list[int]:
        """Columns of the char_wb n-grams of ``text``, word by word through a cache.

        char_wb n-grams never cross a word, and contracts repeat their words, so
        each distinct word is cut into n-grams once per process.
        """
        cache, index, low, high = self._word_cache, self.index, self.low, self.high
        words = text.split()
        known = list(map(cache.get, words))
        if None in known:  # words not met before in this process: cut them, remember them
            for position, word in enumerate(words):
                if known[position] is None:
                    found = [c for g in char_wb_ngrams(word, low, high) if (c := index.get(g)) is not None]
                    if len(cache) < _WORD_CACHE_SIZE:
                        cache[word] = found
                    known[position] = found
        return list(chain.from_iterable(known))


def _words_and_pairs(get, tokens: list[str]) -> tuple[list[int], list[int]]:
    """The columns of ``tokens`` and of their adjacent pairs, in order, through ``get`` (vocabulary)."""
    found = [c for c in map(get, tokens) if c is not None]
    pairs = [c for c in map(get, map(" ".join, zip(tokens, tokens[1:], strict=False))) if c is not None]
    return found, pairs


def _composed(blocks: list[TfidfBlock], text: str, spans: list[tuple[int, int]]):
    """Columns of ``text`` and of each of its sentences ``spans``, cutting and looking up words once.

    The classifier reads every multi-sentence clause twice, whole and sentence by
    sentence. When the sentences cover the clause with only whitespace between
    them, no word or char_wb n-gram crosses a gap except the word pair that
    joins two sentences, so the clause's columns are its sentences' words, their
    pairs with the joining pairs in between, then their char n-grams: the same
    columns in the same order as reading the clause itself. Each sentence is
    read as ``columns`` reads it alone (lower-cased, accents stripped); a clause
    that is not ASCII (curly quotes, accents: a third of real NDAs' clauses),
    whose normalising may change lengths, is composed only when its sentences
    and gaps so normalised make up exactly the clause normalised whole, gaps
    still whitespace. None when that does not hold or the blocks are not the
    shipped model's (words 1-2, char_wb).
    """
    if len(blocks) != 2:
        return None
    words, chars = blocks
    shipped = words.grams is word_ngrams and (words.low, words.high) == (1, 2)
    if not (shipped and chars.grams is char_wb_ngrams):
        return None
    position = 0
    for number, (start, end) in enumerate(spans):
        joined = text[position:start].isspace() if number else start == 0
        if end <= start or not joined:
            return None
        position = end
    if position != len(text):
        return None
    if text.isascii():  # lower-casing keeps every offset and there are no accents to strip
        lowered = text.lower()
        pieces = [lowered[start:end] for start, end in spans]
    else:
        pieces = [_strip_accents(text[start:end].lower()) for start, end in spans]
        between = zip(spans, spans[1:], strict=False)
        gaps = [_strip_accents(text[end:start].lower()) for (_, end), (start, _) in between]
        if not all(gap.isspace() for gap in gaps):
            return None
        rebuilt = "".join(piece + gap for piece, gap in zip(pieces, [*gaps, ""], strict=True))
        if rebuilt != _strip_accents(text.lower()):
            return None
    get = words.index.get
    word_columns: list[int] = []
    pair_columns: list[int] = []
    char_columns: list[int] = []
    sentences: list[list[int]] = []
    last = None  # the last token before this sentence
    for piece in pieces:
        tokens = _TOKEN.findall(piece)
        found, pairs = _words_and_pairs(get, tokens)
        grams = chars._char_columns(piece)
        sentences.append(found + pairs + grams)
        word_columns += found
        if tokens:
            if last is not None and (joining := get(f"{last} {tokens[0]}")) is not None:
                pair_columns.append(joining)
            last = tokens[-1]
        pair_columns += pairs
        char_columns += grams
    return word_columns + pair_columns + char_columns, sentences


def linear_scores(
    blocks: list[TfidfBlock],
    coef: np.ndarray,
    intercept: np.ndarray,
    texts: list[str],
    pieces: list[tuple[int, int, int]] = (),  # type: ignore[assignment]
) -> np.ndarray:
    """Sigmoid of the linear model per text and element; ``coef`` is (features, elements).

    All texts of a document go through numpy together: one Counter per text
    over every block's columns (blocks own disjoint column ranges, so a column
    tells its block), sublinear tf times idf, an L2 norm per (text, block), and
    one gather-multiply and one segmented sum into the logits.

    ``pieces``: the last ``len(pieces)`` texts are sentences of earlier ones,
    ``(row, start, end)`` meaning ``texts[row][start:end]``; a clause and its
    sentences are then read once (``_composed``) where that gives the same columns.
    """
    idf = np.concatenate([block.idf for block in blocks]) if blocks else np.zeros(0)
    bounds = np.asarray([block.offset for block in blocks[1:]], dtype=np.int64)
    columns: list[int] = []
    counts: list[int] = []
    sizes: list[int] = []  # distinct columns per text
    known: dict[int, list[int]] = {}  # columns of texts read with their sentences
    first = len(texts) - len(pieces)
    by_row: dict[int, list[int]] = {}
    for number, piece in enumerate(pieces):
        by_row.setdefault(piece[0], []).append(first + number)
    for row, numbers in by_row.items():
        spans = [pieces[number - first][1:] for number in numbers]
        if any(texts[number] != texts[row][a:b] for number, (a, b) in zip(numbers, spans, strict=True)):
            continue
        composed = _composed(blocks, texts[row], spans)
        if composed is not None:
            known[row] = composed[0]
            known.update(zip(numbers, composed[1], strict=True))
    for number, text in enumerate(texts):
        found = known.get(number)
        if found is None:
            found = []
            for block in blocks:
                found += block.columns(text)
        counted = Counter(found)
        columns.extend(counted.keys())
        counts.extend(counted.values())
        sizes.append(len(counted))
    logits = np.tile(intercept, (len(texts), 1))
    if not columns:
        return 1.0 / (1.0 + np.exp(-logits))
    cols = np.fromiter(columns, dtype=np.int64, count=len(columns))
    # Counts read as integers, then widened: the same floats, read faster than as floats.
    tf = np.fromiter(counts, dtype=np.int64, count=len(counts)).astype(np.float64)
    values = (1.0 + np.log(tf)) * idf[cols]
    row_of = np.repeat(np.arange(len(texts)), sizes)
    segment_of = row_of * len(blocks) + np.searchsorted(bounds, cols, side="right")
    norms = np.bincount(segment_of, weights=values * values, minlength=len(texts) * len(blocks))
    values /= np.sqrt(norms[segment_of])
    filled = np.flatnonzero(np.asarray(sizes) > 0)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[filled]
    logits[filled] += _text_sums(coef, cols, values, starts)
    return 1.0 / (1.0 + np.exp(-logits))


def _text_sums(
    coef: np.ndarray, cols: np.ndarray, values: np.ndarray, starts: np.ndarray, chunk: int = SUM_CHUNK
) -> np.ndarray:
    """``np.add.reduceat(coef[cols] * values[:, None], starts, axis=0)``: each text's weighted sum of
    its coefficient rows (a text's entries run from its start to the next text's), a run of whole
    texts of at most ``chunk`` entries at a time (one text longer than that alone).

    Gathered for a whole document at once, the coefficient rows of a 40,000-character agreement
    (50,000 entries, some 200,000 in the longest) made an array of several megabytes, written out
    to memory and read back twice; a run of texts stays in the processor's cache. Each text's sum
    is the same products added in the same order, so the sums are bit for bit those of one pass.
    """
    bounds = np.append(starts, len(cols))
    sums = np.empty((len(starts), coef.shape[1]), dtype=np.result_type(coef, values))
    first = 0
    while first < len(starts):
        low = bounds[first]
        # The texts from ``first`` whose entries all lie within ``chunk`` of ``low``.
        last = min(len(starts), max(first + 1, int(np.searchsorted(bounds, low + chunk, side="right")) - 1))
        high = bounds[last]
        weighted = coef.take(cols[low:high], axis=0)  # a copy, multiplied in place: one array less
        if weighted.dtype == values.dtype:
            weighted *= values[low:high, None]
        else:
            weighted = weighted * values[low:high, None]
        sums[first:last] = np.add.reduceat(weighted, starts[first:last] - low, axis=0)
        first = last
    return sums
