"""Parties, sides and incorporated terms read by segmentation (segment/parties.py, incorporation.py)."""

from __future__ import annotations

import pytest

from clauses.segment import plain_document
from clauses.segment.incorporation import find_incorporated, same_title


def _vocabulary(text: str):
    return plain_document(text, path="x.txt", fmt="text", sha256="").vocabulary


def test_segment_parties_roles_from_the_preamble() -> None:
    vocabulary = _vocabulary(
        'SERVICES AGREEMENT\n\nThis Agreement is made between Oakmere Ltd ("Supplier") and Pine Street LLC '
        '("Client").\n\n1. Supplier shall perform the Services.'
    )
    assert [(p.name, p.full_name, p.kinds) for p in vocabulary.parties] == [
        ("Supplier", "Oakmere Ltd", ("vendor",)),
        ("Client", "Pine Street LLC", ("customer",)),
    ]


def test_segment_parties_company_facing_a_recipient_is_the_discloser() -> None:
    vocabulary = _vocabulary(
        'NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made between Quarry Mills plc ("Company") and '
        'Rowan Reyes ("Recipient").\n\n1. Recipient shall keep the information secret.'
    )
    assert [(p.name, p.kinds) for p in vocabulary.parties] == [
        ("Company", ("discloser",)),
        ("Recipient", ("recipient",)),
    ]


def test_segment_parties_mutual_parties_play_both_roles() -> None:
    vocabulary = _vocabulary(
        'MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made between Sable Ltd ("Sable") and Tern Inc. '
        '("Tern").\n\n1. Each party shall keep the other\'s information confidential.'
    )
    assert vocabulary.mutual
    assert [(p.name, p.kinds) for p in vocabulary.parties] == [
        ("Sable", ("discloser", "recipient")),
        ("Tern", ("discloser", "recipient")),
    ]


def test_segment_parties_terms_written_to_you() -> None:
    vocabulary = _vocabulary(
        "TERMS OF SERVICE\n\nThese terms apply when you use our service. You shall keep your password "
        "secret. We may suspend your account. You must not share your account. We will protect your data."
    )
    names = {p.name: p.kinds for p in vocabulary.parties}
    assert names == {"you": ("customer",), "we": ("vendor",)}


def test_segment_parties_you_and_we_count_whole_words_only() -> None:
    # Three whole "you"/"your" make the reader a party; "yours", "young" and "youth" do not count,
    # nor do "ours", "user", "owe" and "bus" for the writer, who is named only twice.
    vocabulary = _vocabulary(
        "WEBSITE TERMS\n\nYou may browse freely. The choice is yours and yours alone, young or in your "
        "youth. We keep ours; we owe no user of the bus anything, and the records are ours. Keep you safe."
    )
    assert {p.name: p.kinds for p in vocabulary.parties} == {"you": ("customer",)}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "The Acme Cloud Standard Terms, available at https://example.org/terms, are incorporated by "
            "reference.",
            ("Acme Cloud Standard Terms",),
        ),
        ("This Order Form is subject to the Master Services Agreement between the parties.",
         ("Master Services Agreement",)),
        ("This Cover Page incorporates by reference the Harbourline Mutual NDA Standard Terms.",
         ("Harbourline Mutual NDA Standard Terms",)),
        ("Exhibit A is incorporated herein by reference.", ()),
        ("These Standard Terms are incorporated by a Cover Page signed by the parties.", ()),
        ("This Agreement is governed by the laws of Delaware.", ()),
    ],
)
def test_segment_incorporation_finds_named_documents(text: str, named: tuple[str, ...]) -> None:
    assert find_incorporated(text) == named


def test_segment_incorporation_same_title() -> None:
    assert same_title("Acme Cloud Standard Terms", "ACME CLOUD STANDARD TERMS")
    assert same_title("Standard Terms", "Acme Cloud Standard Terms (version 2)")
    assert not same_title("Master Services Agreement", "Acme Cloud Standard Terms")
    assert not same_title("Terms", "Terms")  # one word names nothing in particular


def test_segment_parties_same_in_every_process() -> None:
    """Roles of equal length ("Customer", "Provider") came from a set in hash order, so the parties,
    and the order of the parties a duty binds in every report, changed from one run to the next."""
    import os
    import subprocess
    import sys

    script = (
        "from clauses.segment import plain_document\n"
        "text = ('1. Services. Provider will host the Customer Data. ' * 3) + "
        "('2. Fees. Customer will pay Provider the fees. ' * 3)\n"
        "doc = plain_document(text, path='x.txt', fmt='text', sha256='')\n"
        "print([p.name for p in doc.vocabulary.parties])\n"
    )
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        command = [sys.executable, "-c", script]
        run = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        seen.add(run.stdout.strip())
    assert len(seen) == 1, seen
    assert seen == {"['Customer', 'Provider']"}
