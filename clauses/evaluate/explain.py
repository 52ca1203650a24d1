"""One line per wrong verdict: what the detector used and what the label holds.

Cues are written for classes of wording, so studying errors needs each wrong
verdict with its words: for a false "present" the clause (or sentence) the
detector quoted, its scores and cues; for a false "missing" the label's
evidence and the best evidence that stayed below the threshold; for a wrong
weak flag the weak signals and quantities that decided it. ``clauses evaluate
--explain`` prints these lines; they quote the evaluated documents, so they are
for the terminal only.
"""

from __future__ import annotations

import re

from clauses.datamodel import Analysis, ElementResult, Evidence

SNIPPET = 240  # characters of each quoted text


def _snippet(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= SNIPPET else text[: SNIPPET - 3] + "..."


def _evidence(analysis: Analysis, ev: Evidence) -> str:
    cues = ",".join(cue.name for cue in ev.cues) or "-"
    where = f"§{ev.number} " if ev.number else ""
    heading = f"[{ev.heading}] " if ev.heading else ""
    return (
        f"{where}{heading}score {ev.score:.2f} (rule {ev.rule_score:.2f}, model {ev.model_score:.2f}) "
        f"cues {cues}: {_snippet(analysis.document.text[ev.start : ev.end])!r}"
    )


def _label_text(analysis: Analysis, label) -> str:
    if label.spans:
        start, end = label.spans[0]
        return _snippet(analysis.document.text[start:end])
    return _snippet(label.quotes[0]) if label.quotes else "(no evidence given)"


def describe(kind: str, name: str, analysis: Analysis, result: ElementResult, label) -> str:
    """``kind`` is FP, FN or WEAK; ``label`` the document's ElementLabel for the element."""
    head = f"{kind} {name} ({result.status}, confidence {result.confidence:.2f})"
    if kind == "FN":
        best = _evidence(analysis, result.evidence[0]) if result.evidence else "nothing scored"
        return f"{head}\n      label: {_label_text(analysis, label)!r}\n      best:  {best}"
    top = _evidence(analysis, result.evidence[0]) if result.evidence else "no evidence"
    lines = [head, f"      used:  {top}"]
    if kind == "WEAK":
        signals = sorted({s for ev in result.evidence for s in ev.weak_signals})
        quantities = [q.text for ev in result.evidence[:1] for q in ev.quantities]
        lines.append(
            f"      label weak={label.weak}; signals {signals or '-'}; quantities {quantities or '-'}; "
            f"reason: {result.reason}"
        )
        lines.append(f"      label: {_label_text(analysis, label)!r}")
    return "\n".join(lines)
