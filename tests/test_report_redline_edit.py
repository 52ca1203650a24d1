"""The redline on a contract Word numbers itself: edits in place, real list items, and the proof.

The proof tests accept every change (tests/accept_all.py), parse the result again
and review it: the weak elements are present, none of the old wording is left in
the edited clauses, the new clauses are numbered by Word in sequence with their
neighbours, nothing was inserted in a table, and the earlier reviewer's
revision survives.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from accept_all import accept_all
from lxml import etree
from redline_fixtures import (
    EARLIER,
    NUM_ID,
    write_blank_period_nda,
    write_numbered_nda,
    write_two_periods_services,
)

from clauses.datamodel import PRESENT, WEAK, Analysis
from clauses.parse import parse
from clauses.pipeline import analyze, load_shipped_model
from clauses.report.redline import write_redline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AUTHOR = "Jane Doe"


@pytest.fixture(scope="module")
def model():
    return load_shipped_model()


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, model) -> tuple[Path, Analysis, Path]:
    folder = tmp_path_factory.mktemp("numbered-nda")
    source = write_numbered_nda(folder / "nda.docx")
    analysis = analyze(source, model=model)
    out = folder / "nda.redline.docx"
    write_redline(analysis, source, out, author=AUTHOR)
    return source, analysis, out


def _root(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(part))


def _paragraphs(path: Path) -> list[etree._Element]:
    return list(_root(path).find(f"{W}body").iter(f"{W}p"))


def _clause(analysis: Analysis, number: str):
    return next(c for c in analysis.document.clauses if c.number == number)


def test_report_redline_edit_weak_clause_changed_in_its_own_paragraph(reviewed) -> None:
    _, analysis, out = reviewed
    survival = next(r for r in analysis.elements if r.element == "post_termination")
    assert survival.status == WEAK and survival.suggestion.kind == "edit"
    paragraph = _paragraphs(out)[_clause(analysis, "2.3").source[0]]
    deleted = "".join(t.text for d in paragraph.iter(f"{W}del") for t in d.iter(f"{W}delText"))
    inserted = ["".join(t.text for t in i.iter(f"{W}t")) for i in paragraph.findall(f"{W}ins")]
    assert deleted == "one (1) year"  # word level: only the period changes, across the two runs
    assert inserted == ["two (2) years"]
    for change in list(paragraph.iter(f"{W}del")) + paragraph.findall(f"{W}ins"):
        assert change.get(f"{W}author") == AUTHOR
    # The run formatting survives: the new words are italic like the words they replace.
    new_run = paragraph.find(f"{W}ins").find(f"{W}r")
    assert new_run.find(f"{W}rPr/{W}i") is not None
    assert all(r.find(f"{W}rPr/{W}i") is not None for d in paragraph.iter(f"{W}del") for r in d)


def test_report_redline_edit_json_says_kind_before_after(reviewed) -> None:
    _, analysis, _ = reviewed
    care = next(r for r in analysis.elements if r.element == "safeguards").suggestion
    assert care.kind == "edit" and care.target == _clause(analysis, "2.2").id
    assert "reasonable efforts" in care.before and "at least reasonable care" in care.after
    assert "reasonable efforts" not in care.after


def test_report_redline_insert_is_a_word_list_item_after_its_sibling(reviewed) -> None:
    _, analysis, out = reviewed
    body = _root(out).find(f"{W}body")
    ours = [
        p
        for p in body.iter(f"{W}p")
        if p.findall(f"{W}ins") and all(r.getparent().tag == f"{W}ins" for r in p.iter(f"{W}r"))
    ]
    inserts = [r for r in analysis.elements if r.suggestion and r.suggestion.kind == "insert"]
    assert len(ours) == len(inserts) > 0
    for paragraph in ours:
        numpr = paragraph.find(f"{W}pPr/{W}numPr")
        assert numpr is not None, "the new clause must be numbered by Word"
        assert numpr.find(f"{W}numId").get(f"{W}val") == NUM_ID
        assert numpr.find(f"{W}ilvl").get(f"{W}val") == "1"
        text = "".join(t.text for t in paragraph.iter(f"{W}t"))
        assert not text[:1].isdigit(), f"typed number in {text[:20]!r}"
        assert next(paragraph.iterancestors(f"{W}tbl"), None) is None


def test_report_redline_track_changes_on_and_comments_for_counterparty(reviewed) -> None:
    _, _, out = reviewed
    assert _root(out, "word/settings.xml").find(f"{W}trackRevisions") is not None
    comments = [c for c in _root(out, "word/comments.xml").iter(f"{W}comment")]
    assert comments and all(c.get(f"{W}author") == AUTHOR for c in comments)
    for comment in comments:
        text = "".join(t.text for t in comment.iter(f"{W}t"))
        assert text.startswith("We propose") and not any(ch.isdigit() for ch in text), text
        # An edit names the clause it changes, not the element's title alone ("this change to the
        # clause on remedies", not "this change to remedies").
        proposals = ("We propose adding a clause on ", "We propose this change to the clause on ")
        assert text.startswith(proposals), text


def test_report_redline_comments_internal_and_none(reviewed, tmp_path: Path) -> None:
    source, analysis, _ = reviewed
    internal, silent = tmp_path / "internal.docx", tmp_path / "none.docx"
    write_redline(analysis, source, internal, comments="internal")
    write_redline(analysis, source, silent, comments="none")
    texts = ["".join(t.text for t in c.iter(f"{W}t")) for c in _root(internal, "word/comments.xml")]
    assert any("one (1) year" in t and "profile" in t for t in texts)  # the full reason
    with zipfile.ZipFile(silent) as package:
        assert "word/comments.xml" not in package.namelist()
    assert not list(_root(silent).iter(f"{W}commentReference"))


def test_report_redline_accept_all_fixes_the_contract(reviewed, model, tmp_path: Path) -> None:
    _, analysis, out = reviewed
    accepted = accept_all(out, tmp_path / "accepted.docx")
    document = parse(accepted)
    numbers = [c.number for c in document.clauses if c.number]
    inserts = sum(1 for r in analysis.elements if r.suggestion and r.suggestion.kind == "insert")
    # Word numbers the new clauses 2.4, 2.5, ... right after 2.3, and General stays 3.
    assert numbers == ["1", "1.1", "2", *[f"2.{k}" for k in range(1, 4 + inserts)], "3", "3.1"]
    survival = next(c for c in document.clauses if c.number == "2.3")
    assert "two (2) years" in survival.text and "one (1) year" not in survival.text
    care = next(c for c in document.clauses if c.number == "2.2")
    assert "at least reasonable care" in care.text and "reasonable efforts" not in care.text
    assert EARLIER.strip() in next(c for c in document.clauses if c.number == "2.1").text
    again = {r.element: r for r in analyze(accepted, profile=analysis.profile, model=model).elements}
    for result in analysis.elements:
        if result.suggestion is not None:
            assert again[result.element].status == PRESENT, (result.element, again[result.element].reason)


def test_report_redline_keeps_earlier_revisions(reviewed) -> None:
    _, _, out = reviewed
    theirs = [i for i in _root(out).iter(f"{W}ins") if i.get(f"{W}author") == "Earlier Reviewer"]
    assert ["".join(t.text for t in i.iter(f"{W}t")) for i in theirs] == [EARLIER]
    ids = [e.get(f"{W}id") for e in _root(out).iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", ["mutual-nda.txt", "services-agreement.pdf", "services-agreement.html"])
def test_report_redline_rendition_of_other_formats_is_fixed_by_accepting(
    name: str, model, tmp_path: Path
) -> None:
    source = Path(__file__).resolve().parents[1] / "samples" / name
    analysis = analyze(source, model=model)
    out = tmp_path / "rendition.docx"
    result = write_redline(analysis, source, out)
    weak = [r.element for r in analysis.elements if r.status == WEAK and r.suggestion is not None]
    assert weak and result.edited == weak  # edited in place in the rendition, not appended
    accepted = accept_all(out, tmp_path / "accepted.docx")
    again = {r.element: r for r in analyze(accepted, profile=analysis.profile, model=model).elements}
    for result_before in analysis.elements:
        if result_before.suggestion is not None:
            assert again[result_before.element].status == PRESENT, result_before.element


def test_report_redline_edit_unplaceable_words_rewrite_the_clause_in_place(
    reviewed, tmp_path: Path
) -> None:
    from dataclasses import replace

    from clauses.datamodel import Suggestion, TextEdit
    from clauses.suggest.edits import apply_edits

    source, analysis, _ = reviewed
    clause = _clause(analysis, "2.1")
    start = analysis.document.text.index("professional advisers", clause.start)
    # The words sit inside the earlier reviewer's insertion: no word-level edit can be placed there.
    edit = TextEdit(start, start + len("professional advisers"), "advisers bound by a duty of confidence")
    after = apply_edits(clause.text, clause.start, (edit,))
    result = next(r for r in analysis.elements if r.element == "third_party")
    suggestion = Suggestion(
        "third_party", after, "", None, "edit Section 2.1 in place",
        "edit", clause.id, clause.text, after, (edit,),
    )
    changed = replace(analysis, elements=(replace(result, status=WEAK, suggestion=suggestion),))
    out = tmp_path / "rewrite.docx"
    written = write_redline(changed, source, out)
    assert written.unplaced == ["third_party"] and written.inserted == []
    accepted = parse(accept_all(out, tmp_path / "accepted.docx"))
    numbers = [c.number for c in accepted.clauses if c.number]
    assert numbers == [c.number for c in analysis.document.clauses if c.number]  # nothing added
    rewritten = next(c for c in accepted.clauses if c.number == "2.1")
    assert " ".join(rewritten.text.split()) == " ".join(after.split())


def _accepted_review(source: Path, profile: str, model, folder: Path):
    analysis = analyze(source, profile=profile, model=model)
    out = folder / f"{source.stem}.redline.docx"
    write_redline(analysis, source, out, author=AUTHOR)
    accepted = accept_all(out, folder / f"{source.stem}.accepted.docx")
    again = analyze(accepted, profile=analysis.profile, model=model)
    return analysis, out, again


def test_report_redline_accept_all_raises_every_short_survival_period(model, tmp_path: Path) -> None:
    source = write_two_periods_services(tmp_path / "services.docx")
    analysis, out, again = _accepted_review(source, "vendor", model, tmp_path)
    survival = next(r for r in analysis.elements if r.element == "post_termination")
    assert survival.status == WEAK and survival.suggestion.kind == "edit"
    texts = {c.number: " ".join(c.text.split()) for c in again.document.clauses if c.number}
    # Both confidentiality periods raised, in their own clauses; the payment and notice terms untouched.
    assert "three (3) years" in texts["2.3"] and "one (1) year" not in texts["2.3"]
    assert "three (3) years" in texts["4.2"] and "twelve (12) months" not in texts["4.2"]
    assert "thirty (30) days" in texts["1.1"] and "ninety (90) days'" in texts["4.1"]
    results = {r.element: r for r in again.elements}
    for result in analysis.elements:
        if result.suggestion is not None:
            assert results[result.element].status == PRESENT, (result.element, results[result.element].reason)


def test_report_redline_accept_all_turns_a_saving_clause_into_the_duty(model, tmp_path: Path) -> None:
    source = write_two_periods_services(tmp_path / "services.docx")
    analysis, out, again = _accepted_review(source, "vendor", model, tmp_path)
    data = next(r for r in analysis.elements if r.element == "data_protection")
    assert data.status == WEAK and data.suggestion.kind == "edit"
    clause = next(c for c in again.document.clauses if c.number == "3.1")
    duty = "3.1 Supplier will comply with its obligations under applicable data protection laws in respect"
    assert clause.text.startswith(duty)
    assert "Nothing" not in clause.text
    assert next(r for r in again.elements if r.element == "data_protection").status == PRESENT
    # Word level: the saving words are deleted and the duty inserted inside 3.1's own paragraph.
    # (Our insertions in Section 2 shift the paragraph indices of the redline, so find it by its words.)
    paragraph = next(p for p in _paragraphs(out) if "in respect of personal data" in "".join(p.itertext()))
    deleted = " ".join(t.text for t in paragraph.iter(f"{W}delText")).split()
    assert deleted[:4] == ["Nothing", "in", "this", "Agreement"] and "limit" in deleted
    assert paragraph.find(f"{W}pPr/{W}numPr") is not None  # still Word's item 3.1


def test_report_redline_accept_all_fills_a_blank_period_in_the_cover_table(model, tmp_path: Path) -> None:
    source = write_blank_period_nda(tmp_path / "nda.docx")
    analysis, out, again = _accepted_review(source, "nda", model, tmp_path)
    survival = next(r for r in analysis.elements if r.element == "post_termination")
    assert survival.status == PRESENT and "; left blank: " in survival.reason
    assert survival.suggestion.kind == "edit"
    row = next(c for c in again.document.clauses if c.text.startswith("Confidentiality Period"))
    assert "two (2) years from the expiry or termination of this Agreement" in row.text
    assert "____" not in row.text and "[date]" not in row.text
    # The blank is filled inside its cell: no paragraph of ours was added to the table.
    table = _root(out).find(f"{W}body").find(f"{W}tbl")
    assert all(p.find(f"{W}pPr/{W}rPr/{W}ins") is None for p in table.iter(f"{W}p"))
    original = _root(source).find(f"{W}body").find(f"{W}tbl")
    assert len(list(table.iter(f"{W}p"))) == len(list(original.iter(f"{W}p")))
    results = {r.element: r for r in again.elements}
    for result in analysis.elements:
        if result.suggestion is not None:
            assert results[result.element].status == PRESENT, (result.element, results[result.element].reason)


def test_report_redline_two_sentences_added_to_one_clause_both_survive_accepting(
    reviewed, tmp_path: Path
) -> None:
    """Two weak elements repaired by sentences added at the end of the same clause: the second
    goes beside the first; rewriting the clause deleted the first inside its own insertion."""
    from dataclasses import replace

    from clauses.datamodel import Suggestion, TextEdit
    from clauses.suggest.edits import apply_edits

    source, analysis, _ = reviewed
    clause = _clause(analysis, "2.2")
    added = {
        "third_party": " The Recipient shall bind its advisers to equal duties.",
        "compelled_disclosure": " The Recipient shall give notice before any disclosure the law requires.",
    }
    results = []
    for element, words in added.items():
        edit = TextEdit(clause.end, clause.end, words)
        after = apply_edits(clause.text, clause.start, (edit,))
        suggestion = Suggestion(
            element, after, "", None, "edit Section 2.2 in place",
            "edit", clause.id, clause.text, after, (edit,),
        )
        result = next(r for r in analysis.elements if r.element == element)
        results.append(replace(result, status=WEAK, suggestion=suggestion))
    out = tmp_path / "two.docx"
    written = write_redline(replace(analysis, elements=tuple(results)), source, out)
    assert written.edited == list(added) and written.unplaced == []
    paragraph = next(p for p in _paragraphs(out) if "bind its advisers" in "".join(p.itertext()))
    assert paragraph.find(f".//{W}ins//{W}del") is None and paragraph.find(f".//{W}delText") is None
    accepted = parse(accept_all(out, tmp_path / "accepted.docx"))
    text = " ".join(next(c for c in accepted.clauses if c.number == "2.2").text.split())
    assert text.endswith(" ".join((clause.text + "".join(added.values())).split()))
