"""The literal gate must never hide a match: skipping a regex is only safe if it could not match."""

from __future__ import annotations

import pytest

from clauses.detect.train import load_corpus
from clauses.elements import elements
from clauses.elements.gate import passes, pattern_gate
from clauses.resources import data_dir


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(notify|inform)\s+the", ((("inform", "notify"), ("the",)),)),
        (r"\bsurviv(e|es)\b", ((("surviv",),),)),
        (
            r"(?:injunct(ive|ion)|equitable\s+relief)",
            ((("injunct",), ("ve", "on")), (("equitable",), ("relief",))),
        ),
        # Every branch of a group needs "equity": so does the pattern.
        (
            r"\b(remedy|relief)\s+(at\s+law\s+or\s+equity|law\s+or\s+equity)",
            ((("re",), ("lief", "medy"), ("equity",)),),
        ),
        (r"\b(shall|will)\s+(\w+\s+){0,3}(return|destroy)", (((("will", "shall"), ("return", "destroy"))),)),
        (r"[\"“]?confidential", ((("confidential",),),)),  # the optional class adds nothing
        # A mandatory class of punctuation is a part; a negated one or one with a letter is not.
        (
            r"[\"“]confidential\s+information[\"”]",
            ((("confidential",), ("information",), ('"', "“"), ('"', "”")),),
        ),
        (r"[^\"]confidential[a\"]", ((("confidential",),),)),
        (r"\bno\s+fault|\w+ly\s+developed", ((("no",), ("fault",)), (("ly",), ("developed",)))),
        (r"\bno\s+fault|[a-z]+\s+\d+", ()),  # one alternative with no literal at all: always run
    ],
)
def test_gate_of_a_pattern(pattern: str, expected: tuple) -> None:
    gate = pattern_gate(pattern)
    normalize = lambda g: {frozenset(frozenset(part) for part in alt) for alt in g}  # noqa: E731
    assert normalize(gate) == normalize(expected)


def test_gate_text_folds_what_ignorecase_reads_as_ascii() -> None:
    import re

    from clauses.elements.gate import gate_text

    pattern = r"\bdisclose\s+(it|them)"
    gate = pattern_gate(pattern)
    for text in ("DİSCLOSE it", "dısclose them", "discloſe it", "DISCLOSE IT", "Disclose them"):
        assert re.search(pattern, text, re.IGNORECASE)
        assert passes(gate, gate_text(text)), text
    assert gate_text("Plain ASCII Text") == "plain ascii text"
    # Curly quotes and no folded letter: only lower-cased. With one: folded, wherever it is.
    assert gate_text("The “Recipient’s” Duty") == "the “recipient’s” duty"
    assert gate_text("“Dİsclose” ıt and ſo") == "“disclose” it and so"


def test_gate_passes_only_when_every_part_of_an_alternative_is_there() -> None:
    gate = pattern_gate(r"\b(shall|will)\s+(\w+\s+){0,3}(return|destroy)")
    assert passes(gate, "the recipient shall promptly return")
    assert not passes(gate, "the recipient shall keep it")
    assert passes((), "anything")


def test_gate_never_hides_a_match_on_the_corpus() -> None:
    texts = [c.text for c in load_corpus(data_dir("corpus"))]
    hidden = []
    for element in elements().values():
        for pattern in (*element.cues, *element.weak, *element.negations):
            for text in texts:
                if not passes(pattern.gate, text.lower()) and pattern.regex.search(text):
                    hidden.append((element.id, pattern.name, text[:60]))
    assert hidden == []


def test_gate_requires_patterns_are_gated_and_hide_no_match_on_the_corpus() -> None:
    """detect tests an element's requires gate before searching a clause for its words."""
    from clauses.detect.rules import meets_requires

    texts = [c.text for c in load_corpus(data_dir("corpus"))]
    requiring = [e for e in elements().values() if e.requires is not None]
    assert requiring and all(e.requires_gate for e in requiring)
    for element in requiring:
        differ = [t[:60] for t in texts if meets_requires(element, t) != bool(element.requires.search(t))]
        assert differ == [], element.id


def test_gate_most_cues_are_gated() -> None:
    cues = [c for e in elements().values() for c in e.cues]
    assert sum(bool(c.gate) for c in cues) >= len(cues) * 0.9


def test_gate_negations_are_gated() -> None:
    """A negation is looked for wherever a cue of its element fired; its gate skips that scan."""
    negations = [n for e in elements().values() for n in e.negations]
    assert negations and sum(bool(n.gate) for n in negations) >= len(negations) * 0.9


