"""clauses.evaluate: label loading, TP/FP/FN counting, evidence hits and the printed table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clauses.datamodel import MISSING, PRESENT, WEAK, Analysis, Document, ElementResult, Evidence
from clauses.elements import element_ids
from clauses.errors import ConfigError
from clauses.evaluate import (
    ElementLabel,
    ElementScore,
    Evaluation,
    LabelledDocument,
    contractnli_documents,
    evidence_hit,
    folder_documents,
    format_table,
    labelled_documents,
    score,
)
from clauses.segment import plain_document

TEXT = (
    "1. The Recipient shall keep the information secret.\n\n"
    "2. The Recipient shall notify the Discloser of any unauthorized use within 24 hours.\n\n"
    "3. This Agreement is governed by the laws of Ontario."
)


def _document() -> Document:
    return plain_document(TEXT, path="t.txt", fmt="text", sha256="")


def _analysis(statuses: dict[str, str], evidence_clause: dict[str, int] | None = None) -> Analysis:
    document = _document()
    evidence_clause = evidence_clause or {}
    results = []
    for element in element_ids():
        status = statuses.get(element, MISSING)
        evidence: tuple[Evidence, ...] = ()
        if element in evidence_clause:
            clause = document.clauses[evidence_clause[element]]
            evidence = (
                Evidence(clause.id, clause.number, "", None, clause.start, clause.end, 0.9, 0.9, 0.9),
            )
        results.append(ElementResult(element, element, "optional", "low", status, 0.9, "", evidence))
    return Analysis(document, "evaluation", "", "GREEN", 100, tuple(results), "test")


def _labelled(name: str, labels: dict[str, ElementLabel]) -> LabelledDocument:
    return LabelledDocument(name, _document, labels)


def test_evaluate_score_counts_tp_fp_fn_tn() -> None:
    present = ElementLabel(True, False)
    absent = ElementLabel(False, False)
    pairs = [
        (_labelled("a", {"third_party": present, "remedies": absent}), _analysis({"third_party": PRESENT})),
        (
            _labelled("b", {"third_party": present, "remedies": absent}),
            _analysis({"third_party": MISSING, "remedies": PRESENT}),
        ),
        (_labelled("c", {"third_party": present, "remedies": present}), _analysis({"third_party": WEAK})),
        (_labelled("d", {"third_party": absent}), _analysis({})),
    ]
    evaluation = score(iter(pairs))
    third = evaluation.scores["third_party"]
    assert (third.tp, third.fp, third.fn, third.tn) == (2, 0, 1, 1)
    assert third.precision == 1.0 and third.recall == pytest.approx(2 / 3)
    assert third.f1 == pytest.approx(0.8)
    remedies = evaluation.scores["remedies"]
    assert (remedies.tp, remedies.fp, remedies.fn, remedies.tn) == (0, 1, 1, 1)
    assert remedies.f1 == 0.0
    assert remedies.errors == ["FP b", "FN c"]
    assert evaluation.documents == 4


def test_evaluate_unlabelled_elements_are_not_counted() -> None:
    pairs = [(_labelled("a", {"audit": ElementLabel(True, False)}), _analysis({"remedies": PRESENT}))]
    evaluation = score(iter(pairs))
    remedies = evaluation.scores["remedies"]
    assert (remedies.tp, remedies.fp, remedies.fn, remedies.tn) == (0, 0, 0, 0)
    # No labels at all: precision and recall default to 1, so the element does not drag macro-F1 down.
    assert remedies.f1 == 1.0


def test_evaluate_weak_flag_accuracy_on_true_positives() -> None:
    pairs = [
        (
            _labelled("a", {"post_termination": ElementLabel(True, True)}),
            _analysis({"post_termination": WEAK}),
        ),
        (
            _labelled("b", {"post_termination": ElementLabel(True, True)}),
            _analysis({"post_termination": PRESENT}),
        ),
        (
            _labelled("c", {"post_termination": ElementLabel(True, False)}),
            _analysis({"post_termination": PRESENT}),
        ),
        (_labelled("d", {"post_termination": ElementLabel(False, False)}), _analysis({})),
    ]
    evaluation = score(iter(pairs))
    survival = evaluation.scores["post_termination"]
    assert (survival.weak_right, survival.weak_total) == (2, 3)
    assert evaluation.weak_accuracy == pytest.approx(2 / 3)


def test_evaluate_failed_documents_are_listed_not_scored() -> None:
    pairs = [
        (_labelled("a", {"audit": ElementLabel(True, False)}), "a.pdf: Scanned: no text layer"),
        (_labelled("b", {"audit": ElementLabel(True, False)}), _analysis({"audit": PRESENT})),
    ]
    evaluation = score(iter(pairs))
    assert evaluation.failed == ["a.pdf: Scanned: no text layer"]
    assert evaluation.documents == 1
    assert evaluation.scores["audit"].tp == 1


def test_evaluate_macro_f1_is_the_mean_over_elements() -> None:
    scores = {e: ElementScore() for e in element_ids()}
    scores["audit"] = ElementScore(tp=1, fp=1, fn=0)  # precision 0.5, recall 1 -> F1 2/3
    evaluation = Evaluation(scores, 1, [])
    assert evaluation.macro_f1 == pytest.approx((12 + 2 / 3) / 13)


def test_evaluate_evidence_hit_with_spans() -> None:
    analysis = _analysis({"breach_notice": PRESENT}, {"breach_notice": 1})
    clause = analysis.document.clauses[1]
    inside = ElementLabel(True, False, spans=((clause.start + 5, clause.start + 20),))
    elsewhere = ElementLabel(True, False, spans=((0, analysis.document.clauses[0].end),))
    touching = ElementLabel(True, False, spans=((clause.end, clause.end + 10),))
    assert evidence_hit(analysis, "breach_notice", inside)
    assert not evidence_hit(analysis, "breach_notice", elsewhere)
    assert not evidence_hit(analysis, "breach_notice", touching)


def test_evaluate_evidence_hit_with_quotes_ignores_case_and_spacing() -> None:
    analysis = _analysis({"breach_notice": PRESENT}, {"breach_notice": 1})
    quoted = ElementLabel(True, False, quotes=("NOTIFY   the Discloser of any\nunauthorized use",))
    other = ElementLabel(True, False, quotes=("keep the information secret",))
    assert evidence_hit(analysis, "breach_notice", quoted)
    assert not evidence_hit(analysis, "breach_notice", other)


def test_evaluate_evidence_hit_when_the_clause_lies_inside_a_longer_quote() -> None:
    analysis = _analysis({"breach_notice": PRESENT}, {"breach_notice": 1})
    longer = ElementLabel(
        True, False, quotes=("Preamble words. " + analysis.document.clauses[1].text + " More.")
    )
    assert evidence_hit(analysis, "breach_notice", longer)


def test_evaluate_evidence_hit_without_evidence_is_false() -> None:
    analysis = _analysis({"breach_notice": PRESENT})
    assert not evidence_hit(analysis, "breach_notice", ElementLabel(True, False, spans=((0, 10),)))


def test_evaluate_score_counts_evidence_hits_on_true_positives() -> None:
    analysis = _analysis(
        {"breach_notice": PRESENT, "third_party": PRESENT}, {"breach_notice": 1, "third_party": 2}
    )
    clause = analysis.document.clauses[1]
    labels = {
        "breach_notice": ElementLabel(True, False, spans=((clause.start, clause.end),)),
        "third_party": ElementLabel(True, False, quotes=("keep the information secret",)),
    }
    evaluation = score(iter([(_labelled("a", labels), analysis)]))
    assert evaluation.scores["breach_notice"].hits == 1
    assert evaluation.scores["third_party"].hits == 0
    assert evaluation.evidence_hit_rate == 0.5


def _labels_file(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_evaluate_folder_documents_match_files_by_stem(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "alpha.txt").write_text("The Recipient shall keep the information secret.", encoding="utf-8")
    (docs / "beta.txt").write_text("The Recipient may seek an injunction.", encoding="utf-8")
    labels = _labels_file(
        tmp_path / "labels.jsonl",
        [
            {"file": "alpha.txt", "element": "third_party", "present": True, "quotes": ["keep it"]},
            {"file": "alpha.pdf", "element": "remedies", "present": False},
            {"file": "beta.docx", "element": "remedies", "present": True, "weak": True},
            {"file": "gamma.txt", "element": "audit", "present": True},
        ],
    )
    found = folder_documents(docs, labels)
    assert [d.name for d in found] == ["alpha.txt", "beta.txt"]
    alpha, beta = found
    assert set(alpha.labels) == {"third_party", "remedies"}
    assert alpha.labels["third_party"] == ElementLabel(True, False, (), ("keep it",))
    assert beta.labels["remedies"] == ElementLabel(True, True)
    assert "injunction" in beta.load().text
    assert labelled_documents(labels, docs)[0].name == "alpha.txt"


def test_evaluate_contractnli_documents_read_dev_json_and_spans(tmp_path: Path) -> None:
    dev = tmp_path / "dev.json"
    dev.write_text(
        json.dumps(
            {
                "documents": [
                    {"id": 7, "file_name": "seven.pdf", "text": "Keep it secret.\n\nReturn it on request."},
                    {"id": 9, "file_name": "nine.pdf", "text": "Unlabelled document."},
                ]
            }
        ),
        encoding="utf-8",
    )
    labels = _labels_file(
        tmp_path / "labels.jsonl",
        [
            {"doc_id": 7, "element": "third_party", "present": True, "weak": False, "evidence": [[0, 15]]},
            {"doc_id": 7, "element": "return_destruction", "present": True, "evidence": [[17, 37]]},
        ],
    )
    (only,) = contractnli_documents(dev, labels)
    assert only.name == "seven.pdf"
    assert only.labels["third_party"].spans == ((0, 15),)
    document = only.load()
    assert document.text == "Keep it secret.\n\nReturn it on request."
    assert document.text[17:37] == "Return it on request"
    assert labelled_documents(labels, dev)[0].name == "seven.pdf"


def test_evaluate_unreadable_labels_are_config_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"file": "a.txt", \n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"labels.jsonl:1: not JSON"):
        folder_documents(tmp_path / "docs", labels)
    with pytest.raises(ConfigError, match="cannot read labels"):
        folder_documents(tmp_path / "docs", tmp_path / "absent.jsonl")


def test_evaluate_unknown_source_kind_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ContractNLI"):
        labelled_documents(tmp_path / "labels.jsonl", tmp_path / "labels.csv")


def test_evaluate_format_table_has_a_row_per_element_and_the_summary() -> None:
    scores = {e: ElementScore() for e in element_ids()}
    scores["audit"] = ElementScore(tp=3, fp=1, fn=2, tn=4, weak_right=2, weak_total=3, hits=3)
    table = format_table(Evaluation(scores, 10, ["x.pdf: Corrupt: bad"]))
    lines = table.splitlines()
    assert lines[0].split()[:4] == ["element", "prec", "rec", "F1"]
    assert len(lines) == 1 + 13 + 1
    audit = next(line for line in lines if line.startswith("audit"))
    assert audit.split() == ["audit", "0.75", "0.60", "0.67", "3", "1", "2", "4", "0.67", "1.00"]
    assert "macro-F1" in lines[-1] and "documents 10" in lines[-1] and "failed 1" in lines[-1]


def test_evaluate_split_keys_is_a_fixed_seeded_half() -> None:
    from clauses.evaluate import split_keys

    keys = [f"doc{i}" for i in range(11)]
    first = split_keys(keys, "seed-a")
    assert first == split_keys(list(reversed(keys)), "seed-a")  # order of the input does not matter
    assert len(first["study"]) == 6 and len(first["blind"]) == 5
    assert sorted(first["study"] + first["blind"]) == sorted(keys)
    assert split_keys(keys, "seed-b") != first  # the seed, not the ids' order, decides


def test_evaluate_select_half_keeps_the_named_half() -> None:
    from clauses.evaluate import select_half

    docs = [LabelledDocument(f"{k}.txt", _document, {}, k) for k in ("a", "b", "c")]
    split = {"set": {"study": ["a", "c"], "blind": ["b"]}}
    assert [d.key for d in select_half(docs, "set", "study", split)] == ["a", "c"]
    assert [d.key for d in select_half(docs, "set", "blind", split)] == ["b"]
    assert select_half(docs, "set", "all", None) == docs
    with pytest.raises(ConfigError, match="no study/blind split for the set 'other'"):
        select_half(docs, "other", "blind", split)
    with pytest.raises(ConfigError, match="half must be one of"):
        select_half(docs, "set", "half", split)


def test_evaluate_load_split_reads_the_committed_file() -> None:
    from clauses.evaluate import load_split

    split = load_split(Path(__file__).with_name("real_split.json"))
    for name in ("contractnli", "agreements"):
        study, blind = set(split[name]["study"]), set(split[name]["blind"])
        assert study and blind and not study & blind


def test_evaluate_load_split_bad_file_is_config_error(tmp_path: Path) -> None:
    from clauses.evaluate import load_split

    bad = tmp_path / "split.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ConfigError, match="split file holds"):
        load_split(bad)


def test_evaluate_score_records_each_verdict_with_its_rightness() -> None:
    present, absent = ElementLabel(True, False), ElementLabel(False, False)
    weak_label = ElementLabel(True, True)
    pairs = [
        (
            _labelled("a", {"third_party": present, "remedies": absent, "definition": weak_label}),
            _analysis({"third_party": WEAK, "definition": WEAK}),
        )
    ]
    verdicts = {v.element: v for v in score(iter(pairs)).verdicts}
    assert set(verdicts) == {"third_party", "remedies", "definition"}
    assert not verdicts["third_party"].right  # present, but the weak flag is wrong
    assert verdicts["remedies"].right and not verdicts["remedies"].predicted
    assert verdicts["definition"].right and verdicts["definition"].confidence == 0.9


GOOD_ROW = '{"file": "a.txt", "element": "definition", "present": true, "weak": false, "quotes": []}'


@pytest.mark.parametrize(
    ("bad_line", "words"),
    [
        ('{"file": "a.txt", "element": "definition"}', "missing 'present'"),
        ('{"element": "definition", "present": true}', "missing 'file'"),
        ('{"file": "a.txt", "element": "secrecy", "present": true}', "unknown element id 'secrecy'"),
        ('{"file": "a.txt", "element": "definition", "present": "yes"}', "must be true or false"),
        ('{"file": "a.txt", "element": "definition", "present": true, "quotes": "q"}', "list of strings"),
        ('{"file": "a.txt", "element": "definition", "present": true, "evidence": [[1]]}', "[start, end]"),
        ("[1, 2]", "expected a JSON object"),
        ("{not json", "not JSON"),
    ],
)
def test_evaluate_malformed_line_is_one_line_naming_the_line(
    tmp_path: Path, bad_line: str, words: str
) -> None:
    from typer.testing import CliRunner

    from clauses.cli import app

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(f"{GOOD_ROW}\n\n{bad_line}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(labels), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1 and "labels.jsonl:3: " in result.stderr
    assert words in result.stderr


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_evaluate_empty_labels_file_is_an_error_not_a_perfect_score(tmp_path: Path, content: str) -> None:
    from typer.testing import CliRunner

    from clauses.cli import app

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(labels), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 2 and "macro-F1" not in result.stdout
    assert "ConfigError" in result.stderr and "no labels" in result.stderr


def test_evaluate_labels_matching_no_document_or_none_readable_is_an_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from clauses.cli import app

    (tmp_path / "docs").mkdir()
    labels = tmp_path / "labels.jsonl"
    labels.write_text(GOOD_ROW + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(labels), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 2 and "no labelled document found" in result.stderr
    (tmp_path / "docs" / "a.txt").write_bytes(b"")  # found, but empty: nothing can be scored
    result = CliRunner().invoke(app, ["evaluate", str(labels), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 2 and "not one labelled document could be analysed" in result.stderr
    dev = tmp_path / "dev.json"
    dev.write_text('{"documents": [{"id": 1, "text": "Keep it secret."}]}', encoding="utf-8")
    labels.write_text('{"doc_id": 2, "element": "definition", "present": true}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(labels), "--docs", str(dev)])
    assert result.exit_code == 2 and "doc_id 2 not in" in result.stderr
    dev.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(labels), "--docs", str(dev)])
    assert result.exit_code == 2 and "not a ContractNLI file" in result.stderr
