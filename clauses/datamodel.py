"""Plain frozen data passed between the pipeline's stages.

parse -> Document (made of Clauses) -> detect -> Detection per element ->
judge -> ElementResult per element -> Analysis. No behaviour lives here: every
stage reads and returns these values, so any stage can be tested, cached or
serialized on its own.

Offsets are always character offsets into ``Document.text``, and
``Document.text[clause.start:clause.end] == clause.text`` holds for every clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

try:
    from enum import StrEnum
except ImportError:  # Python 3.10: the same behaviour, spelled out

    class StrEnum(str, Enum):  # type: ignore[no-redef]
        """A str whose value is its text, so it compares, formats and serializes as the plain string."""

        def __str__(self) -> str:
            return str(self.value)


class Status(StrEnum):
    """An element's verdict under a profile."""

    PRESENT = "present"
    WEAK = "weak"
    MISSING = "missing"


class Routing(StrEnum):
    """What a reviewer does with the whole contract: sign, negotiate, escalate."""

    GREEN = "GREEN"
    YELLOW = "YELLOW"
    RED = "RED"


class Requirement(StrEnum):
    """How much a profile needs an element."""

    REQUIRED = "required"
    RECOMMENDED = "recommended"
    OPTIONAL = "optional"


class Severity(StrEnum):
    """How much a missing element matters."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"


# Short names used throughout.
PRESENT, WEAK, MISSING = Status.PRESENT, Status.WEAK, Status.MISSING
GREEN, YELLOW, RED = Routing.GREEN, Routing.YELLOW, Routing.RED


@dataclass(frozen=True)
class Clause:
    """The unit a lawyer cites: a numbered section, list item, paragraph or table row."""

    id: str  # stable within a document: "c0001", "c0002", ... in reading order
    number: str  # the section number as a reader sees it ("7.2(b)", "Article IV"), or ""
    heading: str  # the clause's own heading or the heading of its section, or ""
    text: str  # equals Document.text[start:end]
    start: int
    end: int
    page: int | None = None  # 1-based; PDFs only
    in_table: bool = False
    level: int = 0  # nesting depth of the numbering (0 = top level or unnumbered)
    # Where the clause came from in the input, so later stages (the redline) act on
    # exactly that place instead of re-finding it by text: the indices of the source
    # paragraphs it was made of. DOCX: positions of the ``w:p`` elements of the main
    # part in document order (``body.iter(w:p)``, table cells included; a table row
    # points at its first paragraph). Other formats: the ordinal of the parser's
    # paragraph block. Empty for a Clause built by hand.
    source: tuple[int, ...] = ()
    # The heading of the section that holds the clause's own section ("Confidentiality"
    # above "7.3 Survival"), or "": detection reads both as context (elements.toml headings).
    parent_heading: str = ""


@dataclass(frozen=True)
class Party:
    """One party to the contract as its duties name it, so a duty can be traced to who owes it."""

    name: str  # what the contract calls it in its clauses: the defined name or role ("Provider", "Acme")
    full_name: str  # the legal name from the preamble, or ""
    aliases: tuple[str, ...]  # every word the text uses for it (role, short name, "you"), name first
    kinds: tuple[str, ...]  # the sides it plays: customer, vendor, discloser, recipient, employer, employee


@dataclass(frozen=True)
class Vocabulary:
    """The contract's own words the templates speak in."""

    ci: str
    recipient: str
    discloser: str
    mutual: bool
    roles_defined: bool
    purpose: str
    personal_data: str
    # Who the parties are and which sides they play, so duties resolve to a party
    # (detect.obligor) and ``--side`` to the user's party; empty when none were found.
    parties: tuple[Party, ...] = ()
    # Other documents this one incorporates by reference ("the Standard Terms"), as
    # named: its operative terms may live there rather than in this file.
    incorporates: tuple[str, ...] = ()
    # The word the contract cites its own numbered provisions with ("Section 5", "clause 5",
    # "paragraph 5"), capitalised: reports and reasons cite clauses the way the contract does.
    provision: str = "Section"
    # What the contract calls itself ("this Agreement", "this Appointment", "this Deed", "this
    # letter"): suggested wording speaks of it the same way.
    self_name: str = "Agreement"


@dataclass(frozen=True)
class OcrPage:
    """A page whose text came from OCR, not from the file's text layer, and how sure Tesseract was."""

    page: int  # 1-based
    confidence: float  # mean word confidence, 0-100


@dataclass(frozen=True)
class Document:
    path: str
    format: str  # "docx" | "pdf" | "text" | "markdown" | "html"
    sha256: str  # of the input file's bytes
    text: str
    pages: int | None
    title: str
    parties: tuple[str, ...]  # names of the parties and their defined roles as found
    defined_terms: tuple[str, ...]  # e.g. ("Confidential Information", "Recipient")
    clauses: tuple[Clause, ...]
    # The contract's own words (CI term, roles, mutuality), read once by segment;
    # None only for a Document built by hand.
    vocabulary: Vocabulary | None = None
    # Pages read by OCR (scans), so reports can say "text from OCR, page 3" and
    # warn when the recognition was unsure; empty when all text came from the file.
    ocr: tuple[OcrPage, ...] = ()


