"""Read the numbers that decide whether an element is weak.

Two kinds matter to the spec: how long confidentiality survives termination
(``survival``, in years) and how fast a breach must be notified (``notice``, in
hours). Contracts write both in many ways ("five (5) years", "24 months",
"perpetually", "for so long as it remains a trade secret", "within seventy-two
(72) hours", "no later than two (2) business days", "promptly"), so each form
gets one pattern here and every caller reads the same answer.

Values: survival in years, ``math.inf`` for perpetual; notice in hours, ``0.0``
for immediate wording ("promptly", "without undue delay"), ``None`` for wording
with no outer limit ("as soon as practicable", "within a reasonable time").
"""

from __future__ import annotations

import math
import re

from clauses.datamodel import Quantity
from clauses.detect.sectionrefs import cited_numbers
from clauses.elements.gate import GatedRegex, gate_text, lead_search, passes, pattern_gate, pattern_lead
from clauses.segment.numerals import ONES, TENS

# Word values, from the one table of English number words (segment/numerals.py),
# plus the article forms a drafter uses for one ("a year", "a single day").
_UNITS = {**{word: value for value, word in enumerate(ONES)}, "a": 1, "an": 1, "single": 1}
_TENS = {word: 10 * value for value, word in enumerate(TENS) if word}
_WORD = (
    rf"(?:(?:{'|'.join(w for w in TENS if w)})"
    rf"(?:[\s-](?:{'|'.join(ONES[1:10])}))?|{'|'.join(ONES)}|an?|single)"
)
# "five (5)", "5", "(5)", "five", "[five (5)]", "2.5", "72 (seventy-two)"
_NUMBER = (
    rf"(?:\[?\s*(?P<word>{_WORD})?\s*\[?\(?\s*(?P<digits>\d+(?:\.\d+)?)?\s*\)?\]?"
    rf"(?:\s*\(\s*{_WORD}\s*\))?)"
)

_DURATION = re.compile(
    rf"\b{_NUMBER}\s*(?:\]\s*)?(?:full\s+|calendar\s+|consecutive\s+)?(?P<unit>years?|months?|weeks?|days?)\b",
    re.IGNORECASE,
)
_PERPETUAL = re.compile(
    r"\b(perpetual(?:ly)?|in\s+perpetuity|indefinite(?:ly)?|without\s+limit(?:ation)?\s+(?:in|of|as\s+to)\s+time|"
    r"at\s+all\s+times\s+thereafter|for\s+(?:so|as)\s+long\s+as\s+(?:\w+\s+){0,8}(?:remains?|qualif\w+|constitutes?|is)\s+"
    r"(?:\w+\s+){0,3}(?:trade\s+secret|confidential|non-?public)|until\s+(?:\w+\s+){0,6}(?:becomes?|ceases?|enters?)\s+"
    r"(?:\w+\s+){0,3}(?:public|publicly|to\s+be\s+confidential)|no\s+(?:fixed\s+)?(?:expiration|end)\s+date|"
    r"(?:after|beyond)\s+(?:the\s+)?(?:termination|end|cessation)\s+of\s+(?:\w+\s+){0,2}employment(?!\s+for))",
    re.IGNORECASE,
)
# "until the third anniversary of the termination", "the fifth anniversary of the Effective Date":
# the ordinal is the number of years.
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<word>{'|'.join(_ORDINALS)})|(?P<digits>\d+)(?:st|nd|rd|th))\s+anniversary\s+of\b",
    re.IGNORECASE,
)
# A deadline ("delete the data within thirty days", "return it no later than ten days after
# termination") is when another duty falls due, not how long confidentiality lasts.
_DEADLINE_BEFORE = re.compile(
    r"\b(?:within|(?:no|not)\s+later\s+than|by\s+the\s+end\s+of)\s*$", re.IGNORECASE
)
_SURVIVAL_CONTEXT = re.compile(
    r"surviv|after|following|from\s+the\s+date|thereafter|beyond|subsequent|terminat|expir|continue|remain|"
    r"period\s+of|disclosure|employment",
    re.IGNORECASE,
)
_SURVIVAL_CONTEXT_LEAD = pattern_lead(_SURVIVAL_CONTEXT.pattern)
_DURATION_GATE = pattern_gate(_DURATION.pattern)
# "Customer may export its data for ninety days after termination": a window to retrieve
# data, not how long confidentiality lasts (unless the sentence speaks of confidentiality).
# So is a licence's wind-down ("may continue to use the Software for sixty days after termination").
# Not the receiver's last look at the information, from which a duty may be counted ("expire
# eighteen months after the Bidder's last access to the Data Room").
_RETRIEVAL = re.compile(
    r"\b((?<!last\s)(?<!final\s)(?<!latest\s)access|retriev\w*|export\w*|download\w*|migrat\w*|continue\s+to\s+use|wind[\s-]*down|"
    r"transition(?:al)?\s+(?:period|services|assistance))\b",
    re.IGNORECASE,
)
_CONFIDENTIALITY = re.compile(r"confiden|secre(t|cy)|non-?disclos", re.IGNORECASE)
# Other restrictive covenants ("for one year after the talks end, neither party shall solicit
# the other's staff") run for their own periods, which say nothing of how long secrecy lasts.
_OTHER_COVENANT = re.compile(
    r"\b(solicit\w*|hire|hiring|recruit\w*|entic\w*|poach\w*|non-?compet\w*|compete|competing)\b",
    re.IGNORECASE,
)
# Nor do the other surviving terms of a survival clause ("accrued payment obligations survive
# for one year", "the warranty survives for ninety days", "audit rights continue for two years").
_OTHER_TERMS = re.compile(
    r"\b(payments?|fees|invoic\w*|accrued|warrant(?:y|ies)|indemn\w*|licen[cs]es?|audit\w*|insurance|"
    r"royalt(?:y|ies)|purchase\s+orders?)\b",
    re.IGNORECASE,
)
# One survival clause often gives several sections their own periods ("Sections 4 and 7 survive for
# one year; Section 5 (Confidentiality) survives indefinitely"): the part of a sentence a period
# sits in runs between these breaks, and a part that names other sections or other terms is not
# confidentiality's when another part names confidentiality with a period of its own.
_PIECE_BREAK = re.compile(
    r",\s*(?:and|but|while|whereas)\s+|\s+and\s+(?=(?:the\s+)?(?:sections?|clauses?|articles?|paragraphs?)\s)",
    re.IGNORECASE,
)
_NAMES_OTHER = re.compile(
    r"\b(?:sections?|clauses?|articles?|paragraphs?)\s+\d|" + _OTHER_TERMS.pattern, re.IGNORECASE
)


