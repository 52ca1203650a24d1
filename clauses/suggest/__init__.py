"""Suggested wording for a missing or weak element, in the contract's own words.

A suggestion a reviewer can paste must read as part of *this* contract: it uses
the contract's defined term for the protected information and its own party
roles, the profile's thresholds in words and digits, and a number that follows
the contract's own scheme. The wording lives in ``templates/`` (one Jinja2 file
per element); this module only infers the vocabulary, renders and places it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import replace

import jinja2

from clauses.datamodel import Clause, Document, Suggestion, Vocabulary
from clauses.profiles import DEFAULT_THRESHOLDS
from clauses.resources import data_dir
from clauses.segment.labels import (
    CONFIDENTIAL_MARKING,
    CONFIDENTIALITY_HEADING,
    SIGNATURE_LINE,
    cited,
    provision_of,
)
from clauses.segment.numerals import number_words, roman_value, to_roman

__all__ = [
    "count_words",
    "next_number",
    "number_words",
    "sequence_suggestions",
    "suggest",
]

_CONF_TITLE = re.compile(
    r"^\W*(?:confidentiality|non-?disclosure|nondisclosure|confidential\s+information"
    r"|proprietary\s+information|secrecy)\b",
    re.IGNORECASE,
)
_MAX_HEADING = 80  # longer "headings" are first sentences of untitled clauses
# "7.4", "7.4.", "7.2(d)", "(d)", "d)", "12.", "Section 7.4", "Article IV".
_NUMBER = re.compile(
    r"^(?P<prefix>(?:section|clause|article|§)\s*)?(?P<body>[0-9A-Za-z.()]+?)(?P<dot>\.?)$",
    re.IGNORECASE,
)
# For a Document built by hand (tests, callers of the library) with no vocabulary:
# the generic roles read correctly in any contract.
GENERIC_VOCABULARY = Vocabulary(
    "Confidential Information",
    "each party",
    "the other party",
    True,
    False,
    "the purposes of this Agreement",
    "personal data",
)


def count_words(value: float, unit: str) -> str:
    """Words and digits with the unit, as contracts write them: "three (3) years".

    A fractional number of years is given in months ("eighteen (18) months"),
    because "one and a half (1.5) years" is not how a drafter writes it.
    """
    if unit == "year" and not float(value).is_integer():
        value, unit = round(value * 12), "month"
    amount = int(round(value))
    plural = unit if amount == 1 else f"{unit}s"
    return f"{number_words(amount)} ({amount}) {plural}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _possessive(text: str) -> str:
    return f"{text}'" if text.endswith("s") else f"{text}'s"


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One environment per process; StrictUndefined turns a template typo into an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain contract text, never HTML; the reports escape it
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(cap=_cap, poss=_possessive, count=count_words)
    return env


def _template_name(element_id: str) -> str:
    """The template file elements.toml names for the element ("<id>.j2" if it names none)."""
    from clauses.elements import elements  # validated once per process by its owner

    definition = elements().get(element_id)
    return definition.template if definition is not None and definition.template else (f"{element_id}.j2")


# ---------------------------------------------------------------- placement and numbering


# A decimal clause number below the top level, as printed: "7.2", "5.05.", "Section 5.05", "Clause 11.6".
_DECIMAL = re.compile(r"(?:(?:section|clause)\s+)?\d+(?:\.\d+)+\.?", re.IGNORECASE)


def _top(number: str) -> str:
    """The top-level component of a section number: "7" for "7.4(b)", "8" for "Article VIII".

    An article's roman numeral is given as its value, so "Article VIII" and the "Section 8.01"
    under it (SEC exhibits number this way) are one section.
    """
    match = _NUMBER.match(number.strip())
    body = match.group("body") if match else number.strip()
    top = re.split(r"[.(]", body.strip("()"), maxsplit=1)[0]
    if match and (match.group("prefix") or "").strip().lower() == "article":
        value = roman_value(top.lower())
        return str(value) if value else top
    return top


def _increment_token(token: str) -> str:
    """The next sibling of one numbering token: 4 -> 5, 05 -> 06, d -> e, iv -> v; "" if unknown.

    Zero-padded numbers keep their width ("Section 5.05" is followed by 5.06, not 5.6).
    """
    if token.isdigit():
        return str(int(token) + 1).zfill(len(token))
    lower = token.lower()
    current = roman_value(lower) if (len(lower) > 1 or lower == "i") else None
    if current:
        nxt = to_roman(current + 1)
        return nxt.upper() if token.isupper() else nxt
    if len(token) == 1 and token.isalpha() and lower != "z":
        return chr(ord(token) + 1)
    return ""


def next_number(number: str, parent: str = "") -> str:
    """The number of a new sibling after ``number`` ("7.4" -> "7.5", "(d)" under "7.2" -> "7.2(e)")."""
    text = number.strip()
    match = re.match(r"^(?P<head>.*?)(?P<open>\(?)(?P<token>[0-9]+|[A-Za-z]+)(?P<close>[.)]?)$", text)
    if not match or match.group("head").lower().strip() in {"article", "section", "clause"}:
        if match and match.group("token").isdigit():  # "Section 7" -> "Section 8"
            return f"{match.group('head')}{_increment_token(match.group('token'))}{match.group('close')}"
        return ""
    token = _increment_token(match.group("token"))
    if not token:
        return ""
    head = match.group("head")
    if not head and match.group("open") and parent:
        head = parent.rstrip(".")
    return f"{head}{match.group('open')}{token}{match.group('close')}"


def _section_run(clauses: Sequence[Clause], anchor: int) -> tuple[int, int]:
    """Indices [first, last] of the section that holds clause ``anchor``.

    The section is the anchor's top-level number plus the clauses after it that
    share it or carry no number (continuation paragraphs, lettered items).
    """
    top = _top(clauses[anchor].number) if clauses[anchor].number else ""
    first = anchor
    while top and first > 0 and clauses[first - 1].number and _top(clauses[first - 1].number) == top:
        first -= 1
    last = anchor
    for index in range(anchor + 1, len(clauses)):
        clause = clauses[index]
        if SIGNATURE_LINE.match(clause.text):
            break
        if not clause.number:
            if CONFIDENTIALITY_HEADING.search(clause.heading) or clause.heading == clauses[anchor].heading:
                last = index
                continue
            break
        if not top or _top(clause.number) != top:
            # "(a)".."(d)" items under "7.2" carry no top-level number of their own.
            if re.match(r"^\(?[a-z]{1,4}\)", clause.number):
                last = index
                continue
            break
        last = index
    return first, last


_DEFINITIONS = re.compile(r"\bdefinitions?\b|\binterpretation\b", re.IGNORECASE)
_DEFINES = re.compile(
    r'^\W*(?:[\w.()]+\s+)?[“"‘\'][^”"’\']{1,80}[”"’\']\s+(?:means|shall mean|has the meaning|includes)\b'
)


def _unsuitable(clauses: Sequence[Clause], index: int) -> bool:
    """True for a clause no new clause should follow: in a table, or in a definitions list."""
    clause = clauses[index]
    if clause.in_table or _DEFINES.match(clause.text):
        return True
    first, _ = _section_run(clauses, index)
    return bool(_DEFINITIONS.search(clause.heading) or _DEFINITIONS.search(clauses[first].heading))


def _confidentiality_anchor(clauses: Sequence[Clause], title: str = "") -> int | None:
    """The clause opening the confidentiality section.

    A heading that *is* about confidentiality ("7. Confidentiality") beats one
    that merely mentions it (a sub-clause whose first sentence serves as its
    heading); a top-level clause beats a nested one; then the larger section wins.
    The document's own title ("NON-DISCLOSURE AGREEMENT" over the preamble) names
    the whole contract, not a section: new clauses never go after the preamble.
    """
    own_title = " ".join(title.split()).casefold()
    best: tuple[tuple[int, int, int], int] | None = None
    for index, clause in enumerate(clauses):
        heading = clause.heading.strip()
        if not heading or len(heading) > _MAX_HEADING or not CONFIDENTIALITY_HEADING.search(heading):
            continue
        if CONFIDENTIAL_MARKING.match(heading):
            continue  # "PERSONAL AND CONFIDENTIAL" over a letter's address marks it; no section
        if own_title and " ".join(heading.split()).casefold() == own_title:
            continue
        if index > 0 and clauses[index - 1].heading.strip() == heading:
            continue  # a later clause of the same section, not its opening
        if _unsuitable(clauses, index):
            continue
        first, last = _section_run(clauses, index)
        rank = (
            2 if _CONF_TITLE.match(heading) else 1,
            1 if clause.level == 0 else 0,
            last - first + 1,
        )
        if best is None or rank > best[0]:
            best = (rank, index)
    return best[1] if best else None


def _place(document: Document, evidence_clause_id: str | None) -> tuple[str | None, str, str]:
    """(insert_after clause id, number, placement words) for a new clause."""
    clauses = document.clauses
    anchor = _confidentiality_anchor(clauses, document.title)
    if anchor is None and evidence_clause_id:
        anchor = next((i for i, c in enumerate(clauses) if c.id == evidence_clause_id), None)
        if anchor is not None and _unsuitable(clauses, anchor):
            anchor = None  # "exclusions" inside the definitions list, a clause in a cover-page table
    if anchor is not None:
        first, last = _section_run(clauses, anchor)
        numbered = [i for i in range(first, last + 1) if clauses[i].number]
        number = ""
        if numbered and clauses[numbered[-1]].number != clauses[first].number:
            # A new clause is a provision beside the section's last decimal clause ("7.2" -> "7.3"),
            # not one more item of a list that clause ends with ("(e)" after "7.2(d)" would read as
            # a thing the Recipient "shall not" do); lettered numbering only where there is no other.
            decimal = next(
                (n for n in (clauses[i].number.strip() for i in reversed(numbered)) if _DECIMAL.fullmatch(n)),
                "",
            )
            if decimal:
                number = next_number(decimal)
            else:
                parent = next(
                    (
                        clauses[i].number
                        for i in reversed(numbered)
                        if re.match(r"^\d+(?:\.\d+)+", clauses[i].number)
                    ),
                    "",
                )
                number = next_number(clauses[numbered[-1]].number, parent)
        # The heading named is the one of the clause the placement cites: SEC-style sections each
        # carry their own ("after Section 5.05 (Notice of Certain Events)", not the heading of
        # Section 5.01, where the run starts); a sub-clause carries its section's.
        named = last if clauses[last].number else first
        heading = clauses[named].heading or clauses[first].heading or clauses[anchor].heading
        where = clauses[named].number
        if where:
            placement = f"after {cited(where, provision_of(document))}" + (f" ({heading})" if heading else "")
        else:
            placement = f'after the "{heading}" clause' if heading else "after the related clause"
        return clauses[last].id, number, placement
    number = _next_top_level(clauses)
    if any(SIGNATURE_LINE.match(c.text) for c in clauses):
        return None, number, "before the signature block"
    return None, number, "at the end of the agreement"


def _next_top_level(clauses: Sequence[Clause]) -> str:
    """ "13." when the top-level sections run "1." .. "12."; else ""."""
    tops = [c.number.strip() for c in clauses if re.fullmatch(r"\d+\.?", c.number.strip())]
    values = [int(t.rstrip(".")) for t in tops]
    if not values or sorted(set(values)) != list(range(1, max(values) + 1)):
        return ""
    return f"{max(values) + 1}{'.' if tops[-1].endswith('.') else ''}"


def suggest(
    document: Document,
    element_id: str,
    *,
    profile_thresholds: dict,
    weak: bool,
    reason: str,
    evidence_clause_id: str | None,
    vocabulary: Vocabulary | None = None,
    doc_type: str = "",
    template_path: str | None = None,
) -> Suggestion:
    """Render the wording for ``element_id`` and say where it goes.

    ``profile_thresholds`` holds ``min_survival_years`` and ``max_notice_hours``
    (defaults 2 and 72, as in the spec). ``weak`` selects the variant that
    repairs an existing clause rather than adding a new one. ``vocabulary``
    saves reading the contract's terms again when suggesting several elements.
    ``doc_type`` ("nda", "vendor", "employment") keeps employment wording out of
    agreements between companies. ``template_path`` is the firm's own template
    for the element (a playbook's ``[wording]``), rendered with the same variables.
    """
    from clauses.suggest.style import STATUTORY_TERMS, data_protection_laws, fit_style

    vocabulary = vocabulary or document.vocabulary or GENERIC_VOCABULARY
    survival = profile_thresholds.get("min_survival_years", DEFAULT_THRESHOLDS["min_survival_years"])
    notice = profile_thresholds.get("max_notice_hours", DEFAULT_THRESHOLDS["max_notice_hours"])
    if survival is None or (isinstance(survival, float) and math.isinf(survival)):
        survival = DEFAULT_THRESHOLDS["min_survival_years"]
    if template_path is not None:
        from pathlib import Path

        template = _environment().from_string(Path(template_path).read_text(encoding="utf-8"))
    else:
        template = _environment().get_template(_template_name(element_id))
    ci = vocabulary.ci
    if element_id == "definition" and STATUTORY_TERMS.match(ci.strip()):
        ci = "Confidential Information"  # a statute defines PHI or personal data; never redefine it
    try:
        rendered = template.render(
            ci=ci,
            employment=doc_type == "employment",
            data_protection_laws=data_protection_laws(document),
            recipient=vocabulary.recipient,
            discloser=vocabulary.discloser,
            mutual=vocabulary.mutual,
            roles_defined=vocabulary.roles_defined,
            purpose=vocabulary.purpose,
            personal_data=vocabulary.personal_data,
            survival_years=survival,
            notice_hours=notice,
            weak=weak,
            reason=reason,
        )
    except jinja2.TemplateError as exc:  # the firm's own template: a one-line error, not a traceback
        if template_path is None:
            raise
        from clauses.errors import ConfigError

        raise ConfigError(f"{template_path}: cannot render the wording: {exc}") from exc
    text = fit_style(" ".join(rendered.split()), document)
    insert_after, number, placement = _place(document, evidence_clause_id)
    return Suggestion(
        element=element_id, text=text, number=number, insert_after=insert_after, placement=placement
    )


def sequence_suggestions(suggestions: Sequence[Suggestion]) -> tuple[Suggestion, ...]:
    """Give suggestions that would share one slot consecutive numbers (7.5, 7.6, ...).

    ``suggest`` places each element on its own, so two gaps in one contract
    would both be offered as "7.5"; call this once over all of an analysis'
    suggestions, in report order.
    """
    taken: dict[tuple[str | None, str], str] = {}
    out: list[Suggestion] = []
    for item in suggestions:
        key = (item.insert_after, item.number)
        if not item.number or item.kind == "edit":
            out.append(item)
            continue
        if key in taken:
            previous = taken[key]
            number = next_number(previous)
            taken[key] = number or previous
            # The placement keeps naming the original's section ("after Section 7.4"): a
            # number that exists only in another suggestion means nothing to the other side.
            out.append(replace(item, number=number))
        else:
            taken[key] = item.number
            out.append(item)
    return tuple(out)
