"""A DOCX redline a lawyer can send: weak clauses edited in place, missing ones inserted.

For a DOCX input the output is a copy of the original in which

- a weak element's clause is changed where it stands, word by word (``w:del`` +
  ``w:ins`` inside the paragraph, formatting kept: ``edit.py``);
- a missing element is a new paragraph inserted as one tracked change, a real
  list item that copies its sibling's numbering so Word and LibreOffice number
  it (``insert.py``), placed by position, never inside a table (``anchor.py``);
- each change carries a comment for the chosen audience (``comments.py``);
- Track Changes is switched on, so the other side's replies are tracked too.

Everything else is copied byte for byte, so earlier tracked changes and comments
survive; new revision and comment ids start above every id in use. Active or
outside-pointing content (macros, remote templates and images, DDE and
INCLUDEPICTURE fields, relationships leaving the package) is dropped and the
drops are listed (``clean.py``). The source file is only ever read.

For any other input (PDF, text, Markdown, HTML) the contract is first rebuilt
as a DOCX from its parsed clauses (``rendition.py``) and the same redline is
written on that rendition. ``write_additions_docx`` (a plain list of the
suggested changes) remains for callers who want only the list.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from clauses.atomic import write_bytes_atomic
from clauses.datamodel import Analysis, ElementResult
from clauses.errors import ConfigError, CorruptError, InputError
from clauses.report.redline.additions import AUTHOR, write_additions_docx
from clauses.report.redline.anchor import Body
from clauses.report.redline.clean import clean_package
from clauses.report.redline.comments import AUDIENCES, Comments, comment_element, comment_lines
from clauses.report.redline.edit import apply_edit, replace_clause
from clauses.report.redline.insert import mark_inserted, new_paragraph, with_spacers
from clauses.report.redline.package import enable_track_revisions, read_package
from clauses.report.redline.rendition import rendition
from clauses.report.redline.wml import Ids, Revisions, parse_part, serialize, w
from clauses.suggest.edits import edited_clauses

__all__ = [
    "AUDIENCES",
    "AUTHOR",
    "RedlineResult",
    "build_redline",
    "redline_docx_bytes",
    "write_additions_docx",
    "write_redline",
]


@dataclass
class RedlineResult:
    """What the writer did, so callers and tests can report it: counts and what was dropped."""

    data: bytes = b""
    edited: list[str] = field(default_factory=list)  # element ids changed in place
    inserted: list[str] = field(default_factory=list)  # element ids added as new clauses
    # Edits whose words could not be placed: the clause was deleted and rewritten in its paragraph.
    unplaced: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # unsafe package content removed, in words


def _check_options(author: str, comments: str) -> None:
    if comments not in AUDIENCES:
        raise ConfigError(f"--comments must be one of {', '.join(AUDIENCES)}, not {comments!r}")
    if not author.strip() or len(author) > 255:
        raise ConfigError("--author must be a non-empty name of at most 255 characters")


def build_redline(
    analysis: Analysis,
    source: Path,
    *,
    date: str | None = None,
    author: str = AUTHOR,
    comments: str = "counterparty",
    data: bytes | None = None,
) -> RedlineResult:
    """The redlined copy of a DOCX and what was done; ``source`` is read, never written.

    ``data`` is the DOCX's bytes when they are not ``source``'s (a rendition).
    """
    _check_options(author, comments)
    date = date or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    package = read_package(source, source.read_bytes() if data is None else data)
    result = RedlineResult(dropped=clean_package(package, source))
    revisions = Revisions(Ids(package.parts), author, date)
    document = parse_part(source, "word/document.xml", package.parts["word/document.xml"])
    root = document.find(w("body"))
    if root is None:
        raise CorruptError(str(source), "word/document.xml has no body")
    body = Body(root, analysis.document)
    notes = Comments(package, source)

    last_inserted: dict[str | None, object] = {}
    for element in analysis.elements:
        suggestion = element.suggestion
        if suggestion is None:
            continue
        lines = comment_lines(element, comments, suggestion.kind)
        comment_id = revisions.ids.take() if lines else None
        if suggestion.kind == "edit" and _edit(body, element, analysis, revisions, comment_id):
            result.edited.append(element.element)
        elif suggestion.kind == "edit" and _rewrite(body, suggestion, revisions, comment_id):
            result.unplaced.append(element.element)
        else:
            slot = body.slot(suggestion)
            text = suggestion.text
            if suggestion.number and not slot.automatic:
                text = f"{suggestion.number} {text}"
            title, wording = _split_title(text) if slot.body_model is not None else ("", text)
            made = []
            if title:
                made.append(new_paragraph(slot.model, title, revisions, None, keep_numbering=True))
            model = slot.body_model if title else slot.model
            made.append(new_paragraph(model, wording, revisions, comment_id, keep_numbering=slot.automatic))
            for paragraph in with_spacers(made, slot.element, slot.after):
                previous = last_inserted.get(suggestion.insert_after)
                if previous is not None and slot.after:
                    previous.addnext(paragraph)  # type: ignore[attr-defined]
                elif slot.after:
                    slot.element.addnext(paragraph)
                else:
                    slot.element.addprevious(paragraph)
                mark_inserted(paragraph, revisions)
                last_inserted[suggestion.insert_after] = paragraph
            result.inserted.append(element.element)
        if comment_id is not None:
            notes.add(comment_element(comment_id, revisions, lines))

    package.parts["word/document.xml"] = serialize(document)
    notes.save()
    enable_track_revisions(package, source)
    result.data = package.to_bytes()
    return result


def _split_title(text: str) -> tuple[str, str]:
    """("Notice of Unauthorized Disclosure", "The Recipient shall ...") from a template's text."""
    head, _, rest = text.partition(". ")
    if rest and 0 < len(head.split()) <= 6:
        return head, rest
    return "", text


