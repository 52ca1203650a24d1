"""Literal gates: the cheap test that lets a cue's regex be skipped.

Most clauses cannot match most cues. A regex scan of a clause costs several
microseconds; a substring test costs a fraction of one. At load time each
pattern is parsed (with Python's own regex parser) into the literal words its
matches must contain: for every top-level alternative, one set of possible
words per mandatory part (a group or branch adds what its content needs).
``(shall|will)\\s+(\\w+\\s+){0,3}(return|destroy)``
gives one alternative needing one of {"shall", "will"} and one of {"return",
"destroy"}. If no alternative is satisfied by the clause's ``gate_text``, the
regex cannot match and is not run. Parts that cannot be reduced to literals add
no condition, and a pattern with an ungated alternative always runs, so the
gate never changes a result (tests/test_gate.py checks this on the corpus).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache, reduce
from operator import or_

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MIN_LITERAL = 2
# What re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it: dotless i
# and long s (one character for one, so offsets hold), and the combining dot that "İ".lower()
# leaves after its "i".
SAME_LENGTH_FOLD = {0x131: "i", 0x17F: "s"}
_FOLD = {**SAME_LENGTH_FOLD, 0x307: None}
FEW_ROWS = 8  # below this many candidate rows, RowIndex tests rows one by one
# One alternative: every tuple must have a member in the text. A gate: any alternative.
Gate = tuple[tuple[tuple[str, ...], ...], ...]


def gate_text(text: str) -> str:
    """``text`` as gates test it: lower-cased, and folded so every letter a case-insensitive regex
    reads as an ASCII letter is that letter (only a text with such letters is folded at all)."""
    lowered = text.lower()
    return lowered if lowered.isascii() else fold(lowered)


def fold(lowered: str, table: dict[int, str | None] = _FOLD) -> str:
    """``lowered.translate(table)``, translating only a text that holds a character of ``table``.

    Curly quotes and dashes make a third of real NDAs' clauses non-ASCII, and translate
    looks every character up in the table: testing first for the few it changes (a
    C-level scan each) costs a fraction of that, and a text without them is returned as it is.
    """
    if lowered.isascii() or not any(chr(code) in lowered for code in table):
        return lowered
    return lowered.translate(table)


def _minimal(literals: set[str]) -> tuple[str, ...]:
    """Drop literals that contain a shorter one: they add nothing to an any-of test."""
    kept = sorted(literals, key=len)
    return tuple(lit for i, lit in enumerate(kept) if not any(k in lit for k in kept[:i]))


def _requirements(items) -> tuple[tuple[str, ...], ...]:
    """For one alternative: an any-of set of literals for each mandatory part that has one.

    A mandatory group adds what its content needs, a repeat of at least once what
    one pass needs, a class of punctuation its characters, and a branch the most
    selective part of each of its branches (any match goes through one branch,
    so it contains one of them): in
    ``(at\\s+law|in\\s+law|law)\\s+or\\s+equity`` every match needs "equity", not
    just one of "at", "in" or "law".
    """
    required: list[tuple[str, ...]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av).lower()
            continue
        if len(run) >= MIN_LITERAL:
            required.append((run,))
        run = ""
        if op is _c.SUBPATTERN:
            required += _requirements(av[-1])
        elif op is _c.BRANCH:
            options: set[str] = set()
            for branch in av[1]:
                needs = _requirements(branch)
                if not needs:
                    break
                options.update(max(needs, key=lambda part: min(map(len, part))))
            else:
                required.append(_minimal(options))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            required += _requirements(av[2])
        elif op is _c.IN and (marks := _marks(av)):
            required.append(marks)
    if len(run) >= MIN_LITERAL:
        required.append((run,))
    return tuple(dict.fromkeys(required))


def _marks(items) -> tuple[str, ...] | None:
    """The characters of a class made only of punctuation (quotes, brackets), else None.

    Such a class, ``["“”']`` before a defined term, is a part any match needs; its
    characters have no case, so no letter folding can stand for them.
    """
    marks = set()
    for op, av in items:
        char = chr(av) if op is _c.LITERAL else ""
        if not char or char.isalnum() or char.isspace() or char.lower() != char or char.upper() != char:
            return None
        marks.add(char)
    return tuple(sorted(marks)) or None


def _alternatives(items) -> list:
    """The top-level alternatives, looking through anchors and a lone enclosing group."""
    core = [(op, av) for op, av in items if op is not _c.AT]
    if len(core) == 1 and core[0][0] is _c.SUBPATTERN:
        return _alternatives(list(core[0][1][-1]))
    if len(core) == 1 and core[0][0] is _c.BRANCH:
        return [alt for branch in core[0][1][1] for alt in _alternatives(list(branch))]
    return [items]


def pattern_gate(pattern: str) -> Gate:
    """The gate of ``pattern``; () when some alternative cannot be gated (always run)."""
    try:
        parsed = list(_sre_parse.parse(pattern, re.IGNORECASE))
    except re.error:
        return ()
    gate = []
    for alternative in _alternatives(parsed):
        required = _requirements(list(alternative))
        if not required:
            return ()
        # Most selective part first (its shortest literal longest), so most clauses fail at once.
        gate.append(tuple(sorted(required, key=lambda part: -min(map(len, part)))))
    return tuple(gate)


def _lead(items, index: int = 0) -> set[str] | None:
    """Literals one of which every match of ``items[index:]`` starts with, or None.

    Zero-width tests (\\b, ^) are stepped over; a run of literals is extended by
    the leads of what follows it ("n" then "(?:o(?:t|r)|ever)" gives "not",
    "nor", "never", as Python's parser factors a branch's common prefix out).
    """
    while index < len(items) and items[index][0] is _c.AT:
        index += 1
    if index == len(items):
        return None
    op, av = items[index]
    if op is _c.LITERAL:
        run = ""
        while index < len(items) and items[index][0] is _c.LITERAL:
            run += chr(items[index][1]).lower()
            index += 1
        rest = _lead(items, index)
        return {run + more for more in rest} if rest else {run}
    if op is _c.IN and (marks := _marks(av)):
        return set(marks)
    if op is _c.SUBPATTERN:
        return _lead(list(av[-1]))
    if op is _c.BRANCH:
        leads: set[str] = set()
        for branch in av[1]:
            lead = _lead(list(branch))
            if not lead:
                return None
            leads |= lead
        return leads
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _lead(list(av[2]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0:
        # An optional start ("(temporary\s+)?restraining"): a match starts with it or with what follows.
        inner, rest = _lead(list(av[2])), _lead(items, index + 1)
        return inner | rest if inner and rest else None
    return None


# A pattern that opens with one of these zero-width starts matches only at the start of the text or
# right after the mark or line break they look behind at: the pattern's lead is that place, found by
# the finder given here (a regex that opens with what it consumes, so the engine skips ahead in C)
# instead of trying the pattern at every position of the clause. The negations written to read a
# whole sentence ("(?:^|(?<=[.;:]\\s)|(?<=\\n))(?!...)") start so.
SENTENCE_START_MARK = "\x00"  # a lead of one item that starts with it is a finder, not a literal
_SENTENCE_STARTS = {
    r"(?:^|(?<=[.;:]\s)|(?<=\n))": r"[.;:]\s|\n",
    r"(?:^|(?<=[.;:]\s))": r"[.;:]\s",
    r"(?:^|(?<=\n))": r"\n",
}
_FINDERS: dict[str, re.Pattern[str]] = {}


def pattern_lead(pattern: str) -> tuple[str, ...]:
    """Literals one of which every match of ``pattern`` (case-insensitive) starts with; () if unknown.

    ``\\b(shall|will)\\s+return`` starts with "shall" or "will": in a clause whose
    ``gate_text`` first holds one of them at offset 300, no match starts before 300,
    so the regex need not be tried at the 300 positions before it (lead_finditer).
    Only literals of ASCII or caseless characters (quotes), which ``gate_text`` holds
    where the text holds what the regex matches. A pattern that opens with a sentence
    start of _SENTENCE_STARTS (and has no other top-level alternative) leads with its
    finder, marked by SENTENCE_START_MARK.
    """
    try:
        items = list(_sre_parse.parse(pattern, re.IGNORECASE))
    except re.error:
        return ()
    for start, finder in _SENTENCE_STARTS.items():
        if pattern.startswith(start) and len(items) > 1:
            return (SENTENCE_START_MARK + finder,)
    lead = _lead(items)
    if not lead or not all(char.isascii() or char.lower() == char.upper() for lit in lead for char in lit):
        return ()
    # A literal that starts with a shorter one occurs only where that one does.
    kept = sorted(lead, key=len)
    return tuple(lit for i, lit in enumerate(kept) if not any(lit.startswith(k) for k in kept[:i]))


def _sentence_starts(finder: str, text: str, pos: int, endpos: int) -> list[int]:
    """The places in ``text[pos:endpos]`` where a pattern that opens with the sentence start of
    ``finder`` (a lead of pattern_lead) can match: the start of the text, and the end of each match
    of the finder (looked for from two characters before ``pos``: the look-behind sees them)."""
    regex = _FINDERS.get(finder)
    if regex is None:
        regex = _FINDERS[finder] = re.compile(finder[len(SENTENCE_START_MARK) :])
    starts = [0] if pos == 0 else []
    starts.extend(at for match in regex.finditer(text, max(0, pos - 2), endpos) if (at := match.end()) >= pos)
    return starts


LEAD_TRIES = 12  # a regex is matched at most at this many places a match may start (lead_finditer),
CHARS_PER_TRY = 32  # or at one place per this many characters of a longer text


def first_lead(lead: tuple[str, ...], lowered: str, pos: int = 0, endpos: int | None = None) -> int:
    """Where the first of ``lead`` (pattern_lead) occurs in ``lowered[:endpos]`` from ``pos``; else -1."""
    first = -1
    end = len(lowered) if endpos is None else endpos
    for literal in lead:
        at = lowered.find(literal, pos, first + len(literal) if first >= 0 else end)
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first


def _match_starts(
    lead: tuple[str, ...], text: str, lowered: str | None, pos: int, endpos: int
) -> list[int] | int:
    """Where lead_finditer and lead_search try the regex in ``text[pos:endpos]``: the places a match
    can start, in order (a sentence start's, or a literal lead's); or, as an int, the place to
    scan from instead (``pos`` when there is no usable lead, the first lead past LEAD_TRIES).
    """
    if lead and lead[0][0] == SENTENCE_START_MARK:
        return _sentence_starts(lead[0], text, pos, endpos)
    if not lead or lowered is None or len(lowered) != len(text):
        return pos
    starts = _lead_starts(lead, lowered, pos, endpos)
    # Not every literal was looked for: search from the first of all.
    return first_lead(lead, lowered, pos, endpos) if starts is None else starts


def lead_finditer(
    regex: re.Pattern[str],
    lead: tuple[str, ...],
    text: str,
    lowered: str | None,
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """``regex.finditer(text, pos, endpos)``, the regex tried only where a match can start.

    Python's engine tries a case-insensitive pattern that opens with ``\\b`` and a
    choice of words at every position of the text: it has no prefix to skip to.
    Every match starts with one of ``lead`` (``pattern_lead(regex.pattern)``, so no
    match is empty), found with ``str.find`` in ``lowered`` (``gate_text(text)``): the
    leftmost match from a position is ``regex.match`` at the first occurrence there
    that matches (assertions still see the text before it), so trying the few places
    a clause holds "shall" gives the matches ``finditer`` gives. A lead that occurs
    more than LEAD_TRIES times (a short word: "in", "to"), or in a long text more than
    once per CHARS_PER_TRY characters, is searched from its first occurrence instead:
    a try costs about what the engine's scan of a few dozen characters does, so a
    long clause (or a whole document) holding "shall" thirty times is still read
    from those places only. ``lowered`` is aligned with ``text`` when both have the same
    length (lower-casing lengthens only "İ", whose combining dot gate_text removes
    again); when it is None or not aligned, or ``lead`` is empty, this is ``finditer``.
    ``endpos`` reads ``text`` as if it ended there (as ``finditer``'s does), without the copy
    of ``text[:endpos]`` a caller scanning the text before each of many places would make.
    """
    endpos = len(text) if endpos is None else endpos
    starts = _match_starts(lead, text, lowered, pos, endpos)
    if isinstance(starts, int):
        yield from regex.finditer(text, starts, endpos)
        return
    end = pos
    for at in starts:
        if at >= end and (match := regex.match(text, at, endpos)) is not None:
            yield match
            end = match.end()


def lead_search(
    regex: re.Pattern[str], lead: tuple[str, ...], text: str, lowered: str | None
) -> re.Match[str] | None:
    """``regex.search(text)``: the first match ``lead_finditer`` gives, without a generator (a cue
    search is the most frequent call of the detector)."""
    starts = _match_starts(lead, text, lowered, 0, len(text))
    if isinstance(starts, int):
        return regex.search(text, starts)
    for at in starts:
        if (match := regex.match(text, at)) is not None:
            return match
    return None


def _lead_starts(
    lead: tuple[str, ...], lowered: str, pos: int, endpos: int | None = None
) -> list[int] | None:
    """The places from ``pos`` where one of ``lead`` occurs whole before ``endpos``, in order; None
    past LEAD_TRIES places (or one per CHARS_PER_TRY characters of a longer text)."""
    endpos = len(lowered) if endpos is None else endpos
    most = max(LEAD_TRIES, (endpos - pos) // CHARS_PER_TRY)
    starts: list[int] = []
    for literal in lead:
        at = lowered.find(literal, pos, endpos)
        while at >= 0:
            if len(starts) == most:
                return None
            starts.append(at)
            at = lowered.find(literal, at + 1, endpos)
    starts.sort()
    return starts


def coarse_gate(gates: list[Gate]) -> tuple[str, ...]:
    """One any-of test for a group of patterns: the most selective part of every alternative.

    A clause containing none of these literals can match none of the patterns.
    Returns () (always run) when any pattern is ungated.
    """
    literals: set[str] = set()
    for gate in gates:
        if not gate:
            return ()
        for alternative in gate:
            literals.update(alternative[0])
    return _minimal(literals)


def passes(gate: Gate, lowered: str) -> bool:
    """True when the regex behind ``gate`` could match ``lowered``.

    Plain loops with early exits: this runs for thousands of clause and pattern
    pairs per document, so it must cost less than the regex it saves.
    """
    if not gate:
        return True
    contains = lowered.__contains__
    for alternative in gate:
        for literals in alternative:
            if not any(map(contains, literals)):
                break
        else:
            return True
    return False


def passes_any(literals: tuple[str, ...], lowered: str) -> bool:
    """The coarse test: True when ``literals`` is empty or one of them occurs."""
    return not literals or any(map(lowered.__contains__, literals))


class GatedRegex:
    """A module's own regex with its gate and lead, searched only where it can match.

    The detectors' fixed patterns (quantities: "perpetual", "within 72 hours", "promptly") are
    read sentence by sentence, and most sentences hold none of their words: a gate test costs a
    fraction of a regex scan that tries every position, and a lead tries only the places a match
    can start. The same matches as the regex itself (``lowered``: ``gate_text(text)``).
    """

    __slots__ = ("regex", "gate", "lead")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.gate = pattern_gate(regex.pattern)
        self.lead = pattern_lead(regex.pattern)

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """``regex.search(text)``."""
        if not passes(self.gate, lowered):
            return None
        return lead_search(self.regex, self.lead, text, lowered)

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)``."""
        if not passes(self.gate, lowered):
            return iter(())
        return lead_finditer(self.regex, self.lead, text, lowered)


def _trie_pattern(node: dict) -> str:
    """A regex matching exactly the words stored in ``node`` (a trie), longest first along its path."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_RUN = re.compile(r"[a-z0-9]+")  # a run of letters and digits: the "word" the scanner caches
WORD_CACHE_SIZE = 200_000  # distinct words whose literals a scanner remembers (some MB at most)


def _rows_containing(literal: str, joined: str, starts: list[int]) -> int:
    """The bit mask of the rows of ``joined`` (rows joined by NUL, starting at ``starts``) that
    contain ``literal``: a C-level ``str.find`` over the whole document, jumping to the next row
    after a hit, so a common literal costs at most one find per row."""
    found = 0
    at = joined.find(literal)
    while at >= 0:
        row = bisect_right(starts, at) - 1
        found |= 1 << row
        if row + 1 >= len(starts):
            break
        at = joined.find(literal, starts[row + 1])
    return found


class LiteralScanner:
    """All the literals of a set of gates found in the texts of a document, overlapping ones included.

    One ``str.find`` over the whole document per distinct literal (some 1,100 for the
    shipped elements, most of them absent) costs more than the regexes the gates
    save, and so does one regex pass over every character of the document. Almost
    every literal is made of letters and digits only, and such a literal occurs in a
    text exactly when it occurs inside one of the text's runs of letters and digits
    (it cannot cross a space or a mark); contracts repeat their words, so the literals
    inside each distinct word are worked out once per process (a trie-shaped regex
    over the word, below) and a document costs one cut into words, a dictionary
    look-up per distinct word, and an OR per word and literal. The few other literals
    ("know-how", "made available", quotes) are found with ``str.find`` in the document.

    The trie regex sits inside a lookahead and is tried at every position of a word:
    at each position it yields the longest literal starting there, and the literals
    starting there are exactly that one's prefixes that are literals too (two prefixes
    of the same text: the shorter is a prefix of the longer), so the set of literals a
    word contains is complete.
    """

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        in_words = frozenset(literal for literal in literals if _RUN.fullmatch(literal))
        self._across = tuple(sorted(literals - in_words))  # found with str.find
        trie: dict = {}
        for literal in in_words:
            node = trie
            for char in literal:
                node = node.setdefault(char, {})
            node[""] = {}
        # Consuming the literal's first character (a class) lets the regex engine skip, in C,
        # the positions no literal starts at; the lookbehind steps back over that character so
        # the lookahead reads the longest literal from it. A match consumes one character, so
        # literals that overlap the next position are still found.
        firsts = "".join(re.escape(char) for char in sorted(trie))
        pattern = f"[{firsts}](?<=(?=({_trie_pattern(trie)})).)"
        self._findall = re.compile(pattern, re.DOTALL).findall if in_words else None
        # Each literal with the literals that are its prefixes (itself included).
        self._prefixes = {
            literal: tuple(literal[:n] for n in range(1, len(literal) + 1) if literal[:n] in in_words)
            for literal in in_words
        }
        self._words: dict[str, tuple[str, ...]] = {}  # word -> the literals inside it

    def _word_literals(self, word: str) -> tuple[str, ...]:
        """The literals (of letters and digits) that occur in ``word``, remembered per process."""
        found = self._words.get(word)
        if found is None:
            inside: set[str] = set()
            if self._findall is not None:
                for longest in set(self._findall(word)):
                    inside.update(self._prefixes[longest])
            found = tuple(inside)
            if len(self._words) < WORD_CACHE_SIZE:
                self._words[word] = found
        return found

    def masks(self, texts: list[str]) -> dict[str, int]:
        """For every literal found, the bit mask of the texts containing it; absent literals are left out.

        Literals are lower-case, as ``gate_text`` makes the texts: a character outside
        ``[a-z0-9]`` ends a run there, and no literal of the cached kind holds one.
        """
        found: dict[str, int] = {}
        if not self.literals:
            return found
        rows_of: dict[str, int] = {}  # each distinct word of the document -> its rows
        seen = rows_of.get
        for row, text in enumerate(texts):
            bit = 1 << row
            for word in set(_RUN.findall(text)):
                rows_of[word] = seen(word, 0) | bit
        get, cached = found.get, self._words.get
        for word, rows in rows_of.items():
            literals = cached(word)
            if literals is None:
                literals = self._word_literals(word)
            for literal in literals:
                found[literal] = get(literal, 0) | rows
        if self._across:
            joined = "\x00".join(texts)  # no literal contains NUL, so none spans two rows
            starts, position = [], 0
            for text in texts:
                starts.append(position)
                position += len(text) + 1
            for literal in self._across:
                if rows := _rows_containing(literal, joined, starts):
                    found[literal] = rows
        return found


@lru_cache(maxsize=4)
def literal_scanner(literals: frozenset[str]) -> LiteralScanner:
    """The scanner for ``literals``, built (one regex compile, a few ms) once per process."""
    return LiteralScanner(literals)


def gate_literals(gates) -> frozenset[str]:
    """Every literal of ``gates``."""
    return frozenset(lit for gate in gates for alternative in gate for part in alternative for lit in part)


class RowIndex:
    """Which texts of a document (rows) contain each literal, as bit masks, for every gate at once.

    Testing each clause against each cue's gate costs thousands of Python-level
    substring tests per document. Searching the joined lower-cased clauses once
    per distinct literal (a C-level ``str.find`` over the whole document, jumping
    to the next clause after a hit) and combining the answers as integers costs
    a few hundred. ``mask(gate)`` has bit ``i`` set exactly when
    ``passes(gate, lowered[i])`` would be True.
    """

    def __init__(self, lowered: list[str], scanner: LiteralScanner | None = None) -> None:
        self._lowered = lowered
        self._joined = "\x00".join(lowered)  # no literal contains NUL, so none spans two rows
        self._starts: list[int] = []
        position = 0
        for text in lowered:
            self._starts.append(position)
            position += len(text) + 1
        self.all = (1 << len(lowered)) - 1
        self._literals: dict[str, int] = {}
        self._gates: dict[Gate, int] = {}
        self._scanned = scanner is not None  # literal() is a dict look-up for its literals
        if scanner is not None:
            # Every literal of the scanner is answered from one pass: found ones with their
            # rows, the others with no row.
            self._literals = dict.fromkeys(scanner.literals, 0)
            self._literals.update(scanner.masks(lowered))

    def literal(self, literal: str) -> int:
        found = self._literals.get(literal)
        if found is None:
            found = _rows_containing(literal, self._joined, self._starts)
            self._literals[literal] = found
        return found

    def mask(self, gate: Gate) -> int:
        if not gate:
            return self.all
        found = self._gates.get(gate)
        if found is None:
            found = self._scanned_mask(gate) if self._scanned else None
            if found is None:
                found = 0
                for alternative in gate:
                    rows = self.all
                    for literals in alternative:
                        rows &= self._part(literals, rows)
                        if not rows:
                            break
                    found |= rows
            self._gates[gate] = found
        return found

    def _scanned_mask(self, gate: Gate) -> int | None:
        """``mask(gate)`` from the scanner's answers alone; None when a literal is not among them.

        The scanner answered every literal it holds, so a part's rows are the OR of its
        literals' masks, taken by ``map`` and ``reduce`` in C rather than a Python step per
        literal (some 700 parts per document).
        """
        rows_of = self._literals.__getitem__
        found = 0
        try:
            for alternative in gate:
                rows = self.all
                for literals in alternative:
                    rows &= reduce(or_, map(rows_of, literals))
                    if not rows:
                        break
                found |= rows
        except KeyError:  # a literal outside the scanner's: each part is searched (_part)
            return None
        return found

    def _part(self, literals: tuple[str, ...], rows: int) -> int:
        """The rows among ``rows`` that contain one of ``literals``.

        The first part of an alternative is searched in the whole document (and
        remembered for other gates); once few rows are left, testing just those
        rows is cheaper than searching the document for a common word.
        """
        if self._scanned or rows.bit_count() > FEW_ROWS:
            part = 0
            for literal in literals:
                part |= self.literal(literal)
            return part
        part = 0
        while rows:
            bit = rows & -rows
            text = self._lowered[bit.bit_length() - 1]
            if any(map(text.__contains__, literals)):
                part |= bit
            rows ^= bit
        return part