def _piece(body: str, at: int) -> str:
    """The part of ``body`` (one sentence) around position ``at``, between _PIECE_BREAK breaks."""
    start, end = 0, len(body)
    for match in _PIECE_BREAK.finditer(body):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return body[start:end]


def _confidentiality_periods(
    found: list[tuple[Quantity, str]], confidential: frozenset[str] = frozenset()
) -> tuple[Quantity, ...]:
    """The periods of ``found`` (each with its piece) that say how long confidentiality lasts.

    A piece names confidentiality by its words or by citing a confidentiality section's number
    (``confidential``): "Sections 9 and 12 survive for two years and Section 7 survives for five".
    """

    def names_confidentiality(piece: str) -> bool:
        if _CONFIDENTIALITY.search(piece):
            return True
        return bool(confidential and cited_numbers(piece) & confidential)

    if not any(names_confidentiality(piece) for _, piece in found):
        return tuple(q for q, _ in found)
    return tuple(q for q, piece in found if names_confidentiality(piece) or not _NAMES_OTHER.search(piece))


# "two years from the Effective Date / the date hereof / the date of this Agreement / signing"
_FROM_SIGNING = re.compile(
    r"\s*(?:\)\s*)?(?:from|after|following|of)\s+(?:the\s+)?(?:effective\s+date|date\s+(?:hereof|first\s+"
    r"(?:above\s+)?written|of\s+(?:execution|signature|signing|(?:this|the)\s+(?:agreement|nda|letter|"
    r"undertaking|contract)))|execution|signing|signature)\b",
    re.IGNORECASE,
)
# "This Agreement shall remain in force for two years" is its own term; "the obligations under
# this Agreement shall continue for one year after expiry" is how long they survive.
_OWN_TERM = re.compile(
    r"(?<!\bunder\s)(?<!\bof\s)(?<!\bin\s)(?<!\bby\s)\b(this\s+agreement|the\s+term)\s+(?:shall|will)\s+(?:\w+\s+){0,3}(?:(?:remain|be)\s+in\s+(?:full\s+)?(?:force|effect)|continue|commence|expire|terminate|be\s+effective)"
    # The same in the present tense: "This Agreement expires one year from the Effective Date",
    # "This Agreement remains in effect for one year", "The term of this Agreement is one year".
    r"|(?<!\bunder\s)(?<!\bof\s)(?<!\bin\s)(?<!\bby\s)(?<!\bafter\s)(?<!\bwhen\s)(?<!\bonce\s)(?<!\buntil\s)"
    r"\bthis\s+agreement\s+(?:remains\s+in\s+(?:full\s+)?(?:force|effect)|is\s+effective|continues|commences|expires|terminates)\s+(?=(?:\w+\s+){0,3}?(?:for|on|one|two|three|four|five|\d|\(|until|upon))"
    r"|\bthe\s+term\s+of\s+this\s+agreement\s+(?:is|shall\s+be|will\s+be)\b"
    # The period in which disclosures fall under the agreement is its own term too: "this
    # Agreement governs the exchange of Information during a period of nine months, and shall
    # then end".
    r"|\bthis\s+agreement\s+(?:(?:shall|will)\s+)?(?:governs?|covers?|appl(?:y|ies)\s+to)\s+(?:the\s+|all\s+|any\s+)?"
    r"(?:communications?|disclosures?|exchanges?)\b",
    re.IGNORECASE,
)

