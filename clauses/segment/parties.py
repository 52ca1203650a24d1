"""The contract's parties and the sides they play, read once by segmentation.

A duty binds a party: "Provider shall", "the Recipient will", "you must". To
say whom, later stages need each party's name as the clauses use it, the other
words that point at it (its role, its short name, "you") and the sides it plays
(customer or vendor, discloser or recipient, employer or employee), which is
what ``--side`` names. Read from the preamble's parties ("Acme Inc.
("Provider")"), cover-page fields ("Customer: Beta LLC") and the role words the
text keeps using; nothing is invented when none are found.
"""

from __future__ import annotations

import re
from collections import Counter

from clauses.datamodel import Party
from clauses.segment.boundary import LeadingBoundary

__all__ = ["KIND_ROLES", "SHARED_ROLES", "SIDES", "find_party_roles", "kinds_of_role"]

# The sides a user may review from, and the role words that play each side.
SIDES = ("customer", "vendor", "discloser", "recipient", "employer", "employee")
KIND_ROLES = {
    "customer": ("Customer", "Client", "Buyer", "Purchaser", "Licensee", "Subscriber"),
    "vendor": ("Service Provider", "Provider", "Vendor", "Supplier", "Licensor", "Seller", "Contractor"),
    "employee": ("Employee", "Executive", "Consultant", "Contractor", "Worker"),
    "employer": ("Employer",),
    "recipient": ("Receiving Party", "Recipient"),
    "discloser": ("Disclosing Party", "Discloser"),
}
# The opposite side of each: the party whose duties a reviewer for that side wants.
OPPOSITE = {
    "customer": "vendor",
    "vendor": "customer",
    "discloser": "recipient",
    "recipient": "discloser",
    "employer": "employee",
    "employee": "employer",
}
# Roles that in most contracts mean "whichever party receives (or discloses)", not one party.
SHARED_ROLES = ("Receiving Party", "Disclosing Party", "Recipient", "Discloser")
# Longest first (the regex must try "Service Provider" before "Provider"), then by name: a set's
# order changes with each process's string hashing, and which roles a contract's parties are
# read from must not.
_ALL_ROLES = sorted(
    {role for roles in KIND_ROLES.values() for role in roles} | {"Company"}, key=lambda r: (-len(r), r)
)
_ROLE_WORD = LeadingBoundary(r"\b(" + "|".join(re.escape(r) for r in _ALL_ROLES) + r")\b")
_ROLE_USES = 3  # capitalised uses that make an undefined role word a party
_FIELD = re.compile(
    r"^\s*(?P<role>"
    + "|".join(re.escape(r) for r in _ALL_ROLES)
    + r")(?:\s+name)?\s*:\s*(?P<name>[^\n]{0,80})$",
    re.MULTILINE | re.IGNORECASE,
)
_NUMBERED_FIELD = re.compile(
    r"^\s*Party\s*(?:[12AB]|One|Two)\s*:\s*(?P<name>[^\n]{2,80})$", re.MULTILINE | re.IGNORECASE
)
_PARENTHESIS = re.compile(r"\(([^()]{1,120})\)")
_QUOTED = re.compile(r"[\"“”']([A-Z][A-Za-z0-9&.\- ]{0,40}?)[\"“”']")
_PLACEHOLDER = re.compile(r"^[\s_.…\-\[\]●•]*$|^\[.*\]$|^\{.*\}$")
_YOU_OR_WE = re.compile(r"\b(?:(your?)|we|us|our)\b")  # group 1: the reader; else the writer


def kinds_of_role(role: str) -> tuple[str, ...]:
    """The sides a role word plays ("Contractor" is a vendor and, in employment, the worker)."""
    return tuple(kind for kind, roles in KIND_ROLES.items() if role in roles)


def _split_party(entry: str) -> tuple[str, str]:
    """('Acme Corp.', 'Provider') from 'Acme Corp. ("Provider")' as segment.terms writes it."""
    match = re.match(r'^(.*?)\s*\("(.+)"\)$', entry)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    if entry in _ALL_ROLES:
        return "", entry
    return entry.strip(), ""


