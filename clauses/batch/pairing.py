"""Review a cover page together with the standard terms beside it.

A cover page or order form that incorporates standard terms by reference names
them ("the Acme Cloud Standard Terms"). When the batch also holds a file in the
same folder whose title is that name, the two are one contract: judging the
cover page alone would report every element missing.
"""

from __future__ import annotations

from collections.abc import Iterable

from clauses.datamodel import Document
from clauses.errors import ClausesError

__all__ = ["with_incorporated"]


def with_incorporated(
    document: Document, siblings: Iterable[str], password: str | None
) -> tuple[Document, str | None]:
    """The cover page joined with the sibling file whose title it names, and a line saying so.

    Only a document that incorporates other terms by reference looks; a sibling
    that cannot be read is passed over (it gets its own error row anyway).
    """
    from clauses.parse import parse
    from clauses.segment.combine import combine_documents
    from clauses.segment.incorporation import same_title

    named = document.vocabulary.incorporates if document.vocabulary is not None else ()
    if not named:
        return document, None
    for sibling in siblings:
        try:
            other = parse(sibling, password=password)
        except ClausesError:
            continue
        match = next((name for name in named if same_title(name, other.title)), None)
        if match is not None:
            line = (
                f"reviewed together with {sibling}: this document incorporates {match!r}, "
                f"the title of that file ({other.title!r})"
            )
            return combine_documents(document, other), line
    return document, None