_NOTICE_WINDOW = re.compile(
    rf"\b(?:within|no\s+later\s+than|not\s+later\s+than|no\s+more\s+than|not\s+more\s+than|in\s+any\s+event\s+within|at\s+the\s+latest\s+within|before\s+the\s+end\s+of|"
    # HIPAA's "in no case later than sixty (60) calendar days", "in no event more than 48 hours"
    rf"in\s+no\s+(?:event|case)\s+(?:later|more)\s+than|not\s+to\s+exceed|not\s+exceeding|no\s+longer\s+than|"
    rf"not\s+longer\s+than)\s+(?:the\s+|a\s+maximum\s+of\s+|a\s+period\s+(?:of|not\s+exceeding|not\s+to\s+exceed)\s+)?"
    # the unit may be joined by a hyphen: "within a 72-hour period"
    rf"{_NUMBER}[\s-]*(?P<business>business\s+|working\s+|calendar\s+)?(?P<unit>hours?|hrs?|days?|weeks?|months?)\b",
    re.IGNORECASE,
)
# "the same day", "no later than the next business day": one day, as "one (1) business day" is.
_NOTICE_DAY = re.compile(
    r"\b(?:on\s+|by\s+|within\s+)?the\s+same\s+(?:business\s+|working\s+|calendar\s+)?day|"
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?)?"
    r"(?:next|following)\s+(?:business\s+|working\s+)?day\b",
    re.IGNORECASE,
)
# Urgent wording, as the spec's "promptly" and "without undue delay" (its synonyms in US state
# breach laws and government forms: "in the most expedient time possible", "expeditiously").
_NOTICE_IMMEDIATE = re.compile(
    r"\b(immediately|promptly|forthwith|without\s+(?:any\s+)?(?:undue\s+|unreasonable\s+)?delay|at\s+once|straight\s+away|"
    r"as\s+(?:soon|quickly|rapidly|expeditiously)\s+as\s+possible|instantly|right\s+away|expeditious(?:ly)?|"
    r"in\s+the\s+most\s+expedien(?:t|tious)\s+(?:time|manner)\s+possible|"
    r"at\s+the\s+earliest\s+(?:possible\s+)?(?:opportunity|time|moment)|"
    # the adjective, as drafters give it to the notice itself: "give prompt written notice",
    # "provide immediate notification"
    r"(?:prompt|immediate)(?=\s+(?:(?:written|oral|verbal|telephone|telephonic|electronic|email|e-mail|and|or|"
    r"detailed|formal)\s+){0,3}(?:notice|notification|report)))\b",
    re.IGNORECASE,
)
_NOTICE_UNBOUNDED = re.compile(
    r"\b(as\s+soon\s+as\s+(?:reasonably\s+)?practic(?:able|al)|within\s+a\s+reasonable\s+(?:time|period)|"
    r"in\s+a\s+timely\s+(?:manner|fashion)|timely|in\s+due\s+course|when\s+(?:reasonably\s+)?practicable|"
    r"reasonable\s+(?:time|period)|from\s+time\s+to\s+time)\b",
    re.IGNORECASE,
)
# A sentence ends at a full stop, semicolon or colon, but not inside a number or clause
# reference ("Section 5.1", "164.410": the words before it are the same sentence), an
# abbreviation of capitals ("45 C.F.R. 164.410", "U.S.C.") nor an e-mail address or web domain
# ("notify security@example.com within 48 hours": a full stop with a lower-case letter right after
# it ends no sentence, and the deadline stays with its "notify"). The plain characters are taken a
# run at a time (``[^.;:]+``), not one per pass through the group: the same sentences
# (tests/test_regex_forms.py) without a branch per character of the document.
_SENTENCE = re.compile(
    r"(?:[^.;:]+|[.;:](?=\d)|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\.[A-Z])\.|(?<=\w)\.(?=[a-z]))+(?:[.;:]|$)",
    re.DOTALL,
)
# A deadline in a sentence about another duty ("return all copies within thirty days",
# "cure the breach within ten days", "certify destruction within five business days",
# "promptly pay") is not the deadline for notifying a breach, unless it speaks of notice too.
_OTHER_DUTY = re.compile(
    r"\b(return\w*|destr(?:oy|oys|oyed|uction)|delet\w*|erase|erasure|cure[sd]?|pay|payable|payment|"
    r"invoice\w*|certif\w*|deliver\w*)\b",
    re.IGNORECASE,
)
_NOTIFY = re.compile(r"\b(notif\w*|notice|inform\w*|report\w*|advis\w*|alert\w*|tell)\b", re.IGNORECASE)
# The verb a deadline belongs to. One clause often holds the notice and the follow-up duties
# ("shall promptly notify Customer and, within thirty (30) days, remediate the cause";
# "Within ten days thereafter, Supplier shall provide a written report"): the later report's or
# fix's deadline is not how fast the breach must be notified. Notifying verbs, "give notice"
# and "notice shall be given" count as notice, as does a passive "shall be given" however far from
# its "notice" ("any notice that X is required to give of ... shall be given within 72 hours");
# a report as a noun ("a written report") is no verb.
_GOVERNING_VERB = re.compile(
    r"(?P<noun>\b(?:a|an|the|written|final|detailed|incident|such|its|any|full|summary|interim|further|"
    r"complete)\s+reports?\b)|"
    r"(?P<notify>\b(?:(?:give|gives|giving|provide|provides|providing|send|sends|deliver|delivers|furnish|"
    r"furnishes|serve|serves)\s+(?:[\w'’-]+\s+){0,5}?(?:notice|notification)|(?:notice|notification)\s+"
    r"(?:[\w'’,-]+\s+){0,4}?(?:be\s+)?(?:given|provided|delivered|sent|made|served)|(?:shall|will|must)\s+be\s+"
    r"(?:given|served)|notif(?:y|ies|ied|ying)|"
    r"inform(?:s|ed|ing)?|advis(?:e|es|ed|ing)|alert(?:s|ed|ing)?|tell|report(?:s|ed|ing)?)\b)|"
    r"(?P<other>\b(?:provide|provides|deliver|delivers|furnish|furnishes|submit|submits|send|sends|give|gives|"
    r"remediate|remediates|investigate|investigates|cooperate|co-operate|take|takes|restore|restores|respond|"
    r"responds|resolve|resolves|complete|completes|review|reviews|update|updates|implement|implements|"
    r"mitigate|mitigates|correct|corrects|cure|cures|repair|repairs|pay|pays|return|returns|destroy|destroys|"
    r"delete|deletes|erase|erases|certify|certifies|assist|assists|perform|performs|conduct|conducts|answer|"
    r"answers|fix|fixes|patch|patches)\b)",
    re.IGNORECASE,
)
# A deadline that opens its clause ("shall, within thirty days, remediate"; "(c) within five
# business days provide"; "shall promptly notify") belongs to the verb after it; one that
# follows its verb ("notify Customer within 48 hours") to the verb before it.
_FRONTED = re.compile(
    r"(?:^|[,;(]|\)|\b(?:shall|will|must|and|then|or|to|thereafter))\s*,?\s*$", re.IGNORECASE
)
_COORDINATED = re.compile(r"^[\w\s'’-]{0,40}?\b(?:and|or|and/or)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# A deadline set off by commas right after its verb's object ("shall report to the Discloser in
# writing, within 24 hours after discovery, any unauthorised access ... and shall take steps") is
# an aside of that verb, not the opening of the next duty: between the verb and the deadline no
# "and", "or" or "then" starts another duty, and a comma closes the aside before any verb.
_ASIDE_BEFORE = re.compile(r"^[^,;:]{0,80},\s*$")
_ASIDE_JOINS = re.compile(r"\b(?:and|or|then|and/or)\b", re.IGNORECASE)
_ASIDE_AFTER = re.compile(r"[^,;:.]{0,60},")


# The patterns read in every sentence of a survival or notice clause, tested first for their words
# (gate.GatedRegex): most sentences hold none of them.
_GATED_RETRIEVAL = GatedRegex(_RETRIEVAL)
_GATED_OTHER_COVENANT = GatedRegex(_OTHER_COVENANT)
_GATED_OTHER_TERMS = GatedRegex(_OTHER_TERMS)
_GATED_CONFIDENTIALITY = GatedRegex(_CONFIDENTIALITY)
_GATED_OWN_TERM = GatedRegex(_OWN_TERM)
_GATED_PERPETUAL = GatedRegex(_PERPETUAL)
_GATED_ANNIVERSARY = GatedRegex(_ANNIVERSARY)
_GATED_OTHER_DUTY = GatedRegex(_OTHER_DUTY)
_GATED_NOTIFY = GatedRegex(_NOTIFY)
_GATED_NOTICE_WINDOW = GatedRegex(_NOTICE_WINDOW)
_GATED_NOTICE_DAY = GatedRegex(_NOTICE_DAY)
_GATED_NOTICE_IMMEDIATE = GatedRegex(_NOTICE_IMMEDIATE)
_GATED_NOTICE_UNBOUNDED = GatedRegex(_NOTICE_UNBOUNDED)


def number_value(word: str | None, digits: str | None) -> float | None:
    """Turn "five", "twenty-four", "5" or "2.5" into a number; digits win over words."""
    if digits:
        return float(digits)
    if not word:
        return None
    parts = re.split(r"[\s-]+", word.lower())
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0))
    return float(_UNITS[parts[0]]) if parts[0] in _UNITS else None


