"""Measure detection against labelled contracts.

Two label formats, both one JSON line per document and element:
- ContractNLI style: a ``dev.json`` of documents with ``labels.jsonl`` beside it,
  keyed by document id and element, with the present and weak flags and the
  evidence as a list of [start, end] character offsets
  (offsets into the document's text);
- a folder of contract files with ``labels.jsonl`` beside it, each line naming
  the file (its stem plus ``.txt``) and the element, with the present and weak
  flags and verbatim quotes as evidence; files are matched by stem.

Figures per element: precision, recall and F1 of presence (present or weak
counts as present), accuracy of the weak flag on documents where both label
and prediction say present, and the evidence hit rate on true positives (the
top evidence clause overlaps a labelled span, or holds a labelled quote,
whitespace-normalized, or lies inside one). Weak flags are judged with the
thresholds of the contract's type, as the labels are (the spec's "weak when"
reads "less than the profile's minimum": a vendor agreement needs 3 years of
survival, an NDA 2): the type comes from a ``manifest.jsonl`` beside the labels
(``{"file", "doc_type"}`` per line), ContractNLI documents are NDAs, and a
document of no built-in type is judged with the spec's defaults.

Per verdict (document and element) it also keeps whether the verdict was right
(present/weak/missing against the label: presence, and the weak flag when both
say present), its confidence and its needs_review flag, for the per-contract and
calibration figures (clauses/evaluate/figures.py).

A labelled set can be cut into a study half and a blind half by document, from a
fixed split file (tests/real_split.json): cues are studied on the study half's
errors only, and the blind half says whether an improvement is real.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clauses.datamodel import MISSING, WEAK, Analysis, Document
from clauses.elements import element_ids
from clauses.errors import ClausesError, ConfigError
from clauses.evaluate.jsonl import json_lines
from clauses.evaluate.profile import evaluation_profile, manifest_types


@dataclass(frozen=True)
class ElementLabel:
    present: bool
    weak: bool
    spans: tuple[tuple[int, int], ...] = ()
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabelledDocument:
    name: str
    load: Callable[[], Document]
    labels: dict[str, ElementLabel]
    key: str = ""  # the id the study/blind split names: ContractNLI doc id, or the file stem
    doc_type: str = ""  # the contract type the labeller judged weak flags by (nda, vendor, ...)


@dataclass(frozen=True)
class Verdict:
    """One element's verdict on one labelled document, and whether it was right."""

    document: str
    element: str
    predicted: bool  # present or weak
    labelled: bool
    right: bool  # presence right, and the weak flag right when both say present
    confidence: float
    needs_review: bool


@dataclass
class ElementScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    weak_right: int = 0
    weak_total: int = 0
    hits: int = 0
    errors: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # each wrong verdict explained (explain.py)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    scores: dict[str, ElementScore]
    documents: int
    failed: list[str]
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.scores.values()) / len(self.scores)

    @property
    def weak_accuracy(self) -> float:
        right = sum(s.weak_right for s in self.scores.values())
        total = sum(s.weak_total for s in self.scores.values())
        return right / total if total else 1.0

    @property
    def evidence_hit_rate(self) -> float:
        hits = sum(s.hits for s in self.scores.values())
        tps = sum(s.tp for s in self.scores.values())
        return hits / tps if tps else 1.0


def _read_labels(path: Path, key: str) -> list[dict]:
    """Every labelled row of ``path``, each checked; a bad line is a ConfigError naming its number.

    ``key`` is the field naming the document (``doc_id`` or ``file``). An empty file
    is an error too: scoring nothing would print a perfect macro-F1.
    """
    rows = [_checked_row(row, key, where) for where, row in json_lines(path, "labels")]
    if not rows:
        raise ConfigError(f"{path}: no labels: expected one JSON object per line, each with {key!r}")
    return rows


def _checked_row(row: object, key: str, where: str) -> dict:
    if not isinstance(row, dict):
        raise ConfigError(f"{where}: expected a JSON object, got {type(row).__name__}")
    missing = [name for name in (key, "element", "present") if name not in row]
    if missing:
        raise ConfigError(f"{where}: missing {', '.join(repr(m) for m in missing)}")
    if row["element"] not in element_ids():
        raise ConfigError(f"{where}: unknown element id {row['element']!r}")
    if not isinstance(row["present"], bool) or not isinstance(row.get("weak", False), bool):
        raise ConfigError(f"{where}: 'present' and 'weak' must be true or false")
    spans = row.get("evidence", [])
    if not isinstance(spans, list) or not all(
        isinstance(s, list) and len(s) == 2 and all(type(n) is int and n >= 0 for n in s) for s in spans
    ):
        raise ConfigError(f"{where}: 'evidence' must be a list of [start, end] character offsets")
    quotes = row.get("quotes", [])
    if not isinstance(quotes, list) or not all(isinstance(q, str) for q in quotes):
        raise ConfigError(f"{where}: 'quotes' must be a list of strings")
    return row