def _aliases_in_preamble(head: str, full_name: str) -> list[str]:
    """Every quoted term in the parenthesis right after the party's name ("Acme" or "Provider")."""
    if not full_name:
        return []
    at = head.find(full_name)
    if at < 0:
        return []
    window = head[at + len(full_name) : at + len(full_name) + 400]
    found = _PARENTHESIS.search(window)
    if not found or found.start() > 300:
        return []
    return [m.group(1).strip() for m in _QUOTED.finditer(found.group(1)) if m.group(1) != "Agreement"]


def _party(name: str, full_name: str, words: list[str]) -> Party:
    aliases = tuple(dict.fromkeys(w for w in (name, *words, full_name) if w))
    kinds = tuple(dict.fromkeys(k for word in aliases for k in kinds_of_role(word)))
    return Party(name, full_name, aliases, kinds)


def _complete_kinds(parties: list[Party], mutual: bool) -> list[Party]:
    """A two-party contract's party with no side of its own plays the opposite of the other's.

    "Acme ("Company")" facing "Beta ("Recipient")" is the discloser; facing an
    employee, the employer. In a mutual contract every party discloses and receives.
    """
    out = list(parties)
    if len(out) == 2:
        for i, j in ((0, 1), (1, 0)):
            if out[i].kinds and not out[j].kinds:
                opposite = tuple(dict.fromkeys(OPPOSITE[k] for k in out[i].kinds))
                out[j] = Party(out[j].name, out[j].full_name, out[j].aliases, opposite)
    if mutual:
        out = [
            Party(p.name, p.full_name, p.aliases, tuple(dict.fromkeys((*p.kinds, "discloser", "recipient"))))
            for p in out
        ]
    return out


def _you_and_we(text: str, parties: list[Party]) -> list[Party]:
    """Terms written to "you" by "we": "you" is the customer, "we" the provider."""
    # One pass counts both: the words are whole words (\b both sides), so no match of one can
    # overlap a match of the other and the counts are those of two separate passes, at half the cost.
    you = we = 0
    for match in _YOU_OR_WE.finditer(text.lower()):
        if match.group(1):
            you += 1
        else:
            we += 1
    out = list(parties)
    for count, kind, words in ((you, "customer", ("you", "your")), (we, "vendor", ("we", "us", "our"))):
        if count < _ROLE_USES:
            continue
        index = next((i for i, p in enumerate(out) if kind in p.kinds), None)
        if index is None:
            out.append(Party(words[0], "", words, (kind,)))
        else:
            p = out[index]
            out[index] = Party(p.name, p.full_name, tuple(dict.fromkeys((*p.aliases, *words))), p.kinds)
    return out


def find_party_roles(
    text: str, parties: tuple[str, ...], defined_terms: tuple[str, ...], mutual: bool
) -> tuple[Party, ...]:
    """The parties with their aliases and sides; ``parties`` as segment.terms found them."""
    head = text[:6000]
    found: list[Party] = []
    for entry in parties:
        full_name, role = _split_party(entry)
        words = [role, *_aliases_in_preamble(head, full_name)]
        words = [w for w in words if w and not _PLACEHOLDER.match(w)]
        name = next((w for w in words if w not in SHARED_ROLES or len(parties) == 2), "") or full_name
        if name:
            found.append(_party(name, full_name, words))
    if not found:  # cover pages ("Provider: Acme Cloud, Inc.") and templates that only use roles
        for match in _FIELD.finditer(head):
            role = next(r for r in _ALL_ROLES if r.lower() == match.group("role").lower())
            value = match.group("name").strip()
            full_name = "" if _PLACEHOLDER.match(value) or len(value) > 60 else value
            if role not in (p.name for p in found) and role not in SHARED_ROLES:
                found.append(_party(role, full_name, [role]))
    if not found:  # "Party 1: Fernhill Energy Ltd" on a mutual cover page
        for match in _NUMBERED_FIELD.finditer(head):
            value = match.group("name").strip()
            if not _PLACEHOLDER.match(value):
                found.append(_party(value, value, []))
    if not found:
        uses = Counter(_ROLE_WORD.findall(text))
        terms = set(defined_terms)
        roles = [r for r in _ALL_ROLES if (uses[r] >= _ROLE_USES or r in terms) and r not in SHARED_ROLES]
        for role in roles:
            if not any(role in p.aliases or role in p.name for p in found):
                found.append(_party(role, "", [role]))
        found = found[:2]
    found = _you_and_we(text, found)
    return tuple(_complete_kinds(found, mutual))
