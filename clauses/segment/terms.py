"""Title, parties and defined terms read from a contract's text.

Best-effort pattern reading, kept apart from segmentation so each can be tested
and improved alone. Nothing here changes clauses; a miss gives an empty value,
never an error.
"""

from __future__ import annotations

import re

from clauses.segment.labels import SALUTATION

_TITLE_WORDS = re.compile(
    r"\b(agreement|contract|terms|addendum|amendment|policy|undertaking|deed|nda|"
    r"memorandum|letter|licen[cs]e|conditions|statement of work|appointment)\b",
    re.I,
)


def names_document(line: str) -> bool:
    """``line`` holds a word that names a contract ("Agreement", "Deed", "Terms", "NDA")."""
    return _TITLE_WORDS.search(line) is not None


_QUOTE_OPEN = "“\"‘'«"
_QUOTE_CLOSE = "”\"’'»"
_TERM = r"[A-Z][\w\-’'&/.]*(?:\s+(?:[A-Z0-9][\w\-’'&/.]*|of|and|or|the|for|to|in|on|a)){0,6}"
_QUOTED_TERM = re.compile(rf"[“\"‘«]\s*({_TERM})\s*[,.]?\s*[”\"’»]")
_MEANS = re.compile(
    r"^\s*[,)]?\s*(?:\)|shall\s+mean|means|mean\b|shall\s+have|has\s+the\s+meaning|have\s+the"
    r"\s+meaning|includes|shall\s+include|refers\s+to|is\s+defined|:)",
)
_BEFORE_TERM = re.compile(
    r"(?:\(\s*(?:the|a|an|each|each,?\s+a|individually|collectively|together|jointly|"
    r"hereinafter(?:\s+referred\s+to\s+as)?|referred\s+to\s+(?:herein\s+)?as)?,?\s*"
    r"(?:the|a|an)?\s*|hereinafter(?:\s+(?:referred|called)\s+to\s+as|\s+called)?\s*(?:the\s+)?|"
    r"referred\s+to\s+(?:herein\s+)?as\s*(?:the\s+)?|defined\s+as\s*(?:the\s+)?|^\s*)$",
    re.I,
)
_NOT_TERMS = {"A", "I", "The", "This", "It", "And", "Or"}
_BLANK = re.compile(r"^[\s_.…\-\[\]<>]*$")
_ENTITY_END = re.compile(
    r"\s*(?:,(?!\s*(?:Inc|Ltd|LLC|L\.?P|Corp|Co|plc|GmbH|S\.A|B\.V|N\.A|AG|SE)\b)|\(|\bwith\s+(?:its\s+)?(?:registered|principal|offices?)|\bhaving\b|\bwhose\b|"
    r"\b(?:a|an)\s+(?:[A-Z][a-z]+\s+)?(?:company|corporation|limited|partnership|"
    r"organi[sz]ation|entity|individual|person|university|institution)\b|\bof\s+\d|"
    r"\blocated\b|\bincorporated\b|\borganized\b|\bresiding\b)"
)
_ROLE = re.compile(r"[“\"]([A-Z][^”\"]{0,40}?)[,.]?[”\"]")


_SUBJECT = re.compile(r"^\s*(?:re|subject)\s*:\s*(\S.*)", re.I | re.S)


def _letter_subject(paragraphs: list[str]) -> str:
    """A letter's subject line ("Re: Proposed acquisition of Tarn Ltd") when the paragraphs
    open as a letter does (a "Dear ..." follows it); "" otherwise. A letter's letterhead
    (the firm's name) is the first heading-like line, but the subject names the document."""
    for index, text in enumerate(paragraphs):
        found = _SUBJECT.match(text)
        if found and any(SALUTATION.match(p) for p in paragraphs[index + 1 : index + 4]):
            subject = " ".join(found.group(1).split())
            return subject if len(subject) <= 150 else subject[:150].rsplit(" ", 1)[0] + " ..."
    return ""


# A deed's or agreement's dating line ("DATED 14 March 2026", "THIS DEED is dated ...", "This
# Agreement is made on ..."): it names the document but is no title.
_DATING_LINE = re.compile(
    r"(?:dated\b|this\s+(?:deed|agreement|appointment|contract|undertaking)\s+is\s+(?:dated|made)\b)",
    re.IGNORECASE,
)


# Lines of a UK-style opening that are no title: a party's line ("(1) HARTLEY VALE LIMITED") and
# the headings of the opening's parts.
_NOT_TITLE = re.compile(
    r"\(\d+\)\s|(?:\d+\.?\s+)?(?:parties|background|recitals|agreed\s+terms|operative\s+provisions|"
    r"it\s+is\s+agreed|between|whereas|now\s+(?:therefore|it\s+is\s+agreed)|definitions|interpretation)\W*$",
    re.IGNORECASE,
)