def _years(value: float, unit: str) -> float:
    unit = unit.lower().rstrip("s")
    return {"year": value, "month": value / 12, "week": value / 52, "day": value / 365}[unit]


def _hours(value: float, unit: str) -> float:
    unit = unit.lower().rstrip("s")
    return {"hour": value, "hr": value, "day": value * 24, "week": value * 168, "month": value * 720}[unit]


def _period(
    body: str,
    base: int,
    value: float,
    words: str,
    at: int,
    length: int,
    anchor: re.Match[str] | None = None,
    lead: int = 0,
) -> tuple[Quantity, str]:
    """A survival period matched at ``at`` in the sentence ``body`` (which starts at ``base`` in
    the caller's text), with the piece of the sentence around ``at``; its words start ``lead``
    characters into the match (after its leading space) and run ``length`` characters.
    ``anchor``: its "from the Effective Date", matched in ``body``."""
    anchor_end = None if anchor is None else base + anchor.end()
    start = base + at + lead
    quantity = Quantity("survival", value, words, start, start + length, signing_anchor_end=anchor_end)
    return quantity, _piece(body, at)


def survival_periods(
    text: str, offset: int = 0, confidential: frozenset[str] = frozenset()
) -> tuple[Quantity, ...]:
    """Durations that say how long confidentiality lasts, one per mention.

    A duration counts only in a sentence that speaks of survival, of time after
    termination or disclosure, or of a continuing duty; "this Agreement shall
    remain in force for two years" is the agreement's own term and is skipped, as
    are a window to access or export data after termination and the period of a
    non-solicitation or non-compete covenant, and a deadline for another duty ("delete the
    data within thirty days"). "Until the third anniversary of termination" is three years.
    A period counted from the Effective
    Date or signing is marked ``from_signing`` (``signing_anchor_end``): the duty survives
    termination for less. ``confidential``: the numbers of the confidentiality sections, which a
    survival clause may cite instead of naming confidentiality (_confidentiality_periods).
    """
    found: list[tuple[Quantity, str]] = []  # each period with the part of its sentence
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group()
        lowered = gate_text(body)
        if lead_search(_SURVIVAL_CONTEXT, _SURVIVAL_CONTEXT_LEAD, body, lowered) is None:
            continue
        other = (
            _GATED_RETRIEVAL.search(body, lowered)
            or _GATED_OTHER_COVENANT.search(body, lowered)
            or _GATED_OTHER_TERMS.search(body, lowered)
        )
        if other and not _GATED_CONFIDENTIALITY.search(body, lowered):
            continue
        own_term = _GATED_OWN_TERM.search(body, lowered)
        base = offset + sentence.start()  # where the sentence starts in the caller's text
        for match in _GATED_PERPETUAL.finditer(body, lowered):
            found.append(
                _period(body, base, math.inf, match.group().strip(), match.start(), len(match.group()))
            )
        # A duration names its unit: a sentence without "day", "week", "month" or "year" has none.
        durations = _DURATION.finditer(body) if passes(_DURATION_GATE, lowered) else ()
        for match in durations:
            value = number_value(match.group("word"), match.group("digits"))
            if value is None or value == 0:
                continue
            tail = body[match.end() : match.end() + 80].lower()
            head = body[max(0, match.start() - 60) : match.start()].lower()
            if own_term and own_term.start() < match.start():
                between = body[own_term.end() : match.start()]
                if not re.search(r"[,;]|\band\b|\bbut\b|\bprovided\b", between):
                    continue  # "this Agreement shall remain in force for one year": its own term
                if not re.search(r"surviv|after|following|thereafter|from\s+the\s+date", tail + head):
                    continue
            if re.match(r"\s*(?:'s|’s|'|’)?\s*(?:prior\s+|advance\s+)?(?:writ-?\s?ten\s+)?notice", tail):
                # "thirty days' (advance) notice" is a notice period, not a survival; "writ-ten" is
                # a PDF's line-end hyphen
                continue
            if _DEADLINE_BEFORE.search(head):
                continue  # "within thirty (30) days": another duty's deadline
            words = match.group()
            lead = len(words) - len(words.lstrip())
            years = round(_years(value, match.group("unit")), 4)
            anchor = _FROM_SIGNING.match(body, match.end())
            found.append(
                _period(body, base, years, words.strip(), match.start(), len(words.strip()), anchor, lead)
            )
        for match in _GATED_ANNIVERSARY.finditer(body, lowered):
            value, words, anchor = _anniversary(body, match)
            found.append(_period(body, base, value, words, match.start(), len(words), anchor))
    return _confidentiality_periods(found, confidential)