@dataclass(frozen=True)
class Cue:
    """One rule pattern that fired inside a clause."""

    element: str
    name: str
    score: float
    start: int  # offsets into Document.text
    end: int
    context: bool = False  # True for a context word that raised the score


@dataclass(frozen=True)
class Quantity:
    """A duration or deadline that decides whether an element is weak.

    ``kind`` is "survival" (value in years; ``float('inf')`` for perpetual or
    trade-secret duration) or "notice" (value in hours; ``0`` for
    "immediately"/"promptly"/"without undue delay", ``None`` for no limit).
    """

    kind: str
    value: float | None
    text: str  # the words it was read from
    start: int
    end: int
    # A survival period counted from the Effective Date or signing ("two years from the date
    # hereof"): part of it runs before termination, so it survives termination for less. The
    # offset where the anchor's words end, so a redline can re-anchor the period to termination.
    signing_anchor_end: int | None = None

    @property
    def from_signing(self) -> bool:
        return self.signing_anchor_end is not None


@dataclass(frozen=True)
class Evidence:
    """A clause scored for one element, with everything that made the score."""

    clause_id: str
    number: str
    heading: str
    page: int | None
    start: int
    end: int
    score: float  # combined, 0..1
    rule_score: float
    model_score: float
    cues: tuple[Cue, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    weak_signals: tuple[str, ...] = ()  # reasons from weak-signal patterns
    # Whom the clause's duty binds and whom it protects, as party names (Party.name);
    # both empty when no party could be read from the clause (then it counts for either side).
    binds: tuple[str, ...] = ()
    protects: tuple[str, ...] = ()
    blanks: tuple[str, ...] = ()  # placeholders left in the clause ("___ years", "[insert]")


@dataclass(frozen=True)
class Blank:
    """A period, deadline, party or amount left blank or as a placeholder, where it sits."""

    clause_id: str
    number: str  # section number of the clause, or ""
    kind: str  # "period", "date", "amount", "party" or "value"
    text: str  # the placeholder with a few words around it
    start: int  # offsets of the placeholder into Document.text
    end: int


@dataclass(frozen=True)
class Detection:
    """What the detector found for one element in one document, before judging."""

    element: str
    score: float  # best evidence score, 0..1
    evidence: tuple[Evidence, ...]  # best first; empty when nothing scored
    # post_termination: the agreement's own fixed term from its date, when its evidence does not
    # say the duties outlast the agreement (a term of two years caps duties that only survive
    # the end of the discussions); None otherwise. It sits in another clause: not an edit target.
    term: Quantity | None = None


@dataclass(frozen=True)
class TextEdit:
    """One change inside a clause: ``Document.text[start:end]`` becomes ``text`` ("" deletes it)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Suggestion:
    """Wording offered for a gap or a weak element, and where it would go.

    ``kind`` "insert" is a new clause (``text``, placed after ``insert_after``);
    "edit" changes the weak clause ``target`` in place by ``edits``, and
    ``before``/``after`` are that clause's whole text without and with them, so
    a reader sees the change without the redline.
    """

    element: str
    text: str
    number: str  # the number the inserted clause would carry, or ""
    insert_after: str | None  # clause id to insert after; None = before the signature block / at the end
    placement: str  # human words: "after Section 7 (Confidentiality)"
    kind: str = "insert"  # "insert" | "edit"
    target: str | None = None  # kind "edit": the clause id changed in place
    before: str = ""
    after: str = ""
    edits: tuple[TextEdit, ...] = ()


@dataclass(frozen=True)
class ElementResult:
    element: str
    title: str
    requirement: Requirement
    severity: Severity
    status: Status
    confidence: float  # probability that the status is right (calibrated when the model has a calibration)
    reason: str  # why this status, in a reviewer's words
    evidence: tuple[Evidence, ...] = ()
    suggestion: Suggestion | None = None
    needs_review: bool = False  # confidence below 0.9: a person should check this verdict


@dataclass(frozen=True)
class Analysis:
    document: Document
    profile: str
    profile_reason: str
    routing: Routing
    score: int  # 0..100
    elements: tuple[ElementResult, ...]
    model_version: str
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # The contract type inferred from the document ("nda", "vendor", "employment"),
    # once, whatever profile judged it: the batch summary and detection read this.
    doc_type: str = ""
    # The side the duties were judged from ("customer", "Acme", or "either") and the
    # party names that side resolved to (empty for "either").
    side: str = "either"
    side_parties: tuple[str, ...] = ()
    blanks: tuple[Blank, ...] = ()
