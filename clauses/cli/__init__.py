"""The ``clauses`` command line.

Kept light so ``clauses --help`` starts fast: parsers, pypdf, python-docx, spaCy
and scikit-learn are imported inside the commands that need them. Every command
reports a bad input as one line, ``path: Kind: message``, through ``fail``; only
``ClausesError`` is caught, so a defect still shows its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from clauses import __version__
from clauses.cli.options import OcrMode, OcrOption
from clauses.errors import ClausesError, InputError

EXIT_INPUT = 1  # the input file cannot be analysed
EXIT_CONFIG = 2  # bad profile, playbook or model

app = typer.Typer(
    name="clauses",
    help="Review contracts for their confidentiality clauses.",
    pretty_exceptions_enable=False,  # tracebacks could show contract text in locals
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# ---------------------------------------------------------------- shared helpers


def fail(error: ClausesError) -> typer.Exit:
    """Print ``error`` as one line on stderr and return the Exit to raise."""
    typer.echo(error.one_line(), err=True)
    return typer.Exit(EXIT_INPUT if isinstance(error, InputError) else EXIT_CONFIG)


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Turn a ``ClausesError`` raised inside the block into a one-line message and exit code."""
    try:
        yield
    except ClausesError as error:
        raise fail(error) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clauses {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Review contracts for their confidentiality clauses.

    Examples:

        clauses parse contract.docx

        clauses parse contract.pdf --json > contract.json
    """


# ---------------------------------------------------------------- commands


def _outline_line(number: str, heading: str, text: str, page: int | None) -> str:
    words = " ".join(text.split()[:10])
    where = f"  (p. {page})" if page else ""
    head = f"[{heading}] " if heading else ""
    return f"{number or '-':<12} {head}{words}{where}"


@app.command()
def parse(
    file: Annotated[
        Path, typer.Argument(help="Contract file: PDF, DOCX, TXT, Markdown or HTML.", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole Document as JSON.")] = False,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    max_size: Annotated[
        int | None, typer.Option("--max-size", help="Largest file accepted, in bytes (default 50 MB).", min=1)
    ] = None,
    ocr: OcrOption = OcrMode.auto,
) -> None:
    """Split a contract into numbered clauses and print its outline.

    One line per clause: section number, [heading], first words, page.

    Examples:

        clauses parse samples/mutual-nda.docx

        clauses parse scan.pdf --password s3cret

        clauses parse signed-scan.pdf --ocr always

        clauses parse contract.pdf --json > contract.json
    """
    from clauses.parse import MAX_FILE_BYTES
    from clauses.parse import parse as parse_file

    with reporting_errors():
        document = parse_file(
            file,
            password=password,
            max_bytes=max_size if max_size is not None else MAX_FILE_BYTES,
            ocr=ocr.value,
        )
    if as_json:
        json.dump(asdict(document), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    typer.echo(
        f"{document.path}: {document.format}, {len(document.clauses)} clauses"
        + (f", {document.pages} pages" if document.pages else "")
    )
    if document.title:
        typer.echo(f"Title: {document.title}")
    if document.parties:
        typer.echo(f"Parties: {'; '.join(document.parties)}")
    from clauses.pipeline import ocr_warnings

    for warning in ocr_warnings(document):
        typer.echo(f"Warning: {warning}")
    ocr_pages = {mark.page for mark in document.ocr}
    for clause in document.clauses:
        line = _outline_line(clause.number, clause.heading, clause.text, clause.page)
        typer.echo(f"{line} [OCR]" if clause.page in ocr_pages else line)


def _model(folder: Path | None):
    from clauses.pipeline import load_shipped_model

    return load_shipped_model(folder)


_STATUS_STYLE = {"present": "green", "weak": "yellow", "missing": "red"}
SIDE_HELP = (
    "Whose side you review for: customer, vendor, discloser, recipient, employer, employee, either, "
    "or a party's name as the contract writes it. A duty counts only when it binds the other side "
    "(or both). Default: the profile's (vendor: customer; employment: employer; nda: either)."
)
_ROUTING_STYLE = {"GREEN": "bold green", "YELLOW": "bold yellow", "RED": "bold red"}


@app.command()
def check(
    file: Annotated[
        Path, typer.Argument(help="Contract file: PDF, DOCX, TXT, Markdown or HTML.", show_default=False)
    ],
    profile: Annotated[
        str, typer.Option(help="auto, nda, vendor, employment, or a playbook .toml file.")
    ] = "auto",
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    model: Annotated[Path | None, typer.Option(help="Model folder (default: the shipped model).")] = None,
    side: Annotated[str | None, typer.Option("--side", help=SIDE_HELP, show_default=False)] = None,
    ocr: OcrOption = OcrMode.auto,
) -> None:
    """Check one contract and print a table: element, status, confidence, binds, evidence, reason.

    "binds" is the party the clause's duty binds. With --side, a clause that
    binds only your own side does not count ("binds you, not the vendor").

    Examples:

        clauses check samples/mutual-nda.docx

        clauses check vendor-msa.pdf --profile vendor --side customer

        clauses check one-way-nda.docx --side "Acme Corp."

        clauses check contract.docx --profile my-playbook.toml
    """
    from rich.console import Console
    from rich.table import Table

    from clauses.pipeline import analyze

    with reporting_errors():
        analysis = analyze(
            file,
            profile,
            model=_model(model),
            password=password,
            suggestions=False,
            side=side,
            ocr=ocr.value,
        )
    # A pipe or file gets a readable width instead of the 80-column default.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    console.print(
        f"{analysis.document.path}: [{_ROUTING_STYLE[analysis.routing]}]{analysis.routing}[/] "
        f"score {analysis.score}/100, profile {analysis.profile} ({analysis.profile_reason})",
        markup=True,
    )
    own = f" ({', '.join(analysis.side_parties)})" if analysis.side_parties else ""
    console.print(f"side: {analysis.side}{own}", markup=False)
    for warning in analysis.warnings:
        console.print(f"warning: {warning}", markup=False)
    table = Table(show_lines=False)
    for column in ("element", "required", "status", "conf.", "binds", "evidence", "reason"):
        table.add_column(column, overflow="fold")
    text = analysis.document.text
    for result in analysis.elements:
        evidence = ""
        if result.evidence:
            top = result.evidence[0]
            words = " ".join(text[top.start : top.end].split()[:8])
            where = f"§{top.number} " if top.number else ""
            page = f"(p.{top.page}) " if top.page else ""
            evidence = f"{where}{page}{words}"
        reason = result.reason if result.status != "present" else ""
        table.add_row(
            result.element,
            result.requirement,
            f"[{_STATUS_STYLE[result.status]}]{result.status}[/]",
            f"{result.confidence:.2f}" + (" review" if result.needs_review else ""),
            ", ".join(result.evidence[0].binds).replace("[", "\\[") if result.evidence else "",
            evidence.replace("[", "\\["),
            reason.replace("[", "\\["),
        )
    console.print(table)
    flagged = sum(1 for result in analysis.elements if result.needs_review)
    console.print(f"{flagged} of {len(analysis.elements)} verdicts to review (confidence below 90%)")


@app.command()
def train(
    corpus: Annotated[Path | None, typer.Option(help="Corpus folder (default: the shipped corpus/).")] = None,
    out: Annotated[Path | None, typer.Option(help="Where to write the model (default: models/).")] = None,
    seed: Annotated[
        int, typer.Option(help="Random seed; the same corpus and seed give the same model.")
    ] = 20261121,
    folds: Annotated[
        int, typer.Option(help="Cross-validation folds for the manifest's metrics (1 = skip).", min=1)
    ] = 5,
) -> None:
    """Build the classifier from the labelled corpus and write weights plus manifest.

    Deterministic: the same corpus and seed give byte-identical files.

    Examples:

        clauses train

        clauses train --corpus my-corpus/ --out my-model/ --folds 1
    """
    from clauses.detect.train import train as train_model
    from clauses.resources import data_dir

    with reporting_errors():
        corpus = corpus or data_dir("corpus")
        calibrator = None
        if folds > 1:  # the confidence calibration is fitted on the folds' held-out contracts
            from clauses.evaluate.calibrate import FoldCalibrator

            calibrator = FoldCalibrator(corpus, seed)
        manifest = train_model(
            corpus, out or data_dir("models"), seed=seed, folds=folds, calibrator=calibrator
        )
    typer.echo(f"trained on {manifest['corpus_clauses']} clauses; model {manifest['model_version']}")
    for element, metrics in manifest["cv_metrics"].items():
        typer.echo(
            f"  {element:22} P {metrics['precision']:.2f}  R {metrics['recall']:.2f}  "
            f"F1 {metrics['f1']:.2f}  ({metrics['positives']} positives)"
        )


@app.command()
def evaluate(
    labels: Annotated[
        Path, typer.Argument(help="labels.jsonl: one line per document and element.", show_default=False)
    ],
    docs: Annotated[
        Path, typer.Option(help="ContractNLI-style .json of documents, or a folder of contract files.")
    ],
    model: Annotated[Path | None, typer.Option(help="Model folder (default: the shipped model).")] = None,
    errors: Annotated[bool, typer.Option(help="Also list the documents behind each miss.")] = False,
    half: Annotated[
        str, typer.Option(help="study, blind or all: the half of the set (by document) to score.")
    ] = "all",
    split: Annotated[
        Path | None,
        typer.Option(help="Study/blind split file (default: tests/real_split.json of this checkout)."),
    ] = None,
) -> None:
    """Measure detection against labelled contracts: P/R/F1, weak-flag accuracy, evidence hits,
    contracts with all 13 verdicts right, false "missing" per contract, and calibration.

    Study only the study half's errors; the blind half says whether a change holds.

    Examples:

        clauses evaluate ../shared/real/contractnli/labels.jsonl --docs ../shared/real/contractnli/dev.json

        clauses evaluate ../shared/real/agreements/labels.jsonl --docs ../shared/real/agreements/docs \\
            --half blind
    """
    from clauses.evaluate import evaluate as run_evaluation
    from clauses.evaluate import format_table, load_split

    with reporting_errors():
        chosen = None
        if half != "all":
            default = Path(__file__).resolve().parents[2] / "tests" / "real_split.json"
            chosen = load_split(split if split is not None else default)
        result = run_evaluation(labels, docs, _model(model), half=half, split=chosen)
    typer.echo(format_table(result))
    if errors:
        for element, score in result.scores.items():
            for line in score.errors:
                typer.echo(f"  {element}: {line}")
    for line in result.failed:
        typer.echo(f"  not read: {line}")


def _register_review() -> None:
    from clauses.cli.review import review

    app.command("review")(review)


_register_review()


def main() -> None:
    """Console entry point (``clauses`` in pyproject.toml).

    Ends the process with ``os._exit`` once the output streams are flushed, as
    mypy does: by then every report is written (atomically) and any worker pool
    is shut down, and tearing down an interpreter that holds spaCy and the model
    only costs time (about 0.12 s per run, paid by every CI job that runs us).
    """
    import os

    try:
        app()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`clauses ... | head`): nothing left to say
            pass
    os._exit(code)