def _edit(
    body: Body, element: ElementResult, analysis: Analysis, revisions: Revisions, comment_id: str | None
) -> bool:
    """Apply an edit suggestion to each changed clause's own paragraphs; False when none can be placed."""
    suggestion = element.suggestion
    assert suggestion is not None
    changed = []
    for clause, edits in edited_clauses(analysis.document, suggestion):
        paragraphs = body.paragraphs_of(clause)
        if not paragraphs:
            break
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            paragraph = apply_edit(paragraphs, clause, analysis.document.text, edit, revisions)
            if paragraph is None:
                return bool(changed) and _anchor_comment(changed[0], comment_id)
            changed.append(paragraph)
    return bool(changed) and _anchor_comment(changed[0], comment_id)


def _rewrite(body: Body, suggestion, revisions: Revisions, comment_id: str | None) -> bool:
    """The whole clause deleted and rewritten in its own paragraph, when word edits cannot be placed."""
    clause = body.clauses.get(suggestion.target or "")
    if clause is None:
        return False
    paragraph = replace_clause(body.paragraphs_of(clause), clause.number, suggestion.after, revisions)
    return paragraph is not None and _anchor_comment(paragraph, comment_id)


def _anchor_comment(paragraph, comment_id: str | None) -> bool:
    """Hang the comment on the whole edited paragraph."""
    if comment_id is None:
        return True
    from lxml import etree

    start = etree.Element(w("commentRangeStart"))
    start.set(w("id"), comment_id)
    ppr = paragraph.find(w("pPr"))
    (ppr.addnext if ppr is not None else lambda e: paragraph.insert(0, e))(start)
    etree.SubElement(paragraph, w("commentRangeEnd")).set(w("id"), comment_id)
    reference = etree.SubElement(paragraph, w("r"))
    etree.SubElement(reference, w("commentReference")).set(w("id"), comment_id)
    return True


def redline_docx_bytes(analysis: Analysis, source: Path, date: str | None = None, **options: str) -> bytes:
    """The redlined copy of a DOCX as bytes (``author``, ``comments`` as for ``write_redline``)."""
    return build_redline(analysis, source, date=date, **options).data


def write_redline(
    analysis: Analysis,
    source_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    author: str = AUTHOR,
    comments: str = "counterparty",
) -> RedlineResult:
    """Write the redline for ``analysis`` to ``out_path``; never modifies ``source_path``.

    ``comments`` is the audience: "counterparty" (plain reasons), "internal" (the
    full reasons with scores) or "none"; ``author`` signs revisions and comments.
    """
    _check_options(author, comments)
    source, target = Path(source_path), Path(out_path)
    if source.exists() and target.exists() and source.resolve() == target.resolve():
        raise InputError(str(source), "refusing to write the redline over its own source")
    if analysis.document.format != "docx":
        data, rendered = rendition(analysis, author)
        result = build_redline(rendered, source, author=author, comments=comments, data=data)
        write_bytes_atomic(target, result.data)
        return result
    data = source.read_bytes()
    if analysis.document.sha256 and hashlib.sha256(data).hexdigest() != analysis.document.sha256:
        raise InputError(str(source), "file changed since it was analysed (sha256 differs)")
    result = build_redline(analysis, source, author=author, comments=comments)
    write_bytes_atomic(target, result.data)
    return result