def _label(row: dict) -> ElementLabel:
    return ElementLabel(
        row["present"],
        row.get("weak", False),
        tuple(tuple(s) for s in row.get("evidence", ())),
        tuple(row.get("quotes", ())),
    )


def contractnli_documents(dev_json: Path, labels_path: Path) -> list[LabelledDocument]:
    from clauses.segment import plain_document

    try:
        data = json.loads(dev_json.read_text(encoding="utf-8"))
        by_id = {doc["id"]: doc for doc in data["documents"] if isinstance(doc.get("text"), str)}
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{dev_json}: not a ContractNLI file of documents with id and text: {exc}") from exc
    labels: dict[int, dict[str, ElementLabel]] = {}
    for row in _read_labels(labels_path, "doc_id"):
        labels.setdefault(row["doc_id"], {})[row["element"]] = _label(row)
    unknown = sorted((str(doc_id) for doc_id in labels if doc_id not in by_id), key=str)
    if unknown:
        raise ConfigError(f"{labels_path}: doc_id {', '.join(unknown[:5])} not in {dev_json}")
    out = []
    for doc_id in sorted(labels):
        doc = by_id[doc_id]

        def load(doc=doc) -> Document:
            return plain_document(
                doc["text"], path=doc.get("file_name", str(doc["id"])), fmt="text", sha256=""
            )

        # ContractNLI is a set of non-disclosure agreements (its README): judged as NDAs.
        out.append(
            LabelledDocument(str(doc.get("file_name", doc_id)), load, labels[doc_id], str(doc_id), "nda")
        )
    return out


def folder_documents(docs_dir: Path, labels_path: Path) -> list[LabelledDocument]:
    from clauses.parse import parse

    files = {p.stem: p for p in sorted(docs_dir.iterdir()) if p.is_file()}
    labels: dict[str, dict[str, ElementLabel]] = {}
    for row in _read_labels(labels_path, "file"):
        labels.setdefault(Path(str(row["file"])).stem, {})[row["element"]] = _label(row)
    types = manifest_types(labels_path.parent / "manifest.jsonl")
    out = []
    for stem in sorted(labels):
        if stem not in files:
            continue
        load = lambda p=files[stem]: parse(p)  # noqa: E731 - one loader per file
        out.append(LabelledDocument(files[stem].name, load, labels[stem], stem, types.get(stem, "")))
    return out


def labelled_documents(labels_path: Path, source: Path) -> list[LabelledDocument]:
    """Pick the loader by the source: a ContractNLI .json file or a folder of contracts."""
    if source.is_dir():
        return folder_documents(source, labels_path)
    if source.suffix == ".json":
        return contractnli_documents(source, labels_path)
    raise ConfigError(f"{source}: give a ContractNLI .json file or a folder of contracts")


def _normalize(text: str) -> str:
    """Compare words only: quotes from Markdown sources may carry inline HTML tags."""
    text = re.sub(r"<[^>]{0,200}>", " ", text)
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def evidence_hit(analysis: Analysis, element: str, label: ElementLabel) -> bool:
    result = next(r for r in analysis.elements if r.element == element)
    if not result.evidence:
        return False
    top = result.evidence[0]
    if label.spans:
        return any(top.start < end and start < top.end for start, end in label.spans)
    clause = _normalize(analysis.document.text[top.start : top.end])
    for quote in label.quotes:
        quote = _normalize(quote)
        if quote and (quote in clause or (len(clause) >= 40 and clause in quote)):
            return True
    return False


def run_analyses(
    documents: list[LabelledDocument], model
) -> Iterator[tuple[LabelledDocument, Analysis | str]]:
    from clauses.pipeline import analyze_document

    for item in documents:
        try:
            document = item.load()
        except ClausesError as exc:
            yield item, exc.one_line()
            continue
        profile = evaluation_profile(item.doc_type)
        yield item, analyze_document(document, profile, model=model, suggestions=False)


