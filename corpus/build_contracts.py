"""Assemble whole contracts from the labelled corpus clauses, with document-level labels.

The clause corpus trains and cross-validates the classifier one paragraph at a
time; nothing in it exercises the whole pipeline (parse -> segment -> detect ->
judge) on a document. This script stitches corpus clauses into plain-text
contracts (title, parties, recitals, numbered sections, signatures) and derives
each contract's labels from the clauses it placed, so ``clauses.evaluate`` can
score the pipeline end to end. The clauses are in-sample for the shipped model:
the figures test the plumbing, not generalisation.

Deterministic: the corpus is read in sorted order, every choice comes from one
seeded ``random.Random``, and the files are written with "\\n" line ends, so the
same corpus gives the same bytes (a test rebuilds and compares).

Run from the repository root: ``python corpus/build_contracts.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from a checkout, not an installed package
    sys.path.insert(0, str(REPO))

from clauses.detect.train import CorpusClause, load_corpus  # noqa: E402
from clauses.elements import element_ids  # noqa: E402

SEED = 20261122
CONTRACTS_PER_TYPE = {"nda": 17, "vendor": 17, "employment": 16}
MIN_CHARS = 1_500
MAX_CHARS = 20_000
WEAK_SHARE = 0.15  # share of included elements drawn from clauses labelled weak for them
SECOND_CLAUSE_SHARE = 0.2  # chance an included element gets a second carrying clause
HARD_NEGATIVE_SHARE = 0.15  # share of filler taken from the near-miss negatives
FREE_DRAW_SHARE = 0.25  # contracts whose element count is drawn from zero upwards

# A leading number or article label, then optionally a heading ending in ". ", ": " or a dash:
# "12. SURVIVAL. ", "Section 9.4 - ", "Clause 14 — Return of Information. ", "4. Heading. 4.1 ".
_LEADING_NUMBER = re.compile(
    r"^(?:(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause)\s+(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*)"
    r"|\d{1,2}(?:\.\d{1,3})*)\.?(?:\s*[-\u2013\u2014:])?\s+"
)
_LEADING_HEADING = re.compile(
    r"^([A-Z][^.:;!?\u2013\u2014]{0,70}?)(?:[.:]|\s[-\u2013\u2014])\s+(?=[A-Z\"“(0-9])"
)
_DEFINED_TERM = re.compile(r"^[\"“][A-Z][^\"”]{0,60}[\"”]\s+(?:means|shall mean|has the meaning)")
# UK plain drafting defines terms with a colon: "Business Day: Monday to Friday ...".
_COLON_TERM = re.compile(r"^[A-Z][\w ]{0,40}:\s")
_SENTENCE = re.compile(r"[.;:)\"”]$")
MIN_FILLER_WORDS = 8


@dataclass(frozen=True)
class ContractType:
    """What a type of contract is called and how its sections run."""

    name: str
    titles: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]  # (discloser-side role, receiver-side role) pairs
    subjects: tuple[str, ...]
    sections: tuple[str, ...]  # heading order; sections left empty are dropped


NDA = ContractType(
    "nda",
    ("MUTUAL NON-DISCLOSURE AGREEMENT", "NON-DISCLOSURE AGREEMENT", "CONFIDENTIALITY AGREEMENT"),
    (("Disclosing Party", "Receiving Party"), ("Discloser", "Recipient"), ("Company", "Counterparty")),
    (
        "a possible joint venture in cold-chain logistics",
        "a proposed acquisition of a minority shareholding",
        "a pilot of route-planning software",
        "a licence of agricultural sensor designs",
        "a co-marketing arrangement for consumer audio products",
    ),
    (
        "Definitions",
        "Purpose",
        "Confidentiality Obligations",
        "Exceptions",
        "Security and Incidents",
        "Return of Information",
        "Data Protection",
        "Audit and Records",
        "Remedies",
        "Term and Termination",
        "Intellectual Property",
        "Warranties and Liability",
        "General",
    ),
)
VENDOR = ContractType(
    "vendor",
    (
        "MASTER SERVICES AGREEMENT",
        "SOFTWARE AS A SERVICE AGREEMENT",
        "DATA PROCESSING ADDENDUM",
        "SUPPLY AGREEMENT",
        "OUTSOURCING SERVICES AGREEMENT",
    ),
    (("Customer", "Supplier"), ("Customer", "Provider"), ("Client", "Vendor")),
    (
        "managed payroll services",
        "a hosted document management platform",
        "the supply of replacement parts for industrial pumps",
        "customer contact centre services",
        "cloud hosting and support for a booking system",
    ),
    (
        "Definitions",
        "Services",
        "Fees and Payment",
        "Confidentiality",
        "Exceptions",
        "Security and Incidents",
        "Return of Information",
        "Data Protection",
        "Audit and Records",
        "Intellectual Property",
        "Warranties and Liability",
        "Remedies",
        "Term and Termination",
        "General",
    ),
)
EMPLOYMENT = ContractType(
    "employment",
    ("EMPLOYMENT AGREEMENT", "CONSULTANT AGREEMENT", "SERVICE AGREEMENT", "INDEPENDENT CONTRACTOR AGREEMENT"),
    (("Company", "Employee"), ("Company", "Consultant"), ("Employer", "Executive")),
    (
        "the position of Head of Analytics",
        "consulting on warehouse layout",
        "the role of Senior Software Engineer",
        "interim finance director services",
        "the position of Regional Sales Manager",
    ),
    (
        "Definitions",
        "Appointment and Duties",
        "Remuneration and Benefits",
        "Confidential Information",
        "Exceptions",
        "Security and Incidents",
        "Return of Property",
        "Data Protection",
        "Audit and Records",
        "Intellectual Property",
        "Remedies",
        "Termination",
        "General",
    ),
)
TYPES = {t.name: t for t in (NDA, VENDOR, EMPLOYMENT)}

# Where a clause carrying an element is placed (by the first element it carries, in id order).
ELEMENT_SECTION = {
    "definition": "Definitions",
    "third_party": "Confidentiality Obligations",
    "personnel": "Confidentiality Obligations",
    "safeguards": "Security and Incidents",
    "use_limitation": "Confidentiality Obligations",
    "breach_notice": "Security and Incidents",
    "exclusions": "Exceptions",
    "compelled_disclosure": "Exceptions",
    "return_destruction": "Return of Information",
    "data_protection": "Data Protection",
    "audit": "Audit and Records",
    "remedies": "Remedies",
    "post_termination": "Term and Termination",
}
# The confidentiality section and a few others go by another name in some contract types.
SECTION_ALIASES = {
    "vendor": {"Confidentiality Obligations": "Confidentiality"},
    "employment": {
        "Confidentiality Obligations": "Confidential Information",
        "Return of Information": "Return of Property",
        "Term and Termination": "Termination",
    },
}

# Filler topics: the first whose keywords a negative clause contains decides its section.
TOPIC_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "General",
        (
            "governing law",
            "jurisdiction",
            "notices",
            "assign",
            "counterpart",
            "entire agreement",
            "waiver",
            "severab",
            "force majeure",
            "amendment",
            "arbitration",
        ),
    ),
    ("Remuneration and Benefits", ("salary", "bonus", "pension", "holiday", "sick", "vacation", "benefit")),
    ("Fees and Payment", ("fee", "invoice", "payment", "price", "charges", " vat", "tax", "expense")),
    (
        "Intellectual Property",
        ("intellectual property", "invention", "copyright", "patent", "licen", "work product"),
    ),
    ("Warranties and Liability", ("warrant", "liab", "indemn", "insurance", "as is")),
    ("Term and Termination", ("terminat", "expir", "renewal", "exit", "notice period", "resign", "term.")),
    ("Services", ("service", "deliver", "support", "perform", "specification", "product")),
    ("Appointment and Duties", ("duties", "hours", "report to", "position", "employment", "place of work")),
)
TOPIC_FOR_TYPE = {
    "nda": {
        "Fees and Payment": "General",
        "Services": "Purpose",
        "Remuneration and Benefits": "General",
        "Appointment and Duties": "General",
    },
    "vendor": {"Remuneration and Benefits": "Fees and Payment", "Appointment and Duties": "Services"},
    "employment": {
        "Fees and Payment": "Remuneration and Benefits",
        "Services": "Appointment and Duties",
        "Term and Termination": "Termination",
        "Warranties and Liability": "General",
    },
}

COMPANIES = (
    "Alderbank Logistics Ltd",
    "Brightwater Analytics Inc.",
    "Copperfield Foods LLC",
    "Dunmore Systems plc",
    "Eastgate Robotics Limited",
    "Fernhill Medical Devices, Inc.",
    "Greystone Capital Partners LLP",
    "Hollowmere Software Ltd",
    "Ironbridge Components Corp.",
    "Juniper Vale Health Ltd",
    "Kestrel Point Energy LLC",
    "Larkspur Retail Group Limited",
    "Millbrook Pharma Inc.",
    "Northcote Data Services Ltd",
    "Oakhaven Insurance Brokers Limited",
    "Pinecrest Audio, Inc.",
    "Quarry Lane Engineering Ltd",
    "Redwater Payments Corp.",
    "Saltmarsh Farming Co-operative Limited",
    "Thornbury Learning Inc.",
    "Upland Freight LLC",
    "Vantage Moor Consulting Ltd",
)
PEOPLE = (
    "Amelia Hartwell",
    "Benedict Osei",
    "Carmen Delgado",
    "Dmitri Volkov",
    "Eleanor Fairbairn",
    "Farid Haddad",
    "Grace Okonkwo",
    "Hugo Lindqvist",
    "Isla McBride",
    "Jonah Whitaker",
    "Keiko Tanaka",
    "Liam O'Sullivan",
    "Maya Srinivasan",
    "Nathaniel Brooks",
)
PLACES = {
    "US": ("a Delaware corporation", "a New York limited liability company", "a California corporation"),
    "UK": (
        "a company registered in England and Wales",
        "a company incorporated in Scotland",
        "a private limited company registered in England and Wales",
    ),
}
MONTHS = "January February March April May June July August September October November December".split()


@dataclass
class Placed:
    """A corpus clause as it will appear, with the section it goes in."""

    clause: CorpusClause
    text: str
    section: str


@dataclass(frozen=True)
class Pools:
    """Corpus clauses sorted by what they can fill, read once for all contracts."""

    positives: dict[str, list[CorpusClause]]
    negatives: list[CorpusClause]  # general negatives: fees, terms, boilerplate
    hard: list[CorpusClause]  # near misses: survival of other sections, audits of expenses

    @classmethod
    def from_corpus(cls, clauses: list[CorpusClause], ids: tuple[str, ...]) -> Pools:
        fit = [c for c in clauses if usable(strip_leading_label(c.text))]
        return cls(
            {e: [c for c in fit if e in c.elements] for e in ids},
            [c for c in fit if _filler(c) and c.source.startswith("neg_general")],
            [c for c in fit if _filler(c) and c.source == "hard_negatives.jsonl"],
        )


@dataclass
class Contract:
    stem: str
    text: str
    kind: str
    labels: list[dict] = field(default_factory=list)


def strip_leading_label(text: str) -> str:
    """Drop the number (and a heading right after it) a corpus clause carries, so ours replaces it."""
    text = text.strip()
    while True:
        m = _LEADING_NUMBER.match(text)
        if not m:
            return text
        text = text[m.end() :]
        heading = _LEADING_HEADING.match(text)
        if heading and len(heading.group(1).split()) <= 8:
            text = text[heading.end() :]


def usable(text: str) -> bool:
    """A clause that can stand as a numbered paragraph on its own.

    Sub-items ("(ii) was in the lawful possession ...") start lower-case or with a
    bracket once unnumbered; signature lines would sit oddly mid-contract.
    """
    return bool(text) and (text[0].isupper() or text[0] in '"“') and "___" not in text


def _filler(clause: CorpusClause) -> bool:
    """A negative that reads as an operative clause, not a cover-page caption or party name."""
    text = strip_leading_label(clause.text)
    return not clause.elements and len(text.split()) >= MIN_FILLER_WORDS and bool(_SENTENCE.search(text))


def negative_topic(text: str, kind: str) -> str:
    if _DEFINED_TERM.match(text):
        return "Definitions"
    low = text.lower()
    for topic, words in TOPIC_KEYWORDS:
        if any(w in low for w in words):
            return TOPIC_FOR_TYPE[kind].get(topic, topic)
    if _COLON_TERM.match(text):
        return "Definitions"
    return "General"


def element_section(clause: CorpusClause, kind: str, order: tuple[str, ...]) -> str:
    first = next(e for e in order if e in clause.elements)
    section = ELEMENT_SECTION[first]
    return SECTION_ALIASES.get(kind, {}).get(section, section)


def preferred(
    pool: list[CorpusClause], style: tuple[str, str, str, str], rng: random.Random, used: set[str]
) -> CorpusClause | None:
    """A random unused clause, preferring ones written in the contract's own style.

    Tries type+jurisdiction+register+direction, then drops the last tag at a time, then any.
    """
    free = [c for c in pool if c.id not in used]
    for depth in (4, 3, 2, 1, 0):
        matching = [c for c in free if tuple(c.style[:depth]) == style[:depth]]
        if matching:
            return rng.choice(matching)
    return None


def _preamble(kind: ContractType, title: str, style: tuple[str, ...], rng: random.Random) -> list[str]:
    jurisdiction = style[1]
    discloser, receiver = rng.choice(kind.roles)
    first, second = rng.sample(COMPANIES, 2)
    if kind.name == "employment":
        second = rng.choice(PEOPLE)
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2025)}"
    place = rng.choice(PLACES[jurisdiction])
    subject = rng.choice(kind.subjects)
    second_desc = (
        f"{second}, an individual"
        if kind.name == "employment"
        else (f"{second}, {rng.choice(PLACES[jurisdiction])}")
    )
    title_case = title.title().replace("As A", "as a")
    preamble = (
        f'This {title_case} (the "Agreement") is made on {date} (the "Effective Date") between '
        f'{first}, {place} (the "{discloser}"), and {second_desc} (the "{receiver}"). '
        f'The {discloser} and the {receiver} are each a "Party" and together the "Parties".'
    )
    recitals = {
        "nda": [
            f'A. The Parties are discussing {subject} (the "Transaction").',
            "B. The Parties wish to record the terms on which information passes between them "
            "during those discussions.",
        ],
        "vendor": [
            f"A. The {discloser} wishes to obtain {subject}.",
            f"B. The {receiver} has experience in providing such services and has agreed to provide "
            "them on the terms of this Agreement.",
        ],
        "employment": [
            f"A. The {discloser} wishes to engage the {receiver} in connection with {subject}.",
            f"B. The {receiver} has agreed to accept the engagement on the terms set out below.",
        ],
    }[kind.name]
    return [title, preamble, "RECITALS", *recitals, "NOW, THEREFORE, the Parties agree as follows."]


def _signature(kind: ContractType, preamble: str) -> list[str]:
    names = re.findall(r"between (.+?), .+?\(the \"(.+?)\"\), and (.+?), .+?\(the \"(.+?)\"\)", preamble)
    first, first_role, second, second_role = names[0]
    return [
        "IN WITNESS WHEREOF, the Parties have signed this Agreement on the Effective Date.",
        f"Signed for and on behalf of {first} ({first_role}): ____________________",
        f"Signed by {second} ({second_role}): ____________________"
        if kind.name == "employment"
        else f"Signed for and on behalf of {second} ({second_role}): ____________________",
    ]


def choose_positives(
    chosen: list[str],
    positives: dict[str, list[CorpusClause]],
    style: tuple[str, str, str, str],
    rng: random.Random,
    used: set[str],
) -> list[CorpusClause]:
    """Carrying clauses for each chosen element, weak in about WEAK_SHARE of cases.

    Clauses that also carry elements outside ``chosen`` are avoided where an
    alternative exists, so the elements left out really are missing.
    """
    allowed = set(chosen)
    picked: list[CorpusClause] = []
    for element in chosen:
        want_weak = rng.random() < WEAK_SHARE
        copies = 2 if rng.random() < SECOND_CLAUSE_SHARE else 1
        for _ in range(copies):
            pool = [c for c in positives[element] if (element in c.weak) == want_weak]
            pool = [c for c in pool if c.elements <= allowed] or pool
            clause = preferred(pool, style, rng, used) if pool else None
            if clause is None:
                continue
            used.add(clause.id)
            picked.append(clause)
    return picked


def document_labels(stem: str, placed: list[Placed], ids: tuple[str, ...]) -> list[dict]:
    """Present if any placed clause carries it; weak if every carrying clause is weak for it."""
    rows = []
    for element in ids:
        carriers = [p for p in placed if element in p.clause.elements]
        rows.append(
            {
                "file": f"{stem}.txt",
                "element": element,
                "present": bool(carriers),
                "weak": bool(carriers) and all(element in p.clause.weak for p in carriers),
                "quotes": [p.text for p in carriers],
            }
        )
    return rows


def build_contract(
    number: int,
    kind: ContractType,
    pools: Pools,
    rng: random.Random,
    ids: tuple[str, ...],
) -> Contract:
    style = (
        kind.name,
        rng.choice(("US", "UK")),
        rng.choice(("plain", "traditional")),
        rng.choice(("mutual", "one-way")),
    )
    title = rng.choice(kind.titles)
    if kind.name == "nda":
        title = NDA.titles[0] if style[3] == "mutual" else rng.choice(NDA.titles[1:])
    # Log-uniform length target: as many short letters of intent as long master agreements.
    target = int(MIN_CHARS * (MAX_CHARS * 0.9 / MIN_CHARS) ** rng.random())
    most = max(1, min(len(ids), target // 450))
    # A quarter draw freely (some end with no confidentiality terms at all, as plain
    # service contracts do); the rest carry at least half of what their length allows.
    count = rng.randint(0, most) if rng.random() < FREE_DRAW_SHARE else rng.randint(most // 2, most)
    chosen = sorted(rng.sample(ids, count), key=ids.index)

    used: set[str] = set()
    placed = [
        Placed(c, strip_leading_label(c.text), element_section(c, kind.name, ids))
        for c in choose_positives(chosen, pools.positives, style, rng, used)
    ]
    front = _preamble(kind, title, style, rng)
    size = sum(len(x) + 2 for x in front) + sum(len(p.text) + 8 for p in placed) + 300
    while size < target:
        pool = pools.hard if rng.random() < HARD_NEGATIVE_SHARE else pools.negatives
        clause = preferred(pool, style, rng, used)
        if clause is None:
            break
        text = strip_leading_label(clause.text)
        if size + len(text) + 8 > MAX_CHARS - 400:
            break
        used.add(clause.id)
        placed.append(Placed(clause, text, negative_topic(text, kind.name)))
        size += len(text) + 8
    # Shuffled so positives are not always first within their section.
    rng.shuffle(placed)

    body: list[str] = []
    section_number = 0
    for heading in kind.sections:
        members = [p for p in placed if p.section == heading]
        if not members:
            continue
        section_number += 1
        body.append(f"{section_number}. {heading}")
        body.extend(f"{section_number}.{i} {p.text}" for i, p in enumerate(members, 1))
    stray = {p.section for p in placed} - set(kind.sections)
    if stray:
        raise ValueError(f"sections {sorted(stray)} missing from the {kind.name} layout")
    paragraphs = [*front, *body, *_signature(kind, front[1])]
    text = "\n\n".join(paragraphs) + "\n"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    stem = f"{number:02d}-{kind.name}-{slug}"
    return Contract(stem, text, kind.name, document_labels(stem, placed, ids))


def build_contracts(corpus_dir: Path, seed: int = SEED) -> list[Contract]:
    """The contracts, in a fixed order; same corpus and seed, same contracts."""
    ids = element_ids()
    pools = Pools.from_corpus(load_corpus(corpus_dir), ids)
    rng = random.Random(seed)
    kinds = [TYPES[name] for name, count in CONTRACTS_PER_TYPE.items() for _ in range(count)]
    rng.shuffle(kinds)
    return [build_contract(i, kind, pools, rng, ids) for i, kind in enumerate(kinds, 1)]


def write_contracts(contracts: list[Contract], out_dir: Path) -> None:
    """Write the .txt files and labels.jsonl; stale generated .txt files are removed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = {f"{c.stem}.txt" for c in contracts}
    for old in out_dir.glob("[0-9][0-9]-*.txt"):
        if old.name not in wanted:
            old.unlink()
    for contract in contracts:
        (out_dir / f"{contract.stem}.txt").write_text(contract.text, encoding="utf-8", newline="\n")
    lines = [json.dumps(row, ensure_ascii=False) for c in contracts for row in c.labels]
    (out_dir / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def summary(contracts: list[Contract]) -> str:
    lengths = sorted(len(c.text) for c in contracts)
    kinds = {k: sum(c.kind == k for c in contracts) for k in TYPES}
    return (
        f"{len(contracts)} contracts {kinds}; characters min {lengths[0]}, "
        f"median {lengths[len(lengths) // 2]}, max {lengths[-1]}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus", help="folder holding clauses/*.jsonl")
    parser.add_argument("--out", type=Path, default=REPO / "corpus" / "contracts", help="output folder")
    args = parser.parse_args(argv)
    contracts = build_contracts(args.corpus)
    write_contracts(contracts, args.out)
    print(f"{args.out}: {summary(contracts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
