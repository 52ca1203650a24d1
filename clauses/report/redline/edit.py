"""Tracked word-level edits inside an existing paragraph: ``w:del`` + ``w:ins``, formatting kept.

An edit names a phrase of the clause (offsets into Document.text) and its
replacement. The phrase is looked up only inside the paragraphs the clause was
made of (``Clause.source``), at the same occurrence as in the clause, so the
change lands where the evidence is. Only the words that differ are marked: "one
(1) year" -> "two (2) years" deletes and inserts those words, and a
replacement that shares words with the old phrase keeps them untouched. Runs
are split at the edit's edges; the deleted runs keep their properties, and the
inserted run copies the properties of the run it follows, so the paragraph's
formatting survives.
"""

from __future__ import annotations

import difflib
import re
from copy import deepcopy

from lxml import etree

from clauses.datamodel import Clause, TextEdit
from clauses.report.redline.wml import Revisions, text_run, w

# Containers a run may sit in and still be wrapped in our w:del or take a w:ins beside it.
_EDITABLE_PARENTS = {w("p"), w("hyperlink"), w("smartTag"), w("sdtContent"), w("customXml")}
_TOKENS = re.compile(r"\s+|[^\s]+")


class _Piece:
    """One run holding one w:t (or w:tab), and where its text sits in the paragraph's text."""

    def __init__(self, run: etree._Element, start: int, text: str) -> None:
        self.run, self.start, self.text = run, start, text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _visible(run: etree._Element) -> bool:
    return not any(a.tag in (w("del"), w("moveFrom")) for a in run.iterancestors())


def _explode(paragraph: etree._Element) -> None:
    """Give every text-bearing run exactly one w:t or w:tab, so runs can be split and wrapped."""
    for run in list(paragraph.iter(w("r"))):
        content = [c for c in run if c.tag != w("rPr")]
        if len(content) <= 1 or not all(c.tag in (w("t"), w("tab")) for c in content):
            continue
        rpr = run.find(w("rPr"))
        previous = run
        for child in content[1:]:
            copy = etree.Element(w("r"))
            if rpr is not None:
                copy.append(deepcopy(rpr))
            copy.append(child)
            previous.addnext(copy)
            previous = copy


def _pieces(paragraph: etree._Element) -> list[_Piece]:
    pieces: list[_Piece] = []
    cursor = 0
    for run in paragraph.iter(w("r")):
        if not _visible(run):
            continue
        content = [c for c in run if c.tag != w("rPr")]
        if len(content) != 1 or content[0].tag not in (w("t"), w("tab")):
            continue
        text = content[0].text or "" if content[0].tag == w("t") else " "
        if text:
            pieces.append(_Piece(run, cursor, text))
            cursor += len(text)
    return pieces


def _split(pieces: list[_Piece], position: int) -> None:
    """Make ``position`` fall on a run boundary by splitting the run that spans it."""
    for index, piece in enumerate(pieces):
        if piece.start < position < piece.end:
            cut = position - piece.start
            tail = deepcopy(piece.run)
            piece.run.find(w("t")).text = piece.text[:cut]
            tail.find(w("t")).text = piece.text[cut:]
            for node in (piece.run.find(w("t")), tail.find(w("t"))):
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            piece.run.addnext(tail)
            pieces.insert(index + 1, _Piece(tail, position, piece.text[cut:]))
            piece.text = piece.text[:cut]
            return


def _occurrence(phrase: str, clause: Clause, edit: TextEdit) -> int:
    """Which occurrence of ``phrase`` in the clause the edit points at (0 = the first)."""
    before = " ".join(clause.text[: edit.start - clause.start].split())
    return before.count(" ".join(phrase.split())) if phrase.strip() else 0


def _locate(pieces: list[_Piece], text: str, phrase: str, occurrence: int) -> tuple[int, int] | None:
    pattern = re.compile(r"\s+".join(re.escape(word) for word in phrase.split()))
    matches = list(pattern.finditer(text))
    if len(matches) <= occurrence:
        return None
    return matches[occurrence].start(), matches[occurrence].end()


def _changes(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) within ``old``, word by word.

    Two changes separated by a single space become one ("~~one (1) year~~ two (2)
    years" rather than three tiny pairs), which is how a lawyer marks it by hand.
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    offsets = [0]
    for token in a:
        offsets.append(offsets[-1] + len(token))
    spans: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] == 1 and not a[i1 - 1].strip():
            spans[-1] = (spans[-1][0], i2, spans[-1][2], j2)
        else:
            spans.append((i1, i2, j1, j2))
    return [(offsets[i1], offsets[i2], "".join(b[j1:j2])) for i1, i2, j1, j2 in spans]