def test_gate_row_index_agrees_with_passes_on_the_corpus() -> None:
    from clauses.elements.gate import RowIndex

    texts = [c.text.lower() for c in load_corpus(data_dir("corpus"))]
    for start in range(0, len(texts), 90):  # documents of 90 clauses
        rows = texts[start : start + 90]
        index = RowIndex(rows)
        for element in elements().values():
            for pattern in (*element.cues, *element.weak, *element.negations):
                mask = index.mask(pattern.gate)
                assert [bool(mask >> i & 1) for i in range(len(rows))] == [
                    passes(pattern.gate, t) for t in rows
                ], (element.id, pattern.name)


def test_gate_scanner_finds_overlapping_and_nested_literals() -> None:
    from clauses.elements.gate import LiteralScanner

    literals = frozenset({"dis", "disclos", "disclose", "closed", "sed", "ose", "a b", "b c", "zz"})
    texts = ["it was disclosed", "a b c", "", "undisclosable", "sed", "no literal here"]
    masks = LiteralScanner(literals).masks(texts)
    for literal in literals:
        expected = sum(1 << row for row, text in enumerate(texts) if literal in text)
        assert masks.get(literal, 0) == expected, literal
    assert "zz" not in masks


def test_gate_scanner_finds_literals_across_words_marks_and_letters_beyond_ascii() -> None:
    """Literals of letters and digits are read word by word (cached per process), the others in the
    whole text: both kinds, in a word next to an accented letter or a mark, and a word met in an
    earlier document answering only for the rows it is in now."""
    from clauses.elements.gate import LiteralScanner

    literals = frozenset(
        {"dis", "closed", "know-how", "made available", "'", "“", "2016/679", "né", "é", "679"}
    )
    scanner = LiteralScanner(literals)
    documents = [
        ["non-disclosed know-how", "the party's", "“x” under 2016/679", "rédigé aînée", "xédisclosedé"],
        ["", "made  available", "made available", "disclosed", "no literal"],
    ]
    for texts in documents:
        masks = scanner.masks(texts)
        for literal in literals:
            expected = sum(1 << row for row, text in enumerate(texts) if literal in text)
            assert masks.get(literal, 0) == expected, (literal, texts)


def test_gate_row_index_with_scanner_agrees_with_passes_on_the_corpus() -> None:
    from clauses.elements.gate import RowIndex, gate_literals, literal_scanner

    patterns = [
        p for element in elements().values() for p in (*element.cues, *element.weak, *element.negations)
    ]
    # Half the literals scanned, so gates mixing scanned and unscanned literals are checked too.
    literals = sorted(gate_literals([p.gate for p in patterns]))
    scanner = literal_scanner(frozenset(literals[::2]))
    texts = [c.text.lower() for c in load_corpus(data_dir("corpus"))]
    for start in range(0, len(texts), 90):
        rows = texts[start : start + 90]
        index = RowIndex(rows, scanner)
        for pattern in patterns:
            mask = index.mask(pattern.gate)
            assert [bool(mask >> i & 1) for i in range(len(rows))] == [
                passes(pattern.gate, t) for t in rows
            ], pattern.name