def find_title(paragraphs: list[str], heading_flags: list[bool]) -> str:
    """The contract's title: a letter's subject, else the first heading-like line, preferring
    one naming the document."""
    subject = _letter_subject(paragraphs)
    if subject:
        return subject
    candidates: list[str] = []
    dating = ""
    for text, is_heading in zip(paragraphs, heading_flags, strict=False):
        line = text.strip().splitlines()[0].strip() if text.strip() else ""
        line = " ".join(line.strip("*#_ ").split())
        if _DATING_LINE.match(line):
            dating = dating or line
            continue
        if not line or len(line) > 150 or _BLANK.match(line):
            continue
        if _NOT_TITLE.match(line):
            continue
        letters = [c for c in line if c.isalpha()]
        if len(letters) < 3:
            continue
        if is_heading or line.isupper() or (len(line.split()) <= 10 and line[-1] not in ".,;:"):
            candidates.append(line)
    for line in candidates[:6]:
        if _TITLE_WORDS.search(line):
            return line
    if candidates:
        return candidates[0]
    if dating:
        return dating
    first = paragraphs[0].strip().splitlines()[0].strip() if paragraphs else ""
    return first if len(first) <= 150 else ""


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:\n\t")
    name = re.sub(r"^(?:\d[.)]|\([a-z0-9]\)|the\s+following\s*:?)\s*", "", name, flags=re.I)
    return name.strip(" ,;:")


def _party_from_chunk(chunk: str) -> str:
    """'Acme Corp. ("Acme")' from 'Acme Corp., a Delaware corporation ... ("Acme")'."""
    end = _ENTITY_END.search(chunk)
    name = _clean_name(chunk[: end.start()] if end else chunk[:80])
    if len(name) > 80:
        name = ""
    if _BLANK.match(name):
        name = ""
    role_match = None
    for m in _ROLE.finditer(chunk):
        if not _BLANK.match(m.group(1)) and m.group(1) not in ("Agreement", "Effective Date"):
            role_match = m
            break
    role = role_match.group(1).strip() if role_match else ""
    if name and role and role != name:
        return f'{name} ("{role}")'
    return name or role


def _looks_like_name(party: str) -> bool:
    """Names are mostly capitalised words ("Acme Corp.", "[Company Name]"), not prose."""
    words = [w for w in re.split(r"\s+", party.split(' ("')[0]) if w]
    if not words or party[0].islower() or len(words) > 10:
        return False
    capitalised = [w for w in words if not w[0].islower()]
    return len(capitalised) >= 0.6 * len(words)


def find_parties(preamble: str) -> tuple[str, ...]:
    """Parties named in the preamble ("between X ... and Y"), with their defined roles."""
    text = re.sub(r"\s+", " ", preamble)
    m = re.search(r"\bbetween\s*:?\s*(.{3,1500}?)(?:\.\s+(?=[A-Z])|\bWHEREAS\b|\bRECITALS?\b|$)", text)
    if not m:
        return ()
    body = m.group(1)
    # Prefer the "and" right after the first party's role "(...)", then ", and", then any.
    for separator in (r"\)\s*,?\s+and\s+", r",\s+and\s+", r"\s+and\s+"):
        chunks = re.split(separator, body, maxsplit=1)
        if len(chunks) == 2:
            break
    else:
        return ()
    first, second = chunks[0], chunks[1]
    if "(" in body[: len(first) + 2] and not first.endswith(")"):
        first += ")"
    # The second party ends where the sentence goes on ("..., each a Party").
    second = re.split(r"\b(?:each|both|collectively|together|individually)\b", second)[0]
    parties = [p for p in (_party_from_chunk(first), _party_from_chunk(second)) if _looks_like_name(p)]
    if len(parties) < 2:
        return ()
    return tuple(dict.fromkeys(parties))


def find_defined_terms(text: str) -> tuple[str, ...]:
    """Quoted capitalised terms used as definitions: ("Recipient"), "X" means, hereinafter "Y"."""
    found: dict[str, None] = {}
    for m in _QUOTED_TERM.finditer(text):
        term = m.group(1).strip().rstrip(",.")
        if term in _NOT_TERMS or len(term) < 2 or len(term) > 60:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        line_start = before.rfind("\n")
        at_line_start = line_start >= 0 or m.start() < 40
        # A sentinel keeps "^" from matching in the middle of a long line.
        before_on_line = before[line_start + 1 :] if at_line_start else "\x00" + before
        after = text[m.end() : m.end() + 30]
        if _MEANS.match(after) or _BEFORE_TERM.search(before_on_line):
            found.setdefault(term, None)
    return tuple(found)