# A defined term for how long confidentiality lasts ("the Confidentiality Period", "the Term of
# Confidentiality", "the Non-Disclosure Period"), which a survival clause may name instead of a period.
_PERIOD_TERM = re.compile(
    r"\b(?:(?:[A-Z][\w-]*\s+){1,3}(?:Period|Term)|(?:Term|Period)\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\b"
)
_PERIOD_TOPIC = re.compile(r"confiden|disclos|secre|surviv|protect", re.IGNORECASE)
_DEFINES = re.compile(
    r"\s*[\"”’']?\s*\)?\s*,?\s*(?:shall\s+|will\s+)?(?:mean|means|refers?\s+to|is\s+defined\s+as)\b"
)


def defined_periods(evidence: str, document: str) -> tuple[Quantity, ...]:
    """The survival periods of the defined term ``evidence`` names for how long confidentiality
    lasts, read from the sentence of ``document`` that defines it (offsets into ``document``).

    "Section 2 survives until the end of the Confidentiality Period" states no period; the
    definitions clause ("'Confidentiality Period' means the term and two years thereafter")
    does. Only a term about confidentiality or survival counts (not "the Initial Term").
    """
    for term in dict.fromkeys(m.group() for m in _PERIOD_TERM.finditer(evidence)):
        term = re.sub(r"^(?:The|This|Such|Any|Each)\s+", "", term)
        if not _PERIOD_TOPIC.search(term):
            continue
        for quoted in re.finditer(r"[\"“]\s*" + re.escape(term) + r"\b", document):
            if not _DEFINES.match(document, quoted.end()):
                continue
            for sentence in _SENTENCE.finditer(document, max(0, quoted.start() - 200), quoted.end() + 400):
                if sentence.start() <= quoted.start() < sentence.end():
                    found = survival_periods(sentence.group(), sentence.start())
                    if found:
                        return found
    return ()


