"""Word comments on our changes, written for the reader who will see them.

A redline is usually sent to the other side, so the default comment
(``counterparty``) is a short plain-language reason with no scores, offsets or
profile names; ``internal`` keeps the full reason the reviewer saw; ``none``
writes no comments at all.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from clauses.datamodel import ElementResult, Status
from clauses.report.redline.package import Package
from clauses.report.redline.wml import CT_NS, PKG_REL_NS, R_NS, W_NS, Revisions, parse_part, serialize, w

AUDIENCES = ("counterparty", "internal", "none")
COMMENTS_TYPE = R_NS + "/comments"
COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

# Why the change matters, in words a counterparty's lawyer reads without our tool's vocabulary.
_WHY = {
    "definition": "so that it is clear which information is protected, whether or not it is marked",
    "third_party": "so that anyone who receives the information is bound by the same duties",
    "post_termination": "so that the duty of confidence lasts long enough after the agreement ends",
    "breach_notice": "so that an unauthorised disclosure is notified within a fixed time",
    "remedies": "so that a breach of confidence can be stopped quickly by the courts",
    "exclusions": "so that the usual exceptions are stated and limited",
    "compelled_disclosure": "so that a disclosure required by law is notified and kept to what is required",
    "use_limitation": "so that the information is used only for the purpose of this agreement",
    "return_destruction": "so that the information is returned or destroyed when it is no longer needed",
    "safeguards": "so that the information is protected with a stated standard of care",
    "personnel": "so that the people who see the information are bound to keep it confidential",
    "data_protection": "so that personal data is handled as data protection law requires",
    "audit": "so that compliance with these duties can be checked",
}


def comment_lines(result: ElementResult, audience: str, kind: str) -> list[str]:
    """The paragraphs of the comment on one change; empty for ``none``."""
    if audience == "none":
        return []
    if audience == "internal":
        verb = "is weak" if result.status == Status.WEAK else "is missing"
        return [
            f"{result.title} {verb} ({result.requirement}, severity {result.severity}).",
            result.reason,
            "Suggested by clauses; accept or reject this change.",
        ]
    why = _WHY.get(result.element, "so that the confidentiality terms are complete")
    if kind == "edit":
        return [f"We propose this change to the clause on {result.title.lower()} {why}."]
    return [f"We propose adding a clause on {result.title.lower()} {why}."]


def comment_element(comment_id: str, revisions: Revisions, lines: list[str]) -> etree._Element:
    comment = etree.Element(w("comment"))
    comment.set(w("id"), comment_id)
    comment.set(w("author"), revisions.author)
    comment.set(w("date"), revisions.date)
    comment.set(w("initials"), "".join(part[:1] for part in revisions.author.split()[:3]).upper() or "R")
    for index, line in enumerate(lines):
        paragraph = etree.SubElement(comment, w("p"))
        if index == 0:
            etree.SubElement(etree.SubElement(paragraph, w("r")), w("annotationRef"))
        node = etree.SubElement(etree.SubElement(paragraph, w("r")), w("t"))
        node.text = line
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return comment


class Comments:
    """The comments part, created with its relationship and content type on first use."""

    def __init__(self, package: Package, source: Path) -> None:
        self.package = package
        self.source = source
        self.root: etree._Element | None = None
        self.name = ""

    def add(self, comment: etree._Element) -> None:
        if self.root is None:
            self._open()
        assert self.root is not None
        self.root.append(comment)

    def save(self) -> None:
        if self.root is not None:
            self.package.parts[self.name] = serialize(self.root)

    def _open(self) -> None:
        parts = self.package.parts
        rels_name = "word/_rels/document.xml.rels"
        rels = (
            parse_part(self.source, rels_name, parts[rels_name])
            if rels_name in parts
            else etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
        )
        target = next((r.get("Target") for r in rels if r.get("Type") == COMMENTS_TYPE), None)
        if target is None:
            taken = {r.get("Id") for r in rels}
            number = 1
            while f"rId{number}" in taken:
                number += 1
            relation = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
            relation.set("Id", f"rId{number}")
            relation.set("Type", COMMENTS_TYPE)
            relation.set("Target", "comments.xml")
            parts[rels_name] = serialize(rels)
            target = "comments.xml"
        self.name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
        types = parse_part(self.source, "[Content_Types].xml", parts["[Content_Types].xml"])
        if not any(o.get("PartName") == f"/{self.name}" for o in types.iter(f"{{{CT_NS}}}Override")):
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", f"/{self.name}")
            override.set("ContentType", COMMENTS_CONTENT_TYPE)
            parts["[Content_Types].xml"] = serialize(types)
        if self.name in parts:
            self.root = parse_part(self.source, self.name, parts[self.name])
        else:
            self.root = etree.Element(w("comments"), nsmap={"w": W_NS})