def score(pairs: Iterator[tuple[LabelledDocument, Analysis | str]]) -> Evaluation:
    from clauses.evaluate.explain import describe

    ids = element_ids()
    scores = {e: ElementScore() for e in ids}
    documents, failed, verdicts = 0, [], []
    for item, analysis in pairs:
        if isinstance(analysis, str):
            failed.append(analysis)
            continue
        documents += 1
        results = {r.element: r for r in analysis.elements}
        for element in ids:
            label = item.labels.get(element)
            if label is None:
                continue
            s = scores[element]
            result = results[element]
            predicted = result.status != MISSING
            right = predicted == label.present and (not predicted or (result.status == WEAK) == label.weak)
            verdicts.append(
                Verdict(
                    item.name,
                    element,
                    predicted,
                    label.present,
                    right,
                    result.confidence,
                    getattr(result, "needs_review", False),
                )
            )
            if predicted and label.present:
                s.tp += 1
                s.weak_total += 1
                s.weak_right += int((results[element].status == WEAK) == label.weak)
                s.hits += int(evidence_hit(analysis, element, label))
                if not right:
                    s.details.append(describe("WEAK", item.name, analysis, result, label))
            elif predicted:
                s.fp += 1
                s.errors.append(f"FP {item.name}")
                s.details.append(describe("FP", item.name, analysis, result, label))
            elif label.present:
                s.fn += 1
                s.errors.append(f"FN {item.name}")
                s.details.append(describe("FN", item.name, analysis, result, label))
            else:
                s.tn += 1
    return Evaluation(scores, documents, failed, verdicts)


HALVES = ("study", "blind", "all")


def load_split(path: Path) -> dict:
    """The committed study/blind split: ``{set name: {"study": [keys], "blind": [keys]}}``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the study/blind split: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
        raise ConfigError(f"{path}: split file holds {{'sets': {{name: {{'study': [..], 'blind': [..]}}}}}}")
    return data["sets"]


def select_half(
    documents: list[LabelledDocument], set_name: str, half: str, split: dict | None
) -> list[LabelledDocument]:
    """The documents of one half of ``set_name``; ``half="all"`` keeps every document."""
    if half not in HALVES:
        raise ConfigError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    if half == "all":
        return documents
    if split is None or set_name not in split:
        known = ", ".join(sorted(split or {})) or "none"
        raise ConfigError(f"no study/blind split for the set {set_name!r} (split sets: {known})")
    keys = set(map(str, split[set_name][half]))
    return [item for item in documents if item.key in keys]


def split_keys(keys: list[str], seed: str) -> dict[str, list[str]]:
    """Cut document keys in two by a seeded hash of each key, blind to any result.

    Keys are ordered by sha256(seed + key) and the first half (rounded up) is the
    study half, so the split depends on nothing but the ids and the seed.
    """
    import hashlib

    ordered = sorted(keys, key=lambda k: hashlib.sha256(f"{seed}:{k}".encode()).hexdigest())
    middle = (len(ordered) + 1) // 2
    return {"study": sorted(ordered[:middle]), "blind": sorted(ordered[middle:])}


def evaluate(
    labels_path: Path, source: Path, model, *, half: str = "all", split: dict | None = None
) -> Evaluation:
    """Score ``model`` on the labelled set, or on one half of it (the set is named by its folder)."""
    documents = labelled_documents(labels_path, source)
    if not documents:
        raise ConfigError(f"{labels_path}: no labelled document found in {source}")
    documents = select_half(documents, labels_path.resolve().parent.name, half, split)
    evaluation = score(run_analyses(documents, model))
    if not evaluation.documents:
        first = evaluation.failed[0] if evaluation.failed else "none in this half"
        raise ConfigError(f"{source}: not one labelled document could be analysed (first: {first})")
    return evaluation


def format_table(evaluation: Evaluation) -> str:
    """The per-element table, its macro line, and the per-contract and calibration figures."""
    from clauses.evaluate.figures import format_figures, verdict_figures

    lines = [
        f"{'element':22} {'prec':>5} {'rec':>5} {'F1':>5} {'TP':>4} {'FP':>4} {'FN':>4} "
        f"{'TN':>4} {'weak acc':>8} {'evid hit':>8}"
    ]
    for element, s in evaluation.scores.items():
        weak = f"{s.weak_right / s.weak_total:.2f}" if s.weak_total else "-"
        hit = f"{s.hits / s.tp:.2f}" if s.tp else "-"
        lines.append(
            f"{element:22} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} {s.tp:4d} "
            f"{s.fp:4d} {s.fn:4d} {s.tn:4d} {weak:>8} {hit:>8}"
        )
    lines.append(
        f"macro-F1 {evaluation.macro_f1:.3f}   weak-flag accuracy {evaluation.weak_accuracy:.3f}   "
        f"evidence hit {evaluation.evidence_hit_rate:.3f}   documents {evaluation.documents}"
        + (f"   failed {len(evaluation.failed)}" if evaluation.failed else "")
    )
    if evaluation.verdicts:
        lines.append(format_figures(verdict_figures(evaluation.verdicts)))
    return "\n".join(lines)
