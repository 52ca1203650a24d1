"""One contract made of two files: a cover page and the standard terms it incorporates.

A cover page or order form names the parties, the term and the blanks filled
in; the standard terms it incorporates hold the confidentiality clauses. When
both are reviewed together (``review`` finds the terms file beside the cover
page, its title named by the cover page) they are judged as one Document: the
cover page first, keeping its clause ids and source positions (so a redline of
the cover page still anchors), then the terms, their clauses renumbered after
it and with no source positions in the cover page's file.
"""

from __future__ import annotations

from dataclasses import replace

from clauses.datamodel import Document
from clauses.segment.vocabulary import infer_vocabulary

__all__ = ["SEPARATOR", "combine_documents"]

SEPARATOR = "\n\n"


def combine_documents(cover: Document, terms: Document) -> Document:
    """``cover`` followed by ``terms`` as one Document; the cover page's parties and path are kept."""
    offset = len(cover.text) + len(SEPARATOR)
    count = len(cover.clauses)
    moved = tuple(
        replace(
            clause,
            id=f"c{count + i + 1:04d}",
            start=clause.start + offset,
            end=clause.end + offset,
            source=(),
        )
        for i, clause in enumerate(terms.clauses)
    )
    combined = replace(
        cover,
        text=cover.text + SEPARATOR + terms.text,
        parties=cover.parties or terms.parties,
        defined_terms=tuple(dict.fromkeys((*cover.defined_terms, *terms.defined_terms))),
        clauses=cover.clauses + moved,
    )
    vocabulary = infer_vocabulary(combined)
    # The incorporated terms are now part of the contract: nothing is left outside it.
    return replace(combined, vocabulary=replace(vocabulary, incorporates=()))