def _verbs(body: str) -> list[tuple[int, int, bool]]:
    """The verbs of a sentence a deadline may belong to: (start, end, whether it notifies)."""
    return [
        (m.start(), m.end(), m.lastgroup == "notify")
        for m in _GOVERNING_VERB.finditer(body)
        if m.lastgroup != "noun"
    ]


def _governs_notice(body: str, verbs: list[tuple[int, int, bool]], start: int, end: int) -> bool:
    """Whether the deadline at ``body[start:end]`` belongs to a duty to notify (``verbs``: _verbs(body)).

    Its verb is the one after it when it opens its clause, else the one before it (the
    other side when there is none); a verb joined to a notifying verb by "and"/"or"
    ("promptly investigate and notify") shares its deadline. A sentence with no verb
    known either way keeps its deadline, as before.
    """
    if not verbs:
        return True
    before = [i for i, v in enumerate(verbs) if v[1] <= start]
    after = [i for i, v in enumerate(verbs) if v[0] >= end]
    fronted = _FRONTED.search(body[:start]) is not None
    if fronted and before and _aside_of_verb_before(body, verbs[before[-1]][1], start, end):
        fronted = False
    if fronted:
        chosen = after[0] if after else (before[-1] if before else None)
    else:
        chosen = before[-1] if before else (after[0] if after else None)
    if chosen is None:
        return True
    if verbs[chosen][2]:
        return True
    neighbours = [n for n in (chosen - 1, chosen + 1) if 0 <= n < len(verbs) and verbs[n][2]]
    for n in neighbours:
        left, right = sorted((verbs[n], verbs[chosen]))
        if _COORDINATED.match(body[left[1] : right[0]]):
            return True
    return False