def test_gate_never_hides_a_contract_type_signal() -> None:
    from clauses.detect.doctype import _COMPILED

    texts = [c.text for c in load_corpus(data_dir("corpus"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(data_dir("corpus").glob("contracts/*.txt"))]
    hidden = [
        (pattern.pattern, text[:60])
        for patterns in _COMPILED.values()
        for pattern, gate, _ in patterns
        for text in texts
        if not passes(gate, text.lower()) and pattern.search(text)
    ]
    assert hidden == []


def test_gate_contract_type_signals_found_from_their_leads_as_by_finditer() -> None:
    from clauses.detect.doctype import _COMPILED
    from clauses.elements.gate import gate_text, lead_finditer

    texts = [c.text for c in load_corpus(data_dir("corpus"))][::5]
    contracts = sorted(data_dir("corpus").glob("contracts/*.txt"))
    texts += [p.read_text(encoding="utf-8")[:3000] for p in contracts]
    texts += ["A Mutual NON-DISCLOSURE Agreement (the “NDA”) for cloud services", "İ nda ıs the NDA"]
    assert any(lead for patterns in _COMPILED.values() for _, _, lead in patterns)
    for patterns in _COMPILED.values():
        for pattern, _, lead in patterns:
            for text in texts:
                found = [m.span() for m in lead_finditer(pattern, lead, text, gate_text(text))]
                assert found == [m.span() for m in pattern.finditer(text)], (pattern.pattern, text[:60])


def test_gate_pattern_lead_reads_the_words_a_match_starts_with() -> None:
    from clauses.elements.gate import pattern_lead

    assert set(pattern_lead(r"\b(shall|will)\s+return")) == {"shall", "will"}
    # Python's parser factors the common "n" out of the branch; the lead puts it back.
    assert set(pattern_lead(r"\b(not|never|nor)\s+use")) == {"not", "never", "nor"}
    assert set(pattern_lead(r"[\"“]\s*information")) == {'"', "“"}
    # An optional first word: a match starts with it or with the word after it.
    assert set(pattern_lead(r"\b(the\s+)?recipient")) == {"the", "recipient"}
    assert set(pattern_lead(r"\b(contractual\s+|monetary\s+)?(penalty|fine)")) == {
        "contractual",
        "monetary",
        "penalty",
        "fine",
    }
    assert pattern_lead(r"\b(the\s+)?\w+\s+shall") == ()  # what follows has no lead: none
    assert pattern_lead(r"\w+\s+shall") == ()


def test_gate_long_text_with_a_frequent_lead_finds_the_same_matches() -> None:
    """A long text may be tried at more places than LEAD_TRIES (one per CHARS_PER_TRY characters):
    below, at and above that many occurrences of the lead, the matches finditer finds."""
    import re

    from clauses.elements.gate import CHARS_PER_TRY, LEAD_TRIES, gate_text, lead_finditer, pattern_lead

    regex = re.compile(r"\b(?:shall|will)\s+(?:not\s+)?(?:disclose|use)\b", re.IGNORECASE)
    lead = pattern_lead(regex.pattern)
    sentence = "The Recipient SHALL keep it. It shall not disclose it. Each will use it well, "
    for copies in (1, 5, 12, 40, 80):
        text = sentence * copies
        assert len(text) // CHARS_PER_TRY > LEAD_TRIES or copies < 12
        for start in (0, 7, len(text) // 2):
            found = [m.span() for m in lead_finditer(regex, lead, text, gate_text(text), start)]
            assert found == [m.span() for m in regex.finditer(text, start)], (copies, start)


def test_gate_lead_finditer_with_an_end_reads_the_text_as_cut_there() -> None:
    """``endpos`` gives the matches finditer gives with the same end: none crossing it, and none
    that needs text past it (a lookahead, a word boundary, ``$``), at every cut, short or long."""
    import re

    from clauses.elements.gate import gate_text, lead_finditer, pattern_lead

    patterns = [
        r"\b(?:shall|will)\s+(?:not\s+)?(?:disclose|use)\b",
        r"[;:]|,\s+(?:and|or|but)\s|\b(?:that|if|unless)\s",
        r"\bshall(?=\s+not)|\bmay\s*$",
    ]
    sentence = "It shall not disclose it; it will use it, and that may: the Recipient shall not use, but may "
    for pattern in patterns:
        regex = re.compile(pattern, re.IGNORECASE)
        lead = pattern_lead(pattern)
        assert lead, pattern
        for copies in (1, 20):
            text = sentence * copies
            for start in (0, 9):
                for end in (start, start + 11, start + 12, len(text) // 2, len(text) - 4, len(text)):
                    found = [m.span() for m in lead_finditer(regex, lead, text, gate_text(text), start, end)]
                    expected = [m.span() for m in regex.finditer(text, start, end)]
                    assert found == expected, (pattern, copies, end)


def test_gate_gated_regexes_of_the_quantities_match_as_the_regexes_do() -> None:
    """Every GatedRegex of detect.quantities gives its regex's search and finditer on the corpus's
    sentences and on wordings its gate and lead must not hide (folded letters, other cases)."""
    from clauses.detect import quantities
    from clauses.elements.gate import GatedRegex, gate_text

    gated = [value for value in vars(quantities).values() if isinstance(value, GatedRegex)]
    assert len(gated) >= 10
    corpus = load_corpus(data_dir("corpus"))
    texts = [m.group() for c in corpus for m in quantities._SENTENCE.finditer(c.text)]
    texts += [
        "It ſhall notify them PROMPTLY, within seventy-two (72) hours; no later than the next business day.",
        "The duties survive in perpetuity until the third anniversary of termination; Hiring is barred.",
        "Access to the data ends after termination of employment. İt survives indefinitely.",
    ]
    for pattern in gated:
        for text in texts:
            lowered = gate_text(text)
            expected, found = pattern.regex.search(text), pattern.search(text, lowered)
            where = (pattern.regex.pattern[:40], text)
            assert (found and found.span()) == (expected and expected.span()), where
            spans = [m.span() for m in pattern.finditer(text, lowered)]
            assert spans == [m.span() for m in pattern.regex.finditer(text)], where


def test_gate_marking_conditions_found_from_the_modals_are_those_of_a_full_scan() -> None:
    """detect.marking reads a whole document for its modals from their leads: the same conditions."""
    from clauses.detect import marking

    def full_scan(text: str) -> list[tuple[int, int]]:
        seen, found = -1, []
        for lead in marking._LEAD.finditer(text):
            window = (max(0, lead.start() - marking._SUBJECT_REACH), lead.end() + marking._OBJECT_REACH)
            for match in marking.MARKING_CONDITION.finditer(text, *window):
                if match.start() > seen:
                    seen = match.start()
                    found.append(match.span())
        return found

    texts = [p.read_text(encoding="utf-8") for p in sorted(data_dir("corpus").glob("contracts/*.txt"))]
    condition = "Any document containing Confidential Information shall be marked as confidential. "
    texts.append(("The Recipient shall keep it safe. " * 30 + condition) * 3)
    assert any(full_scan(text) for text in texts)
    for text in texts:
        assert [m.span() for m in marking._candidates(text)] == full_scan(text), text[:60]


def test_gate_search_from_the_lead_finds_the_same_matches_on_the_corpus() -> None:
    """gate.lead_finditer tries a pattern only where a match can start."""
    from clauses.elements.gate import gate_text, lead_finditer, lead_search

    texts = [c.text for c in load_corpus(data_dir("corpus"))]
    texts.append("Thé İnformation shall not be used; the Recipient shall return it.")
    lowered_texts = [(text, gate_text(text)) for text in texts]
    differ = []
    for element in elements().values():
        # Each regex where detect runs it: in the texts its gate passes (an unless, everywhere).
        patterns = [(p.regex, p.gate, p.lead) for p in (*element.cues, *element.weak, *element.negations)]
        patterns += [(w.unless, (), w.unless_lead) for w in element.weak if w.unless is not None]
        assert sum(bool(lead) for _, _, lead in patterns) >= len(patterns) * 0.8
        for regex, gate, lead in patterns:
            for text, lowered in lowered_texts:
                if not passes(gate, lowered):
                    continue
                whole = regex.search(text)
                led = lead_search(regex, lead, text, lowered)
                if (whole and whole.span()) != (led and led.span()):
                    differ.append((element.id, regex.pattern[:40], text[:60]))
                elif whole and [m.span() for m in regex.finditer(text)] != [
                    m.span() for m in lead_finditer(regex, lead, text, lowered)
                ]:
                    differ.append((element.id, regex.pattern[:40], text[:60]))
    assert differ == []


def test_gate_a_sentence_start_leads_a_pattern_to_the_places_it_can_match() -> None:
    """A pattern that opens with a sentence start ("(?:^|(?<=[.;:]\\s)|(?<=\\n))", the negations that
    read a whole sentence) is tried only at the text's start and after a mark and a space or a line
    break: the matches finditer finds, from any start and to any end (the look-behind sees the two
    characters before a start); a top-level alternative after it leaves the pattern without a lead."""
    import re

    from clauses.elements.gate import SENTENCE_START_MARK, gate_text, lead_finditer, lead_search, pattern_lead

    patterns = [
        r"(?:^|(?<=[.;:]\s)|(?<=\n))(?=[^.;\n]*\bsite\s+rules)",  # a lookahead only: empty matches
        r"(?:^|(?<=[.;:]\s)|(?<=\n))(?![^.;\n]*\bdata\b)[^.;\n]*?\bsecurity\b",
        r"(?:^|(?<=[.;:]\s))\s*the\b",
        r"(?:^|(?<=\n))[ \t]*(confidential|proprietary)\b",
    ]
    text = (
        "Site rules apply. The guard follows site rules;\tthe data stays secure: security of the premises.\n"
        "Confidential marks.\n\n  proprietary. .\n;  security\nthe end; the"
    )
    for pattern in patterns:
        regex = re.compile(pattern, re.IGNORECASE)
        lead = pattern_lead(pattern)
        assert len(lead) == 1 and lead[0].startswith(SENTENCE_START_MARK), pattern
        lowered = gate_text(text)
        for start in range(len(text) + 1):
            for end in {start, min(len(text), start + 19), len(text)}:
                found = [m.span() for m in lead_finditer(regex, lead, text, lowered, start, end)]
                assert found == [m.span() for m in regex.finditer(text, start, end)], (pattern, start, end)
        first = lead_search(regex, lead, text, lowered)
        assert first is not None and first.span() == regex.search(text).span(), pattern
    assert pattern_lead(r"(?:^|(?<=[.;:]\s)|(?<=\n))site|rules") == ()
    assert pattern_lead(r"\bsite\s+rules") == ("site",)
