"""Read the number a paragraph starts with, as a reader sees it.

"7.2", "(b)", "b)", "(iv)", "Article IV", "Section 5." and bullets are
recognised; "(i)" after "(h)" is a letter, elsewhere a roman numeral, which a
stack of the lists currently open settles. Also tells headings ("7.
Confidentiality", "CONFIDENTIALITY") from clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clauses.datamodel import Document
from clauses.segment.numerals import roman_value

# A clause number that already names its kind: cited as written.
_NAMED_NUMBER = re.compile(
    r"^(?:section|clause|article|paragraph|schedule|exhibit|annex|appendix|part|§)", re.IGNORECASE
)


def cited(number: str, word: str = "Section") -> str:
    """How a reader cites a numbered clause: "Section 7.2" for "7.2".

    A number printed with its kind ("Section 5.03", "Article IV", "§ 3": SEC exhibits
    number this way) is cited as written, so no report or reason says "Section Section 5.03".
    """
    number = number.strip().rstrip(".")
    if _NAMED_NUMBER.match(number):
        return number
    return f"{word} {number}"


_INNER_QUOTES = str.maketrans({'"': "'", "\u201c": "\u2018", "\u201d": "\u2019"})


def described(number: str, text: str, provision: str = "Section", in_table: bool = False) -> str:
    """A clause as a reader finds it in the original: "Section 8.2", else its opening words.

    An unnumbered clause (a letter's paragraph, a web page's terms) has only an internal id,
    which means nothing to the reader; its first words find it.
    """
    if number:
        return cited(number, provision)
    # Its own double quotes made single, so the excerpt's quotes stay the outer ones
    # ('the clause "\'Confidential Information\' means ..."', not '""Confidential ...').
    words = " ".join(text.split()[:5]).translate(_INNER_QUOTES)
    return f'the {"table entry" if in_table else "clause"} "{words} ..."'


def provision_of(document: Document) -> str:
    """The word ``document`` cites its provisions with ("Section", "Clause", "Paragraph")."""
    return document.vocabulary.provision if document.vocabulary is not None else "Section"


@dataclass(frozen=True)
class Label:
    """A paragraph's leading number, parsed."""

    display: str  # as printed, without trailing punctuation: "7.2", "(b)", "a", "Article IV"
    style: str  # "decimal", "article", "bullet", or e.g. "lower_roman_paren"
    value: int  # ordinal, to tell "(i)" after "(h)" from roman "(i)"
    length: int  # characters of the paragraph the label occupies


@dataclass
class OpenList:
    """A list level currently open while reading the document."""

    style: str
    value: int
    number: str  # full citation: "7.2(b)"
    level: int


