"""A new clause as one tracked insertion that Word and LibreOffice number like its siblings.

The new paragraph copies the paragraph properties of the sibling it follows,
numbering (``w:numPr``) and style included, so where the document numbers
automatically the application numbers, indents and renumbers the new clause
itself and no number is typed; only where the sibling's number is typed text is
the number typed too.

The new paragraph mark is recorded the way Word records Enter pressed at the
end of the paragraph before: that paragraph's mark is the inserted one, and the
new paragraph keeps an untracked mark. Marking the new paragraph's own mark
instead makes LibreOffice treat the *following* paragraph as inserted, so it
shows every later number twice ("4.1[3.6]").
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from clauses.report.redline.wml import Revisions, accepted_text, text_run, w

# Paragraph properties never copied: a section break would split the document, a
# recorded property change belongs to the sibling's history, the mark gets our own rPr.
_NOT_COPIED = ("sectPr", "pPrChange", "rPr")


def new_paragraph(
    model: etree._Element | None,
    text: str,
    revisions: Revisions,
    comment_id: str | None,
    *,
    keep_numbering: bool,
) -> etree._Element:
    """The inserted paragraph; ``keep_numbering`` copies the model's list membership."""
    paragraph = etree.Element(w("p"))
    ppr = etree.SubElement(paragraph, w("pPr"))
    run_props: etree._Element | None = None
    if model is not None:
        old = model.find(w("pPr"))
        if old is not None:
            for child in old:
                if etree.QName(child).localname in _NOT_COPIED:
                    continue
                if child.tag == w("numPr") and not keep_numbering:
                    continue
                if child.tag == w("jc") and child.get(w("val")) == "center":
                    continue  # the paragraph before a signature block is often a centred caption
                ppr.append(deepcopy(child))
        runs = [r for r in model.iter(w("r")) if r.find(w("t")) is not None]
        if runs:
            run_props = runs[-1].find(w("rPr"))
    if comment_id is not None:
        etree.SubElement(paragraph, w("commentRangeStart")).set(w("id"), comment_id)
    revisions.ins(paragraph).append(text_run(text, run_props))
    if comment_id is not None:
        etree.SubElement(paragraph, w("commentRangeEnd")).set(w("id"), comment_id)
        reference = etree.SubElement(revisions.ins(paragraph), w("r"))
        etree.SubElement(reference, w("commentReference")).set(w("id"), comment_id)
    return paragraph


def with_spacers(made: list[etree._Element], slot: etree._Element, after: bool) -> list[etree._Element]:
    """``made`` with an empty paragraph per new one where the document spaces clauses that way.

    Documents typed with an empty paragraph between clauses (plain-text imports, older
    templates) would otherwise show the new clause glued to the one before it. The blank
    copies the neighbour's paragraph properties (never its numbering) and goes before each
    new paragraph when it follows ``slot``, after it when it precedes ``slot`` (the
    signature block), so the spacing on both sides matches the document's own.
    """
    neighbour = slot.getnext() if after else slot.getprevious()
    if neighbour is None or neighbour.tag != w("p") or accepted_text(neighbour).strip():
        return made
    old = neighbour.find(w("pPr"))
    if old is not None and old.find(w("numPr")) is not None:
        return made
    spaced: list[etree._Element] = []
    for paragraph in made:
        blank = etree.Element(w("p"))
        ppr = etree.SubElement(blank, w("pPr"))
        for child in old if old is not None else ():
            if etree.QName(child).localname not in _NOT_COPIED:
                ppr.append(deepcopy(child))
        spaced.extend((blank, paragraph) if after else (paragraph, blank))
    return spaced


def mark_inserted(paragraph: etree._Element, revisions: Revisions) -> None:
    """Record the paragraph break before ``paragraph`` (placed already) as our insertion."""
    previous = paragraph.getprevious()
    holder = paragraph
    if previous is not None and previous.tag == w("p"):
        ppr = previous.find(w("pPr"))
        breaks_section = ppr is not None and ppr.find(w("sectPr")) is not None
        changed = ppr is not None and ppr.find(f"{w('rPr')}/{w('del')}") is not None
        if not breaks_section and not changed:
            holder = previous
    ppr = holder.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        holder.insert(0, ppr)
    mark = ppr.find(w("rPr"))
    if mark is None:
        mark = etree.Element(w("rPr"))
        # w:rPr comes after everything but sectPr and pPrChange in CT_PPr.
        later = [c for c in ppr if c.tag in (w("sectPr"), w("pPrChange"))]
        (later[0].addprevious(mark) if later else ppr.append(mark))
    if mark.find(w("ins")) is None:
        ins = etree.Element(w("ins"))
        mark.insert(0, ins)
        revisions.stamp(ins)
