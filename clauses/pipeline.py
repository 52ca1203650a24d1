"""The whole analysis, top to bottom: parse -> detect -> judge -> suggest.

The CLI, the batch runner and the tests all call ``analyze``; nothing else
strings the stages together.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from clauses.datamodel import MISSING, PRESENT, WEAK, Analysis, Blank, Document, ElementResult, Suggestion
from clauses.detect import detect
from clauses.detect.blanks import find_blanks
from clauses.detect.doctype import detection_type, infer_profile
from clauses.detect.language import require_english
from clauses.detect.obligor import resolve_side
from clauses.judge import its_way, judge
from clauses.profiles import Profile, ResolvedProfile, load_profile, resolve
from clauses.segment.labels import cited, provision_of


def load_shipped_model(folder: str | os.PathLike[str] | None = None):
    """The classifier in ``folder`` (default: ``resources.model_dir``), loaded once per process.

    The folder is resolved before the cache, so a changed ``$CLAUSES_MODEL_DIR``
    is not answered with the model of the old one.
    """
    from clauses.resources import model_dir

    return _load_model(str(model_dir(folder).resolve()))


@lru_cache(maxsize=4)
def _load_model(folder: str):
    from clauses.detect.classifier import load_model

    return load_model(Path(folder))


def choose_profile(
    document: Document, profile: str | Profile | ResolvedProfile, inferred: tuple[str, str] | None = None
) -> tuple[Profile, str]:
    """The profile to judge with, and why; ``inferred`` saves inferring the type again."""
    resolved = resolve(profile)
    if resolved.profile is not None:
        return resolved.profile, resolved.reason()
    name, reason = inferred or infer_profile(document)
    return load_profile(name), reason


_DUTY_ELEMENT = "third_party"  # the element whose clause states the duty not to disclose


def _with_suggestions(
    document: Document, results: tuple[ElementResult, ...], profile: Profile, doc_type: str = ""
) -> tuple[ElementResult, ...]:
    """Attach suggested wording to every required or recommended element that is weak or missing.

    A weak element whose evidence clause is in the document gets an edit of that
    clause in place; everything else a new clause. A present element gets one only
    to fill a period or deadline left blank. New clauses that would share
    one slot are numbered consecutively (7.5, 7.6) here, once, so every report
    shows the same numbers.
    """
    from clauses.suggest import sequence_suggestions, suggest
    from clauses.suggest.edits import edit_suggestion

    wanted: list[int] = []
    rendered: list[Suggestion] = []
    # Where the contract states its non-disclosure duty: a missing element's new clause goes with
    # it when no heading names the confidentiality section ("Article 3. University Obligations"),
    # not after the element's nearest look-alike elsewhere nor at the end of the document.
    duty = next(
        (
            r.evidence[0].clause_id
            for r in results
            if r.element == _DUTY_ELEMENT and r.status != MISSING and r.evidence
        ),
        None,
    )
    for i, result in enumerate(results):
        if result.requirement not in ("required", "recommended"):
            continue
        if result.status == PRESENT:
            # A present element whose period or deadline was left blank is not weak (the spec's
            # weak tests are about the terms a clause states), but the redline still fills the
            # blank with the position's value: a contract should not be signed with "[__] years".
            if not any(ev.blanks for ev in result.evidence):
                continue
            suggestion = edit_suggestion(
                document, result.element, result.evidence, thresholds=profile.thresholds, wording="",
                blanks_only=True,
            )
            if suggestion is None:
                continue
        else:  # weak or missing
            suggestion = suggest(
                document,
                result.element,
                profile_thresholds=profile.thresholds,
                weak=result.status == WEAK,
                reason=result.reason,
                evidence_clause_id=(duty if result.status == MISSING else None)
                or (result.evidence[0].clause_id if result.evidence else None),
                doc_type=doc_type,
                template_path=dict(profile.wording).get(result.element),
            )
            if result.status == WEAK and result.evidence:
                edit = edit_suggestion(
                    document,
                    result.element,
                    result.evidence,
                    thresholds=profile.thresholds,
                    wording=suggestion.text,
                )
                suggestion = edit or suggestion
        wanted.append(i)
        rendered.append(suggestion)
    suggestions = sequence_suggestions(rendered)
    out = list(results)
    for i, suggestion in zip(wanted, suggestions, strict=True):
        out[i] = replace(results[i], suggestion=suggestion)
    return tuple(out)


def _blank_line(blanks: tuple[Blank, ...], provision: str) -> str:
    """The warning listing the blanks, each cited the contract's way; the placeholder's own
    words find an unnumbered one (a clause id means nothing to the reader)."""
    where = "; ".join(
        f"{cited(b.number, provision.lower()) + ': ' if b.number else ''}{b.kind} \"{b.text}\""
        for b in blanks[:8]
    )
    more = f" and {len(blanks) - 8} more" if len(blanks) > 8 else ""
    return f"{len(blanks)} blank(s) or placeholder(s) left in the contract: {where}{more}"


def ocr_warnings(document: Document) -> tuple[str, ...]:
    """What a reviewer must know about text read by OCR: which pages, and which the OCR was unsure of."""
    if not document.ocr:
        return ()
    from clauses.parse.ocr import OCR_MIN_CONFIDENCE

    pages = ", ".join(str(mark.page) for mark in document.ocr)
    mean = sum(mark.confidence for mark in document.ocr) / len(document.ocr)
    plural = "s" if len(document.ocr) > 1 else ""
    warnings = [f"text from OCR, page{plural} {pages} (mean confidence {mean:.0f})"]
    unsure = [mark for mark in document.ocr if mark.confidence < OCR_MIN_CONFIDENCE]
    if unsure:
        listed = ", ".join(f"{mark.page} ({mark.confidence:.0f})" for mark in unsure)
        warnings.append(
            f"OCR confidence below OCR_MIN_CONFIDENCE {OCR_MIN_CONFIDENCE:.0f} on page "
            f"{listed}: check quotes and missing elements against the scan"
        )
    return tuple(warnings)


def analyze_document(
    document: Document,
    profile: str | Profile | ResolvedProfile = "auto",
    *,
    model=None,
    suggestions: bool = True,
    side: str | None = None,
) -> Analysis:
    """Analyse a parsed document; ``model`` defaults to the shipped classifier.

    ``side``: the party the review is for (``customer``, ``vendor``, ...,
    ``either`` or a party's name); None takes the profile's.
    """
    require_english(document)
    model = model if model is not None else load_shipped_model()
    inferred = infer_profile(document)
    chosen, reason = choose_profile(document, profile, inferred)
    detections = detect(document, model, doc_type=detection_type(document, inferred))
    vocabulary = document.vocabulary
    view, side_warning = resolve_side(side or chosen.side, vocabulary.parties if vocabulary else ())
    incorporates = vocabulary.incorporates if vocabulary else ()
    calibration = getattr(model, "calibration", None)
    results, routing, score = judge(detections, chosen, view, incorporates, calibration, its_way(document))
    warnings: list[str] = []
    if incorporates:
        warnings.append(
            f"the operative terms are not all in this file: it incorporates {' / '.join(incorporates)} "
            "by reference; elements not found here are reported as not in this document"
        )
    if side_warning:
        warnings.append(side_warning)
    blanks = find_blanks(document)
    if blanks:
        warnings.append(_blank_line(blanks, provision_of(document)))
    if suggestions:
        results = _with_suggestions(document, results, chosen, inferred[0])
    return Analysis(
        document=document,
        profile=chosen.name,
        profile_reason=reason,
        routing=routing,
        score=score,
        elements=results,
        model_version=model.version,
        warnings=tuple(warnings) + ocr_warnings(document),
        doc_type=inferred[0],
        side=view.side,
        side_parties=view.own,
        blanks=blanks,
    )


def analyze(
    path: str | Path,
    profile: str | Profile | ResolvedProfile = "auto",
    *,
    model=None,
    password: str | None = None,
    max_bytes: int | None = None,
    suggestions: bool = True,
    side: str | None = None,
    ocr: str = "auto",
) -> Analysis:
    """Parse, detect, judge and suggest for one contract file, from ``side`` (None: the profile's);
    ``ocr``: auto, always or never."""
    from clauses.parse import parse

    kwargs = {"password": password, "ocr": ocr}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    document = parse(path, **kwargs)
    return analyze_document(document, profile, model=model, suggestions=suggestions, side=side)