ABSOLUTE_STYLES = ("decimal", "article")
_ARTICLE_WORDS = "ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part|SCHEDULE|Schedule"
_LABEL_RE = re.compile(
    rf"""^(?:
      (?P<art>(?:{_ARTICLE_WORDS})\s+(?P<artnum>[IVXLC]+|\d{{1,3}}(?:\.\d{{1,3}})*|[A-Z]))\b\.?(?:\s*[-\u2013\u2014:](?=\s))?
     |(?P<dec>\d{{1,2}}(?:\.\d{{1,3}}){{1,4}}|\d{{1,2}}(?=\.))\.?
        (?P<decsub>(?:\((?:[a-z]{{1,4}}|[A-Z]|\d{{1,2}})\))*)
     |\((?P<par>[a-z]{{1,4}}|[A-Z]{{1,4}}|\d{{1,2}})\)
     |(?P<dot>[a-z]|[A-Z]|[ivx]{{2,5}}|[IVX]{{2,5}})(?P<dotp>[.)])
     |(?P<dig>\d{{1,2}})\)
     |(?P<bare>\d{{1,2}})(?=[ \t]+[A-Z])
     |(?P<bullet>[\u2022\u25aa\u25cf\u25e6\uf0b7\uf0a7\u00b7\u2023\u2043\u25cb\u2013\u2014*+o-])
    )(?=\s|$)""",
    re.X,
)
# A heading that names the confidentiality section ("7. Confidentiality", "Non-Disclosure"):
# detection reads it as context, suggestions place new clauses after that section.
CONFIDENTIALITY_HEADING = re.compile(
    r"confidential|non-?disclosure|proprietary\s+information|secrecy", re.IGNORECASE
)
# A letter's salutation ("Dear Mr. Oakes:"): the letter's body starts after it.
SALUTATION = re.compile(r"\s*dear\s+\S", re.IGNORECASE)
# A document's marking, not a section: "PERSONAL AND CONFIDENTIAL" over a letter's address,
# "STRICTLY PRIVATE & CONFIDENTIAL", "CONFIDENTIAL - SUBJECT TO CONTRACT" (a heading
# "Confidentiality" or "Confidential Information" is a section and does not match).
CONFIDENTIAL_MARKING = re.compile(
    r"^\W*(?:(?:personal|private|privileged|strictly|highly|commercially|commercial|sensitive|"
    r"attorney[\s-]+client)\s*(?:and|&|,)?\s*)*confidential\b(?!\s+information)(?:\s*[-\u2013\u2014:(].*)?\W*$",
    re.IGNORECASE,
)
# A heading that names a section of duties over the other's data ("5. Buyer Information",
# "Customer Data", "Data Protection", "Privacy"): a survival clause naming it keeps those duties
# after termination, as one naming the confidentiality section does (the spec counts both).
DATA_DUTIES_HEADING = re.compile(
    r"\b(customer|buyer|client|user|personal|member|attendee|patient|cardholder|consumer|student|"
    r"employee|subscriber)\s+(data|information)\b|\bdata\s+(protection|security|privacy)\b|\bprivacy\b",
    re.IGNORECASE,
)
# The start of the signature block ("IN WITNESS WHEREOF", "Signed by", "Signatures"): suggestions
# and the redline put a new final section before it.
# Where a contract's signature block starts; a letter's request to sign ("If the foregoing is
# in accordance with your understanding, kindly sign ..."), its closing ("Very truly yours,")
# and its countersignature ("ACCEPTED AND AGREED") start one too.
SIGNATURE_LINE = re.compile(
    r"^\W*(?:in\s+witness\s+whereof|signed\s+by|signatures?\b|"
    r"(?:very\s+)?(?:truly|sincerely|faithfully|cordially)\s+yours\b|"
    r"yours\s+(?:very\s+)?(?:truly|sincerely|faithfully)\b|(?:kind\s+|best\s+)?regards\s*,|sincerely\s*,|"
    r"(?:accepted|agreed|acknowledged)\s*,?\s+and\s+(?:accepted|agreed|acknowledged)\b|"
    r"if\s+the\s+foregoing\b|(?:please|kindly)\s+(?:confirm|sign|indicate|countersign)\b)",
    re.IGNORECASE,
)
_NOT_A_TITLE = re.compile(r"_{3}|…|\.{4}|\t|\|")  # blanks, leaders, tabs, table bars
SENTENCE_END = re.compile(r"[.;:!?][\"'”’)\]]*$")
_CLOSERS = "\"'”’)]"


def ends_sentence(text: str) -> bool:
    """``SENTENCE_END.search(text)``, answered from the end of ``text``: a search tries every
    position, and it is asked of each line of a PDF twice (``segment.paragraphs``)."""
    if text.endswith("\n"):  # "$" also matches before a final newline
        text = text[:-1]
    body = text.rstrip(_CLOSERS)
    return body[-1:] in (".", ";", ":", "!", "?")
_INLINE_HEADING = re.compile(r"^([A-Z][^.:;!?\n]{1,70}?)[.:]\s+(?=[A-Z“\"(0-9])")
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "from",
    "into",
    "upon",
    "under",
    "its",
    "their",
    "vs",
    "per",
    "&",
}


def _letter_value(letters: str) -> int:
    # "a" = 1 ... "z" = 26, "aa" = 27: the way Word and drafters continue long lists.
    return (len(letters) - 1) * 26 + ord(letters[0].lower()) - ord("a") + 1


def parse_label(text: str, stack: list[OpenList] | None = None) -> Label | None:
    """Read the number a paragraph starts with; ``stack`` settles "(i)" as letter or roman."""
    m = _LABEL_RE.match(text)
    if not m:
        return None
    length = m.end()
    if m.group("art"):
        rest = text[length:].lstrip()
        if rest and (rest[0].islower() or rest[0] == "("):
            return None  # "Section 12 (Miscellaneous) of ..." is a reference, not a label
        word, num = m.group("art").split(None, 1)
        if "." in num:
            # "Section 8.01" of the SEC-exhibit style is a decimal clause of "Article VIII" (one
            # level under it, as "8.1" is), not an article of its own that would close the one
            # whose heading ("Confidentiality") it sits under.
            return Label(f"{word.title()} {num}", "decimal", int(num.split(".")[0]), length)
        value = roman_value(num) or (int(num) if num.isdigit() else 0)
        return Label(f"{word.title()} {num}", "article", value, length)
    if m.group("dec"):
        dec = m.group("dec")
        first = int(dec.split(".")[0])
        return Label(dec + m.group("decsub"), "decimal", first, length)
    if m.group("bare"):
        # "1 INTERPRETATION": accepted only as a heading in sequence, see _read_paragraph.
        return Label(m.group("bare"), "bare", int(m.group("bare")), length)
    if m.group("bullet"):
        inner = text[length:]
        skipped = len(inner) - len(inner.lstrip())
        label = parse_label(inner.lstrip(), stack) if inner.strip()[:1] not in "-*+o•" else None
        if label is not None and label.style != "bullet":
            # "• (ii) ..." is the list item (ii); the bullet is decoration.
            return Label(label.display, label.style, label.value, length + skipped + label.length)
        return Label("", "bullet", 0, length)
    if m.group("dig"):
        return Label(m.group("dig") + ")", "digit_rparen", int(m.group("dig")), length)
    if m.group("par") is not None:
        chars, delim, display = m.group("par"), "paren", f"({m.group('par')})"
    else:
        chars = m.group("dot")
        delim = "dot" if m.group("dotp") == "." else "rparen"
        display = chars if delim == "dot" else chars + ")"
    if chars.isdigit():
        return Label(display, f"digit_{delim}", int(chars), length)
    case = "lower" if chars.islower() else "upper"
    style, value = _letter_or_roman(chars, case, delim, stack or [])
    return Label(display, style, value, length)


