"""Whose duty it is (clauses/detect/obligor.py): subjects, agents, right holders, lead-ins, sides."""

from __future__ import annotations

import pytest

from clauses.datamodel import Party
from clauses.detect.obligor import ObligorIndex, resolve_side
from clauses.segment import plain_document

PREAMBLE = (
    'SUBSCRIPTION AGREEMENT\n\nThis Agreement is made between Kestrel Data Inc. ("Provider") and '
    'Lumen Foods Ltd ("Customer").\n\n'
)


def _binds(body: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    document = plain_document(PREAMBLE + body, path="x.txt", fmt="text", sha256="")
    index = ObligorIndex(document)
    return [index.duty(clause) for clause in document.clauses if clause.number]


@pytest.mark.parametrize(
    ("sentence", "binds", "protects"),
    [
        ("1. Customer shall keep Provider's Confidential Information secret.", ("Customer",), ("Provider",)),
        ("1. Provider will encrypt Customer Data at rest.", ("Provider",), ("Customer",)),
        ("1. Each party shall protect the other party's Confidential Information.", ("Provider", "Customer"),
         ("Provider", "Customer")),
        ("1. Customer Data shall be kept confidential by Provider.", ("Provider",), ("Customer",)),
        ("1. Provider may audit Customer's compliance with this Section.", ("Customer",), ("Provider",)),
        ("1. Upon termination or at Provider's request, Customer shall return all materials.", ("Customer",),
         ("Provider",)),
        ("1. Customer's obligations under this Section survive termination.", ("Customer",), ("Provider",)),
        ("1. The Recipient shall not disclose Confidential Information.", ("Provider", "Customer"),
         ("Provider", "Customer")),
        ("1. Kestrel Data Inc. shall notify Customer of any breach.", ("Provider",), ("Customer",)),
    ],
)
def test_obligor_reads_who_is_bound(sentence: str, binds: tuple, protects: tuple) -> None:
    assert _binds(sentence) == [(binds, protects)]


def test_obligor_list_items_inherit_the_lead_in() -> None:
    body = (
        "1. Provider shall:\n\n(a) use Customer Data only to provide the Services;\n\n"
        "(b) not disclose it to any third party.\n\n2. Customer shall pay the fees."
    )
    assert _binds(body) == [
        (("Provider",), ("Customer",)),
        (("Provider",), ("Customer",)),
        (("Provider",), ("Customer",)),
        (("Customer",), ("Provider",)),
    ]


def test_obligor_unreadable_clause_binds_nobody() -> None:
    assert _binds("1. Confidential Information is valuable.") == [((), ())]


def test_obligor_no_parties_reads_nothing() -> None:
    document = plain_document("1. Customer shall pay.", path="x.txt", fmt="text", sha256="")
    assert ObligorIndex(document).duty(document.clauses[0]) == ((), ())


PARTIES = (
    Party("Provider", "Kestrel Data Inc.", ("Provider", "Kestrel Data Inc."), ("vendor",)),
    Party("Customer", "Lumen Foods Ltd", ("Customer", "Lumen Foods Ltd"), ("customer",)),
)


def test_obligor_resolve_side_by_role_and_by_name() -> None:
    view, warning = resolve_side("customer", PARTIES)
    assert (view.own, view.other, view.other_label) == (("Customer",), ("Provider",), "the vendor (Provider)")
    assert warning is None
    view, warning = resolve_side("kestrel data inc.", PARTIES)
    assert (view.own, view.other_label, warning) == (("Provider",), "Customer", None)
    assert resolve_side("either", PARTIES)[0].either


def test_obligor_resolve_side_unknown_falls_back_with_one_line() -> None:
    view, warning = resolve_side("employee", PARTIES)
    assert view.either
    assert warning is not None and "\n" not in warning and "judged for either side" in warning
    view, warning = resolve_side("customer", ())
    assert view.either and "parties: none found" in (warning or "")


def test_obligor_markers_tried_only_at_their_words_are_all_the_markers() -> None:
    """_read finds rights and duties, and the boundaries before them, with gate.lead_finditer: the
    same matches as finditer; _open_lead_in answers as its regex does."""
    from clauses.detect.obligor import (
        _BOUNDARY,
        _BOUNDARY_LEAD,
        _MARKER,
        _MARKER_LEAD,
        _OPEN_LEAD_IN,
        _open_lead_in,
    )
    from clauses.detect.train import load_corpus
    from clauses.elements.gate import gate_text, lead_finditer
    from clauses.resources import data_dir

    texts = [c.text for c in load_corpus(data_dir("corpus"))] + ["İt Shall, and it MAY; this is theirs."]
    texts += ["The Recipient shall —", "It agrees to:", "each party undertakes  to -", "Both will", "the law"]
    assert _MARKER_LEAD and _BOUNDARY_LEAD
    differ = []
    for text in texts:
        lowered = gate_text(text)
        for regex, lead in ((_MARKER, _MARKER_LEAD), (_BOUNDARY, _BOUNDARY_LEAD)):
            for pos in (0, len(text) // 3):
                if [m.span() for m in regex.finditer(text, pos)] != [
                    m.span() for m in lead_finditer(regex, lead, text, lowered, pos)
                ]:
                    differ.append((regex.pattern[:20], pos, text[:60]))
        stripped = text.rstrip()
        if _open_lead_in(stripped) != bool(_OPEN_LEAD_IN.search(stripped)):
            differ.append(("lead-in", 0, text[:60]))
    assert differ == []