def apply_edit(
    paragraphs: list[etree._Element],
    clause: Clause,
    document_text: str,
    edit: TextEdit,
    revisions: Revisions,
) -> etree._Element | None:
    """Apply one edit as tracked changes; the first paragraph changed, or None if it cannot be placed."""
    old = document_text[edit.start : edit.end]
    if not old.strip():
        return _append(paragraphs, edit, revisions) if edit.start == clause.end else None
    occurrence = _occurrence(old, clause, edit)
    for paragraph in paragraphs:
        _explode(paragraph)
        pieces = _pieces(paragraph)
        text = "".join(p.text for p in pieces)
        found = _locate(pieces, text, old, occurrence)
        if found is None:
            occurrence -= len(re.findall(r"\s+".join(map(re.escape, old.split())), text))
            continue
        start, end = found
        changes = [(start + s, start + e, new) for s, e, new in _changes(text[start:end], edit.text)]
        for s, e, _ in changes:
            _split(pieces, s)
            _split(pieces, e)
        targets = [[p for p in pieces if s <= p.start and p.end <= e] for s, e, _ in changes]
        if any(p.run.getparent().tag not in _EDITABLE_PARENTS for group in targets for p in group):
            return None
        for (s, _, new), group in zip(changes, targets, strict=True):
            _mark(pieces, group, s, new, revisions)
        return paragraph
    return None


def _mark(pieces: list[_Piece], group: list[_Piece], start: int, new: str, revisions: Revisions) -> None:
    """Wrap ``group``'s runs in one w:del per parent and put the replacement after them."""
    last: etree._Element | None = None
    for piece in group:
        parent = piece.run.getparent()
        if last is None or last.getparent() is not parent or last.getnext() is not piece.run:
            last = revisions.delete()
            piece.run.addprevious(last)
        last.append(piece.run)
        node = piece.run.find(w("t"))
        if node is not None:
            node.tag = w("delText")
    if not new:
        return
    before = group[-1] if group else next((p for p in reversed(pieces) if p.end <= start), None)
    after = None if group or before is not None else next((p for p in pieces if p.start >= start), None)
    model = (before or after).run if (before or after) else None
    insertion = revisions.ins()
    insertion.append(text_run(new, model.find(w("rPr")) if model is not None else None))
    if last is not None:
        last.addnext(insertion)
    elif before is not None:
        before.run.addnext(insertion)
    elif after is not None:
        after.run.addprevious(insertion)


def _append(paragraphs: list[etree._Element], edit: TextEdit, revisions: Revisions) -> etree._Element | None:
    """Added words at the end of the clause's last paragraph, formatted like its last text run."""
    if not paragraphs:
        return None
    paragraph = paragraphs[-1]
    runs = [r for r in paragraph.iter(w("r")) if r.find(w("t")) is not None and _visible(r)]
    if not runs:
        return None
    last = runs[-1]
    # Words another suggestion of this redline (or an earlier reviewer) already added at the
    # end: the new words go after that insertion, beside it. Rewriting the whole clause
    # instead deleted the earlier addition inside its own insertion, and accepting every
    # change kept only the last suggestion's words.
    anchor = last.getparent() if last.getparent().tag == w("ins") else last
    if anchor.getparent().tag not in _EDITABLE_PARENTS:
        return None
    insertion = revisions.ins()
    insertion.append(text_run(edit.text, last.find(w("rPr"))))
    anchor.addnext(insertion)
    return paragraph


def replace_clause(
    paragraphs: list[etree._Element], number: str, after: str, revisions: Revisions
) -> etree._Element | None:
    """Fallback when the changed words cannot be placed: the clause's text deleted and rewritten.

    Still in the clause's own paragraph (so it keeps its number and place), never a
    second copy elsewhere that would contradict it once accepted.
    """
    if not paragraphs:
        return None
    first = paragraphs[0]
    shown = " ".join(accepted_text_of(first).split())
    if number and after.startswith(number) and not shown.startswith(number):
        after = after[len(number) :].lstrip()  # Word draws this number: do not type it again
    model = None
    for paragraph in paragraphs:
        for run in list(paragraph.iter(w("r"))):
            if not _visible(run) or run.find(w("t")) is None:
                continue
            if run.getparent().tag not in _EDITABLE_PARENTS | {w("ins")}:
                continue  # a deletion inside another author's insertion is how Word records it too
            model = model if model is not None else run
            deletion = revisions.delete()
            run.addprevious(deletion)
            deletion.append(run)
            for node in run.findall(w("t")):
                node.tag = w("delText")
    if model is None:
        return None
    insertion = revisions.ins()
    insertion.append(text_run(after, model.find(w("rPr"))))
    first.append(insertion)  # after everything, all of which is now deleted
    return first


def accepted_text_of(paragraph: etree._Element) -> str:
    return "".join(p.text for p in _pieces(paragraph))