def _aside_of_verb_before(body: str, verb_end: int, start: int, end: int) -> bool:
    """Whether the deadline at ``body[start:end]`` is set off by commas as an aside of the verb
    ending at ``verb_end``: no other duty joined between them, and the aside closed by a comma
    before any verb (_ASIDE_BEFORE, _ASIDE_JOINS, _ASIDE_AFTER)."""
    between = body[verb_end:start]
    if _ASIDE_BEFORE.match(between) is None or _ASIDE_JOINS.search(between):
        return False
    closing = _ASIDE_AFTER.match(body, end)
    return closing is not None and not _verbs(closing.group())


# The agreement itself ends a fixed time after its date: "This Agreement will, save as stated in
# clause 3, cease to have effect thirty months after signature", "This Agreement shall expire
# three (3) years from the Effective Date", "This Agreement will remain in effect for two years".
# The agreement may carry its duties along in an aside: "This Agreement, and all of the obligations
# of the parties hereunder, shall terminate ...".
_AGREEMENT_ENDS = re.compile(
    r"\bthis\s+(?:agreement|nda|letter\s+agreement)(?:\s*,\s*(?:and|together\s+with|including)\s+[^,.;]{1,80}?,)?"
    r"\s+(?:shall|will)[\s,]+(?:[\w,]+\s+){0,8}?"
    r"(?:expire|terminate|end|cease\s+to\s+(?:be\s+(?:effective|in\s+effect|in\s+force)|have\s+effect)|"
    r"(?:remain|continue)\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?\s+for)\b",
    re.IGNORECASE,
)
_AGREEMENT_ENDS_LEAD = pattern_lead(_AGREEMENT_ENDS.pattern)  # "this": tried only where it occurs
# The duties outlast the agreement itself: its own end does not end them ("survive any termination
# or expiration of this Agreement", "survive the expiration hereof", "Sections 2 and 5 survive any
# expiry or termination", "shall continue thereafter"). Not the end of something else ("survive
# the end of the discussions"), after which the agreement may still end them.
_ENDING = r"(?:termination|expiration|expiry|end|cessation)"
_NOT_OF_ANOTHER = (
    r"(?!\s+of\s+(?:the\s+|any\s+|such\s+|your\s+|its\s+)?(?!this\b|the\s+(?:agreement|nda)\b)[\w-]+)"
)
SURVIVES_AGREEMENT = re.compile(
    rf"\b(?:surviv\w*|(?:after|following|beyond|notwithstanding)(?:\s+the\s+date\s+of)?)\s+(?:any\s+|the\s+|such\s+)?"
    rf"{_ENDING}(?:\s+(?:or|and|and/or)\s+(?:any\s+|the\s+)?{_ENDING})?"
    rf"(?:\s+(?:hereof|of\s+(?:this|the)\s+(?:agreement|nda)\b)|{_NOT_OF_ANOTHER})|"
    r"\bcontinu\w*\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+)?thereafter\b|\bat\s+all\s+times\s+thereafter\b",
    re.IGNORECASE,
)


def agreement_term(text: str, offset: int = 0) -> Quantity | None:
    """How long the agreement itself lasts from its date, when a sentence fixes it (else None).

    Duties that survive only the end of the discussions ("remains bound after returning the
    materials") end with the agreement: a fixed term counted from signing caps them, as a
    survival period counted from signing does.
    """
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group()
        ends = lead_search(_AGREEMENT_ENDS, _AGREEMENT_ENDS_LEAD, body, gate_text(body))
        if ends is None:
            continue
        match = _DURATION.search(body, ends.end(), ends.end() + 60)
        if match is None:
            # "shall terminate on the second anniversary of the date hereof": the ordinal is the years.
            anniversary = _ANNIVERSARY.search(body, ends.end(), ends.end() + 100)
            term = _anniversary_term(body, anniversary, offset + sentence.start()) if anniversary else None
            if term is not None:
                return term
            continue
        value = number_value(match.group("word"), match.group("digits"))
        if not value:
            continue
        words = match.group().strip()
        start = offset + sentence.start() + match.start() + (len(match.group()) - len(match.group().lstrip()))
        # Counted from signing whether or not its words say so ("remain in effect for two years"):
        # the anchor ends where they do, else with the period.
        anchor = _FROM_SIGNING.match(body, match.end())
        return Quantity(
            "survival",
            round(_years(value, match.group("unit")), 4),
            words,
            start,
            start + len(words),
            signing_anchor_end=offset + sentence.start() + (anchor.end() if anchor else match.end()),
        )
    return None