def _letter_or_roman(chars: str, case: str, delim: str, stack: list[OpenList]) -> tuple[str, int]:
    """Decide whether "(i)", "(v)", "(x)" continue a lettered list or start a roman one."""
    letter_style, roman_style = f"{case}_letter_{delim}", f"{case}_roman_{delim}"
    roman = roman_value(chars)
    is_letter_run = len(set(chars.lower())) == 1
    if roman is None:
        return letter_style, _letter_value(chars)
    if len(chars) > 1 and not any(
        o.style == letter_style and o.value == 26 * (len(chars) - 1) + _letter_value(chars[0]) - 1
        for o in stack
    ):
        return roman_style, roman
    if is_letter_run and any(o.style == letter_style and o.value == _letter_value(chars) - 1 for o in stack):
        return letter_style, _letter_value(chars)
    if any(o.style == roman_style and o.value == roman - 1 for o in stack) or chars.lower() == "i":
        return roman_style, roman
    return letter_style, _letter_value(chars)


def is_ancestor(parent: str, child: str) -> bool:
    return child.startswith(parent + ".") or child.startswith(parent + "(")


def place_label(label: Label, stack: list[OpenList], roots: dict[str, int]) -> tuple[str, int]:
    """Update the open lists with ``label``; return its full citation and nesting level."""
    if label.style == "bullet":
        return "", (stack[-1].level + 1 if stack else 0)
    if label.style == "article":
        stack.clear()
        stack.append(OpenList("article", label.value, label.display, 0))
        return label.display, 0
    if label.style == "decimal":
        while stack and not (
            stack[-1].style == "article"
            or (stack[-1].style == "decimal" and is_ancestor(stack[-1].number, label.display))
        ):
            stack.pop()
        level = label.display.count(".") + label.display.count("(")
        if level == 0:
            roots["decimal"] = label.value
        stack.append(OpenList("decimal", label.value, label.display, level))
        return label.display, level
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].style == label.style:
            del stack[k:]
            break
    else:
        # "B." after "A. Definitions" whose list was closed by "1.", "2.": a root sibling.
        if label.value > 1 and roots.get(label.style) == label.value - 1:
            stack.clear()
    parent = stack[-1] if stack else None
    if parent is None:
        roots[label.style] = label.value
    if parent is None:
        number, level = label.display, 0
    else:
        core = label.display.strip("()")
        number, level = f"{parent.number}({core})", parent.level + 1
    stack.append(OpenList(label.style, label.value, number, level))
    return number, level


def looks_like_heading(body: str, numbered: bool) -> bool:
    """A short title line: "CONFIDENTIALITY", "7. Confidentiality", "Term and Termination"."""
    body = body.strip()
    if len(body) > 90:  # before splitting: most lines of a contract are longer
        return False
    words = body.split()
    if not words or len(words) > 12:
        return False
    if _NOT_A_TITLE.search(body) or body[-1] in ",;:" or body[0].islower():
        return False
    if sum(map(str.isalpha, body)) < 3:  # letters, counted in C
        return False
    if body.isupper():
        return True
    if body.endswith(".") and len(words) > 6:
        return False
    if numbered and len(words) <= 8 and not body.endswith("."):
        return True
    if not numbered and ":" in body:
        return False
    significant = [w for w in words if w.lower().strip("()“”\"',.") not in _SMALL_WORDS]
    capitalised = [w for w in significant if w[:1].isupper() or w[:1] in '“"(']
    title_case = bool(significant) and len(capitalised) == len(significant)
    return title_case and (numbered or len(words) <= 6)


def inline_heading(body: str) -> str:
    """The run-in heading of "Return of Materials. The Recipient shall...", or ""."""
    m = _INLINE_HEADING.match(body)
    if not m:
        return ""
    candidate = m.group(1).strip()
    words = candidate.split()
    if len(words) > 8 or not looks_like_heading(candidate, numbered=False):
        return ""
    return candidate.strip('“”"')