def _anniversary(body: str, match: re.Match[str]) -> tuple[float, str, re.Match[str] | None]:
    """The years, the words and the anchor of an anniversary (``match``: _ANNIVERSARY): in
    "until the third anniversary of the Effective Date", 3, "until the third anniversary", and
    "of the Effective Date" as the anchor."""
    if match.group("digits"):
        value = float(match.group("digits"))
    else:
        value = float(_ORDINALS.index(match.group("word").lower()) + 1)
    words = match.group()[: -len("of")].strip()
    return value, words, _FROM_SIGNING.match(body, match.end() - len("of") - 1)


def _anniversary_term(body: str, match: re.Match[str], base: int) -> Quantity | None:
    """The agreement's term when it ends on an anniversary of its date (``match``: _ANNIVERSARY);
    None when the anniversary is of something else (of termination, of a delivery)."""
    value, words, anchor = _anniversary(body, match)
    if anchor is None:
        return None
    start = base + match.start()
    return Quantity(
        "survival", value, words, start, start + len(words), signing_anchor_end=base + anchor.end()
    )


def notice_windows(text: str, offset: int = 0) -> tuple[Quantity, ...]:
    """Deadlines for notifying a breach, one per wording found.

    Numeric limits ("within 72 hours"), immediate wording (value 0) and
    open-ended wording (value None) are all returned; the judge decides, since
    "without undue delay and in any event within 72 hours" holds two of them.
    A sentence about another duty (return, destruction, cure, payment) that says
    nothing of notice is skipped: its deadline is not the breach notice's; so is a
    deadline whose verb is another duty's (``_governs_notice``: "and, within thirty
    days, remediate the cause", "provide a written report within ten days").
    """
    found: list[Quantity] = []
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group()
        lowered = gate_text(body)
        if _GATED_OTHER_DUTY.search(body, lowered) and not _GATED_NOTIFY.search(body, lowered):
            continue
        # Every deadline wording of the sentence, with its hours (None: no outer limit), then
        # the sentence's verbs read once for all of them.
        deadlines: list[tuple[re.Match[str], float | None, str]] = []
        for match in _GATED_NOTICE_WINDOW.finditer(body, lowered):
            value = number_value(match.group("word"), match.group("digits"))
            if value is not None:
                deadlines.append((match, _hours(value, match.group("unit")), match.group().strip()))
        deadlines += [(m, 24.0, m.group().strip()) for m in _GATED_NOTICE_DAY.finditer(body, lowered)]
        deadlines += [(m, 0.0, m.group()) for m in _GATED_NOTICE_IMMEDIATE.finditer(body, lowered)]
        deadlines += [(m, None, m.group()) for m in _GATED_NOTICE_UNBOUNDED.finditer(body, lowered)]
        if not deadlines:
            continue
        verbs = _verbs(body)
        at = offset + sentence.start()
        found += [
            Quantity("notice", hours, words, at + match.start(), at + match.end())
            for match, hours, words in deadlines
            if _governs_notice(body, verbs, match.start(), match.end())
        ]
    return tuple(sorted(found, key=lambda q: q.start))


def effective_notice_hours(quantities: tuple[Quantity, ...]) -> tuple[float | None, str]:
    """The binding notice deadline: a numeric limit wins, then immediate wording.

    Returns ``(hours, words)``; hours is None when nothing sets an outer limit.
    """
    numeric = [q for q in quantities if q.value is not None and q.value > 0]
    if numeric:
        best = min(numeric, key=lambda q: q.value or 0.0)
        return best.value, best.text
    immediate = [q for q in quantities if q.value == 0.0]
    if immediate:
        return 0.0, immediate[0].text
    unbounded = [q for q in quantities if q.value is None]
    return None, unbounded[0].text if unbounded else ""


def describe_years(years: float) -> str:
    """Words a reviewer reads: "1 year", "18 months", "perpetual"."""
    if math.isinf(years):
        return "perpetual"
    if years < 1 and round(years * 12) >= 1:
        months = round(years * 12)
        return f"{months} month{'s' if months != 1 else ''}"
    if abs(years - round(years)) > 1e-6 and abs(years * 12 - round(years * 12)) < 1e-6:
        return f"{round(years * 12)} months"
    whole = round(years, 2)
    shown = int(whole) if whole == int(whole) else whole
    return f"{shown} year{'s' if whole != 1 else ''}"
